import { describe, expect, it } from 'vitest';
import { toPartitionString, toTypedPartitionValue } from './partitionValues.ts';
import { formatTimestampMicros, fromEpochDays, parseTimestampMicros, toEpochDays } from './civilTime.ts';

describe('partition values', () => {
  it('types string-encoded values per the protocol', () => {
    expect(toTypedPartitionValue('42', 'integer', 'c')).toBe(42);
    expect(toTypedPartitionValue('9007199254740993', 'long', 'c')).toBe(9007199254740993n);
    expect(toTypedPartitionValue('2021.0', 'double', 'c')).toBe(2021);
    expect(toTypedPartitionValue('true', 'boolean', 'c')).toBe(true);
    expect(toTypedPartitionValue('2021-01-02', 'date', 'c')).toBe(18629);
    expect(toTypedPartitionValue('2021-01-01 00:00:01.5', 'timestamp', 'c')).toBe(1609459201500000n);
    expect(toTypedPartitionValue('12.3', 'decimal(5,2)', 'c')).toBe('12.30');
    expect(toTypedPartitionValue('-0.5', 'decimal(5,3)', 'c')).toBe('-0.500');
    expect(toTypedPartitionValue('😈', 'binary', 'c')).toEqual(new Uint8Array([0xf0, 0x9f, 0x98, 0x88]));
    expect(toTypedPartitionValue(null, 'integer', 'c')).toBeNull();
    expect(toTypedPartitionValue('', 'integer', 'c')).toBeNull();
    expect(toTypedPartitionValue('', 'string', 'c')).toBe('');
  });

  it('refuses values that do not fit the type, naming the column', () => {
    expect(() => toTypedPartitionValue('abc', 'integer', 'year')).toThrow(/"year"/);
    expect(() => toTypedPartitionValue('1.234', 'decimal(5,2)', 'amount')).toThrow(/amount/);
  });

  it('writes values back as strings', () => {
    expect(toPartitionString(18629, 'date')).toBe('2021-01-02');
    expect(toPartitionString(1609459201500000n, 'timestamp')).toBe('2021-01-01 00:00:01.500000');
    expect(toPartitionString(null, 'string')).toBeNull();
  });
});

describe('civil time', () => {
  it('round-trips dates across the whole calendar', () => {
    for (const days of [-719162, -1, 0, 59, 18629, 2932896]) {
      const { year, month, day } = fromEpochDays(days);
      expect(toEpochDays(year, month, day)).toBe(days);
    }
    expect(fromEpochDays(2932896)).toEqual({ year: 9999, month: 12, day: 31 });
  });

  it('formats and parses microsecond timestamps exactly, years 0001 to 9999', () => {
    expect(formatTimestampMicros(253402214400000000n)).toBe('9999-12-31T00:00:00.000000');
    expect(formatTimestampMicros(-62135596800000000n)).toBe('0001-01-01T00:00:00.000000');
    expect(formatTimestampMicros(-1n)).toBe('1969-12-31T23:59:59.999999');
    expect(parseTimestampMicros('2021-01-01T01:00:00+01:00')).toBe(1609459200000000n);
  });
});
