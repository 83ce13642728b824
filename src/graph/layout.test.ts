import { describe, expect, it } from 'vitest';
import { compile } from '../engine';
import { countCrossings } from './crossings';
import { toDrawModel } from './drawModel';
import { layeredProgram } from '../engine/layeredProgram';
import { clipToBox, layoutGraph } from './layout';

function laidOut(program: string) {
  const { graph } = compile(program);
  const model = toDrawModel(graph);
  return { graph, model, layout: layoutGraph(model) };
}

const CIRCUIT = 'x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z';

describe('layoutGraph', () => {
  it('draws left to right: every input sits left of its consumer', () => {
    const { graph, layout } = laidOut('x = 3\na = x * 2\nb = x + 1\nf = a * b + exp(x)');
    for (const e of graph.edges) expect(layout.nodes[e.to].x).toBeGreaterThan(layout.nodes[e.from].x);
  });

  it('no two node boxes overlap and all lie inside the drawing', () => {
    const { model, layout } = laidOut('a = 1\nb = 2\nc = 3\nd = a*b + b*c + c*a\ne = d * a - b / c\nf = max(d, e) + sigmoid(a)');
    const boxes = model.nodes.map((n, i) => ({
      x0: layout.nodes[i].x - n.width / 2,
      x1: layout.nodes[i].x + n.width / 2,
      y0: layout.nodes[i].y - n.height / 2,
      y1: layout.nodes[i].y + n.height / 2,
    }));
    for (const b of boxes) {
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.y0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(layout.width);
      expect(b.y1).toBeLessThanOrEqual(layout.height);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, `nodes ${i} and ${j} overlap`).toBe(false);
      }
    }
  });

  it('x * x gets two distinct edges', () => {
    const { layout } = laidOut('x = 3\nf = x * x');
    expect(layout.edges).toHaveLength(2);
    expect(layout.edges[0].points).not.toEqual(layout.edges[1].points);
  });

  it('edges start and end on the boundaries of their boxes', () => {
    const { graph, model, layout } = laidOut(CIRCUIT);
    for (const e of graph.edges) {
      const pts = layout.edges[e.index].points;
      const [sx] = pts[0];
      const [tx] = pts[pts.length - 1];
      expect(sx).toBeCloseTo(layout.nodes[e.from].x + model.nodes[e.from].width / 2, 6);
      expect(tx).toBeCloseTo(layout.nodes[e.to].x - model.nodes[e.to].width / 2, 6);
    }
  });

  it('lays out a single input and an input nothing uses', () => {
    expect(laidOut('x = 1').layout.nodes).toHaveLength(1);
    const { layout } = laidOut('unused = 5\nx = 1\nf = x * 2');
    expect(layout.nodes).toHaveLength(4);
    expect(layout.nodes.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
  });

  it('the circuit is drawn without crossings', () => {
    expect(countCrossings(laidOut(CIRCUIT).layout)).toBe(0);
  });
});

describe('clipToBox', () => {
  it('meets the side of the box the segment leaves through', () => {
    expect(clipToBox([0, 0], 100, 60, [200, 0])).toEqual([50, 0]);
    expect(clipToBox([0, 0], 100, 60, [0, -90])).toEqual([0, -30]);
    expect(clipToBox([0, 0], 100, 60, [100, 100])).toEqual([30, 30]);
  });
});

describe('layoutGraph crossings (Graphviz dot on the same graphs: 55 and 2,840, see npm run bench)', () => {
  const crossingsOf = (nodes: number) => {
    const model = toDrawModel(compile(layeredProgram(nodes)).graph);
    return countCrossings(layoutGraph(model));
  };
  it('a 55-node program has at most 1.25× the crossings dot finds', () => {
    expect(crossingsOf(50)).toBeLessThanOrEqual(Math.floor(55 * 1.25));
  });
  it('a 518-node program has at most 1.25× the crossings dot finds', () => {
    expect(crossingsOf(500)).toBeLessThanOrEqual(Math.floor(2840 * 1.25));
  });
});

describe('layoutGraph progress', () => {
  it('reports each of the three stages once, in order, before it returns', () => {
    const stages: string[] = [];
    const { graph } = compile(CIRCUIT);
    layoutGraph(toDrawModel(graph), (stage) => stages.push(stage));
    expect(stages).toEqual(['layers', 'order', 'coordinates']);
  });
});

describe('layoutGraph with a value used at every step of a long chain', () => {
  it('keeps every edge left to right when its long edges are drawn straight (t = t * x, 400 times)', () => {
    const lines = ['x = 1.01', 't0 = x * x'];
    for (let i = 1; i < 400; i++) lines.push(`t${i} = t${i - 1} * x`);
    const { graph, model, layout } = laidOut(lines.join('\n'));
    for (const e of graph.edges) expect(layout.nodes[e.to].x).toBeGreaterThan(layout.nodes[e.from].x);
    // Most of x's 400 edges are left out of the layered drawing: straight, two points.
    const fromX = model.edges.map(([from], k) => [from, k] as const).filter(([from]) => graph.nodes[model.nodes[from].index].label === 'x');
    expect(fromX.filter(([, k]) => layout.edges[k].points.length === 2).length).toBeGreaterThan(300);
  });
});
