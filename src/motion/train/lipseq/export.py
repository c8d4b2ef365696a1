# Writes a trained Tcn as the JSON layers src/motion/lipTcn.ts reads (base64 little-endian float32).
import base64
import numpy as np


def b64(a):
    return base64.b64encode(np.ascontiguousarray(a, dtype='<f4').tobytes()).decode('ascii')


def conv(c, dilation=1):
    w = c.weight.detach().numpy()  # outputs x inputs x kernel
    return dict(outputs=int(w.shape[0]), inputs=int(w.shape[1]), kernel=int(w.shape[2]), dilation=int(dilation), w=b64(w), b=b64(c.bias.detach().numpy()))


def tcn_json(model, mean, std, targets, onsets=False):
    return dict(kind='lip-tcn', version=1, targets=targets, lookahead=model.lookahead, **({'onsets': True} if onsets else {}), mean=b64(mean), std=b64(std),
                input=conv(model.inp), residual=[conv(c, d) for c, d in zip(model.convs, model.dilations)], output=conv(model.out))
