# The lip-closure head's experiment (training tooling only): a second output of the TCN, one logit
# per frame "the lips are shut", trained with its own loss weight on speech frames the teacher shows
# clearly shut or clearly apart, and at scoring time allowed to shut the calibrated jaw only where it
# is confident. Printed per threshold: held-out r and the speech frames shut / hit / false / missed.
import numpy as np
import torch
import torch.nn.functional as F
from data import best_lag, per_speaker
from murmur import SHUT_JAW, OPEN_JAW

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
# where the head shuts, the jaw is held at most here (under the shut line .05)
SHUT_TO = 0.02
# the lip gap over rest (eye-corner distances) at the same lines as the jaw's (jawOpen x 0.6)
SHUT_GAP, OPEN_GAP = SHUT_JAW * 0.6, OPEN_JAW * 0.6


def shut_labels(c, how):
    """per frame 1 shut, 0 apart, -1 unlabelled (not speech, not valid, or between the lines);
    how: 'jaw' the teacher's jawOpen, 'gap' the tracked lip gap over rest (unsmoothed: keeps p/b/m)"""
    if how == 'gap':
        v, lo, hi = np.nan_to_num(c['gap'], nan=np.inf), SHUT_GAP, OPEN_GAP
    else:
        v, lo, hi = c['Yraw'][:, 0], SHUT_JAW, OPEN_JAW
    y = np.full(c['n'], -1, np.int64)
    y[v < lo] = 1
    y[v > hi] = 0
    y[~(c['valid'] & (c['speech'] >= 0.5))] = -1
    if how == 'gap':
        y[~np.isfinite(c['gap'])] = -1
    return y


def shut_loss(model, labels, w):
    """binary cross-entropy of the shut logits on labelled frames, weighted by the frame weights"""
    m = (labels >= 0) & (w > 0)
    if not m.any():
        return torch.zeros(())
    return (F.binary_cross_entropy_with_logits(model.shut_logits[m], labels[m].float(), reduction='none') * w[m]).sum() / w[m].sum()


def shut_probs(model, mean, std, c):
    with torch.no_grad():
        model(torch.from_numpy(((c['X'] - mean) / std)[None].astype(np.float32)))
        return torch.sigmoid(model.shut_logits[0]).numpy().astype(np.float64)


def with_head(jaw, p, thr):
    return np.where(p > thr, np.minimum(jaw, SHUT_TO), jaw) if thr is not None else jaw


def auc(score, label):
    """area under the ROC curve of `score` ranking label-1 frames above label-0 frames (ties half)"""
    pos, neg = score[label == 1], score[label == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float('nan')
    order = np.argsort(np.concatenate([pos, neg]), kind='mergesort')
    ranks = np.empty(len(order)); ranks[order] = np.arange(1, len(order) + 1)
    allv = np.concatenate([pos, neg])
    # average ranks over ties
    _, inv, cnt = np.unique(allv, return_inverse=True, return_counts=True)
    ranks = (np.bincount(inv, ranks) / cnt)[inv]
    return float((ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


class ShutStats:
    """per threshold (None = the jaw alone): per-speaker r and, over speech frames, ours shut, real
    shut, hits (both), false (ours shut, real apart > OPEN_JAW), teeth (ours > OPEN_JAW, real shut);
    real = the teacher's jaw ('jaw') and the tracked gap ('gap')"""

    def __init__(self):
        self.rows = {t: [] for t in (None,) + THRESHOLDS}
        self.counts = {t: np.zeros(9) for t in (None,) + THRESHOLDS}
        self.scores = {k: [] for k in ('p', 'jaw', 'yjaw', 'ygap')}  # for the AUCs: the head, the jaw, both labels

    def add(self, c, jaw, p):
        sp = c['valid'] & (c['speech'] >= 0.5)
        real = c['Yraw'][:, 0]
        gap = np.nan_to_num(c['gap'], nan=np.nan)
        for k, v in (('p', p), ('jaw', -jaw), ('yjaw', shut_labels(c, 'jaw')), ('ygap', shut_labels(c, 'gap'))):
            self.scores[k].append(v)
        for t in self.rows:
            j = with_head(jaw, p, t)
            self.rows[t].append((c['speaker'], best_lag(j, c['ref'], 3)[0], c['n']))
            ours_shut, g = j < SHUT_JAW, np.isfinite(gap)
            gap_shut, gap_open = g & (gap < SHUT_GAP), g & (gap > OPEN_GAP)
            self.counts[t] += [sp.sum(), (sp & ours_shut).sum(), (sp & (real < SHUT_JAW)).sum(), (sp & ours_shut & (real < SHUT_JAW)).sum(),
                               (sp & ours_shut & (real > OPEN_JAW)).sum(), (sp & (j > OPEN_JAW) & (real < SHUT_JAW)).sum(),
                               (sp & gap_shut).sum(), (sp & ours_shut & gap_shut).sum(), (sp & ours_shut & gap_open).sum()]

    def lines(self):
        sc = {k: np.concatenate(v) for k, v in self.scores.items()}
        out = [f'AUC shut vs apart (speech frames), teacher-jaw labels: head {auc(sc["p"], sc["yjaw"]):.3f}, calibrated jaw {auc(sc["jaw"], sc["yjaw"]):.3f};'
               f' gap labels: head {auc(sc["p"], sc["ygap"]):.3f}, jaw {auc(sc["jaw"], sc["ygap"]):.3f}']
        for t in self.rows:
            sp = per_speaker(self.rows[t])
            n, shut, rs, hit, false, teeth, gs, ghit, gfalse = self.counts[t]
            pc = lambda x: 100 * x / max(1, n)
            out.append(f'shut head thr {t}: mean r {np.mean(list(sp.values())):.3f} | speech {n:.0f}: ours shut {pc(shut):.1f} %, teacher shut {pc(rs):.1f} % hit {pc(hit):.1f} false {pc(false):.1f} teeth-on-shut {pc(teeth):.1f}'
                       f' | gap shut {pc(gs):.1f} % hit {pc(ghit):.1f} false {pc(gfalse):.1f}')
        return out
