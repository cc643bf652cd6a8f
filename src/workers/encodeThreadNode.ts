/** A thread of encodePoolNode.ts: encodes each file it is sent and replies with its bytes (moved, not copied) and stats. */
import { parentPort } from 'node:worker_threads';
import { toLakeError } from '../core/errors.ts';
import { encodeIpc } from '../query/dataFileEncoder.ts';
import type { EncodeJob, EncodeReply } from './encodePoolNode.ts';

const port = parentPort;
if (!port) throw new Error('encodeThreadNode.ts runs as a worker thread of encodePoolNode.ts');

port.on('message', async (job: EncodeJob) => {
  try {
    const file = await encodeIpc(job.ipc, job.stats);
    const reply: EncodeReply = { id: job.id, file };
    port.postMessage(reply, [file.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    const reply: EncodeReply = { id: job.id, error: toLakeError(error).toJSON() };
    port.postMessage(reply);
  }
});
