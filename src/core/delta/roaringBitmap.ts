/**
 * Delta's deletion-vector bitmap (PROTOCOL.md "Deletion Vector Format"): the little-endian
 * magic 1681511377, then a 64-bit RoaringBitmap in the portable format: a 64-bit count of
 * buckets, each a 32-bit high key and a 32-bit RoaringBitmap (array, bitmap or run containers).
 */
import { LakeError } from '../errors.ts';

export const deletionVectorMagic = 1681511377;
const serialCookieNoRuns = 12346;
const serialCookie = 12347;
const noOffsetThreshold = 4;

/** Decode to the sorted row indexes the bitmap holds. */
export function decodeRoaringBitmapArray(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const need = (n: number) => {
    if (at + n > bytes.length) throw new LakeError('Corrupt', `deletion vector bitmap is truncated (needs ${at + n} bytes, has ${bytes.length})`);
  };
  need(4);
  const magic = view.getUint32(at, true);
  at += 4;
  if (magic !== deletionVectorMagic) throw new LakeError('Corrupt', `deletion vector bitmap has magic ${magic}, expected ${deletionVectorMagic}`);
  need(8);
  const buckets = Number(view.getBigUint64(at, true));
  at += 8;
  const rows: number[] = [];
  for (let b = 0; b < buckets; b++) {
    need(4);
    const high = view.getUint32(at, true) * 2 ** 32;
    at += 4;
    at = decodeRoaring32(view, at, bytes.length, (low) => rows.push(high + low));
  }
  return rows;
}

function decodeRoaring32(view: DataView, start: number, end: number, emit: (value: number) => void): number {
  let at = start;
  const need = (n: number) => {
    if (at + n > end) throw new LakeError('Corrupt', 'deletion vector bitmap is truncated inside a container');
  };
  need(4);
  const cookie = view.getUint32(at, true);
  at += 4;
  let size: number;
  let runFlags: Uint8Array | undefined;
  if ((cookie & 0xffff) === serialCookie) {
    size = (cookie >>> 16) + 1;
    const flagBytes = Math.ceil(size / 8);
    need(flagBytes);
    runFlags = new Uint8Array(view.buffer, view.byteOffset + at, flagBytes);
    at += flagBytes;
  } else if (cookie === serialCookieNoRuns) {
    need(4);
    size = view.getUint32(at, true);
    at += 4;
  } else {
    throw new LakeError('Corrupt', `deletion vector bitmap has an unknown RoaringBitmap cookie ${cookie}`);
  }
  need(size * 4);
  const keys: number[] = [];
  const cardinalities: number[] = [];
  for (let i = 0; i < size; i++) {
    keys.push(view.getUint16(at, true));
    cardinalities.push(view.getUint16(at + 2, true) + 1);
    at += 4;
  }
  if (!runFlags || size >= noOffsetThreshold) at += size * 4; // container offsets: read sequentially instead
  for (let i = 0; i < size; i++) {
    const base = (keys[i] ?? 0) * 65536;
    const cardinality = cardinalities[i] ?? 0;
    const isRun = runFlags ? ((runFlags[i >> 3] ?? 0) & (1 << (i & 7))) !== 0 : false;
    if (isRun) {
      need(2);
      const runs = view.getUint16(at, true);
      at += 2;
      need(runs * 4);
      for (let r = 0; r < runs; r++) {
        const first = view.getUint16(at, true);
        const length = view.getUint16(at + 2, true);
        at += 4;
        for (let v = first; v <= first + length; v++) emit(base + v);
      }
    } else if (cardinality <= 4096) {
      need(cardinality * 2);
      for (let c = 0; c < cardinality; c++) emit(base + view.getUint16(at + c * 2, true));
      at += cardinality * 2;
    } else {
      need(8192);
      for (let word = 0; word < 2048; word++) {
        let bits = view.getUint32(at + word * 4, true);
        while (bits !== 0) {
          const bit = 31 - Math.clz32(bits & -bits);
          emit(base + word * 32 + bit);
          bits &= bits - 1;
        }
      }
      at += 8192;
    }
  }
  return at;
}

/** Encode sorted, distinct row indexes (below 2^32) as a Delta deletion-vector bitmap (array and bitmap containers). */
export function encodeRoaringBitmapArray(rows: readonly number[]): Uint8Array {
  const containers = new Map<number, number[]>();
  for (const row of rows) {
    if (row >= 2 ** 32) throw new LakeError('InvalidInput', 'row indexes of 2^32 and above are not supported when writing deletion vectors');
    const key = Math.floor(row / 65536);
    const list = containers.get(key) ?? [];
    list.push(row % 65536);
    containers.set(key, list);
  }
  const keys = [...containers.keys()].sort((a, b) => a - b);
  const bodies = keys.map((k) => {
    const values = containers.get(k) ?? [];
    if (values.length <= 4096) {
      const body = new Uint8Array(values.length * 2);
      const view = new DataView(body.buffer);
      values.forEach((v, i) => view.setUint16(i * 2, v, true));
      return body;
    }
    const body = new Uint8Array(8192);
    for (const v of values) body[v >> 3] = (body[v >> 3] ?? 0) | (1 << (v & 7));
    return body;
  });
  const headerSize = 8 + keys.length * 8;
  const roaringSize = headerSize + bodies.reduce((n, b) => n + b.length, 0);
  const out = new Uint8Array(4 + 8 + (rows.length > 0 ? 4 + roaringSize : 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, deletionVectorMagic, true);
  view.setBigUint64(4, rows.length > 0 ? 1n : 0n, true);
  if (rows.length === 0) return out;
  let at = 12;
  view.setUint32(at, 0, true);
  at += 4;
  view.setUint32(at, serialCookieNoRuns, true);
  view.setUint32(at + 4, keys.length, true);
  at += 8;
  keys.forEach((k) => {
    view.setUint16(at, k, true);
    view.setUint16(at + 2, (containers.get(k)?.length ?? 1) - 1, true);
    at += 4;
  });
  let offset = headerSize;
  for (const body of bodies) {
    view.setUint32(at, offset, true);
    at += 4;
    offset += body.length;
  }
  for (const body of bodies) {
    out.set(body, at);
    at += body.length;
  }
  return out;
}
