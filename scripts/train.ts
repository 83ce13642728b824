// `npm run train -- FILE [--steps N] [--lr A] [--optimizer sgd|momentum|adam]
// [--momentum M] [--batch B] [--seed S]`: CONTRACTS §10.
import { readFileSync } from 'node:fs';
import { loadImageAsset } from '../src/data/loadNode';
import { datasetEntry, isImageSet, type ImageAsset } from '../src/engine/data';
import { ProgramError } from '../src/engine/errors';
import { parseTrainArgs, trainLines, TrainUsageError } from '../src/engine/training/cli';
import '../src/engine/python/register';

const USAGE = 'usage: npm run train -- FILE [--steps N] [--lr A] [--optimizer sgd|momentum|adam] [--momentum M] [--batch B] [--seed S]\n';

/** The image sets a program names on its data line, loaded from the repository's assets. */
async function assetsFor(text: string): Promise<Map<string, ImageAsset>> {
  const assets = new Map<string, ImageAsset>();
  for (const m of text.matchAll(/^\s*data\s+[^=\n]+=\s*(\w+)\s*\(/gm)) {
    if (datasetEntry(m[1]) && isImageSet(m[1])) assets.set(m[1], await loadImageAsset(m[1]));
  }
  return assets;
}

async function main(argv: readonly string[]): Promise<number> {
  const [file, ...rest] = argv;
  if (file === undefined || file.startsWith('--')) {
    process.stderr.write(USAGE);
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
    const args = parseTrainArgs(rest);
    const assets = await assetsFor(text);
    for (const line of trainLines(text, args, assets, (message) => process.stderr.write(`warning: ${message}\n`))) process.stdout.write(`${line}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ProgramError || err instanceof TrainUsageError || err instanceof RangeError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    if (err instanceof Error && err.name === 'DataError') {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
