/** The Maintenance view's actions: previews of what VACUUM, log cleanup and OPTIMIZE would do, asked of the table worker. */
import { toLakeError } from '../../core/errors.ts';
import type { RetentionPreview, RetentionRequest } from '../../core/delta/analysis/loadRetentionPreview.ts';
import type { DeltaLayout } from '../../core/delta/analysis/layoutOf.ts';
import type { ChangeRows } from '../../query/changeFeedRows.ts';
import type { ExplorerStore, Loadable } from './explorerStore.ts';
import type { TableCaller } from './explorerActions.ts';

export interface InsightState {
  retention: Loadable<RetentionPreview>;
  layout: Loadable<DeltaLayout>;
  changes: Loadable<ChangeRows>;
}

export const changeRowLimit = 5000;

export function createInsightActions(store: ExplorerStore, worker: TableCaller) {
  const set = (patch: Partial<InsightState>) => store.setState((s) => ({ insights: { ...s.insights, ...patch } }));
  const failed = (error: unknown) => {
    const e = toLakeError(error);
    return { status: 'error' as const, code: e.code, message: e.message };
  };

  async function previewRetention(request: RetentionRequest): Promise<void> {
    set({ retention: { status: 'loading' } });
    try {
      set({ retention: { status: 'ready', value: await worker.call('retention', [request]) } });
    } catch (error) {
      set({ retention: failed(error) });
    }
  }

  async function previewLayout(version: number, targetSize?: number): Promise<void> {
    set({ layout: { status: 'loading' } });
    try {
      set({ layout: { status: 'ready', value: await worker.call('layout', [{ version, targetSize }]) } });
    } catch (error) {
      set({ layout: failed(error) });
    }
  }

  async function loadChanges(startVersion: number, endVersion: number): Promise<void> {
    set({ changes: { status: 'loading' } });
    try {
      set({ changes: { status: 'ready', value: await worker.call('changes', [{ startVersion, endVersion, limit: changeRowLimit }]) } });
    } catch (error) {
      set({ changes: failed(error) });
    }
  }

  return { previewRetention, previewLayout, loadChanges };
}
