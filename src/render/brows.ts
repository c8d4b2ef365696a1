// Brow folds: raised brows push the forehead skin together, so the wrinkles the photo shows
// deepen and soft horizontal lines appear on bare forehead skin; lowered brows smooth the forehead
// and fold the glabella (vertical creases between the brows, a faint fold across the nose root).
// The mesh moves the skin with the brows; this shades the renderer's skin texture. The photo's own
// grooves are where the skin is darker than its vertical neighbourhood (the photo minus its vertical
// blur): horizontal lines only, so the brows' own edges (excluded by a margin), hair strands and
// vertical shading are left alone. The drawn folds (render/browFolds.ts) multiply the photo's
// colour, only on pixels coloured like the skin there (not a fringe or a strand of hair).
import { CONTROL_INDEX } from '../rig/controls.ts';
import { insidePolygon } from '../math/polygon.ts';
import { polylineAt } from '../math/polyline.ts';
import { smooth01 } from '../math/smooth.ts';
import { blinkCompletion } from './eyes.ts';
import { blendGrained, foreheadGrain, topFade, underBrowGrainSetting } from './underBrowGrain.ts';
import { capTarget, shadeTarget, socketCap, socketShade } from './underBrowShade.ts';
import { lidChroma, lightenedShare, shutBandTarget, shutBrowBandSetting } from './shutBrowBand.ts';
import { alongRowGrooves, creaseField, foreheadLineField, grooveLineSetting, toFrame, type BrowFrame } from './browFolds.ts';
import { browHairShares } from '../avatar/browHair.ts';

/** The forehead's outline: the top of the face oval, then the brows' upper edges (image right to left). */
const TOP = [54, 103, 67, 109, 10, 338, 297, 332, 284];
const BROW_TOPS = [300, 293, 334, 296, 336, 107, 66, 105, 63, 70];
/** Grooves this much darker than their surroundings or more count (relative luminance). */
const MIN_GROOVE = 0.015;
/** Darker than this is a hair strand or a mole, not a fold (wrinkles are shallow). */
const MAX_GROOVE = 0.2;
/** At a full brow raise a groove is 1 + FOLD times as deep; lowered brows smooth it by up to SMOOTH. */
const FOLD = 1.2, SMOOTH = 0.5;
/**
 * At a full frown the glabella creases' valleys are CREASE darker than the photo's skin; at a full
 * raise the drawn forehead lines LINE darker (less where the photo shows grooves of its own).
 */
const CREASE = 0.14, LINE = 0.15;
/**
 * How deep the creases are at a frown weight: full from 0.75 (drivers' clear frowns reach
 * 0.6-0.9; at the weight itself lp_d6's 0.66 frown showed only faint creases).
 */
const creaseShare = (w: number) => Math.max(0, Math.min(1, w / 0.75));

const INNER = CONTROL_INDEX.browInnerUp, OUTER_L = CONTROL_INDEX.browOuterUpLeft, OUTER_R = CONTROL_INDEX.browOuterUpRight;
const DOWN_L = CONTROL_INDEX.browDownLeft, DOWN_R = CONTROL_INDEX.browDownRight;
const BLINK_L = CONTROL_INDEX.eyeBlinkLeft, BLINK_R = CONTROL_INDEX.eyeBlinkRight;
type XY = (i: number) => readonly [number, number];

/** The brows' frame (render/browFolds.ts): between the inner brow heads, along the eyes. */
function browFrame(xy: XY, iod: number): BrowFrame {
  const mid = (i: number, j: number) => [(xy(i)[0] + xy(j)[0]) / 2, (xy(i)[1] + xy(j)[1]) / 2];
  const headR = mid(107, 55), headL = mid(336, 285);
  const ex0 = xy(263)[0] - xy(33)[0], ey0 = xy(263)[1] - xy(33)[1], n = Math.hypot(ex0, ey0);
  const ex: [number, number] = n > 1e-6 ? [ex0 / n, ey0 / n] : [1, 0];
  const halfGap = Math.abs((headL[0]! - headR[0]!) * ex[0] + (headL[1]! - headR[1]!) * ex[1]) / 2 / iod;
  return { ox: (headR[0]! + headL[0]!) / 2, oy: (headR[1]! + headL[1]!) / 2, ex, iod, halfGap };
}

/** Median RGB of the given pixel offsets (the skin's colour there). */
export function medianRgb(data: Uint8ClampedArray, offs: number[]): [number, number, number] {
  const m = (ch: number) => { const v = offs.map((o) => data[o + ch]!).sort((a, b) => a - b); return v[v.length >> 1] ?? 0; };
  return [m(0), m(1), m(2)];
}
/** 1 for the reference skin colour, falling off with RGB distance (hair, brows, shadow edges ~0). */
export const skinLike = (data: Uint8ClampedArray, o: number, ref: [number, number, number], sigma = 32) =>
  Math.exp(-((data[o]! - ref[0]) ** 2 + (data[o + 1]! - ref[1]) ** 2 + (data[o + 2]! - ref[2]) ** 2) / (2 * sigma * sigma));

export class ForeheadFolds {
  private readonly pixels: Int32Array;
  private readonly photo: Uint8ClampedArray;
  /** per pixel: the photo groove's relative darkness (negative, 0 for none), the drawn forehead lines and glabella creases (foldProfile units) */
  private readonly groove: Float32Array;
  private readonly line: Float32Array;
  private readonly crease: Float32Array[];
  private state = [0, 0, 0, 0];

  /**
   * data: the renderer's working skin texture (written by update); xy: landmark i in it; iod: the
   * inter-ocular distance in texture pixels.
   */
  constructor(private readonly data: Uint8ClampedArray, width: number, height: number, xy: XY, iod: number) {
    // the brows' edges lifted by a margin, so their own dark edge is not taken for a groove
    const lift = 0.06 * iod;
    const poly = [...TOP.map(xy), ...BROW_TOPS.map((i) => [xy(i)[0], xy(i)[1] - lift] as const)] as [number, number][];
    const frame = browFrame(xy, iod);
    // the glabella's box in the frame: between the brows, from above their heads to the nose root
    const gA = frame.halfGap + 0.08, gB0 = -0.34, gB1 = 0.3;
    const inGlabella = (a: number, b: number) => Math.abs(a) < gA && b > gB0 && b < gB1;
    const corners = [[-gA, gB0], [gA, gB0], [-gA, gB1], [gA, gB1]].map(([a, b]) => [frame.ox + iod * (a! * frame.ex[0] - b! * frame.ex[1]), frame.oy + iod * (a! * frame.ex[1] + b! * frame.ex[0])]);
    const xs = [...poly.map((p) => p[0]), ...corners.map((p) => p[0]!)], ys = [...poly.map((p) => p[1]), ...corners.map((p) => p[1]!)];
    const x0 = Math.max(0, Math.floor(Math.min(...xs))), x1 = Math.min(width - 1, Math.ceil(Math.max(...xs)));
    const y0 = Math.max(0, Math.floor(Math.min(...ys))), y1 = Math.min(height - 1, Math.ceil(Math.max(...ys)));
    const bw = Math.max(0, x1 - x0 + 1), bh = Math.max(0, y1 - y0 + 1);
    // luminance of the box and its vertical blur (Gaussian, a wrinkle's spacing)
    const lum = new Float32Array(bw * bh);
    for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) {
      const o = ((y + y0) * width + x + x0) * 4;
      lum[y * bw + x] = 0.3 * data[o]! + 0.59 * data[o + 1]! + 0.11 * data[o + 2]!;
    }
    const blurred = verticalBlur(lum, bw, bh, Math.max(1, 0.04 * iod));
    // the skin's colour on the forehead and at the glabella; the light across (forehead beside the brow heads)
    const foreheadPx: number[] = [], glabellaPx: number[] = [];
    let lumLeft = 0, lumRight = 0;
    for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) {
      const [a, b] = toFrame(frame, x + x0 + 0.5, y + y0 + 0.5), o = ((y + y0) * width + x + x0) * 4;
      if (insidePolygon(x + x0 + 0.5, y + y0 + 0.5, poly)) foreheadPx.push(o);
      if (Math.abs(a) < 0.5 * frame.halfGap && b > -0.15 && b < 0.15) glabellaPx.push(o);
      if (b > -0.3 && b < -0.12 && Math.abs(Math.abs(a) - 0.45) < 0.1) { if (a < 0) lumLeft += lum[y * bw + x]!; else lumRight += lum[y * bw + x]!; }
    }
    const foreheadRef = medianRgb(data, foreheadPx), glabellaRef = medianRgb(data, glabellaPx);
    const litX = Math.max(-1, Math.min(1, (6 * (lumLeft - lumRight)) / Math.max(1, lumLeft + lumRight)));
    // the brows' top edge in the frame, for the forehead lines' arch
    const tops = BROW_TOPS.map((i) => toFrame(frame, xy(i)[0], xy(i)[1])).sort((p, q) => p[0] - q[0]);
    const meanTopB = tops.reduce((s, p) => s + p[1], 0) / tops.length;
    const topB = (a: number) => {
      if (a <= tops[0]![0]) return tops[0]![1];
      for (let q = 1; q < tops.length; q++) if (a <= tops[q]![0]) { const t = (a - tops[q - 1]![0]) / Math.max(1e-6, tops[q]![0] - tops[q - 1]![0]); return tops[q - 1]![1] + t * (tops[q]![1] - tops[q - 1]![1]); }
      return tops[tops.length - 1]![1];
    };
    // the photo's grooves (in the forehead's outline), and as far as each runs along its row (browFolds.ts alongRowGrooves)
    const grooveMap = new Float32Array(bw * bh);
    for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) {
      if (!insidePolygon(x + x0 + 0.5, y + y0 + 0.5, poly)) continue;
      const k = y * bw + x, g0 = (lum[k]! - blurred[k]!) / Math.max(8, blurred[k]!);
      if (g0 <= -MIN_GROOVE && g0 >= -MAX_GROOVE) grooveMap[k] = g0 + MIN_GROOVE;
    }
    const lineMap = grooveLineSetting.on ? alongRowGrooves(grooveMap, bw, bh, Math.max(1, Math.round(grooveLineSetting.reach * iod))) : grooveMap;
    const px: number[] = [], gv: number[] = [], lv: number[] = [], cv: [number[], number[], number[]] = [[], [], []];
    let grooves = 0;
    for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) {
      const inPoly = insidePolygon(x + x0 + 0.5, y + y0 + 0.5, poly);
      const [a, b] = toFrame(frame, x + x0 + 0.5, y + y0 + 0.5);
      if (!inPoly && !inGlabella(a, b)) continue;
      const k = y * bw + x, o = ((y + y0) * width + x + x0) * 4;
      // (the photo's own grooves counted as before: a forehead with them takes fewer drawn lines)
      if (grooveMap[k]! < 0) grooves++;
      const g = lineMap[k]!;
      const l = inPoly ? foreheadLineField(a, b, topB(a), meanTopB, 1 / iod) * skinLike(data, o, foreheadRef) : 0;
      const skin = inGlabella(a, b) ? skinLike(data, o, glabellaRef) : 0;
      const c = skin > 0 ? creaseField(frame, a, b, litX, 1 / iod).map((v) => v * skin) : [0, 0, 0];
      if (g === 0 && Math.abs(l) < 0.01 && c.every((v) => Math.abs(v) < 0.01)) continue;
      px.push(o); gv.push(g); lv.push(l); c.forEach((v, q) => cv[q]!.push(v));
    }
    // a forehead with grooves of its own folds along them: the drawn lines only fill in
    const own = Math.min(0.6, (3 * grooves) / Math.max(1, foreheadPx.length));
    this.pixels = Int32Array.from(px);
    this.groove = Float32Array.from(gv);
    this.line = Float32Array.from(lv, (v) => v * (1 - own));
    this.crease = cv.map((v) => Float32Array.from(v));
    this.photo = new Uint8ClampedArray(px.length * 3);
    px.forEach((o, k) => { this.photo[k * 3] = data[o]!; this.photo[k * 3 + 1] = data[o + 1]!; this.photo[k * 3 + 2] = data[o + 2]!; });
  }

  /** Folds the forehead and glabella for this frame's brows (relative to the photo's); cheap when unchanged. */
  /** The skin texels this pass writes (byte offsets; freshPasses.ts restores them before each frame). */
  ownedTexels(): Int32Array[] { return [this.pixels]; }

  /** Forgets what it last drew, so its next update draws again on the restored texels (freshPasses.ts). */
  restart(): void { this.state = this.state.map(() => 0); }

  update(weights: ArrayLike<number>, photoWeights: ArrayLike<number>): void {
    const d = (c: number) => weights[c]! - photoWeights[c]!;
    const up = Math.max(d(INNER), (d(OUTER_L) + d(OUTER_R)) / 2);
    const down = (d(DOWN_L) + d(DOWN_R)) / 2;
    const raise = Math.max(-1, Math.min(1, up - down));
    // each crease by its own side's frown (image left is the subject's right), the nose root's by both
    const creases = [creaseShare(d(DOWN_R)), creaseShare(d(DOWN_L)), creaseShare(down)];
    if (Math.abs(raise - this.state[0]!) < 0.01 && creases.every((c, q) => Math.abs(c - this.state[q + 1]!) < 0.01)) return;
    this.state = [raise, ...creases];
    const data = this.data, px = this.pixels, g = this.groove, p = this.photo, ln = this.line, [cl, cr, cm] = this.crease as [Float32Array, Float32Array, Float32Array];
    const drawnL = LINE * Math.max(0, raise), [dl, dr, dm] = creases.map((c) => CREASE * c) as [number, number, number];
    for (let k = 0; k < px.length; k++) {
      // the photo's groove scaled by 1 + FOLD * raise (never brighter than the surroundings), then the drawn folds
      const fg = 1 + (raise > 0 ? FOLD : SMOOTH) * raise * g[k]! / (1 + g[k]!);
      const f = Math.max(0.3, fg * (1 + drawnL * ln[k]!) * (1 + dl * cl[k]! + dr * cr[k]! + dm * cm[k]!));
      const o = px[k]!;
      data[o] = p[k * 3]! * f; data[o + 1] = p[k * 3 + 1]! * f; data[o + 2] = p[k * 3 + 2]! * f;
    }
  }
}

function verticalBlur(a: Float32Array, w: number, h: number, sigma: number): Float32Array {
  const rad = Math.ceil(2.5 * sigma);
  const k = Array.from({ length: 2 * rad + 1 }, (_, i) => Math.exp(-((i - rad) ** 2) / (2 * sigma * sigma)));
  const out = new Float32Array(a.length);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let acc = 0, wsum = 0;
    for (let i = -rad; i <= rad; i++) {
      const yy = y + i;
      if (yy < 0 || yy >= h) continue;
      acc += k[i + rad]! * a[yy * w + x]!; wsum += k[i + rad]!;
    }
    out[y * w + x] = acc / wsum;
  }
  return out;
}

/**
 * Raised brows uncover the skin between the brow and the lid crease (it was folded under the
 * brow). The mesh stretches that band from its thin strip of the photo, which holds the brow's
 * lower hair and the socket's shadow, so a full raise drew a dark band. Here the band's pixels
 * blend toward clean skin in proportion to how much of the band is newly uncovered: the skin's
 * colour is taken per column from the forehead above the brow and from just above the crease.
 */
export class UnderBrowSkin {
  /** the share of UNCOVER drawn: 1 under brows of hair, BARE_UNCOVER under a bare brow ridge (s55, avatar/browHair.ts) */
  readonly uncover: number;
  private readonly sides: { pixels: Int32Array; photo: Uint8ClampedArray; target: Float32Array; profile: Float32Array; raise: number; grain: Float32Array; top: Float32Array; lid: Float32Array; lidTone: readonly number[]; shutTarget: Float32Array; lightened: number; shut: number }[] = [];

  constructor(private readonly data: Uint8ClampedArray, width: number, height: number, xy: (i: number) => readonly [number, number], iod: number) {
    // a bare brow ridge covered no skin: its stretched band stays mostly the photo's own socket (the face's more visible brow decides)
    const hair = Math.max(...browHairShares({ data, width, height }, xy, iod));
    this.uncover = BARE_UNCOVER + (1 - BARE_UNCOVER) * hair;
    for (const side of UNDER_BROW_SIDES) {
      const lower = side.browLower.map(xy), lid = side.lid.map(xy), top = side.browTop.map(xy);
      const xs = lower.map((p) => p[0]);
      // past the brow's ends as far as the rig's taper (UNDER_BROW_TAPER, in eye-corner widths), feathered over it
      const reach = TAPER * iod;
      const x0 = Math.max(0, Math.ceil(Math.min(...xs) - reach)), x1 = Math.min(width - 1, Math.floor(Math.max(...xs) + reach));
      const px: number[] = [], prof: number[] = [], tgt: number[] = [], tops: number[] = [], ts: number[] = [], lidT: number[] = [];
      const sample = (x: number, y: number, ch: number) => data[(Math.min(height - 1, Math.max(0, Math.round(y))) * width + x) * 4 + ch]!;
      // clean skin per column, smoothed along x (single pixels would streak): the forehead a little
      // above the brow's top edge, and the lid skin just above the crease (toward the lid the band turns into it)
      const cols = Math.max(0, x1 - x0 + 1);
      const fore = new Float32Array(cols * 3), lidSkin = new Float32Array(cols * 3);
      for (let x = x0; x <= x1; x++) {
        const yB = polylineAt(lower, x), yL = polylineAt(lid, x), yT = polylineAt(top, x);
        for (let ch = 0; ch < 3; ch++) {
          let f = 0, l = 0;
          for (let q = 0; q < 5; q++) {
            f += sample(x, yT - (0.12 + 0.015 * q) * iod, ch) / 5;
            l += sample(x, yL - (0.15 + 0.05 * q) * Math.max(0, yL - yB), ch) / 5;
          }
          fore[(x - x0) * 3 + ch] = f; lidSkin[(x - x0) * 3 + ch] = l;
        }
      }
      const foreS = boxAlongX(fore, cols, Math.round(0.05 * iod)), lidS = boxAlongX(lidSkin, cols, Math.round(0.05 * iod));
      // a fringe over the forehead gives hair, darker than the lid's skin: then the lid's skin serves
      for (let c = 0; c < cols; c++) {
        const lf = foreS[c * 3]! * 0.3 + foreS[c * 3 + 1]! * 0.59 + foreS[c * 3 + 2]! * 0.11;
        const ll = lidS[c * 3]! * 0.3 + lidS[c * 3 + 1]! * 0.59 + lidS[c * 3 + 2]! * 0.11;
        if (lf < ll) for (let ch = 0; ch < 3; ch++) foreS[c * 3 + ch] = lidS[c * 3 + ch]!;
      }
      for (let x = x0; x <= x1; x++) {
        const yB = polylineAt(lower, x), yL = polylineAt(lid, x);
        if (yL - yB < 2) continue;
        for (let y = Math.ceil(yB); y <= Math.floor(yL); y++) {
          // t: 1 on the brow's lower contour, 0 on the upper lid (as in the rig's UNDER_BROW_T)
          const t = (yL - y) / (yL - yB);
          // where the rig stretches the skin: none on the lid and crease, none in the brow hair
          const w = Math.min(smooth01((t - 0.12) / 0.2), smooth01((0.95 - t) / 0.25)) * smooth01(Math.min(x - x0, x1 - x) / (2 * reach));
          if (w <= 0) continue;
          px.push((y * width + x) * 4); prof.push(w); tops.push(topFade(t)); ts.push(t);
          const c = (x - x0) * 3;
          const tf = smooth01(t / 0.6);
          for (let ch = 0; ch < 3; ch++) { tgt.push(foreS[c + ch]! * tf + lidS[c + ch]! * (1 - tf)); lidT.push(lidS[c + ch]!); }
        }
      }
      const photo = new Uint8ClampedArray(px.length * 3);
      px.forEach((o, k) => { photo[k * 3] = data[o]!; photo[k * 3 + 1] = data[o + 1]!; photo[k * 3 + 2] = data[o + 2]!; });
      // s47: the forehead's grain for the uncovered skin and a softer top (underBrowGrain.ts)
      const grain = foreheadGrain(data, width, height, Int32Array.from(px), Float32Array.from(tgt), (x) => polylineAt(lower, x), (x) => polylineAt(top, x), iod);
      // s48: the skin uncovered under the brow keeps the photo's socket shade, darkest under the hair (underBrowShade.ts)
      const target = Float32Array.from(tgt), tf32 = Float32Array.from(ts);
      const sock = socketShade(photo, target, tf32);
      shadeTarget(target, grain, tf32, sock);
      // s50: else no lighter than the photo's own lit socket skin (underBrowShade.ts capTarget; a deep socket keeps s48's shade)
      if (sock.shade >= 1) capTarget(target, grain, socketCap(photo, tf32));
      this.sides.push({ pixels: Int32Array.from(px), photo, target, profile: Float32Array.from(prof), raise: 0, grain, top: Float32Array.from(tops), lid: Float32Array.from(lidT), lidTone: lidChroma(Float32Array.from(lidT)), shutTarget: new Float32Array(target.length), lightened: lightenedShare(photo, Float32Array.from(tgt), tf32), shut: 0 });
    }
  }

  /** The skin texels this pass writes (byte offsets; freshPasses.ts restores them before each frame). */
  ownedTexels(): Int32Array[] { return this.sides.map((s) => s.pixels); }

  /** Forgets what it last drew, so its next update draws again on the restored texels (freshPasses.ts). */
  restart(): void { for (const s of this.sides) { s.raise = 0; s.shut = 0; } }

  /** Blends each side's band toward clean skin by how far that brow is raised beyond the photo's. */
  update(weights: ArrayLike<number>, photoWeights: ArrayLike<number>): void {
    const d = (c: number) => weights[c]! - photoWeights[c]!;
    const raises = [Math.max(0, d(INNER) * 0.75 + d(OUTER_L) * 0.6), Math.max(0, d(INNER) * 0.75 + d(OUTER_R) * 0.6)];
    // s48: how shut each side's lid is (side 0 is the subject's left eye): the band over a shut lid turns into lid skin (shutBrowBand.ts)
    const shuts = [blinkCompletion(weights[BLINK_L]!, photoWeights[BLINK_L]!), blinkCompletion(weights[BLINK_R]!, photoWeights[BLINK_R]!)];
    this.sides.forEach((s, k) => {
      const raise = Math.min(1, raises[k]!), shut = shutBrowBandSetting.on ? shuts[k]! * s.lightened : 0;
      // a shut lid alone (no raise) draws nothing: the texels keep the passes before this one (lidSkin, folds)
      if (Math.abs(raise - s.raise) < 0.01 && (raise < 0.01 || Math.abs(shut - s.shut) < 0.01)) return;
      s.raise = raise; s.shut = shut;
      const target = shut > 0 ? shutBandTarget(s.target, s.lid, shut, s.lidTone, s.shutTarget) : s.target;
      // share of the stretched band that is newly uncovered skin grows with the raise
      const f = UNCOVER * this.uncover * raise;
      if (underBrowGrainSetting.on) { blendGrained(this.data, s.pixels, s.photo, target, s.profile, s.grain, s.top, f); return; }
      for (let q = 0; q < s.pixels.length; q++) {
        const o = s.pixels[q]!, w = f * s.profile[q]!;
        for (let ch = 0; ch < 3; ch++) this.data[o + ch] = s.photo[q * 3 + ch]! + w * (target[q * 3 + ch]! - s.photo[q * 3 + ch]!);
      }
    });
  }
}

/** How far past the brow's ends the rig carries the skin under it (rig/basis/brows.ts UNDER_BROW_TAPER), in iod. */
const TAPER = 0.08;
/** At a full raise this share of the band's colour is clean skin. */
const UNCOVER = 0.75;
/**
 * Under a bare brow ridge (no hair: lp_s9) this share of UNCOVER: the 75 % blend painted the stretched socket shade
 * as a flat pale grey-green band (band grain .8 of the forehead's against the photo's 3.2, a* 11.7 -> 6.9) with the
 * shade's dark top over it; half keeps the socket's own gradient and hue.
 */
const BARE_UNCOVER = 0.5;
/** Per side (image-right eye first, the subject's left): the brow's lower contour, the upper lid, the brow's top edge. */
const UNDER_BROW_SIDES = [
  { browLower: [276, 283, 282, 295, 285], lid: [263, 466, 388, 387, 386, 385, 384, 398, 362], browTop: [300, 293, 334, 296, 336] },
  { browLower: [46, 53, 52, 65, 55], lid: [33, 246, 161, 160, 159, 158, 157, 173, 133], browTop: [70, 63, 105, 66, 107] },
];

/** Box average of per-column RGB triples along x (radius r columns, clamped at the ends). */
function boxAlongX(a: Float32Array, cols: number, r: number): Float32Array {
  const out = new Float32Array(a.length);
  for (let x = 0; x < cols; x++) for (let ch = 0; ch < 3; ch++) {
    let s = 0, n = 0;
    for (let q = Math.max(0, x - r); q <= Math.min(cols - 1, x + r); q++) { s += a[q * 3 + ch]!; n++; }
    out[x * 3 + ch] = s / n;
  }
  return out;
}
