// The language's documented limits (README "Limits", SECURITY.md). Each one
// gives a ProgramError with a clear message instead of a hang or a stack overflow.

/** Longest program text, in UTF-16 code units. */
export const MAX_PROGRAM_CHARS = 200_000;
/** Deepest nesting of parentheses, unary minus and powers in one expression. */
export const MAX_DEPTH = 200;
/**
 * Tallest expression tree of one statement: a chain like `a + b + c + …` is
 * as tall as it is long. Keeps every walk over the tree within the stack.
 */
export const MAX_EXPR_HEIGHT = 2000;
/** Most statements in one program. */
export const MAX_STATEMENTS = 10_000;
/** Most nodes in one computation graph. */
export const MAX_NODES = 20_000;
/** Most numbers in one vector or matrix (8 MB of float64). */
export const MAX_TENSOR_ELEMENTS = 1_000_000;
/** Most numbers in all the values of one graph together. */
export const MAX_TOTAL_ELEMENTS = 4_000_000;
/** Most multiply-adds in one forward pass (the backward pass costs about twice that). */
export const MAX_WORK = 200_000_000;
/**
 * Most nodes of a program expanded to scalars (expand.ts): the most the page draws
 * (MAX_DRAW_NODES in src/ui/config.ts), since the point of expanding is to see every entry.
 */
export const MAX_EXPAND_NODES = 3000;
