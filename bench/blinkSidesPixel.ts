import path from 'node:path';
import { readdirSync } from 'node:fs';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { midLidSetting } from '../src/render/closedEye/midLid.ts';
import { lidBowSetting } from '../src/render/lidBow.ts';
if (process.argv.includes('--midoff')) midLidSetting.on = false;
if (process.argv.includes('--bowoff')) lidBowSetting.on = false;
const files = process.argv[2] === 'all' ? readdirSync('/work/shared/data/portraits').filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort() : process.argv[2]!.split(',');
const weights = [0.3, 0.5, 0.7];
const EYES = [{ name: 'imgL', a: 33, b: 133, up: [160, 159, 158], lo: [144, 145, 153] }, { name: 'imgR', a: 362, b: 263, up: [385, 386, 387], lo: [380, 374, 373] }];
for (const file of files) {
  let portrait; try { portrait = await cachedPortrait(path.join('/work/shared/data/portraits', file)); } catch { console.log(file, 'skip'); continue; }
  const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
  const n = r.neutralFrame(); const rc = (im: { width: number; height: number; data: Uint8ClampedArray }) => ({ ...im, data: new Uint8ClampedArray(im.data) }); const rest = rc(r.render(n)); const lm = r.landmarks(n);
  const cells: string[] = [];
  const imgs = weights.map((w) => rc(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: w, eyeBlinkRight: w } })));
  const per: number[][] = [];
  for (const e of EYES) {
    const vals: number[] = [];
    for (const img of imgs) {
      let tot = 0, same = 0;
      for (let k = 0; k < 3; k++) {
        const u = lm[e.up[k]!]!, l = lm[e.lo[k]!]!;
        for (let dx = -1; dx <= 1; dx++) {
          const x = Math.round((u[0]! + l[0]!) / 2) + dx;
          for (let y = Math.round(u[1]!) + 1; y <= Math.round(l[1]!) - 1; y++) {
            const i = (y * img.width + x) * 4; tot++;
            const d = Math.abs(img.data[i]! - rest.data[i]!) + Math.abs(img.data[i + 1]! - rest.data[i + 1]!) + Math.abs(img.data[i + 2]! - rest.data[i + 2]!);
            if (d < 30) same++;
          }
        }
      }
      vals.push(tot ? same / tot : NaN);
    }
    per.push(vals);
  }
  const split = Math.max(...weights.map((_, k) => Math.abs(per[0]![k]! - per[1]![k]!)));
  console.log(`${file.padEnd(22)} ${weights.map((w, k) => `w${w} ${per[0]![k]!.toFixed(2)}/${per[1]![k]!.toFixed(2)}`).join('  ')}  maxsplit ${split.toFixed(2)}  eyeW ${Math.hypot(lm[33]![0]!-lm[133]![0]!, lm[33]![1]!-lm[133]![1]!).toFixed(0)}px`);
}
