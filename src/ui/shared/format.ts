/** Display formatting shared by the views. */
export function formatTimestamp(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** A cell's text: values arrive in the CLI's JSON form (strings for exact values). */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A Delta path (URI-encoded in the log) as people read it; a malformed escape is shown as it is. */
export function displayPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
