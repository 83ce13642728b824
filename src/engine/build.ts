// Turns a syntax tree into its computation graph, computing every forward
// value (numbers, vectors and matrices) and checking shapes and limits as it
// goes, so that every problem is a ProgramError with a line and column.
import type { Expr, Pos, Program, Statement } from './ast';
import { ProgramError } from './errors';
import { readDataLine, type DataBinding, type DataOptions } from './dataLine';
import type { Graph, GraphEdge, GraphNode, InputRole } from './graph';
import { MAX_NODES, MAX_TENSOR_ELEMENTS, MAX_TOTAL_ELEMENTS, MAX_WORK } from './limits';
import { FUNCTIONS, OPS, type OpName } from './ops';
import { applyForward, forwardCost, outputShape } from './ops/apply';
import { literalTensor, type Literal } from './literals';
import { describeShape, sameShape, scalarValue, shapeKey, sizeOf, type Tensor } from './tensor/tensor';

export interface BuildOptions extends DataOptions {
  /**
   * Values for inputs by node id, in place of the program's (training's current
   * parameters); each must have the input's shape.
   */
  readonly values?: ReadonlyMap<string, Tensor>;
}

interface MutableNode {
  index: number;
  id: string;
  op: OpName;
  label: string | null;
  version: number;
  display: string | null;
  inputs: number[];
  tensor: Tensor;
  pos: Pos;
  literal: string | null;
  param: number | null;
  role: InputRole | null;
}

/** A plain number literal, possibly negated: `3`, `-2`, `(-.5)`. */
function numberLiteral(expr: Expr): { value: number; text: string } | null {
  if (expr.kind === 'num') return { value: expr.value, text: expr.text };
  if (expr.kind === 'unary' && expr.arg.kind === 'num') return { value: -expr.arg.value, text: `-${expr.arg.text}` };
  return null;
}

class Builder {
  readonly nodes: MutableNode[] = [];
  private elements = 0;
  private work = 0;

  add(node: Omit<MutableNode, 'index' | 'role'>, cost = 0): number {
    if (this.nodes.length >= MAX_NODES) {
      throw new ProgramError('tooManyNodes', node.pos, `the graph has more than ${MAX_NODES} nodes`, { max: MAX_NODES });
    }
    this.elements += node.tensor.data.length;
    if (this.elements > MAX_TOTAL_ELEMENTS) {
      throw new ProgramError('tooManyElements', node.pos, `the values of this program hold more than ${MAX_TOTAL_ELEMENTS} numbers in all`, {
        max: MAX_TOTAL_ELEMENTS,
      });
    }
    this.work += cost;
    if (this.work > MAX_WORK) {
      throw new ProgramError('tooMuchWork', node.pos, `the forward pass would take more than ${MAX_WORK} multiply-adds; use smaller matrices`, {
        max: MAX_WORK,
      });
    }
    this.nodes.push({ ...node, index: this.nodes.length, role: null });
    return this.nodes.length - 1;
  }

  /** A node applying `op` to `inputs`, its shape checked and its value computed. */
  apply(op: OpName, inputs: number[], param: number | null, at: { id: string; label: string | null; version: number; pos: Pos; display: string | null }): number {
    const entry = OPS[op];
    const shapes = inputs.map((i) => this.nodes[i].tensor.shape);
    const shape = outputShape(entry, shapes, param);
    if ('error' in shape) {
      throw new ProgramError('shape', at.pos, shape.error.message, { kind: shape.error.code, ...shape.error.params });
    }
    const size = sizeOf(shape);
    checkSize(size, at.pos, describeShape(shape));
    const tensor = applyForward(
      entry,
      inputs.map((i) => this.nodes[i].tensor),
      param,
    );
    return this.add({ ...at, op, inputs, tensor, literal: null, param }, forwardCost(entry, shapes, shape));
  }
}

/** Checked before anything is allocated, so a huge program is an error, not a frozen tab. */
export function checkSize(size: number, pos: Pos, what: string): void {
  if (size > MAX_TENSOR_ELEMENTS) {
    throw new ProgramError('tensorTooBig', pos, `${what} would hold ${size.toLocaleString('en')} numbers; the limit is ${MAX_TENSOR_ELEMENTS.toLocaleString('en')}`, {
      size,
      max: MAX_TENSOR_ELEMENTS,
    });
  }
}

/**
 * Turns a parsed program into its computation graph, computing every forward
 * value. Throws ProgramError for undefined names, shapes that do not fit,
 * and programs over the limits of limits.ts.
 */
export function buildGraph(program: Program, options: BuildOptions = {}): Graph {
  const b = new Builder();
  const { nodes } = b;
  const env = new Map<string, number>();
  const versions = new Map<string, number>();
  // Where each name is first defined, to tell "undefined" from "used before its definition".
  const definedAt = new Map<string, Pos>();
  for (const st of program.statements) {
    if (!definedAt.has(st.name)) definedAt.set(st.name, st.namePos);
  }
  const paramIds = new Set<number>();
  const dataIds = new Set<number>();
  let data: DataBinding | null = null;
  // `output` is what the statement being built makes; `chosen` the output of the program
  // (the last statement's, or the one `OUT.backward()` names, which later statements leave alone).
  let output = -1;
  let chosen: number | null = null;
  let outputAt: Pos = program.statements[0]?.namePos ?? { line: 1, col: 1 };

  program.statements.forEach((st, k) => {
    const version = (versions.get(st.name) ?? 0) + 1;
    const id = version === 1 ? st.name : `${st.name}@${version}`;
    const root = { id, label: st.name, version, pos: st.namePos, display: st.display ?? null };
    const given = st.targets ? null : inputOf(st);
    if (st.targets) {
      if (data) throw new ProgramError('twoDataSets', st.namePos, 'a program names one data set; this is a second data line', {});
      const line = readDataLine(st, options);
      const yVersion = (versions.get(st.targets.name) ?? 0) + 1;
      versions.set(st.name, version);
      versions.set(st.targets.name, yVersion);
      const x = b.add({ ...root, op: 'input', inputs: [], tensor: line.x, literal: `${st.expr.kind === 'call' ? st.expr.fn : ''}: features`, param: null });
      const y = b.add({
        id: yVersion === 1 ? st.targets.name : `${st.targets.name}@${yVersion}`,
        label: st.targets.name,
        version: yVersion,
        pos: st.targets.pos,
        display: null,
        op: 'input',
        inputs: [],
        tensor: line.y,
        literal: `${st.expr.kind === 'call' ? st.expr.fn : ''}: targets`,
        param: null,
      });
      dataIds.add(x);
      dataIds.add(y);
      data = { ...line.binding, dataset: line.dataset, x, y };
      env.set(st.targets.name, y);
      output = x;
    } else if (given) {
      versions.set(st.name, version);
      const replaced = options.values?.get(id);
      if (replaced && !sameShape(replaced.shape, given.tensor.shape)) {
        throw new ProgramError('shape', st.namePos, `the value given for ${st.name} is ${describeShape(replaced.shape)}, not ${describeShape(given.tensor.shape)}`, {
          kind: 'sameShape',
          ...{ left: shapeKey(replaced.shape), right: shapeKey(given.tensor.shape) },
        });
      }
      output = b.add({ ...root, op: 'input', inputs: [], tensor: replaced ?? given.tensor, literal: given.text, param: null });
      if (st.param) paramIds.add(output);
    } else if (st.param) {
      throw new ProgramError(
        'paramNotInput',
        st.namePos,
        `param marks an input: give ${st.name} a number, a vector or matrix such as [1, 2], or a constructor such as randn(3, 2)`,
        { name: st.name },
      );
    } else if (st.expr.kind === 'name') {
      // `g = f` gives the node of f a second name; no node is drawn for it.
      output = lookup(st.expr.name, st.expr.pos, env, definedAt, st.namePos);
    } else {
      versions.set(st.name, version);
      let anonymous = 0;
      const build = (expr: Expr, isRoot: boolean): number => {
        // Anonymous ids are numbered in creation order (inputs first), so they are stable as the graph grows.
        const at = (pos: Pos) => (isRoot ? { ...root, pos } : { id: `${id}~${anonymous++}`, label: null, version: 0, pos, display: null });
        const constant = literalOf(expr);
        if (constant) return b.add({ ...at(expr.pos), label: null, version: 0, display: null, op: 'const', inputs: [], tensor: constant.tensor, literal: constant.text, param: null });
        switch (expr.kind) {
          case 'name':
            return lookup(expr.name, expr.pos, env, definedAt, st.namePos);
          case 'unary': {
            const arg = build(expr.arg, false);
            return b.apply('neg', [arg], null, at(expr.pos));
          }
          case 'binary': {
            const exponent = expr.op === 'pow' ? numberLiteral(expr.right) : null;
            if (exponent) {
              const base = build(expr.left, false);
              return b.apply('pow', [base], exponent.value, at(expr.pos));
            }
            const left = build(expr.left, false);
            const right = build(expr.right, false);
            return b.apply(expr.op, [left, right], null, at(expr.pos));
          }
          case 'call': {
            const op = FUNCTIONS[expr.fn];
            if (!op) throw new ProgramError('unknownFunction', expr.pos, `unknown function '${expr.fn}'`, { name: expr.fn });
            const entry = OPS[op];
            const axis = axisOf(expr, entry.arity);
            const args = expr.args.slice(0, entry.arity).map((arg) => build(arg, false));
            return b.apply(op, args, axis, at(expr.pos));
          }
          case 'num':
          case 'array':
            throw new Error('unreachable: literals are handled above');
        }
      };
      output = build(st.expr, true);
    }
    env.set(st.name, output);
    if (program.output && program.output.after === k + 1) {
      const named = env.get(program.output.name);
      if (named === undefined) {
        throw new ProgramError('undefinedName', program.output.pos, `'${program.output.name}' is not defined`, { name: program.output.name });
      }
      chosen = named;
      outputAt = program.output.pos;
    } else if (!program.output) outputAt = st.namePos;
  });
  if (program.output && chosen === null) {
    throw new ProgramError('undefinedName', program.output.pos, `'${program.output.name}' is not defined`, { name: program.output.name });
  }
  output = chosen ?? output;
  const out = nodes[output];
  if (out.tensor.shape.length > 0) {
    const name = out.label ?? 'the output';
    throw new ProgramError(
      'shape',
      outputAt,
      `the output ${name} is ${describeShape(out.tensor.shape)}, but the output must be a single number: write sum(${name}) or mean(${name})`,
      { kind: 'outputNotNumber', name, shape: shapeKey(out.tensor.shape) },
    );
  }
  // §10: inputs marked `param` are the parameters and the others data; with no `param`, every
  // input is one, except the data line's X and Y, which are data.
  for (const node of nodes) {
    if (node.op !== 'input') continue;
    node.role = dataIds.has(node.index) ? 'data' : paramIds.size === 0 || paramIds.has(node.index) ? 'param' : 'data';
  }
  const graph = finishGraph(
    nodes.map((n) => ({ ...n, shape: n.tensor.shape, value: scalarValue(n.tensor) })),
    output,
  );
  return data ? { ...graph, data } : graph;
}

/** The value of a statement that makes an input: a number, an array literal or a constructor call. */
function inputOf(st: Statement): Literal | null {
  return literalOf(st.expr);
}

/** A number, an array literal or a constructor call: a value given in the program. */
function literalOf(expr: Expr): Literal | null {
  const num = numberLiteral(expr);
  if (num) return { tensor: { shape: [], data: Float64Array.of(num.value) }, text: num.text };
  return literalTensor(expr);
}

/** The folded axis of `sum(A, 0)`: a number literal after the op's inputs, or null. */
function axisOf(expr: Extract<Expr, { kind: 'call' }>, arity: number): number | null {
  const extra = expr.args[arity];
  if (extra === undefined) return null;
  const literal = numberLiteral(extra);
  if (!literal || !Number.isInteger(literal.value)) {
    throw new ProgramError('axisLiteral', extra.pos, `the axis of ${expr.fn} must be written as a number, 0 or 1`, { fn: expr.fn });
  }
  return literal.value;
}

function lookup(
  name: string,
  pos: Pos,
  env: Map<string, number>,
  definedAt: Map<string, Pos>,
  /** The statement being built: `x = x + 1` uses an undefined x, it is not a cycle. */
  current: Pos,
): number {
  const index = env.get(name);
  if (index !== undefined) return index;
  const later = definedAt.get(name);
  if (later && later !== current) {
    throw new ProgramError(
      'usedBeforeDefinition',
      pos,
      `'${name}' is used before it is defined at line ${later.line}; move its definition above this line`,
      { name, line: later.line },
    );
  }
  throw new ProgramError('undefinedName', pos, `'${name}' is not defined; define it above, e.g. ${name} = 1`, { name });
}

/** Adds edges and adjacency lists to nodes stored in topological order. */
export function finishGraph(nodes: readonly GraphNode[], output: number): Graph {
  const edges: GraphEdge[] = [];
  const outEdges: number[][] = nodes.map(() => []);
  const inEdges: number[][] = nodes.map(() => []);
  for (const node of nodes) {
    node.inputs.forEach((from, slot) => {
      const edge = { index: edges.length, from, to: node.index, slot };
      edges.push(edge);
      outEdges[from].push(edge.index);
      inEdges[node.index].push(edge.index);
    });
  }
  return { nodes, edges, output, outEdges, inEdges, hasTensors: nodes.some((n) => n.shape.length > 0) };
}
