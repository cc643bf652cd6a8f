import { memo, type ReactNode } from 'react';
import { sameHistory, type TraceEvent } from '../../sim/trace.ts';

/**
 * Which writer made each version, with what operation. Drawn again only for a new trace, not on
 * every step. With `onOpen`, each version is a button that opens the table at it in the explorer.
 */
export const VersionChain = memo(function VersionChain({ trace, onOpen }: { trace: TraceEvent[]; onOpen?: (version: number) => void }) {
  // The Delta table's versions only: a catalog database writer's commits are snapshots of the DuckLake catalog.
  const commits = trace.filter((e) => e.kind === 'committed' && e.version !== undefined && !e.catalog).sort((a, b) => (a.version ?? 0) - (b.version ?? 0));
  if (commits.length === 0) return null;
  // Versions are contiguous after the start: v0 written from rows, or a fixture's version.
  const start = (commits[0]!.version ?? 1) - 1;
  return (
    <ol className="version-chain" aria-label="Version chain" data-testid="version-chain">
      <VersionBox version={start} onOpen={onOpen}><span className="muted">{start === 0 ? 'setup' : 'starting table'}</span></VersionBox>
      {commits.map((c) => (
        <VersionBox key={c.version} version={c.version!} onOpen={onOpen}><span>{c.writer}</span><span className="muted">{c.operation}</span></VersionBox>
      ))}
    </ol>
  );
});

function VersionBox({ version, onOpen, children }: { version: number; onOpen?: (version: number) => void; children: ReactNode }) {
  if (!onOpen) return <li className="version-box"><strong>v{version}</strong>{children}</li>;
  return (
    <li className="version-box">
      <button type="button" className="version-open" onClick={() => onOpen(version)} title={`Open the table at version ${version} in the explorer: history, files, rows`} data-testid={`sim-open-v${version}`}>
        <strong>v{version}</strong>{children}
      </button>
    </li>
  );
}

/** A conflict as anomaly checkers draw it: what the loser read, what the winner changed, and the edge between. */
export function ConflictGraph({ conflict, trace }: { conflict: TraceEvent; trace: TraceEvent[] }) {
  const winner = trace.find((e) => e.kind === 'committed' && e.version === conflict.winningVersion && sameHistory(e, conflict));
  const files = conflict.files ?? [];
  const changed = conflict.conflictKind === 'ConcurrentAppend' ? 'added' : conflict.conflictKind === 'MetadataChanged' ? 'changed the metadata' : 'removed';
  return (
    <svg width={640} height={120} role="img" aria-label={`${conflict.writer} read version ${conflict.version}; ${winner?.writer ?? 'the winner'} committed version ${conflict.winningVersion}`} className="conflict-graph" data-testid="conflict-graph">
      <defs><marker id="edge" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="var(--remove)" /></marker></defs>
      <rect x={10} y={30} width={220} height={56} rx={6} className="graph-node loser" />
      <text x={20} y={52}>{conflict.writer}: {conflict.operation}</text>
      <text x={20} y={72} className="lane-label">read version {conflict.version}</text>
      <rect x={400} y={30} width={230} height={56} rx={6} className="graph-node winner" />
      <text x={410} y={52}>{winner?.writer ?? '?'}: {winner?.operation ?? ''}</text>
      <text x={410} y={72} className="lane-label">committed version {conflict.winningVersion}</text>
      <line x1={400} y1={58} x2={232} y2={58} stroke="var(--remove)" strokeWidth={2} markerEnd="url(#edge)" />
      <text x={250} y={48} className="lane-label">{changed} {files.length > 0 ? `${files.length} file(s)` : ''}</text>
      <text x={250} y={80} className="lane-label">{files.length > 0 && changed !== 'changed the metadata' ? 'this read depended on' : ''}</text>
      <text x={10} y={110} className="lane-label">{conflict.conflictKind}: the winner's change invalidates what the loser read, so the loser cannot commit after it.</text>
    </svg>
  );
}
