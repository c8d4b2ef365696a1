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


def shut_in_speech_weight(pred, y, speech, asym):
    """B x T x targets error weights: 1 + asym where the jaw (target 0) is predicted under the teacher
    on a speech frame (`speech` B x T, 0..1), 1 elsewhere. An expectile above the median on speech: a
    frame the network is unsure of leans open rather than shut; silent frames and the other targets
    keep the plain squared error."""
    wt = torch.ones_like(pred)
    wt[:, :, 0] = 1 + asym * speech * (pred[:, :, 0] < y[:, :, 0]).float()
    return wt


def lip_loss(pred, y, w, tw, corr_weight=0.0, corr_targets=1, speech=None, asym=0.0):
    """MSE (jaw under-prediction on speech weighted 1 + asym) plus corr_weight * (1 - r) of the first
    corr_targets targets (jawOpen first), averaged over the sequences with at least 16 valid frames,
    each weighted by its mean frame weight."""
    loss = weighted_mse(pred, y, w, tw * shut_in_speech_weight(pred.detach(), y, speech, asym) if asym > 0 else tw)
    if corr_weight <= 0:
        return loss
    r = window_corr(pred[:, :, :corr_targets], y[:, :, :corr_targets], w)
    valid = (w > 0).sum(1)
    sw = torch.where(valid >= 16, w.sum(1) / valid.clamp_min(1), torch.zeros_like(valid, dtype=w.dtype))
    per_seq = (1 - r).mean(1)
    return loss + corr_weight * (per_seq * sw).sum() / sw.sum().clamp_min(1e-6)
