// The page: the only place that reads window.location and the browser's language.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_PROGRAM, type Lesson } from '../fixtures/lessonTypes';
import { connectEmbed } from './embed/bridge';
import { lessonsScript } from './lessons/catalog';
import { detectLocale, t } from './i18n';
import { loadLocale } from './i18n/loadLocale';
import { VisualizerProvider } from './store/context';
import { chooseStartText, saveText } from './store/persist';
import { parseUrlState } from './store/url';
import { createVisualizerStore, queryFor } from './store/visualizer';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { loadPythonReader } from './tools/pythonLoader';
import './ui/styles.css';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const { state: url, problems } = parseUrlState(window.location.search);

const locale = url.lang ?? detectLocale(navigator.languages ?? [navigator.language]);

/** Starts the page; `lessons` are loaded first only when a link names one. */
function start(lessons: readonly Lesson[] | null): void {
  // Embedded diagrams are views of a given program: they neither read nor write the saved one.
  const storage = url.mode === 'embed' ? null : localStorageOrNull();
  const lessonById = (id: string): Lesson | undefined => lessons?.find((l) => l.id === id);
  const linkProgram = url.program ?? (url.lesson ? lessonById(url.lesson)?.program : undefined);
  if (url.lesson && !url.program && linkProgram === undefined) problems.push({ key: 'lesson', value: url.lesson, reason: 'badValue' });
  const { text, replaced } = chooseStartText(linkProgram, storage, DEFAULT_PROGRAM);
  // A lesson about training opens on the Train tab.
  const trains = !url.program && url.lesson ? lessonById(url.lesson)?.train !== undefined : false;
  const init = { text, step: url.step, locale, mode: url.mode, tab: trains ? ('train' as const) : undefined, loadLocale, loadPython: loadPythonReader };
  const store = createVisualizerStore(init);
  const notices = problems.length
    ? [t(locale, 'url.ignored', { problems: problems.map((p) => `${p.key}=${p.value.slice(0, 40)}`).join(', ') })]
    : [];

  // Keep the address bar in step with the screen, so the URL can be shared as is,
  // and save the program. Both wait for a pause: writing a long program into the
  // address bar costs milliseconds (5 ms for the builder's 1,300-node program on a
  // 2-core laptop), so a step writes only once stepping stops for STEP_SYNC_MS,
  // not between two clicks, and a key typed once typing stops.
  const SYNC_MS = 150;
  const STEP_SYNC_MS = 1000;
  const TEXT_SYNC_MS = 500;
  let pending = 0;
  let unsaved = false;
  const sync = (): void => {
    window.clearTimeout(pending);
    const s = store.getState();
    if (unsaved) saveText(storage, s.text);
    unsaved = false;
    const query = queryFor(s);
    if (query !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${query}`);
  };
  store.subscribe((s, before) => {
    if (s.text === before.text && s.step === before.step && s.locale === before.locale && s.mode === before.mode) return;
    // Only on a change: setting `lang` on <html>, even to the same value, restyles the whole page.
    if (s.locale !== before.locale) document.documentElement.lang = s.locale;
    if (s.text !== before.text) unsaved = true;
    const stepOnly = s.text === before.text && s.locale === before.locale && s.mode === before.mode;
    window.clearTimeout(pending);
    pending = window.setTimeout(sync, unsaved ? TEXT_SYNC_MS : stepOnly ? STEP_SYNC_MS : SYNC_MS);
  });
  // Nothing typed is lost when the page is left before the pause.
  window.addEventListener('pagehide', sync);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') sync();
  });
  document.documentElement.lang = locale;

  // Inside an iframe, talk to the parent page (CONTRACTS §6).
  if (window.parent !== window) {
    const ancestors = window.location.ancestorOrigins;
    const parentOrigin = ancestors && ancestors.length > 0 ? ancestors[0] : undefined;
    connectEmbed(store, { parent: window.parent, origin: url.origin, parentOrigin });
  }

  const container = document.getElementById('root');
  if (container) {
    createRoot(container).render(
      <StrictMode>
        <ErrorBoundary
          getText={() => store.getState().text}
          labels={{ title: t(locale, 'crash.title'), body: t(locale, 'crash.body'), reload: t(locale, 'crash.reload'), program: t(locale, 'editor.label') }}
        >
          <VisualizerProvider init={init} store={store}>
            <App notices={notices} replaced={replaced} pageUrl={`${window.location.origin}${window.location.pathname}`} />
          </VisualizerProvider>
        </ErrorBoundary>
      </StrictMode>,
    );
  }
}

// Before the first render: the lessons when a link names one, the Chinese texts for a reader in Chinese
// (if they do not load, the page starts in English words rather than not at all).
const lessonsFirst = url.lesson && !url.program ? lessonsScript.load().catch(() => null) : Promise.resolve(null);
const textsFirst = loadLocale(locale).catch(() => {});
void Promise.all([lessonsFirst, textsFirst]).then(([lessons]) => start(lessons));
