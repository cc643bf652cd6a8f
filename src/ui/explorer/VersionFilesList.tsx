import { useEffect } from 'react';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { displayPath, formatBytes } from '../shared/format.ts';

/** A commit can add 100,000 files: the list names the first ones of each kind. */
const changesListedUpTo = 500;

/** What the selected version's own commit added and removed. */
export function VersionFilesList() {
  const version = useExplorerState((s) => s.selectedVersion);
  const files = useExplorerState((s) => s.versionFiles);
  const word = useExplorerState((s) => s.terms.version);
  const actions = useExplorerActions();
  useEffect(() => {
    if (version !== undefined) void actions.loadVersionFiles(version);
  }, [version, actions]);
  if (files.status !== 'ready' || files.value.version !== version) return null;
  const { added, removed } = files.value;
  return (
    <details className="commit-changes" data-testid="commit-changes">
      <summary>{word === 'version' ? 'Version' : 'Snapshot'} {version} added {added.length} file(s) and removed {removed.length}</summary>
      <ul>
        {added.slice(0, changesListedUpTo).map((f) => (
          <li key={`a${f.path}`} className="added">+ {displayPath(f.path)}{f.size !== null ? ` (${formatBytes(f.size)})` : ''}{f.deletes ? ' (deletes)' : ''}</li>
        ))}
        {added.length > changesListedUpTo && <li className="muted">… and {added.length - changesListedUpTo} more added (the Log view has them all)</li>}
        {removed.slice(0, changesListedUpTo).map((f) => <li key={`r${f.path}`} className="removed">− {displayPath(f.path)}{f.rearranged ? ' (rearranged, no data change)' : ''}</li>)}
        {removed.length > changesListedUpTo && <li className="muted">… and {removed.length - changesListedUpTo} more removed (the Log view has them all)</li>}
      </ul>
    </details>
  );
}
