// s55 forehead55: which layer of a big brow raise draws what on the forehead. A saved motion's --frames on a
// --portrait rendered with each --variants entry: full (as is), nofolds (render/brows.ts ForeheadFolds off),
// nounder (UnderBrowSkin off), notex (both off), zero (the brow channels back to the photo's), half (the
// raise channels halved); whole 512 PNGs to --out, named <portrait>_f<k>_<variant>.png.
//   node --import tsx bench/foreheadBand.ts --portrait lp_s9.jpg --motion m.json --frames 43 --out dir [--variants full,nofolds] [--set render/x.ts:xSetting.k=v]
import path from 'node:path';
import { readFileSync, mkdirSync } from 'node:fs';
import sharp from 'sharp';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { ForeheadFolds, UnderBrowSkin } from '../src/render/brows.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
const file = opt('--portrait', 'lp_s9.jpg'), out = opt('--out', '.');
const frames = (JSON.parse(readFileSync(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] }).frames;
const picks = opt('--frames', '0').split(',').map(Number);
const variants = opt('--variants', 'full,nofolds,nounder,zero').split(',');
mkdirSync(out, { recursive: true });
for (let i = 0; i < args.length; i++) if (args[i] === '--set') {
  const [, mod, name, key, val] = /^([^:]+):(\w+)\.(\w+)=(.*)$/.exec(args[i + 1]!) ?? [];
  const m = mod ? await import(path.join('..', 'src', mod)) : {};
  if (!m[name!] || !(key! in m[name!])) throw new Error('--set ' + args[i + 1] + ': expected render/x.ts:xSetting.key=value');
  m[name!][key!] = val === 'true' ? true : val === 'false' ? false : Number(val);
}
const RAISES = ['browInnerUp', 'browOuterUpLeft', 'browOuterUpRight'], BROWS = [...RAISES, 'browDownLeft', 'browDownRight'];
const foldsUpdate = ForeheadFolds.prototype.update, underUpdate = UnderBrowSkin.prototype.update;
const noop = function (this: unknown) { /* off */ };
const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file)));
const base = path.basename(file, path.extname(file));
for (const v of variants) {
  ForeheadFolds.prototype.update = v === 'nofolds' || v === 'notex' ? noop : foldsUpdate;
  UnderBrowSkin.prototype.update = v === 'nounder' || v === 'notex' ? noop : underUpdate;
  const r = createRenderer(avatar, { width: 512, height: 512 });
  const n: MotionFrame = r.neutralFrame();
  for (const k of picks) {
    const f = frames[k]!;
    const w = { ...f.w };
    if (v === 'zero') for (const c of BROWS) w[c] = n.w[c] ?? 0;
    if (v === 'half') for (const c of RAISES) w[c] = (n.w[c] ?? 0) + 0.5 * ((w[c] ?? 0) - (n.w[c] ?? 0));
    const img = r.render({ ...f, w });
    await sharp(Buffer.from(img.data), { raw: { width: 512, height: 512, channels: 4 } }).png().toFile(path.join(out, `${base}_f${k}_${v}.png`));
  }
}
ForeheadFolds.prototype.update = foldsUpdate; UnderBrowSkin.prototype.update = underUpdate;
console.log('wrote', variants.length * picks.length, 'frames to', out);
