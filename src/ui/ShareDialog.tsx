// "Share": a link that reopens exactly this program, step, language and mode,
// and the <iframe> snippet that embeds it in course notes.
import { useRef, useState } from 'react';
import { queryFor } from '../store/visualizer';
import { useVisualizer, useVisualizerStore } from '../store/context';
import { useT } from './useT';

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function embedSnippet(pageUrl: string, query: string, title: string): string {
  return `<iframe src="${escapeAttribute(pageUrl + query)}" title="${escapeAttribute(title)}" width="720" height="520" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareDialog({ pageUrl }: { pageUrl: string }) {
  const store = useVisualizerStore();
  const dialog = useRef<HTMLDialogElement>(null);
  const [link, setLink] = useState('');
  const [snippet, setSnippet] = useState('');
  const [copied, setCopied] = useState<'link' | 'embed' | null>(null);
  const locale = useVisualizer((s) => s.locale);
  const t = useT();
  const open = () => {
    const s = store.getState();
    setLink(pageUrl + queryFor(s));
    setSnippet(embedSnippet(pageUrl, queryFor(s, 'embed'), t('app.title')));
    setCopied(null);
    dialog.current?.showModal();
  };
  const doCopy = async (what: 'link' | 'embed') => {
    const ok = await copy(what === 'link' ? link : snippet);
    setCopied(ok ? what : null);
  };
  return (
    <>
      <button type="button" onClick={open} data-testid="share-button">
        {t('share.button')}
      </button>
      <dialog ref={dialog} className="share-dialog" aria-labelledby="share-title" lang={locale}>
        <h2 id="share-title">{t('share.title')}</h2>
        <label>
          {t('share.link')}
          <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="share-link" />
        </label>
        <button type="button" onClick={() => void doCopy('link')}>
          {copied === 'link' ? t('share.copied') : t('share.copyLink')}
        </button>
        <label>
          {t('share.embed')}
          <textarea readOnly value={snippet} rows={3} onFocus={(e) => e.currentTarget.select()} data-testid="share-embed" />
        </label>
        <button type="button" onClick={() => void doCopy('embed')}>
          {copied === 'embed' ? t('share.copied') : t('share.copyEmbed')}
        </button>
        <form method="dialog">
          <button type="submit">{t('share.close')}</button>
        </form>
      </dialog>
    </>
  );
}
