// The photo's pose rendered by one checkout, saved, and compared byte for byte with another's:
// changes meant for turns must leave the rest frame untouched (prints PSNR against the photo).
// Run each checkout in its own process (a second analysis in one process can differ slightly).
//   node --import tsx bench/restframe.ts --root DIR --tag before lp_s12.jpg mt_man.png ...
//   node --import tsx bench/restframe.ts --tag after lp_s12.jpg mt_man.png ...   (says IDENTICAL / DIFFERS)
//   (--cached: both read the analysis from $REAL3D_CACHE instead, for avatar or renderer changes)
import path from 'node:path';
import { writeFileSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import { outsidePhoto } from './outsidePhoto.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const args = process.argv.slice(2);
const flag = (name: string, dflt: string) => { const i = args.indexOf(name); if (i < 0) return dflt; const v = args[i + 1]!; args.splice(i, 2); return v; };
const root = path.resolve(flag('--root', HERE));
const tag = flag('--tag', root === HERE ? 'after' : 'before');
const out = path.resolve(flag('--out', '/tmp/restframe'));
// --cached: the analysis from $REAL3D_CACHE (bench/portraitCache.ts) for both checkouts (avatar or renderer changes)
const cached = args.includes('--cached');
if (cached) args.splice(args.indexOf('--cached'), 1);
mkdirSync(out, { recursive: true });
const { analyzePortrait } = await import(path.join(root, 'src/analyze/index.ts'));
const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
for (const name of args) {
  const p = cached ? await (await import('./portraitCache.ts')).cachedPortrait(path.join(DATA, name)) : await analyzePortrait(path.join(DATA, name));
  const r = createRenderer(buildAvatar(p), { width: p.image.width, height: p.image.height });
  const img = r.render(r.neutralFrame());
  // over the whole crop, and over the pixels the photo covers (the rest are our own synthesis)
  const outside = outsidePhoto(p);
  let se = 0, seIn = 0, nIn = 0;
  for (let i = 0; i < img.data.length; i++) {
    if ((i & 3) === 3) continue;
    const d = img.data[i]! - p.image.data[i]!;
    se += d * d;
    if (!outside[i >> 2]) { seIn += d * d; nIn++; }
  }
  const psnr = 10 * Math.log10((255 * 255) / (se / (img.data.length * 0.75)));
  const psnrIn = 10 * Math.log10((255 * 255) / (seIn / Math.max(1, nIn)));
  writeFileSync(path.join(out, `${tag}_${name}.raw`), img.data);
  const before = path.join(out, `before_${name}.raw`);
  const same = tag !== 'before' && existsSync(before) ? (Buffer.compare(readFileSync(before), Buffer.from(img.data)) === 0 ? 'IDENTICAL to before' : 'DIFFERS from before') : '';
  console.log(`${name} ${tag}: PSNR against the photo ${psnr.toFixed(2)} dB (inside the photo ${psnrIn.toFixed(2)} dB) ${same}`);
}
process.exit(0);
