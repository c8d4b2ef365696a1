// s46 flecks46 helper: a saved motion's frames on a portrait rendered by a checkout (--root), each saved
// whole as PNG (for fleck hunting), optionally with motion channels taken back to the photo's (--zero a,b).
//   node --import tsx bench/fleckRender.ts --root CO --portrait lp_s9.jpg --motion m.json --frames 98,168 --out dir [--zero w1,w2] [--tag t] [--set render/x.ts:xSetting.on=false]
import path from 'node:path';
import { readFileSync, mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
const root = path.resolve(opt('--root', path.resolve(import.meta.dirname, '..')));
const file = opt('--portrait', 'lp_s9.jpg'), out = opt('--out', '.'), tag = opt('--tag', 'r');
const zero = opt('--zero', '').split(',').filter(Boolean);
const frames = (JSON.parse(readFileSync(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] }).frames;
const picks = opt('--frames', '0').split(',').map(Number);
mkdirSync(out, { recursive: true });
const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
// --set render/x.ts:xSetting.key=value (repeatable): a setting changed before the renderer is built (s49 shutlid49)
for (let i = 0; i < args.length; i++) if (args[i] === '--set') {
  const [, mod, name, key, val] = /^([^:]+):(\w+)\.(\w+)=(.*)$/.exec(args[i + 1]!) ?? [];
  const m = mod ? await import(pathToFileURL(path.join(root, 'src', mod)).href) : {};
  if (!m[name!] || !(key! in m[name!])) throw new Error('--set ' + args[i + 1] + ': expected render/x.ts:xSetting.key=value naming an exported setting');
  m[name!][key!] = val === 'true' ? true : val === 'false' ? false : Number(val);
}
if (process.env.FL_BAND === '0') (await import(pathToFileURL(path.join(root, 'src/render/raisedLidBand.ts')).href)).raisedLidBandSetting.on = false;
const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file))), { width: 512, height: 512 });
const n: MotionFrame = r.neutralFrame();
for (const k of picks) {
  const f = frames[k]!;
  const w = { ...f.w };
  for (const z of zero) w[z] = z === 'mouthDark' ? w[z]! : (n.w[z] ?? 0);
  const fr = { ...f, w, ...(zero.includes('mouthDark') ? { mouthDark: 0 } : {}) };
  const img = r.render(fr);
  await sharp(Buffer.from(img.data), { raw: { width: 512, height: 512, channels: 4 } }).png().toFile(path.join(out, `${path.basename(file, path.extname(file))}_f${k}_${tag}.png`));
}
if (args.includes('--neutral')) {
  const img = r.render(n);
  await sharp(Buffer.from(img.data), { raw: { width: 512, height: 512, channels: 4 } }).png().toFile(path.join(out, `${path.basename(file, path.extname(file))}_neutral_${tag}.png`));
}
