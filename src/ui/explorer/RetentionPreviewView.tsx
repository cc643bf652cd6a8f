import { useState, type FormEvent } from 'react';
import type { RetentionPreview } from '../../core/delta/analysis/loadRetentionPreview.ts';
import type { VacuumMode } from '../../core/delta/analysis/vacuumPreview.ts';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { displayPath, formatBytes, formatTimestamp } from '../shared/format.ts';

const hourMs = 3_600_000;

/** The retention preview: VACUUM by delta-rs's rules at a retention, log cleanup, and the versions time travel would lose. */
export function RetentionPreviewView() {
  const retention = useExplorerState((s) => s.insights.retention);
  const opened = useExplorerState((s) => s.latestVersion.status === 'ready');
  const actions = useExplorerActions();
  const [hours, setHours] = useState('');
  const [mode, setMode] = useState<VacuumMode>('lite');
  const [enforce, setEnforce] = useState(true);
  function submit(event: FormEvent) {
    event.preventDefault();
    const given = hours.trim() === '' ? undefined : Number(hours) * hourMs;
    void actions.previewRetention({ now: Date.now(), mode, enforceRetention: enforce, ...(given !== undefined && Number.isFinite(given) && { retentionMs: given }) });
  }
  return (
    <div className="retention" data-testid="retention">
      <h3>Retention: what VACUUM and log cleanup would delete now</h3>
      <form className="inline-form" onSubmit={submit}>
        <label>
          Retention (hours)
          <input type="number" min="0" step="any" value={hours} placeholder="the table's" onChange={(e) => setHours(e.target.value)} data-testid="retention-hours" />
        </label>
        <label>
          Mode
          <select value={mode} onChange={(e) => setMode(e.target.value as VacuumMode)} data-testid="retention-mode">
            <option value="lite">lite (delta-rs's default)</option>
            <option value="full">full</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={enforce} onChange={(e) => setEnforce(e.target.checked)} /> enforce the table's retention
        </label>
        <button type="submit" disabled={!opened} data-testid="retention-preview">Preview</button>
      </form>
      <LoadableView value={retention} what="the retention preview">
        {(preview) => <RetentionResult preview={preview} />}
      </LoadableView>
    </div>
  );
}

const versionList = (versions: number[]) => (versions.length === 0 ? 'none' : versions.length > 12 ? `${versions.slice(0, 12).join(', ')} … (${versions.length})` : versions.join(', '));

function RetentionResult({ preview }: { preview: RetentionPreview }) {
  const { vacuum, logCleanup } = preview;
  const inUse = vacuum.files.filter((f) => f.inUse);
  return (
    <div>
      {vacuum.refused ? (
        <p className="panel-error" role="alert" data-testid="vacuum-refused">delta-rs refuses: {vacuum.refused}</p>
      ) : (
        <>
          <p className="summary" data-testid="vacuum-summary">
            VACUUM ({vacuum.mode}, retention {vacuum.retentionMs / hourMs} h) would delete {vacuum.files.length} file(s), {formatBytes(vacuum.bytes)};
            time travel would lose version(s) {versionList(vacuum.lostVersions)}. {vacuum.retainedTombstones} removed file(s) are kept for time travel.
          </p>
          {inUse.length > 0 && (
            <p className="panel-error" role="alert">
              {inUse.length} deletion-vector file(s) the latest version reads would be deleted too: delta-rs's full mode counts data files only.
            </p>
          )}
          {vacuum.files.length > 0 && (
            <div className="scroll-x">
              <table className="grid" data-testid="vacuum-files">
                <thead>
                  <tr><th scope="col">File</th><th scope="col">Size</th><th scope="col">Why</th><th scope="col">Removed at</th></tr>
                </thead>
                <tbody>
                  {vacuum.files.slice(0, 500).map((f) => (
                    <tr key={f.path}>
                      <td className="path">{displayPath(f.path)}</td>
                      <td>{f.size === null ? '?' : formatBytes(f.size)}{f.exists ? '' : ' (already gone)'}</td>
                      <td>{f.why}</td>
                      <td>{f.removedAt ? formatTimestamp(f.removedAt) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <p className="summary" data-testid="log-cleanup-summary">
        Log cleanup (retention {Math.round(logCleanup.logRetentionMs / hourMs / 24)} days{logCleanup.enabled ? '' : ', off for this table: delta.enableExpiredLogCleanup=false'}):{' '}
        {logCleanup.safeCheckpointVersion === null
          ? 'nothing: no checkpoint old enough to keep the table readable without older commits'
          : `${logCleanup.files.length} log file(s) before checkpoint ${logCleanup.safeCheckpointVersion}, ${formatBytes(logCleanup.bytes)}; version(s) lost: ${versionList(logCleanup.lostVersions)}`}
      </p>
      <p className="muted">Versions {preview.earliestVersion} to {preview.version} can be read today. Nothing is deleted here: run VACUUM with the table's engine.</p>
    </div>
  );
}
