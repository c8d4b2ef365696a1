// The teeth library: mouth-interior layers cut from real frames of talking videos (see
// README.md beside this file and tools/teeth-atlas.ts, which regenerates teeth.bin from the data).
// File: "R3DMOUTH", u32 header length, JSON header, then each layer as RGBA bytes (straight alpha).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MouthLayer, MouthLayers } from './atlas.ts';

const MAGIC = 'R3DMOUTH';

export interface TeethLibrary extends MouthLayers {
  /** a deeper lower layer (tongue) cut from a wide-open frame: shown where the opening goes past the teeth */
  tongue: MouthLayer | null;
  source: string;
}

interface LayerHeader { width: number; height: number; anchorX: number; anchorY: number; ppi: number }

export function encodeLibrary(lib: TeethLibrary): Buffer {
  const layers = [lib.upper, lib.lower, ...(lib.tongue ? [lib.tongue] : [])];
  const header = {
    source: lib.source, cavity: lib.cavity, cheek: lib.cheek, hasTongue: !!lib.tongue,
    layers: layers.map((l): LayerHeader => ({ width: l.width, height: l.height, anchorX: l.anchorX, anchorY: l.anchorY, ppi: l.ppi })),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const parts = [Buffer.from(MAGIC, 'latin1'), Buffer.alloc(4), json];
  parts[1]!.writeUInt32LE(json.length, 0);
  for (const l of layers) {
    const b = Buffer.alloc(l.width * l.height * 4);
    for (let k = 0; k < b.length; k++) b[k] = Math.round(k % 4 === 3 ? l.data[k]! * 255 : l.data[k]!);
    parts.push(b);
  }
  return Buffer.concat(parts);
}

export function decodeLibrary(buf: Buffer): TeethLibrary {
  if (buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('teeth library: bad signature (regenerate it with tools/teeth-atlas.ts)');
  const len = buf.readUInt32LE(8);
  const h = JSON.parse(buf.toString('utf8', 12, 12 + len));
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

export const LIBRARY_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'teeth.bin');

let cached: TeethLibrary | null = null;

/** The committed teeth library (read once per process). */
export function teethLibrary(): TeethLibrary {
  if (!cached) cached = decodeLibrary(readFileSync(LIBRARY_FILE));
  return cached;
}
