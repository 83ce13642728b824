// `npm run grad -- FILE` (or `-` for stdin): CONTRACTS §7; a vector or matrix input's gradient is its nested array (§9).
import { readFileSync } from 'node:fs';
import { gradReport } from '../src/engine/report';
import '../src/engine/python/register';
import { ProgramError } from '../src/engine/errors';

function main(argv: readonly string[]): number {
  const file = argv[0];
  if (file === undefined) {
    process.stderr.write('usage: npm run grad -- FILE   (or - to read the program from stdin)\n');
    return 1;
  }
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    process.stderr.write(`cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  try {
    process.stdout.write(`${JSON.stringify(gradReport(text))}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ProgramError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = main(process.argv.slice(2));
