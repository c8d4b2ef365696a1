// s57 card57: what render/framedTorso.ts reads on saved avatars: per side the straight run of the torso's
// outline below the chin (face widths), its RMS off the line (px), its slope, the share of the rows above it
// where the line goes on as an edge in the photo, and the framed share (deform.ts takes that share of the
// torso's follow away).
//   node --import tsx bench/framedTorso.ts a.avatar b.avatar ...
import { loadAvatar } from '../src/avatar/file.ts';
import { framedTorsoSides } from '../src/render/framedTorso.ts';
import { basename } from 'node:path';

for (const file of process.argv.slice(2)) {
  const av = await loadAvatar(file);
  const r = framedTorsoSides(av);
  const f = (v: number[]) => v.map((x) => x.toFixed(2)).join(' / ');
  console.log(`${basename(file).padEnd(24)} fw ${av.head.faceWidth.toFixed(0)}  run ${f(r.run)}  rms ${f(r.rms)}  slope ${f(r.slope)}  edge ${f(r.edge)}  framed ${r.framed.toFixed(2)}`);
}
