// The nose's sidewall on a turn (avatar/noseReveal.ts): per portrait and yaw +-25, the worst and the
// area-weighted mean texture stretch (screen area / texture area) of the sidewall triangles the turn
// shows, with the photo's texture positions (before) and the revealed ones (after). Never asserts.
//   node --import tsx bench/noseSidewall.ts [names...]   (analyses from $REAL3D_CACHE, bench/portraitCache.ts)
import path from 'node:path';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { revealedStretches } from '../src/eval/revealStretch.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const DATA = SHARED_PORTRAITS;
const names = process.argv.slice(2).length ? process.argv.slice(2) : ['lp_s12.jpg', 'lp_s42.jpg', 'st_happy.png', 'mt_man.png', 'st_art_1.png', 'lp_s10.jpg'];
for (const name of names) {
  const avatar = buildAvatar(await cachedPortrait(path.join(DATA, name)));
  const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  let line = name.padEnd(14);
  for (const [yaw, side] of [[25, -1], [-25, 1]] as const) {
    const lm = r.landmarks({ ...r.neutralFrame(), pose: { ...r.neutralFrame().pose, yaw } });
    const tris = revealedStretches(avatar, (i) => [lm[i]![0], lm[i]![1]], side, 1, [avatar.uv, avatar.uvRevealed]);
    const stats = [0, 1].map((set) => {
      let worst = 0, logSum = 0, weight = 0;
      for (const { area, stretch } of tris) {
        const st = stretch[set]!;
        worst = Math.max(worst, st); logSum += area * Math.log(st); weight += area;
      }
      return weight ? `${Math.exp(logSum / weight).toFixed(2)}/${worst.toFixed(1)}` : '-';
    });
    line += `  ${yaw > 0 ? '+' : ''}${yaw}: mean/worst ${stats[0]} -> ${stats[1]}`;
  }
  console.log(line);
}
