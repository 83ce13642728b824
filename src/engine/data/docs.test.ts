import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetTable } from './docs';

describe('the README', () => {
  it('lists the data sets exactly as the registry has them', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = /<!-- data sets: .*? -->\n([\s\S]*?)\n<!-- end of data sets -->/.exec(readme);
    expect(section?.[1]).toBe(datasetTable());
  });
});
