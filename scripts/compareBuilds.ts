// Alternating runs of the normal-page step latency on two or more builds, for
// telling a change from the machine's drift: on a 2-core VM one build's p50
// moved from 19 to 47 ms and back within twenty minutes, so one bench run of
// each build says little. Builds alternate, A B A B, on the same programs.
//
//   npx vite build --outDir /tmp/a --minify false   (then change, and again into /tmp/b)
//   npx tsx scripts/compareBuilds.ts /tmp/a /tmp/b [shapes=builder,chain,layered] [rounds=2]
//
// Prints one JSON line per build, shape and round (the bench's figures).
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { latencyFigures, normalShapeSamples, stepCount } from './benchBrowser';
import { STEP_SHAPES } from './benchShapes';
import { openBenchPage } from './benchWindow';
import { emit } from './benchUtil';

const args = process.argv.slice(2);
const named = (key: string): string | undefined => args.find((a) => a.startsWith(`${key}=`))?.slice(key.length + 1);
const dists = args.filter((a) => !a.includes('=')).map((d) => resolve(d));
const shapes = (named('shapes') ?? 'builder,chain,layered').split(',');
const rounds = Number(named('rounds') ?? 2);
if (dists.length < 2) throw new Error('usage: compareBuilds.ts DIST_A DIST_B [...] [shapes=a,b] [rounds=n]');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const page = await openBenchPage(browser, { width: 1280, height: 800 });
  const programs = shapes.map((shape) => {
    const found = STEP_SHAPES.find((s) => s.shape === shape);
    if (!found) throw new Error(`no shape ${shape}: ${STEP_SHAPES.map((s) => s.shape).join(', ')}`);
    return found.program;
  });
  // The same programs on every build: their step counts are read once.
  const ends: number[] = [];
  for (const program of programs) ends.push(await stepCount(page, program, dists[0]));
  for (let round = 1; round <= rounds; round++) {
    for (const dist of dists) {
      for (const [i, shape] of shapes.entries()) {
        const { drawn, from, samples } = await normalShapeSamples(browser, page, programs[i], ends[i], undefined, dist);
        emit({ name: `compare/step-latency-normal-${shape}`, dist, round, nodes: drawn, from_step: from, ...latencyFigures(samples) });
      }
    }
  }
} finally {
  await browser.close();
}
