// Does the iris keep its shape when the eyes look around? Per portrait and gaze, the photo's iris
// (the rest render's pixels within 0.8 of the face mesh's iris radius, inside the eye opening) is
// searched for in the render at that gaze (whole-pixel shifts up to 1.2 iris diameters): the best
// match's mean absolute difference (0-255, both eyes; a squashed or stretched iris matches badly)
// and its travel (px). The core is also clipped by the lids as it travels toward a corner, so the
// difference grows with the travel: compare at equal travel. (A search over widths 0.6-1.3 too
// read a rigid iris moving straight up as 0.7 wide: a narrower template fits the dark core better.)
// Prints a table; never asserts.
//   node --import tsx bench/irisRigid.ts [lp_s42.jpg,mt_man.png,...]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const DATA = SHARED_PORTRAITS;
const list = (process.argv[2] ?? 'mt_man.png,lp_s42.jpg,lp_s12.jpg,lp_s1.jpg,st_happy.png,lp_s5.jpg').split(',');
const GAZES: [number, number][] = [[-1, 0], [-0.5, 0], [0.5, 0], [1, 0], [0, -1], [0, 1]];

const residuals: number[] = [];
console.log('portrait          ' + GAZES.map(([x, y]) => `${x ? `x ${x}` : `y ${y}`}`.padEnd(14)).join('') + '(best match: mean |diff| / travel px)');
for (const file of list) {
  const portrait = await cachedPortrait(path.join(DATA, file));
  const { width: W, height: H } = portrait.image;
  const r = createRenderer(buildAvatar(portrait), { width: W, height: H });
  const n = r.neutralFrame();
  const rest = r.render(n).data.slice();
  const lm = portrait.cropLandmarks;
  // each eye: the iris core's pixels inside the opening (offsets from the iris centre) and their rest colours
  const eyes = ([[468, EYE_L_LOOP], [473, EYE_R_LOOP]] as const).map(([c, loop]) => {
    const poly = loop.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);
    const cx = lm[c]![0]!, cy = lm[c]![1]!;
    let rad = 0;
    for (let k = 1; k <= 4; k++) rad += Math.hypot(lm[c + k]![0]! - cx, lm[c + k]![1]! - cy) / 4;
    const px: [number, number, number][] = [];
    for (let y = Math.floor(cy - rad); y <= cy + rad; y++) for (let x = Math.floor(cx - rad); x <= cx + rad; x++) {
      if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) > 0.8 * rad || !insidePolygon(x + 0.5, y + 0.5, poly)) continue;
      px.push([x, y, (y * W + x) * 4]);
    }
    return { px, reach: Math.ceil(2.4 * rad) };
  });
  const cells: string[] = [];
  for (const [gx, gy] of GAZES) {
    const img = r.render({ ...n, gaze: [gx ? gx : n.gaze[0], gy ? gy : n.gaze[1]] }).data;
    let sum = 0, travel = 0;
    for (const eye of eyes) {
      let best = Infinity, bestD = 0;
      for (let dy = -eye.reach; dy <= eye.reach; dy++) for (let dx = -eye.reach; dx <= eye.reach; dx++) {
        let s = 0, k = 0;
        for (const [x, y, o] of eye.px) {
          const X = x + dx, Y = y + dy;
          if (X < 0 || Y < 0 || X >= W || Y >= H) continue;
          const q = (Y * W + X) * 4;
          s += Math.abs(img[q]! - rest[o]!) + Math.abs(img[q + 1]! - rest[o + 1]!) + Math.abs(img[q + 2]! - rest[o + 2]!);
          k++;
        }
        const m = s / (3 * Math.max(1, k));
        if (m < best) { best = m; bestD = Math.hypot(dx, dy); }
      }
      sum += best / eyes.length;
      travel += bestD / eyes.length;
    }
    residuals.push(sum);
    cells.push(`${sum.toFixed(1)} / ${travel.toFixed(1)}`.padEnd(14));
  }
  console.log(file.padEnd(18) + cells.join(''));
}
const sorted = [...residuals].sort((a, b) => a - b);
console.log(`median best-match difference ${sorted[sorted.length >> 1]!.toFixed(1)}, worst ${sorted.at(-1)!.toFixed(1)}`);
