/**
 * DuckLake commits under the blob lease against a real Azure Blob server (Azurite): the shared
 * suite, and the CLI on a catalog address (append under the lease, a held lease refused with
 * exit code 3 naming its holder, ducklake-lease status and break).
 */
import { expect, it } from 'vitest';
import { acquireCatalogLease } from '../../src/core/lease/catalogLease.ts';
import { openNodeSqlEngine } from '../../src/query/duckdbNode.ts';
import { OpenDucklake } from '../../src/query/ducklake/ducklakeCatalog.ts';
import { main } from '../../src/cli/main.ts';
import { useAzurite } from '../support/useAzurite.ts';
import { emptyCatalog } from '../support/ducklakeWriteCases.ts';
import { catalogKey, describeDucklakeLease } from './ducklakeLeaseSuite.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const lake = useAzurite('ducklake');
const openContainer = () => lake.openFresh('lakehouse');

describeDucklakeLease('Azurite', openContainer);

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr, json: () => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown> };
}

it('the CLI writes a catalog on Azurite under the lease; a held lease exits 3 naming its holder; ducklake-lease status and break', { timeout: 180_000 }, async () => {
  const azurite = lake.azurite;
  const container = await lake.newContainer();
  const store = await lake.openFolder(container, 'lakehouse');
  await store.put(catalogKey, emptyCatalog('duckdb'));
  const address = `${azurite.accountUrl}/${container}/lakehouse/${catalogKey}?${azurite.sasFor(container, 'racwdl')}`;
  const dir = mkdtempSync(join(tmpdir(), 'lakelab-cli-azure-'));
  try {
    writeFileSync(join(dir, 'rows.csv'), `id,name\n${Array.from({ length: 25 }, (_, i) => `${i},n${i}`).join('\n')}\n`);
    const created = await run('create', address, '--table', 'main.t', '--schema', 'id int64, name varchar', '--source', join(dir, 'rows.csv'));
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)).toMatchObject([
      { snapshot: 1, operation: 'createTable', lease: { released: true } },
      { snapshot: 2, operation: 'insert', inserted: 25, lease: { released: true } },
    ]);
    const deleted = await run('delete', address, '--table', 'main.t', '--where', 'id < 5');
    expect(deleted.json()).toMatchObject({ snapshot: 3, deleted: 5 });
    expect(created.stderr + deleted.stderr).not.toMatch(/sig=/);

    const held = await acquireCatalogLease(store, catalogKey, { clock: { now: () => Date.now() }, holder: 'notebook run 7' });
    expect(held.status).toBe('acquired');
    const refused = await run('update', address, '--table', 'main.t', '--set', "name = 'x'");
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/is leased by notebook run 7 since \d{4}-.*another run is writing it/);
    expect(refused.stderr).not.toMatch(/sig=/);
    const status = await run('ducklake-lease', 'status', address);
    expect(status.json()).toMatchObject({ state: 'leased', acquired_by: 'notebook run 7', stale: false });
    expect((await run('ducklake-lease', 'status', address, '--stale-after', '1ms')).json()).toMatchObject({ stale: true });
    expect((await run('ducklake-lease', 'break', address)).json()).toMatchObject({ broke: { acquired_by: 'notebook run 7' } });
    const updated = await run('update', address, '--table', 'main.t', '--set', "name = 'x'");
    expect(updated.json()).toMatchObject({ snapshot: 4, updated: 20 });

    const lake = await OpenDucklake.open(catalogKey, await store.get(catalogKey), openNodeSqlEngine);
    try {
      const { rows } = await lake.rows('main.t', lake.latestSnapshot, { store, prefix: 'Files/data/' });
      expect(rows.map((r) => r.name)).toEqual(Array(20).fill('x'));
    } finally {
      await lake.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
