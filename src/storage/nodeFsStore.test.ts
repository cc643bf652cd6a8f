import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
const wins = [];
for (let i = 0; i < Number(rounds); i++) {
  const outcome = await store.putIfAbsent('_delta_log/' + String(i).padStart(20, '0') + '.json', new TextEncoder().encode(name));
  if (outcome.status === 'created') wins.push(i);
}
process.stdout.write(JSON.stringify(wins));
`;

function runRacer(dir: string, script: string, name: string, rounds: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir, name, String(rounds)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`racer ${name} exited ${code}`))));
  });
}

describe('NodeFsStore across processes', () => {
  it('putIfAbsent has exactly one winner per version when two processes race', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakelab-race-'));
    const script = join(dir, 'racer.mts');
    writeFileSync(script, raceScript);
    try {
      const rounds = 200;
      const [a, b] = await Promise.all([runRacer(dir, script, 'a', rounds), runRacer(dir, script, 'b', rounds)]);
      expect([...a, ...b].sort((x, y) => x - y)).toEqual(Array.from({ length: rounds }, (_, i) => i));
      for (const i of a) expect(readFileSync(join(dir, '_delta_log', `${String(i).padStart(20, '0')}.json`), 'utf8')).toBe('a');
      for (const i of b) expect(readFileSync(join(dir, '_delta_log', `${String(i).padStart(20, '0')}.json`), 'utf8')).toBe('b');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses keys that escape the folder', async () => {
    const store = new NodeFsStore(tmpdir());
    await expect(store.get('../etc/passwd')).rejects.toMatchObject({ code: 'InvalidInput' });
  });
});
