/**
 * Calls sent to another thread (a worker, a MessagePort), each waiting by its id for the answer
 * that comes back as a message.
 */
export class PendingCalls<T> {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(value: T): void; reject(error: unknown): void }>();

  /** Send a call under a fresh id (`post` sends it); the promise settles when its answer arrives. */
  send(post: (id: number) => void): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      try {
        post(id);
      } catch (error) {
        this.waiting.delete(id);
        reject(error);
      }
    });
  }

  /** Settle a call with its answer; an answer to no call (already settled, or not ours) is ignored. */
  resolve(id: number, value: T): void {
    this.take(id)?.resolve(value);
  }

  reject(id: number, error: unknown): void {
    this.take(id)?.reject(error);
  }

  /** The other side is gone: fail every call still waiting. */
  rejectAll(error: unknown): void {
    for (const call of this.waiting.values()) call.reject(error);
    this.waiting.clear();
  }

  private take(id: number) {
    const call = this.waiting.get(id);
    this.waiting.delete(id);
    return call;
  }
}
