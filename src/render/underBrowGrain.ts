// The raised brow's uncovered band (brows.ts UnderBrowSkin) as skin with grain, in the skin's own hue.
// s47 underbrow47: on st_art_1 <- pcavs741 (a painting whose brow sits on the lid: the band between the brow's
// lower contour and the lid is near-black hair and socket shadow, L* 2-12) the pass blended that band 75 % toward
// one smooth per-column skin colour: a flat patch (render f24: high-pass 0.61 of the forehead's) whose top met the
// untouched hair in a hard line, and 25 % of the hair's reddish neutral in a linear RGB mix pulled it off the skin's
// hue toward lilac (hue 65 deg against the forehead's 73, b* 28 against the lid's 38).
// Here, where the band uncovers skin lighter than the photo, the blend keeps the pass's luminance mix, but (1) the
// colour is the skin's chromaticity, not a mix of the hair's and the skin's, (2) the skin's grain comes along: the
// photo's own forehead texture just above the brow (its high-pass, mirrored down across the brow), and (3) the top
// of the band fades into the hair over a longer ramp. Where the target is darker than the photo (lp_s1's lid skin
// under a fringe) the pass's linear blend stays: a dark target's chroma at a higher luminance was an orange blob.
import { smoothstep } from '../math/smooth.ts';

/** on: the grained, skin-hued blend; off: the pass's flat linear blend (as before s47). */
export const underBrowGrainSetting = { on: true, grain: 1, topRamp: 0.45 };

/**
 * s50 irisband50: where the photo's band is skin in shade (its luma over the lit skin target's from `skinFrom` up, full
 * from skinFrom + skinSpan), the blend keeps the linear mix's colour (the shaded skin's own warm brown moving toward the
 * target's as far as the luminance moved) instead of the lit target's chromaticity at the mix's lower luminance: on lp_s5
 * (a painting, lid texels at .46-.92 of the forehead's luma) that chromaticity read as a grey-green band over the iris top
 * at a brow raise. Under skinFrom (st_art_1's hair and socket black, .11-.39) the s47 colour stays. off: s47's colour.
 */
export const shadedSkinHueSetting = { on: true, skinFrom: 0.25, skinSpan: 0.25 };

const luma = (r: number, g: number, b: number) => 0.3 * r + 0.59 * g + 0.11 * b;

/**
 * Per band texel (byte offsets `pixels` in `data`, as built): the high-pass luminance of the forehead skin just
 * above the brow at the same column, mirrored across the brow (the texel d px below the brow's lower contour takes
 * the forehead texel d px above the brow's top, past a gap of .04 IOD), so the grain runs the same way as the photo's.
 * None where that forehead is darker than the band's skin target by 15 % or more (a fringe's hair: lp_s42's temple).
 */
export function foreheadGrain(data: Uint8ClampedArray, width: number, height: number, pixels: Int32Array, target: Float32Array,
  browLowerY: (x: number) => number, browTopY: (x: number) => number, iod: number): Float32Array {
  const out = new Float32Array(pixels.length);
  const L = (x: number, y: number) => { const o = (Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))) * 4; return luma(data[o]!, data[o + 1]!, data[o + 2]!); };
  const r = Math.max(1, Math.round(0.015 * iod)), gap = 0.04 * iod;
  for (let q = 0; q < pixels.length; q++) {
    const i = pixels[q]! / 4, x = i % width, y = Math.floor(i / width);
    const ys = Math.round(browTopY(x) - gap - Math.max(0, y - browLowerY(x)));
    let s = 0, n = 0;
    for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) { s += L(x + dx, ys + dy); n++; }
    // hair, not skin, above the brow (a fringe: its local mean darker than the skin the band turns into): no grain from it
    const mean = s / n, lt = luma(target[q * 3]!, target[q * 3 + 1]!, target[q * 3 + 2]!);
    const gate = Math.max(0, Math.min(1, 1 - (lt - mean) / Math.max(1, 0.15 * lt)));
    // a stray strand or highlight: no more than a tenth of the skin's luminance either way
    out[q] = gate * Math.max(-0.1 * lt, Math.min(0.1 * lt, L(x, ys) - mean));
  }
  return out;
}

/**
 * Writes the band at blend share f (UNCOVER x raise) into `data`: per texel w = f x profile x top; the luminance is the
 * pass's mix (photo -> target by w) plus h x the forehead's grain, h = smooth01(w / .5) the skin's share; the colour
 * moves from the photo's chromaticity to the target's by h. Where the target is no lighter than the photo, the pass's
 * linear blend as before. `top` (0..1 per texel, topFade) shortens the blend toward the brow hair.
 */
export function blendGrained(data: Uint8ClampedArray, pixels: Int32Array, photo: Uint8ClampedArray, target: Float32Array,
  profile: Float32Array, grain: Float32Array, top: Float32Array, f: number): void {
  const gk = underBrowGrainSetting.grain;
  for (let q = 0; q < pixels.length; q++) {
    const o = pixels[q]!, wOld = f * profile[q]!, w = wOld * top[q]!;
    const pr = photo[q * 3]!, pg = photo[q * 3 + 1]!, pb = photo[q * 3 + 2]!;
    const tr = target[q * 3]!, tg = target[q * 3 + 1]!, tb = target[q * 3 + 2]!;
    const lp = luma(pr, pg, pb), lt = luma(tr, tg, tb);
    // only where the band uncovers skin lighter than the photo (hair, socket shade) is it drawn anew; a target darker
    // than the photo (lp_s1's lid skin under a fringe) keeps the linear blend: its chroma at a higher luminance was an
    // orange-red blob, its top fade and grain a grey smudge
    const up = Math.max(0, Math.min(1, (lt - lp) / Math.max(1, 0.3 * lt)));
    // the pass's linear blend (luminance Lo), then its colour moved to the skin's chromaticity at Lo and the skin's grain
    // added, both by h = the band's share of skin (1 from w .5): at small raises main's blend, at large ones skin
    const h = Math.min(1, w / 0.5);
    const or = pr + w * (tr - pr), og = pg + w * (tg - pg), ob = pb + w * (tb - pb), Lo = luma(or, og, ob);
    const k = (Lo + h * gk * grain[q]!) / (lt + 6);
    let nr = (1 - h) * or + h * (tr + 6) * k, ng = (1 - h) * og + h * (tg + 6) * k, nb = (1 - h) * ob + h * (tb + 6) * k;
    const sk = skinShare(lp, lt);
    if (sk > 0) {
      // the linear mix's own chromaticity at the same luminance and grain (s50: the shaded skin's hue, not the lit skin's)
      const ko = (Lo + h * gk * grain[q]!) / (Lo + 6);
      nr += sk * h * ((or + 6) * ko - (tr + 6) * k); ng += sk * h * ((og + 6) * ko - (tg + 6) * k); nb += sk * h * ((ob + 6) * ko - (tb + 6) * k);
    }
    data[o] = up * nr + (1 - up) * (pr + wOld * (tr - pr));
    data[o + 1] = up * ng + (1 - up) * (pg + wOld * (tg - pg));
    data[o + 2] = up * nb + (1 - up) * (pb + wOld * (tb - pb));
  }
}

/** How much a photo texel of luma lp under a target of luma lt is shaded skin (0: hair or socket black; s50). */
export function skinShare(lp: number, lt: number): number {
  const { on, skinFrom, skinSpan } = shadedSkinHueSetting;
  if (!on) return 0;
  return smoothstep(skinFrom, skinFrom + skinSpan, lp / Math.max(1, lt));
}

/** The share of the blend kept per texel from the band's t (1 on the brow's lower contour): 1 below 1 - ramp - .05, easing to 0 at t .95. */
export function topFade(t: number): number {
  const ramp = underBrowGrainSetting.topRamp, a = 0.95 - ramp, x = (0.95 - t) / Math.max(1e-6, ramp);
  if (t <= a) return 1;
  const c = Math.max(0, Math.min(1, x));
  return c * c * (3 - 2 * c);
}
