/**
 * Writing deletion vectors (PROTOCOL.md "Deletion Vectors", "Deletion Vector Format"): one
 * file `<prefix>/deletion_vector_<uuid>.bin` holding a vector per data file, each framed as a
 * big-endian size, the RoaringBitmapArray, and the bitmap's big-endian CRC-32, after a version
 * byte (1). Descriptors use storage type `u` (the UUID in Z85, after an optional prefix of
 * random characters) with the vector's offset in the file. The reader (deletionVector.ts)
 * reads exactly this back.
 */
import { LakeError } from '../errors.ts';
import type { DeletionVectorDescriptor } from './actions.ts';
import { encodeRoaringBitmapArray } from './roaringBitmap.ts';
import { crc32 } from './crc32.ts';
import { encodeZ85 } from './z85.ts';

const formatVersion = 1;

export interface DeletionVectorFile {
  /** The file's key relative to the table root. */
  path: string;
  bytes: Uint8Array;
  /** One per vector, in the order given. */
  descriptors: DeletionVectorDescriptor[];
}

/**
 * Plan one DV file for `vectors`, each the sorted, distinct row indexes a data file deletes
 * (all of them: a file's earlier deletion vector is replaced, not added to). `uuid` names the
 * file (drawn by the caller, from a seeded Rng in the simulator); `prefix`, when given, is the
 * folder under the table root (delta-rs and Spark use none or a random two-character one).
 */
export function planDeletionVectorFile(vectors: readonly (readonly number[])[], uuid: string, prefix = ''): DeletionVectorFile {
  if (prefix !== '' && !/^[A-Za-z0-9]+$/.test(prefix)) throw new LakeError('InvalidInput', `a deletion vector prefix is letters and digits, got "${prefix}"`);
  const bitmaps = vectors.map((rows, i) => {
    checkRows(rows, i);
    return encodeRoaringBitmapArray(rows);
  });
  const size = 1 + bitmaps.reduce((n, b) => n + 8 + b.length, 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes[0] = formatVersion;
  const id = prefix + encodeZ85(toUuidBytes(uuid));
  const descriptors: DeletionVectorDescriptor[] = [];
  let at = 1;
  bitmaps.forEach((bitmap, i) => {
    const rows = vectors[i] ?? [];
    descriptors.push({
      storageType: 'u',
      pathOrInlineDv: id,
      offset: at,
      sizeInBytes: bitmap.length,
      cardinality: rows.length,
      ...(rows.length > 0 ? { maxRowIndex: rows[rows.length - 1] } : {}),
    });
    view.setUint32(at, bitmap.length, false);
    bytes.set(bitmap, at + 4);
    view.setUint32(at + 4 + bitmap.length, crc32(bitmap), false);
    at += 8 + bitmap.length;
  });
  const name = `deletion_vector_${uuid.toLowerCase()}.bin`;
  return { path: prefix ? `${prefix}/${name}` : name, bytes, descriptors };
}

/** The union of a file's deleted rows and more of them, sorted and distinct. */
export function mergeDeletedRows(before: readonly number[], more: readonly number[]): number[] {
  const all = new Set(before);
  for (const row of more) all.add(row);
  return [...all].sort((a, b) => a - b);
}

function checkRows(rows: readonly number[], index: number): void {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number;
    if (!Number.isInteger(row) || row < 0) throw new LakeError('InvalidInput', `deletion vector ${index}: row index ${row} is not a whole number >= 0`);
    if (i > 0 && row <= (rows[i - 1] as number)) throw new LakeError('InvalidInput', `deletion vector ${index}: row indexes must be sorted and distinct (${rows[i - 1]} then ${row})`);
  }
}

function toUuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new LakeError('InvalidInput', `"${uuid}" is not a UUID`);
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
