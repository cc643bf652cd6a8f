/** "a = 1, b = 'x, y'" to { a: '1', b: "'x, y'" } (commas inside quotes kept). */
export function parseAssignments(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/,(?=(?:[^']*'[^']*')*[^']*$)/)) {
    if (!part.trim()) continue;
    const at = part.indexOf('=');
    if (at < 1) throw new Error(`cannot read "${part.trim()}": write column = value`);
    out[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return out;
}
