import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { readAnalysis } from '../../src/analyze/index.ts';
import { buildAvatar } from '../../src/avatar/build.ts';
import { createRenderer } from '../../src/render/renderer.ts';
import { eyeRegion, cropImage, labelledGrid } from '../../src/eval/eyes.ts';
const name = process.argv[2]!;
const p = await readAnalysis(path.join('/work/cache/eyes/analysis', name));
const av = buildAvatar(p);
av.eyeTexture.data.fill(0); for (let i = 0; i < av.eyeTexture.data.length; i += 4) { av.eyeTexture.data[i] = 255; av.eyeTexture.data[i + 2] = 255; av.eyeTexture.data[i + 3] = 255; }
const r = createRenderer(av, { width: p.image.width, height: p.image.height });
const n = r.neutralFrame();
const box = eyeRegion(p.cropLandmarks, p.image.width, p.image.height);
const rows = [[0, 0.5, 1].map((b) => { const img = r.render({ ...n, w: { ...n.w, eyeBlinkLeft: b, eyeBlinkRight: b } }); return { label: `blink ${b}`, image: cropImage({ ...img, data: new Uint8ClampedArray(img.data) }, box) }; })];
const lm = r.landmarks({ ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } });
console.log([362, 386, 374, 263, 33, 159, 145, 133].map((i) => `${i}:${lm[i]!.map((v) => v.toFixed(0)).join(',')}`).join(' '));
await writeFile('/tmp/zoom2.png', await labelledGrid(rows, { title: name, cellW: 560, cellH: 240 }));
