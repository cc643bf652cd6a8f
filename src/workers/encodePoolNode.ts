/**
 * Data files encoded on Node worker threads (the CLI's, and the benchmarks'): each file's columns
 * cross as an Arrow IPC stream, its Parquet bytes and stats come back (dataFileEncoder.ts), and
 * the calling thread reads and rebuilds the next file meanwhile (docs/decisions/0028). A file of
 * fewer than `minRows` rows is encoded in the calling thread, where sending it would cost more
 * than it saves. Threads start with the first file that needs one; they do not keep the
 * process alive while idle, and close() ends them.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { tableToIPC, type Table } from 'apache-arrow';
import { LakeError, toLakeError, type SerializedLakeError } from '../core/errors.ts';
import { inlineEncoder, type DataFileEncoder, type EncodedFile, type StatsSpec } from '../query/dataFileEncoder.ts';

export interface EncodePool extends DataFileEncoder {
  /** Threads started so far. */
  readonly threadsStarted: number;
  close(): Promise<void>;
}

export interface EncodeJob { id: number; ipc: Uint8Array; stats: StatsSpec }
export type EncodeReply = { id: number; file: EncodedFile } | { id: number; error: SerializedLakeError };

interface Pending { resolve: (file: EncodedFile) => void; reject: (error: LakeError) => void }

/** Threads: one fewer than the machine's cores (the calling thread has work of its own), at least one. */
export function openEncodePool(options: { threads?: number; minRows?: number } = {}): EncodePool {
  const size = options.threads ?? Math.max(1, availableParallelism() - 1);
  const minRows = options.minRows ?? 20_000;
  const threads: EncodeThread[] = [];
  let closed = false;
  const pick = () => {
    const idle = threads.find((t) => t.pending.size === 0);
    if (idle) return idle;
    if (threads.length < size) {
      const thread = new EncodeThread();
      threads.push(thread);
      return thread;
    }
    return threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  };
  return {
    concurrency: size,
    get threadsStarted() { return threads.length; },
    encode(table: Table, stats: StatsSpec): Promise<EncodedFile> {
      if (closed) return Promise.reject(new LakeError('Aborted', 'the encoding threads were closed'));
      if (table.numRows < minRows) return inlineEncoder.encode(table, stats);
      return pick().encode(tableToIPC(table, 'stream'), stats);
    },
    async close() {
      closed = true;
      await Promise.all(threads.map((t) => t.close()));
    },
  };
}

class EncodeThread {
  readonly pending = new Map<number, Pending>();
  private readonly worker: Worker;
  private nextId = 0;

  constructor() {
    const entry = threadEntry();
    this.worker = new Worker(entry, { eval: typeof entry === 'string' });
    this.worker.unref();
    this.worker.on('message', (reply: EncodeReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.settled(reply.id);
      if ('error' in reply) pending.reject(toLakeError(reply.error));
      else pending.resolve(reply.file);
    });
    this.worker.on('error', (error) => this.failAll(new LakeError('Corrupt', `a Parquet encoding thread failed: ${error.message}`, { cause: error })));
    this.worker.on('exit', (code) => this.failAll(new LakeError('Aborted', `a Parquet encoding thread stopped (exit code ${code})`)));
  }

  encode(ipc: Uint8Array, stats: StatsSpec): Promise<EncodedFile> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<EncodedFile>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      const job: EncodeJob = { id, ipc, stats };
      // Moved, not copied, when the stream owns its whole buffer (tableToIPC's joined chunks do).
      const owned = ipc.byteOffset === 0 && ipc.byteLength === ipc.buffer.byteLength;
      this.worker.postMessage(job, owned ? [ipc.buffer as ArrayBuffer] : []);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private settled(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  /** Once the thread has failed or stopped, every file sent to it gets this. */
  private failure: LakeError | undefined;

  private failAll(error: LakeError): void {
    this.failure ??= error;
    for (const [id, pending] of this.pending) {
      this.settled(id);
      pending.reject(error);
    }
  }
}

/**
 * The thread's module beside this one: JavaScript in the CLI's bundle; TypeScript under tsx or
 * Vitest, where the thread registers tsx's loader first (a worker does not inherit it).
 */
function threadEntry(): string | URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./encodeThreadNode.js', import.meta.url);
  const tsx = import.meta.resolve('tsx/esm/api');
  const thread = new URL('./encodeThreadNode.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(thread)}); });`;
}
