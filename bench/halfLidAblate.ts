// s53 lidhalf53: a partial closure's passes one by one. Per portrait, both eyes at eyeBlinkLeft = eyeBlinkRight = w,
// the frame as drawn and with one pass off at a time, eyes zoomed. Never asserts.
//   node --import tsx bench/halfLidAblate.ts out.png st_happy.png,lp_s42.jpg [--weights .5,.7]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { eyesBox } from './eyeBox.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { midLidSetting } from '../src/render/closedEye/midLid.ts';
import { underLidShadeSetting } from '../src/render/closedEye/underLidShade.ts';
import { slitHueSetting } from '../src/render/closedEye/slitHue.ts';
import { closingSlitSetting } from '../src/render/closedEye/lidShadow.ts';
import { lidBowSetting } from '../src/render/lidBow.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
const [out, list] = args;
const weights = opt('--weights', '0.5,0.7').split(',').map(Number);
const variants: [string, () => void, () => void][] = [
  ['as drawn', () => {}, () => {}],
  ['midLid off', () => { midLidSetting.on = false; }, () => { midLidSetting.on = true; }],
  ['underLidShade off', () => { underLidShadeSetting.on = false; }, () => { underLidShadeSetting.on = true; }],
  ['slitHue off', () => { slitHueSetting.on = false; }, () => { slitHueSetting.on = true; }],
  ['lidBow off', () => { lidBowSetting.on = false; }, () => { lidBowSetting.on = true; }],
];
const rows: GridCell[][] = [];
for (const file of list!.split(',')) {
  const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, file));
  const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const box = eyesBox(r.landmarks(n), r.width, r.height);
  for (const w of weights) {
    const row: GridCell[] = [];
    for (const [name, on, off] of variants) {
      on();
      row.push({ label: `${file} w${w} ${name}`, image: cropImage(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: w, eyeBlinkRight: w } }), box) });
      off();
    }
    rows.push(row);
  }
}
await writeFile(out!, await labelledGrid(rows, { title: 'partial closure, one pass off at a time', cellW: 400, cellH: 130 }));
console.log(`sheet: ${out}`);
