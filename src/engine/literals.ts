// Values written in a program: array literals (`[1, 2]`, `[[1, 2], [3, 4]]`)
// and constructor calls (`zeros(2, 3)`, `randn(3, 2, std=0.5, seed=1)`).
// Sizes are checked before anything is allocated.
import type { Expr, Pos } from './ast';
import { CONSTRUCTORS } from './callables';
import { ProgramError } from './errors';
import { MAX_TENSOR_ELEMENTS } from './limits';
import { printExpr } from './print';
import { seededNormal, seededRandom } from './random';
import type { Tensor } from './tensor/tensor';

export interface Literal {
  readonly tensor: Tensor;
  /** The value as written (canonically printed). */
  readonly text: string;
}

function numberOf(expr: Expr): number | null {
  if (expr.kind === 'num') return expr.value;
  if (expr.kind === 'unary' && expr.arg.kind === 'num') return -expr.arg.value;
  return null;
}

/** An array literal or a constructor call as a tensor; null for any other expression. */
export function literalTensor(expr: Expr): Literal | null {
  if (expr.kind === 'array') return { tensor: arrayTensor(expr), text: printExpr(expr) };
  if (expr.kind === 'call' && Object.prototype.hasOwnProperty.call(CONSTRUCTORS, expr.fn)) {
    return { tensor: construct(expr), text: printExpr(expr) };
  }
  return null;
}

function arrayTensor(expr: Extract<Expr, { kind: 'array' }>): Tensor {
  if (expr.items.length === 0) throw new ProgramError('emptyArray', expr.pos, 'an empty vector; write at least one number, e.g. [1, 2]', {});
  const nested = expr.items[0].kind === 'array';
  if (!nested) {
    const data = Float64Array.from(expr.items, (item) => {
      if (item.kind === 'array') throw raggedError(item.pos);
      return numberOf(item) as number;
    });
    return { shape: [data.length], data };
  }
  const rows = expr.items.map((row) => {
    if (row.kind !== 'array') throw raggedError(row.pos);
    if (row.items.length === 0) throw new ProgramError('emptyArray', row.pos, 'an empty row; every row needs at least one number', {});
    return row;
  });
  const width = rows[0].items.length;
  const data = new Float64Array(rows.length * width);
  rows.forEach((row, i) => {
    if (row.items.length !== width) {
      throw new ProgramError(
        'raggedArray',
        row.pos,
        `row ${i + 1} has ${row.items.length} number${row.items.length === 1 ? '' : 's'} but row 1 has ${width}; every row of a matrix needs the same length`,
        { row: i + 1, found: row.items.length, expected: width },
      );
    }
    row.items.forEach((item, j) => {
      if (item.kind === 'array') {
        throw new ProgramError('tooManyAxes', item.pos, 'vectors and matrices have at most two levels of brackets, [[…], […]]', {});
      }
      data[i * width + j] = numberOf(item) as number;
    });
  });
  return { shape: [rows.length, width], data };
}

const raggedError = (pos: Pos) =>
  new ProgramError('raggedArray', pos, 'mix of numbers and rows; a vector holds numbers, a matrix holds rows of equal length', { row: 0, found: 0, expected: 0 });

/** A positive whole number written as a literal: a size of a constructor. */
function sizeArg(expr: Expr, fn: string): number {
  const n = numberOf(expr);
  if (n === null || !Number.isInteger(n) || n < 1) {
    throw new ProgramError('badSize', expr.pos, `the sizes of ${fn} are whole numbers of at least 1, e.g. ${fn}(2, 3)`, { fn });
  }
  return n;
}

function keyword(expr: Extract<Expr, { kind: 'call' }>, name: string, fallback: number, check: (x: number) => boolean, rule: string): number {
  const kw = expr.kwargs.find((k) => k.name === name);
  if (!kw) return fallback;
  const value = numberOf(kw.value);
  if (value === null || !check(value)) {
    throw new ProgramError('badKeyword', kw.value.pos, `${name} of ${expr.fn} must be ${rule}`, { name, fn: expr.fn });
  }
  return value;
}

function construct(expr: Extract<Expr, { kind: 'call' }>): Tensor {
  const sizes = expr.args.map((arg) => sizeArg(arg, expr.fn));
  if (expr.fn === 'eye') sizes.push(sizes[0]);
  const count = sizes.reduce((a, b) => a * b, 1);
  if (count > MAX_TENSOR_ELEMENTS) {
    throw new ProgramError(
      'tensorTooBig',
      expr.pos,
      `${printExpr(expr)} would hold ${count.toLocaleString('en')} numbers; the limit is ${MAX_TENSOR_ELEMENTS.toLocaleString('en')}`,
      { size: count, max: MAX_TENSOR_ELEMENTS },
    );
  }
  const data = new Float64Array(count);
  const seed = keyword(expr, 'seed', 0, (x) => Number.isInteger(x) && x >= 0, 'a whole number, 0 or more');
  switch (expr.fn) {
    case 'ones':
      data.fill(1);
      break;
    case 'eye':
      for (let i = 0; i < sizes[0]; i++) data[i * sizes[0] + i] = 1;
      break;
    case 'randn': {
      const std = keyword(expr, 'std', 1, (x) => Number.isFinite(x) && x >= 0, 'a number, 0 or more');
      const normal = seededNormal(seed);
      for (let i = 0; i < count; i++) data[i] = std * normal();
      break;
    }
    case 'uniform': {
      const low = keyword(expr, 'low', -1, Number.isFinite, 'a number');
      const high = keyword(expr, 'high', 1, (x) => Number.isFinite(x) && x >= low, `a number, at least low (${low})`);
      const rand = seededRandom(seed);
      for (let i = 0; i < count; i++) data[i] = low + (high - low) * rand();
      break;
    }
    default:
      break; // zeros
  }
  return { shape: sizes, data };
}
