# Silence gates compared on the same fold models (training tooling):
#   /usr/bin/python3 src/motion/train/lipseq/gates.py /tmp/lipseq [RECIPE] [SEEDS]
# The product caps each calibrated curve by a gate made from speech activity (data.postprocess,
# lipModel.ts postprocessLips). A gate that only opens fully on clear speech shuts the lips in near-
# silence (breaths, room noise); this prints, per gate, the held-out mean jawOpen r and the share of
# silent frames (>= 0.1 s from speech) where ours has the lips apart, as score.ts counts them.
import sys
import numpy as np
import experiment as ex
from data import load, best_lag, gaussian, gate_curve, map_through, per_speaker

OPEN_JAW = 0.02 / 0.6  # OPEN_GAP / JAW_SCALE (lipData.ts)


def knee(lo):
    """cap = 0 below speech activity lo, rising linearly to 1 at activity 1"""
    return lambda g: np.clip((g - lo) / (1 - lo), 0, 1)


def shut_quiet(pad):
    """the present gate, and shut (cap 0) at frames more than pad frames from speech activity >= 0.5"""
    return lambda g, speech: g * ~quiet_mask(speech, pad)


GATES = {'now': lambda g: g, 'square': lambda g: g * g, 'knee0.2': knee(0.2), 'knee0.3': knee(0.3), 'knee0.4': knee(0.4),
         'quiet3': shut_quiet(3), 'quiet2': shut_quiet(2), 'quiet1': shut_quiet(1)}


def quiet_mask(speech, pad=3):
    loud = speech >= 0.5
    m = np.ones(len(speech), bool)
    for d in range(-pad, pad + 1):
        m &= ~np.roll(np.pad(loud, pad), d)[pad:len(speech) + pad]
    return m


def main():
    clips, idx = load(sys.argv[1])
    r = ex.parse_recipe(sys.argv[2] if len(sys.argv) > 2 else 'tcn_on')
    ex.DIP = r['dip']
    seeds = [int(s) for s in (sys.argv[3] if len(sys.argv) > 3 else '1,2,3').split(',')]
    ex.prepare(clips, r['target'], r['flux'], r['cvn'], r['voicing'])
    train = [c for c in clips if c['role'] == 'train']
    res = {g: ([], [], []) for g in GATES}
    for seed in seeds:
        rows = {g: [] for g in GATES}
        quiet = {g: [0, 0] for g in GATES}
        for fold in idx['folds']:
            fit = [c for c in train if c['speaker'] not in fold]
            model, mean, std = ex.train(fit, dict(r, seed=seed))
            q = ex.calibrate(model, mean, std, fit, 1.5)
            for c in train:
                if c['speaker'] not in fold:
                    continue
                cal = map_through(ex.smoothed(ex.predict(model, mean, std, c)[:, 0], 1.5), *q)
                gate = gate_curve(c['speech'])
                qm = quiet_mask(c['speech']) & np.isfinite(c['gap'])
                for g, f in GATES.items():
                    cap = f(gate, c['speech']) if g.startswith('quiet') else f(gate)
                    j = np.clip(np.minimum(cal, cap), 0, 1)
                    rows[g].append((c['speaker'], best_lag(j, c['ref'], 3)[0], c['n']))
                    quiet[g][0] += int((j[qm] > OPEN_JAW).sum()); quiet[g][1] += int(qm.sum())
        for g in GATES:
            res[g][0].append(np.mean(list(per_speaker(rows[g]).values())))
            res[g][1].append(quiet[g][0] / max(1, quiet[g][1]))
        print(f'seed {seed}: ' + ', '.join(f'{g} r {res[g][0][-1]:.3f} apart {100 * res[g][1][-1]:.1f} %' for g in GATES), flush=True)
    for g in GATES:
        print(f'{g:8s} mean r {np.mean(res[g][0]):.3f} (vs now {np.mean(np.array(res[g][0]) - np.array(res["now"][0])):+.4f}), silent frames with the lips apart {100 * np.mean(res[g][1]):.1f} %')


main()
