// Little-endian float32 arrays <-> base64, in plain TypeScript: the lip model's weights are stored
// this way (models/*.json) and are decoded both in node and in the browser (the live page's main
// thread and AudioWorklet, which has neither Buffer nor atob).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** Base64 (standard alphabet, '=' padding optional) -> bytes; throws on any other character. */
export function base64ToBytes(s: string): Uint8Array {
  let n = s.length;
  while (n > 0 && s.charCodeAt(n - 1) === 61 /* = */) n--;
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let acc = 0, bits = 0, o = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? VALUE[c]! : -1;
    if (v < 0) throw new Error(`not base64: character ${JSON.stringify(s[i])} at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Bytes -> base64 with '=' padding. */
export function bytesToBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    s += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    s += i + 1 < b.length ? ALPHABET[(n >> 6) & 63]! : '=';
    s += i + 2 < b.length ? ALPHABET[n & 63]! : '=';
  }
  return s;
}

/** Base64 of little-endian float32 values -> Float32Array (whatever the machine's byte order). */
export function base64ToFloat32(s: string): Float32Array {
  const bytes = base64ToBytes(s);
  if (bytes.length % 4) throw new Error(`base64 float32 data of ${bytes.length} bytes, not a multiple of 4`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** Float32Array -> base64 of its values as little-endian float32. */
export function float32ToBase64(a: Float32Array): string {
  const bytes = new Uint8Array(a.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < a.length; i++) view.setFloat32(i * 4, a[i]!, true);
  return bytesToBase64(bytes);
}
