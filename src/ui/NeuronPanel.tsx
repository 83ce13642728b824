// The neuron view of a built network: each neuron's z, a and error signal
// δ = ∂L/∂z, and how δ is assembled from the next layer's δs.
import { useMemo } from 'react';
import { localDerivatives, nodeStateAt, parseUnitName, unitName, type Compiled } from '../engine';
import { displayTex } from '../engine/names';
import { formatNumber, texFactor, texNumber } from '../formulas/number';
import { useVisualizer } from '../store/context';
import { Formula } from './Formula';
import { NeuronDiagram } from './NeuronDiagram';
import { SidePanel } from './SidePanel';
import { useT } from './useT';

export interface Neuron {
  layer: number;
  unit: number;
  z: number;
  a: number | null;
}

/** Neurons of row 1 (names z{l}_{j} or z{l}_{j}r1), by layer. */
export function findNeurons(compiled: Compiled): Neuron[][] {
  const index = new Map(compiled.graph.nodes.map((n) => [n.label ?? '', n.index]));
  const layers: Neuron[][] = [];
  for (const node of compiled.graph.nodes) {
    const name = parseUnitName(node.label);
    if (name?.letter !== 'z' || (name.row !== null && name.row !== 1)) continue;
    const { layer, unit } = name;
    const a = index.get(unitName({ ...name, letter: 'a' })) ?? null;
    (layers[layer - 1] ??= []).push({ layer, unit, z: node.index, a });
  }
  return layers.filter(Boolean);
}

/** The true class of a softmax network's row: the k in L = −log(p_k). */
function trueClass(compiled: Compiled, row: string): number | null {
  for (const node of compiled.graph.nodes) {
    if (node.op !== 'log') continue;
    const m = new RegExp(`^p(\\d+)${row}$`).exec(compiled.graph.nodes[node.inputs[0]].label ?? '');
    if (m) return Number(m[1]);
  }
  return null;
}

function deltaTex(compiled: Compiled, layers: Neuron[][], n: Neuron, deltas: Map<number, number>): string | null {
  const { graph } = compiled;
  const next = layers[n.layer];
  const delta = deltas.get(n.z);
  if (delta === undefined) return null;
  const name = `\\delta^{(${n.layer})}_{${n.unit}}`;
  if (!next) {
    // Softmax with cross-entropy: the long way through exp, sum, divide and log gives p − y.
    const row = graph.nodes[n.z].label?.endsWith('r1') ? 'r1' : '';
    const p = graph.nodes.find((x) => x.label === `p${n.unit}${row}`);
    const truth = trueClass(compiled, row);
    if (p && truth !== null) {
      const y = n.unit === truth ? 1 : 0;
      return `${name} = p_{${n.unit}} - y_{${n.unit}} = ${texNumber(p.value)} - ${y} = ${texNumber(p.value - y)} \\quad (\\text{backprop: } ${texNumber(delta)})`;
    }
    return `${name} = ${texNumber(delta)}`;
  }
  const slope = n.a === null ? 1 : localDerivatives(graph, n.a)[0];
  const byName = new Map(graph.nodes.map((x) => [x.label ?? '', x]));
  const terms = next.map((k) => {
    const w = byName.get(`w${k.layer}_${k.unit}${n.unit}`)?.value ?? NaN;
    const d = deltas.get(k.z);
    return d === undefined ? null : `${texFactor(w)} \\cdot ${texFactor(d)}`;
  });
  if (terms.some((x) => x === null)) return null;
  const f = n.a === null ? '1' : `f'(z^{(${n.layer})}_{${n.unit}})`;
  return `${name} = ${f} \\sum_k w^{(${n.layer + 1})}_{k${n.unit}} \\delta^{(${n.layer + 1})}_k = ${texFactor(slope)} \\cdot (${terms.join(' + ')}) = ${texNumber(delta)}`;
}

export function NeuronPanel() {
  const compiled = useVisualizer((s) => s.compiled);
  const step = useVisualizer((s) => s.step);
  const t = useT();
  const layers = useMemo(() => (compiled ? findNeurons(compiled) : []), [compiled]);
  if (!compiled) return null;
  if (layers.length === 0) return <p className="side-panel muted">{t('neurons.none')}</p>;
  const deltas = new Map<number, number>();
  for (const layer of layers) {
    for (const n of layer) {
      const s = nodeStateAt(compiled.graph, compiled.trace, n.z, step);
      if (s.final && s.grad !== undefined) deltas.set(n.z, s.grad);
    }
  }
  return (
    <SidePanel id="neuron" title={t('neurons.title')} explain={t('neurons.explain')}>
      <NeuronDiagram compiled={compiled} layers={layers} step={step} />
      {layers.map((layer) => (
        <div key={layer[0].layer} className="neuron-layer">
          <h3>{t('neurons.layer', { l: layer[0].layer })}</h3>
          {layer.map((n) => {
            const tex = deltaTex(compiled, layers, n, deltas);
            const z = compiled.graph.nodes[n.z];
            return (
              <div key={n.z} className="neuron" data-neuron={z.label ?? ''} data-delta={deltas.has(n.z) ? String(deltas.get(n.z)) : undefined}>
                <span className="neuron-values">
                  z = {formatNumber(z.value)}
                  {n.a !== null && `, a = ${formatNumber(compiled.graph.nodes[n.a].value)}`}
                </span>
                {tex ? <Formula tex={tex} display /> : <span className="muted"> δ: {t('neurons.pending')}</span>}
              </div>
            );
          })}
        </div>
      ))}
      <BatchBiasSums compiled={compiled} step={step} />
    </SidePanel>
  );
}

/**
 * With a batch, one bias b serves every row: ∂L/∂b is the sum over the rows of
 * that neuron's δ (scaled by the 1/N of the mean) — the column sum of the seed notes.
 */
function BatchBiasSums({ compiled, step }: { compiled: Compiled; step: number }) {
  const t = useT();
  const { graph, trace } = compiled;
  const rows: { bias: number; terms: { row: string; z: number }[] }[] = [];
  for (const node of graph.nodes) {
    const b = parseUnitName(node.label);
    if (b?.letter !== 'b' || b.row !== null) continue;
    const terms = graph.nodes.flatMap((z) => {
      const name = parseUnitName(z.label);
      return name?.letter === 'z' && name.layer === b.layer && name.unit === b.unit && name.row !== null ? [{ row: String(name.row), z: z.index }] : [];
    });
    if (terms.length > 1) rows.push({ bias: node.index, terms });
  }
  if (rows.length === 0) return null;
  return (
    <div className="batch-sums" data-testid="batch-sums">
      <h3>{t('neurons.batchTitle')}</h3>
      <p className="small">{t('neurons.batchExplain')}</p>
      {rows.map(({ bias, terms }) => {
        const b = nodeStateAt(graph, trace, bias, step);
        const parts = terms.map(({ z }) => nodeStateAt(graph, trace, z, step));
        if (!b.final || parts.some((p) => !p.final)) return null;
        const label = graph.nodes[bias].label ?? '';
        const name = displayTex(label);
        const sum = parts.map((p, i) => `\\underbrace{${i === 0 ? texNumber(p.grad ?? NaN) : texFactor(p.grad ?? NaN)}}_{\\mathrm{row}\\,${terms[i].row}}`).join(' + ');
        return (
          <div key={bias} data-bias={label} data-grad={String(b.grad)}>
            <Formula tex={`\\frac{\\partial L}{\\partial ${name}} = \\sum_{\\mathrm{rows}} \\delta = ${sum} = ${texNumber(b.grad ?? NaN)}`} display />
          </div>
        );
      })}
    </div>
  );
}
