// The far cheek band a turn shows (issue #15, s58 farcheek58: "a pale flat band with a hard seam" at +25), measured per
// row from the far outline to the nose ridge, eye level to halfway from the mouth corners to the chin, as rendered:
//   grad   = mean luma of the outer quarter (outline -> 25% of the way to the ridge) over the band 40-65% in: < 1 where
//            the cheek darkens toward its silhouette, as a real turned cheek does;
//   detail = mean |luma - its 3x3 mean| over the outer 65%, over the same on the near side's band (1 = as grainy as
//            the cheek the photo saw squarely);
//   seam   = per row, the largest luma step over 2 px of the 3x5-smoothed band (from 2 px inside the outline), mean over rows.
// `--real` reads the portrait itself at rest on the side given by --side (-1 image-left, 1 image-right): a photo
// of a really turned face (a driver frame saved as PNG: christie, lp_s10) is the reference for the same figures.
//   node --import tsx bench/farBand.ts [--root DIR] [--yaws 25,-25] [--off] [names...]
//   node --import tsx bench/farBand.ts --real --side 1 /abs/frame.png
import path from 'node:path';
import { turnArgs, turnedFrame, turnRenderers } from './turnBench.ts';
import { bandFigures } from './farBandFigures.ts';

const argv = process.argv;
const flagOf = (n: string) => { const i = argv.indexOf(n); if (i < 0) return undefined; const v = argv[i + 1]!; argv.splice(i, 2); return v; };
const real = argv.includes('--real'); if (real) argv.splice(argv.indexOf('--real'), 1);
const off = argv.includes('--off'); if (off) argv.splice(argv.indexOf('--off'), 1);
const sideFlag = flagOf('--side');
const { root, yaws, names } = turnArgs('25,-25', ['mt_man.png', 'lp_s12.jpg', 'lp_s10.jpg', 'lp_s42.jpg', 'st_happy.png', 'st_art_1.png']);

const fmt = (f: ReturnType<typeof bandFigures>) => `grad ${f.grad.toFixed(3)} light ${f.light.toFixed(3)} detail ${f.detail.toFixed(2)} seam ${f.seam.toFixed(1)} (${f.rows} rows)`;
const realNames = real ? names.map((n) => path.resolve(n)) : names;
for await (const r of turnRenderers(root, realNames, off ? { revealLight: false } : {})) {
  if (real) { const f0 = turnedFrame(r, 0); console.log('real'.padEnd(8), path.basename(r.name).padEnd(24), fmt(bandFigures(r.render(f0), r.landmarks(f0), Number(sideFlag ?? 1)))); continue; }
  const cells = yaws.map((yaw) => { const f = turnedFrame(r, yaw); return `${yaw > 0 ? '+' : ''}${yaw}: ${fmt(bandFigures(r.render(f), r.landmarks(f), yaw > 0 ? -1 : 1))}`; });
  console.log((off ? 'off' : path.basename(root)).padEnd(8), r.name.padEnd(13), cells.join(' | '));
}
process.exit(0);
