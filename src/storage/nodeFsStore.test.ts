import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAll } from '../core/objectStore.ts';
import { NodeFsStore } from './nodeFsStore.ts';
import { describeObjectStoreContract } from './objectStoreContract.ts';

describeObjectStoreContract('NodeFsStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lakelab-fs-'));
  return { store: new NodeFsStore(dir), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

const raceScript = `
import { NodeFsStore } from ${JSON.stringify(join(import.meta.dirname, 'nodeFsStore.ts'))};
const [dir, name, rounds] = process.argv.slice(2);
const store = new NodeFsStore(dir);
process.stdout.write('ready\\n');
// Both racers start together, when the parent says go, so their rounds overlap.
await new Promise((resolve) => process.stdin.once('data', resolve));
const wins = [];
for (let i = 0; i < Number(rounds); i++) {
  const outcome = await store.putIfAbsent('_delta_log/' + String(i).padStart(20, '0') + '.json', new TextEncoder().encode(name));
  if (outcome.status === 'created') wins.push(i);
}
process.stdout.write(JSON.stringify(wins) + '\\n');
process.exit(0);
`;

interface Racer {
  ready: Promise<void>;
  go: () => void;
  wins: Promise<number[]>;
}

function startRacer(dir: string, script: string, name: string, rounds: number): Racer {
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir, name, String(rounds)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) markReady();
  });
  const wins = new Promise<number[]>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length)) as number[]) : reject(new Error(`racer ${name} exited ${code}`))));
  });
  return { ready, go: () => child.stdin.end('go\n'), wins };
}

describe('NodeFsStore across processes', () => {
  it('putIfAbsent has exactly one winner per version when two processes race', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakelab-race-'));
    const script = join(dir, 'racer.mts');
    writeFileSync(script, raceScript);
    try {
      const rounds = 400;
      const racers = [startRacer(dir, script, 'a', rounds), startRacer(dir, script, 'b', rounds)];
      await Promise.all(racers.map((r) => r.ready));
      for (const racer of racers) racer.go();
      const [a = [], b = []] = await Promise.all(racers.map((r) => r.wins));
      expect([...a, ...b].sort((x, y) => x - y)).toEqual(Array.from({ length: rounds }, (_, i) => i));
      for (const i of a) expect(readFileSync(join(dir, '_delta_log', `${String(i).padStart(20, '0')}.json`), 'utf8')).toBe('a');
      for (const i of b) expect(readFileSync(join(dir, '_delta_log', `${String(i).padStart(20, '0')}.json`), 'utf8')).toBe('b');
      expect(readdirSync(join(dir, '_delta_log')).filter((f) => !f.endsWith('.json'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses keys that escape the folder', async () => {
    const store = new NodeFsStore(tmpdir());
    await expect(store.get('../etc/passwd')).rejects.toMatchObject({ code: 'InvalidInput' });
  });
});

describe('NodeFsStore listing order', () => {
  it('lists in UTF-8 byte order: U+FF21 before U+1F600, though UTF-16 says otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakelab-order-'));
    try {
      const store = new NodeFsStore(dir);
      const keys = ['p=😀/a.parquet', 'p=Ａ/a.parquet', 'p=z/a.parquet'];
      for (const key of keys) await store.put(key, new TextEncoder().encode(key));
      expect((await listAll(store, '')).map((o) => o.key)).toEqual(['p=z/a.parquet', 'p=Ａ/a.parquet', 'p=😀/a.parquet']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('NodeFsStore errors', () => {
  it('translates a refused write to AccessDenied, naming the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakelab-denied-'));
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    // Root ignores file modes, so there the folder is made immutable instead (EPERM).
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('chattr', ['+i', locked]);
    else chmodSync(locked, 0o500);
    try {
      const store = new NodeFsStore(dir);
      await expect(store.put('locked/x.json', new Uint8Array([1]))).rejects.toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('locked/x.json') });
      await expect(store.putIfAbsent('locked/x.json', new Uint8Array([1]))).rejects.toMatchObject({ code: 'AccessDenied' });
      await expect(store.get('locked/x.json')).rejects.toMatchObject({ code: 'NotFound' });
    } finally {
      if (asRoot) execFileSync('chattr', ['-i', locked]);
      else chmodSync(locked, 0o700);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
