// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VisualizerProvider } from '../store/context';
import { createVisualizerStore, type VisualizerStore } from '../store/visualizer';
import { Controls } from '../ui/Controls';
import { CommandButton } from '../ui/CommandButton';
import { useKeyboard } from '../ui/useKeyboard';
import { shortcutText } from './keys';
import { COMMANDS, commandForKey } from './registry';
import { runCommand } from './run';

const CIRCUIT = 'x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z';

function Page({ store }: { store: VisualizerStore }) {
  return (
    <VisualizerProvider init={{ text: '' }} store={store}>
      <Keys />
      <Controls />
      <CommandButton command={COMMANDS.blank} showLabel />
      <CommandButton command={COMMANDS.fit}>⤢</CommandButton>
      <textarea aria-label="Program" />
      <div className="cm-editor">
        <div className="cm-content" contentEditable suppressContentEditableWarning data-testid="cm">
          <div className="cm-line">x = 1</div>
        </div>
      </div>
    </VisualizerProvider>
  );
}
function Keys() {
  useKeyboard();
  return null;
}

const key = (target: EventTarget, k: string, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
};

describe('the command registry', () => {
  afterEach(cleanup);

  it('binds exactly the keys of CONTRACTS §5, and b / . / Escape for the blank screen', () => {
    expect(COMMANDS.next.keys).toEqual(['ArrowRight', 'PageDown', 'j']);
    expect(COMMANDS.prev.keys).toEqual(['ArrowLeft', 'PageUp', 'k']);
    expect(COMMANDS.first.keys).toEqual(['Home']);
    expect(COMMANDS.last.keys).toEqual(['End']);
    expect(COMMANDS.togglePlay.keys).toEqual([' ']);
    expect(COMMANDS.blank.keys).toEqual(['b', 'B', '.']);
    expect(COMMANDS.unblank.keys).toEqual(['Escape']);
    expect(COMMANDS.fit.keys).toEqual(['F', 'f']);
    // No key runs two commands.
    const all = Object.values(COMMANDS).flatMap((c) => c.keys);
    expect(new Set(all).size).toBe(all.length);
  });

  it("every button's title shows its command's label and every one of its keys", () => {
    const store = createVisualizerStore({ text: CIRCUIT, step: 3, mode: 'present' });
    render(<Page store={store} />);
    const keyed = Object.values(COMMANDS).filter((c) => c.keys.length > 0 && c !== COMMANDS.unblank);
    for (const command of keyed) {
      const button = document.querySelector(`button[data-command="${command.id}"]`);
      expect(button, command.id).not.toBeNull();
      const title = button?.getAttribute('title') ?? '';
      expect(title).toContain(`(${shortcutText(command.keys)})`);
    }
    expect(screen.getByRole('button', { name: 'Next step' }).title).toBe('Next step (→ / PageDown / j)');
    expect(screen.getByRole('button', { name: 'Play' }).title).toBe('Play (Space)');
    expect(screen.getByRole('button', { name: 'Blank the screen' }).title).toBe('Blank the screen (b / .)');
    expect(screen.getByRole('button', { name: 'Fit to window' }).title).toBe('Fit to window (F)');
  });

  it('the same entry disables its button and its key at the ends of the trace', () => {
    const store = createVisualizerStore({ text: CIRCUIT, step: 'end' });
    render(<Page store={store} />);
    expect(screen.getByRole('button', { name: 'Next step' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Previous step' })).toHaveProperty('disabled', false);
    expect(runCommand(store, COMMANDS.next)).toBe(false);
    const event = key(document.body, 'End');
    expect(event.defaultPrevented).toBe(true); // the page does not scroll either
    expect(store.getState().step).toBe(8);
  });

  it('each key runs its command', () => {
    const store = createVisualizerStore({ text: CIRCUIT, step: 3, mode: 'present' });
    render(<Page store={store} />);
    const step = () => store.getState().step;
    for (const k of ['ArrowRight', 'PageDown', 'j']) {
      const before = step();
      expect(key(document.body, k).defaultPrevented).toBe(true);
      expect(step(), k).toBe(before + 1);
    }
    for (const k of ['ArrowLeft', 'PageUp', 'k']) {
      const before = step();
      key(document.body, k);
      expect(step(), k).toBe(before - 1);
    }
    key(document.body, 'End');
    expect(step()).toBe(8);
    key(document.body, 'Home');
    expect(step()).toBe(0);
    key(document.body, ' ');
    expect(store.getState().playing).toBe(true);
    key(document.body, ' ');
    expect(store.getState().playing).toBe(false);
    for (const k of ['b', '.', 'B']) {
      key(document.body, k);
      expect(store.getState().blank, k).toBe(true);
      key(document.body, k);
      expect(store.getState().blank, k).toBe(false);
    }
    key(document.body, 'b');
    key(document.body, 'Escape');
    expect(store.getState().blank).toBe(false);
    // f and F ask the graph view to show the whole graph; its button asks the same.
    for (const k of ['f', 'F']) {
      const before = store.getState().fitRequests;
      expect(key(document.body, k).defaultPrevented).toBe(true);
      expect(store.getState().fitRequests, k).toBe(before + 1);
    }
    act(() => screen.getByRole('button', { name: 'Fit to window' }).click());
    expect(store.getState().fitRequests).toBe(3);
    key(document.body, 'f', { ctrlKey: true });
    expect(store.getState().fitRequests).toBe(3);
  });

  it('keys typed in the editor, a text field or with a modifier run nothing', () => {
    const store = createVisualizerStore({ text: CIRCUIT, step: 3, mode: 'present' });
    render(<Page store={store} />);
    const line = document.querySelector('.cm-line') as HTMLElement;
    const textarea = screen.getByRole('textbox', { name: 'Program' });
    for (const target of [line, screen.getByTestId('cm'), textarea]) {
      for (const k of ['ArrowRight', 'j', 'k', 'Home', 'End', ' ', 'b', '.', 'PageDown']) {
        expect(key(target, k).defaultPrevented, `${k} in ${target.className || target.tagName}`).toBe(false);
      }
    }
    key(document.body, 'ArrowRight', { ctrlKey: true });
    key(document.body, 'j', { altKey: true });
    expect(store.getState()).toMatchObject({ step: 3, playing: false, blank: false });
  });

  it('b blanks only in presentation; Escape passes through when nothing is blanked', () => {
    const store = createVisualizerStore({ text: CIRCUIT });
    expect(commandForKey('b', store.getState())).toBeUndefined();
    expect(commandForKey('Escape', store.getState())).toBeUndefined();
    store.getState().setMode('present');
    expect(commandForKey('b', store.getState())).toBe(COMMANDS.blank);
    expect(commandForKey('Escape', store.getState())).toBeUndefined();
    store.getState().toggleBlank();
    expect(commandForKey('Escape', store.getState())).toBe(COMMANDS.unblank);
  });

  it('goToStep (timeline, iframe) jumps and stops playback', () => {
    const store = createVisualizerStore({ text: CIRCUIT });
    store.getState().setPlaying(true);
    runCommand(store, COMMANDS.goToStep, 'end');
    expect(store.getState()).toMatchObject({ step: 8, playing: false });
    runCommand(store, COMMANDS.goToStep, 2);
    expect(store.getState().step).toBe(2);
  });
});
