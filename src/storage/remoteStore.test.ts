/** The shared store over a real MessageChannel passes the ObjectStore contract, racing creates included. */
import { MessageChannel } from 'node:worker_threads';
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
