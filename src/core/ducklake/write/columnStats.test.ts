import { describe, expect, it } from 'vitest';
import { mergeTableColumnStats, toColumnStats, toStatsText } from './columnStats.ts';

describe('column stats as the ducklake extension writes them', () => {
  // The extension's ducklake_file_column_stats for the same values (DuckDB v1.5.5, recorded by hand).
  it('formats min and max as DuckDB does', () => {
    expect([toStatsText(false, 'boolean'), toStatsText(true, 'boolean')]).toEqual(['0', '1']);
    expect(toStatsText(10956, 'date')).toBe('1999-12-31');
    expect(toStatsText(1704164645123456n, 'timestamp_ntz')).toBe('2024-01-02 03:04:05.123456');
    expect(toStatsText(1704164645000000n, 'timestamp_ntz')).toBe('2024-01-02 03:04:05');
    expect(toStatsText(1704164645500000n, 'timestamp')).toBe('2024-01-02 03:04:05.5+00');
    expect([toStatsText(-125n, 'decimal(10,2)'), toStatsText(1250n, 'decimal(10,2)')]).toEqual(['-1.25', '12.50']);
    expect([toStatsText(Math.fround(1.5), 'float'), toStatsText(Math.fround(0.1), 'float')]).toEqual(['1.5', '0.1']);
    expect([toStatsText(0.1, 'double'), toStatsText(1e21, 'double'), toStatsText(3, 'double')]).toEqual(['0.1', '1e+21', '3.0']);
    expect([toStatsText(new TextEncoder().encode('abc'), 'binary'), toStatsText(Uint8Array.of(0xaa), 'binary')]).toEqual(['616263', 'AA']);
    expect([toStatsText(9007199254740993n, 'long'), toStatsText('héllo', 'string')]).toEqual(['9007199254740993', 'héllo']);
  });

  it('counts nulls, leaves NaN out of min and max, and says so for floats only', () => {
    expect(toColumnStats([1.5, Number.NaN, null], 'double')).toEqual({ valueCount: 2, nullCount: 1, containsNan: true, min: '1.5', max: '1.5' });
    expect(toColumnStats([null, null], 'string')).toEqual({ valueCount: 0, nullCount: 2, containsNan: null, min: null, max: null });
    expect(toColumnStats([3n, -2n, 10n], 'long')).toMatchObject({ min: '-2', max: '10', containsNan: null });
  });

  it('folds a file into the table stats by value, not by text', () => {
    const ids = { table_id: 1, column_id: 2 };
    const first = mergeTableColumnStats(undefined, toColumnStats([9, 10], 'integer'), 'integer', ids);
    const second = mergeTableColumnStats(first, toColumnStats([100, null], 'integer'), 'integer', ids);
    expect(second).toEqual({ ...ids, contains_null: true, contains_nan: null, min_value: '9', max_value: '100', extra_stats: null });
  });
});
