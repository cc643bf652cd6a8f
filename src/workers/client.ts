/** The page's side of the table worker: typed calls, progress, cancellation. */
import { toLakeError } from '../core/errors.ts';
import { PendingCalls } from '../core/pendingCalls.ts';
import type {
  CancelMessage, LoadProgressMessage, RequestMessage, ResponseMessage, TableApi, TableMethod, TokenRequestMessage, TokenResponseMessage,
} from './protocol.ts';

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgressMessage) => void;
}

export class TableWorkerClient {
  private readonly worker: Worker;
  private readonly calls = new PendingCalls<unknown>();
  /** Where each call still running reports its progress. */
  private readonly progressOf = new Map<number, (progress: LoadProgressMessage) => void>();
  private tokenProvider?: () => Promise<{ token: string; expiresOnTimestamp: number }>;

  constructor(worker: Worker = new Worker(new URL('./table.worker.ts', import.meta.url), { type: 'module' })) {
    this.worker = worker;
    this.worker.onmessage = (event: MessageEvent<ResponseMessage | TokenRequestMessage>) => {
      const message = event.data;
      if ('kind' in message && message.kind === 'tokenRequest') void this.answerToken(message.requestId);
      else this.receive(message as ResponseMessage);
    };
    this.worker.onerror = (event) => {
      const error = toLakeError(new Error(`table worker failed: ${event.message}`));
      this.calls.rejectAll(error);
      this.progressOf.clear();
    };
  }

  call<M extends TableMethod>(
    method: M,
    args: Parameters<TableApi[M]>,
    options: CallOptions = {},
  ): ReturnType<TableApi[M]> {
    return this.calls.send((id) => {
      if (options.onProgress) this.progressOf.set(id, options.onProgress);
      options.signal?.addEventListener('abort', () => {
        this.worker.postMessage({ id, cancel: true } satisfies CancelMessage);
      });
      const message: RequestMessage<M> = { id, method, args };
      // Files picked with the folder input are copied, not transferred: another table of the same folder is opened with them again.
      this.worker.postMessage(message);
    }) as ReturnType<TableApi[M]>;
  }

  /** Where the worker gets storage tokens for a 'pageTokens' Azure source (MSAL, renewed silently). */
  setTokenProvider(provider: (() => Promise<{ token: string; expiresOnTimestamp: number }>) | undefined): void {
    this.tokenProvider = provider;
  }

  private async answerToken(requestId: number): Promise<void> {
    let response: TokenResponseMessage;
    try {
      if (!this.tokenProvider) throw new Error('not signed in');
      response = { tokenResponse: requestId, token: await this.tokenProvider() };
    } catch (error) {
      response = { tokenResponse: requestId, error: error instanceof Error ? error.message : String(error) };
    }
    this.worker.postMessage(response);
  }

  terminate(): void {
    this.worker.terminate();
  }

  private receive(message: ResponseMessage): void {
    if (message.kind === 'progress') {
      this.progressOf.get(message.id)?.(message.progress);
      return;
    }
    this.progressOf.delete(message.id);
    if (message.kind === 'result') this.calls.resolve(message.id, message.result);
    else this.calls.reject(message.id, toLakeError(message.error));
  }
}
