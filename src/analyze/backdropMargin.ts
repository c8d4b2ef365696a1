// The hole's margin that the photo shows as plain backdrop, kept as the photo has it (issue #15, s40 shoulder40).
// The plate's hole is the matte (> .02) dilated ~10 px (inpaint.ts personHole), so a backdrop band narrower than
// that margin beside the person is swallowed and filled from farther away. lp_s11: the print's green strip between
// the shoulders and the card's cream border is 0-13 px wide, and where it is thinnest the matte's soft tail (.2-.3)
// lies over it; the fill came from the cream card, so the render showed a cream wedge where the photo is green (at
// rest: the matte is ~0 there, or its soft tail shows the plate through) and, as the torso moved, the person layer's
// green soft edge slid over that cream as a green band along the outline.
// Here hole pixels the photo shows as backdrop are given back, grown from the known backdrop outside the hole through
// neighbours with no colour step above `step` levels (the growth stops at edges: a sliver of cloth the matte misses
// meets the backdrop with one). Two kinds of hole pixel are taken: *plain* ones (matte at most the hole's threshold, at
// least `gap` px from any pixel above it), whose colour becomes the reference carried on, and *tail* ones (matte below
// .5, the renderer's person), kept only within `drift` levels of the reference carried to them (the soft tail over a
// plain backdrop; where it mixes in the person's colour it drifts off and stays in the hole). Kept only from `fromRow`
// down (the chin's row: above it the hair's strands and curls the matte misses are soft, low-contrast dips that the
// growth passes through; lp_s11's pigtail curl, kept, stayed in the plate as a ghost curl when the hair moved); the
// growth itself runs above that row too (lp_s11's strip is reached from the open green above the shoulder).
import type { GrayImage, RgbaImage } from '../types.ts';
import { dilate } from './raster.ts';

/** on: the margin is kept (default); gap: px a plain pixel keeps clear of the matte's tail; step: largest neighbour
 *  colour step (max channel, levels) the growth crosses; drift: largest distance (max channel) of a tail pixel from the reference */
export const backdropMarginSetting = { on: true, gap: 2, step: 24, drift: 18 };

/** matte at or above this is the person (the renderer's alpha >= 128) and never given back */
const PERSON = 0.5;

/**
 * Which pixels of `hole` (1 = hole) from row `fromRow` down to give back to the photo: 1 = keep the photo's pixel in
 * the plate. `blocked` pixels (invented past the photo, kept-out strokes) are never kept nor grown through.
 */
export function backdropMargin(img: RgbaImage, matte: GrayImage, hole: Uint8Array, threshold: number, fromRow: number, blocked?: Uint8Array, opts = backdropMarginSetting): Uint8Array {
  const { width: w } = img;
  const n = w * img.height;
  const keep = new Uint8Array(n);
  if (!opts.on) return keep;
  const tail = dilate(Uint8Array.from(matte.data, (v) => (v > threshold ? 1 : 0)), w, img.height, opts.gap);
  // 1 = plain backdrop in the hole, 2 = the matte's soft tail, 0 = neither
  const kind = Uint8Array.from(hole, (v, i) => (!v || blocked?.[i] || matte.data[i]! >= PERSON ? 0 : tail[i] ? 2 : 1));
  const d = img.data;
  const ref = new Float32Array(n * 3);
  const reached = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0, end = 0;
  const tryGrow = (from: number, to: number) => {
    const k = kind[to]!;
    if (!k || reached[to]) return;
    let step = 0, off = 0;
    for (let c = 0; c < 3; c++) {
      step = Math.max(step, Math.abs(d[to * 4 + c]! - d[from * 4 + c]!));
      off = Math.max(off, Math.abs(d[to * 4 + c]! - ref[from * 3 + c]!));
    }
    if (step > opts.step || (k === 2 && off > opts.drift)) return;
    for (let c = 0; c < 3; c++) ref[to * 3 + c] = k === 1 ? d[to * 4 + c]! : ref[from * 3 + c]!;
    reached[to] = 1; queue[end++] = to;
  };
  const growFrom = (i: number) => {
    const x = i % w;
    if (x > 0) tryGrow(i, i - 1);
    if (x < w - 1) tryGrow(i, i + 1);
    if (i >= w) tryGrow(i, i - w);
    if (i + w < n) tryGrow(i, i + w);
  };
  // seeds: hole pixels beside a known backdrop pixel, which is its own reference
  for (let i = 0; i < n; i++) {
    if (hole[i] || blocked?.[i]) continue;
    for (let c = 0; c < 3; c++) ref[i * 3 + c] = d[i * 4 + c]!;
    growFrom(i);
  }
  while (head < end) growFrom(queue[head++]!);
  for (let i = Math.max(0, Math.ceil(fromRow)) * w; i < n; i++) keep[i] = reached[i]!;
  return keep;
}
