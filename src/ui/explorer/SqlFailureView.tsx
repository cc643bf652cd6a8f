import type { SqlFailure } from '../state/sqlActions.ts';

/** A failed query said once: the message, then the query's line with a caret under the position. */
export function SqlFailureView({ failure }: { failure: SqlFailure }) {
  const line = failure.position ? failure.sql.split('\n')[failure.position.line] : undefined;
  return (
    <div className="panel-error" role="alert" data-error-code={failure.code} data-testid="sql-error">
      <strong>{failure.code}:</strong> {failure.message}
      {failure.position && line !== undefined && (
        // The caret line repeats the text before the position, invisibly, so the caret sits under it in any font.
        <pre className="sql-caret" data-testid="sql-error-position">
          {failure.position.line > 0 && <span className="muted">line {failure.position.line + 1}{'\n'}</span>}
          {line}{'\n'}
          <span className="caret-pad" aria-hidden="true">{line.slice(0, failure.position.column)}</span>^
        </pre>
      )}
    </div>
  );
}
