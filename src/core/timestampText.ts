import { parseIsoMs } from './delta/civilTime.ts';

/**
 * A time as people write it, for time travel: ISO 8601; a time without a zone is UTC (as the
 * log's times are), not the machine's local time. The CLI's --timestamp and the page's time
 * control (and its `?ts=` link) read times with this one function.
 */
export function toTimestampMs(text: string): number | undefined {
  return parseIsoMs(text);
}
