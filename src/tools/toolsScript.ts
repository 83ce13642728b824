// Built as its own classic script (see loader.ts): what only a click asks for —
// the exports (one step's LaTeX, the handout, PyTorch, DOT) and the expansion
// to scalars — so that they are not part of the first download.
import { expandToScalars } from '../engine/expand';
import { handoutLatex } from '../export/handout';
import { stepLatex } from '../export/latex';
import { toPyTorch } from '../export/pytorch';
import { toDot } from '../graph/dot';

const tools = { expandToScalars, handoutLatex, stepLatex, toPyTorch, toDot };
export type Tools = typeof tools;

(globalThis as { chainstepTools?: Tools }).chainstepTools = tools;
