// The picture-kind measure (src/render/mouth/pictureKind.ts skinTexture, texturedShare) per portrait:
//   node --import tsx bench/pictureKind.ts [lp_s1.jpg,st_art_1.png,...]   (default: every portrait with a face)
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { skinTexture, texturedShare } from '../src/render/mouth/pictureKind.ts';

const DIR = SHARED_PORTRAITS;
const files = process.argv[2]?.split(',') ?? readdirSync(DIR);
for (const f of files) {
  try {
    const avatar = buildAvatar(await cachedPortrait(path.join(DIR, f)));
    const t0 = performance.now(), ratio = skinTexture(avatar), ms = performance.now() - t0;
    console.log(`${f.padEnd(20)} texture ${ratio === null ? 'null' : ratio.toFixed(3)}  textured share ${texturedShare(ratio).toFixed(2)}  (${ms.toFixed(0)} ms)`);
  } catch (e) {
    console.log(`${f.padEnd(20)} no face (${(e as Error).message.slice(0, 60)})`);
  }
}
