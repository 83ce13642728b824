// @vitest-environment jsdom
// What a step renders on the page around the graph: the step counter at once,
// the explanation only after the frame, and nothing else.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VisualizerProvider } from '../store/context';
import { createVisualizerStore } from '../store/visualizer';
import { Controls } from './Controls';
import { StepPanel } from './StepPanel';

const renders = vi.hoisted(() => ({ buttons: 0, selected: 0 }));
vi.mock('./CommandButton', () => ({
  CommandButton: ({ children }: { children?: unknown }) => {
    renders.buttons++;
    return <button type="button">{children as never}</button>;
  },
}));
vi.mock('./SelectedNode', () => ({
  SelectedNode: () => {
    renders.selected++;
    return null;
  },
}));

const CIRCUIT = 'x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('a step', () => {
  it('renders the step counter again, not the step buttons around it', () => {
    // Steps 4 to 6 are all of the backward pass: the phase shown stays the same.
    const store = createVisualizerStore({ text: CIRCUIT, step: 4 });
    render(
      <VisualizerProvider init={{ text: CIRCUIT }} store={store}>
        <Controls />
      </VisualizerProvider>,
    );
    const before = renders.buttons;
    expect(before).toBeGreaterThanOrEqual(5);
    act(() => store.getState().goTo(5));
    expect(screen.getByTestId('step-counter').textContent).toContain('5');
    act(() => store.getState().goTo(6));
    expect(screen.getByTestId('step-counter').textContent).toContain('6');
    expect(renders.buttons).toBe(before);
  });

  it('renders the step panel again only after the frame that shows the step', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    const store = createVisualizerStore({ text: CIRCUIT, step: 3 });
    render(
      <VisualizerProvider init={{ text: CIRCUIT }} store={store}>
        <StepPanel />
      </VisualizerProvider>,
    );
    const panel = () => document.querySelector('.step-panel')!;
    const kindBefore = panel().getAttribute('data-step-kind');
    const before = renders.selected;
    act(() => store.getState().goTo(4));
    // The step's own render: the panel, and all in it, waits.
    expect(renders.selected).toBe(before);
    expect(panel().getAttribute('data-step-kind')).toBe(kindBefore);
    act(() => vi.advanceTimersToNextFrame());
    act(() => vi.advanceTimersToNextFrame());
    act(() => vi.advanceTimersByTime(1));
    // Two frames are not enough: it waits until the step's frame has surely been drawn.
    expect(renders.selected).toBe(before);
    act(() => vi.advanceTimersByTime(50));
    expect(renders.selected).toBe(before + 1);
    expect(panel().getAttribute('data-step-kind')).toBe(store.getState().compiled!.trace.steps[4].kind);
  });
});
