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
    // `x = 1`, and in Python (§11) `x = Value(1.0, label='x')`, `x = torch.tensor(1.0, …)`, `x = torch.Tensor([1.0])`
    const python = '(?:(?:Value|torch\\s*\\.\\s*(?:tensor|Tensor|as_tensor))\\s*\\(\\s*(?:data\\s*=\\s*)?\\[?\\s*)?';
    const number = '(?:\\(\\s*-?[0-9.eE+-]+\\s*\\)|-?[0-9.eE+-]+)';
    lines[node.pos.line - 1] = line.replace(new RegExp(`(^|;)(\\s*${node.label}\\s*=\\s*${python})${number}`), `$1$2${shown}`);
  }
  return lines.join('\n');
}

