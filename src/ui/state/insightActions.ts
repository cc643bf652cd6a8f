/** The Maintenance view's actions: previews of what VACUUM, log cleanup and OPTIMIZE would do, asked of the table worker. */
import { toLakeError } from '../../core/errors.ts';
import { parseIsoMs } from '../../core/delta/civilTime.ts';
import type { RetentionPreview, RetentionRequest } from '../../core/delta/analysis/loadRetentionPreview.ts';
import type { DeltaLayout } from '../../core/delta/analysis/layoutOf.ts';
import type { ChangeRows } from '../../query/changeFeedRows.ts';
import type { ExplorerStore, Loadable } from './explorerStore.ts';
import type { TableCaller } from './explorerActions.ts';

export interface InsightState {
  retention: Loadable<RetentionPreview>;
  layout: Loadable<DeltaLayout>;
  changes: Loadable<ChangeRows>;
  /** The last time travelled to: the time as given, the version it found and by which times. */
  timeTravel?: { text: string; ms: number; version: number; by: string; commitTime: number } | { text: string; error: string };
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

  /** The latest version committed at or before a time (a time without a zone is UTC), as `lakelab --timestamp` reads it; then it is selected. */
  async function timeTravelTo(text: string, selectVersion: (version: number) => Promise<void>): Promise<void> {
    const ms = parseIsoMs(text);
    if (ms === undefined) return set({ timeTravel: { text, error: `"${text}" is not an ISO time such as 2024-05-01T12:00:00Z (a time without a zone is UTC)` } });
    try {
      const snapshot = await worker.call('snapshot', [{ timestamp: ms }]);
      set({ timeTravel: { text, ms, version: snapshot.version, by: snapshot.timeTravel?.by ?? 'commit times', commitTime: snapshot.timeTravel?.commitTime ?? snapshot.timestamp } });
      await selectVersion(snapshot.version);
    } catch (error) {
      set({ timeTravel: { text, error: toLakeError(error).message } });
    }
  }

  return { previewRetention, previewLayout, loadChanges, timeTravelTo };
}
