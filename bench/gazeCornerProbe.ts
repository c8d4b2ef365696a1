// A side glance in the eye's corner, per portrait and eye, in the gaze shader's texture (render/gazeIris.ts,
// gazeCorner.ts): at gaze x -1, -.5, +.5, +1 (the renderer's shift, eased into the reach) where the iris's centre
// goes (half eye widths from the rest centre, its height in the opening at that x: 0 upper lid, 1 lower) and
// how much of the iris shows: the moved matte inside the rest opening over the matte at rest ("shown"; the
// lids' own motion and the hidden-iris completion not counted). Never asserts.
//   node --import tsx bench/gazeCornerProbe.ts lp_s0.jpg,lp_s2.jpg,...
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { GazeIris, patchAt } from '../src/render/gazeIris.ts';
import { GAZE_SHIFT_X } from '../src/render/faceTextures.ts';
import { lineAt } from '../src/render/gazeCorner.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const list = (process.argv[2] ?? 'lp_s0.jpg,lp_s2.jpg').split(',');
const f2 = (v: number) => v.toFixed(2);
for (const file of list) {
  const avatar = buildAvatar(await cachedPortrait(path.isAbsolute(file) ? file : path.join(SHARED_PORTRAITS, file)));
  const uv = avatar.uv, iod = avatar.head.iod;
  const tex = { width: avatar.size, height: avatar.size, data32: new Uint32Array(avatar.eyeTexture.data.buffer) };
  const gi = new GazeIris(uv, tex);
  const cells: string[][] = [[], []];
  for (const g of [-1, -0.5, 0.5, 1]) {
    gi.set(g * GAZE_SHIFT_X * iod, 0);
    gi.discs.forEach((d, e) => {
      const poly = (e === 0 ? EYE_L_LOOP : EYE_R_LOOP).map((i) => [uv[i * 2]!, uv[i * 2 + 1]!] as [number, number]);
      const halfW = (Math.max(...poly.map((p) => p[0])) - Math.min(...poly.map((p) => p[0]))) / 2;
      const [sx, sy] = gi.shiftOf(e);
      let rest = 0, shown = 0;
      for (let j = 0; j < d.size; j++) for (let i = 0; i < d.size; i++) {
        const m = d.matte[j * d.size + i]!;
        if (m <= 0) continue;
        rest += m;
        if (insidePolygon(d.x0 + i + 0.5 + sx, d.y0 + j + 0.5 + sy, poly)) shown += patchAt(d.matte, d.size, i + 0.5, j + 0.5);
      }
      const x = d.cx + sx, y = d.cy + sy, top = d.opening ? lineAt(d.opening.upper, x) : NaN, bottom = d.opening ? lineAt(d.opening.lower, x) : NaN;
      cells[e]!.push(`${g > 0 ? '+' : ''}${g}: x ${f2(sx / halfW)} h ${f2((y - top) / (bottom - top))} shown ${f2(shown / rest)}`);
    });
  }
  cells.forEach((c, e) => console.log(`${file} eye ${e}: ${c.join(' | ')}`));
}
