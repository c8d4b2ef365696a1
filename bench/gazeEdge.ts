// Does gaze disturb the rim of the eye opening? Per portrait, renders the neutral frame at gaze x
// -1 and +1 (and y +-1) and compares, inside each eye opening within `band` px of its edge (lid
// margins and corners, which a moving eyeball should leave alone), the pixels with those of gaze 0:
// the mean absolute difference (0-255) and the share of rim pixels turned pale (20+ brighter: the
// white chevron / arc of the eye texture's fill). Prints a table; never asserts.
//   node --import tsx bench/gazeEdge.ts [lp_s42.jpg,mt_man.png,...]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const DATA = SHARED_PORTRAITS;
const list = (process.argv[2] ?? 'lp_s42.jpg,mt_man.png,lp_s2.jpg,lp_s0.jpg,st_happy.png,lp_s10.jpg').split(',');
const BAND = 2.5;
const lum = (d: ArrayLike<number>, o: number) => 0.3 * d[o]! + 0.59 * d[o + 1]! + 0.11 * d[o + 2]!;

/** Distance from a point to a closed polygon's outline. */
function outlineDistance(x: number, y: number, poly: [number, number][]): number {
  let best = Infinity;
  for (let i = 0; i < poly.length; i++) {
    const [ax, ay] = poly[i]!, [bx, by] = poly[(i + 1) % poly.length]!;
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best;
}

console.log('portrait        rim px   mean |diff| x-1 x+1 y-1 y+1    pale rim share x-1 x+1 y-1 y+1');
const all: number[] = [];
for (const file of list) {
  const portrait = await cachedPortrait(path.join(DATA, file));
  const size = portrait.image.width;
  const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
  const n = r.neutralFrame();
  const lm = portrait.cropLandmarks;
  const rim: number[] = [];
  for (const loop of [EYE_L_LOOP, EYE_R_LOOP]) {
    const poly = loop.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);
    const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
    for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
      if (insidePolygon(x + 0.5, y + 0.5, poly) && outlineDistance(x + 0.5, y + 0.5, poly) <= BAND) rim.push((y * size + x) * 4);
    }
  }
  const base = new Uint8ClampedArray(r.render(n).data);
  const diffs: string[] = [], pales: string[] = [];
  for (const g of [[-1, 0], [1, 0], [0, -1], [0, 1]] as [number, number][]) {
    const img = r.render({ ...n, gaze: [n.gaze[0] + g[0], n.gaze[1] + g[1]] }).data;
    let sum = 0, pale = 0;
    for (const o of rim) {
      sum += (Math.abs(img[o]! - base[o]!) + Math.abs(img[o + 1]! - base[o + 1]!) + Math.abs(img[o + 2]! - base[o + 2]!)) / 3;
      if (lum(img, o) - lum(base, o) > 20) pale++;
    }
    diffs.push((sum / rim.length).toFixed(1).padStart(4));
    pales.push((pale / rim.length).toFixed(3));
    all.push(sum / rim.length);
  }
  console.log(`${file.padEnd(16)}${String(rim.length).padStart(6)}   ${diffs.join(' ')}    ${pales.join(' ')}`);
}
console.log(`mean |diff| over all: ${(all.reduce((a, b) => a + b, 0) / all.length).toFixed(2)}`);
