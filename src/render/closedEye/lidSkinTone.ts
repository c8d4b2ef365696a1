// The shut lid's skin tone (s38, shutlid38): the baked lid is the membrane fill of the skin round the
// mask times the library's shading, so wherever the fill meets the socket's shadow, a tinted lower rim
// or eyeshadow at a corner, the lid's body carries it as a smudge (st_full_body_1's purple-grey outer
// end, lp_s1's brown smears, st_happy's grey lids) and the whole lid can sit in a browner or greyer
// oval than the skin the patch's edge meets. Here the lid's body, between the crease and the lash
// line, takes per channel the chroma (channel over luma) of that skin ring, locally (its low-pass,
// so a smudge is taken out where it is), with its luma kept but its dark blots lifted toward the
// body's median; the crease, the lash line and the grain stay (a smooth gain per cell), and the gain
// fades to nothing before the mask's feather, so no new edge is drawn.
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV, clamp01 } from './grid.ts';
import { creaseAt, shutAt, type EyeGeometry } from './lids.ts';
import { lineAt } from './library.ts';
import { luminance as lum } from '../../math/colour.ts';
import { smoothstep } from '../../math/smooth.ts';

/**
 * On (the product) / off: the lid's body as baked (before s38). across (s50, shuttone50; off: hardly
 * visible, docs/eyes/sessions/s50-shuttone50.md): the target's chroma runs
 * across the lid from the photo's skin over the crease (at the crease) to the cheek's (at the shut
 * line), each edge toned to the skin it meets (one ring + cheek mean left lp_s42's lid pinker than
 * the white skin over it: an oval), where the skin over the crease is as light as the cheek (litShare).
 */
export const lidSkinToneSetting = { on: true, across: false };

export type Rgb = [number, number, number];

/** The skin ring round the patch: photo cells with the mask between these (just outside its feather's middle). */
const RING_MASK = [0.02, 0.35] as const;
/** Of the ring's cells, those between these luma percentiles are skin (below: lashes, brow hair, shadow; above: glints). */
const SKIN_PCT = [0.4, 0.9] as const;
/** The low-pass the lid's local colour is read over (patch cells; 48 cells an eye width). */
const LOCAL_SIGMA = 4;
/** A channel's gain is held within these bounds. */
const GAIN_MIN = 0.8, GAIN_MAX = 1.25;
/** How much of a dark blot (local luma under the body's median) is lifted; lighter parts are not darkened. */
const BLOT_LIFT = 0.5;

/** The mean RGB of the cells `keep` accepts whose luma lies between SKIN_PCT percentiles of them. */
export function skinOf(rgb: Float32Array, keep: (k: number) => boolean): Rgb | undefined {
  const cells: number[] = [], lums: number[] = [];
  for (let k = 0; k < PATCH_W * PATCH_H; k++) if (keep(k)) { cells.push(k); lums.push(lum(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!)); }
  if (cells.length < 8) return undefined;
  const sorted = [...lums].sort((a, b) => a - b);
  const lo = sorted[Math.floor(SKIN_PCT[0] * (sorted.length - 1))]!, hi = sorted[Math.floor(SKIN_PCT[1] * (sorted.length - 1))]!;
  const sum: Rgb = [0, 0, 0];
  let n = 0;
  cells.forEach((k, i) => {
    if (lums[i]! < lo || lums[i]! > hi) return;
    for (let ch = 0; ch < 3; ch++) sum[ch]! += rgb[k * 3 + ch]!;
    n++;
  });
  return n ? (sum.map((s) => s / n) as Rgb) : undefined;
}

/** The photo's skin just round the patch (what the shut lid's edge is seen against). */
export const ringSkin = (photo: Float32Array, mask: Float32Array): Rgb | undefined =>
  skinOf(photo, (k) => mask[k]! > RING_MASK[0] && mask[k]! < RING_MASK[1]);

/** How much of the correction a cell takes: 1 in the lid's body, 0 at the crease, past the shut line, at the corners and outside the mask's core. */
export function bodyShare(u: number, v: number, crease: number, shut: number, mask: number): number {
  const t = (v - crease) / Math.max(1e-3, shut - crease);
  const across = smoothstep(0, 0.3, t) * (1 - smoothstep(0.75, 0.97, t));
  const along = smoothstep(-0.05, 0.12, u) * (1 - smoothstep(0.88, 1.05, u));
  return across * along * smoothstep(0.6, 0.95, mask);
}

/** The per-cell body share of a baked eye. */
export function bodyWeights(g: EyeGeometry, mask: Float32Array): Float32Array {
  const w = new Float32Array(PATCH_W * PATCH_H);
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c), uc = clamp01(u), crease = creaseAt(g, uc), shut = shutAt(g, uc);
    for (let r = 0; r < PATCH_H; r++) w[r * PATCH_W + c] = bodyShare(u, cellV(r), crease, shut, mask[r * PATCH_W + c]!);
  }
  return w;
}

/** The weighted low-pass of rgb (normalised convolution with weights w, Gaussian sigma in cells); undefined where no weight reaches. */
export function weightedLowPass(rgb: Float32Array, w: Float32Array, sigma: number): { rgb: Float32Array; weight: Float32Array } {
  const rad = Math.ceil(sigma * 2.5), kern = Array.from({ length: 2 * rad + 1 }, (_, i) => Math.exp(-((i - rad) ** 2) / (2 * sigma * sigma)));
  const n = PATCH_W * PATCH_H;
  // 4 channels: w*r, w*g, w*b, w
  let src = new Float32Array(n * 4);
  for (let k = 0; k < n; k++) { for (let ch = 0; ch < 3; ch++) src[k * 4 + ch] = w[k]! * rgb[k * 3 + ch]!; src[k * 4 + 3] = w[k]!; }
  for (const horizontal of [true, false]) {
    const dst = new Float32Array(n * 4);
    for (let y = 0; y < PATCH_H; y++) for (let x = 0; x < PATCH_W; x++) {
      for (let i = -rad; i <= rad; i++) {
        const xx = horizontal ? x + i : x, yy = horizontal ? y : y + i;
        if (xx < 0 || yy < 0 || xx >= PATCH_W || yy >= PATCH_H) continue;
        const s = (yy * PATCH_W + xx) * 4, d = (y * PATCH_W + x) * 4, kw = kern[i + rad]!;
        for (let ch = 0; ch < 4; ch++) dst[d + ch]! += kw * src[s + ch]!;
      }
    }
    src = dst;
  }
  const out = new Float32Array(n * 3), weight = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    weight[k] = src[k * 4 + 3]!;
    for (let ch = 0; ch < 3; ch++) out[k * 3 + ch] = src[k * 4 + 3]! > 1e-6 ? src[k * 4 + ch]! / src[k * 4 + 3]! : 0;
  }
  return { rgb: out, weight };
}

/**
 * How much of the across target is used, by the skin over the crease's luma over the cheek's: only a
 * lit brow bone's colour is the skin's own (lp_s42 1.09 / 1.10); a shaded fold's (lp_s5 .68 / .90,
 * mt_man .52 / .74) is shadow, more saturated and browner, and would carry a brown cast into the lid.
 */
export const litShare = (overOverCheek: number): number => smoothstep(0.95, 1.05, overOverCheek);

const mixRgb = (a: Rgb, b: Rgb, t: number): Rgb => a.map((x, ch) => x + t * (b[ch]! - x)) as Rgb;

/** The lid's top toned with a lit brow bone: from just over the crease (inside the mask's core) down to the body, not the line or corners. */
function topShare(g: EyeGeometry, k: number, mask: number): number {
  const u = cellU(k % PATCH_W), t = acrossShare(g, k);
  const along = smoothstep(-0.05, 0.12, u) * (1 - smoothstep(0.88, 1.05, u));
  return smoothstep(-0.1, 0.1, t) * (1 - smoothstep(0.75, 0.97, t)) * along * smoothstep(0.35, 0.8, mask);
}

/** Cell k's share of the way from the crease to the shut line in its column. */
function acrossShare(g: EyeGeometry, k: number): number {
  const uc = clamp01(cellU(k % PATCH_W)), crease = creaseAt(g, uc), shut = shutAt(g, uc);
  return (cellV(Math.floor(k / PATCH_W)) - crease) / Math.max(1e-3, shut - crease);
}

/** The weighted median luma of the body (cells with share over .5). */
function bodyMedianLuma(rgb: Float32Array, w: Float32Array): number | undefined {
  const l: number[] = [];
  for (let k = 0; k < w.length; k++) if (w[k]! > 0.5) l.push(lum(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!));
  if (l.length < 8) return undefined;
  return l.sort((a, b) => a - b)[l.length >> 1];
}

/**
 * Per channel, the gain that takes a local colour to the target's chroma at a luma of `luma`
 * (its own, or lifted), bounded.
 */
export function toneGain(local: Rgb, target: Rgb, luma: number): Rgb {
  const lt = lum(...target), ll = lum(...local);
  if (!(lt > 1 && ll > 1)) return [1, 1, 1];
  return local.map((c, ch) => Math.min(GAIN_MAX, Math.max(GAIN_MIN, ((target[ch]! / lt) * luma) / Math.max(1e-3, c)))) as Rgb;
}

/** The luma a local colour is taken to: its own, dark blots lifted BLOT_LIFT of the way to the body's median. */
export const liftedLuma = (local: number, median: number): number => (local < median ? local + BLOT_LIFT * (median - local) : local);

/** The photo's cheek under the lower lid (past its lashes and rim), the band skinFill.ts fills from. */
export const cheekSkin = (photo: Float32Array, g: EyeGeometry): Rgb | undefined => {
  const keep = new Uint8Array(PATCH_W * PATCH_H);
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u < 0.15 || u > 0.85) continue;
    const low = lineAt(g.lower, clamp01(u));
    for (let r = 0; r < PATCH_H; r++) { const v = cellV(r); if (v >= low + 0.08 && v <= low + 0.22) keep[r * PATCH_W + c] = 1; }
  }
  return skinOf(photo, (k) => keep[k] === 1);
};

/** The chroma the lid is toned to: the mean of the ring's and the cheek's chroma (each at unit luma), at the ring's luma. */
export function targetSkin(ring: Rgb, cheek: Rgb | undefined): Rgb {
  if (!cheek) return ring;
  const lr = lum(...ring), lc = lum(...cheek);
  return ring.map((x, ch) => lr * 0.5 * (x / lr + cheek[ch]! / lc)) as Rgb;
}

/**
 * A lid paler than the ring (lid middle over ring luma above 1) is darkened this share of the way
 * (in log) to the ring's luma: st_full_body_1's image-left lid, 1.12, the pale oval a viewer saw.
 */
const PALE_PULL = 0.5;
/** The luma factor on a lid whose middle is `over` the ring's luma. */
export const paleFactor = (over: number): number => (over > 1 ? Math.pow(over, -PALE_PULL) : 1);

/** Where across the lid (0 the crease, 1 the shut line) the target is all the cheek's, from the over-crease skin's at 0. */
const ACROSS = [0.15, 0.95] as const;

/** The target chroma at share t from the crease to the shut line: the over-crease skin's blended into the cheek's (each at unit luma). */
export function acrossTarget(over: Rgb, cheek: Rgb, t: number): Rgb {
  const s = smoothstep(ACROSS[0], ACROSS[1], t), lo = lum(...over), lc = lum(...cheek);
  return over.map((x, ch) => (1 - s) * (x / lo) + s * (cheek[ch]! / lc)) as Rgb;
}

/**
 * The lid's body toned in place to the skin ring's chroma (nothing when the ring or the body is
 * unread); with `over` (the photo's skin over the crease) and lidSkinToneSetting.across, to the
 * over-crease skin's chroma at the top and the cheek's at the shut line (acrossTarget) where that
 * skin is lit (litShare).
 */
export function toneLidSkin(rgb: Float32Array, photo: Float32Array, mask: Float32Array, g: EyeGeometry, over?: Rgb): void {
  const ring = ringSkin(photo, mask);
  const w = bodyWeights(g, mask);
  const median = bodyMedianLuma(rgb, w);
  if (!ring || median === undefined) return;
  const cheek = cheekSkin(photo, g);
  const target = targetSkin(ring, cheek);
  const lit = lidSkinToneSetting.across && over && cheek && lum(...cheek) > 1 ? litShare(lum(...over) / lum(...cheek)) : 0;
  // chroma at unit luma, mixed, then at the target's luma again (toneGain reads a target's chroma against its luma)
  const lt = lum(...target), unit = target.map((x) => x / Math.max(1e-3, lt)) as Rgb;
  const pale = paleFactor(median / lum(...ring));
  // with a lit brow bone the lid's top, up to the crease, is toned too (its chroma only: the crease's shade stays)
  const wt = lit > 0 ? w.map((x, k) => Math.max(x, lit * topShare(g, k, mask[k]!))) : w;
  const low = weightedLowPass(rgb, wt, LOCAL_SIGMA);
  for (let k = 0; k < w.length; k++) {
    if (wt[k]! <= 0 || low.weight[k]! < 1e-3) continue;
    const local: Rgb = [low.rgb[k * 3]!, low.rgb[k * 3 + 1]!, low.rgb[k * 3 + 2]!], ll = lum(...local);
    const at = lit > 0 ? (mixRgb(unit, acrossTarget(over!, cheek!, acrossShare(g, k)), lit).map((x) => x * lt) as Rgb) : target;
    // the body share's luma as before; the top band added with a lit brow bone keeps its own
    const luma = wt[k] === w[k] ? pale * liftedLuma(ll, median) : ll + (w[k]! / wt[k]!) * (pale * liftedLuma(ll, median) - ll);
    const gain = toneGain(local, at, luma);
    for (let ch = 0; ch < 3; ch++) rgb[k * 3 + ch] = Math.min(255, rgb[k * 3 + ch]! * (1 + wt[k]! * (gain[ch]! - 1)));
  }
}
