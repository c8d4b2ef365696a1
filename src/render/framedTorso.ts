// A body framed inside the photo (issue #15, s57 card57): a photo of a printed photo (lp_s11, a child's
// ID picture held on a bedspread), a painting in its frame, a window. The person's torso ends at the
// picture's own edges, two straight parallel cuts inside the crop, not at the crop's border. The torso
// follows part of the head's turn and 60 % of its translation (deform.ts); on a framed body that moved
// the whole lower half of the print (the shirt fills it edge to edge) 4-6 px inside its edges, which
// torsoPin.ts holds in place: the print read as a sheet tilting and sliding with the head. A framed
// torso is paper: it keeps the photo's position and only the head (and the neck blended to it) moves.
import type { Avatar } from '../avatar/types.ts';
import { smoothstep } from '../math/smooth.ts';

/** the outline: the matte's half level (torsoPin.ts INSIDE) */
const INSIDE = 128;
/** rows read: from this many face widths below the chin (under the shoulders' curve) ... */
const BELOW_CHIN = 0.45;
/** ... to this many pixels above the crop's bottom (the matte's last rows are often a continued fill) */
const BOTTOM_MARGIN = 3;
/** a side within this many pixels of the crop's border is cut by the crop, not framed */
const BORDER = 3;
/** a run broken before this many face widths starts again (the print's slanted bottom edge under its sides) */
const RESTART = 0.3;
/** framed ramps in as both sides run straight from this many face widths to this many (lp_s11: .63 / .78; a shoulder's curve starts its run) */
const RUN_FROM = 0.35, RUN_TO = 0.6;

/** a photo's colour channel c (0 red, 1 green, 2 blue; 0..255) at pixel index i */
export type ColourAt = (i: number, c: number) => number;

export interface FramedSides {
  /** per side [left, right]: rows whose outline lies inside the crop, the straight run's length (face widths) */
  run: [number, number];
  /** per side: the RMS distance (px) of the outline from its fitted line over that run */
  rms: [number, number];
  /** per side: the fitted line's slope (dx/dy) */
  slope: [number, number];
  /** per side: the share of the rows above the run where its line goes on as an edge in the photo (edgeContinues) */
  edge: [number, number];
  /** 0..1: how surely the torso is framed (both sides straight, long and parallel, their lines edges in the photo past the shoulders) */
  framed: number;
}

/** the frame's edge is read this many face widths above the run's top (past the shoulder, over the backdrop) */
const EXTEND = 0.6;
/** ... on rows whose probes either side of the line are backdrop, at least this many face widths of them */
const EXTEND_MIN = 0.2;
/** a step across the line of at least this (0..255) in some colour channel is an edge in the photo (a white backdrop on a cream card: blue ~30, luma ~8) */
const EDGE_STEP = 16;

/** Least squares x = a + b y over points; returns [b, rms residual, x at y = 0]. */
function lineFit(ys: number[], xs: number[]): [number, number, number] {
  const n = ys.length;
  let my = 0, mx = 0;
  for (let i = 0; i < n; i++) { my += ys[i]!; mx += xs[i]!; }
  my /= n; mx /= n;
  let syy = 0, sxy = 0;
  for (let i = 0; i < n; i++) { syy += (ys[i]! - my) ** 2; sxy += (ys[i]! - my) * (xs[i]! - mx); }
  const b = syy > 0 ? sxy / syy : 0;
  let r = 0;
  for (let i = 0; i < n; i++) r += (xs[i]! - mx - b * (ys[i]! - my)) ** 2;
  return [b, Math.sqrt(r / Math.max(1, n)), mx - b * my];
}

/**
 * Above a straight run of the outline, how much of its line goes on as an edge in the photo over the backdrop:
 * per row up to EXTEND face widths above the run's top whose probes (2-6 px either side of the line) are both
 * backdrop (matte under the half level), the share with a step of EDGE_STEP or more in a colour channel across
 * the line. A print's or frame's edge runs on past the shoulder (lp_s11: green backdrop against the cream card); an arm's
 * or a dress's outline ends where the body bends, and the backdrop beyond it has no line there.
 */
function edgeContinues(alphaAt: (i: number) => number, colourAt: ColourAt, size: number, top: number, a: number, b: number, faceWidth: number): number {
  let rows = 0, edges = 0;
  const yEnd = Math.max(0, Math.round(top - EXTEND * faceWidth));
  for (let y = top - 1; y >= yEnd; y--) {
    const x = Math.round(a + b * y);
    if (x - 6 < 0 || x + 6 >= size) continue;
    let backdrop = true, step = 0;
    for (let c = 0; c < 3 && backdrop; c++) {
      let l = 0, r = 0;
      for (let d = 2; d <= 6; d++) {
        const il = y * size + x - d, ir = y * size + x + d;
        if (alphaAt(il) >= INSIDE || alphaAt(ir) >= INSIDE) { backdrop = false; break; }
        l += colourAt(il, c); r += colourAt(ir, c);
      }
      step = Math.max(step, Math.abs(l - r) / 5);
    }
    if (!backdrop) continue;
    rows++;
    if (step >= EDGE_STEP) edges++;
  }
  return rows >= EXTEND_MIN * faceWidth ? edges / rows : 0;
}

/**
 * Reads the matte (alpha 0..255 per pixel of a size x size crop, via `alphaAt`) below the chin: per row its
 * leftmost and rightmost pixel at the half level. Per side, the rows whose outline is inside the crop (not at
 * its border), from the lowest row up while the outline stays within `tolerance` px of a line through the
 * rows so far: that run's length, straightness and slope. A shoulder, arm or sleeve bends within a fraction
 * of a face width; a print's or frame's edge runs straight for a face width and more, and its two sides are
 * parallel. `framed` ramps in with the shorter run (RUN_FROM -> RUN_TO face widths) times the sides' parallelism.
 */
export function framedSides(alphaAt: (i: number) => number, colourAt: ColourAt, size: number, chinY: number, faceWidth: number): FramedSides {
  const y0 = Math.max(0, Math.round(chinY + BELOW_CHIN * faceWidth)), y1 = size - 1 - BOTTOM_MARGIN;
  const sides: { ys: number[]; xs: number[] }[] = [{ ys: [], xs: [] }, { ys: [], xs: [] }];
  // from the bottom up: the frame's edges are lowest, the shoulders' curve above them ends the run
  const open = [true, true];
  for (let y = y1; y >= y0 && (open[0] || open[1]); y--) {
    let L = -1, R = -1;
    for (let x = 0; x < size; x++) if (alphaAt(y * size + x) >= INSIDE) { if (L < 0) L = x; R = x; }
    // rows under the picture's bottom edge hold no torso yet; a gap above a run ends it
    if (L < 0) { if (sides[0]!.ys.length + sides[1]!.ys.length > 0) break; continue; }
    const at = [L, R], inside = [L >= BORDER, R <= size - 1 - BORDER];
    for (let s = 0; s < 2; s++) {
      if (!open[s]) continue;
      if (!inside[s]) {
        // cut by the crop: a short run starts again above, a long one is done
        const side = sides[s]!;
        if (side.ys.length >= RESTART * faceWidth) open[s] = false; else { side.ys.length = 0; side.xs.length = 0; }
        continue;
      }
      const side = sides[s]!;
      if (side.ys.length >= 8) {
        // the outline leaving the line through the run so far ends the run
        const [b] = lineFit(side.ys, side.xs);
        const n = side.ys.length, predicted = side.xs[n - 1]! + b * (y - side.ys[n - 1]!);
        if (Math.abs(at[s]! - predicted) > 3) {
          // a short run is the picture's bottom edge or a fold: start again from here; a long one is done
          if (side.ys.length < RESTART * faceWidth) { side.ys.length = 0; side.xs.length = 0; } else { open[s] = false; continue; }
        }
      }
      side.ys.push(y); side.xs.push(at[s]!);
    }
  }
  const run: [number, number] = [0, 0], rms: [number, number] = [99, 99], slope: [number, number] = [0, 0], edge: [number, number] = [0, 0];
  for (let s = 0; s < 2; s++) {
    const side = sides[s]!;
    if (side.ys.length < 8) continue;
    run[s] = side.ys.length / faceWidth;
    let a: number;
    [slope[s], rms[s], a] = lineFit(side.ys, side.xs);
    edge[s] = edgeContinues(alphaAt, colourAt, size, side.ys[side.ys.length - 1]!, a, slope[s], faceWidth);
  }
  const shorter = Math.min(run[0], run[1]);
  const straight = 1 - smoothstep(1, 2, Math.max(rms[0], rms[1]));
  // a frame's two sides are parallel (lp_s11 -.06 / -.09); a body's outline below the shoulders widens or narrows
  const parallel = 1 - smoothstep(0.06, 0.12, Math.abs(slope[0] - slope[1]));
  const upright = 1 - smoothstep(0.25, 0.4, Math.max(Math.abs(slope[0]), Math.abs(slope[1])));
  // the picture's edge goes on past the shoulders on both sides
  const continues = smoothstep(0.3, 0.6, Math.min(edge[0], edge[1]));
  const framed = smoothstep(RUN_FROM, RUN_TO, shorter) * straight * parallel * upright * continues;
  return { run, rms, slope, edge, framed };
}

/** chin landmark (torsoPin.ts) */
const CHIN = 152;

/** The photo's colour channel c (0..2) at a crop pixel: the premultiplied texture over the plate (avatar/types.ts: photo = texture + (1 - alpha) * plate). */
export function photoColour(avatar: Avatar): ColourAt {
  const t = avatar.texture.data, p = avatar.background.data;
  return (i, c) => t[i * 4 + c]! + (1 - t[i * 4 + 3]! / 255) * p[i * 4 + c]!;
}

/** The avatar's framed share (framedSides on its matte and photo): 0 = a body, 1 = a body in a picture. */
export function framedTorsoSides(avatar: Avatar): FramedSides {
  const a = avatar.texture.data;
  return framedSides((i) => a[i * 4 + 3]!, photoColour(avatar), avatar.size, avatar.rest[CHIN * 3 + 1]!, avatar.head.faceWidth);
}

/** framedTorsoSides' share alone (deform.ts) */
export function framedTorsoShare(avatar: Avatar): number {
  return framedTorsoSides(avatar).framed;
}

/** The share of the head's motion (turn and translation) the torso keeps: all of its follow for a body, none for a framed one. */
export function torsoFollowShare(framed: number): number {
  return 1 - framed;
}
