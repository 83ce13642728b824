// @vitest-environment jsdom
// A step wakes only the nodes it changes: the graph's nodes do not each listen
// to the store (with 1,000 nodes, checking 1,000 listeners cost about half a
// millisecond of every keypress). They hear their step through the step
// channel and read the locale from GraphView.
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { layoutGraph } from '../graph/layout';
import { VisualizerProvider } from '../store/context';
import { createVisualizerStore } from '../store/visualizer';
import { GraphView } from './GraphView';

vi.mock('../graph/layoutClient', () => ({
  layoutInWorker: async (model: Parameters<typeof layoutGraph>[0]) => layoutGraph(model),
}));

afterEach(cleanup);

function chain(n: number): string {
  const lines = ['x = 0.5'];
  for (let i = 1; i <= n; i++) lines.push(`a${i} = tanh(${i === 1 ? 'x' : `a${i - 1}`} * 0.9)`);
  return lines.join('\n');
}

async function mounted(text: string) {
  const store = createVisualizerStore({ text, step: 0 });
  let listeners = 0;
  const subscribe = store.subscribe;
  store.subscribe = (listener) => {
    listeners++;
    const off = subscribe(listener);
    return () => {
      listeners--;
      off();
    };
  };
  render(
    <VisualizerProvider init={{ text }} store={store}>
      <GraphView />
    </VisualizerProvider>,
  );
  for (let i = 0; i < 20 && document.querySelectorAll('[data-node-id]').length === 0; i++) await act(async () => new Promise((r) => setTimeout(r, 10)));
  return { store, listeners: () => listeners, nodes: document.querySelectorAll('[data-node-id]').length };
}

describe('the graph and the store', () => {
  it('a bigger graph adds no store listeners: its nodes do not subscribe', async () => {
    const small = await mounted(chain(3));
    const smallListeners = small.listeners();
    cleanup();
    const big = await mounted(chain(60));
    expect(small.nodes).toBeGreaterThan(5);
    expect(big.nodes).toBeGreaterThan(small.nodes + 100);
    expect(big.listeners()).toBe(smallListeners);
  });

  it('the nodes still speak the locale chosen after they were drawn', async () => {
    const { store } = await mounted(chain(3));
    const label = () => document.querySelector('[data-node-id][data-op="tanh"]')!.getAttribute('aria-label')!;
    expect(label()).toMatch(/value/);
    await act(async () => store.getState().setLocale('zh-CN'));
    expect(label()).not.toMatch(/value/);
  });
});
