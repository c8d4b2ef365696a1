// Before/after sheet of bench/turnRead.ts frames, one JPEG per portrait: the frames at each yaw
// (before row, after row, half size), then per turned yaw the far cheek and nose (the oval's half
// the turn takes away, with the nose) at 3x, before | after. For looking, not measuring.
//   node --import tsx bench/turnReadSheet.ts [--dir /tmp/turnRead] [--before before] [--after after] [--out docs/edges/turn13] names...
import path from 'node:path';
import { mkdir, readFile } from 'node:fs/promises';
import sharp from 'sharp';

const args = process.argv.slice(2);
const flag = (name: string, d: string) => { const i = args.indexOf(name); if (i < 0) return d; const v = args[i + 1]!; args.splice(i, 2); return v; };
const dir = flag('--dir', '/tmp/turnRead'), before = flag('--before', 'before'), after = flag('--after', 'after');
const out = flag('--out', 'docs/edges/turn13');
const yaws = [-25, 0, 25], CELL = 256, ZOOM = 3;
await mkdir(out, { recursive: true });
type Row = Record<string, { oval: number[] }> & { name: string };
const rows: Row[] = JSON.parse(await readFile(path.join(dir, `${after}.json`), 'utf8'));

const label = (text: string, w: number) => Buffer.from(`<svg width="${w}" height="18" xmlns="http://www.w3.org/2000/svg"><rect width="100%" height="100%" fill="#111"/><text x="4" y="13" font-family="monospace" font-size="12" fill="#ff0">${text}</text></svg>`);
for (const name of args) {
  const stem = path.parse(name).name, row = rows.find((r) => r.name === name)!;
  const frame = (tag: string, yaw: number) => path.join(dir, tag, `${stem}_${yaw}.png`);
  const parts: { input: Buffer; left: number; top: number }[] = [];
  let y = 0;
  for (const tag of [before, after]) {
    parts.push({ input: label(`${stem} ${tag}: yaw -25 | 0 | +25`, 3 * CELL), left: 0, top: y }); y += 18;
    for (let k = 0; k < yaws.length; k++) parts.push({ input: await sharp(frame(tag, yaws[k]!)).resize(CELL, CELL).toBuffer(), left: k * CELL, top: y });
    y += CELL;
  }
  for (const yaw of [25, -25]) {
    // the half of the oval the turn takes away (+25: image-right), from a little past the nose
    const [x0, y0, x1, y1] = row[yaw]!.oval as [number, number, number, number];
    const w = x1 - x0, h = y1 - y0;
    const left = Math.round(yaw > 0 ? x0 + 0.3 * w : x0 - 0.05 * w), top = Math.round(y0 + 0.25 * h);
    const bw = Math.round(0.75 * w), bh = Math.round(0.5 * h);
    const cw = Math.min(bw * ZOOM, Math.floor((3 * CELL - 4) / 2)), ch = Math.round((cw * bh) / bw);
    parts.push({ input: label(`${yaw > 0 ? '+' : ''}${yaw}: far cheek and nose ${ZOOM}x, ${before} | ${after}`, 3 * CELL), left: 0, top: y }); y += 18;
    for (const [k, tag] of [before, after].entries()) {
      const crop = await sharp(frame(tag, yaw)).extract({ left: Math.max(0, left), top: Math.max(0, top), width: bw, height: bh }).resize(cw, ch, { kernel: 'nearest' }).toBuffer();
      parts.push({ input: crop, left: k * (cw + 4), top: y });
    }
    y += ch;
  }
  const file = path.join(out, `${stem}.jpg`);
  await sharp({ create: { width: 3 * CELL, height: y, channels: 3, background: '#222' } }).composite(parts).jpeg({ quality: 82 }).toFile(file);
  console.log(file);
}
