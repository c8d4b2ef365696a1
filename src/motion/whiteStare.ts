// A two-eyed stare read from the white the video shows above both irises (stare40, issue #14). The stare rules
// before it (twoEyedStare.ts, stareShowGate.ts, oneEyedStare.ts) read the face mesh: each eye's opening over the
// driver's rest / median and the mesh's lid over its iris ring. On lp_d6, whose usual look is a stare, the mesh's
// eyes stay near an average eye: her stare at f162-169 (white all round both irises on the video) reads .91-1.04 of
// her median opening and shows -.10..+.16, so it reached lp_s42 at eyeWide .08-.41 / .02-.11 and looked plain. The
// pixels tell it (eyeWhiteShow.ts: .25-.39 iris diameters of white above both irises there, 0 where her lids sit on
// the irises, f116-129, f134-147). Both eyes must show it (a stare is two-eyed; one eye's white beside a plain eye is
// oneEyedStare's), each eye then carries at least the eyeWide that white calls for, its squint lowered by the gain.
import type { RigControl } from '../rig/controls.ts';
import { linearStep } from '../math/smooth.ts';
import { showGate } from './scleraShow.ts';

/** The lesser eye's white above its iris (iris diameters, off the pixels) under which no stare is read... */
export const WHITE_STARE_NONE = 0.1;
/** ...and at which the whole eyeWide 1 (lp_d6's widest stares show .35-.46). */
export const WHITE_STARE_FULL = 0.4;
/**
 * A reading over this is no white above an open eye's iris: a shut or closing lid, or lid skin up to the crease, reads
 * as "white" (lp_d6's blinks .8-1.1; lp_d14 f127-129, a blink coming, .84/.78, .60/.50, 1.09); lp_d6's stares read at
 * most .50.
 */
export const WHITE_STARE_MAX = 0.5;
/** Neither eye may be narrowed under this share of its rest opening (a closing lid's skin reads light; lp_d6's gaze-lowered eye at a stare reads .76). */
export const WHITE_STARE_OPEN = 0.7;

/** The eyeWide a frame's two pixel shows call for (0 when either is unread, implausible, or an eye is narrowed: `shares` of rest). */
export function whiteStareLevel(shows: [number, number], shares: [number, number]): number {
  if (!shows.every((s) => Number.isFinite(s) && s <= WHITE_STARE_MAX)) return 0;
  if (!shares.every((s) => Number.isFinite(s) && s >= WHITE_STARE_OPEN)) return 0;
  return linearStep(WHITE_STARE_NONE, WHITE_STARE_FULL, Math.min(shows[0], shows[1]));
}

/**
 * s49 (calmeyes49): the mesh's show (scleraShow.ts, the lid over the iris ring, iris diameters) on the lesser eye at or
 * under this keeps none of the white's stare... pcavs741 (a calm man, pale lids) reads .3-.45 of "white" at f72-79 and
 * f124-148 while the mesh puts his lids .17-.40 over one iris and his video shows lid skin on both irises: the lesser
 * show of every such frame in his clip is -.17 or lower. Real stares keep a lid near the iris top on both eyes: lp_d6's
 * (f55 .17/-.10, f101 .08/.07, f156 .07/.20, f162-169 -.12..+.16; lesser q10 -.08), lp_d10's (lowest f287 -.11/-.08).
 */
export const WHITE_STARE_MESH_NONE = -0.18;
/** ...and at or over this, all of it (the mesh misses a stare's white by up to ~.1, stare40; its noise is ~.05). */
export const WHITE_STARE_MESH_FULL = -0.1;

/** The share (0..1) of the white's stare kept at a frame whose mesh shows `left` / `right`; 1 when unread (the pixels decide). */
export function whiteStareMeshGate(left: number, right: number): number {
  return showGate(Math.min(left, right), WHITE_STARE_MESH_NONE, WHITE_STARE_MESH_FULL);
}

/**
 * In place over the frames `have`: each eye's eyeWide at least whiteStareLevel, its squint lowered by what it gained.
 * `shows` per frame [left, right] or null; `meshShows` (optional, per side) scales the level by whiteStareMeshGate.
 */
export function whiteStares(out: Map<RigControl, Float64Array>, shows: ArrayLike<readonly [number, number] | null | undefined>, shares: [ArrayLike<number>, ArrayLike<number>], have: number[], meshShows?: [ArrayLike<number>, ArrayLike<number>]): void {
  const pairs = [['eyeWideLeft', 'eyeSquintLeft'], ['eyeWideRight', 'eyeSquintRight']] as const;
  for (const i of have) {
    const s = shows[i];
    if (!s) continue;
    const level = whiteStareLevel([s[0], s[1]], [shares[0][i]!, shares[1][i]!]) * (meshShows ? whiteStareMeshGate(meshShows[0][i]!, meshShows[1][i]!) : 1);
    if (level <= 0) continue;
    for (const [wide, squint] of pairs) {
      const w = out.get(wide), q = out.get(squint);
      if (!w || !q || level <= w[i]!) continue;
      q[i] = Math.max(0, q[i]! - (level - w[i]!));
      w[i] = level;
    }
  }
}
