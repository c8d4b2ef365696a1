# The smile experiment of lipseq (training tooling only): the teacher's smile (exportLipData's `smile` block, mean of
# mouthSmileLeft/Right) as a 9th target, and its held-out r. Not a product target (lipnet20: Katie r -0.04..-0.08).
import numpy as np
from data import gaussian, pearson, per_speaker, standardise_targets


def with_smile_target(clips):
    """the teacher's smile (exportLipData's `smile` block) as a 9th target, standardised per clip like the others"""
    for c in clips:
        sm = c['smile'][:, None].astype(np.float32)
        c['Yraw'] = np.concatenate([c['Yraw'], sm], 1)
        c['Yz'] = np.concatenate([c['Yz'], standardise_targets(dict(Y=sm, valid=c['valid']))], 1)


def smile_line(models, fold_clips, held, predict):
    """r of the smile output (sigma 1.5) against the teacher's over valid frames: per speaker by its fold model, Katie and mt_sun by each"""
    rows = []
    for (model, mean, std), cl in zip(models, fold_clips):
        for c in cl:
            p = gaussian(predict(model, mean, std, c)[:, -1], 1.5)
            rows.append((c['speaker'], pearson(p[c['valid']], c['smile'][c['valid']]), c['n']))
    sp = per_speaker(rows)
    h = [[pearson(gaussian(predict(*m, c)[:, -1], 1.5)[c['valid']], c['smile'][c['valid']]) for m in models] for c in held]
    return (f'smile r: mean {np.mean(list(sp.values())):.3f} over {len(sp)} (' + ', '.join(f'{k.replace("styletalk_", "")} {v:.2f}' for k, v in sorted(sp.items()))
            + ') | ' + ', '.join(f'{c["name"]} {np.mean(x):.3f}' for c, x in zip(held, h)))
