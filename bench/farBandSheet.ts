// The far cheek at a turn, as a sheet and figures (issue #15, s59 turn59: critic58's "pale wedge and seam" at +25).
// Per portrait one row: rest head | yaw head per variant | far cheek 3x per variant; prints farBand's figures plus
// `light` = the far band's mean luma (outline -> 65 % of the way to the ridge) over the near band's (bench/farBandFigures.ts).
// Variants are renderer option sets, JSON after --variants (default: as built).
//   node --import tsx bench/farBandSheet.ts [--root DIR] [--yaws 25] [--variants '[{},{"revealLight":false}]'] [--out sheet.png] [names...]
import { turnArgs, turnedFrame, turnRenderers } from './turnBench.ts';
import { bandFigures } from './farBandFigures.ts';
import type { RgbaImage } from '../src/types.ts';

const argv = process.argv;
const flagOf = (n: string) => { const i = argv.indexOf(n); if (i < 0) return undefined; const v = argv[i + 1]!; argv.splice(i, 2); return v; };
const variants: Record<string, unknown>[] = JSON.parse(flagOf('--variants') ?? '[{}]');
const out = flagOf('--out');
const { root, yaws, names } = turnArgs('25', ['mt_man.png', 'lp_s10.jpg', 'lp_s12.jpg']);
const { default: sharp } = await import('sharp');

const crop = async (img: RgbaImage, x0: number, y0: number, w: number, h: number, z: number) => {
  const x = Math.max(0, Math.min(img.width - 1, Math.round(x0))), y = Math.max(0, Math.min(img.height - 1, Math.round(y0)));
  const cw = Math.max(1, Math.min(img.width - x, Math.round(w))), ch = Math.max(1, Math.min(img.height - y, Math.round(h)));
  return sharp(Buffer.from(img.data), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left: x, top: y, width: cw, height: ch }).resize(Math.round(cw * z), Math.round(ch * z), { kernel: 'nearest' }).png().toBuffer();
};
const tiles: { buf: Buffer; x: number; y: number }[] = [];
let rowY = 0, sheetW = 0;
const HEAD = 256, CH = 300;
for (const name of names) {
  let x = 0, rowH = 0;
  const put = async (buf: Buffer) => { const m = await sharp(buf).metadata(); tiles.push({ buf, x, y: rowY }); x += m.width! + 4; rowH = Math.max(rowH, m.height!); };
  const heads: Buffer[] = [], cheeks: Buffer[] = [];
  for (const [vi, opts] of variants.entries()) {
    for await (const r of turnRenderers(root, [name], opts)) {
      const fw = r.avatar.head.faceWidth;
      const headBox = (lm: [number, number, number][]) => { const cx = lm[1]![0], cy = lm[1]![1]; return [cx - 0.9 * fw, cy - 1.0 * fw, 1.8 * fw, 1.8 * fw] as const; };
      if (vi === 0) { const f = r.neutralFrame(); const img = r.render(f); const [bx, by, bw, bh] = headBox(r.landmarks(f)); heads.push(await crop(img, bx, by, bw, bh, HEAD / bw)); }
      for (const yaw of yaws) {
        const f = turnedFrame(r, yaw), img = r.render(f), lm = r.landmarks(f), side = yaw > 0 || (yaw === 0 && !yaws.some((y) => y < 0)) ? -1 : 1;
        const fig = bandFigures(img, lm, side);
        console.log(`${name.padEnd(13)} v${vi} ${JSON.stringify(opts).padEnd(28)} ${yaw > 0 ? '+' : ''}${yaw}: grad ${fig.grad.toFixed(3)} light ${fig.light.toFixed(3)} detail ${fig.detail.toFixed(2)} seam ${fig.seam.toFixed(1)}`);
        const [bx, by, bw, bh] = headBox(lm); heads.push(await crop(img, bx, by, bw, bh, HEAD / bw));
        const edge = side < 0 ? lm[234]! : lm[454]!, nose = lm[1]!;
        const cx0 = Math.min(edge[0], nose[0]) - 0.08 * fw, cw = Math.abs(edge[0] - nose[0]) + 0.16 * fw;
        const cy0 = (lm[159]![1] + lm[386]![1]) / 2 - 0.1 * fw, chh = lm[152]![1] - cy0 + 0.05 * fw;
        cheeks.push(await crop(img, cx0, cy0, cw, chh, CH / chh));
      }
    }
  }
  for (const b of [...heads, ...cheeks]) await put(b);
  rowY += rowH + 4; sheetW = Math.max(sheetW, x);
}
if (out) {
  await sharp({ create: { width: sheetW, height: rowY, channels: 3, background: '#202020' } })
    .composite(tiles.map((t) => ({ input: t.buf, left: t.x, top: t.y }))).png().toFile(out);
  console.log('wrote', out);
}
process.exit(0);
