import { describe, expect, it } from 'vitest';
import { ProgramError, sameRealmError } from '../engine/errors';
import { adoptReader } from './pythonLoader';

/** What the reader's own script throws: its copy of ProgramError, a class this page's `instanceof` does not know. */
class ForeignProgramError extends Error {
  readonly code = 'unsupported';
  readonly line = 2;
  readonly col = 1;
  readonly detail = "a 'for' loop is not supported";
  readonly params = { what: 'for' };
  constructor() {
    super("line 2, col 1: a 'for' loop is not supported");
    this.name = 'ProgramError';
  }
}

describe('the Python reader from its own script', () => {
  it("rethrows the script's ProgramError as this page's, with its code, place, message and parameters", () => {
    const read = adoptReader(() => {
      throw new ForeignProgramError();
    });
    let caught: unknown;
    try {
      read('for x in y:\n  pass', 'micrograd');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ProgramError);
    expect(caught).toMatchObject({ code: 'unsupported', line: 2, col: 1, detail: "a 'for' loop is not supported", params: { what: 'for' } });
    expect((caught as Error).message).toBe("line 2, col 1: a 'for' loop is not supported");
  });

  it('leaves other errors, and its own ProgramErrors, as they are', () => {
    const bug = new TypeError('x is undefined');
    expect(sameRealmError(bug)).toBe(bug);
    const own = new ProgramError('empty', { line: 1, col: 1 }, 'empty');
    expect(sameRealmError(own)).toBe(own);
    const impostor = Object.assign(new Error('no'), { name: 'ProgramError' });
    expect(sameRealmError(impostor)).toBe(impostor);
  });
});
