// What is wrong with a data set, an option, a batch or an optimizer setting:
// a catalogue key and its parameters (so the page can say it in English or
// Chinese), the English text for the command line, and the keyword at fault
// (so the parser can point at its line and column).

export type ProblemKey =
  | 'data.unknownSet'
  | 'data.batchSize'
  | 'data.batchTooLarge'
  | 'data.nonFinite'
  | 'data.loadFailed'
  | 'option.unknown'
  | 'option.range'
  | 'option.integer'
  | 'optim.unknown';

export interface Problem {
  readonly key: ProblemKey;
  readonly params: Readonly<Record<string, string | number>>;
  /** The message in English, for the command line and for logs. */
  readonly detail: string;
  /** The keyword argument at fault, when there is one. */
  readonly option?: string;
}

/** Every key a Problem can carry, for the catalogue test. */
export const PROBLEM_KEYS: readonly ProblemKey[] = [
  'data.unknownSet',
  'data.batchSize',
  'data.batchTooLarge',
  'data.nonFinite',
  'data.loadFailed',
  'option.unknown',
  'option.range',
  'option.integer',
  'optim.unknown',
];
