// Built as its own classic script (see katexLoader.ts) so that KaTeX, the
// largest library, is not part of the first download: the graph is drawn
// before any formula is needed.
import katex from 'katex';

(globalThis as { chainstepKatex?: typeof katex }).chainstepKatex = katex;
