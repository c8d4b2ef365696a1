// The upper row's side along a steep opening side (s51 rowlook51, #13): per checkout and portrait, mouths at
// jawOpen values rendered at 512 px; figures from the pixels: `side` the upper row's teeth-like pixels (bright,
// grey) in the outer 40% of the opening's half-width above the lips' middle, `low` those of them hanging below the
// middle columns' lowest tooth pixel (a row running down the opening's side), `mid` the middle columns' teeth pixels,
// `light` the greyish pixels' light over 100 (of 255) summed there inside the inner lip contour, in full-white pixels (a grey sliver counts too).
// --motion m.json --frames 79,125: a saved motion's frames instead of --jaws.
//   node --import tsx bench/rowSide.ts --root /work/wt/base,. --portraits st_full_body_1.png,lp_s42.jpg --out sheet.png [--jaws .2,.3,.75,1] [--scale 4]
import path from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import sharp from 'sharp';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const portraits = opt('--portraits', 'st_full_body_1.png').split(',');
const motionFile = opt('--motion', '');
const motion = motionFile ? JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(motionFile, 'utf8'))) as { frames: { w: Record<string, number> }[] } : null;
const jaws = opt(motion ? '--frames' : '--jaws', '.2,.3,.36,.5,.75,1').split(',').map(Number);
const extra = JSON.parse(opt('--w', '{}')) as Record<string, number>;
const scale = Number(opt('--scale', '4'));
const out = opt('--out', '');
const cache = path.resolve(opt('--cache', '/tmp/rowlook51-avatars'));
const DATA = '/work/shared/data/portraits', RENDER = 512;
mkdirSync(cache, { recursive: true });
const builders = await Promise.all(roots.map((r) => import(path.join(r, 'src/avatar/build.ts'))));
const { analyzePortrait } = await import(path.join(roots[0]!, 'src/analyze/index.ts'));
const renderers = await Promise.all(roots.map(async (r) => (await import(path.join(r, 'src/render/renderer.ts'))).createRenderer));

/** the inner lip contour (face mesh), corner to corner along the upper lip and back along the lower */
const INNER = [78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14, 87, 178, 88, 95];
const inside = (poly: number[][], x: number, y: number) => { let c = false; for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) { const [xi, yi] = poly[i]!, [xj, yj] = poly[j]!; if ((yi! > y) !== (yj! > y) && x < (xj! - xi!) * (y - yi!) / (yj! - yi!) + xi!) c = !c; } return c; };
/** teeth-like: bright and grey (lips and skin are pinker) */
const isTooth = (r: number, g: number, b: number) => Math.max(r, g, b) - Math.min(r, g, b) < 45 && 0.3 * r + 0.59 * g + 0.11 * b > 110;

const rows: { input: Buffer; left: number; top: number }[] = [];
let y0 = 0, sheetW = 0;
for (const file of portraits) {
  let portrait;
  for (let ri = 0; ri < roots.length; ri++) {
    const { buildAvatar, saveAvatar, loadAvatar } = builders[ri]!;
    const cached = path.join(cache, `${path.basename(file).replace(/\.\w+$/, '')}.${path.basename(roots[ri]!)}.avatar`);
    let avatar;
    if (existsSync(cached)) avatar = await loadAvatar(cached);
    else { portrait ??= await analyzePortrait(path.resolve(DATA, file)); avatar = buildAvatar(portrait); await saveAvatar(avatar, cached); }
    const renderer = renderers[ri]!(avatar, { width: RENDER, height: RENDER });
    const n = renderer.neutralFrame();
    const lm0 = renderer.landmarks(n);
    const mw = Math.hypot(lm0[291]![0] - lm0[61]![0], lm0[291]![1] - lm0[61]![1]);
    const side = Math.round(1.5 * mw);
    const line: string[] = [];
    const tiles: { input: Buffer; left: number; top: number }[] = [];
    for (let k = 0; k < jaws.length; k++) {
      const f = motion ? { ...n, w: { ...n.w, ...motion.frames[jaws[k]!]!.w } } : { ...n, w: { ...n.w, ...extra, jawOpen: jaws[k]! } };
      const img = renderer.render(f), d = img.data as Uint8Array | Uint8ClampedArray;
      const lm = renderer.landmarks(f);
      const cx = (lm[61]![0] + lm[291]![0]) / 2, half = Math.abs(lm[291]![0] - lm[61]![0]) / 2;
      const yMid = (lm[13]![1] + lm[14]![1]) / 2, yTop = Math.min(lm[13]![1], lm[61]![1], lm[291]![1]) - 0.1 * half;
      const poly = INNER.map((i) => [lm[i]![0], lm[i]![1]]);
      let midLow = -1, mid = 0;
      const px = (x: number, y: number) => { const i = 4 * (y * RENDER + x); return isTooth(d[i]!, d[i + 1]!, d[i + 2]!); };
      for (let y = Math.floor(yTop); y < yMid; y++) for (let x = Math.round(cx - 0.3 * half); x <= Math.round(cx + 0.3 * half); x++) if (px(x, y)) { mid++; midLow = Math.max(midLow, y); }
      let sideN = 0, low = 0, light = 0, lightL = 0;
      for (let y = Math.floor(yTop); y < yMid; y++) for (let x = Math.round(cx - 1.05 * half); x <= Math.round(cx + 1.05 * half); x++) {
        if (Math.abs(x + 0.5 - cx) / half < 0.6) continue;
        const i = 4 * (y * RENDER + x), r = d[i]!, g = d[i + 1]!, b = d[i + 2]!;
        if (inside(poly, x + 0.5, y + 0.5) && Math.max(r, g, b) - Math.min(r, g, b) < 60) { const l = Math.max(0, 0.3 * r + 0.59 * g + 0.11 * b - 100) / 155; light += l; if (x + 0.5 < cx) lightL += l; }
        if (!px(x, y)) continue;
        sideN++; if (y > midLow) low++;
      }
      line.push(`${motion ? "f" : "jaw "}${jaws[k]}: mid ${mid} side ${sideN} low ${low} light ${light.toFixed(1)} (image-left ${lightL.toFixed(1)})`);
      const left = Math.max(0, Math.min(RENDER - side, Math.round(cx - side / 2))), top = Math.max(0, Math.min(RENDER - side, Math.round(yMid - side / 2)));
      const crop = sharp(Buffer.from(d.buffer, d.byteOffset, d.byteLength), { raw: { width: RENDER, height: RENDER, channels: 4 } }).extract({ left, top, width: side, height: side });
      const big = await crop.clone().resize(side * scale, side * scale, { kernel: 'nearest' }).png().toBuffer();
      const small = await crop.clone().png().toBuffer();
      tiles.push({ input: big, left: k * (side * scale + side + 4), top: 0 }, { input: small, left: k * (side * scale + side + 4) + side * scale, top: 0 });
    }
    console.log(`${path.basename(roots[ri]!)} ${file}: ${line.join(' | ')}`);
    const w = jaws.length * (side * scale + side + 4);
    sheetW = Math.max(sheetW, w);
    rows.push({ input: await sharp({ create: { width: w, height: side * scale, channels: 3, background: '#000' } }).composite(tiles).png().toBuffer(), left: 0, top: y0 });
    y0 += side * scale + 4;
  }
}
if (out) await sharp({ create: { width: sheetW, height: y0, channels: 3, background: '#222' } }).composite(rows).png().toFile(out);
process.exit(0);
