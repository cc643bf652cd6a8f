/** Z85 (ZeroMQ RFC 32), which Delta uses for inline deletion vectors and DV file ids. */
import { LakeError } from '../errors.ts';

const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';
const decodeTable = new Int16Array(128).fill(-1);
for (let i = 0; i < alphabet.length; i++) decodeTable[alphabet.charCodeAt(i)] = i;

export function decodeZ85(text: string): Uint8Array {
  if (text.length % 5 !== 0) throw new LakeError('Corrupt', `Z85 text must be a multiple of 5 characters long, got ${text.length}`);
  const out = new Uint8Array((text.length / 5) * 4);
  for (let i = 0, o = 0; i < text.length; i += 5, o += 4) {
    // A group past 2^32 - 1 wraps, as in Delta's own Base85Codec (`sum.toInt`): Spark decodes
    // such inline deletion vectors that way, and tables carry them (delta-kernel-rs's cdf-table-with-dv).
    let value = 0;
    for (let j = 0; j < 5; j++) {
      const code = text.charCodeAt(i + j);
      const digit = code < 128 ? (decodeTable[code] ?? -1) : -1;
      if (digit < 0) throw new LakeError('Corrupt', `"${text[i + j]}" at ${i + j} is not a Z85 character`);
      value = (value * 85 + digit) % 0x1_0000_0000;
    }
    out[o] = (value >>> 24) & 0xff;
    out[o + 1] = (value >>> 16) & 0xff;
    out[o + 2] = (value >>> 8) & 0xff;
    out[o + 3] = value & 0xff;
  }
  return out;
}

export function encodeZ85(bytes: Uint8Array): string {
  if (bytes.length % 4 !== 0) throw new LakeError('InvalidInput', `Z85 encodes multiples of 4 bytes, got ${bytes.length}`);
  let text = '';
  for (let i = 0; i < bytes.length; i += 4) {
    let value = (((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0)) >>> 0;
    const group = new Array<string>(5);
    for (let j = 4; j >= 0; j--) {
      group[j] = alphabet[value % 85] ?? '';
      value = Math.floor(value / 85);
    }
    text += group.join('');
  }
  return text;
}
