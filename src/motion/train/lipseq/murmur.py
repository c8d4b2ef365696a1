# The "murmuring" measure (training tooling only): how far the jaw opens at the loudest speech
# frames, ours against the real speaker's (the teacher's jawOpen), on speakers the model did not
# hear. MSE regression shrinks toward the mean; r does not see it, this does.
import numpy as np
from data import gaussian

LOUD_SHARE = 0.2
# jawOpen under this reads as shut lips (x 0.6 IOD ~ 0.03 IOD, the critic's "shut"); real over OPEN_JAW is apart
SHUT_JAW = 0.05
OPEN_JAW = 0.1


def loudness(c):
    """per 25 fps frame: mean relative energy of the four 100 Hz frames it covers"""
    D = c['X'].shape[1] // 4
    return c['X'][:, [0, D, 2 * D, 3 * D]].mean(1)


def loud_frames(c):
    """mask of the loudest LOUD_SHARE of the clip's valid speech frames"""
    m = c['valid'] & (c['speech'] >= 0.5)
    if m.sum() < 5:
        return m
    e = loudness(c)
    cut = np.quantile(e[m], 1 - LOUD_SHARE)
    return m & (e >= cut)


def syllable_swing(jaw, m):
    """std over the masked frames of the jaw minus its 0.2 s (sigma 5 frames) moving average: how much
    it moves at syllable rate"""
    return float(np.std((jaw - gaussian(jaw, 5))[m])) if m.sum() > 10 else np.nan


def silent_frames(c):
    return c['valid'] & (c['speech'] < 0.1)


class MurmurStats:
    """collects ours / real jaw at loud frames and ours at silent frames, per speaker"""

    def __init__(self):
        self.ours, self.real, self.silent, self.swing = {}, {}, [], []
        self.shut = np.zeros(3)  # speech frames: ours shut, real shut, ours shut where the real is open
        self.speech_frames = 0

    def add(self, c, jaw):
        m = loud_frames(c)
        self.ours.setdefault(c['speaker'], []).append(jaw[m])
        self.real.setdefault(c['speaker'], []).append(c['Yraw'][m, 0])
        self.silent.append(jaw[silent_frames(c)])
        sp = c['valid'] & (c['speech'] >= 0.5)
        real = c['Yraw'][sp, 0]
        self.shut += [np.sum(jaw[sp] < SHUT_JAW), np.sum(real < SHUT_JAW), np.sum((jaw[sp] < SHUT_JAW) & (real > OPEN_JAW))]
        self.speech_frames += int(sp.sum())
        self.swing.append((syllable_swing(jaw, sp), syllable_swing(c['Yraw'][:, 0].astype(np.float64), sp)))

    def summary(self):
        ours = np.concatenate([np.concatenate(v) for v in self.ours.values()])
        real = np.concatenate([np.concatenate(v) for v in self.real.values()])
        sil = np.concatenate(self.silent) if self.silent else np.zeros(1)
        # per speaker: our median at loud frames over the real one
        ratio = [np.median(np.concatenate(self.ours[s])) / max(1e-3, np.median(np.concatenate(self.real[s]))) for s in self.ours]
        sw = np.array([w for w in self.swing if np.isfinite(w[0]) and np.isfinite(w[1])])
        return dict(swing_ours=float(np.median(sw[:, 0])), swing_real=float(np.median(sw[:, 1])), ours_p10=float(np.percentile(ours, 10)), real_p10=float(np.percentile(real, 10)), ours_med=float(np.median(ours)), ours_p90=float(np.percentile(ours, 90)),
                    real_med=float(np.median(real)), real_p90=float(np.percentile(real, 90)),
                    speaker_ratio_med=float(np.median(ratio)), silent_mean=float(sil.mean()),
                    silent_over_01=float(np.mean(sil > 0.1)),
                    shut_ours=float(self.shut[0] / max(1, self.speech_frames)), shut_real=float(self.shut[1] / max(1, self.speech_frames)),
                    false_shut=float(self.shut[2] / max(1, self.speech_frames)))

    def line(self):
        s = self.summary()
        return (f'loud 20 %: ours p10 {s["ours_p10"]:.3f} median {s["ours_med"]:.3f} p90 {s["ours_p90"]:.3f} | real p10 {s["real_p10"]:.3f} median {s["real_med"]:.3f} p90 {s["real_p90"]:.3f}'
                f' | per-speaker median ratio {s["speaker_ratio_med"]:.2f}; syllable swing ours {s["swing_ours"]:.3f} real {s["swing_real"]:.3f}; silent frames: mean {s["silent_mean"]:.3f}, > 0.1 {s["silent_over_01"] * 100:.1f} %'
                f' | speech shut ours {s["shut_ours"] * 100:.1f} % real {s["shut_real"] * 100:.1f} %, ours shut where real open {s["false_shut"] * 100:.1f} %')
