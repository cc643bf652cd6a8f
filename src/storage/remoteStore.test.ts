/** The shared store over a real MessageChannel passes the ObjectStore contract, racing creates included. */
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { listAll } from '../core/objectStore.ts';
import { MemoryStore } from './memoryStore.ts';
import { RemoteStore, serveStore, type PortLike } from './remoteStore.ts';
import { describeObjectStoreContract } from './objectStoreContract.ts';

describeObjectStoreContract('RemoteStore over a MessageChannel', async () => {
  const channel = new MessageChannel();
  serveStore(new MemoryStore(), toPortLike(channel.port1));
  const store = new RemoteStore(toPortLike(channel.port2));
  return { store, cleanup: async () => { channel.port1.close(); channel.port2.close(); } };
});

/** Node's MessagePort speaks the same protocol through an event emitter; give it the browser's shape. */
function toPortLike(port: import('node:worker_threads').MessagePort): PortLike {
  const like: PortLike = {
    postMessage: (message) => port.postMessage(message),
    onmessage: null,
  };
  port.on('message', (data) => like.onmessage?.({ data } as MessageEvent));
  return like;
}

describe('RemoteStore', () => {
  it('passes startAfter on, so the memory store behind it lists only what comes after', async () => {
    const channel = new MessageChannel();
    const memory = new MemoryStore();
    serveStore(memory, toPortLike(channel.port1));
    const store = new RemoteStore(toPortLike(channel.port2));
    for (const key of ['log/1', 'log/2', 'log/3']) await memory.put(key, new Uint8Array());
    try {
      expect((await listAll(store, 'log/', { startAfter: 'log/1' })).map((o) => o.key)).toEqual(['log/2', 'log/3']);
    } finally {
      channel.port1.close();
      channel.port2.close();
    }
  });
});
