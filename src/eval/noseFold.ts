// The nose's texture folding over on a turn (issue #15, session 21): the avatar rendered with its
// texture coded by photo column (mirror and turn shading off: the texture mapping itself), and along
// each rendered row from mid-nose to the subnasale (landmarks 5 to 2) how far the sampled photo
// column steps back while screen x goes on: photo drawn a second time beside itself (lp_s10 at +25:
// the painted tip's highlight and outline twice, a ghost nose). Used by bench/noseFold.ts and
// test/hiddenNose.test.ts.
import type { Avatar } from '../avatar/types.ts';
import { createRenderer } from '../render/renderer.ts';
import { NOSE_POINTS } from '../rig/topology.ts';


/** The photo columns stepped back along one row: the sum of the decreases of u along x (each over 0.5 px). Pure. */
export function stepBack(us: ArrayLike<number>): number {
  let back = 0;
  for (let k = 1; k < us.length; k++) { const d = us[k - 1]! - us[k]!; if (d > 0.5) back += d; }
  return back;
}

/** Per rendered row through the nose at `yaw`, the photo px stepped back (columns: the nose landmarks' span widened by 0.08 face widths). */
export function noseFoldRows(avatar: Avatar, photoLandmarks: ArrayLike<readonly number[]>, yaw: number): number[] {
  const size = avatar.size;
  // photo column, offset so the nose's neighbourhood fits one 8-bit channel
  const x0 = Math.max(0, Math.min(...NOSE_POINTS.map((i) => photoLandmarks[i]![0]!)) - 100);
  const coded = { width: size, height: size, data: new Uint8ClampedArray(size * size * 4) };
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) { const i = (y * size + x) * 4; coded.data[i] = x - x0; coded.data[i + 3] = 255; }
  const renderer = createRenderer({ ...avatar, texture: coded, mirrorReach: new Float32Array(avatar.vertexCount) }, { width: size, height: size, turnShading: false });
  const frame = { ...renderer.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
  const lm = renderer.landmarks(frame) as [number, number, number][];
  const img = renderer.render(frame, { background: null });
  const margin = 0.08 * avatar.head.faceWidth;
  const xa = Math.max(0, Math.floor(Math.min(...NOSE_POINTS.map((i) => lm[i]![0])) - margin));
  const xb = Math.min(size - 1, Math.ceil(Math.max(...NOSE_POINTS.map((i) => lm[i]![0])) + margin));
  const rows: number[] = [];
  for (let y = Math.round(lm[5]![1]); y <= Math.round(lm[2]![1]); y++) {
    const us: number[] = [];
    // opaque pixels away from the code's clamped ends (0, 255)
    for (let x = xa; x <= xb; x++) { const i = (y * size + x) * 4; if (img.data[i + 3]! > 250 && img.data[i]! > 0 && img.data[i]! < 255) us.push(img.data[i]!); }
    rows.push(stepBack(us));
  }
  return rows;
}
