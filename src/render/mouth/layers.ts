// The mouth layers an avatar uses, made ready for one output size: the photo's own teeth (cut
// from the photo when it shows an open mouth) or the teeth library, light-matched to the face
// (exposure, white balance, colourfulness) and softened to the photo's own sharpness, then
// resampled once to output pixels so the per-pixel shader only does 1:1 bilinear lookups.
import type { Avatar } from '../../avatar/types.ts';
import { cutMouthLayers, type MouthLayer } from './atlas.ts';
import { teethLibrary } from './library.ts';
import { smoothstep } from '../../math/smooth.ts';
import { lipSurfaceColours } from './placement.ts';

/** A layer at output scale, PREMULTIPLIED RGBA floats (colour 0..255 times alpha, alpha 0..1). */
export interface ReadyLayer {
  width: number;
  height: number;
  anchorX: number;
  anchorY: number;
  data: Float32Array;
}

export interface ReadyMouth {
  upper: ReadyLayer;
  lower: ReadyLayer;
  tongue: ReadyLayer | null;
  cavity: [number, number, number];
  /** the photo's own teeth are laid over the library set (the photo shows them) */
  fromPhoto: boolean;
}

const CHEEK_PROBES = [50, 280, 205, 425, 101, 330];
/** gamma on the library teeth (< 1 brightens the mid-tones) */
const TEETH_LIFT = 0.75;

/** Layers for `avatar` at `outPerIod` output pixels per inter-ocular distance. */
export function readyMouth(avatar: Avatar, outPerIod: number): ReadyMouth {
  const tex = avatar.texture;
  const at = (i: number): [number, number] => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!];
  // how soft the photo is, in crop pixels: a source smaller than the crop was enlarged into it
  const a = avatar.analysis;
  const enlarge = a ? a.crop.size / Math.max(1, a.crop.side) : 1;
  const photoBlurCrop = Math.max(0.35, 0.5 * enlarge);
  const photoBlurOut = photoBlurCrop * (outPerIod / avatar.head.iod);

  // the photo's own interior, where it shows one: already in the photo's light and sharpness
  const photoGapIod = avatar.mouth.photoGap / avatar.head.iod;
  const own = photoGapIod >= PHOTO_TEETH_MIN_GAP ? cutMouthLayers(tex, at, Math.max(16, Math.round(avatar.head.iod)), { fillBehindLip: false }) : null;
  const ident = { gain: [1, 1, 1] as [number, number, number], saturation: 1 };
  const lib = teethLibrary();
  const cheek = [0, 0, 0];
  for (const i of CHEEK_PROBES) {
    const [x, y] = at(i);
    const o = (Math.min(tex.height - 1, Math.max(0, Math.round(y))) * tex.width + Math.min(tex.width - 1, Math.max(0, Math.round(x)))) * 4;
    for (let ch = 0; ch < 3; ch++) cheek[ch]! += tex.data[o + ch]! / CHEEK_PROBES.length;
  }
  const match = lightMatch(lib.cheek, cheek as [number, number, number], avatar.mouth.light?.saturation ?? 1);
  // the library is softer than its ppi suggests (a video frame); only add what the photo has more
  const libBlurOut = 0.6 * (outPerIod / lib.upper.ppi);
  const extra = Math.sqrt(Math.max(0, photoBlurOut * photoBlurOut - libBlurOut * libBlurOut));
  const cav = lib.cavity.map((v, k) => v * match.gain[k]!) as [number, number, number];
  let upper = mainRow(teethUnderLip(ready(lib.upper, outPerIod, extra, match, TEETH_LIFT), outPerIod, -1), outPerIod);
  let lower = mainRow(teethUnderLip(ready(lib.lower, outPerIod, extra, match, TEETH_LIFT), outPerIod, 1), outPerIod);
  let fromPhoto = false;
  if (own) {
    // the photo's teeth as rigid pieces over the library set (which goes on where the photo hid it)
    const upperOwn = ready(own.upper, outPerIod, 0, ident), lowerOwn = ready(own.lower, outPerIod, 0, ident);
    // a barely parted photo shows its upper teeth; its lower half is mostly lip shadow, used only
    // when the photo's mouth is really open
    const lowerToo = avatar.mouth.usePhotoInterior;
    fromPhoto = coverage(upperOwn) + (lowerToo ? coverage(lowerOwn) : 0) > 0;
    upper = over(withoutDark(upperOwn), upper);
    if (lowerToo) lower = over(withoutDark(lowerOwn), lower);
  }
  return {
    upper,
    lower,
    // the tongue softer than the teeth: its top edge is the source's lower-teeth silhouette, which
    // read as a jagged line under the dark band between the rows
    tongue: lib.tongue ? inLipHue(ready(lib.tongue, outPerIod, Math.max(extra, TONGUE_BLUR * outPerIod), match), lipSurfaceColours(avatar).lipEdge) : null,
    cavity: own && fromPhoto ? own.cavity : desaturate(cav, match.saturation),
    fromPhoto,
  };
}

/** Blur of the tongue layer, in IOD. */
const TONGUE_BLUR = 0.012;
/** The photo's own teeth pixels fade out between these shares of its bright teeth (darker: the slit, the shadow between teeth). */
const OWN_TEETH_KEEP = [0.5, 0.7] as const;
/** The photo shows its teeth from this lip gap (IOD) on. */
const PHOTO_TEETH_MIN_GAP = 0.035;

/**
 * The photo's teeth piece without its dark pixels (the slit between its rows, the shadow between
 * teeth, seen as dark squares over the library set beneath: a "denture"): pixels under 50-70 % of
 * its bright teeth (90th percentile luminance of its solid pixels) fade out, the library shows there;
 * darker lip pixels of the cut go too.
 */
function withoutDark(l: ReadyLayer): ReadyLayer {
  const lums: number[] = [];
  const d = l.data;
  for (let o = 0; o < d.length; o += 4) if (d[o + 3]! >= 0.9) lums.push(lum(d[o]!, d[o + 1]!, d[o + 2]!) / d[o + 3]!);
  if (lums.length < 8) return l;
  lums.sort((a, b) => a - b);
  const bright = lums[Math.floor(0.9 * (lums.length - 1))]!;
  const lo = OWN_TEETH_KEEP[0] * bright, hi = OWN_TEETH_KEEP[1] * bright;
  const keep = new Float32Array(d.length / 4);
  for (let q = 0; q < keep.length; q++) {
    const a = d[q * 4 + 3]!;
    keep[q] = a > 0 ? smoothstep(lo, hi, lum(d[q * 4]!, d[q * 4 + 1]!, d[q * 4 + 2]!) / a) : 0;
  }
  // eroded by a pixel and softened: the teeth's half-dark rim (where they meet the photo's dark
  // slit) read as a brown ring around the photo's teeth over the library's
  const W = l.width, H = l.height, data = Float32Array.from(d);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    let k = keep[y * W + x]!, sum = 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const v = keep[Math.min(H - 1, Math.max(0, y + dy)) * W + Math.min(W - 1, Math.max(0, x + dx))]!;
      if (v < k) k = v;
      sum += v;
    }
    k = 0.5 * k + 0.5 * Math.min(k * 2, sum / 9);
    for (let ch = 0; ch < 4; ch++) data[(y * W + x) * 4 + ch] = d[(y * W + x) * 4 + ch]! * k;
  }
  return { ...l, data };
}

/**
 * The library's row of teeth from its centre out to the first dark gap on each side (past a gap
 * beside a canine the source frame has a lone tooth fragment, which drew a dark vertical stripe and
 * a sliver of tooth at the ends of every wide opening), then carried on toward the mouth corners:
 * the row's last teeth mirrored outward, narrower (the arch turns away) and darker (deeper in the
 * mouth), fading out over ROW_RUN iod. Before, the row ended in a straight vertical cut with black
 * cavity beyond it at every wide opening.
 */
function mainRow(l: ReadyLayer, outPerIod: number): ReadyLayer {
  const W = l.width, H = l.height, d = l.data;
  const c = Math.min(W - 1, Math.max(0, Math.round(l.anchorX))), half = Math.max(1, Math.round(0.12 * W));
  const lumAt = (x: number, y: number) => { const o = (y * W + x) * 4; return lum(d[o]!, d[o + 1]!, d[o + 2]!); };
  // the teeth's rows: bright across the centre columns
  const rowLum = Float32Array.from({ length: H }, (_, y) => { let s = 0; for (let x = c - half; x <= c + half; x++) s += lumAt(Math.min(W - 1, Math.max(0, x)), y); return s / (2 * half + 1); });
  const top = Math.max(...rowLum);
  if (top <= 0) return l;
  const rows = [...rowLum.keys()].filter((y) => rowLum[y]! >= 0.6 * top);
  // each column's mean over those rows; the row ends where a column falls under 45 % of the centre's
  const bright = Float32Array.from({ length: W }, (_, x) => rows.reduce((s, y) => s + lumAt(x, y), 0) / rows.length);
  const ref = bright.subarray(c - half < 0 ? 0 : c - half, c + half + 1).reduce((s, v) => s + v, 0) / (2 * half + 1);
  let left = c, right = c;
  while (left > 0 && bright[left - 1]! >= 0.45 * ref) left--;
  while (right < W - 1 && bright[right + 1]! >= 0.45 * ref) right++;
  const data = Float32Array.from(d);
  const run = ROW_RUN * outPerIod;
  for (let x = 0; x < W; x++) {
    const out = x < left ? left - x : x > right ? x - right : 0;
    if (out === 0) continue;
    // the mirrored source column, ROW_NARROW times as fast (narrower teeth), within the row
    const src = x < left ? Math.min(right, left + out * ROW_NARROW) : Math.max(left, right - out * ROW_NARROW);
    const s0 = Math.floor(src), s1 = Math.min(W - 1, s0 + 1), t = src - s0;
    const fade = Math.max(0, 1 - out / run) ** 1.5;
    // (darker toward the back, mildly: exp(-out / (run / 2)) read as a dark grey block in a wide smile, lp_s1)
    const shade = 1 - ROW_END_SHADE * Math.min(1, out / run);
    for (let y = 0; y < H; y++) {
      const o = (y * W + x) * 4, a0 = (y * W + s0) * 4, a1 = (y * W + s1) * 4;
      for (let ch = 0; ch < 4; ch++) {
        const v = d[a0 + ch]! * (1 - t) + d[a1 + ch]! * t;
        data[o + ch] = v * fade * (ch === 3 ? 1 : shade);
      }
    }
  }
  return { ...l, data };
}
/** How far (iod) a library row carries on past its last tooth, how much narrower those teeth are, and how much darker at the end. */
const ROW_RUN = 0.16, ROW_NARROW = 1.4, ROW_END_SHADE = 0.45;

/**
 * The teeth go on behind the lip: each column's teeth colour (a little into the row) carried on
 * past the row's lip end for UNDER_LIP_* iod, darkening toward the gum, over the source's flat
 * shadowed band. A smile lifts the upper lip (and drops the lower) off the teeth: before, that
 * showed a grey band above the upper teeth. `dir` -1: the lip is above (upper row), 1: below.
 */
function teethUnderLip(l: ReadyLayer, outPerIod: number, dir: -1 | 1): ReadyLayer {
  const W = l.width, H = l.height, d = l.data;
  const lums: number[] = [];
  for (let o = 0; o < d.length; o += 4) if (d[o + 3]! >= 0.9) lums.push(lum(d[o]!, d[o + 1]!, d[o + 2]!) / d[o + 3]!);
  if (lums.length < 8) return l;
  lums.sort((a, b) => a - b);
  // (above 0.6: the source's shadowed band behind the lip is 0.6 of its teeth)
  const teeth = 0.7 * lums[Math.floor(0.9 * (lums.length - 1))]!;
  const reach = (dir < 0 ? UNDER_LIP_UPPER : UNDER_LIP_LOWER) * outPerIod, inset = Math.max(1, Math.round(0.015 * outPerIod));
  // rows from the lip side into the mouth
  const rowAt = (k: number) => (dir < 0 ? k : H - 1 - k);
  // per column: where its teeth start under the lip, and their colour a little into the row
  // (straight; the rows right under the lip are its shadow or the lip's own pink in the source
  // frame, and the shader draws the lip's shadow where the lip is now)
  const firstAt = new Int32Array(W).fill(-1), colour = new Float32Array(W * 3), has = new Uint8Array(W);
  for (let x = 0; x < W; x++) {
    let first = -1;
    for (let k = 0; k < H; k++) {
      const o = (rowAt(k) * W + x) * 4, a = d[o + 3]!;
      if (a >= 0.9 && lum(d[o]!, d[o + 1]!, d[o + 2]!) / a >= teeth) { first = k; break; }
    }
    if (first < 1) continue;
    const start = Math.min(H - 1, first + inset);
    let n = 0;
    for (let k = start; k < Math.min(H, start + inset + 1); k++) {
      const o = (rowAt(k) * W + x) * 4, a = d[o + 3]!;
      if (a < 0.9) continue;
      for (let ch = 0; ch < 3; ch++) colour[x * 3 + ch]! += d[o + ch]! / a;
      n++;
    }
    if (!n) continue;
    for (let ch = 0; ch < 3; ch++) colour[x * 3 + ch] = colour[x * 3 + ch]! / n;
    firstAt[x] = first; has[x] = 1;
  }
  // averaged across neighbouring columns: carried on column by column, the dark gaps between the
  // teeth drew vertical stripes (a "barcode") under a dropped lower lip (lp_s1)
  const r = Math.max(1, Math.round(0.02 * outPerIod));
  const data = Float32Array.from(d);
  for (let x = 0; x < W; x++) {
    if (!has[x]) continue;
    const c = [0, 0, 0];
    let n = 0;
    for (let q = Math.max(0, x - r); q <= Math.min(W - 1, x + r); q++) {
      if (!has[q]) continue;
      for (let ch = 0; ch < 3; ch++) c[ch]! += colour[q * 3 + ch]!;
      n++;
    }
    const first = firstAt[x]!, start = Math.min(H - 1, first + inset);
    for (let k = start - 1; k >= 0 && start - k <= reach; k--) {
      const t = Math.max(0, (first - k) / reach);
      const a = 1 - smoothstep(0.5, 1, t), shade = (1 - 0.35 * t) / n;
      const o = (rowAt(k) * W + x) * 4;
      for (let ch = 0; ch < 3; ch++) data[o + ch] = c[ch]! * shade * a + data[o + ch]! * (1 - a);
      data[o + 3] = a + data[o + 3]! * (1 - a);
    }
  }
  return { ...l, data };
}
/**
 * How far (iod) the teeth go on behind the lip before the gum's shadow: upper incisors are ~0.17 IOD
 * long and the library shows ~0.09 of them; the lower row, shorter and mostly behind the lip, less.
 */
const UNDER_LIP_UPPER = 0.08, UNDER_LIP_LOWER = 0.04;

/**
 * The tongue in the hue of the picture's own lips (its luminance kept): the library tongue's fixed
 * pink was off the palette of a varnished painting (a lilac tongue in Mona Lisa's yellow) and of
 * black-and-white photos. TONGUE_LIP_HUE of the way (more made lipstick a red tongue, Katie).
 */
function inLipHue(l: ReadyLayer, lip: [number, number, number]): ReadyLayer {
  const ly = Math.max(1, lum(...lip));
  const data = Float32Array.from(l.data);
  for (let o = 0; o < data.length; o += 4) {
    const y = lum(data[o]!, data[o + 1]!, data[o + 2]!);
    for (let ch = 0; ch < 3; ch++) {
      const v = data[o + ch]! + (Math.min(255 * data[o + 3]!, (y * lip[ch]!) / ly) - data[o + ch]!) * TONGUE_LIP_HUE;
      data[o + ch] = v;
    }
  }
  return { ...l, data };
}
const TONGUE_LIP_HUE = 0.45;

/** Solid pixels of a layer (alpha >= 0.9). */
function coverage(l: ReadyLayer): number {
  let n = 0;
  for (let k = 3; k < l.data.length; k += 4) if (l.data[k]! >= 0.9) n++;
  return n;
}

/** `top` over `base` (premultiplied), aligned on their anchors, on `base`'s grid. */
function over(top: ReadyLayer, base: ReadyLayer): ReadyLayer {
  const data = Float32Array.from(base.data);
  const dx = Math.round(top.anchorX - base.anchorX), dy = Math.round(top.anchorY - base.anchorY);
  for (let y = 0; y < base.height; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= top.height) continue;
    for (let x = 0; x < base.width; x++) {
      const tx = x + dx;
      if (tx < 0 || tx >= top.width) continue;
      const t = (ty * top.width + tx) * 4, o = (y * base.width + x) * 4;
      const a = top.data[t + 3]!;
      if (a <= 0) continue;
      for (let ch = 0; ch < 4; ch++) data[o + ch] = top.data[t + ch]! + data[o + ch]! * (1 - a);
    }
  }
  return { ...base, data };
}

interface LightMatch { gain: [number, number, number]; saturation: number }

/**
 * Per-channel gains that move the library's light to the photo's: the ratio of cheek
 * luminances (exposure, limited to 0.7..1.25 so a dark-skinned face does not get dark teeth), times a share
 * (power 0.5, within 0.9..1.1: cheeks also carry make-up) of the ratio of the cheeks' hues (white balance, never bluer than neutral); colourfulness follows the photo (grey for B/W).
 */
export function lightMatch(srcCheek: [number, number, number], dstCheek: [number, number, number], saturation: number): LightMatch {
  const ls = lum(...srcCheek), ld = lum(...dstCheek);
  // teeth catch a little more light than the cheeks' average (they are the most reflective surface)
  const exposure = Math.min(1.25, Math.max(0.7, (1.1 * ld) / Math.max(1, ls)));
  const gain = [0, 1, 2].map((k) => {
    const hueRatio = (dstCheek[k]! / Math.max(1, ld)) / (srcCheek[k]! / Math.max(1, ls));
    return exposure * Math.min(1.1, Math.max(0.9, hueRatio ** 0.5));
  }) as [number, number, number];
  // teeth are never bluer than neutral grey (a pale cheek is no blue light)
  if (gain[2] > gain[0]) gain[2] = gain[0];
  return { gain, saturation: Math.min(1, Math.max(0, saturation)) };
}

function lum(r: number, g: number, b: number): number {
  return 0.3 * r + 0.59 * g + 0.11 * b;
}

function desaturate(c: [number, number, number], s: number): [number, number, number] {
  const y = lum(...c);
  return [y + (c[0] - y) * s, y + (c[1] - y) * s, y + (c[2] - y) * s];
}

/** Resamples a layer to `outPerIod`, blurs it by `sigma` output px, applies the light match, premultiplies. */
function ready(layer: MouthLayer, outPerIod: number, sigma: number, match: LightMatch, lift = 1): ReadyLayer {
  const k = outPerIod / layer.ppi;
  const W = Math.max(2, Math.round(layer.width * k)), H = Math.max(2, Math.round(layer.height * k));
  const data = new Float32Array(W * H * 4);
  const src = layer.data, sw = layer.width, sh = layer.height;
  // area-aware resampling: a box of the source footprint when shrinking, bilinear when enlarging
  const foot = Math.max(1, 1 / k);
  for (let j = 0; j < H; j++) {
    for (let i = 0; i < W; i++) {
      const cx = (i + 0.5) / k - 0.5, cy = (j + 0.5) / k - 0.5;
      let r = 0, g = 0, b = 0, a = 0, wsum = 0;
      const steps = Math.ceil(foot);
      for (let q = 0; q < steps; q++) for (let p = 0; p < steps; p++) {
        const x = cx + (p + 0.5) / steps * foot - foot / 2, y = cy + (q + 0.5) / steps * foot - foot / 2;
        const fx = Math.min(sw - 1, Math.max(0, x)), fy = Math.min(sh - 1, Math.max(0, y));
        const ix = Math.min(sw - 2, fx | 0), iy = Math.min(sh - 2, fy | 0);
        const ax = fx - ix, ay = fy - iy;
        for (const [dx, dy, w] of [[0, 0, (1 - ax) * (1 - ay)], [1, 0, ax * (1 - ay)], [0, 1, (1 - ax) * ay], [1, 1, ax * ay]] as const) {
          const o = ((iy + dy) * sw + ix + dx) * 4;
          const al = src[o + 3]! * w;
          r += src[o]! * al; g += src[o + 1]! * al; b += src[o + 2]! * al; a += al;
        }
        wsum += 1;
      }
      const o = (j * W + i) * 4;
      data[o] = r / wsum; data[o + 1] = g / wsum; data[o + 2] = b / wsum; data[o + 3] = a / wsum;
    }
  }
  if (sigma > 0.3) blurPremultiplied(data, W, H, sigma);
  const [g0, g1, g2] = match.gain, s = match.saturation;
  for (let q = 0; q < W * H; q++) {
    const o = q * 4;
    let r = data[o]! * g0, g = data[o + 1]! * g1, b = data[o + 2]! * g2;
    const y = lum(r, g, b);
    r = y + (r - y) * s; g = y + (g - y) * s; b = y + (b - y) * s;
    const cap = 255 * data[o + 3]!;
    if (lift !== 1 && cap > 0) {
      // a brighter mid-tone (video-frame teeth are dull next to a photo's): colour / alpha, lifted, times alpha
      r = cap * Math.min(1, Math.max(0, r / cap)) ** lift; g = cap * Math.min(1, Math.max(0, g / cap)) ** lift; b = cap * Math.min(1, Math.max(0, b / cap)) ** lift;
    }
    data[o] = Math.min(cap, Math.max(0, r)); data[o + 1] = Math.min(cap, Math.max(0, g)); data[o + 2] = Math.min(cap, Math.max(0, b));
  }
  return { width: W, height: H, anchorX: layer.anchorX * k, anchorY: layer.anchorY * k, data };
}

/** Separable gaussian blur of premultiplied RGBA floats (edges clamped). */
function blurPremultiplied(data: Float32Array, W: number, H: number, sigma: number): void {
  const r = Math.max(1, Math.ceil(2.5 * sigma));
  const kernel = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = kernel.reduce((p, q) => p + q, 0);
  for (let i = 0; i < kernel.length; i++) kernel[i] = kernel[i]! / sum;
  const tmp = new Float32Array(data.length);
  for (const horizontal of [true, false]) {
    const from = horizontal ? data : tmp, to = horizontal ? tmp : data;
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      for (let ch = 0; ch < 4; ch++) {
        let acc = 0;
        for (let t = -r; t <= r; t++) {
          const xx = horizontal ? Math.min(W - 1, Math.max(0, x + t)) : x;
          const yy = horizontal ? y : Math.min(H - 1, Math.max(0, y + t));
          acc += from[(yy * W + xx) * 4 + ch]! * kernel[t + r]!;
        }
        to[(y * W + x) * 4 + ch] = acc;
      }
    }
  }
}
