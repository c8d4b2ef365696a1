import path from 'node:path';
import { readAnalysis } from '../../src/analyze/index.ts';
import { buildAvatar } from '../../src/avatar/build.ts';
import { createRenderer } from '../../src/render/renderer.ts';
import { RIG_CONTROLS } from '../../src/rig/controls.ts';
import { eyeOpenings } from '../../src/eval/eyes.ts';
for (const name of process.argv.slice(2)) {
  const p = await readAnalysis(path.join('/work/cache/eyes/analysis', name));
  const av = buildAvatar(p);
  const pw = RIG_CONTROLS.map((c, k) => `${c}=${av.rig.photoWeights[k]!.toFixed(2)}`).filter((s) => !s.endsWith('=0.00'));
  const r = createRenderer(av, { width: p.image.width, height: p.image.height });
  const n = r.neutralFrame();
  const lm = r.landmarks({ ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } });
  console.log(name, pw.join(' '), 'angles', JSON.stringify(av.rig.angles), 'photo open', eyeOpenings(p.cropLandmarks), 'model shut', eyeOpenings(lm));
}
