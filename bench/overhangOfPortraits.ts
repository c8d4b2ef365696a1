// Each portrait's overhang reading (render/mouth/overhangShade.ts: the light over its upper lip over its cheeks')
// and the share of the moustache's shade its upper row takes. s59 oldteeth59. Never asserts.
//   node --import tsx bench/overhangOfPortraits.ts [lp_s12,lp_s5,... | /path/still.png,...]
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { buildAvatar } from '../src/avatar/build.ts';
import { cheekColour } from '../src/render/mouth/lightMatch.ts';
import { luminance as lum } from '../src/math/colour.ts';
import { overhangOf, overhangShare } from '../src/render/mouth/overhangShade.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_DATA } from './sharedData.ts';

const dir = path.join(SHARED_DATA, 'portraits');
const want = process.argv[2]?.split(',');
// (a name in shared/data/portraits, or a path: a still cut from a clip)
const files = want?.some((w) => w.startsWith('/')) ? want : readdirSync(dir).sort().filter((f) => !want || want.includes(f.replace(/\.[^.]+$/, '')));
for (const f of files) {
  try {
    const avatar = buildAvatar(await cachedPortrait(f.startsWith('/') ? f : path.join(dir, f)));
    const over = overhangOf(avatar, lum(...cheekColour(avatar)));
    console.log(`${f}: overhang ${over.toFixed(2)} share ${overhangShare(over).toFixed(2)}`);
  } catch (e) { console.log(`${f}: ${(e as Error).message.split('\n')[0]}`); }
}
