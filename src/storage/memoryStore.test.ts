import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { listAll } from '../core/objectStore.ts';
import { MemoryStore } from './memoryStore.ts';
import { describeObjectStoreContract } from './objectStoreContract.ts';

describeObjectStoreContract('MemoryStore', async () => {
  const clock = new ManualClock(1_700_000_000_000);
  return { store: new MemoryStore({ clock }), advance: (ms) => clock.advance(ms) };
}, { leases: true });

describe('MemoryStore snapshots', () => {
  it('copies every object with its bytes and times through toEntries and fromEntries', async () => {
    const clock = new ManualClock(1_000);
    const store = new MemoryStore({ clock });
    await store.put('t/_delta_log/00000000000000000000.json', new TextEncoder().encode('{}'));
    clock.advance(500);
    await store.put('t/a b.parquet', Uint8Array.of(0, 255, 7));
    const copy = MemoryStore.fromEntries(store.toEntries(), { description: 'copy' });
    expect(copy.description).toBe('copy');
    expect(copy.toEntries()).toEqual(store.toEntries());
    expect((await copy.head('t/a b.parquet')).lastModified).toBe(1_500);
    await copy.put('t/a b.parquet', Uint8Array.of(1));
    expect(await store.get('t/a b.parquet')).toEqual(Uint8Array.of(0, 255, 7));
  });

  it('refuses a hostile key in loaded entries', () => {
    expect(() => MemoryStore.fromEntries([{ key: '../x', data: new Uint8Array(), lastModified: 0 }])).toThrow(/"\.\.\/x"/);
  });
});

describe('MemoryStore listing from a key on', () => {
  it('leaves out every key at or before startAfter, across writes and deletes', async () => {
    const store = new MemoryStore();
    const key = (v: number) => `t/_delta_log/${String(v).padStart(20, '0')}.json`;
    for (const v of [3, 0, 2, 1, 4]) await store.put(key(v), new Uint8Array());
    await store.put('t/data.parquet', new Uint8Array());
    await store.put('t/_delta_log/00000000000000000002.checkpoint.parquet', new Uint8Array());
    const after = async (startAfter: string, prefix = 't/_delta_log/') => (await listAll(store, prefix, { startAfter })).map((o) => o.key);
    expect(await after('t/_delta_log/00000000000000000002')).toEqual(['t/_delta_log/00000000000000000002.checkpoint.parquet', key(2), key(3), key(4)]);
    expect(await after(key(2))).toEqual([key(3), key(4)]);
    expect(await after('a')).toEqual([0, 1, 2, 3, 4].map(key).toSpliced(2, 0, 't/_delta_log/00000000000000000002.checkpoint.parquet'));
    expect(await after('u')).toEqual([]);
    await store.delete(key(3));
    await store.put(key(4), Uint8Array.of(1));
    expect(await after(key(2))).toEqual([key(4)]);
    expect(await after('t/_delta_log/', 't/')).toEqual(['t/_delta_log/00000000000000000000.json', 't/_delta_log/00000000000000000001.json', 't/_delta_log/00000000000000000002.checkpoint.parquet', key(2), key(4), 't/data.parquet']);
  });
});

describe('MemoryStore listing order', () => {
  it('lists in UTF-8 byte order: U+FF21 before U+1F600, though UTF-16 says otherwise', async () => {
    const store = new MemoryStore();
    for (const key of ['p=😀/a', 'p=Ａ/a', 'p=z/a']) await store.put(key, new Uint8Array());
    expect((await listAll(store, '')).map((o) => o.key)).toEqual(['p=z/a', 'p=Ａ/a', 'p=😀/a']);
    const pages = [];
    for await (const page of store.list('', { delimiter: '/' })) pages.push(...page.prefixes);
    expect(pages).toEqual(['p=z/', 'p=Ａ/', 'p=😀/']);
  });
});
