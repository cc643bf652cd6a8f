/**
 * Export to Delta's actions: preview the Delta log an export would write, run it (progress as
 * the worker reports each snapshot), then open the Delta table it wrote in the explorer, from the
 * same source (a folder of it, or an address on its account with its credential).
 */
import { toLakeError } from '../../core/errors.ts';
import type { ExportToDeltaRequest } from '../../workers/protocol.ts';
import type { ExplorerStore, OpenTable } from './explorerStore.ts';
import type { TableCaller } from './explorerActions.ts';

export function createExportActions(store: ExplorerStore, worker: TableCaller, openTable: (table: OpenTable) => Promise<void>) {
  async function exportToDelta(request: ExportToDeltaRequest): Promise<void> {
    store.setState({ deltaExport: { status: 'loading' } });
    try {
      const result = await worker.call('exportToDelta', [request], {
        onProgress: (progress) => store.setState({ deltaExport: { status: 'loading', progress } }),
      });
      store.setState({ deltaExport: { status: 'ready', value: result } });
    } catch (error) {
      const e = toLakeError(error);
      store.setState({ deltaExport: { status: 'error', code: e.code, message: e.message } });
    }
  }

  async function openExportedTable(): Promise<void> {
    const { deltaExport, table } = store.getState();
    if (deltaExport.status !== 'ready' || !table) return;
    const where = deltaExport.value.delta;
    const spec = 'address' in where && table.spec.kind === 'azure' ? { ...table.spec, address: where.address.replace(/\?.*$/, '') } : table.spec;
    const root = 'root' in where ? where.root : '';
    const place = 'root' in where ? where.root.replace(/\/$/, '') : where.address.replace(/\?.*$/, '');
    await openTable({ label: `${table.label} → Delta ${place}`, link: {}, spec, target: { format: 'delta', root } });
  }

  return { exportToDelta, openExportedTable };
}
