// How far the mouth opens: from a motion's jawOpen to the rig's jawOpen, per avatar.
//
// The two are different units. A motion's jawOpen is a lip gap: the video path and the audio
// model's teacher read it as (inner-lip gap - the driver's closed gap) / 0.6 inter-ocular distances
// (motion/restFace.ts), so 0 is closed lips and 0.25 is a gap of 0.15 IOD, whatever the face. The
// rig's jawOpen is a jaw rotation whose lip gap depends on the face's geometry (0.33-0.39 IOD per
// unit on the talking videos), counted from the photo's own fitted weight (a closed-mouth photo can
// fit 0.14 from its chin shape alone). Read as one unit, a driver's opening arrived at 0.3-0.9 of its
// size (bench/mouthOpening.ts). So each avatar tabulates its own mesh's lip gap against the rig's
// jawOpen once (the rendered landmarks 13-14 at the photo's pose, a closed loop on the geometry)
// and inverts it: a motion's gap lands as that gap on the rendered face.
import { LANDMARK_COUNT } from '../../rig/topology.ts';
import { CONTROL_INDEX } from '../../rig/controls.ts';
import { smoothstep } from '../../math/smooth.ts';
import { narrowGap, narrowJawGainFor, photoMouthShare } from './narrowJaw.ts';
import { lowerFaceShareOf, shortFaceGain } from './shortFace.ts';

/** Lip gap (inter-ocular distances) of a motion's jawOpen 1, as motion/restFace.ts reads a driver. */
export const JAW_GAP_SPAN = 0.6;
/**
 * A tracked jawOpen is the driver's gap over JAW_GAP_SPAN, smoothed (fromVideo.ts: a zero-lag
 * one-euro pass), which flattens each syllable's peak; the audio model learns that smoothed curve.
 * Real speakers' gap against it runs 0.68-0.80 IOD per unit (line over all frames; 0.60 against the
 * unsmoothed jawOpen; bench/jawGain.ts, median 0.72 over 39 talking clips) where the rendered face
 * gave 0.645 at 0.6 per unit. The full 0.72/0.645 overshot the real gap at open frames in
 * self-reenactment (eval lip gap / real 0.91-1.10 -> 0.99-1.24 on 4 dev clips): the gain is the part
 * that centres it (~1) and opens the audio path 0.68 per unit, Katie's own line.
 */
const TRACKED_PEAK_GAIN = 1.06;
/** The lip gap (IOD) the renderer gives one unit of a motion's jawOpen. */
export const RENDER_GAP_PER_JAW = JAW_GAP_SPAN * TRACKED_PEAK_GAIN;
/**
 * A motion frame's `w` entry (not a rig control) with the driver's lip gap at rest, in iod: video
 * motions count jawOpen from it. A photo whose own lips are apart keeps min(photo's gap, it) at
 * the driver's rest: a speaker whose lips never close (mt_sun) does not close the photo's mouth,
 * and a closed photo, or any photo driven by audio (no entry), rests with closed lips.
 */
export const REST_LIP_GAP = 'restLipGap';
/**
 * The shader draws the inner surface of each lip as a band inside the mesh's opening (about 0.022
 * IOD upper, 0.029 lower, less when barely open; shader.ts), which a face detector counts as lip:
 * rendered faces read 0.01-0.04 IOD less open than their mesh (lp_s42, lp_s1, mt_man, st_happy at
 * gaps 0.06-0.3). The mesh opens by about that much more (0.03 overshot Katie: eval lip gap / real 1.13).
 * 0.4 x gap at small openings; 0.6 cost Obama's rendered lip r 0.36 -> 0.28 (docs/lipsync, smallgap).
 * Until session 17 the bands were a fifth of a small opening a side, so only 0.53 of the mesh's gap
 * (0.74 of the motion's) showed as parting and small openings read back shut on some photos
 * (shut17: lp_s2 at jawOpen 0.1 read 0.011 IOD); lipSurface.ts now sizes the bands from this slope,
 * so below the cap the parting shown is the motion's gap.
 */
export function lipBandAllowance(gap: number): number {
  return Math.max(0, Math.min(LIP_BAND_CAP, LIP_BAND_SLOPE * gap));
}
const LIP_BAND_CAP = 0.025;
/** The allowance's share of a small gap (lipSurface.ts sizes the inner-lip bands to take exactly this back). */
export const LIP_BAND_SLOPE = 0.4;
/**
 * Near the photo's own gap the renderer shows the photo's own mouth, fading the rebuilt interior in
 * over this distance (iod) from it (mouth/placement.ts). A photo with an open mouth keeps its own
 * interior over 0.04 IOD; opening a closed photo, there is none to keep (its "interior" is the lip
 * seam), and a 0.04 fade drew the first 0.02-0.03 IOD of every opening (jawOpen < ~0.06, most
 * consonant-vowel transitions) as a light line instead of a dark slit: opening, the rebuilt interior
 * fades in over the photo's own gap, at least 0.012. Closing below a nearly shut photo's gap keeps
 * the 0.04 (faster, its seam turned into a drawn line that the face detector read as 0.03 IOD apart).
 */
export function interiorFadeSpan(photoGap: number, opening = true): number {
  return opening ? Math.min(0.04, Math.max(0.012, photoGap)) : 0.04;
}
/**
 * The allowance fades in over the same distance (at the photo's gap the mesh is the photo's: a
 * speaker whose mouth hardly moves, mt_sun, keeps her photo).
 */
function allowanceAt(gap: number, photoGap: number): number {
  return lipBandAllowance(gap) * Math.min(1, Math.abs(gap - photoGap) / interiorFadeSpan(photoGap, gap > photoGap));
}
/**
 * The table spans the rig's jawOpen JAW_MIN..JAW_MAX in STEPS steps. Below 0: a photo whose lips are
 * apart can fit jawOpen 0 (its neutral face is a guess), and closing its mouth then turns the jaw
 * up past the fitted rest; the inversion never goes past the lips touching.
 */
const JAW_MIN = -0.5, STEPS = 50;
/**
 * Above: the rig's jaw field is a 17-degree rotation per unit, 0.29-0.41 IOD of lip gap, while a
 * motion's jawOpen 1 is 0.6 IOD (a wide vowel, singing). Capped at 1, every opening past ~0.35 IOD
 * looked alike; the field is followed past 1 (to about 34 degrees, the jaw's real range in speech
 * and song) so the widest openings land as wide as the driver's.
 */
export const JAW_MAX = 2;
const jawAt = (q: number) => JAW_MIN + (q / STEPS) * (JAW_MAX - JAW_MIN);

export interface JawMap {
  /** rig jawOpen at STEPS+1 even steps JAW_MIN..JAW_MAX -> the mesh's inner-lip gap there, in iod (non-decreasing; < 0: the lips would cross) */
  gaps: Float64Array;
  /** rig jawOpen of the photo itself */
  photoJaw: number;
  /** the photo's own lip gap, iod */
  photoGap: number;
  /** share of a motion's lip gap this face opens (narrowJaw.ts: < 1 on a narrow mouth, against the mean face; absent: 1) */
  gain?: number;
  /** the photo's neutral mouth share (narrowJaw.ts mouthShareOf), for a driver's own reference (withDriverMouth) */
  mouthShare?: number;
  /** the photo's neutral lower-face share (shortFace.ts lowerFaceShareOf; absent: the mean face's, no shrink) */
  faceShare?: number;
}

/** The map with the gain against a driver of neutral mouth share `driverShare` (narrowJaw.ts); absent: the map (the mean face). */
export function withDriverMouth(map: JawMap, driverShare: number | undefined): JawMap {
  if (driverShare === undefined || !Number.isFinite(driverShare)) return map;
  const gain = narrowJawGainFor(map.mouthShare, driverShare);
  return gain === (map.gain ?? 1) ? map : { ...map, gain };
}

/** What the table needs from an avatar (the fields of Avatar it reads). */
export interface JawGeometry {
  /** crop-frame rest positions, landmark i at [3i, 3i+2] */
  rest: ArrayLike<number>;
  rig: { basis: ArrayLike<number>; rotation: ArrayLike<number>; scale: number; photoWeights: ArrayLike<number>; neutral?: ArrayLike<number> };
  head: { iod: number };
}

/**
 * The mesh's lip gap at each rig jawOpen, with every other control at the photo's own. At the
 * photo's pose the renderer's projection leaves crop x, y unchanged, so the gap is the 2D distance
 * of landmarks 13 and 14 moved by the jawOpen field (rotated and scaled into the crop frame).
 */
export function jawMapOf(av: JawGeometry): JawMap {
  const k = CONTROL_INDEX.jawOpen;
  const photoJaw = av.rig.photoWeights[k]!;
  const R = av.rig.rotation, s = av.rig.scale, B = av.rig.basis;
  const moved = (i: number, d: number): [number, number] => {
    const o = (k * LANDMARK_COUNT + i) * 3;
    const bx = B[o]!, by = B[o + 1]!, bz = B[o + 2]!;
    return [av.rest[i * 3]! + d * s * (R[0]! * bx + R[1]! * by + R[2]! * bz), av.rest[i * 3 + 1]! + d * s * (R[3]! * bx + R[4]! * by + R[5]! * bz)];
  };
  const gaps = new Float64Array(STEPS + 1);
  for (let q = 0; q <= STEPS; q++) {
    const d = jawAt(q) - photoJaw;
    const a = moved(13, d), b = moved(14, d);
    // negative where the lower lip would pass above the upper one (so a closed target finds the
    // jaw where the lips just touch); kept non-decreasing for the inversion
    const gap = Math.sign(b[1] - a[1]) * Math.hypot(b[0] - a[0], b[1] - a[1]) / Math.max(1e-6, av.head.iod);
    gaps[q] = q ? Math.max(gaps[q - 1]!, gap) : gap;
  }
  return { gaps, photoJaw, photoGap: Math.max(0, gapForRigJaw({ gaps, photoJaw, photoGap: 0 }, photoJaw)), ...narrowJawOf(av.rig.neutral), faceShare: lowerFaceShareOf(av.rig.neutral) };
}

function narrowJawOf(neutral: ArrayLike<number> | undefined): Pick<JawMap, 'gain' | 'mouthShare'> {
  const mouthShare = photoMouthShare(neutral);
  return { gain: narrowJawGainFor(mouthShare), mouthShare };
}

/** The rig's jawOpen whose mesh gap is `gap` iod (never below the lips touching; at most JAW_MAX). */
function rigJawForGap(map: JawMap, gap: number): number {
  const g = map.gaps;
  gap = Math.max(0, gap);
  if (gap <= g[0]!) return JAW_MIN;
  for (let q = 1; q <= STEPS; q++) {
    if (gap <= g[q]!) {
      const span = g[q]! - g[q - 1]!;
      return jawAt(q - 1 + (span > 1e-9 ? (gap - g[q - 1]!) / span : 1));
    }
  }
  return JAW_MAX;
}

/** The mesh gap at a rig jawOpen (linear between the table's steps). */
function gapForRigJaw(map: JawMap, jaw: number): number {
  const t = ((Math.min(JAW_MAX, Math.max(JAW_MIN, jaw)) - JAW_MIN) / (JAW_MAX - JAW_MIN)) * STEPS, q = Math.min(STEPS - 1, Math.floor(t));
  return map.gaps[q]! + (t - q) * (map.gaps[q + 1]! - map.gaps[q]!);
}

/**
 * A motion's jawOpen (a lip gap over JAW_GAP_SPAN, over `restGap` iod at the driver's rest: see
 * REST_LIP_GAP) -> the rig's jawOpen that opens the mesh that far, plus the lip band the shader draws inside the opening; 0 = the jaw where the lips just touch
 * (never pressed through each other). `otherGap`: the opening the frame's other controls already
 * make (mouthLowerDown, mouthUpperUp, funnel: a driver's gap is measured with them, so the jaw
 * adds only the rest).
 */
export function rigJaw(map: JawMap, motionJaw: number, otherGap = 0, restGap = 0, grin = 0, rounding = 0, darkO = 0, posed = 1): number {
  const rest = Number.isFinite(restGap) ? Math.min(Math.max(0, restGap), map.photoGap) : 0;
  const gap = motionGap(map, motionJaw, grin) + rest;
  const allowance = (1 - GRIN_ALLOWANCE_CUT * grin) * (1 - purseShare(rounding, gap)) * allowanceAt(gap, map.photoGap) + oLiningAllowance(darkO, gap);
  return rigJawForGap(map, (gap + allowance) / posed - otherGap);
}

/**
 * The lip gap (iod, past the driver's rest) a motion's jawOpen asks of this face at a grin share: the driver's gap,
 * shrunk on a narrow mouth (narrowJaw.ts) or a short lower face (shortFace.ts, s58), whichever shrinks more (one small
 * face is often both: not twice), faded in over the gap as narrowJaw's is (a smile's lips parting over its teeth and a
 * slit are contact, not the jaw's size: unfaded, lp_s5 <- lp_d10 f136's open smile bent its upper line .025 of the width
 * under its corners, test/openSmileLine.test.ts's limit .02).
 */
export function motionGap(map: JawMap, motionJaw: number, grin = 0): number {
  const g = gapPerJaw(grin) * Math.min(1, Math.max(0, motionJaw));
  return narrowGap(g, Math.min(map.gain ?? 1, map.faceShare === undefined ? 1 : shortFaceGain(map.faceShare)));
}

/**
 * A driver's lip gap is read on its turned head: the face mesh reads the image (its depth hardly
 * counts: lp_s1 rendered at Katie's pitch -10..-16 read back 1.11-1.33x the same weights frontal,
 * its own mesh 1.09-1.14x), so the reading already carries the turn's projection of the lips'
 * opening, which has depth (the jaw swings the lower lip back as well as down). The jaw map
 * (jawMapOf) gives that gap at the photo's pose, and the frame's turn then projected it a second
 * time: lp_s1 <- Katie (pitch p50 -6.7, |yaw| 8) opened 1.09x the target posed, 1.00x frontal.
 * On, the mesh opens so that its gap as the frame's pose shows it, over the inter-ocular distance
 * as that pose shows it, is the motion's gap (rigJaw `posed`).
 */
export const posedGapSetting = { on: true };
/** how far the factor may go (mt_man's jaw swings his lower lip back as far as down: 0.76-1.30 at pitch +12..-16 deg) */
const POSED_GAP_RANGE = [0.67, 1.5] as const;
/** below this mesh gap (iod) the gap's direction is the lips' seam: no factor */
const POSED_GAP_FROM = 0.01;

/** Where a crop-frame point lands in the output for the frame's head pose: [x, y] (deform.ts projectWithHead). */
export type HeadProjector = (x: number, y: number, z: number) => ArrayLike<number>;

/**
 * How much larger the mesh's lip gap shows on the frame's turned head (`project`: a crop-frame point
 * moved with the head and projected, perspective and all) than at the photo's pose, over the same for
 * the inter-ocular distance: landmarks 13 and 14 at weights `w` (jawOpen the rig's) and the eye
 * corners 33 and 263 at rest. At the photo's pose the crop frame is the image (jawMapOf).
 */
export function posedGapScale(av: JawGeometry, w: ArrayLike<number>, project: HeadProjector): number {
  const R = av.rig.rotation, B = av.rig.basis, pw = av.rig.photoWeights, s = av.rig.scale, rest = av.rest;
  const at = (i: number): [number, number, number] => {
    let cx = 0, cy = 0, cz = 0;
    for (let k = 0; k < pw.length; k++) {
      const d = w[k]! - pw[k]!;
      if (d === 0) continue;
      const o = (k * LANDMARK_COUNT + i) * 3;
      cx += d * B[o]!; cy += d * B[o + 1]!; cz += d * B[o + 2]!;
    }
    return [0, 1, 2].map((r) => rest[i * 3 + r]! + s * (R[r * 3]! * cx + R[r * 3 + 1]! * cy + R[r * 3 + 2]! * cz)) as [number, number, number];
  };
  const a = at(13), b = at(14);
  const flatGap = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const flatIod = Math.hypot(rest[263 * 3]! - rest[33 * 3]!, rest[263 * 3 + 1]! - rest[33 * 3 + 1]!);
  if (flatGap / Math.max(1e-6, av.head.iod) < POSED_GAP_FROM || flatIod <= 0) return 1;
  const shown = (p: ArrayLike<number>, q: ArrayLike<number>) => {
    const P = project(p[0]!, p[1]!, p[2]!), x = P[0]!, y = P[1]!, Q = project(q[0]!, q[1]!, q[2]!);
    return Math.hypot(Q[0]! - x, Q[1]! - y);
  };
  const eye = (i: number) => [rest[i * 3]!, rest[i * 3 + 1]!, rest[i * 3 + 2]!];
  const k = (shown(a, b) / shown(eye(33), eye(263))) / (flatGap / flatIod);
  return Number.isFinite(k) ? Math.min(POSED_GAP_RANGE[1], Math.max(POSED_GAP_RANGE[0], k)) : 1;
}

/**
 * How much a frame is a lit purse (0..1): lips rounded (`rounding`: pucker + half the funnel over
 * the photo's, times how lit the driver's mouth is; deform.ts) at a small opening (`gap`, iod). A
 * purse's lips stand forward and meet; the driver's face mesh still reads them 0.05-0.08 IOD apart
 * (Obama 2 f107/f136), and where his teeth glint (mouthDark 0) the renderer draws that gap as a
 * plain opening with teeth, the lip band allowance on top: an open slot, read back 0.123 / 0.150
 * where he reads 0.068 / 0.078. The allowance makes up for inner-lip bands a detector counts as
 * lip; here it only opened the slot, so it drops as much as the frame is a purse. A dark purse
 * (its "O" lining drawn over the opening) read back right with it (f54 0.060 [0.051], f139 0.075
 * [0.078]) and keeps it, as does a tall "O" (gap past PURSE_GAP).
 */
export function purseShare(rounding: number, gap: number): number {
  return smoothstep(PURSE_ROUNDING[0], PURSE_ROUNDING[1], rounding) * (1 - smoothstep(PURSE_GAP[0], PURSE_GAP[1], gap));
}
/**
 * The lip gap (iod) the mesh opens by beyond the driver's in a driver's dark "O" (`darkO`: how much
 * the frame is one, render/mouth/roundMouth.ts roundness with the driver's mouthDark; 0 for audio
 * motions, whose openings were tuned without this) at lip gap `gap`. The renderer lines an O with the
 * lips' inner surface, up to 0.05 IOD in from each lip (lipSurface.ts roundLining), which the face
 * mesh counts as lip: once mouthDark told lp_d6's lit tongue from teeth, her tall O (f190-192, dark,
 * pucker 1) read back .25/.27/.23 IOD where hers reads .40/.40/.35. A purse keeps the band allowance
 * alone (PURSE_GAP: its lining covers a small opening and read back right).
 */
export function oLiningAllowance(darkO: number, gap: number): number {
  return Math.max(0, Math.min(1, darkO)) * smoothstep(O_LINING_GAP[0], O_LINING_GAP[1], gap) * O_LINING;
}
/** both lips' lining at its widest (2 x lipSurface.ts ROUND_LINING_MOST) */
const O_LINING = 0.05;
/** lip gaps (iod) over which the lining reaches its widest (from a purse's to where 0.8 of half the opening is 0.05) */
const O_LINING_GAP = [0.16, 0.3] as const;

/** rounding over which a small opening turns into a purse (audio motions hardly reach 0.2: rounding p90 0.22 on RD_Radio31) */
const PURSE_ROUNDING = [0.2, 0.5] as const;
/** lip gaps (iod) over which a rounded mouth stops being a purse */
const PURSE_GAP = [0.1, 0.16] as const;

/**
 * How much of a grin a frame's weights are: the smile past the photo's own on the LESS smiling side,
 * less that side's frown past the photo's, 0 below SMILE_FROM, 1 from SMILE_FULL. Past the photo's
 * own: a smiling photo that talks (the audio path keeps the photo's smile, mt_sun, st_happy) opens
 * and holds its corners as before. The less smiling side, net of its frown: a one-sided smile on a
 * tall "O" with pulled-down corners is no grin (lp_d6 f88: smile .08/.84, frown .51/.29; counted as
 * a grin it lost its height and widened, read back gap .282 -> .231 [driver .362], critic16).
 */
export function grinShare(w: ArrayLike<number>, photoWeights: ArrayLike<number>): number {
  const side = (smile: number, frown: number) => w[smile]! - photoWeights[smile]! - Math.max(0, w[frown]! - photoWeights[frown]!);
  const smile = Math.min(side(CONTROL_INDEX.mouthSmileLeft, CONTROL_INDEX.mouthFrownLeft), side(CONTROL_INDEX.mouthSmileRight, CONTROL_INDEX.mouthFrownRight));
  return smoothstep(SMILE_FROM, SMILE_FULL, Number.isFinite(smile) ? smile : 0);
}

/**
 * The lip gap (iod) per unit of a motion's jawOpen at a grin share: TRACKED_PEAK_GAIN restores the
 * peak a syllable loses to the tracker's smoothing, but a grin is held for many frames and keeps its
 * size through it; with the gain a grin opened taller than the driver's (Katie 1.1 s: read back 0.35
 * IOD where hers is 0.28; self-reenactment lip gap / real 1.24 on Katie, 1.16 on lp_d14).
 */
function gapPerJaw(grin: number): number {
  return RENDER_GAP_PER_JAW + (JAW_GAP_SPAN - RENDER_GAP_PER_JAW) * grin;
}
/**
 * The share of the lip band allowance a full grin drops: the lips stretched over the teeth are thin,
 * and the rendered grin read back no less open than its mesh (lp_s2 jaw 0.3 + smile 0.6: mesh 0.219,
 * read 0.232; bench/grinMesh.ts).
 */
const GRIN_ALLOWANCE_CUT = 1;

/**
 * The lip gap (iod, vertical in the photo's crop frame) that the controls other than jawOpen add
 * at these weights, relative to the photo's own: landmarks 14 minus 13 of their fields.
 */
export function otherLipGap(weights: ArrayLike<number>, av: JawGeometry): number {
  const jaw = CONTROL_INDEX.jawOpen, R = av.rig.rotation, B = av.rig.basis, pw = av.rig.photoWeights;
  let dx = 0, dy = 0, dz = 0;
  for (let k = 0; k < pw.length; k++) {
    const d = weights[k]! - pw[k]!;
    if (k === jaw || d === 0) continue;
    const a = (k * LANDMARK_COUNT + 14) * 3, b = (k * LANDMARK_COUNT + 13) * 3;
    dx += d * (B[a]! - B[b]!); dy += d * (B[a + 1]! - B[b + 1]!); dz += d * (B[a + 2]! - B[b + 2]!);
  }
  return (av.rig.scale * (R[3]! * dx + R[4]! * dy + R[5]! * dz)) / Math.max(1e-6, av.head.iod);
}

/** The motion jawOpen that reproduces the photo's own opening (the inverse of rigJaw at the photo). */
export function photoMotionJaw(map: JawMap): number {
  // (no allowance at the photo's own gap)
  return Math.min(1, Math.max(0, map.photoGap / RENDER_GAP_PER_JAW));
}

/**
 * Smiling speakers part their lips over nearly closed teeth: the lower lip drops off the teeth and
 * the upper lip lifts a little, the jaw hardly moves, so the gap fills with teeth (Katie, Obama).
 * Before, the whole gap was jaw: teeth apart, a dark slot between them. Up to SMILE_LIP_PART iod of
 * a frame's opening past the photo's own goes to the lips, in proportion to the smile; what the
 * driver's own lip controls already open counts toward it. Adds mouthLowerDown and mouthUpperUp to
 * the frame's weights `w` (a motion's jawOpen still in w: call before rigJaw, which then gives the
 * jaw only the rest). `grin`: the frame's grinShare, as rigJaw gets it.
 */
export function partLipsInSmile(w: Float64Array, map: JawMap, lips: LipUnits, av: JawGeometry, restGap: number, grin: number): void {
  const smile = 0.5 * (w[CONTROL_INDEX.mouthSmileLeft]! + w[CONTROL_INDEX.mouthSmileRight]!);
  const most = SMILE_LIP_PART * smoothstep(SMILE_FROM, SMILE_FULL, smile);
  if (most <= 0 || lips.up <= 1e-4 || lips.down <= 1e-4) return;
  const rest = Number.isFinite(restGap) ? Math.min(Math.max(0, restGap), map.photoGap) : 0;
  const extra = motionGap(map, w[CONTROL_INDEX.jawOpen]!, grin) + rest - map.photoGap;
  const want = Math.min(extra, most) - Math.max(0, otherLipGap(w, av));
  if (want <= 0) return;
  const up = CONTROL_INDEX.mouthUpperUp, down = CONTROL_INDEX.mouthLowerDown;
  w[up] = Math.min(1, w[up]! + (UPPER_LIP_SHARE * want) / lips.up);
  w[down] = Math.min(1, w[down]! + ((1 - UPPER_LIP_SHARE) * want) / lips.down);
}
/** At most this lip gap (iod) parts over closed teeth in a full smile (incisors show ~0.1-0.15 IOD). */
const SMILE_LIP_PART = 0.12;
/** mouthSmile (mean of both sides) from which the lips start to take the opening, and where fully. */
const SMILE_FROM = 0.1, SMILE_FULL = 0.5;
/**
 * The upper lip's share: small, since above the teeth the layers have only a shadowed band (the
 * lip hid the gums in every source frame); the lower lip uncovers the upper teeth's tips and the
 * lower teeth behind them.
 */
const UPPER_LIP_SHARE = 0;

/** Lip gap (iod) one unit of mouthUpperUp / mouthLowerDown opens at the lip centre on this face. */
export interface LipUnits { up: number; down: number }
export function lipUnitsOf(av: JawGeometry): LipUnits {
  const one = (k: number) => {
    const w = Float64Array.from(av.rig.photoWeights);
    w[k] = w[k]! + 1;
    return otherLipGap(w, av);
  };
  return { up: one(CONTROL_INDEX.mouthUpperUp), down: one(CONTROL_INDEX.mouthLowerDown) };
}
