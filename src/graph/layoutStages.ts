// The three parts of a layout, reported as each begins (for a progress message).
// Kept apart from layout.ts so the page can name them without loading d3-dag.
export const LAYOUT_STAGES = ['layers', 'order', 'coordinates'] as const;
export type LayoutStage = (typeof LAYOUT_STAGES)[number];
