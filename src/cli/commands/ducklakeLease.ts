/**
 * `lakelab ducklake-lease status|break <catalog address>`: who holds the blob lease on a
 * catalog on Azure / OneLake, since when, and whether the next writer will break it (its stamp
 * older than --stale-after); `break` breaks it whatever its stamp says (the manual fix, once its
 * holder is known to be gone). Prints one JSON line.
 */
import { breakCatalogLease, loadCatalogLeaseStatus } from '../../core/lease/catalogLease.ts';
import { UsageError, type ParsedArgs } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { help } from '../commonOptions.ts';
import { openCatalogLocation } from '../catalogLocation.ts';
import { isAzureAddress } from '../exportLocations.ts';
import { staleAfterOption, staleAfterSpec } from './staleAfter.ts';

export const ducklakeLeaseCommand: Command = {
  spec: {
    name: 'ducklake-lease',
    summary: 'show or break the blob lease on a DuckLake catalog on Azure / OneLake',
    positionals: [{ name: '<status|break>' }, { name: '<catalog address>' }],
    options: [staleAfterSpec, help],
  },
  run: runDucklakeLease,
};

async function runDucklakeLease(args: ParsedArgs, io: Io): Promise<number> {
  const [action, address] = args.positionals;
  if (action !== 'status' && action !== 'break') throw new UsageError(`give status or break, not "${action ?? ''}"`);
  if (!address) throw new UsageError('give the catalog\'s address: abfss://... or https://...');
  if (!isAzureAddress(address)) throw new UsageError(`${address}: a local catalog has no lease (it is guarded by its .lakelab-lock file while written); give an Azure / OneLake address`);
  const staleAfterMs = staleAfterOption(args);
  const catalog = await openCatalogLocation(address);
  const store = catalog.folder.store;
  if (action === 'break') {
    const broke = await breakCatalogLease(store, catalog.name);
    io.stdout.write(`${JSON.stringify({ catalog: catalog.description, broke: { acquired_at: broke.acquiredAt ?? null, acquired_by: broke.acquiredBy ?? null } })}\n`);
    return 0;
  }
  const status = await loadCatalogLeaseStatus(store, catalog.name, { clock: { now: () => Date.now() }, ...(staleAfterMs === undefined ? {} : { staleAfterMs }) });
  io.stdout.write(`${JSON.stringify({ catalog: catalog.description, state: status.state, acquired_at: status.stamp.acquiredAt ?? null, acquired_by: status.stamp.acquiredBy ?? null, age_ms: status.ageMs ?? null, stale: status.stale, message: status.message })}\n`);
  return 0;
}
