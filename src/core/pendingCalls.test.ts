import { describe, expect, it } from 'vitest';
import { PendingCalls } from './pendingCalls.ts';

describe('calls waiting for their answers', () => {
  it('settles each call by its own id, whatever order the answers come in', async () => {
    const calls = new PendingCalls<string>();
    const sent: number[] = [];
    const first = calls.send((id) => sent.push(id));
    const second = calls.send((id) => sent.push(id));
    expect(sent).toEqual([1, 2]);
    calls.resolve(2, 'two');
    calls.reject(1, new Error('one failed'));
    calls.resolve(1, 'late'); // already settled: ignored
    await expect(second).resolves.toBe('two');
    await expect(first).rejects.toThrow('one failed');
  });

  it('fails a call whose sending failed, and every waiting call when the other side is gone', async () => {
    const calls = new PendingCalls<number>();
    await expect(calls.send(() => { throw new Error('port closed'); })).rejects.toThrow('port closed');
    const waiting = [calls.send(() => undefined), calls.send(() => undefined)];
    calls.rejectAll(new Error('worker gone'));
    for (const call of waiting) await expect(call).rejects.toThrow('worker gone');
  });
});
