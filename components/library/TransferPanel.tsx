import { importInBackground } from '@/utils/browser/import-port';
import { useRef, useState } from 'preact/hooks';
import './transfer.css';
import { i18n } from '#i18n';
import { ProgressBar } from './ProgressBar';
import type { LibraryStore } from '@/utils/data/library-store';
import {
  EXPORT_FORMATS,
  ImportFormatError,
  type ExportFormat,
  type ImportSummary,
  type ProgressPhase,
} from '@/utils/data/transfer';
import type { ImportLocation } from '@/utils/core/transfer/model';

type Progress = { done: number; total: number; phase: ProgressPhase };
type Outcome =
  | { kind: 'exported'; name: string }
  | { kind: 'imported'; summary: ImportSummary; ms: number }
  | { kind: 'error'; text: string };

const FORMAT_LABEL: Record<ExportFormat, () => string> = {
  'kliping-json': () => i18n.t('transfer.format.klipingJson'),
  'markdown-zip': () => i18n.t('transfer.format.markdownZip'),
  'bookmarks-html': () => i18n.t('transfer.format.bookmarksHtml'),
  csv: () => i18n.t('transfer.format.csv'),
};

const PHASE_LABEL: Record<ProgressPhase, () => string> = {
  reading: () => i18n.t('transfer.phase.reading'),
  checking: () => i18n.t('transfer.phase.checking'),
  writing: () => i18n.t('transfer.phase.writing'),
  packing: () => i18n.t('transfer.phase.packing'),
};

function where({ file, line, entry }: ImportLocation): string {
  if (line !== undefined) return i18n.t('transfer.where.line', [file, String(line)]);
  if (entry !== undefined) return i18n.t('transfer.where.entry', [file, String(entry)]);
  return file;
}

function importErrorText(error: unknown): string {
  if (error instanceof ImportFormatError) {
    // The key is built from the code; utils/locales holds one message per code (checked by a test),
    // each with at most two parameters.
    const [first = '', second = ''] = error.problem.params;
    const problem = i18n.t(`transfer.problem.${error.problem.code}` as 'transfer.problem.notDate', [first, second]);
    return i18n.t('transfer.importFailed', [where(error.location), problem]);
  }
  return i18n.t('transfer.importError', [error instanceof Error ? error.message : String(error)]);
}

/** Hands bytes to the browser's download, from a Blob URL the page made itself. */
function download(name: string, mime: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own copy once started; free the page's.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export the library, or import another service's export, with progress and a clear outcome. */
export function TransferPanel({ store }: { store: LibraryStore }) {
  const [format, setFormat] = useState<ExportFormat>('kliping-json');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = progress !== null;
  const section = useRef<HTMLElement>(null);
  // A run's progress and outcome must be seen even if the panel sits in a folded <details>.
  const reveal = () => {
    const details = section.current?.closest('details');
    if (details) details.open = true;
  };
  const onProgress = (done: number, total: number, phase: ProgressPhase) => setProgress({ done, total, phase });

  const runExport = async () => {
    reveal();
    setOutcome(null);
    setProgress({ done: 0, total: 0, phase: 'reading' });
    try {
      const file = await store.exportLibrary(format, { onProgress });
      download(file.name, file.mime, file.bytes);
      setOutcome({ kind: 'exported', name: file.name });
    } catch (error) {
      setOutcome({ kind: 'error', text: i18n.t('transfer.exportFailed', [error instanceof Error ? error.message : String(error)]) });
    } finally {
      setProgress(null);
    }
  };

  const runImport = async (input: HTMLInputElement) => {
    const chosen = [...(input.files ?? [])];
    input.value = '';
    if (chosen.length === 0) return;
    reveal();
    setOutcome(null);
    setProgress({ done: 0, total: 0, phase: 'checking' });
    const started = performance.now();
    try {
      const files = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const summary = await importInBackground(await store.readImport(files, { onProgress }), onProgress);
      store.readAgain();
      performance.mark('kliping:import:written');
      setOutcome({ kind: 'imported', summary, ms: Math.round(performance.now() - started) });
    } catch (error) {
      setOutcome({ kind: 'error', text: importErrorText(error) });
    } finally {
      setProgress(null);
    }
  };

  return (
    // Titled by the disclosure that holds it (the library's "Export and import"), not a second time.
    <section class="transfer" ref={section} data-testid="transfer-panel" aria-labelledby="transfer-title">
      <div class="transfer__row">
        <label class="transfer__field">
          <span class="field__label">{i18n.t('transfer.exportFormat')}</span>
          <select class="field__input" data-testid="export-format" value={format} disabled={busy} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABEL[f]()}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="button button--primary" data-testid="export-button" disabled={busy} onClick={runExport}>
          {i18n.t('transfer.exportButton')}
        </button>
      </div>
      <div class="transfer__row">
        <label class="transfer__field">
          <span class="field__label">{i18n.t('transfer.importButton')}</span>
          <input
            type="file"
            class="field__input"
            data-testid="import-file"
            accept=".json,.csv,.zip,.html,.htm,application/json,text/csv,application/zip,text/html"
            multiple
            disabled={busy}
            onChange={(e) => runImport(e.currentTarget)}
          />
        </label>
      </div>
      <p class="transfer__hint">{i18n.t('transfer.importHint')}</p>
      {progress && <ProgressBar done={progress.done} total={progress.total} label={PHASE_LABEL[progress.phase]()} />}
      {outcome?.kind === 'exported' && (
        <p class="transfer__ok" role="status" data-testid="transfer-result">
          {i18n.t('transfer.exported', [outcome.name])}
        </p>
      )}
      {outcome?.kind === 'imported' && (
        <p class="transfer__ok" role="status" data-testid="transfer-result" data-added={outcome.summary.added} data-updated={outcome.summary.updated} data-ms={outcome.ms}>
          {i18n.t('transfer.imported', [String(outcome.summary.added), String(outcome.summary.updated), String(outcome.summary.unchanged)])}
          {outcome.summary.skipped > 0 && ` ${i18n.t('transfer.skipped', outcome.summary.skipped, [String(outcome.summary.skipped)])}`}
        </p>
      )}
      {outcome?.kind === 'error' && (
        <p class="transfer__error" role="alert" data-testid="transfer-error">
          {outcome.text}
        </p>
      )}
    </section>
  );
}
