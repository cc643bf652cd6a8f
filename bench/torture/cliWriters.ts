/**
 * Real `lakelab` processes writing the same folder as the in-process writers: each operation
 * is a CLI command (--txn-id names its transaction, --isolation Serializable), and a share of
 * the processes is killed with SIGKILL at a random moment: while starting, between data files
 * and the commit, between the commit and its answer. A refused command is run again.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUuid, seededRng, type Rng } from '../../src/core/rng.ts';
import type { Ledger } from './ledger.ts';
import { rangePredicate, type Operation, type PlannedOperation, type Row } from './operations.ts';

export interface CliOptions {
  folder: string;
  processes: number;
  /** Chance each process is killed with SIGKILL at a random moment. */
  killRate: number;
  maxKillMs: number;
  queue: PlannedOperation[];
  ledger: Ledger;
  deadline: number;
  seed: number;
  maxAttempts?: number;
}

const bin = join(import.meta.dirname, '..', '..', 'bin', 'lakelab.mjs');

export async function runCliWriters(options: CliOptions): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'lakelab-torture-cli-'));
  try {
    await Promise.all(Array.from({ length: options.processes }, (_, i) => runLane(options, seededRng(options.seed ^ (i + 1) * 0x51ed27), scratch, i)));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function runLane(options: CliOptions, rng: Rng, scratch: string, lane: number): Promise<void> {
  const { ledger } = options;
  for (let next = options.queue.shift(); next && Date.now() < options.deadline; next = options.queue.shift()) {
    ledger.figures.operations++;
    ledger.operations.set(next.number, next.operation);
    for (let attempt = 0; attempt < (options.maxAttempts ?? 6); attempt++) {
      if (attempt > 0) ledger.figures.retries++;
      const txnId = randomUuid(rng);
      const record = ledger.begin(txnId, next.number);
      const args = toArgs(next.operation, options.folder, join(scratch, `lane${lane}-${next.number}-${attempt}.csv`));
      const killAfter = rng.next() < options.killRate ? Math.floor(rng.next() * options.maxKillMs) : undefined;
      const run = await runLakelab([...args, '--isolation', 'Serializable', '--txn-id', txnId], killAfter);
      if (run.killed) {
        ledger.figures.crashes++;
        ledger.figures.faults.kill9 = (ledger.figures.faults.kill9 ?? 0) + 1;
        ledger.tell(record, { status: 'unknown', why: `killed with SIGKILL after ${killAfter} ms` });
        break;
      }
      if (run.code === 0) {
        const printed = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { version?: number; txnId?: string };
        if (printed.txnId !== txnId || typeof printed.version !== 'number') ledger.unexpected.push(`lakelab ${args[0]} printed ${run.stdout}`);
        ledger.tell(record, { status: 'committed', version: printed.version ?? -1 });
        break;
      }
      if (run.code === 3) {
        if (/Commit failed:/.test(run.stderr) && !/retries/.test(run.stderr)) ledger.figures.conflicts++;
        ledger.tell(record, { status: 'refused', why: run.stderr.trim() });
        continue;
      }
      if (/may have been written/.test(run.stderr)) {
        ledger.tell(record, { status: 'unknown', why: run.stderr.trim() });
        break;
      }
      if (!/^lakelab: [A-Za-z]+: /.test(run.stderr) || /internal error/.test(run.stderr)) ledger.unexpected.push(`lakelab ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
      ledger.figures.refusedErrors++;
      ledger.tell(record, { status: 'refused', why: run.stderr.trim() });
    }
  }
}

function toArgs(operation: Operation, folder: string, csvPath: string): string[] {
  const source = (rows: Row[]) => {
    writeFileSync(csvPath, `id,p,v\n${rows.map((r) => `${r.id},${r.p},${r.v}`).join('\n')}\n`);
    return ['--source', csvPath];
  };
  switch (operation.kind) {
    case 'append':
      return ['append', folder, ...source(operation.rows)];
    case 'overwrite':
      return ['overwrite', folder, ...source(operation.rows), ...(operation.partition === undefined ? [] : ['--where', `p = '${operation.partition}'`])];
    case 'delete':
      return ['delete', folder, '--where', rangePredicate(operation.from, operation.to)];
    case 'update':
      return ['update', folder, '--set', `v = ${operation.v}`, '--where', rangePredicate(operation.from, operation.to)];
    case 'merge':
      return ['merge', folder, ...source(operation.rows), '--on', 't.id = s.id', '--when-matched-update-all', '--when-not-matched-insert-all'];
    case 'optimize':
      return ['optimize', folder];
  }
}

function runLakelab(args: string[], killAfterMs: number | undefined): Promise<{ code: number | null; killed: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, killed: signal === 'SIGKILL', stdout, stderr });
    });
  });
}
