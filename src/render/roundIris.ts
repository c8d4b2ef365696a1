// A hard glance moves the photo's iris whole and round (critic45 worst #3: lp_s10 <- lp_d14b f22-30 "a black ink blob with
// a ragged edge", lp_s12 <- lp_d0 f18-60 "a ragged flat-topped black wedge"). The gaze disc's matte (irisDisc.ts irisMatte)
// moves everything within irisCore's core and, past it, each texel only by how much darker it is than the white behind:
// on lp_s10 the painted grey-blue lower iris is barely darker than that white, so the pupil and the ring's top went
// aside and the ring's lighter half stayed (the white fill took its place: a black blob, the iris's colour lost); on
// lp_s12 the dark iris's outline went texel by texel with the photo's noise (a ragged edge). Here, per eye once, the
// photo's own iris disc is read off its limbus (irisReach.ts: the outermost dark-to-light step on the rows round the
// centre, per side) and kept as a matte: all inside that disc and the rest opening, soft over a texel at its rim. Per
// frame the gaze shader takes the larger of it and the old matte by how far aside the iris is (glanceIris.ts
// glanceShare: none at rest and at small looks), so a glancing iris carries its own ring, colour and catchlight, and its
// outline is the disc's circle, cut only by the lids. The part the photo's lids hide is irisHidden.ts's, as before.
// Not on big painted irises (lp_s7: bigIris.ts moves its whole rim by colour already).
import type { IrisReach } from './irisReach.ts';

/** The disc's radius is kept within these shares of the face mesh's iris ring (a limbus misread on a shaded row). */
export const ROUND_MIN = 0.9, ROUND_MAX = 1.2;
/** Its centre moves at most this share of the ring toward the side whose limbus reads further out. */
const CENTRE_SHIFT = 0.25;
/** The disc takes this many texels past the limbus read (the dark limbal ring itself, half way). */
const LIMBUS_PAD = 0.5;
/** On: a hard glance moves the photo's iris as a round disc (off: the darkness matte alone, as before s46). */
export const roundIrisSetting = { on: true };

/** One eye's round iris: centre and radius (texture px) and its matte on the gaze disc's patch (x0, y0, size as IrisDisc's). */
export interface RoundIris { cx: number; cy: number; r: number; matte: Float32Array }

/**
 * The photo's iris disc from the limbus read per side (`sides`: image left, right, px from the mesh's centre, 0 where none
 * was read) round the mesh's centre (cx, cy) with ring radius `ring`; `maxR` the largest radius the white behind covers.
 */
export function roundDisc(cx: number, cy: number, ring: number, sides: readonly [number, number], maxR: number): { cx: number; cy: number; r: number } {
  const [l, r] = sides;
  const seen = l > 0 && r > 0 ? (l + r) / 2 : Math.max(l, r);
  const shift = l > 0 && r > 0 ? Math.max(-CENTRE_SHIFT * ring, Math.min(CENTRE_SHIFT * ring, (r - l) / 2)) : 0;
  const radius = Math.min(maxR, Math.max(ROUND_MIN * ring, Math.min(ROUND_MAX * ring, (seen || ring) + LIMBUS_PAD)));
  return { cx: cx + shift, cy, r: radius };
}

/** How much of a texel at distance d from the disc's centre is inside a disc of radius r (soft over one texel). */
export function roundAlpha(d: number, r: number): number {
  return Math.min(1, Math.max(0, r + 0.5 - d));
}

/**
 * The round iris of one eye on the patch (x0, y0, size): `found` the limbus read (null: the mesh's ring alone), `inside(x, y)`
 * how much of the texel at (x, y) (its centre) lies in the rest opening, `maxR` the largest radius allowed.
 */
export function roundIris(patch: { x0: number; y0: number; size: number }, cx: number, cy: number, ring: number, found: IrisReach | null, maxR: number, inside: (x: number, y: number) => number): RoundIris {
  const disc = roundDisc(cx, cy, ring, found ? found.sides : [0, 0], maxR);
  const { x0, y0, size } = patch, matte = new Float32Array(size * size);
  for (let j = 0; j < size; j++) for (let i = 0; i < size; i++) {
    const x = x0 + i + 0.5, y = y0 + j + 0.5;
    const a = roundAlpha(Math.hypot(x - disc.cx, y - disc.cy), disc.r);
    if (a > 0) matte[j * size + i] = a * inside(x, y);
  }
  return { ...disc, matte };
}
