# Training losses of the sequence lip model (training tooling only).
# The score is Pearson r per speaker, so besides the weighted MSE on per-clip standardised targets
# a correlation term (1 - r over each training window, valid frames only) can be added; the
# absolute scale is restored afterwards by the quantile calibration, which r does not see.
import torch


def weighted_mse(pred, y, w, tw):
    """mean over valid frames of the target-weighted squared error (w: B x T frame weights)"""
    err = ((pred - y) ** 2 * tw).sum(2) * w
    return err.sum() / w.sum().clamp_min(1e-6)


def window_corr(pred, y, w):
    """Pearson r per sequence and target over the frames with weight > 0: B x targets"""
    m = (w > 0).float().unsqueeze(2)
    n = m.sum(1).clamp_min(1.0)
    pm = (pred * m).sum(1) / n
    ym = (y * m).sum(1) / n
    pc = (pred - pm.unsqueeze(1)) * m
    yc = (y - ym.unsqueeze(1)) * m
    cov = (pc * yc).sum(1)
    return cov / ((pc ** 2).sum(1) * (yc ** 2).sum(1) + 1e-6).sqrt()


def lip_loss(pred, y, w, tw, corr_weight=0.0, corr_targets=1):
    """MSE plus corr_weight * (1 - r) of the first corr_targets targets (jawOpen first), averaged over
    the sequences with at least 16 valid frames, each weighted by its mean frame weight."""
    loss = weighted_mse(pred, y, w, tw)
    if corr_weight <= 0:
        return loss
    r = window_corr(pred[:, :, :corr_targets], y[:, :, :corr_targets], w)
    valid = (w > 0).sum(1)
    sw = torch.where(valid >= 16, w.sum(1) / valid.clamp_min(1), torch.zeros_like(valid, dtype=w.dtype))
    per_seq = (1 - r).mean(1)
    return loss + corr_weight * (per_seq * sw).sum() / sw.sum().clamp_min(1e-6)
