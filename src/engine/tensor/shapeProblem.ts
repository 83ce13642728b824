// Why the shapes of an op's inputs do not fit: a code and parameters (for the
// catalogues) and the English sentence. The builder adds the line and column.
import { describeShape, shapeKey, type Shape } from './tensor';

export type ShapeCode =
  | 'broadcast'
  | 'matmulNumber'
  | 'matmulInner'
  | 'axisValue'
  | 'axisOfNumber'
  | 'axisOfVector'
  | 'transposeMatrix'
  | 'needsTensor'
  | 'sameShape'
  | 'outputNotNumber';

export interface ShapeProblem {
  readonly code: ShapeCode;
  /** Shapes are written as `shapeKey` (`2x3`, `3`, '' for a number) so each language can word them. */
  readonly params: Readonly<Record<string, string | number>>;
  readonly message: string;
}

export const problem = (code: ShapeCode, params: Record<string, string | number>, message: string): { error: ShapeProblem } => ({
  error: { code, params, message },
});

/** `left`/`right` shape parameters and their English words. */
export function shapeParams(left: Shape, right?: Shape): Record<string, string> {
  return right === undefined ? { shape: shapeKey(left) } : { left: shapeKey(left), right: shapeKey(right) };
}

export { describeShape };
