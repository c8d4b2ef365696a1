// Wide eyes: the eyeball's texture under a raised upper lid. eyeWide lifts the lid's mesh (rig basis),
// uncovering the eyeball's texture above the photo's opening, which the photo never showed. Per frame,
// in the renderer's own copy of the eye texture, each column of the opening from just above the raised
// lid down to where the photo's lid shadow ends is drawn from wideEyeModel.ts: the whole iris (at the
// gaze's shift) over the photo's white, darkened by the photo's lid shadow at its depth below the
// raised lid. A real lid going up takes its shadow with it and uncovers white and the iris's top.
// `raisedShare` tells the gaze shader (gazeIris.ts) where this drawing replaces its own. At rest (no
// eyeWide over the photo's) the copy is the eye texture, unchanged.
import { CONTROL_INDEX } from '../rig/controls.ts';
import { EYE_L_LOOP, EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOOP, EYE_R_LOWER, EYE_R_UPPER } from '../rig/topology.ts';
import { WIDE_LIFT_RENDERED } from '../rig/basis.ts';
import { insidePolygon } from '../math/polygon.ts';
import { raisedEye, type RaisedEye } from './wideEyeModel.ts';
import { irisTopColourAt, irisTopShare } from './wideIrisTop.ts';
import { coverRaisedLidEdge, drawLashLine, photoLashLine, type LashLine } from './raisedLidEdge.ts';
import type { RasterTarget } from './raster.ts';
import { lashTopPx, loweredLashStrength } from './loweredLidLash.ts';
import { pairedLashStrengths } from './lashPair.ts';
import { loweredLashLines } from './loweredLashPair.ts';
import { smoothLidLine } from './smoothLidLine.ts';
import { raisedLashWidth } from './raisedLash.ts';
import { bigIrisForEye } from './bigIris.ts';
import { luminance } from '../math/colour.ts';
import { cheekLuma, gainShare, stareWhiteGain, thinnedShade, thinShareOf } from './stareWhite.ts';
import { grainAt, lidBandShade, whiteGrainField } from './whiteGrain.ts';
import { MAX_RAISE } from './raiseCap.ts';

/** The drawing goes over to the photo over this many px below the end of the photo's lid shadow. */
const BLEND_ROWS = 2;
/** Lifts under this many px go over from the photo's pixels to the drawing (no jump at the first frames of a raise). */
const FADE_IN_PX = 1.5;
/** Rows drawn above the raised lid's line (in its shadow): the lid's edge is a mesh edge, a little off the texture's line. */
const ABOVE_LID = 2;
/**
 * What the photo never showed (above its lid line) is this much darker at the raised lid, none at the
 * photo's line: the eyeball's top turns away from the light and stays under the brow's shade (a flat,
 * fully lit white there read as a pale ring pasted around the iris, lp_s1).
 */
const UNCOVERED_DIM = 0.15;
/** The eyeball's pixels are at most this share of the nearest-lying lid point's 1/z (set back, depth-biased by 0.99: as closedEye/overlay.ts). */
const EYEBALL_BELOW = 0.995;
/** The lid's pixels are at most this share over its nearest landmark's 1/z (a nose in front of a turned eye is not drawn on). */
const LID_NEAR = 1.02;
/** Rows over the photo's lower lid line where a dropped lower lid's drawing (the iris's hidden bottom) fades in. */
const LOWER_ROWS = 2;
/** The white a dropped lower lid uncovers is this much of its light (the lower lid's own soft shade on the eyeball). */
const LOWER_SHADE = 0.92;
/** The iris's edge is antialiased over this many px. */
const EDGE_PX = 1;
/**
 * s48 (widegain48): the iris a raised lid uncovers is drawn at most this share of the face mesh's ring. The model's
 * disc reads the photo's dark across the centre row (up to 1.25x the ring), and on a dim, lash-shaded eye that is the
 * shade beside the iris (st_happy 1.25x): the uncovered top drew a disc filling the raised opening lid to lid.
 */
export const raisedIrisSetting = { ofRing: 1.08 };
// (1.08: mt_man's and lp_s42's discs read 1.05-1.14x their ring; Infinity draws the model's disc, as before s48)

interface Eye {
  /** which eye (0 = EYE_L, as gazeIris.ts and `openings`) */
  side: number;
  control: number;
  model: RaisedEye;
  /** per column (as model.columns): how far up the lid line goes per unit of eyeWide over the photo's (texture px) */
  lifts: Float64Array;
  /** per column: how far down the lower lid goes per unit of eyeWide (texture px; rig/basis/staringLowerLid.ts) */
  drops: Float64Array;
  /** the patch this eye may write: x0..x1, y0..y1 inclusive (texture px) */
  x0: number; x1: number; y0: number; y1: number;
  /** per patch pixel: how much of it is this drawing (0 = the photo's, or the gaze shader's) */
  share: Float32Array;
  amount: number; sx: number; sy: number;
  /** the photo's lash line along this lid (raisedLidEdge.ts), and the texture distance between the eye's corners */
  lash: LashLine | null; cornersTex: number;
  /** the lash line the lowering lid draws: `lash`, else the other eye's (loweredLashPair.ts) */
  lowLash: LashLine | null;
  /** the drawn iris's radius (texture px): the model's, at most RAISED_IRIS_OF_RING of the face mesh's ring */
  drawR: number;
  /** the gain a stare takes its uncovered white up by (stareWhite.ts), 1 none */
  whiteGain: number;
  /** per column: the photo's white's grain down its rows (whiteGrain.ts), null without white */
  grain: Float32Array[] | null;
  /** the iris's diameter (texture px) the lid band is measured by (whiteGrain.ts) */
  irisD: number;
}

const EYES = [
  { control: CONTROL_INDEX.eyeWideLeft, loop: EYE_L_LOOP, upper: EYE_L_UPPER, lower: EYE_L_LOWER },
  { control: CONTROL_INDEX.eyeWideRight, loop: EYE_R_LOOP, upper: EYE_R_UPPER, lower: EYE_R_LOWER },
];

export class WideEyes {
  /** the working eye texture (RGBA): the avatar's eye texture with the raised lids' eye drawn in */
  readonly data: Uint8ClampedArray;
  private readonly rest: Uint8ClampedArray;
  private readonly tex: { width: number; height: number; data: Uint8ClampedArray };
  private readonly eyes: Eye[] = [];
  /** each side's eye (0 = EYE_L), undefined where its opening has no columns: `eyes` skips it, so its index is not the side */
  private readonly bySide: (Eye | undefined)[] = [undefined, undefined];
  /** per eye (0 = EYE_L, as gazeIris.ts): the photo's eye model and its opening (texture px), null without columns */
  readonly openings: ({ model: RaisedEye; poly: [number, number][] } | null)[] = [];
  private readonly colour = new Float64Array(4);

  /**
   * `lidLift(control, i)`: how far landmark i rises in the texture (px, up positive) per unit of that
   * control, as the avatar's rig moves it (renderer.ts); without it, WIDE_LIFT_RENDERED of each column's opening.
   * `photo`: the photo's skin texture (same frame), where the lash line is read (the eye texture is eyeball above the lid line).
   */
  constructor(eyeTexture: { width: number; height: number; data: Uint8ClampedArray }, landmarkXY: (i: number) => [number, number], lidLift?: (control: number, i: number) => number, photo?: { width: number; height: number; data: Uint8ClampedArray }) {
    this.rest = eyeTexture.data;
    this.data = new Uint8ClampedArray(eyeTexture.data);
    this.tex = eyeTexture;
    for (const [side, eye] of EYES.entries()) {
      const poly = eye.loop.map(landmarkXY);
      // whichever face-mesh iris lies in this opening
      const centre = [468, 473].find((i) => insidePolygon(...landmarkXY(i), poly));
      const iris = centre === undefined ? null : { centre: landmarkXY(centre), rim: [1, 2, 3, 4].map((k) => landmarkXY(centre + k)) };
      const big = iris && bigIrisForEye(eyeTexture, poly, iris, eye.upper.map(landmarkXY));
      const model = raisedEye(eyeTexture, poly, iris, big);
      const cols = model.columns;
      this.openings.push(cols.length ? { model, poly } : null);
      if (!cols.length) continue;
      const lifts = Float64Array.from(cols, (c) => (lidLift ? lineLift(eye.upper.map(landmarkXY), eye.upper.map((i) => lidLift(eye.control, i)), c.x + 0.5) : WIDE_LIFT_RENDERED * (c.bottom - c.top)));
      const drops = Float64Array.from(cols, (c) => (lidLift ? Math.max(0, -lineLift(eye.lower.map(landmarkXY), eye.lower.map((i) => lidLift(eye.control, i)), c.x + 0.5)) : 0));
      const maxLift = Math.max(0, ...lifts);
      const x0 = cols[0]!.x, x1 = cols.at(-1)!.x;
      const y0 = Math.max(0, Math.floor(Math.min(...cols.map((c) => c.top)) - MAX_RAISE * maxLift) - ABOVE_LID - 1);
      const y1 = Math.min(eyeTexture.height - 1, Math.ceil(Math.max(Math.max(...cols.map((c) => c.top)) + model.shadow.length + BLEND_ROWS, ...cols.map((c, k) => c.bottom + MAX_RAISE * drops[k]! + LOWER_ROWS + 1))));
      const [ca, cb] = [landmarkXY(eye.upper[0]!), landmarkXY(eye.upper.at(-1)!)];
      const lash = photo ? photoLashLine(photo, cols, model.iris) : null, cornersTex = Math.hypot(cb[0] - ca[0], cb[1] - ca[1]);
      const ring = iris ? iris.rim.reduce((t, p) => t + Math.hypot(p[0] - iris.centre[0], p[1] - iris.centre[1]), 0) / iris.rim.length : Infinity;
      // (a big painted iris, bigIris.ts, is drawn at its painted size: larger than the mesh's ring on purpose)
      const drawR = model.iris ? (big ? model.iris.r : Math.min(model.iris.r, Math.max(0, raisedIrisSetting.ofRing) * ring)) : 0;
      // the white a stare uncovers lit to the under-eye skin's light at least (stareWhite.ts)
      const cy = model.iris?.cy ?? cols.reduce((t, c) => t + (c.top + c.bottom) / 2, 0) / cols.length;
      const whiteGain = stareWhiteGain(model.whites, photo ? cheekLuma(photo, cols, cy) : NaN);
      const drawn: Eye = { side, control: eye.control, model, lifts, drops, x0, x1, y0, y1, share: new Float32Array((x1 - x0 + 1) * (y1 - y0 + 1)), amount: 0, sx: 0, sy: 0, lash, cornersTex, lowLash: lash, drawR, whiteGain,
        grain: whiteGrainField(eyeTexture, cols, model.iris, model.shadowEnd), irisD: 2 * (model.iris?.r ?? cols.reduce((t, c) => t + c.bottom - c.top, 0) / cols.length / 2) };
      this.eyes.push(drawn);
      this.bySide[side] = drawn;
    }
    const low = loweredLashLines([this.bySide[0]?.lash ?? null, this.bySide[1]?.lash ?? null]);
    for (const e of this.eyes) e.lowLash = low[e.side]!;
  }

  /**
   * Draws each eye for this frame's eyeWide (above the photo's own) and each iris's gaze shift
   * (texture px, eye 0 = EYE_L as in gazeIris.ts); cheap when nothing changed.
   */
  update(weights: ArrayLike<number>, photoWeights: ArrayLike<number>, shifts: [number, number][] = [[0, 0], [0, 0]]): void {
    this.eyes.forEach((eye) => {
      const pw = photoWeights[eye.control]!;
      const amount = Math.min(MAX_RAISE, Math.max(0, weights[eye.control]! - pw));
      const [sx, sy] = amount > 0 ? shifts[eye.side] ?? [0, 0] : [0, 0];
      if (Math.abs(amount - eye.amount) < 1e-3 && Math.abs(sx - eye.sx) < 1e-3 && Math.abs(sy - eye.sy) < 1e-3) return;
      this.restore(eye);
      eye.amount = amount; eye.sx = sx; eye.sy = sy;
      if (amount > 0) this.draw(eye);
    });
  }

  /** How much of texel (u, v) of eye e is the raised lid's drawing (0 where the gaze shader draws as before). */
  raisedShare(e: number, u: number, v: number): number {
    const eye = this.bySide[e];
    if (!eye || eye.amount === 0) return 0;
    const x = Math.floor(u), y = Math.floor(v);
    if (x < eye.x0 || x > eye.x1 || y < eye.y0 || y > eye.y1) return 0;
    return eye.share[(y - eye.y0) * (eye.x1 - eye.x0 + 1) + x - eye.x0]!;
  }

  /**
   * The raised lids' edges on screen covered by share of pixel (raisedLidEdge.ts), after the raster; `skip`
   * per side 0..1 where the closing slit's own cover (slitEdge.ts) already runs. sx/sy/siz: landmarks on screen, 1/z.
   */
  coverLidEdges(target: RasterTarget, sx: ArrayLike<number>, sy: ArrayLike<number>, siz: ArrayLike<number>, skip: readonly [number, number]): void {
    for (const eye of this.eyes) {
      if (eye.amount === 0) continue;
      const { loop, upper, lower } = EYES[eye.side]!;
      const strength = Math.min(1, (eye.amount * Math.max(0, ...eye.lifts)) / FADE_IN_PX) * (1 - skip[eye.side]!);
      let lidIz = Infinity, nearIz = 0;
      for (const i of loop) { lidIz = Math.min(lidIz, siz[i]!); nearIz = Math.max(nearIz, siz[i]!); }
      const xs = upper.map((i) => sx[i]!), ys = upper.map((i) => sy[i]!);
      coverRaisedLidEdge(target, xs, ys, EYEBALL_BELOW * lidIz, strength);
      // the dropped lower lid's edge over the drawn iris and white likewise (arch41)
      const drop = Math.min(1, (eye.amount * Math.max(0, ...eye.drops)) / FADE_IN_PX) * (1 - skip[eye.side]!);
      if (drop > 0) coverRaisedLidEdge(target, lower.map((i) => sx[i]!), lower.map((i) => sy[i]!), EYEBALL_BELOW * lidIz, drop, true);
      // the photo's lash line, smooth, over the edge: along one smooth curve through the lid points (smoothLidLine.ts)
      const line = smoothLidLine(xs, ys);
      this.drawPhotoLash(target, eye, line.xs, line.ys, nearIz, strength, raisedLashWidth(eye.amount));
    }
  }

  /** The eye's photo lash line along the lid points xs, ys on screen (texture px to screen px by the corners' distance); none without a lash read. */
  private drawPhotoLash(target: RasterTarget, eye: Eye, xs: number[], ys: number[], nearIz: number, strength: number, width = 1, lash: LashLine | null = eye.lash): void {
    const l = lash;
    if (!l) return;
    const scale = (width * Math.hypot(xs.at(-1)! - xs[0]!, ys.at(-1)! - ys[0]!)) / Math.max(1, eye.cornersTex);
    const colour = (l.colour[0]! | (l.colour[1]! << 8) | (l.colour[2]! << 16) | (255 << 24)) >>> 0;
    drawLashLine(target, xs, ys, l, colour, scale, nearIz * LID_NEAR, strength);
  }

  /** Per side (0 = EYE_L): how far its raised lid is up this frame over the photo's (texture px, its largest column; raisedWhite.ts). */
  liftPx(): [number, number] {
    const up = (e: Eye | undefined) => (e ? e.amount * Math.max(0, ...e.lifts) : 0);
    return [up(this.bySide[0]), up(this.bySide[1])];
  }

  /** Per side (0 = EYE_L): how far above its lid line the photo's lash line reaches (texture px; loweredLidLash.ts). */
  lashTops(): [number, number] {
    return [lashTopPx(this.bySide[0]?.lowLash ?? null), lashTopPx(this.bySide[1]?.lowLash ?? null)];
  }

  /**
   * The photo's lash line along each lowering upper lid on screen (loweredLidLash.ts), after the shut eyes:
   * `closure` / `shutLid` per side (0 = EYE_L): the blink's completion and how much of the shut eye's lid shows.
   */
  drawLoweredLashes(target: RasterTarget, sx: ArrayLike<number>, sy: ArrayLike<number>, siz: ArrayLike<number>, closure: readonly [number, number], shutLid: readonly [number, number]): void {
    // a shut eye's line as strong as the other closing eye's (lashPair.ts)
    const paired = pairedLashStrengths([loweredLashStrength(closure[0], shutLid[0]), loweredLashStrength(closure[1], shutLid[1])], closure, shutLid);
    for (const eye of this.eyes) {
      const strength = paired[eye.side]!;
      if (strength <= 0 || !eye.lowLash) continue;
      const { loop, upper } = EYES[eye.side]!;
      let nearIz = 0;
      for (const i of loop) nearIz = Math.max(nearIz, siz[i]!);
      this.drawPhotoLash(target, eye, upper.map((i) => sx[i]!), upper.map((i) => sy[i]!), nearIz, strength, 1, eye.lowLash);
    }
  }

  private restore(eye: Eye): void {
    const w = this.tex.width;
    for (let y = eye.y0; y <= eye.y1; y++) {
      const o = (y * w + eye.x0) * 4, n = (eye.x1 - eye.x0 + 1) * 4;
      this.data.set(this.rest.subarray(o, o + n), o);
    }
    eye.share.fill(0);
  }

  /** Each column from ABOVE_LID px over the raised lid line down to the end of the lid's shadow under the photo's lid. */
  private draw(eye: Eye): void {
    const { model, amount } = eye;
    const w = this.tex.width, pw = eye.x1 - eye.x0 + 1;
    const shadow = model.shadow;
    for (const [k, c] of model.columns.entries()) {
      const lift = Math.max(0, amount * eye.lifts[k]!);
      const fade = Math.min(1, lift / FADE_IN_PX);
      const lid = c.top - lift;
      const end = Math.min(c.bottom, c.top + Math.max(2, model.shadowEnd));
      // over the iris the drawing goes on to the (shifted) iris's centre row (wideIrisTop.ts)
      const irisEnd = model.iris ? Math.min(c.bottom, model.iris.cy + eye.sy) : -Infinity;
      for (let y = Math.max(eye.y0, Math.floor(lid) - ABOVE_LID); y <= Math.min(eye.y1, Math.ceil(Math.max(end + BLEND_ROWS, irisEnd))); y++) {
        const t = y + 0.5 - lid;
        // the photo's darkness at this depth below the lid, as the photo shows it (a smoothstep over the
        // whole shadow's depth held the lash line's darkness 3x deeper than the photo: a heavy dark rim),
        // counted from ABOVE_LID over the estimated lid: where the mesh's lid rose past the estimate (lp_s12: 2 px) the
        // rows above it show, and at the lash's darkness they drew a grey band under the lid; where it did not they are hidden
        const lidShade = thinnedShade(shadeAt(shadow, t + ABOVE_LID), amount, thinShareOf(eye.whiteGain));
        // on a lit eye whose carried shade is thinned, a real open eye's shade under the lashes instead (whiteGrain.ts lidBandShade)
        const s = Math.min(lidShade, lidBandShade(t, eye.irisD, thinShareOf(eye.whiteGain))) * (1 - UNCOVERED_DIM * Math.min(1, Math.max(0, (c.top - (y + 0.5)) / Math.max(1, lift))));
        // the photo's own pixel again over BLEND_ROWS past the end of its shadow
        const below = Math.min(1, Math.max(0, (end + BLEND_ROWS - (y + 0.5)) / BLEND_ROWS));
        const gain = 1 + (eye.whiteGain - 1) * gainShare(y + 0.5, c.top, end + BLEND_ROWS, amount);
        const grain = grainAt(eye.grain, k, y - Math.floor(lid) + ABOVE_LID);
        const alpha = below < 1 && y + 0.5 < irisEnd ? this.eyeAt(eye, c.x, y, gain, grain) : -1;
        const share = fade * Math.max(below, irisTopShare(y + 0.5, irisEnd, Math.max(0, alpha)));
        if (share <= 0) continue;
        if (alpha < 0) this.eyeAt(eye, c.x, y, gain, grain);
        const o = (y * w + c.x) * 4;
        for (let ch = 0; ch < 4; ch++) {
          const v = ch < 3 ? this.colour[ch]! * s : this.colour[ch]!;
          this.data[o + ch] = share * v + (1 - share) * this.rest[o + ch]!;
        }
        eye.share[(y - eye.y0) * pw + c.x - eye.x0] = share;
      }
      // a dropped lower lid uncovers the eyeball under the photo's lower lid line: the iris's bottom and white (arch41)
      const drop = amount * eye.drops[k]!;
      if (drop <= 0) continue;
      const dFade = Math.min(1, drop / FADE_IN_PX);
      for (let y = Math.max(eye.y0, Math.floor(c.bottom) - LOWER_ROWS); y <= Math.min(eye.y1, Math.ceil(c.bottom + drop)); y++) {
        if (eye.share[(y - eye.y0) * pw + c.x - eye.x0]! > 0) continue;
        // inside the photo's opening only the iris is completed (its bottom the photo's lid hid), under it everything
        const inside = y + 0.5 < c.bottom;
        const alpha = this.eyeAt(eye, c.x, y);
        const share = dFade * (inside ? alpha * Math.min(1, (y + 0.5 - (c.bottom - LOWER_ROWS)) / LOWER_ROWS) : 1);
        if (share <= 0) continue;
        const o = (y * w + c.x) * 4;
        for (let ch = 0; ch < 4; ch++) {
          const v = ch < 3 ? this.colour[ch]! * LOWER_SHADE : this.colour[ch]!;
          this.data[o + ch] = share * v + (1 - share) * this.rest[o + ch]!;
        }
        eye.share[(y - eye.y0) * pw + c.x - eye.x0] = share;
      }
    }
  }

  /** The uncovered eye at texel (x, y), unshadowed, into this.colour: the iris (at its gaze shift) over the side's white (lit by `gain` of its light, stareWhite.ts); returns the iris's alpha. */
  private eyeAt(eye: Eye, x: number, y: number, gain = 1, grain = 0): number {
    const { model } = eye, out = this.colour;
    const disc = model.iris;
    const dx = disc ? x + 0.5 - disc.cx - eye.sx : 0, dy = disc ? y + 0.5 - disc.cy - eye.sy : 0;
    const white = model.whites[Math.min(model.whites.length - 1, Math.max(0, x - model.columns[0]!.x))]!;
    // the gain's light added alike to R, G, B (a pink corner lit, not reddened)
    // and the photo's white's own grain, lit alike (whiteGrain.ts)
    const add = (gain > 1 ? (gain - 1) * luminance(white[0]!, white[1]!, white[2]!) : 0) + gain * grain;
    // the white's channel: (ch < 3 ? clamped white + add : white), spelt out in both loops (no closure made per call)
    const a = disc ? Math.min(1, Math.max(0, (eye.drawR - Math.hypot(dx, dy)) / EDGE_PX + 0.5)) : 0;
    if (a <= 0) {
      for (let ch = 0; ch < 4; ch++) out[ch] = ch < 3 ? Math.min(255, Math.max(0, white[ch]! + add)) : white[ch]!;
      return 0;
    }
    irisTopColourAt(this.tex, model, dx, dy, out);
    for (let ch = 0; ch < 4; ch++) out[ch] = a * out[ch]! + (1 - a) * (ch < 3 ? Math.min(255, Math.max(0, white[ch]! + add)) : white[ch]!);
    return a;
  }
}

/** The lid line's lift at x: linear between the lid landmarks' (`points`, corner to corner) lifts. */
export function lineLift(points: [number, number][], lifts: number[], x: number): number {
  const order = points.map((_, q) => q).sort((a, b) => points[a]![0] - points[b]![0]);
  for (let k = 0; k + 1 < order.length; k++) {
    const a = order[k]!, b = order[k + 1]!, xa = points[a]![0], xb = points[b]![0];
    if (x >= xa && x <= xb) return xb > xa ? lifts[a]! + ((x - xa) / (xb - xa)) * (lifts[b]! - lifts[a]!) : lifts[a]!;
  }
  return x < points[order[0]!]![0] ? lifts[order[0]!]! : lifts[order.at(-1)!]!;
}

/** The lid's shadow at depth t (px) below the lid line: the profile linearly between its whole-px depths (no steps), its first value above the line, 1 past its end. */
export function shadeAt(shadow: ArrayLike<number>, t: number): number {
  if (t <= 0) return shadow[0]!;
  const k = Math.floor(t);
  if (k >= shadow.length - 1) return shadow[shadow.length - 1]!;
  return shadow[k]! + (t - k) * (shadow[k + 1]! - shadow[k]!);
}
