import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { readAnalysis } from '../../src/analyze/index.ts';
import { buildAvatar } from '../../src/avatar/build.ts';
import { createRenderer } from '../../src/render/renderer.ts';
import { eyeRegion, cropImage, labelledGrid } from '../../src/eval/eyes.ts';
const names = process.argv.slice(2);
const rows = [];
for (const name of names) {
  const p = await readAnalysis(path.join('/work/cache/eyes/analysis', name));
  const av = buildAvatar(p);
  const r = createRenderer(av, { width: p.image.width, height: p.image.height });
  const n = r.neutralFrame();
  const box = eyeRegion(p.cropLandmarks, p.image.width, p.image.height);
  const c = (w: any) => { const img = r.render({ ...n, w: { ...n.w, ...w } }); return cropImage({ ...img, data: new Uint8ClampedArray(img.data) }, box); };
  rows.push([{ label: name, image: cropImage(p.image, box) }, { label: 'blink .7', image: c({ eyeBlinkLeft: 0.7, eyeBlinkRight: 0.7 }) }, { label: 'blink 1', image: c({ eyeBlinkLeft: 1, eyeBlinkRight: 1 }) }]);
}
await writeFile('/tmp/zoom.png', await labelledGrid(rows, { title: 'zoom', cellW: 560, cellH: 200 }));
