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
