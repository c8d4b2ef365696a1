// iris41 (critic40 #5): a cartoon iris far larger than the face mesh's ring (lp_s7) moves whole, and the white shown
// where it was is read past its light rim (render/irisReach.ts): before, the light blue rim stayed as white behind a
// moved limbus arc (the "blue hook" under lp_s7's moved iris, lp_d10 f84-91). Real media; photos of real eyes unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';
import { cachedPortrait } from '../bench/portraitCache.ts';
import { buildAvatar } from './builtAvatar.ts';
import { faceTextures } from '../src/render/faceTextures.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { irisReachOnPhoto, whiteClearance } from '../src/render/irisReach.ts';
import { IRIS_CLEAR } from '../src/render/scleraBehind.ts';

async function eyes(photo: string) {
  const av = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, photo)));
  const t = faceTextures(av);
  return [EYE_L_LOOP, EYE_R_LOOP].map((loop, e) => {
    const poly = loop.map((i) => [av.uv[i * 2]!, av.uv[i * 2 + 1]!] as [number, number]);
    const disc = t.gazeWarp.discs[e]!;
    // the mesh's iris ring (irisDisc.ts: the four ring landmarks round the centre inside this opening)
    const at = (i: number, a: number) => av.uv[i * 2 + a]!;
    const c = [468, 473].reduce((best, i) => (Math.hypot(at(i, 0) - disc.cx, at(i, 1) - disc.cy) < Math.hypot(at(best, 0) - disc.cx, at(best, 1) - disc.cy) ? i : best));
    let ring = 0;
    for (let k = 1; k <= 4; k++) ring += Math.hypot(at(c + k, 0) - at(c, 0), at(c + k, 1) - at(c, 1)) / 4;
    return { disc, ring, poly, tex: t.eyeTex, clear: whiteClearance(irisReachOnPhoto(t.eyeTex, poly, disc.cx, disc.cy, ring), IRIS_CLEAR * ring) };
  });
}
const lum = (c: number) => 0.299 * (c & 255) + 0.587 * ((c >>> 8) & 255) + 0.114 * ((c >>> 16) & 255);
const blueness = (c: number) => ((c >>> 16) & 255) - (c & 255);

test('lp_s7: the iris reaches past the ring; its light rim moves and the white behind it is not blue', async () => {
  for (const { disc, ring, poly, tex, clear } of await eyes('lp_s7.jpg')) {
    assert.ok(Math.max(...clear) > IRIS_CLEAR * ring + 3, `clearance ${clear} ring ${ring}`);
    // the iris's light rim: pixels 0.85-1.05 rings from the centre, under the centre row, inside the opening, lighter than the pupil's ring
    let rim = 0, moved = 0, blue = 0;
    for (let j = 0; j < disc.size; j++) for (let i = 0; i < disc.size; i++) {
      const x = disc.x0 + i, y = disc.y0 + j, d = Math.hypot(x + 0.5 - disc.cx, y + 0.5 - disc.cy);
      if (d < 0.85 * ring || d > 1.05 * ring || y + 0.5 < disc.cy + 2) continue;
      const { insidePolygon } = await import('../src/math/polygon.ts');
      if (!insidePolygon(x + 0.5, y + 0.5, poly) || lum(tex.data32[y * tex.width + x]!) < 120) continue;
      rim++; moved += disc.matte[j * disc.size + i]!;
      if (blueness(disc.white[j * disc.size + i]!) > 20) blue++;
    }
    assert.ok(rim >= 5, `rim ${rim}`);
    assert.ok(moved / rim > 0.7, `rim moved ${(moved / rim).toFixed(2)}`);
    assert.ok(blue / rim < 0.2, `white behind blue ${blue}/${rim}`);
  }
});

test('photos of real eyes and paintings keep the white read at 1.1 rings (unchanged)', async () => {
  for (const photo of ['lp_s5.jpg', 'lp_s42.jpg', 'lp_s12.jpg', 'st_art_1.png']) {
    for (const { ring, clear } of await eyes(photo)) for (const c of clear) assert.equal(c, IRIS_CLEAR * ring, photo);
  }
});
