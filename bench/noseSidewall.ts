// The nose's sidewall on a turn (avatar/noseReveal.ts): per portrait and yaw +-25, the worst and the
// area-weighted mean texture stretch (screen area / texture area) of the sidewall triangles the turn
// shows, with the photo's texture positions (before) and the revealed ones (after). Never asserts.
//   node --import tsx bench/noseSidewall.ts [names...]   (analyses from $REAL3D_CACHE, bench/portraitCache.ts)
import path from 'node:path';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { faceTopology } from '../src/rig/topology.ts';
import { cachedPortrait } from './portraitCache.ts';

const DATA = path.resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'portraits');
const names = process.argv.slice(2).length ? process.argv.slice(2) : ['lp_s12.jpg', 'lp_s42.jpg', 'st_happy.png', 'mt_man.png', 'st_art_1.png', 'lp_s10.jpg'];
const tris = faceTopology().triangles;
const area = (p: (i: number) => number[], a: number, b: number, c: number) => Math.abs((p(b)[0]! - p(a)[0]!) * (p(c)[1]! - p(a)[1]!) - (p(c)[0]! - p(a)[0]!) * (p(b)[1]! - p(a)[1]!)) / 2;
for (const name of names) {
  const avatar = buildAvatar(await cachedPortrait(path.join(DATA, name)));
  const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  let line = name.padEnd(14);
  for (const [yaw, side] of [[25, -1], [-25, 1]] as const) {
    const lm = r.landmarks({ ...r.neutralFrame(), pose: { ...r.neutralFrame().pose, yaw } });
    const screen = (i: number) => lm[i]!;
    const tex = (t: Float32Array) => (i: number) => [t[i * 2]!, t[i * 2 + 1]!];
    const stats = [avatar.uv, avatar.uvRevealed].map((t) => {
      let worst = 0, logSum = 0, weight = 0;
      for (let k = 0; k < tris.length; k += 3) {
        const [a, b, c] = [tris[k]!, tris[k + 1]!, tris[k + 2]!];
        if (![a, b, c].every((i) => avatar.revealDir[i * 2] === side)) continue;
        const s = area(screen, a, b, c);
        if (s < 1) continue;
        const st = s / Math.max(0.25, area(tex(t), a, b, c));
        worst = Math.max(worst, st); logSum += s * Math.log(st); weight += s;
      }
      return weight ? `${Math.exp(logSum / weight).toFixed(2)}/${worst.toFixed(1)}` : '-';
    });
    line += `  ${yaw > 0 ? '+' : ''}${yaw}: mean/worst ${stats[0]} -> ${stats[1]}`;
  }
  console.log(line);
}
