// Vertical streaks in a wide opening's throat (issue #13, session 19): the cavity's shade was a
// function of the column alone past 0.08 IOD from the lips, so at jawOpen .7-1 every change across
// the opening (the corners' corridor, the lining) ran top to bottom as a stripe. Per portrait and
// jawOpen, over the dark pixels (luma < 70) of the opening's middle 70% of width: the share of the
// gradient that is horizontal, |dx| / (|dx| + |dy|) (1: pure vertical stripes; a lit, rounded throat
// ~0.5-0.7), per --root checkout (before/after). Never asserts.
//   node --import tsx bench/throatStreaks.ts [--portraits a.jpg,...] [--jaw 0.7,1] [--root a,b]
import path from 'node:path';
import { loadImage } from '../src/io/image.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { horizontalShare } from './throatShare.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = SHARED_PORTRAITS;
const portraits = opt('--portraits', 'lp_s42.jpg,lp_s1.jpg,st_happy.png,mt_man.png,lp_s2.jpg').split(',');
const jaws = opt('--jaw', '0.7,1').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const SIZE = 512;

const all = roots.map(() => [] as number[]);
for (const name of portraits) {
  const portrait = await analyzePortrait(await loadImage(path.join(DATA, name)));
  for (const [ri, root] of roots.entries()) {
    const r = await rendererOfRoot(root, portrait, SIZE), n = r.neutralFrame();
    const figs = jaws.map((j) => {
      const f = { ...n, w: { ...n.w, jawOpen: j } };
      const s = horizontalShare(r.render(f).data, SIZE, r.landmarks(f));
      if (s !== null) all[ri]!.push(s);
      return `jaw ${j}: ${s === null ? '-' : s.toFixed(2)}`;
    });
    console.log(`${name.padEnd(14)} ${path.basename(root).padEnd(9)} ${figs.join(' | ')}`);
  }
}
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
for (const [ri, root] of roots.entries()) console.log(`median ${path.basename(root).padEnd(9)} horizontal share ${median(all[ri]!).toFixed(2)} (n ${all[ri]!.length})`);
