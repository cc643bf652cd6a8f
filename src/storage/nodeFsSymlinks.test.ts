/**
 * A table folder that tries to lead outside itself through symbolic links (issue 16): links
 * that stay inside are followed, links that leave are refused by name, nothing is skipped.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAll } from '../core/objectStore.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { parquetCodec } from '../query/parquetRows.ts';
import { readTableRows } from '../../test/readTableRows.ts';
import { NodeFsStore } from './nodeFsStore.ts';

const fixture = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'delta', 'dat', 'basic_append', 'delta');
const dataFile = 'part-00000-3c9f01c2-6db4-4cbc-a744-dbc2f79eb78a-c000.snappy.parquet';
let dir: string;
let table: string;
let outside: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lakelab-links-'));
  table = join(dir, 'table');
  outside = join(dir, 'outside');
  cpSync(fixture, table, { recursive: true });
  mkdirSync(outside);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('NodeFsStore and symbolic links', () => {
  it('a data file linked to a file outside the table is refused by name; the rows are never returned', async () => {
    renameSync(join(table, dataFile), join(outside, dataFile));
    symlinkSync(join(outside, dataFile), join(table, dataFile));
    const store = new NodeFsStore(table);
    await expect(readTableRows(store, { codec: parquetCodec })).rejects.toMatchObject({
      code: 'AccessDenied',
      message: expect.stringMatching(new RegExp(`${dataFile}: resolves outside folder .* through a symbolic link`)),
    });
  });

  it('a data file linked through "..", relative, to outside is refused too', async () => {
    renameSync(join(table, dataFile), join(outside, dataFile));
    symlinkSync(join('..', 'outside', dataFile), join(table, dataFile));
    await expect(new NodeFsStore(table).get(dataFile)).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('a newest commit that is a link inside the table is followed, not skipped', async () => {
    const log = join(table, '_delta_log');
    mkdirSync(join(table, 'archive'));
    renameSync(join(log, '00000000000000000001.json'), join(table, 'archive', '1.json'));
    symlinkSync(join('..', 'archive', '1.json'), join(log, '00000000000000000001.json'));
    const snapshot = await loadSnapshot(new NodeFsStore(table), '', { codec: parquetCodec });
    expect(snapshot.version).toBe(1);
  });

  it('a newest commit linked outside the table is refused, never skipped (which would show stale rows)', async () => {
    const log = join(table, '_delta_log');
    renameSync(join(log, '00000000000000000001.json'), join(outside, '1.json'));
    symlinkSync(join(outside, '1.json'), join(log, '00000000000000000001.json'));
    await expect(loadSnapshot(new NodeFsStore(table), '', { codec: parquetCodec })).rejects.toMatchObject({
      code: 'AccessDenied', message: expect.stringContaining('_delta_log/00000000000000000001.json: resolves outside'),
    });
  });

  it('a log folder linked outside the table is refused when listed', async () => {
    renameSync(join(table, '_delta_log'), join(outside, '_delta_log'));
    symlinkSync(join(outside, '_delta_log'), join(table, '_delta_log'));
    await expect(listAll(new NodeFsStore(table), '_delta_log/')).rejects.toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('_delta_log/') });
  });

  it('a dangling link says it is one; a link loop is Corrupt, not a hang', async () => {
    symlinkSync(join(outside, 'gone.parquet'), join(table, 'gone.parquet'));
    await expect(new NodeFsStore(table).get('gone.parquet')).rejects.toMatchObject({ code: 'NotFound', message: expect.stringContaining('a symbolic link to a file that does not exist') });
    mkdirSync(join(table, 'loop'));
    symlinkSync(join(table, 'loop'), join(table, 'loop', 'again'));
    await expect(listAll(new NodeFsStore(table), 'loop/')).rejects.toMatchObject({ code: 'Corrupt', message: expect.stringContaining('symbolic link loop') });
  });

  it('never writes through a link: not into a linked folder outside, not over a linked file', async () => {
    symlinkSync(outside, join(table, 'escape'));
    const store = new NodeFsStore(table);
    await expect(store.put('escape/x.json', new Uint8Array([1]))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(store.putIfAbsent('escape/y/z.json', new Uint8Array([1]))).rejects.toMatchObject({ code: 'AccessDenied' });
    writeFileSync(join(outside, 'target.json'), 'original');
    symlinkSync(join(outside, 'target.json'), join(table, '_delta_log', '00000000000000000002.json'));
    expect((await store.putIfAbsent('_delta_log/00000000000000000002.json', new Uint8Array([1]))).status).toBe('exists');
    await expect(store.put('_delta_log/00000000000000000002.json', new Uint8Array([1]))).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(readFileSync(join(outside, 'target.json'), 'utf8')).toBe('original');
  });
});
