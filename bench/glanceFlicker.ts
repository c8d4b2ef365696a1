// A saved motion's glance fill frame by frame, per eye: the faint iris's solid share (glanceIris.ts: solid strength x
// glanceShare at the frame's shift, as gazeIris.ts draws it), with faintGlanceSetting off and on: frames over half
// filled, frame-to-frame steps over .1, back-and-forth reversals (two steps over .05 of opposite sign in a row: a
// flicker) and the total variation. Texture space, no render. Never asserts.
//   node --import tsx bench/glanceFlicker.ts lp_s0.jpg lp_s0_imagine.motion.json [--list]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { GazeIris } from '../src/render/gazeIris.ts';
import { GAZE_SHIFT_X, GAZE_SHIFT_Y } from '../src/render/faceTextures.ts';
import { faintGlanceSetting, glanceShare } from '../src/render/glanceIris.ts';
import type { MotionFrame } from '../src/types.ts';

const [file, motion] = process.argv.slice(2);
const av = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file!)));
const gi = new GazeIris(av.uv, { width: av.size, height: av.size, data32: new Uint32Array(av.eyeTexture.data.buffer) });
const frames = (JSON.parse(readFileSync(motion!, 'utf8')) as { frames: MotionFrame[] }).frames;
const clamp = (v: number) => Math.max(-1, Math.min(1, v || 0));
const was = faintGlanceSetting.on;
for (const on of [false, true]) {
  faintGlanceSetting.on = on;
  const shares: number[][] = [[], []];
  for (const f of frames) {
    const g = f.gaze ?? [0, 0], iod = av.head.iod;
    // as faceTextures.ts sets the gaze warp
    gi.set((clamp(g[0]) - av.rig.gaze[0]) * GAZE_SHIFT_X * iod, (clamp(g[1]) - av.rig.gaze[1]) * GAZE_SHIFT_Y * iod, clamp(f.vergence ?? 0) * GAZE_SHIFT_X * iod);
    gi.discs.forEach((d, e) => {
      const [sx] = gi.shiftOf(e), faint = d.solid?.strength ?? 0;
      shares[e]!.push(sx !== 0 ? faint * glanceShare(sx, d.open?.[sx < 0 ? 0 : 1] ?? d.reach[sx < 0 ? 0 : 1], faint) : 0);
    });
  }
  shares.forEach((s, e) => {
    let steps = 0, reversals = 0, tv = 0;
    for (let i = 1; i < s.length; i++) {
      const d = s[i]! - s[i - 1]!, prev = i > 1 ? s[i - 1]! - s[i - 2]! : 0;
      if (Math.abs(d) > 0.1) steps++;
      if (Math.abs(d) > 0.05 && Math.abs(prev) > 0.05 && Math.sign(d) !== Math.sign(prev)) reversals++;
      tv += Math.abs(d);
    }
    console.log(`${file} ${path.basename(motion!)} faint ramp ${on ? 'on ' : 'off'} eye ${e}: over .5 ${s.filter((v) => v > 0.5).length}/${s.length} steps>.1 ${steps} reversals ${reversals} total variation ${tv.toFixed(1)}`);
    if (process.argv.includes('--list')) console.log(`  ${s.map((v, i) => `${i}:${v.toFixed(2)}`).join(' ')}`);
  });
}
faintGlanceSetting.on = was;
