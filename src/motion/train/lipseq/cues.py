# How well does Rhubarb's own shape sequence predict jawOpen? (training tooling; exportRhubarb.ts
# wrote the cue fractions.) Per speaker fold a table of the teacher's mean jawOpen per cue is fitted
# on the training speakers; a frame's jaw is its cue fractions times the table, then scored exactly
# like experiment.py's models (smoothing, quantile calibration on the fit speakers, silence gate,
# best-lag r against the measured curve, per speaker frame-weighted).
#   /usr/bin/python3 src/motion/train/lipseq/cues.py /tmp/lipseq
import sys
import numpy as np
from data import load, quantile_map, map_through, gaussian, postprocess, best_lag, per_speaker

NAMES = 'ABCDEFGHX'


def fit_table(clips):
    """teacher jawOpen averaged per cue (frames weighted by their fraction of the cue)"""
    num = np.zeros(9); den = np.zeros(9)
    for c in clips:
        w = c['cues'][c['valid']]
        num += (w * c['Y'][c['valid'], :1]).sum(0)
        den += w.sum(0)
    return num / np.maximum(den, 1e-6)


def raw_jaw(c, table, sigma):
    return gaussian(c['cues'] @ table, sigma)


def main():
    clips, idx = load(sys.argv[1])
    train = [c for c in clips if c['role'] == 'train']
    held = [c for c in clips if c['role'] == 'heldout']
    for sigma in (0, 1, 1.5, 2):
        rows, held_r, tables = [], [], []
        for fold in idx['folds']:
            fit = [c for c in train if c['speaker'] not in fold]
            table = fit_table(fit)
            tables.append(table)
            pred = np.concatenate([raw_jaw(c, table, sigma)[c['valid'] & (c['speech'] >= 0.5)] for c in fit])
            real = np.concatenate([c['Y'][c['valid'] & (c['speech'] >= 0.5), 0] for c in fit])
            q = quantile_map(pred, real)
            score = lambda c: best_lag(postprocess(map_through(raw_jaw(c, table, sigma), *q), c['speech']), c['videoJaw'], 3)[0]
            rows += [(c['speaker'], score(c), c['n']) for c in train if c['speaker'] in fold]
            held_r.append([score(c) for c in held])
        sp = per_speaker(rows)
        h = np.mean(held_r, 0)
        print(f'cues alone, smooth {sigma}: mean r {np.mean(list(sp.values())):.3f} over {len(sp)}; katie {h[0]:.3f}; mt_sun {h[1]:.3f}')
    print('table (fold 1): ' + ' '.join(f'{k} {v:.3f}' for k, v in zip(NAMES, tables[0])))
    share = np.concatenate([c['cues'] for c in train]).mean(0)
    print('share of frames: ' + ' '.join(f'{k} {v * 100:.0f}%' for k, v in zip(NAMES, share)))
    # the speech-activity gate alone, as a floor: how much of r any shape sequence adds over it
    rows = [(c['speaker'], best_lag(postprocess(gaussian(c['speech'], 1.5), c['speech']), c['videoJaw'], 3)[0], c['n']) for c in train]
    print(f'speech activity alone: mean r {np.mean(list(per_speaker(rows).values())):.3f}')


main()
