// The avatar file format: "R3DAVATR" magic, u32 version, u32 header length, JSON header, then
// each typed array at an 8-byte aligned offset listed in the header.
import { readFile } from 'node:fs/promises';
import { FileFormatError, InputError } from '../errors.ts';
import { writeFileAtomic } from '../io/atomic.ts';
import { CONTROL_COUNT } from '../rig/controls.ts';
import { LANDMARK_COUNT } from '../rig/topology.ts';
import { AVATAR_VERSION, type Avatar } from './types.ts';

const MAGIC = 'R3DAVATR';
type ArrayKind = 'f32' | 'f64' | 'u8' | 'u8c' | 'i32' | 'u32';
const CTOR: Record<ArrayKind, any> = { f32: Float32Array, f64: Float64Array, u8: Uint8Array, u8c: Uint8ClampedArray, i32: Int32Array, u32: Uint32Array };

function arraysOf(av: Avatar): Record<string, ArrayBufferView & { length: number }> {
  return {
    texture: av.texture.data, eyeTexture: av.eyeTexture.data, background: av.background.data,
    rest: av.rest, uv: av.uv, uvRevealed: av.uvRevealed, revealDir: av.revealDir,
    normal: av.normal, photoFacing: av.photoFacing, uvMirror: av.uvMirror, mirrorFacing: av.mirrorFacing, mirrorGain: av.mirrorGain, mirrorReach: av.mirrorReach,
    headWeight: av.headWeight, neckLag: av.neckLag, influence: av.influence, influenceWeight: av.influenceWeight,
    triangles: av.triangles, material: av.material,
    ...(av.uvCleared && av.clearSide ? { uvCleared: av.uvCleared, clearSide: av.clearSide } : {}),
    ...(av.revealStart ? { revealStart: av.revealStart } : {}),
    ...(av.revealRate ? { revealRate: av.revealRate } : {}),
    neutral: av.rig.neutral, basis: av.rig.basis, photoWeights: av.rig.photoWeights, rotation: av.rig.rotation,
  };
}

function kindOf(a: ArrayBufferView): ArrayKind {
  if (a instanceof Float32Array) return 'f32';
  if (a instanceof Float64Array) return 'f64';
  if (a instanceof Uint8ClampedArray) return 'u8c';
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Int32Array) return 'i32';
  return 'u32';
}

/** Serialises the avatar to one binary buffer. */
export function encodeAvatar(av: Avatar): Buffer {
  const arrays = arraysOf(av);
  const table: Record<string, { kind: ArrayKind; offset: number; length: number }> = {};
  let offset = 0;
  for (const [name, arr] of Object.entries(arrays)) {
    offset = Math.ceil(offset / 8) * 8;
    table[name] = { kind: kindOf(arr), offset, length: arr.length };
    offset += arr.byteLength;
  }
  const header = {
    format: 'real3d-avatar', version: av.version, size: av.size, focal: av.focal, vertexCount: av.vertexCount,
    eyeVertices: av.eyeVertices, head: av.head, mouth: av.mouth,
    rig: { scale: av.rig.scale, translation: av.rig.translation, angles: av.rig.angles, gaze: av.rig.gaze, residual: av.rig.residual },
    analysis: av.analysis, arrays: table, controls: CONTROL_COUNT,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = Math.ceil((16 + json.length) / 8) * 8;
  const buf = Buffer.alloc(start + offset);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(AVATAR_VERSION, 8);
  buf.writeUInt32LE(json.length, 12);
  json.copy(buf, 16);
  for (const [name, arr] of Object.entries(arrays)) {
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(buf, start + table[name]!.offset);
  }
  return buf;
}

/** Parses an avatar file's bytes; throws FileFormatError saying what is wrong. */
export function decodeAvatar(buf: Uint8Array, name = 'the avatar file'): Avatar {
  // plain Uint8Array reads (no Buffer methods): the live page decodes avatars in the browser
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const text = (a: number, b: number) => new TextDecoder('latin1').decode(buf.subarray(a, b));
  const bad = (why: string) => new FileFormatError(`${name} is not a usable real3d avatar: ${why}. Rebuild it with \`real3d avatar <photo> -o file.avatar\`.`);
  if (buf.length < 16 || text(0, 8) !== MAGIC) throw bad('it does not start with the avatar signature');
  const version = view.getUint32(8, true);
  if (version !== AVATAR_VERSION) throw bad(`it is format version ${version}, this real3d reads version ${AVATAR_VERSION}`);
  const len = view.getUint32(12, true);
  if (16 + len > buf.length) throw bad('the file is truncated (header)');
  let h: any;
  try { h = JSON.parse(new TextDecoder().decode(buf.subarray(16, 16 + len))); } catch { throw bad('its header is not valid JSON'); }
  if (h?.format !== 'real3d-avatar' || typeof h.size !== 'number' || typeof h.vertexCount !== 'number' || !h.arrays) throw bad('its header is incomplete');
  if (h.controls !== CONTROL_COUNT) throw bad(`it was made with ${h.controls} rig controls, this real3d has ${CONTROL_COUNT}`);
  const start = Math.ceil((16 + len) / 8) * 8;
  const get = (key: string, expected?: number): any => {
    const e = h.arrays[key];
    if (!e || !(e.kind in CTOR)) throw bad(`the array "${key}" is missing`);
    const C = CTOR[e.kind as ArrayKind];
    const bytes = e.length * C.BYTES_PER_ELEMENT;
    if (start + e.offset + bytes > buf.length) throw bad(`the file is truncated (array "${key}")`);
    if (expected !== undefined && e.length !== expected) throw bad(`the array "${key}" has ${e.length} values, expected ${expected}`);
    const copy = new ArrayBuffer(bytes);
    new Uint8Array(copy).set(buf.subarray(start + e.offset, start + e.offset + bytes));
    return new C(copy);
  };
  const n = h.vertexCount, s = h.size;
  const img = (key: string) => ({ width: s, height: s, data: get(key, s * s * 4) as Uint8ClampedArray });
  const triangles = get('triangles') as Uint32Array;
  const material = get('material', triangles.length / 3) as Uint8Array;
  for (let i = 0; i < triangles.length; i++) if (triangles[i]! >= n) throw bad('a triangle refers to a missing vertex');
  return {
    version: AVATAR_VERSION, size: s, focal: h.focal, texture: img('texture'), eyeTexture: img('eyeTexture'), background: img('background'),
    vertexCount: n, rest: get('rest', n * 3), uv: get('uv', n * 2), uvRevealed: get('uvRevealed', n * 2), revealDir: get('revealDir', n * 2),
    normal: get('normal', n * 3), photoFacing: get('photoFacing', n), uvMirror: get('uvMirror', n * 2), mirrorFacing: get('mirrorFacing', n), mirrorGain: get('mirrorGain', n * 3), mirrorReach: get('mirrorReach', n),
    headWeight: get('headWeight', n),
    // (files written before the neck was its own surface have none: nothing lags)
    neckLag: h.arrays.neckLag ? get('neckLag', n) : new Float32Array(n),
    ...(h.arrays.revealStart ? { revealStart: get('revealStart', n) as Float32Array } : {}),
    ...(h.arrays.revealRate ? { revealRate: get('revealRate', n) as Float32Array } : {}),
    ...(h.arrays.uvCleared && h.arrays.clearSide ? { uvCleared: get('uvCleared', n * 2) as Float32Array, clearSide: get('clearSide', n) as Float32Array } : {}),
    influence: get('influence', n * 4), influenceWeight: get('influenceWeight', n * 4), triangles, material,
    eyeVertices: h.eyeVertices, head: h.head, mouth: h.mouth,
    rig: {
      neutral: get('neutral', LANDMARK_COUNT * 3), basis: get('basis', CONTROL_COUNT * LANDMARK_COUNT * 3), photoWeights: get('photoWeights', CONTROL_COUNT),
      rotation: get('rotation', 9), scale: h.rig.scale, translation: h.rig.translation, angles: h.rig.angles, gaze: h.rig.gaze, residual: h.rig.residual,
    },
    analysis: h.analysis ?? null,
  };
}

/** Writes the avatar as one binary file, atomically. */
export async function saveAvatar(avatar: Avatar, file: string): Promise<void> {
  await writeFileAtomic(file, encodeAvatar(avatar));
}

/** Reads an avatar file written by saveAvatar. */
export async function loadAvatar(file: string): Promise<Avatar> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch {
    throw new InputError(`Cannot read the avatar file ${file}: it does not exist or is not readable.`);
  }
  return decodeAvatar(buf, file);
}
