import { describe, expect, it } from 'vitest';
import { chooseStartText, REPLACED_KEY, saveText, STORAGE_KEY, type TextStorage } from './persist';

function memory(initial: Record<string, string> = {}): TextStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => (k in data ? data[k] : null),
    setItem: (k, v) => {
      data[k] = v;
    },
    removeItem: (k) => {
      delete data[k];
    },
  };
}

describe('chooseStartText', () => {
  it('opens the saved program when the link has none', () => {
    expect(chooseStartText(undefined, memory({ [STORAGE_KEY]: 'x = 1' }), 'default')).toEqual({ text: 'x = 1', replaced: null });
    expect(chooseStartText(undefined, memory(), 'default')).toEqual({ text: 'default', replaced: null });
  });

  it("opens the link's program and keeps the different saved one aside to restore", () => {
    const storage = memory({ [STORAGE_KEY]: 'mine = 1' });
    expect(chooseStartText('x = 2', storage, 'default')).toEqual({ text: 'x = 2', replaced: 'mine = 1' });
    expect(storage.data[REPLACED_KEY]).toBe('mine = 1');
    expect(storage.data[STORAGE_KEY]).toBe('mine = 1');
  });

  it('works when storage throws (disabled or full)', () => {
    const broken: TextStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => undefined,
    };
    expect(chooseStartText('x = 2', broken, 'd')).toEqual({ text: 'x = 2', replaced: null });
    expect(() => saveText(broken, 'x')).not.toThrow();
  });
});
