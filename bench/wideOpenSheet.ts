// s56 widegain56: a sheet of both eyes (3x) per portrait at eyeWide 0 / .4 / .7, the raise's gain as before s56
// (wideGainSetting.most Infinity) beside as now. Never asserts.
//   node --import tsx bench/wideOpenSheet.ts --portraits lp_s9.jpg,lp_s42.jpg --out sheet.png
import path from 'node:path';
import { createRequire } from 'node:module';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { wideGainSetting } from '../src/render/raiseCap.ts';
import type { MotionFrame } from '../src/types.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
const sharp = createRequire(import.meta.url)('sharp');
const at = opt('--at', '0,0.4,0.7').split(',').map(Number), ZOOM = 3, S = 512;
const most = wideGainSetting.most;
const rows: Buffer[] = [];
let rowW = 0, rowH = 0;
for (const file of opt('--portraits', 'lp_s9.jpg').split(',')) {
  const cells: { buf: Buffer; w: number; h: number }[] = [];
  for (const m of [Infinity, most]) {
    wideGainSetting.most = m;
    // a fresh renderer: the gain is read once per avatar (raiseCapper)
    const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file))), { width: S, height: S });
    const n = r.neutralFrame(), lm = r.landmarks(n);
    const iod = Math.hypot(lm[263]![0] - lm[33]![0], lm[263]![1] - lm[33]![1]);
    const bw = Math.round(1.5 * iod), bh = Math.round(0.4 * iod);
    const x0 = Math.round((lm[263]![0] + lm[33]![0]) / 2 - bw / 2), y0 = Math.round((lm[263]![1] + lm[33]![1]) / 2 - bh / 2);
    for (const a of at) {
      const f: MotionFrame = { ...n, w: { ...n.w, eyeWideLeft: Math.max(a, n.w.eyeWideLeft!), eyeWideRight: Math.max(a, n.w.eyeWideRight!) } };
      const img = r.render(f);
      const buf = await sharp(Buffer.from(img.data), { raw: { width: S, height: S, channels: 4 } })
        .extract({ left: Math.max(0, x0), top: Math.max(0, y0), width: bw, height: bh }).resize(bw * ZOOM, bh * ZOOM, { kernel: 'nearest' }).png().toBuffer();
      cells.push({ buf, w: bw * ZOOM, h: bh * ZOOM });
    }
  }
  const w = cells.reduce((s, c) => s + c.w + 4, 0), h = Math.max(...cells.map((c) => c.h));
  let x = 0;
  const comp = cells.map((c) => { const o = { input: c.buf, left: x, top: 0 }; x += c.w + 4; return o; });
  comp.push({ input: Buffer.from(`<svg width="${w}" height="24"><text x="4" y="18" font-size="18" fill="yellow">${file} | before s56 ${at.join(' / ')} | most ${most}: ${at.join(' / ')}</text></svg>`), left: 0, top: 0 });
  rows.push(await sharp({ create: { width: w, height: h, channels: 3, background: '#000' } }).composite(comp).png().toBuffer());
  rowW = Math.max(rowW, w); rowH += h + 6;
}
let y = 0;
const comp = rows.map((b) => { const o = { input: b, left: 0, top: y }; y += 0; return o; });
const metas = await Promise.all(rows.map((b) => sharp(b).metadata()));
y = 0;
comp.forEach((c, i) => { c.top = y; y += metas[i]!.height + 6; });
await sharp({ create: { width: rowW, height: y, channels: 3, background: '#222' } }).composite(comp).png().toFile(opt('--out', 'wideOpen.png'));
console.log('wrote', opt('--out', 'wideOpen.png'));
