import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { NotesAndTags } from '../shared/NotesAndTags';
import { ReaderArticle } from './ReaderArticle';
import { ReaderControls } from './ReaderControls';
import { useKeptImages, type KeptImage } from '../shared/useKeptImages';
import { useReaderPrefs, useResolvedTheme } from './useReaderPrefs';
import { usePageSession } from '../shared/usePageSession';
import { useLatest } from '../shared/useLatest';
import type { Article, SavePayload } from '@/utils/core/article';
import { readerStyle, type ReaderPrefs } from '@/utils/core/reader/prefs';
import { readingProgress } from '@/utils/core/reader/page-scroll';
import { ReadAloud, SPEECH_RATES, speakableBlocks, watchVoices, type ReadAloudState } from '@/utils/core/reader/speech';

export interface ReaderViewProps {
  article: Article;
  initialPrefs: ReaderPrefs;
  locale?: string;
  onClose(): void;
  /** Makes the dyslexia-friendly face available (loaded on first use). */
  loadDyslexicFont(): void;
  /** The kept images of this page's saved copy, if it was saved (asked of the background). */
  loadKeptImages?(): Promise<KeptImage[]>;
}

type Panel = 'none' | 'settings' | 'notes';

const SPEAKING_CLASS = 'reader__speaking';
const FOCUSABLE = 'button:not([disabled]), select:not([disabled]), input:not([disabled]), textarea, a[href], [tabindex]:not([tabindex="-1"])';

function useReadAloud(article: Article, body: { current: HTMLDivElement | null }) {
  const [state, setState] = useState<ReadAloudState>('idle');
  const [rate, setRate] = useState(1);
  const [failed, setFailed] = useState(false);
  const player = useRef<ReadAloud | null>(null);
  const blocks = useRef<Element[]>([]);
  const engine = typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined' ? speechSynthesis : null;
  const [hasVoice, setHasVoice] = useState(() => (engine?.getVoices().length ?? 0) > 0);
  useEffect(() => watchVoices(engine, setHasVoice), [engine]);
  const supported = engine !== null && hasVoice;

  const ensure = (): ReadAloud | null => {
    if (!supported || !body.current) return null;
    if (!player.current) {
      blocks.current = speakableBlocks(body.current);
      player.current = new ReadAloud(
        blocks.current.map((block) => block.textContent ?? ''),
        {
          engine: speechSynthesis,
          makeUtterance: (text) => new SpeechSynthesisUtterance(text),
          lang: article.lang,
          onError: () => setFailed(true),
          onChange(next, index) {
            setState(next);
            if (next === 'playing') setFailed(false);
            blocks.current.forEach((block, i) => block.classList.toggle(SPEAKING_CLASS, i === index));
            if (index !== null) blocks.current[index]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
          },
        },
      );
    }
    return player.current;
  };

  useEffect(() => () => player.current?.stop(), []);

  return {
    supported,
    failed,
    state,
    rate,
    toggle() {
      const p = ensure();
      if (!p) return;
      if (p.current.state === 'playing') p.pause();
      else p.play();
    },
    stop() {
      player.current?.stop();
    },
    setRate(value: number) {
      setRate(value);
      ensure()?.setRate(value);
    },
  };
}

/** The reader over a page: article, typography, read-aloud, print, save and notes. */
export function ReaderView({ article, initialPrefs, locale, onClose, loadDyslexicFont, loadKeptImages }: ReaderViewProps) {
  const { prefs, set: setPrefs } = useReaderPrefs(initialPrefs);
  const theme = useResolvedTheme(prefs);
  const [panel, setPanel] = useState<Panel>('none');
  const [progress, setProgress] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const page = useMemo<SavePayload>(() => ({ kind: 'article', article }), [article]);
  const session = usePageSession(page);
  const speech = useReadAloud(article, body);
  const [kept, setKept] = useState<KeptImage[] | null>(null);
  const images = useKeptImages(kept);
  // Props the parent may pass anew on each render; the listeners below read the latest.
  const latest = useLatest({ onClose, loadDyslexicFont, loadKeptImages });

  // The saved copy's pictures stand in for the page's: they show offline, and as they were saved.
  useEffect(() => {
    let live = true;
    latest.current.loadKeptImages?.().then(
      (list) => live && setKept(list.filter((image) => image.status === 'kept')),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [article, latest]);

  useEffect(() => {
    if (prefs.font === 'dyslexic') latest.current.loadDyslexicFont();
  }, [prefs.font, latest]);

  useEffect(() => {
    scroller.current?.focus({ preventScroll: true });
    // A modal over the page: Tab cycles through the reader, never into the page hidden beneath.
    const keepFocusInside = (event: KeyboardEvent) => {
      const root = scroller.current;
      if (!root) return;
      const focusable = Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE));
      const first = focusable[0];
      const last = focusable.at(-1);
      if (!first || !last) return;
      const active = (root.getRootNode() as ShadowRoot | Document).activeElement;
      const inside = active instanceof Node && root.contains(active) && active !== root;
      if (event.shiftKey && (!inside || active === first)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (!inside || active === last)) {
        event.preventDefault();
        first.focus();
      }
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Tab') {
        keepFocusInside(event);
        return;
      }
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      event.preventDefault();
      setPanel((current) => {
        if (current === 'none') latest.current.onClose();
        return 'none';
      });
    };
    // Capture on window: Esc closes whether focus is in the reader or was left on the page.
    addEventListener('keydown', onKey, true);
    return () => removeEventListener('keydown', onKey, true);
  }, [latest]);

  const onScroll = () => {
    const el = scroller.current;
    if (el) setProgress(readingProgress(el.scrollTop, el.scrollHeight, el.clientHeight));
  };
  useEffect(onScroll, []);

  const toggle = (which: Panel) => setPanel((current) => (current === which ? 'none' : which));
  const saved = session.state !== null;

  return (
    <div
      class="reader-surface reader-overlay"
      data-theme={theme}
      style={readerStyle(prefs)}
      data-testid="reader-overlay"
      ref={scroller}
      tabIndex={-1}
      role="dialog"
      aria-modal="true"
      aria-label={i18n.t('reader.title')}
      onScroll={onScroll}
    >
      <div class="reader-progress" aria-hidden="true">
        <div class="reader-progress__bar" data-testid="reader-progress" style={{ transform: `scaleX(${progress})` }} />
      </div>
      <div class="reader-toolbar" role="toolbar" aria-label={i18n.t('reader.toolbar')}>
        <button type="button" class="button" data-testid="reader-close" onClick={onClose} title={i18n.t('reader.closeHint')}>
          ✕ {i18n.t('reader.close')}
        </button>
        <span class="reader-toolbar__spacer" />
        <button
          type="button"
          class="button"
          data-testid="reader-settings"
          aria-expanded={panel === 'settings'}
          onClick={() => toggle('settings')}
        >
          Aa <span class="reader-toolbar__label">{i18n.t('reader.settings')}</span>
        </button>
        {speech.supported && (
          <span class="reader-toolbar__group">
            <button type="button" class="button" data-testid="reader-listen" aria-pressed={speech.state === 'playing'} onClick={speech.toggle}>
              {speech.state === 'playing' ? `❚❚ ${i18n.t('reader.pause')}` : `▶ ${i18n.t('reader.listen')}`}
            </button>
            {speech.state !== 'idle' && (
              <button type="button" class="button" data-testid="reader-stop" onClick={speech.stop} aria-label={i18n.t('reader.stop')}>
                ■
              </button>
            )}
            <select
              class="button reader-toolbar__rate"
              data-testid="reader-rate"
              aria-label={i18n.t('reader.speed')}
              value={String(speech.rate)}
              onChange={(event) => speech.setRate(Number(event.currentTarget.value))}
            >
              {SPEECH_RATES.map((rate) => (
                <option key={rate} value={String(rate)}>
                  {rate}×
                </option>
              ))}
            </select>
          </span>
        )}
        <button type="button" class="button" data-testid="reader-print" onClick={() => print()}>
          {i18n.t('reader.print')}
        </button>
        <button type="button" class="button" data-testid="reader-notes" aria-expanded={panel === 'notes'} onClick={() => toggle('notes')}>
          {i18n.t('reader.notes')}
        </button>
        <button
          type="button"
          class="button button--primary"
          data-testid="reader-save"
          disabled={!session.ready}
          onClick={() => session.send({ type: 'save' })}
        >
          {saved ? i18n.t('popup.update') : i18n.t('popup.save')}
        </button>
      </div>
      {saved && (
        <p class="reader-status" role="status" data-testid="reader-saved">
          ✓ {i18n.t('popup.saved')}
        </p>
      )}
      {speech.failed && (
        <p class="reader-status reader-status--error" role="alert" data-testid="reader-speech-failed">
          {i18n.t('reader.speechFailed')}
        </p>
      )}
      {session.error && (
        <p class="reader-status reader-status--error" role="alert">
          {i18n.t('popup.saveFailed', [session.error])}
        </p>
      )}
      {panel === 'settings' && (
        <div class="reader-panel">
          <ReaderControls prefs={prefs} onChange={setPrefs} />
        </div>
      )}
      {panel === 'notes' && (
        <div class="reader-panel" data-testid="reader-notes-panel">
          {session.ready ? (
            <NotesAndTags
              initialNotes={session.state?.notes ?? ''}
              initialTags={session.state?.tags ?? []}
              onNotes={(text) => session.send({ type: 'notes', text })}
              onTags={(tags) => session.send({ type: 'tags', tags })}
            />
          ) : (
            <p>{i18n.t('reader.connecting')}</p>
          )}
        </div>
      )}
      <ReaderArticle article={article} safeHtml={article.contentHtml} prefs={prefs} locale={locale} bodyRef={body} testId="reader-article" images={images} />
    </div>
  );
}
