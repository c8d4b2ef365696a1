// Stretched head sheet on turns (issue #15, session 19): per portrait and yaw, the screen px of the head
// sheet's opaque triangles drawn more than 4x their photo area (src/eval/sheetStretch.ts: a torn lobe is a
// wall of sheet turned face-on), on the side the turn shows, and the detached-band rows (src/eval/detachedBand.ts).
// Never asserts.
//   node --import tsx bench/turnStretch.ts [--root DIR] [--yaws -25,12,25] [names...]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { stretchedArea } from '../src/eval/sheetStretch.ts';
import { detachedRows } from '../src/eval/detachedBand.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const root = path.resolve(flag('--root', HERE));
const yaws = flag('--yaws', '-25,12,25').split(',').map(Number);
const names = args.length ? args : ['lp_s42.jpg', 'st_happy.png', 'lp_s12.jpg', 'lp_s10.jpg', 'mt_man.png', 'st_art_1.png', 'lp_s1.jpg'];
const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
const { LANDMARK_COUNT } = await import(path.join(root, 'src/rig/topology.ts'));
const { MATERIAL } = await import(path.join(root, 'src/avatar/types.ts'));
console.log('portrait'.padEnd(14), yaws.map((y) => `${y > 0 ? '+' : ''}${y}: stretched px, detached`.padEnd(30)).join(''));
for (const name of names) {
  const avatar = buildAvatar(await cachedPortrait(path.join(DATA, name)));
  const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  const size = avatar.size, tex = avatar.texture.data;
  const alphaAt = (u: number, v: number) => tex[(Math.min(size - 1, Math.max(0, Math.round(v))) * size + Math.min(size - 1, Math.max(0, Math.round(u)))) * 4 + 3]! / 255;
  const noseX = avatar.rest[4 * 3];
  const cells = yaws.map((yaw) => {
    const frame = { ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
    const mv = r.meshVertices(frame), T = avatar.triangles;
    // the sheet's skin (not the face mesh) on the side the turn shows (+yaw: image-left)
    const keep = (t: number) => avatar.material[t] === MATERIAL.skin && [0, 1, 2].some((k) => T[t * 3 + k] >= LANDMARK_COUNT)
      && (yaw > 0 ? 1 : -1) * (noseX - avatar.rest[T[t * 3] * 3]) > 0;
    const s = stretchedArea(T, mv.x, mv.y, avatar.uv, alphaAt, keep);
    const lm = r.landmarks(frame);
    const d = detachedRows(r.render(frame, { background: null }), lm[yaw > 0 ? 33 : 263]![1], lm[152]![1], lm[4]![0], yaw > 0);
    return `${Math.round(s)}, ${d.rows}/${d.scanned}`.padEnd(30);
  });
  console.log(name.padEnd(14), cells.join(''));
}
process.exit(0);
