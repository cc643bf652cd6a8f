/** The ObjectStore contract and Azure's own semantics, against a real Azure Blob server (Azurite). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, azuriteAccount, azuriteKey, type Azurite } from '../../test/support/azurite.ts';
import { describeObjectStoreContract } from './objectStoreContract.ts';
import { openAzureStore } from './azureStore.ts';
import { parseAzureAddress } from './azureAddress.ts';
import { CountingStore } from './countingStore.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { planScan } from '../core/delta/planScan.ts';
import { scanDelta } from '../query/deltaScan.ts';
import { parquetCodec } from '../query/parquetRows.ts';

let azurite: Azurite;
let counter = 0;

beforeAll(async () => {
  azurite = await startAzurite();
}, 120_000);
afterAll(async () => azurite?.stop());

async function freshContainer(): Promise<string> {
  const name = `c${Date.now()}${counter++}`;
  await azurite.service.getContainerClient(name).create();
  return name;
}

const sharedKey = { kind: 'sharedKey' as const, accountName: azuriteAccount, accountKey: azuriteKey };
const open = async (container: string, folder = 'tables/t', credential: Parameters<typeof openAzureStore>[1] = sharedKey) =>
  openAzureStore(parseAzureAddress(`${azurite.accountUrl}/${container}/${folder}`), credential);

describeObjectStoreContract('AzureBlobStore (Azurite)', async () => ({ store: await open(await freshContainer()) }), { leases: true });

describe('AzureBlobStore on Azurite', () => {
  it('two racing putIfAbsent on one name: exactly one wins (Azurite answers 409, Azure 412)', async () => {
    const store = await open(await freshContainer());
    const outcomes = await Promise.all([1, 2].map((i) => store.putIfAbsent('_delta_log/00000000000000000000.json', new TextEncoder().encode(`w${i}`))));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['created', 'exists']);
  });

  it('a read-only SAS reads but cannot write, and says which permission is missing', async () => {
    const container = await freshContainer();
    const writer = await open(container);
    await writer.put('a.txt', new TextEncoder().encode('hello'));
    const reader = await open(container, 'tables/t', { kind: 'sas', token: azurite.sasFor(container, 'rl') });
    expect(new TextDecoder().decode(await reader.get('a.txt'))).toBe('hello');
    const refused = reader.put('b.txt', new TextEncoder().encode('x'));
    await expect(refused).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(refused).rejects.toThrow(/put b\.txt: permission denied \(AuthorizationPermissionMismatch\)\. The credential needs the Write \(w\) and Create \(c\) permission/);
    await expect(refused).rejects.not.toThrow(/sig=(?!REDACTED)/);
  });

  it('an expired SAS is refused with a message saying it expired and how to renew it, without the signature', async () => {
    const container = await freshContainer();
    const sas = azurite.sasFor(container, 'racwdl', -30_000);
    const store = await open(container, 'tables/t', { kind: 'sas', token: sas });
    const refused = store.get('_delta_log/00000000000000000000.json');
    await expect(refused).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(refused).rejects.toThrow(/rejected the credential \(\w+\): the SAS or token expired at 20\d\d-[\d-]+T[\d:.]+Z\. Make a new SAS/);
    const signature = new URLSearchParams(sas).get('sig') ?? 'none';
    await expect(refused).rejects.not.toThrow(signature);
  });

  it('leases on Azurite: a second holder is refused, a write without the lease id is refused, a break lets a new holder in after its period', async () => {
    const store = await open(await freshContainer());
    const key = 'ducklake.lock';
    await store.put(key, new TextEncoder().encode('owner-1'));
    const first = await store.leases.acquire(key, 'infinite');
    if (first.status !== 'ok') throw new Error(`expected the first acquire to succeed, got ${first.status}`);
    expect(await store.leases.acquire(key, 15)).toEqual({ status: 'held' });
    await expect(store.put(key, new TextEncoder().encode('intruder'))).rejects.toThrow(/put ducklake\.lock: refused, the blob is leased \(LeaseIdMissing\)/);
    expect(await store.leases.setMetadata(key, { owner: 'intruder' })).toMatchObject({ status: 'lost' });
    await store.put(key, new TextEncoder().encode('owner-1 again'), { leaseId: first.leaseId });
    expect(await store.leases.break(key, 1)).toEqual({ secondsUntilBroken: 1 });
    expect((await store.leases.acquire(key, 15)).status).toBe('breaking');
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    const second = await store.leases.acquire(key, 15);
    expect(second.status).toBe('ok');
    await expect(store.put(key, new TextEncoder().encode('stale'), { leaseId: first.leaseId })).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(new TextDecoder().decode(await store.get(key))).toBe('owner-1 again');
  });

  it('refuses an expired bearer token before sending anything, saying how to renew it', async () => {
    const payload = Buffer.from(JSON.stringify({ aud: 'https://storage.azure.com', exp: Math.floor(Date.now() / 1000) - 60 })).toString('base64url');
    const store = await openAzureStore(parseAzureAddress('https://myaccount.blob.core.windows.net/data/t'), { kind: 'bearer', token: `eyJhbGciOiJub25lIn0.${payload}.sig` });
    await expect(store.get('x')).rejects.toThrow(/expired at .*az account get-access-token/);
  });

  it('opens a checkpointed table within a request budget: one listing, the checkpoint, no data until rows are asked for', async () => {
    const container = await freshContainer();
    const fixture = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'delta', 'delta-rs', 'simple_table_with_checkpoint');
    const store = await open(container, 'Tables/simple');
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
    for (const file of walk(fixture)) await store.put(relative(fixture, file), new Uint8Array(readFileSync(file)));
    const counting = new CountingStore(store);
    const snapshot = await loadSnapshot(counting, '', { codec: parquetCodec });
    expect(snapshot.version).toBe(10);
    const checkpointSize = statSync(join(fixture, '_delta_log', '00000000000000000010.checkpoint.parquet')).size;
    // The log listed once, the checkpoint (small: under defaultRangedReads.minSize) read whole in one get, no head, no data.
    expect(counting.counts()).toEqual({
      list: 1, head: 0, get: 1, rangedGet: 0, bytesRead: checkpointSize, rangeBytes: 0, put: 0, putIfAbsent: 0, delete: 0,
      keysRead: ['_delta_log/00000000000000000010.checkpoint.parquet'],
    });
    counting.reset();
    let rows = 0;
    for await (const batch of scanDelta(counting, planScan(snapshot))) rows += batch.selection.length;
    const dataFiles = snapshot.files.map((f) => decodeURIComponent(f.path)).sort();
    // Rows asked for: each active data file read once, whole, and nothing else.
    expect(counting.counts()).toMatchObject({ list: 0, head: 0, get: dataFiles.length, rangedGet: 0 });
    expect(counting.counts().keysRead.slice().sort()).toEqual(dataFiles);
    expect(counting.counts().bytesRead).toBe(dataFiles.reduce((n, key) => n + statSync(join(fixture, key)).size, 0));
    // The writer recorded each commit's numOutputRows; the log removes nothing, so they add up to the table.
    let written = 0;
    for (const name of readdirSync(join(fixture, '_delta_log')).filter((n) => n.endsWith('.json'))) {
      for (const line of readFileSync(join(fixture, '_delta_log', name), 'utf8').split('\n').filter(Boolean)) {
        const action = JSON.parse(line) as { remove?: unknown; commitInfo?: { operationMetrics?: { numOutputRows?: string } } };
        expect(action.remove).toBeUndefined();
        written += Number(action.commitInfo?.operationMetrics?.numOutputRows ?? 0);
      }
    }
    expect(rows).toBe(written);
  });

  it('reads a large checkpoint as parallel ranged reads that cover it exactly once, to the same snapshot', async () => {
    const container = await freshContainer();
    const fixture = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'delta', 'delta-rs', 'simple_table_with_checkpoint');
    const store = await open(container, 'Tables/simple');
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
    for (const file of walk(fixture)) await store.put(relative(fixture, file), new Uint8Array(readFileSync(file)));
    const whole = await loadSnapshot(store, '', { codec: parquetCodec });
    const counting = new CountingStore(store);
    // The fixture's checkpoint is small: "large" lowered so that it is read in 1 KiB ranges.
    const ranged = await loadSnapshot(counting, '', { codec: parquetCodec, ranged: { minSize: 1, rangeSize: 1024, concurrency: 3 } });
    const checkpointSize = statSync(join(fixture, '_delta_log', '00000000000000000010.checkpoint.parquet')).size;
    const ranges = Math.ceil(checkpointSize / 1024);
    expect(ranges).toBeGreaterThan(3);
    expect(counting.counts()).toMatchObject({ list: 1, head: 0, get: ranges, rangedGet: ranges, bytesRead: checkpointSize, rangeBytes: checkpointSize });
    expect(new Set(counting.counts().keysRead)).toEqual(new Set(['_delta_log/00000000000000000010.checkpoint.parquet']));
    expect(ranged.version).toBe(whole.version);
    expect(ranged.files).toEqual(whole.files);
  });
});
