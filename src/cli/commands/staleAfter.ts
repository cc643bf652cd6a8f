/** `--stale-after 12h|30m|90s|<ms>`: how old a lease holder's acquired_at stamp must be before the next writer breaks it. */
import { flagString, UsageError, type OptionSpec, type ParsedArgs } from '../args.ts';

export const staleAfterSpec: OptionSpec = {
  name: 'stale-after', takes: 'value', valueName: '12h|30m|90s',
  description: 'Azure / OneLake: break a lease whose acquired_at stamp is older than this (default 12h: a crashed run heals after it)',
};

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

export function staleAfterOption(args: ParsedArgs): number | undefined {
  const text = flagString(args, 'stale-after');
  if (text === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|min|m|h|d)?$/.exec(text.trim());
  if (!m) throw new UsageError(`--stale-after must be a duration like 12h, 30m or 90s, not "${text}"`);
  const ms = Number(m[1]) * (units[m[2] ?? 'ms'] ?? 1);
  if (!(ms > 0)) throw new UsageError(`--stale-after must be longer than 0, not "${text}"`);
  return ms;
}
