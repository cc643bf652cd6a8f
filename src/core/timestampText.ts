/**
 * A time as people write it, for time travel: ISO 8601; a time without a zone is UTC (as the
 * log's times are), not the machine's local time. The CLI's --timestamp and the page's time
 * control (and its `?ts=` link) read times with this one function.
 */
export function toTimestampMs(text: string): number | undefined {
  const value = text.trim();
  const zoneless = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value);
  const ms = Date.parse(zoneless ? `${value.replace(' ', 'T')}Z` : value);
  return Number.isNaN(ms) ? undefined : ms;
}
