import { describe, expect, it } from 'vitest';
import { DataError } from './dataset';
import { loadDataset } from './loadNode';

describe('loadDataset in Node', () => {
  it('makes point sets at once and image sets from their modules', async () => {
    const moons = await loadDataset('moons', { n: 100 });
    expect(moons.train.rows + moons.test.rows).toBe(100);
    const digits = await loadDataset('digits');
    expect([digits.train.rows, digits.test.rows, digits.features]).toEqual([1497, 300, 64]);
    const fashion = await loadDataset('fashion', { n: 20 });
    expect([fashion.train.rows, fashion.test.rows, fashion.features, fashion.classNames?.[9]]).toEqual([20, 500, 784, 'Ankle boot']);
  });

  it('rejects bad options with a DataError that carries the problem', async () => {
    const error = await loadDataset('moons', { n: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).problem).toMatchObject({ key: 'option.range', option: 'n' });
    await expect(loadDataset('mnist')).rejects.toMatchObject({ problem: { key: 'data.unknownSet' } });
  });
});
