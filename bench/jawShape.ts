// The jaw's shape as the mouth opens: per portrait, the lower lip's thickness (inner to outer
// contour, centre and side columns), the chin's length (lower lip to chin tip) and the skin beside
// the corners, at motion jawOpen 0 .. 1, on the rendered landmarks (512 px frame). Prints, never asserts.
//   node --import tsx bench/jawShape.ts [--portraits lp_s42.jpg,lp_s2.jpg]
import path from 'node:path';
import { analyzePortrait } from '../src/analyze/index.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = SHARED_PORTRAITS;
const portraits = opt('--portraits', 'lp_s42.jpg,lp_s2.jpg,mt_man.png,lp_s1.jpg,st_happy.png').split(',');
// lower lip columns: inner contour -> outer contour (centre, then one and two columns out on each side)
const COLS: [string, number, number][] = [['centre', 14, 17], ['side1', 87, 84], ['side1r', 317, 314], ['side2', 178, 181], ['side2r', 402, 405]];
for (const name of portraits) {
  const avatar = buildAvatar(await analyzePortrait(path.join(DATA, name)));
  const r = createRenderer(avatar, { width: 512, height: 512 });
  const n = r.neutralFrame();
  const rows: string[] = [];
  for (const jaw of [0, 0.25, 0.5, 0.75, 1]) {
    const lm = r.landmarks({ ...n, w: { ...n.w, jawOpen: jaw } });
    const d = (a: number, b: number) => Math.hypot(lm[a]![0] - lm[b]![0], lm[a]![1] - lm[b]![1]);
    const iod = d(33, 263);
    rows.push(`jaw ${jaw.toFixed(2)}: gap ${(d(13, 14) / iod).toFixed(3)} lip ${COLS.map(([, a, b]) => (d(a, b) / iod).toFixed(3)).join(' ')} chin ${(d(17, 152) / iod).toFixed(3)} cornerToJaw ${(d(61, 172) / iod).toFixed(3)} ${(d(291, 397) / iod).toFixed(3)}`);
  }
  console.log(name + '\n  ' + rows.join('\n  '));
}
process.exit(0);
