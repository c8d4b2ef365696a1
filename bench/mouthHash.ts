// Hashes of the mouth sheet's frames (jawOpen 0 -> 1 and the visemes), per portrait: a refactor of
// the mouth shader must leave every one unchanged.
//   node --import tsx bench/mouthHash.ts [--root CHECKOUT] [--portraits a.jpg,b.png] [--cache /tmp/avatars]
import path from 'node:path';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const root = path.resolve(opt('--root', path.resolve(import.meta.dirname, '..')));
const cache = path.resolve(opt('--cache', '/tmp/real3d-mouth-hash'));
const DATA = SHARED_PORTRAITS;
const portraits = opt('--portraits', 'mt_man.png,lp_s1.jpg,lp_s42.jpg,st_happy.png,lp_s2.jpg,lp_s9.jpg').split(',');
const frames: Record<string, number>[] = [
  { jawOpen: 0 }, { jawOpen: 0.1 }, { jawOpen: 0.2 }, { jawOpen: 0.3 }, { jawOpen: 0.5 }, { jawOpen: 0.75 }, { jawOpen: 1 },
  { mouthFunnel: 1, jawOpen: 0.3 }, { mouthPucker: 1 }, { mouthSmileLeft: 1, mouthSmileRight: 1, jawOpen: 0.2 }, { mouthClose: 0.4, jawOpen: 0.4 },
];

const { buildAvatar, saveAvatar, loadAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
const { analyzePortrait } = await import(path.join(root, 'src/analyze/index.ts'));
const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
mkdirSync(cache, { recursive: true });
const all = createHash('sha1');
for (const file of portraits) {
  const cached = path.join(cache, `${path.basename(file).replace(/\.\w+$/, '')}.avatar`);
  let avatar;
  if (existsSync(cached)) avatar = await loadAvatar(cached);
  else { avatar = buildAvatar(await analyzePortrait(path.resolve(DATA, file))); await saveAvatar(avatar, cached); }
  const renderer = createRenderer(avatar, { width: 512, height: 512 });
  const n = renderer.neutralFrame();
  const h = createHash('sha1');
  for (const w of frames) {
    const img = renderer.render({ ...n, w: { ...n.w, ...w } });
    h.update(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength));
  }
  const d = h.digest('hex');
  all.update(d);
  console.log(`${file} ${d.slice(0, 16)}`);
}
console.log(`all ${all.digest('hex').slice(0, 16)}`);
process.exit(0);
