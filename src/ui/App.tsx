import { useRef, useState } from 'react';
import { LOCALES, type Locale } from '../i18n';
import { useVisualizer } from '../store/context';
import { Announcer } from './Announcer';
import { Controls } from './Controls';
import { Editor } from './Editor';
import { ErrorAlert } from './ErrorAlert';
import { GraphView } from './GraphView';
import { LessonPicker, LessonSummary } from './LessonPicker';
import { BlankScreen, PresentTools } from './PresentTools';
import { ExpandButton } from './ExpandButton';
import { ExportMenu } from './ExportMenu';
import { NetworkBuilder } from './NetworkBuilder';
import { PracticeToggle } from './PracticeCard';
import { ShareDialog } from './ShareDialog';
import { RightPanel } from './RightPanel';
import { DataStatus } from './train/DataStatus';
import { IterationBanner } from './train/IterationBanner';
import { useChromeHeight } from './useChromeHeight';
import { useKeyboard } from './useKeyboard';
import { usePlayback } from './usePlayback';
import { useT } from './useT';

/** When a link replaced the saved program, offers it back (nothing is lost silently). */
function RestoreNotice({ replaced }: { replaced: string | null }) {
  const [open, setOpen] = useState(replaced !== null);
  const setText = useVisualizer((s) => s.setText);
  const t = useT();
  if (!open || replaced === null) return null;
  return (
    <div className="notice" role="status" data-testid="restore-notice">
      {t('persist.replaced')}{' '}
      <button
        type="button"
        onClick={() => {
          setText(replaced);
          setOpen(false);
        }}
      >
        {t('persist.restore')}
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        {t('persist.dismiss')}
      </button>
    </div>
  );
}

function LanguageSwitch() {
  const locale = useVisualizer((s) => s.locale);
  const setLocale = useVisualizer((s) => s.setLocale);
  const t = useT();
  return (
    <label className="lang-switch">
      <span>{t('lang.label')}</span>
      <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="lang-switch">
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {l === 'en' ? 'English' : '简体中文'}
          </option>
        ))}
      </select>
    </label>
  );
}

export function App({
  notices = [],
  replaced = null,
  pageUrl = './',
}: {
  notices?: readonly string[];
  replaced?: string | null;
  /** The page address without its query, for share links. */
  pageUrl?: string;
}) {
  useKeyboard();
  usePlayback();
  const t = useT();
  const locale = useVisualizer((s) => s.locale);
  const mode = useVisualizer((s) => s.mode);
  const theme = useVisualizer((s) => s.theme);
  // On a phone the tools beside the lesson sit behind a toggle, so the graph gets the screen.
  const [toolsOpen, setToolsOpen] = useState(false);
  const appRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLElement>(null);
  const footerRef = useRef<HTMLElement>(null);
  useChromeHeight(appRef, [headerRef, footerRef]);
  return (
    <div className={`app mode-${mode} theme-${theme}`} lang={locale} ref={appRef}>
      {mode === 'embed' ? null : (
      <header className="app-header" ref={headerRef}>
        <h1>
          {t('app.title')} <span className="tagline">{t('app.tagline')}</span>
        </h1>
        <div className="header-tools">
          <LessonPicker />
          <button
            type="button"
            className="tools-toggle"
            aria-expanded={toolsOpen}
            aria-controls="header-more"
            aria-label={t('header.moreTools')}
            title={t('header.moreTools')}
            onClick={() => setToolsOpen(!toolsOpen)}
            data-testid="tools-toggle"
          >
            <span aria-hidden="true">☰</span>
          </button>
          <div id="header-more" className={toolsOpen ? 'header-more open' : 'header-more'}>
            <LanguageSwitch />
            <PracticeToggle />
            <ShareDialog pageUrl={pageUrl} />
            <ExportMenu />
            <PresentTools />
          </div>
        </div>
      </header>
      )}
      {notices.length > 0 && (
        <div className="notice" role="status">
          {notices.join(' ')}
        </div>
      )}
      <RestoreNotice replaced={replaced} />
      <DataStatus />
      <IterationBanner />
      {mode !== 'normal' && <ErrorAlert />}
      <main className="app-main">
        {mode === 'normal' && (
          <aside className="sidebar">
            <Editor />
            <ExpandButton />
            <NetworkBuilder />
            <LessonSummary />
          </aside>
        )}
        <section className="stage">
          <GraphView maxScale={mode === 'present' ? 2.4 : 1.6} />
          <RightPanel />
        </section>
      </main>
      <footer className="app-footer" ref={footerRef}>
        <Controls />
      </footer>
      <Announcer />
      <BlankScreen />
    </div>
  );
}
