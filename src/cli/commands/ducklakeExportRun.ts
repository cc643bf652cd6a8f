/** What `lakelab ducklake-export` runs (ducklakeExport.ts declares it): open the catalog, the data and the target, export, report. */
import { basename, dirname, resolve } from 'node:path';
import { LakeError } from '../../core/errors.ts';
import { commitFileName } from '../../core/delta/logPaths.ts';
import { classifyPath } from '../../core/ducklake/dataPaths.ts';
import { checkSnapshot } from '../../core/ducklake/catalogAt.ts';
import { openNodeSqlEngine } from '../../query/duckdbNode.ts';
import { OpenDucklake } from '../../query/ducklake/ducklakeCatalog.ts';
import { exportToDelta, type ExportOutcome } from '../../query/ducklake/export/exportToDelta.ts';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { flagChoice, flagInteger, flagString, hasFlag, UsageError, type ParsedArgs } from '../args.ts';
import type { Io } from '../command.ts';
import { engineInfo } from '../engineInfo.ts';
import { conflictExitCode } from '../writeCommit.ts';
import { folderUnder, isAzureAddress, openLocation, toLocationUri, type Location } from '../exportLocations.ts';
import { cryptoRng } from '../../query/cryptoRng.ts';

export async function runDucklakeExport(args: ParsedArgs, io: Io): Promise<number> {
  const table = flagString(args, 'table');
  const to = flagString(args, 'to');
  if (!table) throw new UsageError('give the table to export: --table schema.table');
  if (!to) throw new UsageError('give the Delta table to write: --to <folder | address>');
  if (hasFlag(args, 'full') && hasFlag(args, 'incremental')) throw new UsageError('give --full or --incremental, not both');
  const readerVersion = flagChoice(args, 'reader-version', ['1', '3'] as const);
  const snapshot = flagInteger(args, 'snapshot');
  const { folder: catalogLocation, name: catalogName } = await openParent(args.positionals[0] ?? '');
  const bytes = await catalogLocation.store.get(catalogName).catch((error: unknown) => {
    throw new LakeError('NotFound', `catalog file ${catalogName} cannot be read from ${catalogLocation.description} (${(error as Error).message})`, { cause: error });
  });
  const lake = await OpenDucklake.open(catalogName, bytes, openNodeSqlEngine);
  try {
    if (snapshot !== undefined) checkSnapshot(lake.catalog, snapshot);
    const data = await dataLocation(args, lake, catalogLocation);
    const target = await openLocation(to);
    const rootUnderDataPath = folderUnder(data, target);
    const catalogUri = lake.catalog.dataPath && classifyPath(lake.catalog.dataPath) === 'url' ? lake.catalog.dataPath : undefined;
    const outcome = await exportToDelta({
      lake,
      table,
      data: { store: data.store, resolveAbsolute: (path) => (classifyPath(path) === 'local-absolute' ? { store: new NodeFsStore('/'), key: path.replace(/^\/+/, '') } : undefined) },
      target: { store: target.store, root: '', description: target.description },
      placement: { rootUnderDataPath, dataPathUri: catalogUri ?? toLocationUri(data) },
      mode: hasFlag(args, 'full') ? 'full' : 'incremental',
      readerVersion: readerVersion === undefined ? undefined : (Number(readerVersion) as 1 | 3),
      snapshot,
      dryRun: hasFlag(args, 'dry-run'),
      rng: cryptoRng(),
      engineInfo,
    });
    return report(outcome, io, hasFlag(args, 'dry-run'));
  } finally {
    await lake.close();
  }
}

/** The catalog file's folder and name: a local path, or an address (its SAS kept for the folder). */
async function openParent(text: string): Promise<{ folder: Location; name: string }> {
  if (!isAzureAddress(text)) return { folder: await openLocation(dirname(resolve(text))), name: basename(text) };
  const [base = '', query] = text.split('?');
  const at = base.lastIndexOf('/');
  return { folder: await openLocation(`${base.slice(0, at)}${query ? `?${query}` : ''}`), name: decodeURIComponent(base.slice(at + 1)) };
}

/** --data-path, else the catalog's data_path: relative to the catalog's folder, an absolute local path, or (on the catalog's account) an address. */
async function dataLocation(args: ParsedArgs, lake: OpenDucklake, catalog: Location): Promise<Location> {
  const given = flagString(args, 'data-path');
  if (given !== undefined) return openLocation(given);
  const dataPath = lake.catalog.dataPath ?? '';
  const kind = classifyPath(dataPath);
  if (kind === 'relative') {
    if (catalog.kind === 'local') return openLocation(`${catalog.path}/${dataPath}`);
    return openLocation(`${catalog.address.accountUrl}/${catalog.address.container}/${[catalog.address.path, dataPath].filter(Boolean).join('/')}${catalog.address.sas ? `?${catalog.address.sas}` : ''}`);
  }
  if (kind === 'local-absolute') return openLocation(dataPath);
  throw new LakeError('InvalidInput', `${args.positionals[0]}: its data path is ${dataPath}; give --data-path with the folder or address its files are in`);
}

function report(outcome: ExportOutcome, io: Io, dryRun: boolean): number {
  if (dryRun) {
    for (const commit of outcome.commits) {
      io.stdout.write(`# _delta_log/${commitFileName(commit.version)} (DuckLake snapshot ${commit.snapshotId})\n`);
      for (const action of commit.actions) io.stdout.write(`${JSON.stringify(action)}\n`);
    }
  } else {
    io.stdout.write(`${JSON.stringify({
      status: outcome.status,
      table: outcome.table,
      readerVersion: outcome.readerVersion,
      previousSnapshot: outcome.previousSnapshot ?? null,
      commits: outcome.commits.map((c) => ({ version: c.version, snapshotId: c.snapshotId, actions: c.actions.length, writtenFiles: c.writtenFiles })),
      dropped: outcome.dropped ?? null,
      outsideFiles: outcome.outsideFiles,
    })}\n`);
  }
  if (outcome.dropped) {
    io.stderr.write(`${outcome.table} was dropped at snapshot ${outcome.dropped.snapshotId}: the Delta table holds it as of snapshot ${outcome.dropped.lastSnapshot}; remove it from the lakehouse, or keep it knowingly\n`);
  }
  if (outcome.outsideFiles > 0) {
    io.stderr.write(`${outcome.outsideFiles} data file(s) lie outside the Delta table's folder and are referenced by absolute URI, which Fabric and most readers do not follow; export into the table's own folder under the data path\n`);
  }
  if (outcome.status === 'conflict') {
    io.stderr.write(`${outcome.message}\n`);
    return conflictExitCode;
  }
  return 0;
}
