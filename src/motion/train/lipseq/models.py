# Sequence models of the lip trainer (training tooling only; inference is src/motion/lipSeq.ts).
# All run at the output rate (25 fps) on rows of the four 100 Hz log-mel frames each output frame
# covers, so the product's forward pass costs a few tens of thousands of multiply-adds a frame.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Tcn(nn.Module):
    """Input 1x1 projection, residual dilated convolutions (kernel 3), 1x1 output.
    lookahead None: symmetric (offline). Otherwise causal convolutions on the input shifted
    `lookahead` frames earlier, so frame i sees audio up to frame i + lookahead."""

    def __init__(self, dim_in, dim_out, channels=64, dilations=(1, 2, 4, 8), lookahead=None, n_aux=0, shut_head=False):
        super().__init__()
        # training-only phoneme head on the last hidden layer (multi-task); never exported
        self.aux = nn.Conv1d(channels, n_aux, 1) if n_aux else None
        self.aux_logits = None
        self.inp = nn.Conv1d(dim_in, channels, 1)
        self.convs = nn.ModuleList([nn.Conv1d(channels, channels, 3, dilation=d) for d in dilations])
        self.dilations = list(dilations)
        self.out = nn.Conv1d(channels, dim_out, 1)
        self.lookahead = lookahead
        # lip-closure head (one logit per frame: lips shut) on the last hidden layer; experiment only.
        # Made last so that the other layers start from the same weights as without it.
        self.shut = nn.Conv1d(channels, 1, 1) if shut_head else None
        self.shut_logits = None

    def forward(self, x):  # x: B x T x dim_in -> B x T x dim_out
        h = x.transpose(1, 2)
        if self.lookahead is not None and self.lookahead > 0:
            h = F.pad(h[:, :, self.lookahead:], (0, self.lookahead), value=0.0)
        h = F.relu(self.inp(h))
        for conv, d in zip(self.convs, self.dilations):
            pad = (2 * d, 0) if self.lookahead is not None else (d, d)
            h = h + F.relu(conv(F.pad(h, pad)))
        if self.aux is not None:
            self.aux_logits = self.aux(h).transpose(1, 2)
        if self.shut is not None:
            self.shut_logits = self.shut(h)[:, 0]
        return self.out(h).transpose(1, 2)


class Gru(nn.Module):
    def __init__(self, dim_in, dim_out, channels=64, hidden=48, bidirectional=True):
        super().__init__()
        self.inp = nn.Linear(dim_in, channels)
        self.gru = nn.GRU(channels, hidden, batch_first=True, bidirectional=bidirectional)
        self.out = nn.Linear(hidden * (2 if bidirectional else 1), dim_out)

    def forward(self, x):
        h = F.relu(self.inp(x))
        h, _ = self.gru(h)
        return self.out(h)


class PooledMlp(nn.Module):
    """The shipped MLP as a convolution: 13 pooled 40 ms windows (-240..+240 ms) -> 64 -> 32 -> out."""

    def __init__(self, dim_in, dim_out, hidden=(64, 32), width=13):
        super().__init__()
        self.frame = dim_in // 4
        self.c1 = nn.Conv1d(self.frame, hidden[0], width, padding=width // 2)
        self.c2 = nn.Conv1d(hidden[0], hidden[1], 1)
        self.c3 = nn.Conv1d(hidden[1], dim_out, 1)

    def forward(self, x):
        B, T, _ = x.shape
        pooled = x.reshape(B, T, 4, self.frame).mean(2).transpose(1, 2)
        h = F.relu(self.c1(pooled))
        h = F.relu(self.c2(h))
        return self.c3(h).transpose(1, 2)
