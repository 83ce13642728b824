// Connects one visualizer store to its parent page by postMessage (§6).
// Incoming messages are validated and coalesced: a storm of messages applies
// at most one program and one step per animation frame.
import { COMMANDS } from '../commands/registry';
import { runCommand } from '../commands/run';
import type { VisualizerStore } from '../store/visualizer';
import { parseIncoming, stateMessage, type OutgoingMessage } from './messages';

export interface EmbedOptions {
  /** Where to post: the parent window. */
  parent: Window;
  /** When set, only messages from this origin are obeyed and replies go only there. */
  origin?: string;
  /** The parent's origin when the browser tells it (location.ancestorOrigins); with `origin`, a mismatch silences the bridge. */
  parentOrigin?: string;
  /** The element whose height is reported in `resize` messages. */
  sizeElement?: HTMLElement;
}

export function connectEmbed(store: VisualizerStore, options: EmbedOptions): () => void {
  const { parent, origin } = options;
  const target = origin ?? '*';
  // A parent from another origin than ?origin= gets nothing (posting would only log a browser warning).
  const silent = origin !== undefined && options.parentOrigin !== undefined && options.parentOrigin !== origin;
  const post = (message: OutgoingMessage) => {
    if (!silent) parent.postMessage(message, target);
  };

  let queuedProgram: string | null = null;
  let queuedStep: number | 'end' | null = null;
  let stateWanted = false;
  let frame = 0;
  let timer = 0;
  const flush = () => {
    if (frame) cancelAnimationFrame(frame);
    window.clearTimeout(timer);
    frame = 0;
    timer = 0;
    const s = store.getState();
    if (queuedProgram !== null) s.setText(queuedProgram);
    // The same command as the timeline: a jump stops playback.
    if (queuedStep !== null) runCommand(store, COMMANDS.goToStep, queuedStep);
    queuedProgram = null;
    queuedStep = null;
    if (stateWanted) {
      stateWanted = false;
      const { compiled, step } = store.getState();
      if (compiled) post(stateMessage(compiled, step));
    }
  };
  // A frame, or 100 ms when the browser withholds frames (a hidden or throttled iframe).
  const schedule = () => {
    if (frame || timer) return;
    frame = requestAnimationFrame(flush);
    timer = window.setTimeout(flush, 100);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent) return;
    if (origin && event.origin !== origin) return;
    const message = parseIncoming(event.data);
    if (!message) return;
    if (message.type === 'setProgram') queuedProgram = message.program;
    else if (message.type === 'goToStep') queuedStep = message.step;
    stateWanted = true;
    schedule();
  };
  window.addEventListener('message', onMessage);

  const unsubscribe = store.subscribe((s, before) => {
    if (s.step !== before.step || s.compiled !== before.compiled) {
      stateWanted = true;
      schedule();
    }
  });

  let lastHeight = -1;
  const element = options.sizeElement ?? document.body;
  const observer =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          const height = Math.ceil(element.scrollHeight);
          if (height !== lastHeight) {
            lastHeight = height;
            post({ source: 'chainstep', type: 'resize', height });
          }
        });
  observer?.observe(element);

  post({ source: 'chainstep', type: 'ready' });
  stateWanted = true;
  schedule();

  return () => {
    window.removeEventListener('message', onMessage);
    unsubscribe();
    observer?.disconnect();
    if (frame) cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}
