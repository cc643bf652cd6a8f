import type { ConflictDetail, FileSummary } from '../../sim/conflictDetails.ts';

/** On a conflict: what the loser read and with which predicate, what the winner added and removed, which files decided it, and the rule in two voices. */
export function ConflictDetails({ detail }: { detail: ConflictDetail }) {
  const decisive = new Set(detail.decisive);
  return (
    <div className="conflict-details" data-testid="conflict-details">
      <h4>What {detail.writer} read</h4>
      <p>
        {detail.operation} at version {detail.readVersion}, {detail.readWholeTable ? 'reading the whole table' : detail.predicate ? <>reading with the predicate <code data-testid="conflict-predicate">{detail.predicate}</code></> : 'reading no rows'}:{' '}
        {detail.read.length} file(s).
      </p>
      <FileTable files={detail.read} decisive={decisive} testId="conflict-read" />
      <h4>What {detail.winner.writer ?? 'the winner'} changed in version {detail.winner.version}{detail.winner.operation ? ` (${detail.winner.operation})` : ''}</h4>
      {detail.winner.removed.length > 0 && <><p>Removed {detail.winner.removed.length} file(s):</p><FileTable files={detail.winner.removed} decisive={decisive} testId="conflict-removed" /></>}
      {detail.winner.added.length > 0 && <><p>Added {detail.winner.added.length} file(s):</p><FileTable files={detail.winner.added} decisive={decisive} testId="conflict-added" /></>}
      {detail.winner.removed.length === 0 && detail.winner.added.length === 0 && <p className="muted">No data files: it changed the table's metadata or protocol.</p>}
      <h4>The rule that fired: {detail.conflictKind}</h4>
      <p><strong>In delta-rs's words: </strong><span data-testid="conflict-delta-rs-words">{detail.deltaRsWords.split('\n')[0]}</span></p>
      <p><strong>In plain words: </strong><span data-testid="conflict-plain-words">{detail.plainWords}</span></p>
    </div>
  );
}

function FileTable({ files, decisive, testId }: { files: FileSummary[]; decisive: Set<string>; testId: string }) {
  const partitions = [...new Set(files.flatMap((f) => Object.keys(f.partitionValues)))];
  const columns = [...new Set(files.flatMap((f) => Object.keys(f.min ?? {})))];
  return (
    <div className="scroll-x">
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr><th>file</th>{partitions.map((p) => <th key={p}>{p} (partition)</th>)}<th>rows</th>{columns.map((c) => <th key={c}>{c} min … max</th>)}</tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.path} className={decisive.has(f.path) ? 'removed' : undefined} title={decisive.has(f.path) ? 'This file decided the conflict' : undefined}>
              <td className="path">{decisive.has(f.path) ? '⚑ ' : ''}{f.path}</td>
              {partitions.map((p) => <td key={p}>{f.partitionValues[p] ?? 'null'}</td>)}
              <td>{f.records ?? '?'}</td>
              {columns.map((c) => <td key={c}>{String(f.min?.[c] ?? '')} … {String(f.max?.[c] ?? '')}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
