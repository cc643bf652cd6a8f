/**
 * Copies of small byte arrays carved out of shared blocks: making one costs the copy, not an
 * ArrayBuffer of its own (allocating one per read was most of what a simulated commit read
 * spent in the store). A copy shares its `.buffer` with other copies, so whoever holds one must
 * not transfer or detach that buffer, nor use it past the copy's own bytes. Larger arrays get a
 * buffer each, as `slice` gives them.
 */
export const blockBytes = 64 * 1024;
/** The largest array copied into a block. */
export const maxBlockCopyBytes = 4 * 1024;

export class BlockCopies {
  private block = new ArrayBuffer(0);
  private used = 0;

  copy(data: Uint8Array): Uint8Array {
    const length = data.length;
    if (length === 0 || length > maxBlockCopyBytes) return data.slice();
    if (this.used + length > this.block.byteLength) {
      this.block = new ArrayBuffer(blockBytes);
      this.used = 0;
    }
    const copy = new Uint8Array(this.block, this.used, length);
    copy.set(data);
    // Each copy starts on an 8-byte boundary, as a buffer of its own would.
    this.used += (length + 7) & ~7;
    return copy;
  }
}
