// Buttons for the classroom: presentation mode, full screen, theme; and the
// blank screen a presenter calls up with `b`.
import { withShortcut } from '../commands/keys';
import { COMMANDS } from '../commands/registry';
import { useVisualizer } from '../store/context';
import { CommandButton } from './CommandButton';
import { useT } from './useT';

function requestFullscreen(): void {
  const root = document.documentElement;
  if (!document.fullscreenElement && root.requestFullscreen) root.requestFullscreen().catch(() => undefined);
}

function exitFullscreen(): void {
  if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => undefined);
}

export function PresentTools() {
  const mode = useVisualizer((s) => s.mode);
  const setMode = useVisualizer((s) => s.setMode);
  const theme = useVisualizer((s) => s.theme);
  const setTheme = useVisualizer((s) => s.setTheme);
  const t = useT();
  return (
    <div className="present-tools">
      <button type="button" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-pressed={theme === 'dark'}>
        {theme === 'dark' ? t('theme.toggleLight') : t('theme.toggleDark')}
      </button>
      {mode === 'present' ? (
        <>
          <CommandButton command={COMMANDS.blank} showLabel />
          <button type="button" onClick={requestFullscreen}>
            {t('present.fullscreen')}
          </button>
          <button
            type="button"
            onClick={() => {
              exitFullscreen();
              setMode('normal');
            }}
          >
            {t('present.exit')}
          </button>
        </>
      ) : (
        <button
          type="button"
          data-testid="present-button"
          onClick={() => {
            setMode('present');
            requestFullscreen();
          }}
        >
          {t('present.enter')}
        </button>
      )}
    </div>
  );
}

export function BlankScreen() {
  const blank = useVisualizer((s) => s.blank);
  const toggleBlank = useVisualizer((s) => s.toggleBlank);
  const t = useT();
  if (!blank) return null;
  return (
    <div
      className="blank-screen"
      data-testid="blank-screen"
      onClick={toggleBlank}
      role="dialog"
      aria-label={t('present.blanked')}
      title={withShortcut(t('present.unblank'), [...COMMANDS.unblank.keys, ...COMMANDS.blank.keys])}
    >
      <span>{t('present.blanked')}</span>
    </div>
  );
}
