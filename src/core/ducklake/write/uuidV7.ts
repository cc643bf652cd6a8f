/** An RFC 9562 version-7 UUID (time-ordered, as the ducklake extension names its files and tables) from a time and `rng`. */
import { randomInt, type Rng } from '../../rng.ts';

export function toUuidV7(nowMs: number, rng: Rng): string {
  const bytes = new Array<number>(16);
  let time = Math.max(0, Math.floor(nowMs));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  for (let i = 6; i < 16; i++) bytes[i] = randomInt(rng, 0, 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
