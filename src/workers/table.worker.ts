/// <reference lib="webworker" />
import { LakeError, toLakeError } from '../core/errors.ts';
import { TableSession, type CallContext } from './tableSession.ts';
import type { CancelMessage, RequestMessage, ResponseMessage } from './protocol.ts';
import { openSourceStore } from './sourceStore.ts';
import { receivePageToken } from './pageTokens.ts';
import { parquetCodec } from '../query/parquetRows.ts';

const session = new TableSession({
  openStore: openSourceStore,
  codec: parquetCodec,
  // MERGE's join in duckdb-wasm, loaded on the first merge (the initial bundle stays small).
  openJoinEngine: () => import('../query/duckdbBrowser.ts').then((duckdb) => duckdb.openBrowserSqlEngine()),
});
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
  switch (request.method) {
    case 'open': {
      const [source, tableRoot] = request.args as Parameters<TableSession['open']>;
      return session.open(source, tableRoot, context);
    }
    case 'history': {
      const [options] = request.args as Parameters<TableSession['history']>;
      return session.history(options, context);
    }
    case 'snapshot': {
      const [at] = request.args as [Parameters<TableSession['snapshot']>[0]];
      return session.snapshot(at, context);
    }
    case 'rows': {
      const [at] = request.args as [Parameters<TableSession['rows']>[0]];
      return session.rows(at, context);
    }
    case 'files': {
      const [at] = request.args as [Parameters<TableSession['files']>[0]];
      return session.files(at, context);
    }
    case 'commit': {
      const [version] = request.args as [number];
      return session.commit(version);
    }
    case 'arrowIpc': {
      const [at] = request.args as Parameters<TableSession['arrowIpc']>;
      return session.arrowIpc(at, context);
    }
    case 'diff': {
      const [at] = request.args as Parameters<TableSession['diff']>;
      return session.diff(at, context);
    }
    case 'diffRows': {
      const [at] = request.args as Parameters<TableSession['diffRows']>;
      return session.diffRows(at, context);
    }
    case 'planWrite': {
      const [writeRequest] = request.args as Parameters<TableSession['planWrite']>;
      return session.planWrite(writeRequest);
    }
    case 'commitPlanned':
      return session.commitPlanned();
    case 'close':
      return session.close();
    default:
      return Promise.reject(new LakeError('InvalidInput', `unknown method ${String(request.method)}`));
  }
}

onmessage = (event: MessageEvent<RequestMessage | CancelMessage>) => {
  const message = event.data;
  if (receivePageToken(message)) return;
  if ('cancel' in message) controllers.get(message.id)?.abort();
  else void handle(message);
};
