// Stacks PNG sheets under yellow titles (e.g. eval's mouth.png of two renderers, before above after):
//   node --import tsx tools/stack-sheets.ts --out docs/mouth/reenact-katie.png "BEFORE: main" before/mouth.png "AFTER: branch" after/mouth.png
import sharp from 'sharp';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
if (outAt < 0 || !args[outAt + 1]) throw new Error('usage: stack-sheets.ts --out OUT.png TITLE IMAGE [TITLE IMAGE ...]');
const out = args[outAt + 1]!;
const pairs = args.filter((_, i) => i !== outAt && i !== outAt + 1);
if (pairs.length % 2) throw new Error('give a title before each image');
const parts: Buffer[] = [];
let width = 0;
for (let i = 0; i < pairs.length; i += 2) {
  const img = await sharp(pairs[i + 1]!).png().toBuffer();
  width = Math.max(width, (await sharp(img).metadata()).width!);
  const title = pairs[i]!.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  parts.push(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="24"><rect width="100%" height="100%" fill="#000"/><text x="6" y="18" font-family="sans-serif" font-size="16" fill="#ff0">${title}</text></svg>`), img);
}
const composite: Array<{ input: Buffer; left: number; top: number }> = [];
let y = 0;
for (const p of parts) { const b = await sharp(p).png().toBuffer(); composite.push({ input: b, left: 0, top: y }); y += (await sharp(b).metadata()).height!; }
const tmp = `${out}.tmp-${process.pid}.png`;
await sharp({ create: { width, height: y, channels: 3, background: '#000' } }).composite(composite).png({ palette: true, quality: 90, effort: 8 }).toFile(tmp);
(await import('node:fs')).renameSync(tmp, out);
process.stdout.write(`wrote ${out}\n`);
