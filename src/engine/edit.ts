// Edits of program text that keep everything else as the user wrote it.
import type { Graph } from './graph';

/** The program text with new values written into input statements (`x = 1` → `x = 0.96`), by node index. */
export function setInputValues(text: string, graph: Graph, inputs: ReadonlyMap<number, number>): string {
  const lines = text.split('\n');
  for (const [index, value] of inputs) {
    const node = graph.nodes[index];
    const line = lines[node.pos.line - 1];
    if (line === undefined || !node.label) continue;
    const shown = String(Number(value.toPrecision(6)));
    lines[node.pos.line - 1] = line.replace(new RegExp(`(^|;)(\\s*${node.label}\\s*=\\s*)\\(?-?[0-9.eE+-]+\\)?`), `$1$2${shown}`);
  }
  return lines.join('\n');
}

