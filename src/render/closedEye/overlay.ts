// A real shut eye over a closing lid. The mesh lid slides down (eyes.ts), but stretched lid skin
// with a drawn lash line does not read as a shut eye, to a viewer or to a face tracker. So as a
// blink completes, a real closed eye from the library (library.ts), fitted to this photo, is
// blended over each eye:
// - fitted once per renderer (bake.ts): in the photo's eye frame, the library lid's edge is laid on
//   the photo's lower lid line and its crease on the photo's crease (lids.ts), inside a feathered
//   mask covering the open eye (mask.ts); its light is the photo's own skin continued under the
//   mask (skinFill.ts) times the library's shading, with its lash line as dark as the photo's;
//   softened to the photo's resolution, with the photo's grain (shading.ts). Chroma comes from the
//   photo, so grey photos stay grey.
// - mid-blink, before the shut eye shows, the closing lid's shadow on the eyeball under it (lidShadow.ts).
// - drawn every frame (draw.ts): warped by the eye's corners as rendered (so it turns with the
//   head), weighted by the blink's completion, under anything in front of the eye (depth test).
import { EYE_SIDES, eyeFrame, scaledFrame, toEye, type EyeFrame } from './frame.ts';
import { closedEyeLibrary, eyeGeometry } from './library.ts';
import type { EyeGeometry, Line } from './lids.ts';
import type { PhotoTexture } from './grid.ts';
import { sampleEye, finishEye, type BakedEye } from './bake.ts';
import { drawEye } from './draw.ts';
import { drawLidShadow, lidShadowStrength, slitShadowStrength } from './lidShadow.ts';
import type { RasterTarget } from '../raster.ts';
import { coverSlitEdges } from '../slitEdge.ts';
import { holdSlitUnderLid, slitCeilingStrength } from './slitHighlight.ts';
import { eyeballDepthBounds } from './eyeballDepth.ts';
import { shadePaintedEyeBelow, paintedEyeShadeSetting, paintedShadeKeep } from './paintedWhite.ts';
import { snapshotSlit, hueSlit, slitHueSetting } from './slitHue.ts';
import { shadeUnderLid, underLidShadeStrength } from './underLidShade.ts';
import { linearStep } from '../../math/smooth.ts';
import { moveLidOntoEdge } from './lashOnEdge.ts';
import { shutLashSetting } from '../shutLash.ts';
import { midLidSetting } from './midLid.ts';
import { browMoveShare } from './frameMatch.ts';
import type { PortraitAnalysis } from '../../types.ts';
import type { PaintedBand } from '../paintedBand.ts';
import { paintedStripSetting, stripOnPatch } from './paintedStrip.ts';
import { heldShadeKeep } from './heldShade.ts';

/**
 * Blink completion (blinkCompletion in ../eyes.ts) where the real shut eye starts / is full below
 * the closing lid's edge (over the slit still open there). From 0.6 (before s17) a held half lid (a
 * driver's squint or downward look at weight 0.6-0.75) was a third to a half of the shut eye over the
 * open one: it read shut to the face mesh and showed a pink shut lid on lp_d6 f184 where the driver's
 * eye was half open. From 0.75 (s17-s19) a lid at 0.8-0.9 (a wink's other eye, a driver's slit) had its
 * slit filled by the patch's lower-lid skin: a line, no iris (wink20). Now the slit stays open to 0.85.
 */
const SHOW_FROM = 0.85, SHOW_FULL = 1;
/**
 * Above the closing lid's edge (the lid itself, up to the crease) the shut eye's lid comes in
 * earlier, from SHOW_UPPER[0] to [1]: the mesh lid's stretched skin is a smear mid-blink and the
 * photo's own lashes and liner above it stay where they were (a ghost of the open eye over the
 * closing lid, st_happy, mt_man). Not before 0.6 (0.45 before s17): a held half-shut lid keeps
 * the photo's own lid, lashes and liner (docs/eyes/lids-s17-halflid.jpg).
 * Below the edge the eye is still open: there it waits for SHOW_FROM.
 */
const SHOW_UPPER = [0.6, 1] as const;

// The shut eye fades in linearly (linearStep, wink20): the face mesh reads the eye shut once the shut lid
// passes about half strength, so a smoothstep over 0.6-0.9 (steepest, 5 per unit, at 0.75) made a cliff in the
// rendered opening between weights 0.7 and 0.85 (lp_s42 0.43 at 0.78, 0.15 at 0.85; bench/blinkCurve.ts);
// spread evenly over 0.6-1 its steepest is 2.5 per unit.

/** How much of the real shut eye shows at blink completion c: below the closing lid's edge (show) and above it (lid). */
export function shutEyeShown(c: number): { show: number; lid: number } {
  const show = linearStep(SHOW_FROM, SHOW_FULL, c);
  return { show, lid: Math.max(show, linearStep(SHOW_UPPER[0], SHOW_UPPER[1], c)) };
}

/**
 * How much the slit's edge pixels take their coverage (slitEdge.ts) at blink completion c: none at
 * rest, where lid skin and eyeball show the photo's own pixels either side of the cut (the rest
 * frame stays the photo), fully once the lid has moved a tenth of the way.
 */
export function slitCoverStrength(c: number): number {
  return Math.min(1, Math.max(0, c / 0.1));
}

/** The eyeball's pixels are at most this share of the farthest lid point's 1/z (the eyeball is set back and depth-biased by 0.99). */
const EYEBALL_BELOW = 0.995;

export interface ClosedEyeInput {
  /** photo pixels (the avatar's texture) */
  texture: PhotoTexture;
  /** landmark i's position in the texture */
  xy: (i: number) => readonly [number, number];
  /** library entry (default: the first) */
  entry?: number;
  /** texture pixels per pixel of the photo (a 256 px photo on the 512 crop: 2; default 1) */
  photoPixel?: number;
  /**
   * Per side (image-left, image-right): the analysis moved this eye's landmarks onto a painted eye
   * the face mesh missed (analysis.json eyesMoved), whose ring is smaller than the painted eye: the
   * shut eye's mask also covers the dark eye features touching it (eyeDark.ts). Default neither.
   */
  eyesMoved?: readonly [boolean, boolean];
  /**
   * Per side: how much larger the painted eye is than the landmarks' eye (an eye the analysis moved
   * and scaled, capped, onto a painted eye: analysis.json eyesMoved size / scale; default 1). The shut
   * eye is fitted and drawn that much larger about the middle of the corners, so it covers the painted eye.
   */
  eyeGrow?: readonly [number, number];
  /**
   * Per side (image-left, image-right): a big painted iris's strip under the mesh's lower lid (paintedBand.ts, texture
   * px), covered by the shut eye's lower lid as the eyeball is (paintedStrip.ts). Default none.
   */
  paintedBands?: readonly [PaintedBand | null, PaintedBand | null];
  /** The lash line's core darkened to the photo's own lash darkness (lashCore.ts; default lashCoreSetting.on, off). */
  lashCore?: boolean;
}

/**
 * The largest growth of a shut eye over the landmarks' eye (eyeGrow). lp_s10's far eye measures
 * 1.6 / 1.2 = 1.33; past the silhouette the shut eye is not drawn anyway (the matte).
 */
const MAX_GROW = 1.5;

/**
 * Per side (image-left, image-right): how much larger than the landmarks' eye the shut eye is drawn,
 * the painted eye's measured size over the size the analysis applied (1 where no eye was moved, or
 * an analysis written before the size was recorded).
 */
export function shutEyeGrowBySide(analysis: Pick<PortraitAnalysis, 'eyesMoved'> | null): [number, number] {
  const grow = (eye: string) => {
    const m = analysis?.eyesMoved?.find((x) => x.eye === eye);
    return m?.size ? Math.min(MAX_GROW, Math.max(1, m.size / m.scale)) : 1;
  };
  return [grow('image-left'), grow('image-right')];
}

/** Which eyes (image-left, image-right) the analysis moved onto a painted eye the face mesh missed. */
export function eyesMovedBySide(analysis: Pick<PortraitAnalysis, 'eyesMoved'> | null): [boolean, boolean] {
  const moved = analysis?.eyesMoved ?? [];
  return [moved.some((m) => m.eye === 'image-left'), moved.some((m) => m.eye === 'image-right')];
}

/**
 * An eye's geometry with its frame scaled by k about the middle of its corners (scaledFrame): the
 * eye's own lines keep their (u, v); the brow, not scaled, comes nearer in the frame's units.
 */
export function grownGeometry(g: EyeGeometry, k: number): EyeGeometry {
  if (k === 1) return g;
  const shrink = (l: Line): Line => ({ u: l.u.map((u) => 0.5 + (u - 0.5) / k), v: l.v.map((v) => v / k) });
  return { ...g, frame: scaledFrame(g.frame, k), brow: shrink(g.brow) };
}

/** Nose bridge and tip: a length on the face a turn does not foreshorten and a nod foreshortens as it does the brow's height. */
const NOSE_BRIDGE = 168, NOSE_TIP = 1;

/**
 * How high the brow's lower contour (points) lies over the eye's corners' line in frame f, over the nose's length
 * across that line (landmark position at: image or texture): a brow raise or drop, not a turn or a nod.
 */
function browHeight(f: EyeFrame, brow: readonly (readonly [number, number])[], at: (i: number) => readonly [number, number]): number {
  const v = brow.reduce((a, p) => a + toEye(f, p[0], p[1])[1], 0) / Math.max(1, brow.length);
  // the nose's length across the eye's axis only: a turn swings its tip sideways
  const a = at(NOSE_BRIDGE), b = at(NOSE_TIP);
  const nose = Math.abs(((b[0] - a[0]) * f.vx + (b[1] - a[1]) * f.vy) / f.width);
  return (-v * f.width) / Math.max(1e-6, nose);
}

export class ClosedEyes {
  private readonly eyes: BakedEye[];
  private readonly grow: [number, number];
  /** per side, the painted strip on the patch grid (paintedStrip.ts; null: none) */
  private readonly strips: (Float32Array | null)[];
  /** per side, the photo's brow height over the eye (browHeight) */
  private readonly browV: [number, number];
  /** lashPoints' copies of the screen positions, reused between frames (valid until its next call) */
  private lashXs = new Float32Array(0);
  private lashYs = new Float32Array(0);

  constructor(input: ClosedEyeInput) {
    const lib = closedEyeLibrary();
    this.grow = [input.eyeGrow?.[0] ?? 1, input.eyeGrow?.[1] ?? 1];
    const plain = eyeGeometry(input.xy);
    const geo = plain.map((g, side) => grownGeometry(g, this.grow[side]!));
    this.browV = [0, 1].map((side) => browHeight(plain[side]!.frame, EYE_SIDES[side]!.brow.map((i) => input.xy(i)), input.xy)) as [number, number];
    const entry = input.entry ?? 0, lib0 = lib[entry % lib.length]!;
    // one library eye serves both sides (the eye frame mirrors it); both get the darker of the
    // photo's two lash lines, so one eye in shadow or mislocated lids do not give a faint line
    const sampled = geo.map((g, side) => sampleEye(input.texture, g, lib0, input.eyesMoved?.[side] ?? false));
    // a grown eye's lash darkness is still read on the landmarks' own lid line: the grown lid line
    // runs over the painted eye's lighter lid and lightened the other eye's lash line too (lp_s10's
    // near eye read .28 shut instead of .23)
    const lashDark = Math.min(...sampled.map((x, side) => (this.grow[side] === 1 ? x : sampleEye(input.texture, plain[side]!, lib0, true)).photoDark));
    this.eyes = sampled.map((x, side) => finishEye(x, geo[side]!, lashDark, input.photoPixel, input.lashCore));
    this.strips = geo.map((g, side) => stripOnPatch(input.paintedBands?.[side], g.frame));
  }

  /**
   * Screen positions for the drawn lowered lash (shutLash.ts, wink42): copies of sx, sy (buffers reused by the next call) with each eye's upper
   * lid points on its shut eye's lid edge as drawn at this closure (lashOnEdge.ts); sx, sy themselves with the setting off.
   */
  lashPoints(closure: readonly [number, number], sx: Float32Array, sy: Float32Array): [Float32Array, Float32Array] {
    if (!shutLashSetting.on) return [sx, sy];
    // (no eye shows its shut lid: the copies would be sx, sy themselves; else the copies into buffers kept between
    // frames: Float32Array.from walked both arrays through the iterator each frame, s59 speed59)
    if (!(shutEyeShown(closure[0]).show > 0) && !(shutEyeShown(closure[1]).show > 0)) return [sx, sy];
    if (this.lashXs.length !== sx.length) { this.lashXs = new Float32Array(sx.length); this.lashYs = new Float32Array(sy.length); }
    const xs = this.lashXs, ys = this.lashYs;
    xs.set(sx); ys.set(sy);
    for (let side = 0; side < 2; side++) {
      const show = shutEyeShown(closure[side]!).show;
      if (show <= 0) continue;
      const s = EYE_SIDES[side]!;
      const down: [number, number] = [(sx[13]! + sx[14]!) / 2 - (sx[33]! + sx[263]!) / 2, (sy[13]! + sy[14]!) / 2 - (sy[33]! + sy[263]!) / 2];
      const f = eyeFrame([sx[s.outer]!, sy[s.outer]!], [sx[s.inner]!, sy[s.inner]!], down);
      moveLidOntoEdge(xs, ys, s.upper, this.grow[side] === 1 ? f : scaledFrame(f, this.grow[side]!), this.eyes[side]!.shutV, show);
    }
    return [xs, ys];
  }

  /**
   * Blends the shut eyes into the rendered frame. closure[side]: the blink's completion 0..1
   * (side 0 = image-left eye); sx/sy/siz: projected landmark positions and 1/z. held: the motion's mark of a held
   * half lid (heldShade.ts, 0..1; 0 as before s57), which lightens the mid-blink passes' shade over the eyeball.
   */
  draw(target: RasterTarget, closure: readonly [number, number], sx: Float32Array, sy: Float32Array, siz: Float32Array, held = 0): void {
    for (let side = 0; side < 2; side++) {
      const c = closure[side]!;
      const { show, lid: showLid } = shutEyeShown(c);
      // a held half lid's eye in its lid's light shade, not a blink's dark slit (heldShade.ts; 1 unmarked)
      const keepHeld = heldShadeKeep(held, c);
      const shadow = lidShadowStrength(c) * keepHeld, ceiling = slitCeilingStrength(c) * keepHeld;
      const cover = slitCoverStrength(c);
      // the lowering lid as lid skin before the shut eye shows (midLid.ts)
      const midLid = midLidSetting.on && c > midLidSetting.from ? c : 0;
      if (showLid <= 0 && midLid <= 0 && shadow <= 0 && cover <= 0) continue;
      const s = EYE_SIDES[side]!;
      const down: [number, number] = [(sx[13]! + sx[14]!) / 2 - (sx[33]! + sx[263]!) / 2, (sy[13]! + sy[14]!) / 2 - (sy[33]! + sy[263]!) / 2];
      const f = eyeFrame([sx[s.outer]!, sy[s.outer]!], [sx[s.inner]!, sy[s.inner]!], down);
      // nearest eye-region surface: corners and lid; a surface clearly nearer (the nose of a turned head) stays
      let iz = 0;
      for (const i of [...s.upper, ...s.lower]) iz = Math.max(iz, siz[i]!);
      // the closing mesh lid's edge as rendered: while the shut eye fades in, its lid edge rides on
      // it (one lash line, not the mesh lid's and the library's a little apart: a double image)
      const pts = s.upper.map((i) => toEye(f, sx[i]!, sy[i]!));
      const lidNow = { u: pts.map((p) => p[0]), v: pts.map((p) => p[1]) };
      // the lid's shadow on what is still open under it (lidShadow.ts), then the shut eye over it
      const lowPts = s.lower.map((i) => toEye(f, sx[i]!, sy[i]!));
      let lidIz = Infinity;
      for (const i of [...s.upper, ...s.lower]) lidIz = Math.min(lidIz, siz[i]!);
      // a narrow slit's own shadow gives way as the shut eye comes in over it: blink 1 renders as before
      // (lp_s10's far eye, past the shut eye's mask, read .48 shut against .46)
      const slit = slitShadowStrength(c) * (1 - show * show) * keepHeld;
      const lowNow = { u: lowPts.map((p) => p[0]), v: lowPts.map((p) => p[1]) };
      // the eyeball told from the lids by depth per column across the eye (eyeballDepth.ts: one bound missed a turned head's near half)
      const bounds = eyeballDepthBounds(lidNow.u, s.upper.map((i) => siz[i]!), lowNow.u, s.lower.map((i) => siz[i]!));
      // the white the passes below darken, copied first: after them it takes the lid skin's hue (slitHue.ts)
      const hue = slitHueSetting.on && (shadow > 0 || slit > 0 || ceiling > 0) ? snapshotSlit(target, f, lidNow, lowNow) : null;
      drawLidShadow(target, f, lidNow, lowNow, shadow, bounds, slit);
      holdSlitUnderLid(target, f, lidNow, lowNow, ceiling, bounds);
      // the same light on the open eye painted past the lower lid line, on the skin's triangles
      // (paintedWhite.ts); going as the shut eye comes in over it, so the shut eye (blink 1) renders as before
      const keep = paintedEyeShadeSetting.on ? paintedShadeKeep(show) : 0;
      if (keep > 0) shadePaintedEyeBelow(target, f, lidNow, lowNow, bounds, shadow * keep, slit * keep, ceiling * keep);
      if (hue) hueSlit(target, hue, f, lidNow, lowNow, bounds);
      // the eye under a half-shut lid darkest under the lash root and at the corners, not a flat strip (underLidShade.ts)
      shadeUnderLid(target, f, lidNow, lowNow, underLidShadeStrength(c, show) * keepHeld, bounds);
      // the slit's edges covered by share of pixel (slitEdge.ts), before the shut eye blends over them
      coverSlitEdges(target, s.upper.map((i) => sx[i]!), s.upper.map((i) => sy[i]!), s.lower.map((i) => sx[i]!), s.lower.map((i) => sy[i]!), EYEBALL_BELOW * lidIz, cover);
      if (showLid > 0 || midLid > 0) {
        const fd = this.grow[side] === 1 ? f : scaledFrame(f, this.grow[side]!);
        // the frame's skin round the lid, where the brows moved (frameMatch.ts)
        const at = (i: number) => [sx[i]!, sy[i]!] as const;
        const browNow = browHeight(f, s.brow.map(at), at);
        drawEye(target, this.eyes[side]!, fd, show, iz * 1.025, lidNow, showLid, EYEBALL_BELOW * lidIz, midLid, browMoveShare(this.browV[side]!, browNow), paintedStripSetting.on ? this.strips[side] : null);
      }
    }
  }
}
