// The white behind a moved iris under a raised lid (white37). The fill behind the iris (scleraBehind.ts)
// carries the photo's lid shade: its rows near the photo's lid line are the photo's shaded white, going
// over to the membrane (the lid margin's dark) under that line. When the lid goes up its shade goes up
// with it (wideEyes.ts draws the shade under the raised lid), but the fill kept the old shade: under the
// raised lid's drawing, beside the moved iris, a grey-violet wedge darker than the white around it, its
// edge the photo's lid line (critic35/36, lp_s42 <- lp_d6 f151). Here the fill is lifted, cell by cell,
// to the white the raised lid's drawing ends in on its column (the photo's lit white there): the lid's
// shade is gone from it, its grain and hue are kept (a gain, never a darkening).
import { luminance } from '../math/colour.ts';
import { mixPacked } from './gazeIris.ts';

/** A fill cell is lifted at most this many times its own luminance (the membrane's darkest is the lash line: not made white). */
const MAX_GAIN = 1.6;

/**
 * The lifted fill patch (packed RGBA, as `white`, a `size`-square patch from x0): each cell's RGB times
 * min(MAX_GAIN, the column's lit white luminance over the cell's), never below 1. `litWhite(x)` is the
 * lit white's luminance at texture column x (NaN where the eye has no such column: the cell is kept).
 */
export function liftedFill(white: Uint32Array, x0: number, size: number, litWhite: (x: number) => number): Uint32Array {
  const out = new Uint32Array(white.length);
  for (let k = 0; k < white.length; k++) {
    const c = white[k]!, r = c & 255, g = (c >>> 8) & 255, b = (c >>> 16) & 255;
    const target = litWhite(x0 + (k % size));
    const gain = Number.isFinite(target) ? Math.min(MAX_GAIN, Math.max(1, target / Math.max(1, luminance(r, g, b)))) : 1;
    if (gain === 1) { out[k] = c; continue; }
    const ch = (v: number) => Math.min(255, Math.round(v * gain));
    out[k] = (ch(r) | (ch(g) << 8) | (ch(b) << 16) | (c & 0xff000000)) >>> 0;
  }
  return out;
}

/** The fill shown this frame: the photo's fill, going over to the lifted one by `open` (0..1); the photo's array itself at 0. */
export function fillAt(rest: Uint32Array, lifted: Uint32Array, open: number, into: Uint32Array): Uint32Array {
  if (open <= 0) return rest;
  const t = Math.min(1, open);
  for (let k = 0; k < rest.length; k++) into[k] = mixPacked(rest[k]!, lifted[k]!, t);
  return into;
}

/** How open the raised lid is for its fill: its largest lift (px) over the depth of the photo's lid shade on the fill (px). */
export function openShare(liftPx: number, shadePx: number): number {
  return Math.min(1, Math.max(0, liftPx / Math.max(1, shadePx)));
}

/** The photo's lid shade on the fill reaches this share of the iris radius below its lid line (scleraBehind.ts LID_SHADOW). */
const SHADE_DEPTH = 0.4;

/** Per eye (0 = EYE_L, as gazeIris.ts): the disc's fill and its lifted copy; `update` sets the disc's shown fill for the frame's raise. */
export class RaisedFills {
  private readonly fills: ({ rest: Uint32Array; lifted: Uint32Array; buf: Uint32Array } | null)[];

  /** `discs` the gaze discs (their `white` is swapped per frame); `whites[e]` the raised drawing's white per texture column x (wideEyeModel whites), or null. */
  constructor(private readonly discs: { x0: number; size: number; white: Uint32Array; radius: number }[], whites: (((x: number) => number) | null)[]) {
    this.fills = discs.map((d, e) => {
      const lit = whites[e];
      return lit ? { rest: d.white, lifted: liftedFill(d.white, d.x0, d.size, lit), buf: new Uint32Array(d.white.length) } : null;
    });
  }

  /** `liftPx[e]`: how far eye e's raised lid is up over the photo's (texture px, its largest column). */
  update(liftPx: readonly number[]): void {
    this.fills.forEach((f, e) => {
      if (!f) return;
      const d = this.discs[e]!;
      d.white = fillAt(f.rest, f.lifted, openShare(liftPx[e] ?? 0, SHADE_DEPTH * d.radius), f.buf);
    });
  }
}

/** The raised drawing's white luminance per texture column x (wideEyeModel.ts `whites`, one per column from the first); NaN off the eye. */
export function columnWhiteLum(model: { columns: { x: number }[]; whites: number[][] }): (x: number) => number {
  const first = model.columns[0]?.x ?? 0;
  return (x) => {
    const w = model.whites[x - first];
    return w ? luminance(w[0]!, w[1]!, w[2]!) : NaN;
  };
}
