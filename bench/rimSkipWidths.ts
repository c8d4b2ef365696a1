// How far the reveal skips each portrait's light rim along the face outline (issue #15, session 30;
// src/avatar/rim.ts rimSkips): per face-oval landmark that has one, the inward texture offset a full
// turn toward that side takes (px, and in face widths). A skip at the cap (0.07 face widths, ~15 px on
// mt_man) moves the outline's texture past the whole lit band: on a turn toward that side the shaded
// cheek then ends right on the backdrop (mt_man's straight cut at -25), and the skipped band is squeezed
// into the head sheet's first pixels. Prints only; never asserts.
//   node --import tsx bench/rimSkipWidths.ts [names...]   (portrait file names in ../shared/data/portraits)
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { rimSkips } from '../src/avatar/rim.ts';
import { measureHead } from '../src/avatar/shape.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const DATA = SHARED_PORTRAITS;
const names = process.argv.slice(2);
if (names.length === 0) names.push('mt_man.png', 'lp_s10.jpg', 'st_art_1.png', 'lp_s12.jpg', 'lp_s42.jpg', 'st_happy.png', 'lp_s2.jpg');
const onOval = new Set<number>(FACE_OVAL);
for (const name of names) {
  // (path.resolve: an absolute name works from any checkout)
  const portrait = await cachedPortrait(path.resolve(DATA, name));
  const flat = Float64Array.from(portrait.cropLandmarks.flatMap((p) => [p[0]!, p[1]!, p[2] ?? 0]));
  const { faceWidth } = measureHead(flat, portrait.matte);
  const skips = rimSkips(portrait.image, flat, faceWidth);
  const cells: string[] = [];
  skips.ids.forEach((v, k) => {
    if (!onOval.has(v)) return;
    const px = Math.hypot(...skips.offset[k]!) * skips.strength[k]!;
    cells.push(`${v}: ${px.toFixed(1)} px (${(px / faceWidth).toFixed(3)})`);
  });
  console.log(`${path.basename(name).padEnd(13)} face width ${faceWidth.toFixed(0)} px  ${cells.length ? cells.join('  ') : 'no rim'}`);
}
process.exit(0);
