// The closed-eye library: real shut eyes cut from frames of talking videos where a blink is fully
// closed (tools/closed-eye-atlas.ts regenerates closedEyeData.ts from the data; provenance in
// NOTICE.md and README.md beside this file). Each patch is one eye in its eye frame (frame.ts),
// with the lines the face mesh found on it, so the renderer can fit it to any photo's eye.
// Kept as base64 in a module (no file system): the renderer also runs bundled in the browser.
// Format: "R3DEYES1", u32 LE header length, JSON header, then each patch as RGB bytes.
import { PATCH_W, PATCH_H, EYE_SIDES, eyeFrame, toEye, type EyeFrame } from './frame.ts';
import { CLOSED_EYE_LIBRARY_BASE64 } from './closedEyeData.ts';
import { knotsAt, orderBy } from '../../math/polyline.ts';

const MAGIC = 'R3DEYES1';

export interface ClosedEyePatch {
  /** RGB, PATCH_W x PATCH_H, float 0..255 */
  rgb: Float32Array;
  /** v of the shut lid's edge (the face mesh's upper-lid points) at u of each of the 9 points */
  lid: { u: number[]; v: number[] };
  /** v of the crease points (the face mesh's second upper ring) */
  crease: { u: number[]; v: number[] };
  source: string;
}

export function encodeClosedEyes(patches: ClosedEyePatch[]): Uint8Array {
  const header = { width: PATCH_W, height: PATCH_H, patches: patches.map((p) => ({ lid: p.lid, crease: p.crease, source: p.source })) };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const n = PATCH_W * PATCH_H * 3;
  const out = new Uint8Array(12 + json.length + patches.length * n);
  for (let k = 0; k < 8; k++) out[k] = MAGIC.charCodeAt(k);
  new DataView(out.buffer).setUint32(8, json.length, true);
  out.set(json, 12);
  patches.forEach((p, i) => { for (let k = 0; k < n; k++) out[12 + json.length + i * n + k] = Math.round(Math.min(255, Math.max(0, p.rgb[k]!))); });
  return out;
}

export function decodeClosedEyes(buf: Uint8Array): ClosedEyePatch[] {
  const magic = String.fromCharCode(...buf.subarray(0, 8));
  if (magic !== MAGIC) throw new Error('closed-eye library: bad magic; regenerate it with tools/closed-eye-atlas.ts');
  const len = new DataView(buf.buffer, buf.byteOffset).getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(buf.subarray(12, 12 + len))) as { width: number; height: number; patches: Omit<ClosedEyePatch, 'rgb'>[] };
  if (header.width !== PATCH_W || header.height !== PATCH_H) throw new Error('closed-eye library: patch size differs from frame.ts; regenerate it with tools/closed-eye-atlas.ts');
  const n = PATCH_W * PATCH_H * 3;
  return header.patches.map((p, i) => ({ ...p, rgb: Float32Array.from(buf.subarray(12 + len + i * n, 12 + len + (i + 1) * n)) }));
}

let cached: ClosedEyePatch[] | null = null;
/** The committed library (decoded once). */
export function closedEyeLibrary(): ClosedEyePatch[] {
  if (!cached) {
    const bin = typeof Buffer !== 'undefined' ? new Uint8Array(Buffer.from(CLOSED_EYE_LIBRARY_BASE64, 'base64')) : Uint8Array.from(atob(CLOSED_EYE_LIBRARY_BASE64), (c) => c.charCodeAt(0));
    cached = decodeClosedEyes(bin);
  }
  return cached;
}

/** The "down" direction of a face: from the eyes' midpoint toward the mouth's (landmarks 13/14). */
export function faceDown(xy: (i: number) => readonly [number, number]): [number, number] {
  const e = [(xy(33)[0] + xy(263)[0]) / 2, (xy(33)[1] + xy(263)[1]) / 2];
  const m = [(xy(13)[0] + xy(14)[0]) / 2, (xy(13)[1] + xy(14)[1]) / 2];
  return [m[0]! - e[0]!, m[1]! - e[1]!];
}

/** Each side's eye frame and its lines, from landmarks. */
export function eyeGeometry(xy: (i: number) => readonly [number, number]): { frame: EyeFrame; lid: { u: number[]; v: number[] }; lower: { u: number[]; v: number[] }; crease: { u: number[]; v: number[] }; brow: { u: number[]; v: number[] } }[] {
  const down = faceDown(xy);
  return EYE_SIDES.map((side) => {
    const frame = eyeFrame(xy(side.outer), xy(side.inner), down);
    const line = (ids: readonly number[]) => {
      const pts = ids.map((i) => toEye(frame, xy(i)[0], xy(i)[1]));
      return { u: pts.map((p) => p[0]), v: pts.map((p) => p[1]) };
    };
    return { frame, lid: line(side.upper), lower: line(side.lower), crease: line(side.crease), brow: line(side.brow) };
  });
}

/** Piecewise-linear value of a line (sorted or not by u) at u, held flat past its ends. */
export function lineAt(line: { u: number[]; v: number[] }, u: number): number {
  const idx = sortedOrder(line.u);
  return knotsAt(idx.length, (k) => line.u[idx[k]!]!, (k) => line.v[idx[k]!]!, u);
}

const ORDER_CACHE = new WeakMap<number[], number[]>();
/** Indices of us in increasing order (cached per array: lines are not changed after they are made). */
function sortedOrder(us: number[]): number[] {
  let idx = ORDER_CACHE.get(us);
  if (!idx) { idx = orderBy(us.length, (k) => us[k]!); ORDER_CACHE.set(us, idx); }
  return idx;
}
