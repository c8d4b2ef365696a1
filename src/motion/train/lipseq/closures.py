# p/b/m closures and held-out r of recipes and post-processing (training tooling), the way
# bench/lipChecks.ts counts closures: at the start of GRID words beginning with b/p (bin, blue, by,
# place, please), the jaw's minimum within -40..+80 ms over the clip's median jaw in speech; a word
# is closed below 0.35. The network trains on all non-GRID training speakers (GRID never trains).
#   node --import tsx src/motion/train/exportLipData.ts --out /tmp/lipseq_g --grid 92
#   /usr/bin/python3 src/motion/train/lipseq/closures.py /tmp/lipseq_g RECIPE[@SEED] ...
import os
import sys
import numpy as np
import experiment as ex
from data import load

ALIGN = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../../../shared/data/train/grid_s1/align')
BILABIAL = {'bin', 'blue', 'by', 'place', 'please'}


def word_dips(jaw, speech, align_file):
    med = max(1e-3, float(np.median(jaw[speech >= 0.5]))) if (speech >= 0.5).any() else 1e-3
    out = []
    for line in open(align_file):
        start, _, word = line.split()
        if word not in BILABIAL:
            continue
        t = int(start) / 25000
        i0, i1 = max(0, round((t - 0.04) * 25)), min(len(jaw) - 1, round((t + 0.08) * 25))
        if i1 > i0:
            out.append(jaw[i0:i1 + 1].min() / med)
    return out


def main():
    clips, idx = load(sys.argv[1])
    grid = [c for c in clips if c['speaker'] == 'grid_s1'][32:]
    real = [d for c in grid for d in word_dips(c['videoJaw'], c['speech'], os.path.join(ALIGN, c['name'][5:] + '.align'))]
    print(f'real: {len(real)} words, median dip {np.median(real):.2f}, closed {100 * np.mean(np.array(real) < 0.35):.0f} %')
    for name in sys.argv[2:]:
        r = ex.parse_recipe(name)
        ex.DIP = r['dip']
        ex.prepare(clips, r['target'], r['flux'], r['cvn'], r['voicing'], r['cues'], r['cue_sigma'], r['cue_keep'])
        fit = [c for c in clips if c['role'] == 'train' and c['speaker'] != 'grid_s1']
        model, mean, std = ex.train(fit, r)
        for s in r['smooth']:
            q = ex.calibrate(model, mean, std, fit, s)
            ours = [d for c in grid for d in word_dips(ex.jaw(model, mean, std, c, s, q), c['speech'], os.path.join(ALIGN, c['name'][5:] + '.align'))]
            print(f'{name} smooth {s}: median dip {np.median(ours):.2f}, closed {100 * np.mean(np.array(ours) < 0.35):.0f} % of {len(ours)}', flush=True)


main()
