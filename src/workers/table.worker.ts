/// <reference lib="webworker" />
import { toLakeError } from '../core/errors.ts';
import { ExplorerSession } from './explorerSession.ts';
import type { CallContext } from './tableReader.ts';
import type { CancelMessage, RequestMessage, ResponseMessage, TableApi } from './protocol.ts';
import { openSourceStore } from './sourceStore.ts';
import { receivePageToken } from './pageTokens.ts';
import { parquetCodec } from '../query/parquetRows.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';

// parquet-wasm fetched and compiled while the log is read, so the first rows do not wait for it.
void loadParquetWasm().catch(() => undefined);
// duckdb-wasm, loaded on the first merge or DuckDB catalog (the worker starts without it).
const openEngine = () => import('../query/duckdbBrowser.ts').then((duckdb) => duckdb.openBrowserSqlEngine());
const session = new ExplorerSession({ openStore: openSourceStore, codec: parquetCodec, openJoinEngine: openEngine, openEngine });
const controllers = new Map<number, AbortController>();

function reply(message: ResponseMessage): void {
  postMessage(message);
}

async function handle(request: RequestMessage): Promise<void> {
  const controller = new AbortController();
  controllers.set(request.id, controller);
  const context: CallContext = {
    signal: controller.signal,
    onProgress: (progress) => reply({ id: request.id, kind: 'progress', progress }),
  };
  try {
    const result = await dispatch(request, context);
    reply({ id: request.id, kind: 'result', result });
  } catch (error) {
    reply({ id: request.id, kind: 'error', error: toLakeError(error).toJSON() });
  } finally {
    controllers.delete(request.id);
  }
}

function dispatch(request: RequestMessage, context: CallContext): Promise<unknown> {
  if (request.method === 'open') {
    const [source, target] = request.args as Parameters<TableApi['open']>;
    return session.open(source, target, context);
  }
  if (request.method === 'close') return session.close();
  return session.call(request.method, request.args as never, context);
}

onmessage = (event: MessageEvent<RequestMessage | CancelMessage>) => {
  const message = event.data;
  if (receivePageToken(message)) return;
  if ('cancel' in message) controllers.get(message.id)?.abort();
  else void handle(message);
};
