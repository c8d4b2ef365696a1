// The glancing iris in the photo's own tone (iristone47, critic46 worst #4: "round now but ink-black, no colour, no ring,
// no catchlight"). The round disc (roundIris.ts) moves everything inside the limbus read off the photo; but that read
// sits round the mesh's iris centre, and where the photo's iris is off that centre or small (lp_s10's near eye: the
// white reaches 3.5 px from the centre on the nose side, the disc is 7) the disc carries white and lid shade along, and its
// own pupil + dark inner ring is all that reads as iris: a black ball on the white. Its catchlight moved with it and,
// where the photo's lids cut the iris, the ring's lighter part stayed behind. Here, per eye once, on the disc's patch:
//   - each texel's share of iris: darker than the white behind (as irisDisc's matte), not a catchlight;
//   - the iris's radial profile: per 1 px band from the disc's centre, the per-channel median of the texels that are all
//     iris (pupil, iris colour, limbal ring as the photo paints them; bands with none take their nearest band's);
//   - the catchlight: texels in the inner disc much lighter than their band's median with iris on most sides.
// Per frame (gazeIris.ts, by the round disc's glance share): a moved texel that is not iris in the photo takes the
// profile's colour at its distance from the moved centre (so the disc is an iris to its rim, its catchlight taken out),
// and the catchlight is drawn where the cornea carries it: the photo's spot moved by CATCH_FOLLOW of the iris's shift
// (the cornea's centre of curvature lies about half way from the eye's centre of rotation to the pupil: a corneal
// reflection moves about half as far as the iris), kept on the iris (CATCH_ON), only over the moved iris.
import { packedLuminance } from '../math/colour.ts';
import type { RoundIris } from './roundIris.ts';
import { mixPacked, patchAt } from './gazeIris.ts';

/** A texel is all iris when this share darker than the white behind it (as irisDisc.ts IRIS_CONTRAST), none when as light. */
const IRIS_CONTRAST = 0.3;
/** Texels at least this much iris make the radial profile. */
const PROFILE_FROM = 0.7;
/** A catchlight texel lies within this share of the disc's radius... */
const CATCH_WITHIN = 0.8;
/** ...is lighter than its band's median by this share of the way to the white (all catchlight at CATCH_ALL)... */
const CATCH_FROM = 0.35, CATCH_ALL = 0.6;
/** ...and of its 8 neighbours 2 px away, at least this many are iris (a white gap at the limbus is not a catchlight). */
const CATCH_RING = 5;
/** The catchlight moves this share of the iris's shift (the cornea's reflection)... */
export const CATCH_FOLLOW = 0.5;
/** ...its centroid kept within this share of the iris's radius from the moved centre. */
export const CATCH_ON = 0.55;
/** On: a glancing iris takes the photo's iris tone to its rim and keeps a catchlight (off: the round disc as s46). */
export const irisToneSetting = { on: true };

/** One eye's iris tone on the disc's patch (x0, y0, size as IrisDisc's). */
export interface IrisTone {
  /** the round disc's centre (texture px) */
  cx: number; cy: number;
  /** per 1 px band from the centre, the iris's colour (packed RGBA, band k at distance k + 0.5) */
  profile: Uint32Array;
  /** how much of each texel is the photo's own iris (0: white, lid shade's light or catchlight: the profile's colour) */
  iris: Float32Array;
  /** the catchlight: how much of each texel, and its colour */
  catchA: Float32Array; catchC: Uint32Array;
  /** how many texels are catchlight (sum of catchA), their centroid's offset from the centre, and the disc's radius */
  catchSum: number; catchX: number; catchY: number; r: number;
  /** the photo's iris reaches this far (its profile's limbus, r..maxR): past r the moved iris is the profile's ring */
  reach: number;
}


/** How much a texel of luma l over a white of luma w is iris: 1 when IRIS_CONTRAST darker, 0 when as light. */
export function irisShareOf(l: number, w: number): number {
  return w > 0 ? Math.min(1, Math.max(0, (w - l) / (IRIS_CONTRAST * w))) : 1;
}

/** The per-channel median of packed colours (0 when none). */
export function medianColour(cs: number[]): number {
  if (!cs.length) return 0;
  let out = 0xff000000;
  for (let sh = 0; sh < 24; sh += 8) {
    const v = cs.map((c) => (c >>> sh) & 255).sort((a, b) => a - b);
    out |= v[v.length >> 1]! << sh;
  }
  return out >>> 0;
}

/** Bands with no colour (0) take the nearest band's that has one, inner first on a tie. */
export function fillBands(bands: Uint32Array): Uint32Array {
  const out = bands.slice();
  for (let k = 0; k < bands.length; k++) {
    if (bands[k]) continue;
    for (let d = 1; d < bands.length; d++) {
      if (k - d >= 0 && bands[k - d]) { out[k] = bands[k - d]!; break; }
      if (k + d < bands.length && bands[k + d]) { out[k] = bands[k + d]!; break; }
    }
  }
  return out;
}

/** The profile's limbus is where a band's mean luma comes this share of the way from the iris's darkest band to the white's. */
const LIMBUS_AT = 0.75;

/**
 * How far the photo's iris reaches: the first band past the pupil whose mean luma (`bandLum`, NaN: no texel) comes
 * LIMBUS_AT of the way from the darkest of the inner bands to the lightest band's (`whiteLum`), kept within [r, maxR]. lp_s10's
 * near eye: the painted iris's grey-blue outer ring reaches 10 px on a round disc of 7 (its nose side is white at 3.5).
 */
export function profileLimbus(bandLum: readonly number[], whiteLum: number, r: number, maxR: number): number {
  const inner = bandLum.slice(0, Math.max(1, Math.floor(r / 2))).filter((l) => !Number.isNaN(l));
  if (!inner.length || !(maxR > r)) return r;
  const dark = Math.min(...inner), cut = dark + LIMBUS_AT * (whiteLum - dark);
  for (let k = 1; k < bandLum.length; k++) if (bandLum[k]! >= cut) return Math.min(maxR, Math.max(r, k));
  return maxR;
}

/** The profile's colour at distance d from the centre (linear between band middles), packed. */
export function profileAt(profile: Uint32Array, d: number): number {
  const f = Math.min(profile.length - 1, Math.max(0, d - 0.5)), k = Math.floor(f), t = f - k;
  const a = profile[k]!, b = profile[Math.min(profile.length - 1, k + 1)]!;
  let out = 0xff000000;
  for (let sh = 0; sh < 24; sh += 8) { const x = (a >>> sh) & 255, y = (b >>> sh) & 255; out |= ((x + t * (y - x) + 0.5) | 0) << sh; }
  return out >>> 0;
}

/**
 * One eye's iris tone: `tex` the eye texture, `patch` the disc's white-behind patch, `round` its round disc,
 * `inside(x, y)` how much of the texel at (x, y) (centre) lies in the rest opening. Null when no texel of the disc is iris.
 */
export function irisTone(tex: { width: number; height: number; data32: Uint32Array }, patch: { x0: number; y0: number; size: number; white: Uint32Array }, round: RoundIris, inside: (x: number, y: number) => number, maxR = round.r): IrisTone | null {
  const { x0, y0, size, white } = patch, { cx, cy, r } = round;
  const n = Math.ceil(Math.max(r, maxR)) + 1, iris = new Float32Array(size * size), catchA = new Float32Array(size * size), catchC = new Uint32Array(size * size);
  const px = (i: number, j: number) => { const x = Math.min(tex.width - 1, Math.max(0, x0 + i)), y = Math.min(tex.height - 1, Math.max(0, y0 + j)); return tex.data32[y * tex.width + x]!; };
  const dist = (i: number, j: number) => Math.hypot(x0 + i + 0.5 - cx, y0 + j + 0.5 - cy);
  const open = (i: number, j: number) => inside(x0 + i + 0.5, y0 + j + 0.5) >= 0.5;
  for (let j = 0; j < size; j++) for (let i = 0; i < size; i++) iris[j * size + i] = irisShareOf(packedLuminance(px(i, j)), packedLuminance(white[j * size + i]!));
  const bands: number[][] = Array.from({ length: n }, () => []), lum = new Float64Array(n), cnt = new Float64Array(n);
  for (let j = 0; j < size; j++) for (let i = 0; i < size; i++) {
    const k = Math.floor(dist(i, j));
    if (k >= n || !open(i, j)) continue;
    lum[k] += packedLuminance(px(i, j)); cnt[k]++;
    if (iris[j * size + i]! >= PROFILE_FROM) bands[k]!.push(px(i, j));
  }
  if (!bands.some((b) => b.length)) return null;
  const bandLum = Array.from(lum, (l, k) => (cnt[k]! > 2 ? l / cnt[k]! : NaN));
  const reach = profileLimbus(bandLum, Math.max(...bandLum.filter((l) => !Number.isNaN(l))), r, maxR);
  const profile = fillBands(Uint32Array.from(bands, medianColour));
  // the catchlight: lighter than its band's iris, iris round it
  let catchSum = 0, catchX = 0, catchY = 0;
  const at = (i: number, j: number) => (i >= 0 && j >= 0 && i < size && j < size ? iris[j * size + i]! : 0);
  for (let j = 0; j < size; j++) for (let i = 0; i < size; i++) {
    const d = dist(i, j);
    if (d > CATCH_WITHIN * r || !open(i, j)) continue;
    const l = packedLuminance(px(i, j)), base = packedLuminance(profileAt(profile, d)), w = packedLuminance(white[j * size + i]!);
    if (w <= base) continue;
    const lift = (l - base) / (w - base);
    if (lift < CATCH_FROM) continue;
    let ring = 0;
    for (const [di, dj] of [[-2, 0], [2, 0], [0, -2], [0, 2], [-2, -2], [2, -2], [-2, 2], [2, 2]] as const) if (at(i + di, j + dj) >= PROFILE_FROM) ring++;
    if (ring < CATCH_RING) continue;
    const a = Math.min(1, (lift - CATCH_FROM) / (CATCH_ALL - CATCH_FROM) + 0.25);
    catchA[j * size + i] = a; catchC[j * size + i] = px(i, j); catchSum += a;
    catchX += a * (x0 + i + 0.5 - cx); catchY += a * (y0 + j + 0.5 - cy);
    iris[j * size + i] = 0;
  }
  return { cx, cy, profile, iris, catchA, catchC, catchSum, catchX: catchSum > 0 ? catchX / catchSum : 0, catchY: catchSum > 0 ? catchY / catchSum : 0, r, reach };
}

/** A patch's packed colour at patch coordinates (x, y), nearest texel; 0 outside. */
function colourAt(c: Uint32Array, size: number, x: number, y: number): number {
  const i = Math.floor(x), j = Math.floor(y);
  return i >= 0 && j >= 0 && i < size && j < size ? c[j * size + i]! : 0;
}

/**
 * The moved iris's colour at the moved texel whose source (photo) point is (su, sv): the photo's `iris` sample where the
 * photo has iris there, else the profile's colour at its distance from the centre, by `share` (the glance's); past the
 * round disc, the profile's ring alone (the photo's texel there may be lid shade or lashes).
 */
export function tonedIris(tone: IrisTone, patch: { x0: number; y0: number; size: number }, iris: number, su: number, sv: number, share: number): number {
  const d = Math.hypot(su - tone.cx, sv - tone.cy);
  const own = d > tone.r + 0.5 ? 0 : patchAt(tone.iris, patch.size, su - patch.x0, sv - patch.y0);
  return own >= 1 ? iris : mixPacked(iris, profileAt(tone.profile, d), share * (1 - own));
}

/** The moved iris's cover `over` at source point (su, sv) with the ring past the round disc out to the photo's reach, by `share`. */
export function toneOver(tone: IrisTone, over: number, su: number, sv: number, share: number): number {
  if (!(tone.reach > tone.r)) return over;
  const d = Math.hypot(su - tone.cx, sv - tone.cy);
  return d <= tone.r - 0.5 ? over : Math.max(over, share * Math.min(1, Math.max(0, tone.reach + 0.5 - d)));
}

/**
 * How far the catchlight moves at an iris shift (sx, sy): CATCH_FOLLOW of it, but its centroid kept within CATCH_ON of the
 * moved iris's radius from the moved centre (a hard glance moves the iris more than its radius: at half the shift the
 * reflection would sit on the white, where it does not show, and the iris would go without one).
 */
export function catchShift(tone: Pick<IrisTone, 'catchX' | 'catchY' | 'r'>, sx: number, sy: number): [number, number] {
  // the centroid's offset from the moved centre at CATCH_FOLLOW, pulled in to CATCH_ON r
  let ox = tone.catchX - (1 - CATCH_FOLLOW) * sx, oy = tone.catchY - (1 - CATCH_FOLLOW) * sy;
  const len = Math.hypot(ox, oy), max = CATCH_ON * tone.r;
  if (len > max) { ox *= max / len; oy *= max / len; }
  return [sx + ox - tone.catchX, sy + oy - tone.catchY];
}

/** The eye's colour `out` at (u, v) with the catchlight the cornea carries (CATCH_FOLLOW of the shift) over the moved iris `over`. */
export function withCatchlight(out: number, tone: IrisTone, patch: { x0: number; y0: number; size: number }, u: number, v: number, sx: number, sy: number, over: number, share: number): number {
  if (!(tone.catchSum > 0) || !(over > 0)) return out;
  const [dx, dy] = catchShift(tone, sx, sy);
  const x = u - dx - patch.x0, y = v - dy - patch.y0;
  const a = patchAt(tone.catchA, patch.size, x, y);
  if (!(a > 0)) return out;
  const c = colourAt(tone.catchC, patch.size, x, y);
  return c ? mixPacked(out, c, Math.min(1, share * a * over)) : out;
}
