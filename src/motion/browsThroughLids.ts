// A brow raised before a wink or blink stays raised through it. While a lid is down the face mesh
// drags the brow over that eye (and often the other) down with it: pcavs681 3-9 s raises both brows
// (forehead lines, arched brows all through, s48 critic47) and winks at f28-31, f115-119, f137-141;
// the mesh's inner heads read 0.03-0.06 (canonical) lower on the shut frames and the retarget's
// browInnerUp fell .47-.81 -> .02-.06 for those frames only, so mt_man's brows went flat on each wink
// and he looked drowsy. Here each shut run's brow raises are held at least at the last open frame's,
// and the frown the drag read on top of a held raise is held at that frame's too. A squeezed blink
// is a frown: the corrugators knit the inner heads together, so where the heads come closer than at
// the open frame the hold fades and the frown reads as measured; brows not raised before are never lifted.
import type { RigControl } from '../rig/controls.ts';
import type { BrowShape } from './browShape.ts';
import { INNER_SHARE, OUTER_SHARE } from './browRetarget.ts';

/** An eye under this share of its rest opening is shut: the lid is over the iris and the mesh drags the brow. */
export const LID_SHUT = 0.35;
/** The run is widened to each side while an eye is under this share (the lid on its way), at most EDGE_S. */
export const LID_OPEN = 0.85;
export const EDGE_S = 0.08;
/** A closure longer than this (s) is no blink or wink: eyes held shut may carry a real brow change. */
export const MAX_SHUT_S = 0.6;
/** browInnerUp at the open frame at least this big is held through the run. */
export const RAISED = 0.15;
/**
 * A side whose brow rose at least this far at the open frame (its rendered rise per BROW_RAISE: INNER_SHARE x
 * browInnerUp + OUTER_SHARE x its outer raise) keeps its outer raise and its frown through the run. lp_d6 f183-187
 * squeezes her right eye shut with that brow pulled down while her left brow rises (inner .01, right outer ~.2:
 * 0.11): that frown is a squeeze's and stays.
 */
export const SIDE_RAISED = 0.2;
/** Inner heads closer than at the open frame by more than this (canonical) knit: a squeezed blink's frown... */
export const KNIT_PLAY = 0.006;
/** ...and by this much more the hold is gone. */
export const KNIT_FULL = 0.012;

/**
 * A real brow drop through a closure outlasts it: once both eyes are back over REOPEN of their rest, in the
 * AFTER_S after the run, a side whose brow (browDrop.ts browHeights, canonical ~ IOD) sits on average more than
 * REAL_DROP under its open frame's height came down for real and is not held (lp_d6 f325-332: she lowers her
 * brows as she shuts her eyes after a stare, left .14 under after; the drag lets go with the lid: pcavs681's
 * winks .01-.05, lp_d6 f390 .03, f775 < 0, f799 .02/.085, the largest elsewhere f172 .094, Katie, andrew_clip_1,
 * lp_d11, lp_d14, pcavs741, infinitetalk <= .05). browInnerUp is let go only when both sides are.
 */
export const REOPEN = 0.5;
export const AFTER_S = 0.24;
export const REAL_DROP = 0.1;

const SIDES = [['browOuterUpLeft', 'browDownLeft'], ['browOuterUpRight', 'browDownRight']] as const;

/** One shut run: its frames [from, to] and the open frame before it whose brows it keeps. */
export interface ShutRun { from: number; to: number; open: number; /** per side (L, R): the brow came down for real (realDrops) */ real?: [boolean, boolean] }

/**
 * The shut runs of a clip from each eye's opening share (over its rest, eyeSquints.ts eyeShares): frames
 * where either eye is under LID_SHUT, widened by up to EDGE_S each way while an eye is under LID_OPEN,
 * no longer than MAX_SHUT_S shut, with an open usable frame before them.
 */
export function shutRuns(shares: [ArrayLike<number>, ArrayLike<number>], have: number[], fps: number): ShutRun[] {
  const n = shares[0].length, ok = new Uint8Array(n);
  for (const i of have) ok[i] = 1;
  const least = (i: number) => Math.min(shares[0][i]!, shares[1][i]!);
  const edge = Math.max(1, Math.round(EDGE_S * fps)), longest = Math.round(MAX_SHUT_S * fps);
  const runs: ShutRun[] = [];
  for (let i = 0; i < n; i++) {
    if (!ok[i] || !(least(i) < LID_SHUT)) continue;
    let to = i;
    while (to + 1 < n && ok[to + 1] && least(to + 1) < LID_SHUT) to++;
    const core = to - i + 1;
    let from = i;
    while (from - 1 >= 0 && i - (from - 1) <= edge && ok[from - 1] && least(from - 1) < LID_OPEN) from--;
    let end = to;
    while (end + 1 < n && end + 1 - to <= edge && ok[end + 1] && least(end + 1) < LID_OPEN) end++;
    // a run that follows another within its edge (closures in quick succession) keeps the first one's open frame
    const prev = runs[runs.length - 1];
    const open = from - 1 >= 0 && ok[from - 1] && least(from - 1) >= LID_SHUT ? from - 1 : prev && prev.to >= from - 1 - edge ? prev.open : -1;
    if (core <= longest && open >= 0) runs.push({ from, to: end, open });
    i = to;
  }
  return runs;
}

/** Each side's mean brow height drop (open frame minus after) over the reopened frames in AFTER_S after the run; NaN with none. */
export function dropsAfter(run: ShutRun, brows: [ArrayLike<number>, ArrayLike<number>], shares: [ArrayLike<number>, ArrayLike<number>], have: number[], fps: number): [number, number] {
  const ok = new Set(have), last = run.to + Math.max(1, Math.round(AFTER_S * fps));
  const after: number[] = [];
  for (let j = run.to + 1; j <= last && j < shares[0].length; j++) if (ok.has(j) && Math.min(shares[0][j]!, shares[1][j]!) >= REOPEN) after.push(j);
  return [0, 1].map((k) => (after.length ? brows[k]![run.open]! - after.reduce((s, j) => s + brows[k]![j]!, 0) / after.length : NaN)) as [number, number];
}

/** The runs with `real` set: the sides whose drop outlasts the reopening by more than REAL_DROP (dropsAfter). */
export function realDrops(runs: ShutRun[], brows: [ArrayLike<number>, ArrayLike<number>], shares: [ArrayLike<number>, ArrayLike<number>], have: number[], fps: number): ShutRun[] {
  return runs.map((run) => ({ ...run, real: dropsAfter(run, brows, shares, have, fps).map((d) => d > REAL_DROP) as [boolean, boolean] }));
}

/** The share (0..1) of the hold kept when the inner heads came `knit` (canonical) closer than at the open frame. */
export function holdAfterKnit(knit: number): number {
  return 1 - Math.min(1, Math.max(0, knit - KNIT_PLAY) / KNIT_FULL);
}

/**
 * In place, through each shut run: browInnerUp no lower than at the open frame when that was at least RAISED;
 * on each side whose brow rose SIDE_RAISED there, its outer raise no lower and its frown no higher than
 * there. All times holdAfterKnit of the inner heads' knit over the open frame (brow shapes, browShape.ts; a
 * frame without a shape keeps the hold). Brows not raised at the open frame are left as read.
 */
export function browsThroughLids(out: Map<RigControl, Float64Array>, runs: ShutRun[], shapes: (BrowShape | null | undefined)[]): void {
  const inner = out.get('browInnerUp');
  const sides = SIDES.map(([up, down]) => ({ up: out.get(up), down: out.get(down) }));
  for (const run of runs) {
    const { from, to, open } = run;
    const in0 = run.real?.[0] && run.real[1] ? 0 : inner?.[open] ?? 0;
    const held = sides.map((s, k) => !run.real?.[k] && INNER_SHARE * in0 + OUTER_SHARE * (s.up?.[open] ?? 0) >= SIDE_RAISED);
    if (in0 < RAISED && !held.some(Boolean)) continue;
    const gap0 = shapes[open]?.gap;
    for (let i = from; i <= to; i++) {
      const gap = shapes[i]?.gap;
      const keep = gap0 === undefined || gap === undefined ? 1 : holdAfterKnit(gap0 - gap);
      if (!(keep > 0)) continue;
      if (inner && in0 >= RAISED) inner[i] = Math.max(inner[i]!, keep * in0);
      sides.forEach(({ up, down }, k) => {
        if (!held[k]) return;
        if (up) up[i] = Math.max(up[i]!, keep * up[open]!);
        if (down) down[i] = Math.min(down[i]!, down[open]! + (1 - keep) * (down[i]! - down[open]!));
      });
    }
  }
}
