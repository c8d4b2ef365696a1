// The shut lid's bulge lit as the face's lit skin (s53, lidskin53; critic52's worst #2: lp_s5's "flat brown ovals").
// The lid is filled from the skin round the mask and held there (lidSkinTone, lidNoPaler): on a painting whose
// eye socket is in shadow (lp_s5: ring luma 106 / 85, the lit cheek further down 120-130) that is the socket's
// shade spread flat over what was the open eye, a dark oval with nothing of the eyeball's form. A real shut lid
// there is shade at its rim (crease, corners, lash line) and a lit dome over the eyeball, which faces the
// camera as the cheek does. Here the dome (lidForm.ts's bulge: .45 of the way crease -> shut line, fading to
// both corners) is lifted until its light reaches DOME_REACH of the lit cheek under the eye (real shut lids
// sit at ~.93 of it, lidbody43); the rim keeps the ring's light, so no seam, and a lid whose dome is already
// that light (most photos) is untouched. lidbody43 lifted the whole body to the cheek (read-back worse, a
// pale oval in a dark frame on mt_man / lp_s0): this lifts only the dome, by its form, never the rim.
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV, clamp01 } from './grid.ts';
import { creaseAt, shutAt, cellsUnderLowerLid, type EyeGeometry } from './lids.ts';
import { bulgeGain } from './lidForm.ts';
import { ringSkin, type Rgb } from './lidSkinTone.ts';
import { luminance as lum } from '../../math/colour.ts';

/**
 * on (the product) / off: the lid as lidNoPaler leaves it (before s53). reach: the dome's light over the lit cheek's;
 * ringOver: and at most this over the skin ring round the patch (st_art_1's deep socket, ring 65 under a cheek of 135:
 * lit to the cheek, the dome was a pale oval in a dark frame); maxLift: the dome's gain at most 1 + this.
 */
export const lidLitDomeSetting = { on: true, reach: 0.93, ringOver: 1.2, maxLift: 0.35 };

/** The lit cheek: eye widths under the lower lid line (past the under-eye shade), u .1-.9; its lighter half. */
const LIT_FROM = 0.16, LIT_SPAN = 0.16;
/** The dome's cells: where the bulge's form is over this share of its peak (its light is read there). */
const DOME_CORE = 0.7;

/** The dome's form at share t (crease 0 -> shut line 1) and u: 1 at its peak (lidForm.ts bulgeGain's shape). */
export const domeShape = (t: number, u: number): number => bulgeGain(t, u) / PEAK;
const PEAK = Math.max(...Array.from({ length: 101 }, (_, i) => bulgeGain(i / 100, 0.5)));

/** The lift at the dome's peak that takes its light `dome` to reach x `lit`: 0 when already there, at most maxLift. */
export const domeLift = (dome: number, lit: number, ring = Infinity, s = lidLitDomeSetting): number =>
  dome > 1 && lit > 0 ? Math.min(s.maxLift, Math.max(0, Math.min(s.reach * lit, s.ringOver * ring) / dome - 1)) : 0;

/** The mean RGB and luma of the cells whose luma lies in the share range [lo, hi) of their sorted lumas. */
function meanOf(rgb: Float32Array, cells: number[], lo: number, hi: number): { rgb: Rgb; luma: number } | undefined {
  const byLuma = cells.map((k) => [lum(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!), k] as const).sort((a, b) => a[0] - b[0]);
  const part = byLuma.slice(Math.floor(lo * byLuma.length), Math.floor(hi * byLuma.length));
  if (!part.length) return undefined;
  const sum: Rgb = [0, 0, 0];
  for (const [, k] of part) for (let ch = 0; ch < 3; ch++) sum[ch] += rgb[k * 3 + ch]!;
  const m = sum.map((x) => x / part.length) as Rgb;
  return { rgb: m, luma: lum(...m) };
}

/** The photo's lit cheek under the eye: the lighter half (50-90 %) of the band LIT_FROM..+LIT_SPAN under the lower lid. */
export function litCheek(photo: Float32Array, g: EyeGeometry): { rgb: Rgb; luma: number } | undefined {
  const cells = cellsUnderLowerLid(g, [0.1, 0.9], [LIT_FROM, LIT_FROM + LIT_SPAN]);
  return cells.length < 16 ? undefined : meanOf(photo, cells, 0.5, 0.9);
}

/** Each body cell's dome form (0 off it), and the median light of the dome's core (undefined when too few cells). */
function domeOf(rgb: Float32Array, g: EyeGeometry, mask: Float32Array) {
  const form = new Float32Array(PATCH_W * PATCH_H), core: number[] = [];
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c), uc = clamp01(u), crease = creaseAt(g, uc), shut = shutAt(g, uc);
    for (let r = 0; r < PATCH_H; r++) {
      const k = r * PATCH_W + c, f = domeShape((cellV(r) - crease) / Math.max(1e-3, shut - crease), u) * Math.min(1, mask[k]! / 0.95);
      form[k] = f;
      if (f > DOME_CORE) core.push(k);
    }
  }
  // its middle half by luma (no lash or glint)
  return { form, light: core.length >= 8 ? meanOf(rgb, core, 0.25, 0.75) : undefined };
}

/** What the dome reads on a baked lid: the lit cheek's light, the dome's, the lift between them, the dome's form per cell. */
export function domeReading(rgb: Float32Array, photo: Float32Array, mask: Float32Array, g: EyeGeometry) {
  const lit = litCheek(photo, g), { form, light } = domeOf(rgb, g, mask), ring = ringSkin(photo, mask);
  return { lit, light, form, lift: lit === undefined || light === undefined ? 0 : domeLift(light.luma, lit.luma, ring ? lum(...ring) : Infinity) };
}

/** Lifts the lid's dome toward the lit cheek's light in place (one gain by the dome's form; chroma kept). Returns the lift. */
export function liftLitDome(rgb: Float32Array, photo: Float32Array, mask: Float32Array, g: EyeGeometry): number {
  const { form, lift, lit, light } = domeReading(rgb, photo, mask, g);
  if (lift <= 0 || !lit || !light) return 0;
  // per channel toward the lit cheek's colour at reach x its light (a lit lid is the cheek's hue, not the shade's
  // hue made lighter: scaled, lp_s5's dome came out orange), by the share of the way maxLift allows
  const share = lift / ((lidLitDomeSetting.reach * lit.luma) / light.luma - 1);
  const chGain = light.rgb.map((d, ch) => (lidLitDomeSetting.reach * lit.rgb[ch]!) / Math.max(1, d) - 1);
  for (let k = 0; k < form.length; k++) {
    if (form[k]! <= 0) continue;
    for (let ch = 0; ch < 3; ch++) rgb[k * 3 + ch] = Math.min(255, rgb[k * 3 + ch]! * (1 + share * form[k]! * chGain[ch]!));
  }
  return lift;
}
