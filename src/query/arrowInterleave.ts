/**
 * One Arrow column built by picking rows out of others, buffer to buffer: output row k is row
 * `rows[k]` of `sources[which[k]]`. This is how copy-on-write rewrites keep a file's rows,
 * swap in a source row's values or a literal, without a JavaScript value per row. The sources
 * share one type, as the writer lays it out (writeColumns.ts conforms them first).
 */
import { Type, makeData, type Data, type DataType as ArrowType } from 'apache-arrow';

/** Where each output row comes from: `which` null means every row is from sources[0]; `rows` null means row 0 (a constant). */
export interface Picks {
  which: Uint16Array | null;
  rows: Int32Array | null;
  length: number;
}

/** By the validity bitmap itself: apache-arrow's slice of a struct can report a child's nullCount as 0 while its bitmap has nulls. */
export function isValidAt(data: Data, row: number): boolean {
  if (data.typeId === Type.Null) return false;
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0) return true;
  const bit = data.offset + row;
  return ((bitmap[bit >> 3] as number) & (1 << (bit & 7))) !== 0;
}

/** Whether the bitmap (if any) marks every row valid, read a byte at a time where it can (see isValidAt). */
export function isAllValid(data: Data): boolean {
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0) return true;
  const end = data.offset + data.length;
  const isSet = (bit: number) => ((bitmap[bit >> 3] as number) & (1 << (bit & 7))) !== 0;
  let bit = data.offset;
  for (; bit < end && (bit & 7) !== 0; bit++) if (!isSet(bit)) return false;
  for (; bit + 8 <= end; bit += 8) if (bitmap[bit >> 3] !== 255) return false;
  for (; bit < end; bit++) if (!isSet(bit)) return false;
  return true;
}

/** Nulls counted from the bitmap (see isValidAt). */
export function countNulls(data: Data): number {
  if (data.typeId === Type.Null) return data.length;
  if (isAllValid(data)) return 0;
  let nulls = 0;
  for (let r = 0; r < data.length; r++) if (!isValidAt(data, r)) nulls++;
  return nulls;
}

export function interleave(type: ArrowType, sources: readonly Data[], picks: Picks): Data {
  const { length } = picks;
  const which = picks.which;
  const rows = picks.rows;
  const nullBitmap = new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  if (sources.every((s) => s.typeId !== Type.Null && isAllValid(s))) nullBitmap.fill(255);
  else for (let k = 0; k < length; k++) {
    if (isValidAt(sources[which ? (which[k] as number) : 0] as Data, rows ? (rows[k] as number) : 0)) nullBitmap[k >> 3] = (nullBitmap[k >> 3] as number) | (1 << (k & 7));
    else nullCount++;
  }
  const common = { type, length, nullCount, nullBitmap };
  switch (type.typeId) {
    case Type.Struct: {
      const children = type.children.map((field, c) => interleave(field.type, sources.map((s) => s.children[c] as Data), picks));
      return makeData({ ...common, type, children } as never);
    }
    case Type.Utf8: case Type.Binary: return makeData({ ...common, ...interleaveVariable(sources, picks) } as never);
    case Type.Bool: return makeData({ ...common, data: interleaveBits(sources, picks) } as never);
    case Type.Int: case Type.Float: case Type.Date: case Type.Timestamp: case Type.Decimal:
      return makeData({ ...common, data: interleaveFixed(sources, picks) } as never);
    default:
      throw new Error(`bug: interleave of Arrow type ${String(type)}`);
  }
}

/** Row numbers start, start + 1, … (length of them). */
export function consecutiveRows(start: number, length: number): Int32Array {
  const rows = new Int32Array(length);
  for (let i = 0; i < length; i++) rows[i] = start + i;
  return rows;
}

/**
 * The end of the run of output rows from `k` that take consecutive rows of one source: a
 * rewrite keeps most rows in order, so most of a column is copied a run at a time.
 */
function runEnd(picks: Picks, k: number): number {
  const { which, rows, length } = picks;
  if (!rows) return k + 1;
  const source = which ? (which[k] as number) : 0;
  const first = (rows[k] as number) - k;
  let end = k + 1;
  if (which) while (end < length && rows[end] === first + end && which[end] === source) end++;
  else while (end < length && rows[end] === first + end) end++;
  return end;
}

/** Fixed-width values copied as 32-bit words (or bytes), never read as JS numbers or bigints; runs of rows in one copy. */
function interleaveFixed(sources: readonly Data[], picks: Picks): ArrayBufferView {
  const first = sources[0] as Data;
  const arrayType = first.values as unknown as { constructor: new (buffer: ArrayBuffer) => ArrayBufferView; BYTES_PER_ELEMENT: number };
  const bytesPerRow = arrayType.BYTES_PER_ELEMENT * first.stride;
  const wide = bytesPerRow % 4 === 0;
  const width = wide ? bytesPerRow / 4 : bytesPerRow;
  const view = (v: ArrayBufferView) => (wide ? new Int32Array(v.buffer, v.byteOffset, v.byteLength / 4) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  const values = sources.map((s) => view(s.values as ArrayBufferView));
  const buffer = new ArrayBuffer(picks.length * bytesPerRow);
  const out = view(new Uint8Array(buffer));
  const { which, rows } = picks;
  for (let k = 0; k < picks.length;) {
    const from = values[which ? (which[k] as number) : 0] as Int32Array;
    const at = (rows ? (rows[k] as number) : 0) * width;
    const end = runEnd(picks, k);
    if (end - k > 8) out.set(from.subarray(at, at + (end - k) * width), k * width);
    else for (let i = 0; i < (end - k) * width; i++) out[k * width + i] = from[at + i] as number;
    k = end;
  }
  return new arrayType.constructor(buffer);
}

function interleaveBits(sources: readonly Data[], picks: Picks): Uint8Array {
  const out = new Uint8Array((picks.length + 7) >> 3);
  const { which, rows } = picks;
  for (let k = 0; k < picks.length; k++) {
    const from = sources[which ? (which[k] as number) : 0] as Data;
    const bit = from.offset + (rows ? (rows[k] as number) : 0);
    if (((from.values as Uint8Array)[bit >> 3] as number) & (1 << (bit & 7))) out[k >> 3] = (out[k >> 3] as number) | (1 << (k & 7));
  }
  return out;
}

function interleaveVariable(sources: readonly Data[], picks: Picks): { valueOffsets: Int32Array; data: Uint8Array } {
  const offsets = sources.map((s) => s.valueOffsets as Int32Array);
  const bytes = sources.map((s) => s.values as Uint8Array);
  const { which, rows } = picks;
  const valueOffsets = new Int32Array(picks.length + 1);
  let total = 0;
  for (let k = 0; k < picks.length; k++) {
    const o = offsets[which ? (which[k] as number) : 0] as Int32Array;
    const r = rows ? (rows[k] as number) : 0;
    total += (o[r + 1] as number) - (o[r] as number);
    valueOffsets[k + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let k = 0; k < picks.length;) {
    const s = which ? (which[k] as number) : 0;
    const o = offsets[s] as Int32Array;
    const b = bytes[s] as Uint8Array;
    const r = rows ? (rows[k] as number) : 0;
    const end = runEnd(picks, k);
    const start = o[r] as number;
    const stop = o[r + end - k] as number;
    let at = valueOffsets[k] as number;
    if (stop - start > 64) data.set(b.subarray(start, stop), at);
    else for (let i = start; i < stop; i++) data[at++] = b[i] as number;
    k = end;
  }
  return { valueOffsets, data };
}
