// The gaze's iris discs, built once per portrait from the eye texture (gazeIris.ts draws them): each eye's
// disc at rest, how far its centre may move toward either corner, the white behind it (a membrane fill,
// scleraBehind.ts), which of its pixels are iris (the matte) and the opening's edge band (the rim).
import { EYE_L_LOOP, EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOOP, EYE_R_LOWER, EYE_R_UPPER } from '../rig/topology.ts';
import { distanceToOutline, insidePolygon } from '../math/polygon.ts';
import { luminance, packedLuminance } from '../math/colour.ts';
import type { TextureSource } from './textureSample.ts';
import { IRIS_CLEAR, rowWhiteBehind } from './scleraBehind.ts';
import type { HiddenIris } from './irisHidden.ts';
import { irisCoreOnPhoto } from './irisCore.ts';
import { colourIrisShare, irisReachOnPhoto, whiteClearance } from './irisReach.ts';
import { bigDiscRadius, bigIrisOf, paintedCircle, paintedMatteSetting } from './bigIris.ts';
import { openReach, pupilRadius, pupilReach, pupilReachSetting, type Opening } from './gazeCorner.ts';
import { solidIris, type SolidIris } from './glanceIris.ts';
import { glanceWhite, glanceWhiteSetting, type GlanceWhite } from './glanceWhite.ts';
import { columnTops } from './scleraBehind.ts';
import { roundIris, roundIrisSetting, type RoundIris } from './roundIris.ts';
import { irisTone, irisToneSetting, type IrisTone } from './irisTone.ts';

const rgbaView = (t: TextureSource) => ({ width: t.width, height: t.height, data: new Uint8ClampedArray(t.data32.buffer, t.data32.byteOffset, t.data32.byteLength) });

/**
 * How far the iris's centre may move, as a share of the eye's half width (x) / half height (y)
 * (tanh-eased): past that the iris would leave the opening. x 0.7 (round eyes10) -> 0.8 (s20): a
 * driver's far look puts the iris's edge in the corner.
 */
const REACH_X = 0.8, REACH_Y = 0.5;
/**
 * Sideways, the iris's centre moves at most this share of the white beside it on that side (from
 * the iris's edge to the eye's corner): a large iris in a narrow eye (Obama's, 0.43 of the half width
 * with 0.9 of a radius of white toward the outer corner) went into the corner where the lids meet
 * and showed as a clipped dark lump beside a grey fill (critic16, audio f4-f22). 0.75 -> 0.95 (s20):
 * a driver looking far aside (lp_d0 f18, f30) has the iris's edge at the corner; at 0.75 ours stopped
 * a quarter of the white short at every look past half way (the tanh's knee).
 */
const REACH_OF_ROOM = 0.95;
/**
 * ...plus this share of the iris's radius: at a far look the iris's edge passes under the corner, as a
 * real one does (lp_d10 f89-93, lp_d0 f36: part of the driver's iris hides in the corner). Stopping the
 * edge at the corner (s20) drew a far look at ~0.5 of the half width on every portrait, where the
 * face mesh reads a driver's far look at 0.45-0.56; the mesh reads our iris short (0.25-0.7 of what is
 * drawn), so the glance came out at a third to two thirds of the driver's (s24, bench/eyeStillRead.ts).
 * Small looks barely change (tanh: gaze 0.25 draws 0.29-0.31 of the half width, 0.28-0.29 before).
 */
const PAST_CORNER = 0.4;
/** ...but always this share of the half width (an iris read over the corner still moves a little). */
const REACH_MIN = 0.15;
/**
 * The disc: the iris radius read on the photo times this, so it takes the limbus's dark ring along;
 * the white fills it at rest. What moves is the disc's iris only (IrisDisc.matte): a disc moving
 * whole carried the light white next to the iris along (a pale crescent trailing it), a disc of the
 * iris ring alone left the limbus behind as a white ring once filled.
 */
const DISC_MARGIN = 1.3;
/** A pixel is all iris when this share darker than the white behind it, none when as light. */
const IRIS_CONTRAST = 0.3;
/** The iris radius is kept within this share of the eye's half width (a misread iris ring). */
const IRIS_MIN = 0.3, IRIS_MAX = 0.65;
/** The disc's edge fades over this many texture px. */
const EDGE_FADE = 1.5;
/**
 * Within this many texture px of the opening's outline (and outside it) the iris shows only
 * 1 - RIM_KEEP over the photo's own pixel (the lid margin): a dark iris drawn up to the skin's
 * unsmoothed triangle edge gave a staircase along the lids.
 */
const RIM_BAND = 1.5, RIM_KEEP = 0.7;
/** Relaxation sweeps of the membrane fill (whiteBehind). */
const MEMBRANE_SWEEPS = 120;

/** One eye: the iris disc at rest (texture px), the reach of its centre, the white under it. */
export interface IrisDisc {
  cx: number; cy: number;
  /** the disc's radius, its edge fade included */
  radius: number;
  /** how far the centre may move (texture px, eased into): toward -x, toward +x, and up or down */
  reach: [number, number, number];
  /** the white behind the disc: a patch of packed RGBA from (x0, y0), `size` px square */
  x0: number; y0: number; size: number;
  white: Uint32Array;
  /** how much of each rest pixel on that patch is iris (moves with the gaze) */
  matte: Float32Array;
  /** how much of the photo's own pixel the opening's edge keeps over the iris: a patch from (rx0, ry0), rw x rh */
  rx0: number; ry0: number; rw: number; rh: number;
  rim: Float32Array;
  /** the iris the photo's lids hide, shown where the shift brings it into the opening (irisHidden.ts) */
  hidden?: HiddenIris | null;
  /** the opening's lid lines at rest (texture px): a side glance keeps the iris's height in it (gazeCorner.ts) */
  opening?: Opening;
  /** how far the eased shift may take the centre toward -x / +x before the opening closes over the iris (texture px) */
  open?: [number, number];
  /** a big painted iris's pupil radius (texture px), which holds `open` back from the corners (gazeCorner.ts pupilReach) */
  pupil?: number;
  /** a faint iris drawn solid at a hard glance (glanceIris.ts) */
  solid?: SolidIris;
  /** the photo's own white shown where a hard glance moved the iris off (glanceWhite.ts) */
  glance?: GlanceWhite | null;
  /** the photo's iris as a round disc, moved whole at a hard glance (roundIris.ts) */
  round?: RoundIris | null;
  /** the round disc's iris in the photo's tone to its rim, and its catchlight (irisTone.ts) */
  tone?: IrisTone | null;
}

/** The disc's opacity at distance d from its centre: 1 inside, 0 past the radius, over EDGE_FADE. */
export function discAlpha(d: number, radius: number): number {
  return d >= radius ? 0 : d <= radius - EDGE_FADE ? 1 : (radius - d) / EDGE_FADE;
}

/**
 * A membrane (Laplace) fill of the disc from the texture around it: it meets the white, the lid's
 * shadow and the corners at every point of the disc's edge. The iris matte is measured against it,
 * and the white shown (scleraBehind.ts rowWhiteBehind) goes over to it at the disc's and the
 * opening's edges; alone it is grey (it takes the lid margin and lashes along).
 */
export function whiteBehind(tex: TextureSource, cx: number, cy: number, radius: number): { x0: number; y0: number; size: number; white: Uint32Array } {
  const x0 = Math.floor(cx - radius) - 1, y0 = Math.floor(cy - radius) - 1;
  const size = Math.ceil(cx + radius) + 2 - x0;
  const rgba = new Float32Array(size * size * 4);
  const free = new Uint8Array(size * size);
  let ring = 0;
  const mean = [0, 0, 0, 0];
  for (let j = 0; j < size; j++) for (let i = 0; i < size; i++) {
    const x = Math.min(tex.width - 1, Math.max(0, x0 + i)), y = Math.min(tex.height - 1, Math.max(0, y0 + j));
    const c = tex.data32[y * tex.width + x]!;
    for (let ch = 0; ch < 4; ch++) rgba[(j * size + i) * 4 + ch] = (c >>> (ch * 8)) & 255;
    const d = Math.hypot(x0 + i + 0.5 - cx, y0 + j + 0.5 - cy);
    const border = i === 0 || j === 0 || i === size - 1 || j === size - 1;
    if (d < radius && !border) free[j * size + i] = 1;
    else if (d < radius + 1.5) { ring++; for (let ch = 0; ch < 4; ch++) mean[ch]! += rgba[(j * size + i) * 4 + ch]!; }
  }
  for (let k = 0; k < size * size; k++) if (free[k]) for (let ch = 0; ch < 4; ch++) rgba[k * 4 + ch] = mean[ch]! / Math.max(1, ring);
  // Gauss-Seidel with over-relaxation: a patch of ~30 px settles well within these sweeps
  for (let sweep = 0; sweep < MEMBRANE_SWEEPS; sweep++) {
    for (let j = 1; j < size - 1; j++) for (let i = 1; i < size - 1; i++) {
      const k = j * size + i;
      if (!free[k]) continue;
      for (let ch = 0; ch < 4; ch++) {
        const o = k * 4 + ch;
        const avg = (rgba[o - 4]! + rgba[o + 4]! + rgba[o - size * 4]! + rgba[o + size * 4]!) / 4;
        rgba[o] = rgba[o]! + 1.8 * (avg - rgba[o]!);
      }
    }
  }
  const white = new Uint32Array(size * size);
  for (let k = 0; k < size * size; k++) {
    let packed = 0;
    for (let ch = 0; ch < 4; ch++) packed |= ((Math.min(255, Math.max(0, rgba[k * 4 + ch]!)) + 0.5) | 0) << (ch * 8);
    white[k] = packed >>> 0;
  }
  return { x0, y0, size, white };
}

/**
 * Both eyes' discs (eye 0 = EYE_L, image right) from the mesh's rest texture positions (landmark i
 * at uv[2i], uv[2i + 1]); the iris is whichever of the two face-mesh irises lies in that opening.
 */
export function irisDiscs(uv: ArrayLike<number>, tex: TextureSource): IrisDisc[] {
  return ([[EYE_L_LOOP, EYE_L_UPPER, EYE_L_LOWER], [EYE_R_LOOP, EYE_R_UPPER, EYE_R_LOWER]] as const).map(([loop, upper, lower]) => {
    const at = (i: number, a: number) => uv[i * 2 + a]!;
    const poly = loop.map((i) => [at(i, 0), at(i, 1)] as [number, number]);
    const halfW = Math.abs(at(upper.at(-1)!, 0) - at(upper[0]!, 0)) / 2;
    const halfH = Math.abs(at(lower[4]!, 1) - at(upper[4]!, 1)) / 2;
    const centre = [468, 473].find((i) => insidePolygon(at(i, 0), at(i, 1), poly));
    // no iris found in this opening: the opening's middle, a typical iris
    const cx = centre === undefined ? poly.reduce((s, p) => s + p[0], 0) / poly.length : at(centre, 0);
    const cy = centre === undefined ? poly.reduce((s, p) => s + p[1], 0) / poly.length : at(centre, 1);
    let ring = 0;
    if (centre !== undefined) for (let k = 1; k <= 4; k++) ring += Math.hypot(at(centre + k, 0) - cx, at(centre + k, 1) - cy) / 4;
    const iris = Math.min(IRIS_MAX * halfW, Math.max(IRIS_MIN * halfW, ring));
    // a big painted iris (bigIris.ts): the disc over its whole rim, its centre's room to the corners from its own reach
    const found = irisReachOnPhoto(tex, poly, cx, cy, iris), painted = bigIrisOf(rgbaView(tex), found, iris);
    const radius = (painted ? bigDiscRadius(painted, DISC_MARGIN * iris, halfW) : DISC_MARGIN * iris) + EDGE_FADE;
    const behind = whiteBehind(tex, cx, cy, radius);
    // the white beside the iris read past a big iris's light rim (irisReach.ts)
    const clear = whiteClearance(found, IRIS_CLEAR * iris);
    const shown = { ...behind, white: rowWhiteBehind(tex, poly, { cx, cy, radius, iris, clear }, behind) };
    // within the core all moves (the catchlight too; irisCore.ts); beyond it, pixels as dark as the iris, and a big
    // iris's light rim by its colour against the white shown (irisReach.ts colourIrisShare)
    const big = clear.some((c) => c > IRIS_CLEAR * iris);
    const matte = irisMatte(tex, behind, cx, cy, irisCoreOnPhoto(tex, poly, cx, cy, iris), radius, poly, big ? shown.white : undefined, painted && paintedMatteSetting.on ? paintedCircle(painted) : undefined);
    const corners = [at(upper[0]!, 0), at(upper.at(-1)!, 0)];
    const sideIris = painted ? painted.sides : [iris, iris];
    const reach: [number, number, number] = [sideReach(cx - Math.min(...corners), sideIris[0]!, halfW), sideReach(Math.max(...corners) - cx, sideIris[1]!, halfW), REACH_Y * halfH];
    // a far look stops where the lids still leave most of the iris's height (gazeCorner.ts)
    const opening: Opening = { upper: upper.map((i) => [at(i, 0), at(i, 1)]), lower: lower.map((i) => [at(i, 0), at(i, 1)]) };
    const open: [number, number] = [openReach(opening, cx, -1, reach[0]), openReach(opening, cx, 1, reach[1])];
    // a big painted iris's pupil stops short of the mesh's corner, where the skin cuts it straight (gazeCorner.ts pupilReach)
    let pupil: number | undefined;
    if (painted && found && pupilReachSetting.on) {
      const lumaAt = (x: number, y: number) => (x < 0 || y < 0 || x >= tex.width || y >= tex.height ? 255 : packedLuminance(tex.data32[y * tex.width + x]!));
      pupil = pupilRadius(lumaAt, painted.cx, painted.cy, painted.r, luminance(found.white[0]!, found.white[1]!, found.white[2]!));
      open[0] = pupilReach(opening, cx, cy, pupil, -1, open[0]); open[1] = pupilReach(opening, cx, cy, pupil, 1, open[1]);
    }
    // a faint iris (its lower part near the white's light) drawn solid at a hard glance (glanceIris.ts)
    // (not a big painted iris: its light rim is its own, bigIris.ts)
    const solid = painted ? undefined : solidIris(tex, behind, cx, cy, iris, (x, y) => openingShare(poly, x, y));
    // the white a hard glance uncovers in the photo's own white's tone and grain (glanceWhite.ts; not a big painted iris: a cartoon white takes no grain)
    const glance = glanceWhiteSetting.on && !painted ? glanceWhite(tex, poly, { cx, cy, radius, iris }, behind, columnTops(poly, behind.x0, behind.size)) : null;
    // a hard glance moves the photo's iris whole, as the round disc its limbus shows (roundIris.ts; not a big painted iris)
    const round = roundIrisSetting.on && !painted ? roundIris(behind, cx, cy, iris, found, radius - EDGE_FADE - 1, (x, y) => openingShare(poly, x, y)) : null;
    const tone = round && irisToneSetting.on ? irisTone(tex, behind, round, (x, y) => openingShare(poly, x, y), radius - EDGE_FADE) : null;
    return { cx, cy, radius, reach, ...shown, matte, ...rimPatch(poly), opening, open, pupil, solid, glance, round, tone };
  });
}

/** How far the iris's centre may move toward a corner `toCorner` px away (iris radius and eye half width in px). */
export function sideReach(toCorner: number, iris: number, halfW: number): number {
  return Math.min(REACH_X * halfW, Math.max(REACH_MIN * halfW, REACH_OF_ROOM * (toCorner - iris) + PAST_CORNER * iris));
}

/**
 * The iris's share of each pixel on the white's patch: 1 within `core` of the centre; out to the
 * disc's edge, by how much darker than the white behind it the pixel is (IRIS_CONTRAST: all); none outside
 * the opening `poly` (given), over 1 px: the eye texture's lid and lash columns there moved down with the iris
 * as a dark vertical streak (lp_s42 at gaze y +1, s18). `byColour` (a big iris, irisReach.ts: the white shown, same
 * patch): a pixel far in colour from it is iris too (a cartoon iris's light blue rim, lp_s7). `within` (a big iris,
 * bigIris.ts): nothing past the painted iris's own circle is iris (lp_s7's red lid line inside the disc, carried into
 * the white as a crease).
 */
export function irisMatte(tex: TextureSource, patch: { x0: number; y0: number; size: number; white: Uint32Array }, cx: number, cy: number, core: number, radius: number, poly?: [number, number][], byColour?: Uint32Array, within?: { cx: number; cy: number; r: number }): Float32Array {
  const { x0, y0, size, white } = patch;
  const matte = new Float32Array(size * size);
  for (let j = 0; j < size; j++) for (let i = 0; i < size; i++) {
    const x = x0 + i, y = y0 + j;
    const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
    const edge = discAlpha(d, radius) * (within ? discAlpha(Math.hypot(x + 0.5 - within.cx, y + 0.5 - within.cy), within.r) : 1);
    if (edge <= 0 || x < 0 || y < 0 || x >= tex.width || y >= tex.height) continue;
    const w = packedLuminance(white[j * size + i]!), p = tex.data32[y * tex.width + x]!, l = packedLuminance(p);
    let dark = w > 0 ? Math.min(1, Math.max(0, (w - l) / (IRIS_CONTRAST * w))) : 1;
    if (byColour) dark = Math.max(dark, colourIrisShare(p, byColour[j * size + i]!));
    matte[j * size + i] = edge * (d <= core ? 1 : dark) * (poly ? openingShare(poly, x + 0.5, y + 0.5) : 1);
  }
  return matte;
}

/** How much of the texel at (x, y) lies inside the opening: 1 from half a px inside the outline, 0 from half a px outside. */
export function openingShare(poly: [number, number][], x: number, y: number): number {
  const d = distanceToOutline(x, y, poly);
  return Math.min(1, Math.max(0, 0.5 + (insidePolygon(x, y, poly) ? d : -d)));
}

/** The opening's edge band (1 on and outside the outline, 0 from RIM_BAND px inside) over the outline's bounding box. */
export function rimPatch(poly: [number, number][]): { rx0: number; ry0: number; rw: number; rh: number; rim: Float32Array } {
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  const rx0 = Math.floor(Math.min(...xs)) - 1, ry0 = Math.floor(Math.min(...ys)) - 1;
  const rw = Math.ceil(Math.max(...xs)) + 2 - rx0, rh = Math.ceil(Math.max(...ys)) + 2 - ry0;
  const rim = new Float32Array(rw * rh);
  for (let j = 0; j < rh; j++) for (let i = 0; i < rw; i++) {
    const x = rx0 + i + 0.5, y = ry0 + j + 0.5;
    rim[j * rw + i] = insidePolygon(x, y, poly) ? Math.max(0, 1 - distanceToOutline(x, y, poly) / RIM_BAND) : 1;
  }
  return { rx0, ry0, rw, rh, rim };
}

/** The opening's edge band at (u, v): how much of the iris shows over the photo's own pixel there. */
export function rimKeep(disc: IrisDisc, u: number, v: number): number {
  const i = Math.floor(u) - disc.rx0, j = Math.floor(v) - disc.ry0;
  return 1 - RIM_KEEP * (i >= 0 && j >= 0 && i < disc.rw && j < disc.rh ? disc.rim[j * disc.rw + i]! : 1);
}
