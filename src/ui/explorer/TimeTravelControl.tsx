import { useState, type FormEvent } from 'react';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { formatTimestamp } from '../shared/format.ts';

/** Time travel by time: the latest version committed at or before it, as `lakelab --timestamp` finds it; the link keeps it as ?ts=. */
export function TimeTravelControl() {
  const actions = useExplorerActions();
  const travel = useExplorerState((s) => s.insights.timeTravel);
  const selected = useExplorerState((s) => s.selectedVersion);
  const word = useExplorerState((s) => s.terms.version);
  const [text, setText] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim()) void actions.timeTravelTo(text.trim());
  }
  return (
    <form className="inline-form time-travel" onSubmit={submit} data-testid="time-travel">
      <label>
        Time travel to (UTC)
        <input type="datetime-local" step="1" value={text} onChange={(e) => setText(e.target.value)} data-testid="time-travel-input" />
      </label>
      <button type="submit">Go</button>
      {travel && 'error' in travel && <span className="panel-error" role="alert">{travel.error}</span>}
      {travel && 'version' in travel && travel.version === selected && (
        <span className="muted" data-testid="time-travel-result">
          {travel.text} is {word} {travel.version}, committed at {formatTimestamp(travel.commitTime)} by {travel.by}
        </span>
      )}
    </form>
  );
}
