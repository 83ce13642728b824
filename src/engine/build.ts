import type { Expr, Pos, Program } from './ast';
import { ProgramError } from './errors';
import type { Graph, GraphEdge, GraphNode } from './graph';
import { MAX_NODES } from './limits';
import { FUNCTIONS, OPS, type OpName } from './ops';

/** A plain number literal, possibly negated: `3`, `-2`, `(-.5)`. */
function literalOf(expr: Expr): { value: number; text: string } | null {
  if (expr.kind === 'num') return { value: expr.value, text: expr.text };
  if (expr.kind === 'unary' && expr.arg.kind === 'num') {
    return { value: -expr.arg.value, text: `-${expr.arg.text}` };
  }
  return null;
}

interface MutableNode {
  index: number;
  id: string;
  op: OpName;
  label: string | null;
  inputs: number[];
  value: number;
  pos: Pos;
  literal: string | null;
  param: number | null;
}

/**
 * Turns a parsed program into its computation graph, computing every forward
 * value. Throws ProgramError for undefined names, names defined twice and
 * graphs over MAX_NODES.
 */
export function buildGraph(program: Program): Graph {
  const nodes: MutableNode[] = [];
  const env = new Map<string, number>();
  // Where each name is defined, to tell "undefined" from "used before its definition".
  const definedAt = new Map<string, Pos>();
  for (const st of program.statements) {
    if (!definedAt.has(st.name)) definedAt.set(st.name, st.namePos);
  }

  const add = (node: Omit<MutableNode, 'index'>): number => {
    if (nodes.length >= MAX_NODES) {
      throw new ProgramError('tooManyNodes', node.pos, `the graph has more than ${MAX_NODES} nodes`, {
        max: MAX_NODES,
      });
    }
    nodes.push({ ...node, index: nodes.length });
    return nodes.length - 1;
  };

  let output = -1;
  for (const st of program.statements) {
    if (env.has(st.name)) {
      const first = definedAt.get(st.name) as Pos;
      throw new ProgramError(
        'duplicateName',
        st.namePos,
        `'${st.name}' is already defined at line ${first.line}; give this one another name`,
        { name: st.name, line: first.line },
      );
    }
    const literal = literalOf(st.expr);
    if (literal) {
      output = add({
        id: st.name,
        op: 'input',
        label: st.name,
        inputs: [],
        value: literal.value,
        pos: st.namePos,
        literal: literal.text,
        param: null,
      });
      env.set(st.name, output);
      continue;
    }
    if (st.expr.kind === 'name') {
      // `g = f` gives the node of f a second name; no node is drawn for it.
      output = lookup(st.expr.name, st.expr.pos, env, definedAt, st.namePos);
      env.set(st.name, output);
      continue;
    }
    let anonymous = 0;
    const build = (expr: Expr, isRoot: boolean): number => {
      // Anonymous ids are numbered in creation order, so they are stable as the graph grows.
      const idOf = (): string => (isRoot ? st.name : `${st.name}~${anonymous++}`);
      const label = isRoot ? st.name : null;
      const lit = literalOf(expr);
      if (lit) {
        return add({ id: idOf(), op: 'const', label: null, inputs: [], value: lit.value, pos: expr.pos, literal: lit.text, param: null });
      }
      switch (expr.kind) {
        case 'name':
          return lookup(expr.name, expr.pos, env, definedAt, st.namePos);
        case 'unary': {
          const a = build(expr.arg, false);
          return add({ id: idOf(), op: 'neg', label, inputs: [a], value: -nodes[a].value, pos: expr.pos, literal: null, param: null });
        }
        case 'binary': {
          if (expr.op === 'matmul') throw new ProgramError('tensorUnsupported', expr.pos, "'@' is not supported yet", {});
          const exponent = expr.op === 'pow' ? literalOf(expr.right) : null;
          if (exponent) {
            const a = build(expr.left, false);
            const value = OPS.pow.forward(nodes[a].value, exponent.value);
            return add({ id: idOf(), op: 'pow', label, inputs: [a], value, pos: expr.pos, literal: null, param: exponent.value });
          }
          const a = build(expr.left, false);
          const b = build(expr.right, false);
          const value = OPS[expr.op].forward(nodes[a].value, nodes[b].value);
          return add({ id: idOf(), op: expr.op, label, inputs: [a, b], value, pos: expr.pos, literal: null, param: null });
        }
        case 'call': {
          if (!(expr.fn in FUNCTIONS)) throw new ProgramError('tensorUnsupported', expr.pos, `'${expr.fn}' is not supported yet`, {});
          const op = expr.fn as OpName;
          const args = expr.args.map((arg) => build(arg, false));
          const value = OPS[op].forward(nodes[args[0]].value, args.length > 1 ? nodes[args[1]].value : 0);
          return add({ id: idOf(), op, label, inputs: args, value, pos: expr.pos, literal: null, param: null });
        }
        case 'num':
          throw new Error('unreachable: literals are handled above');
        case 'array':
          throw new ProgramError('tensorUnsupported', expr.pos, 'vectors and matrices are not supported yet', {});
      }
    };
    output = build(st.expr, true);
    env.set(st.name, output);
  }
  return finishGraph(nodes, output);
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
  throw new ProgramError('undefinedName', pos, `'${name}' is not defined; define it above, e.g. ${name} = 1`, {
    name,
  });
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
  return { nodes, edges, output, outEdges, inEdges };
}
