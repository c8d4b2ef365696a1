// A one- or two-frame pose jump of the face mesh, found and undone: its wide eyes (stare56) and its head pose and gaze
// (posejump56, below). A wide read at such a jump is the mesh's, not the driver's (stare56, issue #14). critic55's worst:
// lp_s42 <- christie f80-81, a popped white-all-round stare on ordinary eyes. The face mesh jumps there for two frames
// (pitch -1.8 -> -6.6 / -7.1 -> -2.0 deg, and back; yaw -21.5 -> -22.4 -> -21.5) and reads both eyes open 1.24 / 1.09
// of rest with the lids clear of the irises (shows +.01 / +.13) — on the video nothing moved (hooded55, stare55). Every
// stare rule then passes the fit's eyeWide (.5 raw, .18 after the caps and smoothing). A head cannot pitch 5 deg out and
// back in 120 ms; a real stare lasts longer than the jump. So where the head's angles leave the line between the two
// frames that flank a run of at most JUMP_FRAMES frames by JUMP_DEG or more (and come back), each eye's eyeWide on the
// run is no more than the larger of its values on the two flanking frames. Pure; hooked in framesFromRaw.ts before the
// smoothing (DriverFitOptions.wideAtPoseJump).

/** The longest run of frames (at 25 fps) a mesh jump lasts: christie f80-81. */
export const JUMP_FRAMES = 2;
/** A run whose angles leave the flanks' line by this much (degrees, any of yaw / pitch / roll) is a jump (christie f80: 4.6 / 5.2). */
export const JUMP_DEG = 3;

/** JUMP_FRAMES at `fps` (at least 1). */
export function jumpFrames(fps: number): number {
  return Math.max(1, Math.round((JUMP_FRAMES * fps) / 25));
}

type Angles = { yaw: number; pitch: number; roll: number };

/** How far (degrees, the largest of the three angles) frame `i` lies off the straight line from frame `a` to frame `b`. */
export function offLine(angles: readonly (Angles | null)[], a: number, b: number, i: number): number {
  const A = angles[a]!, B = angles[b]!, X = angles[i]!, t = (i - a) / (b - a);
  return Math.max(...(['yaw', 'pitch', 'roll'] as const).map((k) => Math.abs(X[k] - (A[k] + t * (B[k] - A[k])))));
}

/**
 * Per frame, true on the frames of a pose jump: a run of 1..maxLen frames (`fps`-scaled from JUMP_FRAMES at 25 fps, at
 * least 1) whose every frame lies JUMP_DEG or more off the line between the valid frames just before and just after it,
 * while those two flanks lie within JUMP_DEG of each other (it comes back: not a turn). null angles: no reading.
 */
export function poseJumps(angles: readonly (Angles | null)[], fps = 25, jumpDeg = JUMP_DEG): boolean[] {
  const n = angles.length, out = new Array<boolean>(n).fill(false);
  const maxLen = jumpFrames(fps);
  for (let a = 0; a < n; a++) {
    if (!angles[a]) continue;
    for (let len = 1; len <= maxLen; len++) {
      const b = a + len + 1;
      if (b >= n || !angles[b]) continue;
      let run = true;
      for (let i = a + 1; i < b && run; i++) run = !!angles[i] && offLine(angles, a, b, i) >= jumpDeg;
      if (!run) continue;
      const flanks = Math.max(...(['yaw', 'pitch', 'roll'] as const).map((k) => Math.abs(angles[a]![k] - angles[b]![k])));
      if (flanks >= jumpDeg) continue;
      for (let i = a + 1; i < b; i++) out[i] = true;
    }
  }
  return out;
}

/**
 * In place: on each run of jump frames, each eyeWide (wides[0] subject's left) no more than the larger of its values on
 * the frames just before and just after the run (a stare already there is kept).
 */
export function widesAtJumpsCapped(wides: [Float64Array, Float64Array], jumps: readonly boolean[]): void {
  const n = jumps.length;
  for (const [s, e] of jumpRuns(jumps)) {
    for (const w of wides) {
      const cap = Math.max(s > 0 ? w[s - 1]! : 0, e + 1 < n ? w[e + 1]! : 0);
      for (let i = s; i <= e; i++) if (w[i]! > cap) w[i] = cap;
    }
  }
}

/** The runs of consecutive jump frames, each as its first and last frame. */
export function jumpRuns(jumps: readonly boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let s = 0; s < jumps.length; s++) {
    if (!jumps[s]) continue;
    let e = s;
    while (e + 1 < jumps.length && jumps[e + 1]) e++;
    runs.push([s, e]);
    s = e;
  }
  return runs;
}

// The same jump moves the head itself (posejump56, issue #14/#15): christie f80-81's pitch and depth reach the smoothed
// pose as a twitch (critic55's motion: pitch 7.3 -> 5.0 -> 6.5 deg, tz .285 -> .241 over f78-83) while nothing moves on
// the video. So before the smoothing the pose channels on a jump run lie on the line between their flanking frames.

/** The pose channels a jump run is bridged over (framesFromRaw.ts channel names). */
export const POSE_CHANNELS = ['yaw', 'pitch', 'roll', 'tx', 'ty', 'tz'] as const;

/** The gaze channels bridged too (gazeAtJumpBridged): christie f80-81 reads the gaze .32 and the vergence .28 off their flanks' line while the driver's eyes hold still. */
export const GAZE_CHANNELS = ['gx', 'gy', 'gv'] as const;

/**
 * In place: on each run of jump frames with a frame on both sides and no longer than `maxLen`, each series on the
 * straight line between its values on those two frames. Overlapping jumps chain into longer runs (vrt4 f75-80, six
 * frames 2-10 deg under their flanks): longer than a mesh jump, maybe a quick nod, so left as read.
 */
export function bridgedAtJumps(series: readonly Float64Array[], jumps: readonly boolean[], maxLen = JUMP_FRAMES): void {
  const n = jumps.length;
  for (const [s, e] of jumpRuns(jumps)) {
    if (s === 0 || e + 1 >= n || e - s + 1 > maxLen) continue;
    for (const c of series) {
      const a = c[s - 1]!, b = c[e + 1]!;
      for (let i = s; i <= e; i++) c[i] = a + ((i - s + 1) / (e - s + 2)) * (b - a);
    }
  }
}
