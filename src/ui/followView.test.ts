import { describe, expect, it } from 'vitest';
import { compile } from '../engine';
import { focusNodes, followTransform, overviewIsSpecks, unionBox, type FollowRequest } from './followView';

const CIRCUIT = compile('x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z');
const label = (i: number) => CIRCUIT.graph.nodes[i].label;

describe('focusNodes', () => {
  it('is the computed or visited node and its inputs; step 0 looks ahead to step 1', () => {
    // Steps: 0 start, 1 q, 2 f, 3 seed, 4 visit f, 5 visit q, 6-8 the inputs.
    expect(focusNodes(CIRCUIT, 0).map(label)).toEqual(['q', 'x', 'y']);
    expect(focusNodes(CIRCUIT, 1).map(label)).toEqual(['q', 'x', 'y']);
    expect(focusNodes(CIRCUIT, 2).map(label)).toEqual(['f', 'q', 'z']);
    expect(focusNodes(CIRCUIT, 3).map(label)).toEqual(['f', 'q', 'z']); // the seed, at f
    expect(focusNodes(CIRCUIT, 4).map(label)).toEqual(['f', 'q', 'z']);
    expect(focusNodes(CIRCUIT, 5).map(label)).toEqual(['q', 'x', 'y']);
    expect(focusNodes(CIRCUIT, CIRCUIT.trace.end)).toHaveLength(1);
  });

  it('names an input used twice once (x * x)', () => {
    const c = compile('x = 3\nf = x * x');
    expect(focusNodes(c, 1)).toEqual([1, 0]);
  });
});

describe('followTransform', () => {
  const base: FollowRequest = {
    view: { width: 600, height: 400 },
    insets: { top: 50, bottom: 30, side: 20 },
    current: { x: 0, y: 0, k: 0.25 },
    focus: { x0: 1000, y0: 100, x1: 1300, y1: 300 },
    anchor: { x0: 1200, y0: 150, x1: 1300, y1: 212 },
    minScale: 0.88,
    maxScale: 1.2,
  };
  const onScreen = (t: { x: number; y: number; k: number }, b: { x0: number; y0: number; x1: number; y1: number }) => ({
    x0: t.x + t.k * b.x0,
    y0: t.y + t.k * b.y0,
    x1: t.x + t.k * b.x1,
    y1: t.y + t.k * b.y1,
  });

  it('zooms an unreadable view in to the scale that fits the focus, and centres it inside the insets', () => {
    const t = followTransform(base);
    if (!t) throw new Error('expected a move');
    // 560 × 320 available for a 300 × 200 focus: 1.6 would fit, capped at 1.2.
    expect(t.k).toBe(1.2);
    const s = onScreen(t, base.focus);
    expect((s.x0 + s.x1) / 2).toBeCloseTo(300, 6);
    expect((s.y0 + s.y1) / 2).toBeCloseTo(50 + 160, 6);
    expect(s.x0).toBeGreaterThanOrEqual(20);
    expect(s.x1).toBeLessThanOrEqual(580);
  });

  it('never zooms below the readable scale: a focus too big to fit keeps the main node centred', () => {
    const wide = { ...base, focus: { x0: 0, y0: 100, x1: 2000, y1: 300 } };
    const t = followTransform(wide);
    if (!t) throw new Error('expected a move');
    expect(t.k).toBe(0.88);
    const a = onScreen(t, base.anchor);
    expect((a.x0 + a.x1) / 2).toBeCloseTo(300, 6);
    const s = onScreen(t, wide.focus);
    expect((s.y0 + s.y1) / 2).toBeCloseTo(210, 6); // it still fits vertically
  });

  it('leaves a readable view alone while the focus is in sight, and pans at the same zoom when it is not', () => {
    const readable = { x: -900, y: -20, k: 1 };
    expect(followTransform({ ...base, current: readable })).toBeNull();
    const away = followTransform({ ...base, current: { x: 0, y: 0, k: 2 } });
    if (!away) throw new Error('expected a pan');
    expect(away.k).toBe(2); // the user's zoom is kept
    // At 2× the 600-wide focus does not fit across: the anchor is centred instead.
    const a = onScreen(away, base.anchor);
    expect((a.x0 + a.x1) / 2).toBeCloseTo(300, 6);
  });

  it('does nothing in a viewport with no room', () => {
    expect(followTransform({ ...base, view: { width: 30, height: 60 } })).toBeNull();
  });
});

describe('overviewIsSpecks', () => {
  it('is true for a long chain fitted in a row, false for a layered graph whose nodes stay a few pixels tall', () => {
    const view = { width: 560, height: 660 };
    // 1,000 nodes in a row, 130 units apart: k = 560 / 130,000, a 62-unit node is 0.27 px tall.
    expect(overviewIsSpecks(view, { width: 130_000, height: 80 }, 62, 1.6)).toBe(true);
    // 1,000 nodes in 10 layers of 100: k = 560 / 15,000, the node is 2.3 px tall, a dot.
    expect(overviewIsSpecks(view, { width: 15_000, height: 1_200 }, 62, 1.6)).toBe(false);
    expect(overviewIsSpecks(view, { width: 20_000, height: 1_200 }, 62, 1.6)).toBe(true);
    expect(overviewIsSpecks(view, { width: 0, height: 0 }, 62, 1.6)).toBe(false);
  });
});

describe('unionBox', () => {
  it('bounds all boxes, or is null for none', () => {
    expect(unionBox([])).toBeNull();
    expect(unionBox([{ x0: 0, y0: 5, x1: 10, y1: 6 }, { x0: -3, y0: 7, x1: 2, y1: 9 }])).toEqual({ x0: -3, y0: 5, x1: 10, y1: 9 });
  });
});

describe('followTransform looks ahead', () => {
  const request: FollowRequest = {
    view: { width: 600, height: 400 },
    insets: { top: 50, bottom: 30, side: 20 },
    current: { x: 0, y: 0, k: 1 },
    focus: { x0: 1000, y0: 100, x1: 1200, y1: 200 },
    anchor: { x0: 1100, y0: 100, x1: 1200, y1: 162 },
    minScale: 0.88,
    maxScale: 1.1,
  };
  const inside = (t: { x: number; y: number; k: number }, b: { x0: number; y0: number; x1: number; y1: number }) =>
    t.x + t.k * b.x0 >= 20 - 1e-6 && t.x + t.k * b.x1 <= 580 + 1e-6 && t.y + t.k * b.y0 >= 50 - 1e-6 && t.y + t.k * b.y1 <= 370 + 1e-6;

  it('a move takes in the next steps that fit with the focus, so they need no move of their own', () => {
    const ahead = [
      { x0: 1150, y0: 150, x1: 1350, y1: 250 },
      { x0: 1300, y0: 100, x1: 1500, y1: 200 },
      { x0: 1600, y0: 100, x1: 1800, y1: 200 }, // too far: 800 wide with the focus, 560 fit
      { x0: 1200, y0: 100, x1: 1300, y1: 200 }, // not reached: the run stops at the first that does not fit
    ];
    const t = followTransform({ ...request, ahead });
    if (!t) throw new Error('expected a move');
    expect(t.k).toBe(1);
    expect(inside(t, request.focus)).toBe(true);
    expect(inside(t, ahead[0])).toBe(true);
    expect(inside(t, ahead[1])).toBe(true);
    expect(inside(t, ahead[2])).toBe(false);
    // The next two steps then leave the view alone.
    expect(followTransform({ ...request, current: t, focus: ahead[0], anchor: ahead[0] })).toBeNull();
    expect(followTransform({ ...request, current: t, focus: ahead[1], anchor: ahead[1] })).toBeNull();
  });
});

describe('followTransform with a focus too wide for the view', () => {
  // Every step of a chain also reads x, far to the left: the focus never fits.
  const req: FollowRequest = {
    view: { width: 600, height: 400 },
    insets: { top: 50, bottom: 30, side: 20 },
    current: { x: 0, y: 0, k: 1 },
    focus: { x0: -3000, y0: 100, x1: 500, y1: 160 },
    anchor: { x0: 400, y0: 100, x1: 500, y1: 160 },
    minScale: 0.88,
    maxScale: 1.2,
  };

  it('does not move while the main node is in sight (it used to re-centre it at every step)', () => {
    expect(followTransform(req)).toBeNull();
  });

  it('once the main node leaves the view, takes in the next main nodes too, as many as fit', () => {
    const anchor = { x0: 700, y0: 100, x1: 800, y1: 160 };
    const aheadAnchors = [800, 900, 1000, 1100, 1200].map((x) => ({ x0: x, y0: 100, x1: x + 100, y1: 160 }));
    const t = followTransform({ ...req, focus: { ...req.focus, x1: 800 }, anchor, aheadAnchors });
    if (!t) throw new Error('expected a move');
    // 560 px wide: the anchor and the next four (700..1200) fit, the fifth (to 1300) does not.
    expect(t.x + 700).toBeGreaterThanOrEqual(20);
    expect(t.x + 1200).toBeLessThanOrEqual(580);
    expect(t.x + 1300).toBeGreaterThan(580);
  });
});
