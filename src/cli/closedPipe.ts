/**
 * Output to a reader that may go away (`lakelab scan T | head`): when it does (EPIPE), the
 * process ends at once and quietly with exit code 0, as ripgrep does, instead of an unhandled
 * 'error' event's stack trace and a scan that carries on for nobody.
 */
import type { Writer } from './output.ts';

export function endQuietlyWhenClosed(stream: NodeJS.WritableStream, exit: (code: number) => never = (code) => process.exit(code)): Writer {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') exit(0);
    throw error;
  });
  const writable = stream as NodeJS.WritableStream & { writableNeedDrain?: boolean };
  return {
    write: (text: string) => stream.write(text),
    drained: () => (writable.writableNeedDrain ? new Promise<void>((resolve) => stream.once('drain', () => resolve())) : Promise.resolve()),
  };
}
