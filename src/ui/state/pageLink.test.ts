import { describe, expect, it } from 'vitest';
import { toPageLink, toSearch } from './pageLink.ts';

describe('page link', () => {
  it('round-trips a sample and version', () => {
    const link = { sample: 'simple_table', version: 3 };
    expect(toPageLink(toSearch(link))).toEqual(link);
  });

  it('round-trips a URL with characters that need escaping', () => {
    const link = { url: 'https://example.com/tables/a b?x=1&y=2', version: 0 };
    expect(toSearch(link)).not.toContain(' ');
    expect(toPageLink(toSearch(link))).toEqual(link);
  });

  it('round-trips the mark of writes that lived in memory', () => {
    const link = { sample: 'simple_table', version: 5, unsaved: true };
    expect(toSearch(link)).toBe('?sample=simple_table&v=5&unsaved=1');
    expect(toPageLink(toSearch(link))).toEqual(link);
  });

  it('round-trips a catalog\'s table and the data path given for it', () => {
    const link = { sample: 'ducklake_seed', table: 'staging.orders', data: 'Tables/', version: 5 };
    expect(toSearch(link)).toBe('?sample=ducklake_seed&table=staging.orders&data=Tables%2F&v=5');
    expect(toPageLink(toSearch(link))).toEqual(link);
  });

  it('ignores a version that is not a whole number', () => {
    expect(toPageLink('?sample=t&v=-1')).toEqual({ sample: 't' });
    expect(toPageLink('?sample=t&v=abc')).toEqual({ sample: 't' });
  });

  it('is empty for an empty query', () => {
    expect(toSearch({})).toBe('');
    expect(toPageLink('')).toEqual({});
  });
});
