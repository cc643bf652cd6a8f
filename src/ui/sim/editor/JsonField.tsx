import { useEffect, useState } from 'react';

/**
 * A JSON value edited as text: the value changes only when the text parses; until then the
 * text stays as typed, with the parser's complaint beside it.
 */
export function JsonField({ label, value, onChange, rows = 3, testId }: { label: string; value: unknown; onChange: (value: unknown) => void; rows?: number; testId?: string }) {
  const [text, setText] = useState(() => JSON.stringify(value, null, 1));
  const [problem, setProblem] = useState<string>();
  // Another edit (a reset, a moved step) replaces the value: show it, unless it is what the text already says.
  useEffect(() => {
    setText((current) => (sameJson(current, value) ? current : JSON.stringify(value, null, 1)));
    setProblem(undefined);
  }, [value]);
  return (
    <label className="json-field">
      <span>{label}</span>
      <textarea rows={rows} value={text} spellCheck={false} data-testid={testId} aria-invalid={problem !== undefined}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            setProblem(undefined);
            onChange(parsed);
          } catch (error) {
            setProblem(error instanceof Error ? error.message : String(error));
          }
        }} />
      {problem && <span className="removed" role="alert">not JSON yet: {problem}</span>}
    </label>
  );
}

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}
