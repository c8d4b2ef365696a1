// The depth of a dark open mouth (issue #13, critic28: where tongue28 sank the tongue, lp_s5 <- lp_d10 f93 and
// `view --expr jawOpen=1` on mt_man, the opening was one flat dark maroon or brown hole). A real open mouth in shade
// shows the throat darkest in its middle-back, and the tongue's back as a dim rounded mound rising from the floor of
// the mouth, lit most at its front, over the lower lip (lp_d10 f93: a black band under the upper row, then the
// tongue's back from .5 of the lips' luma up to .8 at its front). Drawn on the cavity, under the lit tongue and the
// teeth, which cover it where they stand.
import { smoothstep } from '../../math/smooth.ts';
import type { ReadyLayer } from './readyLayer.ts';
import type { FrameLight, MouthPlacement } from './frameLight.ts';
import type { OpeningPixel } from './interior.ts';

type Rgb = [number, number, number];

/** lip gaps (IOD) over which the depth comes in: a speech slit stays the plain dark of its cavity */
const DEPTH_GAP = [0.08, 0.2] as const;
/** the mound's top stands this share of the opening's height over the lower lip, in the middle (lower toward the corners) */
const BACK_TOP = 0.55;
/** the mound reaches this share of the opening's half width to each side */
const BACK_WIDE = 0.75;
/** the share of its radius over which the mound's outline fades into the throat (soft, no contour) */
const BACK_SOFT = 0.3;
/** the mound's light over the tongue's lit colour: at its front middle (facing the light from the lips) and at its rim (turned away) */
const BACK_FRONT = 0.6, BACK_RIM = 0.15;
/** the throat, darkest over the mound (this share of the opening's height over the lower lip), falls off over these radii (shares of the half width and the height) ... */
const THROAT_AT = 0.68, THROAT_WIDE = 0.6, THROAT_TALL = 0.3;
/** ... by this share of the cavity's light at its deepest */
const THROAT_DEEP = 0.4;
/** lip gaps (IOD) over which a wide-open mouth's throat loses half its depth: light reaches further in (a shout's cavity is a dark red, test/mouthRim) */
const THROAT_LIT_GAP = [0.3, 0.45] as const;

const tones = new WeakMap<ReadyLayer, Rgb>();
// (the last layer asked for, checked first: asked per opening pixel, a WeakMap lookup each time cost ~0.3 ms a frame)
let lastLayer: ReadyLayer | null = null, lastTone: Rgb = [0, 0, 0];

/** The tongue's lit colour: the median (by luma) of its layer's opaque pixels, straight; once per layer. */
export function tongueTone(t: ReadyLayer): Rgb {
  if (t === lastLayer) return lastTone;
  const known = tones.get(t);
  if (known) { lastLayer = t; lastTone = known; return known; }
  const px: Rgb[] = [];
  for (let o = 0; o < t.data.length; o += 4) {
    const a = t.data[o + 3]!;
    if (a >= 0.9) px.push([t.data[o]! / a, t.data[o + 1]! / a, t.data[o + 2]! / a]);
  }
  px.sort((p, q) => p[0] + 2 * p[1] - q[0] - 2 * q[1]);
  const tone: Rgb = px.length ? px[px.length >> 1]! : [0, 0, 0];
  tones.set(t, tone);
  lastLayer = t; lastTone = tone;
  return tone;
}

/** How far the depth applies on a frame, 0..1: an opening past a speech slit, not a rounded "O" (roundInside.ts shades its own). */
export function depthShare(gap: number, round: number): number {
  return smoothstep(DEPTH_GAP[0], DEPTH_GAP[1], gap) * (1 - round);
}

/**
 * The tongue's back at a point of the opening (`lateral` 0 middle .. 1 corner, `up` its height over the lower lip as a
 * share of the opening's), 0..1 each: how much of it covers the point, and its light as a share of the tongue's lit
 * colour (a dome lit from the front: brightest at its front middle, falling to BACK_RIM at its outline).
 */
export function tongueBack(lateral: number, up: number): { cover: number; light: number } {
  const top = BACK_TOP * Math.sqrt(Math.max(0.2, 1 - 0.75 * lateral * lateral));
  const x = lateral / BACK_WIDE, y = Math.max(0, up) / top, r = Math.sqrt(x * x + y * y);
  const facing = Math.sqrt(Math.max(0, 1 - r * r));
  return { cover: 1 - smoothstep(1 - BACK_SOFT, 1, r), light: BACK_RIM + (BACK_FRONT - BACK_RIM) * facing };
}

/** The throat's shade at a point of the opening (as tongueBack's), 0..1 of the cavity's light: deepest over the mound's top, in the middle. */
export function throatShade(lateral: number, up: number): number {
  const d2 = (lateral / THROAT_WIDE) ** 2 + ((up - THROAT_AT) / THROAT_TALL) ** 2;
  return 1 - THROAT_DEEP * Math.exp(-d2);
}

/**
 * How far the throat's shade applies, 0..1: in full without a driver's reading (audio, a still mouth), else as far as
 * the driver's opening's middle is dark (motion/driverCavity.ts): lp_d6's open mouths are her lit tongue to the teeth
 * (dark .00-.05), where a deeper throat only darkened lp_s42's band under the upper row (.15 -> .09 of the lips' luma).
 */
export function throatGate(p: Pick<MouthPlacement, 'driverCavity'>): number {
  return p.driverCavity === undefined ? 1 : smoothstep(DRIVER_DARK[0], DRIVER_DARK[1], p.driverCavity);
}
/** driver dark shares over which the throat's shade comes in (lp_d6's lit tongues .00-.14; lp_d10 f93 .38, Katie's dark f165-168 .39 closed) */
const DRIVER_DARK = [0.12, 0.25] as const;

/**
 * The cavity colour `out` given depth: the throat deepened in its middle, the tongue's back (in the tongue's colour,
 * `tongue`: tongueTone) rising over it from the lower lip, never darker than the cavity it covers.
 */
export function cavityDepthInto(q: OpeningPixel, p: MouthPlacement, light: FrameLight, tongue: Rgb | null, out: Float64Array): void {
  const share = depthShare(p.gap, light.round), height = q.bottom - q.top;
  if (!(share > 0) || !(height > 2)) return;
  const up = (q.bottom - q.cy) / height;
  const throat = share * throatGate(p) * (1 - 0.5 * smoothstep(THROAT_LIT_GAP[0], THROAT_LIT_GAP[1], p.gap));
  if (throat > 0) {
    const deep = 1 - (1 - throatShade(q.lateral, up)) * throat;
    for (let ch = 0; ch < 3; ch++) out[ch] = out[ch]! * deep;
  }
  if (!tongue) return;
  const back = tongueBack(q.lateral, up), k = back.light * light.teethLight, a = back.cover * share;
  if (!(a > 0)) return;
  for (let ch = 0; ch < 3; ch++) out[ch] = out[ch]! + Math.max(0, tongue[ch]! * k - out[ch]!) * a;
}
