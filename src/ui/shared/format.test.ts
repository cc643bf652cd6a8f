import { describe, expect, it } from 'vitest';
import { displayPath, formatBytes } from './format.ts';

describe('display formats', () => {
  it('shows a Delta path decoded, and a malformed escape as it is', () => {
    expect(displayPath('p=a%20b/part-0.parquet')).toBe('p=a b/part-0.parquet');
    expect(displayPath('p=100%/part-0.parquet')).toBe('p=100%/part-0.parquet');
  });

  it('sizes bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
  });
});
