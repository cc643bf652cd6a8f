/**
 * Export to Delta for the explorer: the open DuckLake table exported (query/ducklake/export)
 * into a folder of the catalog's own source, where its data files are (Tables/<schema>/<table>
 * under a lakehouse keeps them in place), or to an address on the same storage account. A source
 * the page holds in memory (a sample, files picked with the folder input, a URL) cannot keep a
 * Delta table: it is refused, saying where to export instead.
 */
import { LakeError } from '../core/errors.ts';
import type { ObjectStore } from '../core/objectStore.ts';
import { classifyPath } from '../core/ducklake/dataPaths.ts';
import { exportToDelta } from '../query/ducklake/export/exportToDelta.ts';
import type { DucklakeSession } from './ducklakeSession.ts';
import type { ExportToDeltaRequest, ExportToDeltaResult } from './protocol.ts';
import type { CallContext } from './tableReader.ts';
import { cryptoRng } from '../query/cryptoRng.ts';

export interface ExportSource {
  store: ObjectStore;
  /** Whether the store keeps what is written (a picked folder, Azure); otherwise it is the page's memory. */
  keepsWrites: boolean;
  /** An address on the source's account, opened with its credential; undefined when the source has none. */
  openAddress?: (address: string) => Promise<ObjectStore | undefined>;
  /** The Azure address the source is rooted at, to tell whether a target folder lies under an abfss:// data path. */
  address?: string;
}

/** The target folder under the data path, when the data path is an address on the source's container. */
async function folderUnderAddress(source: ExportSource, root: string, dataPath: string): Promise<string | undefined> {
  if (!source.address) return undefined;
  const { parseAzureAddress, accountNameOf } = await import('../storage/azureAddress.ts');
  try {
    const home = parseAzureAddress(source.address);
    const data = parseAzureAddress(dataPath);
    if (accountNameOf(home) !== accountNameOf(data) || home.container !== data.container) return undefined;
    const full = [home.path, root].filter(Boolean).join('/').replace(/\/+$/, '') + '/';
    const under = data.path === '' ? '' : `${data.path.replace(/\/+$/, '')}/`;
    return full.startsWith(under) ? full.slice(under.length) : undefined;
  } catch {
    return undefined;
  }
}

const folderOf = (text: string) => {
  const trimmed = text.trim().replace(/^\/+/, '').replace(/\/+$/, '');
  return trimmed === '' ? '' : `${trimmed}/`;
};

export async function runExportToDelta(session: DucklakeSession, table: string, source: ExportSource, request: ExportToDeltaRequest, context: CallContext = {}): Promise<ExportToDeltaResult> {
  const data = await session.dataFiles();
  const isAddress = classifyPath(request.target.trim()) === 'url';
  let target: { store: ObjectStore; root: string; description: string };
  let delta: ExportToDeltaResult['delta'];
  let rootUnderDataPath: string | undefined;
  if (isAddress) {
    const store = await source.openAddress?.(request.target.trim());
    if (!store) throw new LakeError('InvalidInput', `${request.target.trim().replace(/\?.*$/, '')} is not on the storage account and container this catalog was opened from; give a folder there (such as Tables/${table.replace('.', '/')}) or an address on it`);
    target = { store, root: '', description: store.description ?? request.target };
    delta = { address: request.target.trim() };
  } else {
    if (!source.keepsWrites && !request.dryRun) {
      throw new LakeError('InvalidInput', 'this catalog was read into the page\'s memory (a sample, a URL or files from the folder input): a Delta table written here would be gone with the page; open the catalog from OneLake / Azure storage or with Pick a folder (read and write), or preview the log only');
    }
    const root = folderOf(request.target);
    target = { store: source.store, root, description: root || 'the folder the catalog was opened from' };
    delta = { root };
    const prefix = data.prefix ?? '';
    if (data.store === source.store && root.startsWith(prefix)) rootUnderDataPath = root.slice(prefix.length);
  }
  const catalogPath = session.lake.catalog.dataPath;
  const dataAddress = session.dataPath ?? catalogPath;
  if (!isAddress && rootUnderDataPath === undefined && dataAddress && classifyPath(dataAddress) === 'url') rootUnderDataPath = await folderUnderAddress(source, delta && 'root' in delta ? delta.root : '', dataAddress);
  const outcome = await exportToDelta({
    lake: session.lake,
    table,
    data,
    target,
    placement: { rootUnderDataPath, dataPathUri: catalogPath && classifyPath(catalogPath) === 'url' ? catalogPath : undefined },
    mode: request.mode,
    readerVersion: request.readerVersion,
    dryRun: request.dryRun,
    rng: cryptoRng(),
    engineInfo: 'Lakelab (page)',
    signal: context.signal,
    onProgress: (p) => context.onProgress?.({ phase: `exporting snapshot ${p.snapshotId} as version ${p.version}`, done: p.done, total: p.total }),
  });
  return {
    status: outcome.status,
    table: outcome.table,
    readerVersion: outcome.readerVersion,
    previousSnapshot: outcome.previousSnapshot,
    commits: outcome.commits.map((c) => ({ version: c.version, snapshotId: c.snapshotId, actions: c.actions as unknown as Record<string, unknown>[], writtenFiles: c.writtenFiles })),
    dropped: outcome.dropped,
    outsideFiles: outcome.outsideFiles,
    message: outcome.message,
    delta,
  };
}
