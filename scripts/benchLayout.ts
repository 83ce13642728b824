// layout/*: time and edge crossings of the left-to-right layout at 50, 500
// and 2,000 nodes. Each graph is also written as Graphviz DOT next to the
// results (bench-results/layout-N.dot), so other tools can lay out the same graph.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { compile } from '../src/engine';
import { countCrossings } from '../src/graph/crossings';
import { toDot } from '../src/graph/dot';
import { toDrawModel } from '../src/graph/drawModel';
import { layoutGraph } from '../src/graph/layout';
import { emit, layeredProgram, round, stats } from './benchUtil';

/** Crossings reported by Graphviz `dot -v` on the same graph, when Graphviz is installed. */
function graphvizCrossings(file: string): { crossings: number; ms: number } | null {
  try {
    const t0 = performance.now();
    const result = execFileSync('sh', ['-c', `dot -v -Tplain ${file} -o /dev/null 2>&1`], { encoding: 'utf8', timeout: 300_000 });
    const ms = round(performance.now() - t0);
    const all = [...result.matchAll(/(\d+) crossings/g)];
    const last = all.at(-1);
    return last ? { crossings: Number(last[1]), ms } : { crossings: NaN, ms };
  } catch {
    return null;
  }
}

/** A value used at every step of a long chain: t = t * x, 400 times (80,000 bends if every edge were layered). */
function benchReuse(): void {
  const lines = ['x = 1.01', 't0 = x * x'];
  for (let i = 1; i < 400; i++) lines.push(`t${i} = t${i - 1} * x`);
  const model = toDrawModel(compile(lines.join('\n')).graph);
  const times: number[] = [];
  for (let r = 0; r < 6; r++) {
    const t0 = performance.now();
    layoutGraph(model);
    if (r > 0) times.push(performance.now() - t0);
  }
  const s = stats(times);
  emit({ name: 'layout/reuse-400', nodes: model.nodes.length, edges: model.edges.length, ms_median: s.median, ms_min: s.min, ms_max: s.max });
}

export function benchLayout(): void {
  benchReuse();
  mkdirSync('bench-results', { recursive: true });
  for (const size of [50, 500, 2000]) {
    const { graph } = compile(layeredProgram(size));
    const model = toDrawModel(graph);
    const file = `bench-results/layout-${size}.dot`;
    writeFileSync(file, toDot(graph));
    const runs = size >= 2000 ? 3 : 7;
    const times: number[] = [];
    let crossings = 0;
    for (let r = 0; r < runs + 1; r++) {
      const t0 = performance.now();
      const layout = layoutGraph(model);
      const ms = performance.now() - t0;
      if (r > 0) times.push(ms);
      crossings = countCrossings(layout);
    }
    const s = stats(times);
    const dot = graphvizCrossings(file);
    emit({
      name: `layout/${size}`,
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      ms_median: s.median,
      ms_min: s.min,
      ms_max: s.max,
      crossings,
      dot_crossings: dot ? dot.crossings : null,
      dot_ms: dot ? dot.ms : null,
      crossings_ratio: dot && dot.crossings > 0 ? round(crossings / dot.crossings) : null,
      dot_file: file,
    });
  }
}
