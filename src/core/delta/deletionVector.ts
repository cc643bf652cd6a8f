/**
 * Deletion vectors (PROTOCOL.md "Deletion Vectors"): where a descriptor's bitmap lives, and
 * reading it. Storage `u`: `<prefix>/deletion_vector_<uuid>.bin` beside the table, the UUID
 * Z85-encoded in the last 20 characters; `i`: the bitmap inline, Z85; `p`: an absolute path.
 * A DV file is a version byte, then per vector: a big-endian size, the bitmap, a CRC-32.
 */
import { LakeError } from '../errors.ts';
import type { ObjectStore } from '../objectStore.ts';
import type { DeletionVectorDescriptor } from './actions.ts';
import { decodeZ85 } from './z85.ts';
import { decodeRoaringBitmapArray } from './roaringBitmap.ts';
import { crc32 } from './crc32.ts';
import { toDataFileKey } from './dataPaths.ts';

export type DeletionVectorLocation =
  | { kind: 'file'; key: string; offset: number; sizeInBytes: number }
  | { kind: 'inline'; bytes: Uint8Array };

export function planDeletionVectorRead(dv: DeletionVectorDescriptor, tableRoot: string): DeletionVectorLocation {
  const isCount = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  if (!isCount(dv.sizeInBytes)) throw new LakeError('Corrupt', `deletion vector "${dv.pathOrInlineDv}": sizeInBytes ${JSON.stringify(dv.sizeInBytes)} is not a byte count`);
  if (dv.offset !== undefined && dv.offset !== null && !isCount(dv.offset)) throw new LakeError('Corrupt', `deletion vector "${dv.pathOrInlineDv}": offset ${JSON.stringify(dv.offset)} is not a byte offset`);
  switch (dv.storageType) {
    case 'i':
      return { kind: 'inline', bytes: decodeZ85(dv.pathOrInlineDv).subarray(0, dv.sizeInBytes) };
    case 'u': {
      const encoded = dv.pathOrInlineDv;
      if (encoded.length < 20) throw new LakeError('Corrupt', `deletion vector id "${encoded}" is shorter than a Z85 UUID`);
      const prefix = encoded.slice(0, encoded.length - 20);
      const uuid = toUuid(decodeZ85(encoded.slice(-20)));
      const name = `deletion_vector_${uuid}.bin`;
      return { kind: 'file', key: tableRoot + (prefix ? `${prefix}/${name}` : name), offset: dv.offset ?? 1, sizeInBytes: dv.sizeInBytes };
    }
    case 'p':
      return { kind: 'file', key: toDataFileKey(tableRoot, dv.pathOrInlineDv), offset: dv.offset ?? 1, sizeInBytes: dv.sizeInBytes };
    default:
      throw new LakeError('Unsupported', `deletion vector storage type "${String((dv as { storageType: unknown }).storageType)}" is unknown`);
  }
}

function toUuid(bytes: Uint8Array): string {
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Read a deletion vector's deleted row indexes, sorted. */
export async function loadDeletionVector(store: ObjectStore, dv: DeletionVectorDescriptor, tableRoot: string): Promise<number[]> {
  const location = planDeletionVectorRead(dv, tableRoot);
  if (location.kind === 'inline') return checkCardinality(decodeRoaringBitmapArray(location.bytes), dv, 'inline deletion vector');
  // The framing around the bitmap: 4-byte size before it, 4-byte CRC-32 after.
  const framed = await store.get(location.key, { range: { offset: location.offset, length: location.sizeInBytes + 8 } });
  return checkCardinality(decodeFramedBitmap(framed, location.sizeInBytes, location.key), dv, location.key);
}

export function decodeFramedBitmap(framed: Uint8Array, sizeInBytes: number, name: string): number[] {
  if (!Number.isSafeInteger(sizeInBytes) || sizeInBytes < 0) throw new LakeError('Corrupt', `deletion vector ${name}: sizeInBytes ${sizeInBytes} is not a byte count`);
  if (framed.length < sizeInBytes + 8) throw new LakeError('Corrupt', `deletion vector ${name} is truncated`);
  const view = new DataView(framed.buffer, framed.byteOffset, framed.byteLength);
  const size = view.getUint32(0, false);
  if (size !== sizeInBytes) throw new LakeError('Corrupt', `deletion vector ${name}: stored size ${size} differs from the log's sizeInBytes ${sizeInBytes}`);
  const bitmap = framed.subarray(4, 4 + size);
  const expected = view.getUint32(4 + size, false);
  if (crc32(bitmap) !== expected) throw new LakeError('Corrupt', `deletion vector ${name}: checksum mismatch`);
  return decodeRoaringBitmapArray(bitmap);
}

function checkCardinality(rows: number[], dv: DeletionVectorDescriptor, name: string): number[] {
  if (rows.length !== dv.cardinality) throw new LakeError('Corrupt', `${name} holds ${rows.length} rows but the log says ${dv.cardinality}`);
  return rows;
}
