// Expand to scalars: a tensor program rewritten as the scalar program that
// computes the same thing, every entry of every vector and matrix its own
// node. The student sees each gradient entry as an ordinary scalar gradient,
// and the tests use it as an oracle (tensor engine = expanded scalar engine).
//
// How each op is written out (row-major, indices from 1):
//   an input W (3×2)        W_11 = …, W_12 = …, … W_32 = …   (`param` kept)
//   elementwise, broadcast  Y_ij = A_ij + b_j: a stretched input reuses the same scalar
//   A @ B                   C_ij = A_i1 * B_1j + A_i2 * B_2j + …   (in the engine's order)
//   sum(A), sum(A, axis)    s = A_11 + A_12 + …; mean divides by the count
//   transpose(A)            Aᵀ_ij is A_ji itself, no node: `B = transpose(A)` writes `B_12 = A_21`
//   softmax(Z)              E_ij = exp(Z_ij), S_i = E_i1 + …, P_ij = E_ij / S_i
//   softmax_cross_entropy   −(T_11 * log(P_11) + …) / rows, P as for softmax
//
// Names (they display through names.ts): a vector entry is `b_1` (b₁), a matrix
// entry `W_12` (W₁₂), or `W_1_12` (W₁,₁₂) when a side is longer than 9; a name
// with a layer digit reads as a layer: `W1_12` is W⁽¹⁾₁₂. A matrix assigned again
// gets `Yv2_11`, … Values the program never names but uses more than once (the
// exponentials and row sums of a softmax, a product broadcast over a batch) are
// temporaries `t1_11`, `t2_1`, … A generated name that the program already uses
// gets a number: `W2_12`. Values that depend on constants only are folded into
// numbers, as they would be written by hand.
import type { Graph, GraphNode } from './graph';
import { MAX_EXPAND_NODES, MAX_PROGRAM_CHARS } from './limits';
import { INFIX, OPS, type OpName } from './ops';
import { broadcastIndex } from './tensor/broadcast';
import { rowsCols, sizeOf, type Shape } from './tensor/tensor';

/** Deepest bracket nesting and tallest chain written in one statement: well inside the parser's limits (200 and 2,000). */
const MAX_INLINE_DEPTH = 120;
const MAX_INLINE_HEIGHT = 1200;

/** A set of scalars named together: the entries of one node's value (or of a part of it). */
interface Group {
  readonly shape: Shape;
  /** The stem to try first: the node's name; null for temporaries. */
  readonly base: string | null;
  /** A number keeps its name as written (a scalar assigned again is rebound, as in the program). */
  readonly keepBase: boolean;
  /** The letter of a temporary: `E` for the exponentials of a softmax, `S` for its row sums, `t` otherwise. */
  readonly letter: string;
  names: string[] | null;
}

/** One scalar of the expanded program: an input, a number or an op on numbers. */
interface Sx {
  readonly seq: number;
  readonly kind: 'input' | 'const' | 'op';
  readonly op: OpName | null;
  readonly args: readonly Sx[];
  /** For each argument reached through a named view (`B = transpose(A)`), that alias: the argument is written `B_12`. */
  readonly via: readonly (Alias | null)[];
  /** The folded exponent of `x ^ 2`. */
  readonly param: number | null;
  /** Inputs and numbers: the value. */
  readonly value: number;
  readonly role: 'param' | 'data' | null;
  /** The node of the tensor program whose value this scalar is an entry of (or computes a part of). */
  readonly owner: number;
  group: Group | null;
  element: number;
  uses: number;
  named: boolean;
  name: string | null;
  /** The id the scalar's node gets in the expanded program (`c`, `c@2`). */
  id: string | null;
}

/** A named node whose entry is a scalar made elsewhere (a transpose, a sum of one entry): `Z_12 = Y_21`. */
interface Alias {
  readonly seq: number;
  /** The named node. */
  readonly owner: number;
  readonly group: Group;
  readonly element: number;
  readonly target: Sx;
  /** When the scalar came through another named view (`C = transpose(B)`, B a transpose): that view's alias. */
  readonly via: Alias | null;
  /** Set once its statement is written: later references may use its name. */
  written: boolean;
}

/** An entry of a named view: the scalar, and the alias naming it there. */
interface View {
  readonly kind: 'view';
  readonly target: Sx;
  readonly alias: Alias;
}

/** What an entry of a node's value is: a scalar, or a scalar under a view's name. */
type Ref = Sx | View;

const scalarOf = (ref: Ref): Sx => (ref.kind === 'view' ? ref.target : ref);

export interface ExpandOptions {
  /** Refuse expansions with more scalar nodes (default MAX_EXPAND_NODES, the drawing limit). */
  readonly maxNodes?: number;
  /** The program text, to write each statement above its expansion as a comment. */
  readonly source?: string;
}

export type Expansion =
  | {
      readonly ok: true;
      readonly text: string;
      /** Nodes of the expanded program's graph. */
      readonly nodes: number;
      /**
       * For each node of the tensor program, the id (in the expanded program) of the scalar
       * node holding each of its entries, or null where the entry is written into another
       * expression (used once) or is a number. Only entries the node computes itself: the
       * entries of a transpose are those of its input.
       */
      readonly ids: readonly (readonly (string | null)[])[];
    }
  | { readonly ok: false; readonly reason: 'tooBig'; readonly nodes: number; readonly max: number }
  | { readonly ok: false; readonly reason: 'tooLong'; readonly chars: number; readonly max: number };

class TooBig extends Error {}

/** A number as the language reads it back exactly: `-0.5`, `1e-7`, `1e999` for ∞. */
function literal(x: number): string {
  if (x === Infinity) return '1e999';
  if (x === -Infinity) return '-1e999';
  if (Object.is(x, -0)) return '-0';
  return String(x);
}

/** Entry names of a group with this stem: `W`, `b_2`, `W_12`, `W_1_12`. */
function entryNames(stem: string, shape: Shape): string[] {
  if (shape.length === 0) return [stem];
  if (shape.length === 1) return Array.from({ length: shape[0] }, (_, i) => `${stem}_${i + 1}`);
  const [r, c] = shape;
  const sep = r <= 9 && c <= 9 ? '' : '_';
  const names: string[] = [];
  for (let i = 1; i <= r; i++) for (let j = 1; j <= c; j++) names.push(`${stem}_${i}${sep}${j}`);
  return names;
}

/** Nodes the expansion has at least (inputs' entries and one op per entry of every node that is not constants only or a view). */
function lowerBound(graph: Graph): number {
  const constOnly = new Uint8Array(graph.nodes.length);
  let count = 0;
  for (const node of graph.nodes) {
    if (node.op === 'const') constOnly[node.index] = 1;
    else if (node.op === 'input') count += sizeOf(node.shape);
    else if (node.inputs.every((i) => constOnly[i] === 1)) constOnly[node.index] = 1;
    else if (!isView(graph, node)) count += sizeOf(node.shape);
  }
  return count;
}

/** Whether each entry of the node is an entry of its input (a transpose, a sum of one entry). */
function isView(graph: Graph, node: GraphNode): boolean {
  if (node.op === 'transpose') return true;
  return node.op === 'sum' && sizeOf(graph.nodes[node.inputs[0]].shape) === sizeOf(node.shape);
}

/** A vector on the left of @ is one row; on the right, one column. */
function matmulSizes(a: Shape, b: Shape): { r: number; k: number; c: number } {
  const [r, k] = a.length === 2 ? [a[0], a[1]] : [1, a[0]];
  const c = b.length === 2 ? b[1] : 1;
  return { r, k, c };
}

/**
 * The scalar program computing the same values as `graph`, or why not: more
 * nodes than `maxNodes`, or longer than a program may be.
 */
export function expandToScalars(graph: Graph, options: ExpandOptions = {}): Expansion {
  const max = options.maxNodes ?? MAX_EXPAND_NODES;
  const least = lowerBound(graph);
  if (least > max) return { ok: false, reason: 'tooBig', nodes: least, max };
  try {
    return new Expander(graph, max, options.source).run();
  } catch (err) {
    if (err instanceof TooBig) return { ok: false, reason: 'tooBig', nodes: Math.max(least, max + 1), max };
    throw err;
  }
}

class Expander {
  private seq = 0;
  private nodes = 0;
  private readonly scalars: Sx[] = [];
  private readonly aliases: Alias[] = [];
  /** The scalars of each node's value, row-major. */
  private readonly entries: Ref[][] = [];
  private owner = 0;
  private readonly marks: boolean;

  constructor(
    private readonly graph: Graph,
    private readonly max: number,
    private readonly source: string | undefined,
  ) {
    // Keep `param` marks: written only when the program had some (an input without one is data).
    this.marks = graph.nodes.some((n) => n.role === 'data');
  }

  private make(kind: Sx['kind'], fields: Partial<Pick<Sx, 'op' | 'args' | 'via' | 'param' | 'value' | 'role'>>): Sx {
    const sx: Sx = {
      seq: this.seq++,
      kind,
      op: fields.op ?? null,
      args: fields.args ?? [],
      via: fields.via ?? [],
      param: fields.param ?? null,
      value: fields.value ?? NaN,
      role: fields.role ?? null,
      owner: this.owner,
      group: null,
      element: 0,
      uses: 0,
      named: kind === 'input',
      name: null,
      id: null,
    };
    if (kind !== 'const') this.scalars.push(sx);
    return sx;
  }

  private count(n: number): void {
    this.nodes += n;
    if (this.nodes > this.max) throw new TooBig();
  }

  private constant(value: number): Sx {
    return this.make('const', { value });
  }

  /** An op on numbers; constants only fold to a number (unless that is NaN, which has no literal). */
  private apply(op: OpName, refs: Ref[], param: number | null = null): Sx {
    const entry = OPS[op];
    let args = refs.map(scalarOf);
    let via = refs.map((r) => (r.kind === 'view' ? r.alias : null));
    if (entry.kind !== 'elementwise') throw new Error(`not an op on numbers: ${op}`);
    // `x ^ 2` keeps its exponent folded, as the parser folds a literal exponent.
    if (op === 'pow' && args.length === 2 && args[1].kind === 'const') {
      param = args[1].value;
      args = [args[0]];
      via = [via[0]];
    }
    if (args.every((a) => a.kind === 'const')) {
      const value = entry.forward(args[0].value, args.length > 1 ? args[1].value : (param ?? 0));
      if (!Number.isNaN(value)) return this.constant(value);
    }
    // The op's node and one node per number written into it.
    this.count(1 + args.filter((a) => a.kind === 'const').length);
    for (const a of args) a.uses++;
    return this.make('op', { op, args, via, param });
  }

  /** a₁ + a₂ + … left to right (the order the engine adds in); the last sum joins `group`. */
  private chain(terms: readonly Ref[]): Ref {
    let acc = terms[0];
    for (let i = 1; i < terms.length; i++) acc = this.apply('add', [acc, terms[i]]);
    return acc;
  }

  /**
   * Puts the scalars this node made into `group` (entry k at k). A named node's other entries
   * (made elsewhere: a transpose) become aliases of its own name. Returns the node's entries.
   */
  private join(group: Group, refs: readonly Ref[], named: boolean): Ref[] {
    return refs.map((ref, k) => {
      const sx = scalarOf(ref);
      if (ref === sx && sx.kind !== 'const' && sx.owner === this.owner && sx.group === null) {
        sx.group = group;
        sx.element = k;
        if (named) sx.named = true;
        return sx;
      }
      if (!named || sx.kind === 'const') return ref;
      const via = ref.kind === 'view' ? ref.alias : null;
      const alias: Alias = { seq: this.seq++, owner: this.owner, group, element: k, target: sx, via, written: false };
      this.aliases.push(alias);
      return { kind: 'view', target: sx, alias };
    });
  }

  private temporary(shape: Shape, letter = 't'): Group {
    return { shape, base: null, keepBase: false, letter, names: null };
  }

  /** Row sums of exp(Z): the exponentials and the sums, as temporaries of their own. */
  private softmaxParts(z: readonly Ref[], shape: Shape): { exps: Sx[]; sums: Ref[]; cols: number } {
    const [rows, cols] = rowsCols(shape);
    const exps = z.map((x) => this.apply('exp', [x]));
    this.join(this.temporary(shape, 'E'), exps, false);
    const sums = Array.from({ length: rows }, (_, i) => this.chain(exps.slice(i * cols, i * cols + cols)));
    this.join(this.temporary(shape.length === 2 ? [rows] : [], 'S'), sums, false);
    return { exps, sums, cols };
  }

  private expandNode(node: GraphNode): Ref[] {
    const entry = OPS[node.op];
    const ins = node.inputs.map((i) => this.entries[i]);
    const shapes = node.inputs.map((i) => this.graph.nodes[i].shape);
    switch (node.op) {
      case 'input':
        this.count(node.tensor.data.length);
        return Array.from(node.tensor.data, (value) => this.make('input', { value, role: node.role }));
      case 'const':
        return Array.from(node.tensor.data, (value) => this.constant(value));
      case 'matmul': {
        const [a, b] = ins;
        const { r, k, c } = matmulSizes(shapes[0], shapes[1]);
        const out: Ref[] = [];
        for (let i = 0; i < r; i++) {
          for (let j = 0; j < c; j++) out.push(this.chain(Array.from({ length: k }, (_, p) => this.apply('mul', [a[i * k + p], b[p * c + j]]))));
        }
        return out;
      }
      case 'sum':
      case 'mean': {
        const [a] = ins;
        const shape = shapes[0];
        const count = node.param === null || shape.length < 2 ? a.length : shape[node.param];
        let sums: Ref[];
        if (node.param === null || shape.length < 2) sums = [this.chain(a)];
        else {
          const [r, c] = shape;
          sums =
            node.param === 0
              ? Array.from({ length: c }, (_, j) => this.chain(Array.from({ length: r }, (_, i) => a[i * c + j])))
              : Array.from({ length: r }, (_, i) => this.chain(a.slice(i * c, i * c + c)));
        }
        return node.op === 'sum' ? sums : sums.map((s) => this.apply('div', [s, this.constant(count)]));
      }
      case 'transpose': {
        const [a] = ins;
        const [r, c] = shapes[0];
        const out: Ref[] = new Array(r * c);
        for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j];
        return out;
      }
      case 'softmax': {
        const { exps, sums, cols } = this.softmaxParts(ins[0], shapes[0]);
        return exps.map((e, k) => this.apply('div', [e, sums[Math.floor(k / cols)]]));
      }
      case 'softmax_cross_entropy': {
        const [z, t] = ins;
        const { exps, sums, cols } = this.softmaxParts(z, shapes[0]);
        const terms = exps.map((e, k) => this.apply('mul', [t[k], this.apply('log', [this.apply('div', [e, sums[Math.floor(k / cols)]])])]));
        const [rows] = rowsCols(shapes[0]);
        const total = this.apply('neg', [this.chain(terms)]);
        return [rows === 1 ? total : this.apply('div', [total, this.constant(rows)])];
      }
      default: {
        if (entry.kind !== 'elementwise') throw new Error(`no expansion for ${node.op}`);
        if (ins.length === 1) return ins[0].map((x) => this.apply(node.op, [x], node.param));
        const ia = broadcastIndex(shapes[0], node.shape);
        const ib = broadcastIndex(shapes[1], node.shape);
        return Array.from({ length: sizeOf(node.shape) }, (_, k) => this.apply(node.op, [ins[0][ia ? ia[k] : k], ins[1][ib ? ib[k] : k]]));
      }
    }
  }

  run(): Expansion {
    for (const node of this.graph.nodes) {
      this.owner = node.index;
      const refs = this.expandNode(node);
      const named = node.label !== null;
      const tensor = node.shape.length > 0;
      const group: Group = named
        ? { shape: node.shape, base: tensor && node.version > 1 ? `${node.label}v${node.version}` : node.label, keepBase: !tensor, letter: 't', names: null }
        : this.temporary(node.shape);
      this.entries[node.index] = this.join(group, refs, named);
    }
    this.chooseNames();
    return this.write();
  }

  /** Which scalars get a statement of their own, and their names. */
  private chooseNames(): void {
    // A named node's entry that is a scalar written into one expression takes the node's name instead of an alias.
    for (const alias of this.aliases) {
      const t = alias.target;
      if (t.kind === 'op' && !t.named && t.uses <= 1 && t.group !== null && t.group.base === null) {
        t.group = alias.group;
        t.element = alias.element;
        t.named = true;
      }
    }
    // Used more than once, or too deep to write into one statement: a statement of its own.
    const depth = new Map<Sx, number>();
    const height = new Map<Sx, number>();
    for (const sx of this.scalars) {
      if (sx.kind !== 'op') continue;
      if (sx.uses !== 1) sx.named = true;
      const { d, h } = this.measure(sx, depth, height);
      if (d > MAX_INLINE_DEPTH || h > MAX_INLINE_HEIGHT) sx.named = true;
      depth.set(sx, sx.named ? 1 : d);
      height.set(sx, sx.named ? 1 : h);
    }
    const used = new Set<string>();
    for (const node of this.graph.nodes) if (node.label !== null) used.add(node.label);
    const temps = new Map<string, number>();
    const allocate = (group: Group): string[] => {
      if (group.names) return group.names;
      if (group.keepBase && group.base !== null) return (group.names = [group.base]);
      for (let n = 1; ; n++) {
        let stem: string;
        if (group.base === null) {
          const k = (temps.get(group.letter) ?? 0) + 1;
          temps.set(group.letter, k);
          stem = `${group.letter}${k}`;
        } else stem = n === 1 ? group.base : `${group.base}${n}`;
        const names = entryNames(stem, group.shape);
        // A fallback or temporary stem is not a name of the program either (t1 stays the program's t1).
        if ((n === 1 && group.base !== null) || !used.has(stem)) {
          if (names.every((name) => !used.has(name))) {
            for (const name of names) used.add(name);
            used.add(stem);
            return (group.names = names);
          }
        }
      }
    };
    const events: (Sx | Alias)[] = [...this.scalars, ...this.aliases].sort((a, b) => a.seq - b.seq);
    for (const event of events) {
      if ('target' in event) {
        allocate(event.group);
        continue;
      }
      if (!event.named) continue;
      event.name = event.group ? allocate(event.group)[event.element] : allocate(this.temporary([]))[0];
    }
  }

  /** Bracket depth and height of the scalar written out with its unnamed parts inline. */
  private measure(sx: Sx, depth: ReadonlyMap<Sx, number>, height: ReadonlyMap<Sx, number>): { d: number; h: number } {
    let d = 1;
    let h = 1;
    const prec = precedence(sx);
    sx.args.forEach((a, slot) => {
      const ad = a.kind === 'op' ? (depth.get(a) ?? 1) : a.kind === 'const' && a.value < 0 ? 2 : 1;
      const ah = a.kind === 'op' ? (height.get(a) ?? 1) : 1;
      const bracket = a.kind === 'op' && !a.named && precedence(a) < minPrecedence(sx, slot) ? 1 : 0;
      // Arguments of a call, a negated or raised operand and a bracket each open a level.
      const opens = prec === 5 || sx.op === 'neg' || (sx.op === 'pow' && slot === 1) ? 1 : 0;
      d = Math.max(d, ad + bracket + opens);
      h = Math.max(h, ah + 1);
    });
    return { d, h };
  }

  private write(): Expansion {
    const lines: string[] = [];
    const versions = new Map<string, number>();
    const assign = (name: string): string => {
      const v = (versions.get(name) ?? 0) + 1;
      versions.set(name, v);
      return v === 1 ? name : `${name}@${v}`;
    };
    const sourceLines = this.source?.split('\n');
    const statementLine = this.statementLines();
    let lastLine = -1;
    const comment = (owner: number) => {
      const line = statementLine[owner];
      if (!sourceLines || line === lastLine) return;
      lastLine = line;
      const text = sourceLines[line - 1]?.trim();
      if (text) lines.push(`# ${text}`);
    };
    let last: Sx | null = null;
    const events: (Sx | Alias)[] = [...this.scalars, ...this.aliases].sort((a, b) => a.seq - b.seq);
    for (const event of events) {
      if ('target' in event) {
        const name = (event.group.names as string[])[event.element];
        if (event.target.name === null || name === event.target.name) continue;
        comment(event.owner);
        lines.push(`${name} = ${event.via?.written ? aliasName(event.via) : event.target.name}`);
        event.written = true;
        last = event.target;
        continue;
      }
      if (!event.named || event.name === null) continue;
      comment(event.owner);
      event.id = assign(event.name);
      if (event.kind === 'input') {
        lines.push(`${this.marks && event.role === 'param' ? 'param ' : ''}${event.name} = ${literal(event.value)}`);
      } else {
        lines.push(`${event.name} = ${this.text(event, true)}`);
      }
      last = event;
    }
    // The output is the last statement.
    const out = scalarOf(this.entries[this.graph.output][0]);
    const outNode = this.graph.nodes[this.graph.output];
    const outName = outNode.label ?? 'L';
    if (out.kind === 'const') {
      comment(this.graph.output);
      lines.push(`${outName} = ${literal(out.value)}`);
      this.count(1);
    } else if (out !== last) lines.push(`${outName} = ${out.name}`);
    const text = lines.join('\n');
    if (text.length > MAX_PROGRAM_CHARS) return { ok: false, reason: 'tooLong', chars: text.length, max: MAX_PROGRAM_CHARS };
    const ids = this.entries.map((refs, node) =>
      refs.map((ref) => {
        const sx = scalarOf(ref);
        return sx.owner === node && sx.kind !== 'const' ? sx.id : null;
      }),
    );
    return { ok: true, text, nodes: this.nodes, ids };
  }

  /** The line of the statement each node was written in (anonymous nodes belong to their statement's root). */
  private statementLines(): number[] {
    const byId = new Map(this.graph.nodes.map((n) => [n.id, n]));
    return this.graph.nodes.map((n) => {
      const root = byId.get(n.id.split('~')[0]) ?? n;
      return root.pos.line;
    });
  }

  /** The scalar written out: its op with named parts by name, numbers as literals, the rest inline. */
  private text(sx: Sx, top: boolean): string {
    if (!top && sx.kind === 'const') return literal(sx.value);
    if (!top && sx.named) return sx.name as string;
    const arg = (slot: number): string => {
      const a = sx.args[slot];
      const via = sx.via[slot];
      if (via?.written) return aliasName(via);
      const t = this.text(a, false);
      return atomPrecedence(a) < minPrecedence(sx, slot) ? `(${t})` : t;
    };
    const op = sx.op as OpName;
    const entry = OPS[op];
    const token = INFIX_TOKEN[op];
    if (op === 'neg') return `-${arg(0)}`;
    if (op === 'pow') return `${arg(0)} ^ ${sx.param === null ? arg(1) : literal(sx.param)}`;
    if (token) return `${arg(0)} ${token} ${arg(1)}`;
    return `${entry.call}(${sx.args.map((_, slot) => arg(slot)).join(', ')})`;
  }
}

/** The name an alias gives its entry: `B_12`. */
const aliasName = (alias: Alias): string => (alias.group.names as string[])[alias.element];

const INFIX_TOKEN: Readonly<Partial<Record<OpName, string>>> = Object.fromEntries(
  Object.entries(INFIX).filter(([token, op]) => token !== '**' && op !== 'pow' && op !== 'matmul').map(([token, op]) => [op, token]),
);

/** Precedence of the written op: 1 `+ -`, 2 `* /`, 3 unary minus, 4 `^`, 5 names, numbers and calls. */
function precedence(sx: Sx): number {
  switch (sx.op) {
    case 'add':
    case 'sub':
      return 1;
    case 'mul':
    case 'div':
      return 2;
    case 'neg':
      return 3;
    case 'pow':
      return 4;
    default:
      return 5;
  }
}

/** Precedence of an operand as written: by name or as a number, or inline. */
function atomPrecedence(a: Sx): number {
  if (a.kind === 'const') return literal(a.value).startsWith('-') ? 3 : 5;
  if (a.named) return 5;
  return precedence(a);
}

/** The least precedence operand `slot` of `sx` may have without brackets. */
function minPrecedence(sx: Sx, slot: number): number {
  switch (sx.op) {
    case 'add':
    case 'sub':
      return slot === 0 ? 1 : 2;
    case 'mul':
    case 'div':
      return slot === 0 ? 2 : 3;
    case 'neg':
      return 3;
    case 'pow':
      // The base of `^` is a primary; the exponent a unary expression.
      return slot === 0 ? 5 : 3;
    default:
      return 0;
  }
}
