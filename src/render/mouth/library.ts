// The teeth library: mouth-interior layers cut from real frames of talking videos (see
// README.md beside this file and tools/teeth-atlas.ts, which regenerates teethData.ts from the
// data). Kept as a base64 string in a module (no file system): the same renderer runs in Node and,
// bundled, in the browser.
// Format: "R3DMOUTH", u32 LE header length, JSON header, then each layer as RGBA bytes (straight alpha).
import type { MouthLayer, MouthLayers } from './atlas.ts';
import { TEETH_LIBRARY_BASE64 } from './teethData.ts';

const MAGIC = 'R3DMOUTH';

export interface TeethLibrary extends MouthLayers {
  /** a deeper lower layer (tongue) cut from a wide-open frame: shown where the opening goes past the teeth */
  tongue: MouthLayer | null;
  source: string;
}

interface LayerHeader { width: number; height: number; anchorX: number; anchorY: number; ppi: number }

export function encodeLibrary(lib: TeethLibrary): Uint8Array {
  const layers = [lib.upper, lib.lower, ...(lib.tongue ? [lib.tongue] : [])];
  const header = {
    source: lib.source, cavity: lib.cavity, cheek: lib.cheek, hasTongue: !!lib.tongue,
    layers: layers.map((l): LayerHeader => ({ width: l.width, height: l.height, anchorX: l.anchorX, anchorY: l.anchorY, ppi: l.ppi })),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const total = 12 + json.length + layers.reduce((n, l) => n + l.width * l.height * 4, 0);
  const out = new Uint8Array(total);
  for (let k = 0; k < 8; k++) out[k] = MAGIC.charCodeAt(k);
  new DataView(out.buffer).setUint32(8, json.length, true);
  out.set(json, 12);
  let off = 12 + json.length;
  for (const l of layers) {
    const n = l.width * l.height * 4;
    for (let k = 0; k < n; k++) out[off + k] = Math.round(k % 4 === 3 ? l.data[k]! * 255 : l.data[k]!);
    off += n;
  }
  return out;
}

export function decodeLibrary(buf: Uint8Array): TeethLibrary {
  let magic = '';
  for (let k = 0; k < 8; k++) magic += String.fromCharCode(buf[k] ?? 0);
  if (magic !== MAGIC) throw new Error('teeth library: bad signature (regenerate it with tools/teeth-atlas.ts)');
  const len = new DataView(buf.buffer, buf.byteOffset, buf.byteLength).getUint32(8, true);
  const h = JSON.parse(new TextDecoder().decode(buf.subarray(12, 12 + len)));
  let off = 12 + len;
  const layers: MouthLayer[] = (h.layers as LayerHeader[]).map((l) => {
    const n = l.width * l.height * 4;
    const data = new Float32Array(n);
    for (let k = 0; k < n; k++) data[k] = k % 4 === 3 ? buf[off + k]! / 255 : buf[off + k]!;
    off += n;
    return { ...l, data };
  });
  return { upper: layers[0]!, lower: layers[1]!, tongue: h.hasTongue ? layers[2]! : null, cavity: h.cavity, cheek: h.cheek, source: h.source };
}

/** base64 <-> bytes without Buffer (atob/btoa exist in Node >= 16 and in browsers). */
export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function base64ToBytes(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

let cached: TeethLibrary | null = null;

/** The committed teeth library (decoded once per process). */
export function teethLibrary(): TeethLibrary {
  if (!cached) cached = decodeLibrary(base64ToBytes(TEETH_LIBRARY_BASE64));
  return cached;
}
