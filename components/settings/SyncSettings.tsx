import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { formatDateTime } from '@/utils/core/format';
import { observe } from '@/utils/data/observe';
import { getDb } from '@/utils/data/schema';
import { waitingCount } from '@/utils/data/sync-store';
import type { SyncAccount, SyncErrorCode } from '@/utils/browser/sync/couch';
import { startSync, stopSync, syncNow, watchSync } from '@/utils/browser/sync/control';
import { SYNC_STATUS_OFF, type SyncStatus } from '@/utils/browser/sync/status';

/** Each failure said in plain words, as data. */
const ERROR_MESSAGES: Record<SyncErrorCode, () => string> = {
  unreachable: () => i18n.t('sync.error.unreachable'),
  'wrong-password': () => i18n.t('sync.error.wrongPassword'),
  'no-rights': () => i18n.t('sync.error.noRights'),
  'not-couchdb': () => i18n.t('sync.error.notCouchdb'),
  permission: () => i18n.t('sync.error.permission'),
  'server-error': () => i18n.t('sync.error.serverError'),
};

const FIELDS = [
  { key: 'server', label: () => i18n.t('sync.server'), type: 'url', placeholder: 'https://couch.example.org:6984', autocomplete: 'url' },
  { key: 'database', label: () => i18n.t('sync.database'), type: 'text', placeholder: 'kliping', autocomplete: 'off' },
  { key: 'user', label: () => i18n.t('sync.user'), type: 'text', placeholder: '', autocomplete: 'username' },
  { key: 'password', label: () => i18n.t('sync.password'), type: 'password', placeholder: '', autocomplete: 'current-password' },
] as const;

function StartForm({ onError, error }: { onError: (error: SyncErrorCode | null) => void; error: SyncErrorCode | null }) {
  const [form, setForm] = useState<SyncAccount>({ server: '', database: 'kliping', user: '', password: '' });
  const [checking, setChecking] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    onError(null);
    setChecking(true);
    // The permission prompt must come from this click: startSync asks it first.
    void startSync(form).then(
      (outcome) => {
        setChecking(false);
        if (!outcome.ok) onError(outcome.error);
      },
      () => {
        setChecking(false);
        onError('unreachable');
      },
    );
  };
  return (
    <form class="sync__form" onSubmit={submit}>
      {FIELDS.map((field) => (
        <label key={field.key} class="sync__field">
          <span>{field.label()}</span>
          <input
            data-testid={`sync-${field.key}`}
            type={field.type}
            required
            placeholder={field.placeholder}
            autocomplete={field.autocomplete}
            value={form[field.key]}
            onInput={(event) => setForm({ ...form, [field.key]: event.currentTarget.value })}
          />
        </label>
      ))}
      <button type="submit" class="button" data-testid="sync-start" disabled={checking}>
        {checking ? i18n.t('sync.checking') : i18n.t('sync.start')}
      </button>
      {error && (
        <p role="alert" class="settings__warning" data-testid="sync-error">
          {ERROR_MESSAGES[error]()}
        </p>
      )}
    </form>
  );
}

/** Sync through the user's own CouchDB server: set up, status, Sync now, Stop syncing. */
export function SyncSettings({ locale }: { locale: string }) {
  const [status, setStatus] = useState<SyncStatus>(SYNC_STATUS_OFF);
  const [account, setAccount] = useState<Omit<SyncAccount, 'password'> | null | undefined>(undefined);
  const [waiting, setWaiting] = useState<number | null>(null);
  const [startError, setStartError] = useState<SyncErrorCode | null>(null);

  useEffect(() => {
    const unwatch = watchSync((next, who) => {
      setStatus(next);
      setAccount(who);
    });
    const count = observe(() => waitingCount(getDb()), { next: setWaiting });
    return () => {
      unwatch();
      count.unsubscribe();
    };
  }, []);
  if (account === undefined) return null;

  return (
    <section data-testid="sync-settings" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{i18n.t('sync.heading')}</h2>
      <p class="settings__help">{i18n.t('sync.help')}</p>
      {!account && <StartForm error={startError} onError={setStartError} />}
      {account && (
        <div data-testid="sync-status" role="status">
          <p data-testid="sync-account">{i18n.t('sync.syncingWith', [account.server, account.database, account.user])}</p>
          <p data-testid="sync-last">{i18n.t('sync.lastSynced', [status.lastSyncedAt ? formatDateTime(status.lastSyncedAt, locale) : i18n.t('sync.never')])}</p>
          {waiting !== null && <p data-testid="sync-waiting">{i18n.t('sync.waiting', waiting, [waiting])}</p>}
          {status.lastError && (
            <p class="settings__warning" data-testid="sync-last-error">
              {i18n.t('sync.lastError', [ERROR_MESSAGES[status.lastError]()])}
              {status.retryAt && ` ${i18n.t('sync.retryAt', [formatDateTime(status.retryAt, locale)])}`}
            </p>
          )}
          <p class="sync__actions">
            <button type="button" class="button" data-testid="sync-now" onClick={() => void syncNow()}>
              {i18n.t('sync.now')}
            </button>{' '}
            <button
              type="button"
              class="button"
              data-testid="sync-stop"
              onClick={() => {
                setStartError(null);
                void stopSync();
              }}
            >
              {i18n.t('sync.stop')}
            </button>
          </p>
          <p class="settings__help">{i18n.t('sync.stopHelp')}</p>
        </div>
      )}
    </section>
  );
}
