#!/usr/bin/env python3
"""Trains the bundled folk-rnn v2-architecture model on a folk-rnn token corpus and writes it in the
project's HDF5 model format (core/model/MODEL-FORMAT.md).

Architecture as folk-rnn v2 (config5): one-hot input, 3 LSTM layers of 512 units, dropout 0.5
after each LSTM layer during training, dense softmax output; initial states zero and not learned
(Lasagne's default hid_init/cell_init), exported as h0 = c0 = 0. Optimiser as config5: RMSprop,
learning rate 0.003 decayed per epoch after a start epoch (config5: 0.97 after 20; here 0.99 after 50
by default, since an epoch of this corpus is ~20 times shorter), gradient norm clipped at 5.
The epoch with the lowest validation loss is kept.

  train_folkrnn.py train CORPUS.txt --out MODEL.npz [--epochs N] [--hidden 512] ...
  train_folkrnn.py export MODEL.npz --out MODEL.h5      (needs h5py)
  train_folkrnn.py train CORPUS.txt --out MODEL.h5 ...   (both at once when h5py is present)

Corpus format: tunes separated by blank lines; each tune's tokens separated by whitespace
(meter line, mode line, body), as written by `folkrnn-cli tokenize`.
"""
import argparse
import json
import math
import random
import sys
import time

import numpy as np


def read_corpus(path):
    tunes, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                if cur:
                    tunes.append(cur)
                    cur = []
                continue
            cur.extend(line.split())
    if cur:
        tunes.append(cur)
    return tunes


def split(tunes, valid_fraction, seed):
    idx = list(range(len(tunes)))
    random.Random(seed).shuffle(idx)
    n_valid = max(1, int(round(len(tunes) * valid_fraction)))
    valid = [tunes[i] for i in idx[:n_valid]]
    train = [tunes[i] for i in idx[n_valid:]]
    return train, valid


def build_vocabulary(tunes):
    tokens = sorted({t for tune in tunes for t in tune})
    return ["<s>", "</s>"] + [t for t in tokens if t not in ("<s>", "</s>")]


def train(args):
    import torch
    import torch.nn as nn

    torch.manual_seed(args.seed)
    tunes = read_corpus(args.corpus)
    if args.limit_tunes:
        tunes = tunes[: args.limit_tunes]
    vocab = build_vocabulary(tunes)
    stoi = {t: i for i, t in enumerate(vocab)}
    train_tunes, valid_tunes = split(tunes, args.valid_fraction, args.seed)
    V, H, L = len(vocab), args.hidden, args.layers
    device = torch.device("cuda" if torch.cuda.is_available() and not args.cpu else "cpu")
    print(f"{len(train_tunes)} training tunes, {len(valid_tunes)} validation tunes, {V} tokens, "
          f"{L}x{H} on {device}", file=sys.stderr)

    def encode(tune):
        return [stoi["<s>"]] + [stoi[t] for t in tune] + [stoi["</s>"]]

    train_seqs = [encode(t) for t in train_tunes]
    valid_seqs = [encode(t) for t in valid_tunes]

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.lstms = nn.ModuleList([nn.LSTM(V if j == 0 else H, H, batch_first=True) for j in range(L)])
            self.drop = nn.Dropout(args.dropout)
            self.dense = nn.Linear(H, V)

        def forward(self, x):
            h = nn.functional.one_hot(x, V).float()
            for lstm in self.lstms:
                h, _ = lstm(h)  # zero initial state, as Lasagne's default hid_init/cell_init
                h = self.drop(h)
            return self.dense(h)

    net = Net().to(device)
    opt = torch.optim.RMSprop(net.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss(reduction="sum", ignore_index=-1)

    def batches(seqs, shuffle):
        order = list(range(len(seqs)))
        if shuffle:
            random.shuffle(order)
        # Bucket by length so padding stays small.
        order.sort(key=lambda i: len(seqs[i]) + (random.random() * 40 if shuffle else 0))
        chunks = [order[k:k + args.batch] for k in range(0, len(order), args.batch)]
        if shuffle:
            random.shuffle(chunks)
        for chunk in chunks:
            T = max(len(seqs[i]) for i in chunk) - 1
            x = torch.zeros(len(chunk), T, dtype=torch.long)
            y = torch.full((len(chunk), T), -1, dtype=torch.long)
            for r, i in enumerate(chunk):
                s = seqs[i]
                x[r, :len(s) - 1] = torch.tensor(s[:-1])
                y[r, :len(s) - 1] = torch.tensor(s[1:])
            yield x.to(device), y.to(device)

    def evaluate(seqs):
        net.eval()
        total, count = 0.0, 0
        with torch.no_grad():
            for x, y in batches(seqs, False):
                out = net(x)
                total += loss_fn(out.reshape(-1, V), y.reshape(-1)).item()
                count += int((y >= 0).sum().item())
        net.train()
        return total / count

    train_ngrams = set().union(*(bar_ngrams(t) for t in train_tunes))
    snapshots = []

    def score_snapshot(epoch, va):
        tunes = [[vocab[i] for i in t] for t in
                 sample_tunes(net, V, stoi["<s>"], stoi["</s>"], args.select_samples, args.seed + epoch, device)]
        snap = {"epoch": epoch, "valid": va,
                "regular": sum(regular(t) for t in tunes) / len(tunes),
                "copying": sum(bool(bar_ngrams(t) & train_ngrams) for t in tunes) / len(tunes),
                "state": {k: v.detach().cpu().numpy().copy() for k, v in net.state_dict().items()}}
        print(f"snapshot epoch {epoch}: regular bars {snap['regular']:.2f}, copying {snap['copying']:.2f}, "
              f"valid {va:.4f}", file=sys.stderr)
        return snap

    def write_selected(snap):
        net.load_state_dict({k: torch.tensor(v) for k, v in snap["state"].items()})
        meta = {
            "vocabulary": vocab, "layers": L, "hidden": H, "best_epoch": snap["epoch"], "epochs": len(history["train"]),
            "valid_loss": snap["valid"], "train_loss_eval": evaluate(train_seqs), "history": history,
            "train_tunes": len(train_tunes), "valid_tunes": len(valid_tunes),
            "selected_by": "bar regularity of samples (--select-every)",
            "hyper": {k: getattr(args, k) for k in ("lr", "batch", "dropout", "seed", "valid_fraction", "decay",
                                                     "decay_start")},
            "seconds": time.time() - t0, "device": str(device),
        }
        print(json.dumps({k: v for k, v in meta.items() if k not in ("vocabulary", "history")}), file=sys.stderr)
        out = args.out.replace(".h5", "").replace(".npz", "") + f"-e{snap['epoch']}"
        if args.out.endswith(".h5"):
            write_h5(out + ".h5", to_arrays(snap["state"], L, H), meta, args.name)
        else:
            write_npz_parts(out, to_arrays(snap["state"], L, H), meta)

    random.seed(args.seed)
    history = {"train": [], "valid": []}
    best = (math.inf, None, -1)
    t0 = time.time()
    for epoch in range(1, args.epochs + 1):
        if epoch > args.decay_start:
            for g in opt.param_groups:
                g["lr"] = args.lr * (args.decay ** (epoch - args.decay_start))
        total, count = 0.0, 0
        for step, (x, y) in enumerate(batches(train_seqs, True)):
            if args.max_batches and step >= args.max_batches:
                break
            out = net(x)
            n = int((y >= 0).sum().item())
            loss = loss_fn(out.reshape(-1, V), y.reshape(-1))
            opt.zero_grad()
            (loss / n).backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item()
            count += n
        tr = total / count
        va = evaluate(valid_seqs)
        history["train"].append(tr)
        history["valid"].append(va)
        print(f"epoch {epoch}: train {tr:.4f} valid {va:.4f} nats/token ({time.time() - t0:.0f}s)", file=sys.stderr)
        if va < best[0]:
            best = (va, {k: v.detach().cpu().numpy().copy() for k, v in net.state_dict().items()}, epoch)
        if args.select_every and epoch >= args.select_from and epoch % args.select_every == 0:
            snapshots.append(score_snapshot(epoch, va))
        if args.time_limit and time.time() - t0 > args.time_limit:
            print(f"time limit reached after epoch {epoch}", file=sys.stderr)
            break
    if snapshots:
        # Keep the snapshots whose samples keep their bars best among those that do not copy.
        ranked = sorted((s for s in snapshots if s["copying"] <= args.select_max_copying),
                        key=lambda s: (-s["regular"], s["valid"]))[:args.select_keep]
        history["selection"] = [{k: v for k, v in s.items() if k != "state"} for s in snapshots]
        for s in ranked:
            write_selected(s)
        return
    net.load_state_dict({k: torch.tensor(v) for k, v in best[1].items()})
    train_eval = evaluate(train_seqs)  # without dropout, comparable with validation
    state = best[1]
    arrays = to_arrays(state, L, H)
    meta = {
        "vocabulary": vocab, "layers": L, "hidden": H, "best_epoch": best[2], "epochs": args.epochs,
        "valid_loss": best[0], "train_loss_eval": train_eval, "history": history,
        "train_tunes": len(train_tunes), "valid_tunes": len(valid_tunes),
        "hyper": {k: getattr(args, k) for k in ("lr", "batch", "dropout", "seed", "valid_fraction", "decay",
                                                 "decay_start")},
        "seconds": time.time() - t0, "device": str(device),
    }
    print(json.dumps({k: v for k, v in meta.items() if k not in ("vocabulary", "history")}), file=sys.stderr)
    if args.check_out:
        # The trained network's own log-probabilities over one validation tune, so a test can check
        # that the exported weights compute the same thing in the C++ simulator.
        net.eval()
        seq = valid_seqs[0]
        with torch.no_grad():
            logp = torch.log_softmax(net(torch.tensor([seq[:-1]], device=device)), dim=-1)[0].cpu().numpy()
        with open(args.check_out, "w") as f:
            json.dump({"tokens": [vocab[i] for i in seq[1:]], "logp": logp.astype(float).tolist()}, f)
    if args.out.endswith(".h5"):
        write_h5(args.out, arrays, meta, args.name)
    else:
        write_npz_parts(args.out, arrays, meta)


def to_arrays(state, L, H):
    """The network's weights in the project's model layout (core/model/MODEL-FORMAT.md)."""
    arrays = {}
    for j in range(L):
        w_ih = state[f"lstms.{j}.weight_ih_l0"]
        w_hh = state[f"lstms.{j}.weight_hh_l0"]
        b = state[f"lstms.{j}.bias_ih_l0"] + state[f"lstms.{j}.bias_hh_l0"]
        # PyTorch's gate rows are [i, f, g, o]; Lasagne's W_x* are [n_in, H] column blocks.
        for k, gate in enumerate("ifco"):
            arrays[f"layer{j + 1}/W_x{gate}"] = np.ascontiguousarray(w_ih[k * H:(k + 1) * H].T, dtype=np.float32)
            arrays[f"layer{j + 1}/W_h{gate}"] = np.ascontiguousarray(w_hh[k * H:(k + 1) * H].T, dtype=np.float32)
            arrays[f"layer{j + 1}/b_{gate}"] = b[k * H:(k + 1) * H].astype(np.float32)
        arrays[f"layer{j + 1}/h0"] = np.zeros(H, np.float32)
        arrays[f"layer{j + 1}/c0"] = np.zeros(H, np.float32)
    arrays["softmax/W"] = np.ascontiguousarray(state["dense.weight"].T, dtype=np.float32)
    arrays["softmax/b"] = state["dense.bias"].astype(np.float32)
    return arrays


def write_npz_parts(out, arrays, meta):
    # One file per layer (and one for the rest) keeps each part small enough to move around.
    base = out[:-4] if out.endswith(".npz") else out
    parts = {}
    for k, v in arrays.items():
        parts.setdefault(k.split("/")[0] if k.startswith("layer") else "rest", {})[k.replace("/", "__")] = v
    for name, part in parts.items():
        extra = {"meta": json.dumps(meta)} if name == "rest" else {}
        np.savez(f"{base}-{name}.npz", **extra, **part)


# Checkpoint selection by bar regularity (issue 5): the epoch with the lowest validation loss is
# not the one whose tunes keep their bars best, so --select-every scores snapshots by sampling.
BAR_TOKENS = {"|", "||", "|:", ":|", "::"}
DURATIONS = {"/2": 0.5, "/4": 0.25, "2": 2, "3": 3, "3/2": 1.5, "4": 4, "5": 5, "6": 6, "8": 8}


def meter_length(meter):
    """Bar length in eighth notes (L:1/8) of a meter token such as M:6/8."""
    num, den = meter[2:].split("/")
    return int(num) * 8 / int(den)


def bar_lengths(body, meter):
    """(length in eighths, expected length, left bar line, right bar line, in an ending) per bar.
    Notes and rests count 1, times a following duration token; (3 and (4 scale the next 3 or 4
    notes by 2/3 and 3/4; a chord counts its first note only; inline M: tokens change the
    expected length."""
    bars, cur, unit, tuplet_left, factor, in_chord, chord_first = [], 0.0, None, 0, 1.0, False, False
    want, left, ending = meter_length(meter), None, False
    for t in body:
        if t in BAR_TOKENS:
            if cur > 0:
                bars.append((cur, want, left, t, ending))
            cur, unit, left, ending = 0.0, None, t, False
        elif t.startswith("M:"):
            want = meter_length(t)
        elif t in ("(3", "(4"):
            tuplet_left, factor = (3, 2 / 3) if t == "(3" else (4, 3 / 4)
        elif t == "[":
            in_chord, chord_first = True, True
        elif t == "]":
            in_chord = False
        elif t in DURATIONS:
            if unit is not None:
                cur += (DURATIONS[t] - 1) * unit
                unit = None if in_chord and not chord_first else unit
        elif t in ("[1", "[2"):
            ending = True
        elif len(t.rstrip(",'").lstrip("^_=")) == 1 and t.rstrip(",'").lstrip("^_=").upper() in "ABCDEFGZ":
            if in_chord and not chord_first:
                unit = None
                continue
            chord_first = False
            f = factor if tuplet_left > 0 else 1.0
            if tuplet_left > 0:
                tuplet_left -= 1
            cur += f
            unit = f
    if cur > 0:
        bars.append((cur, want, left, None, ending))
    return bars


def regular(tune):
    """An approximation of abc2midi's bar-length check, fast enough to score snapshots while
    training: a first bar may be short (a pickup) but not long; the bar that closes a repeat
    (:| or ::) and the pickup that opened it add up to one bar; a bar between two plain bar lines
    has the meter's length; bars at double bars and the last bar are not checked."""
    if len(tune) < 3 or not tune[0].startswith("M:"):
        return False
    bars = bar_lengths(tune[2:], tune[0])
    if len(bars) < 3:
        return False
    same = lambda x, y: abs(x - y) < 1e-6
    pickup = 0.0
    for k, (length, want, left, right, ending) in enumerate(bars):
        starts_section = k == 0 or left in ("|:", "::")
        if starts_section:
            pickup = length if length < want and not same(length, want) else 0.0
            if length > want + 1e-6:
                return False
            if pickup > 0:
                continue
        if right in (":|", "::"):
            if not same(length + pickup, want) and not (pickup == 0 and same(length, want)):
                return False
        elif right == "|" and left in ("|", "|:", "::") and not ending and not same(length, want):
            return False
    return True


def bar_ngrams(tune, n=4):
    bars, cur = [], []
    for t in tune[2:]:
        if t in BAR_TOKENS:
            if cur:
                bars.append(tuple(cur))
            cur = []
        else:
            cur.append(t)
    if cur:
        bars.append(tuple(cur))
    return {tuple(bars[k:k + n]) for k in range(len(bars) - n + 1)}


def sample_tunes(net, V, start, end, count, seed, device, max_len=600):
    """`count` tunes at temperature 1 from the network stepped one token at a time (no dropout)."""
    import torch
    gen = torch.Generator(device=device).manual_seed(seed)
    net.eval()
    tok = torch.full((count,), start, dtype=torch.long, device=device)
    states = [None] * len(net.lstms)
    out = [[] for _ in range(count)]
    done = torch.zeros(count, dtype=torch.bool, device=device)
    with torch.no_grad():
        for _ in range(max_len):
            h = torch.nn.functional.one_hot(tok, V).float().unsqueeze(1)
            for j, lstm in enumerate(net.lstms):
                h, states[j] = lstm(h, states[j])
            p = torch.softmax(net.dense(h[:, 0]), dim=-1)
            tok = torch.multinomial(p, 1, generator=gen)[:, 0]
            for r, t in enumerate(tok.tolist()):
                if not done[r] and t != end:
                    out[r].append(t)
            done |= tok == end
            if bool(done.all()):
                break
    net.train()
    return out


def write_h5(path, arrays, meta, name):
    import h5py
    with h5py.File(path, "w") as f:
        f.attrs["format"] = "folkrnn-model"
        f.attrs["format_version"] = np.int64(1)
        f.attrs["name"] = name
        chosen = "selected by bar regularity of sampled tunes" if meta.get("selected_by") else "lowest validation loss"
        f.attrs["source"] = (f"resources/models/train_folkrnn.py on the Nottingham Music Database (GPL-3.0); "
                             f"epoch {meta['best_epoch']} of {meta['epochs']} ({chosen}), validation loss "
                             f"{meta['valid_loss']:.4f} nats/token")
        f.attrs["configuration"] = "config5-like (3x512 LSTM, dropout 0.5)" if meta["hidden"] == 512 else \
            f"{meta['layers']}x{meta['hidden']} LSTM, dropout {meta['hyper']['dropout']}"
        f.attrs["experiment_id"] = "nottingham"
        f.attrs["epoch"] = np.int64(meta["best_epoch"])
        f.create_dataset("vocabulary", data=np.array(meta["vocabulary"], dtype=h5py.string_dtype()))
        for key, arr in arrays.items():
            group = "lstm/" + key if key.startswith("layer") else key
            f.create_dataset(group, data=arr, compression="gzip", compression_opts=9, shuffle=True)
        f.create_dataset("provenance/losses_train", data=np.array(meta["history"]["train"], dtype=np.float64))
        f.create_dataset("provenance/losses_valid", data=np.array(meta["history"]["valid"], dtype=np.float64))


def export(args):
    # Several .npz files are merged (a trained model may be split into parts to move it around).
    meta, arrays = None, {}
    for path in args.npz:
        z = np.load(path)
        if "meta" in z.files:
            meta = json.loads(str(z["meta"]))
        arrays.update({k.replace("__", "/"): z[k] for k in z.files if k != "meta"})
    write_h5(args.out, arrays, meta, args.name)
    print(json.dumps({k: v for k, v in meta.items() if k not in ("vocabulary",)}, indent=1))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("corpus")
    t.add_argument("--out", required=True)
    t.add_argument("--name", default="folk-rnn v2 architecture, Nottingham corpus")
    t.add_argument("--epochs", type=int, default=60)
    t.add_argument("--layers", type=int, default=3)
    t.add_argument("--hidden", type=int, default=512)
    t.add_argument("--batch", type=int, default=64)
    t.add_argument("--lr", type=float, default=0.003)
    t.add_argument("--dropout", type=float, default=0.5)
    # config5 decays by 0.97 per epoch after epoch 20 of 23,000 tunes; an epoch of the ~1,000
    # Nottingham tunes is 20 times shorter, so the decay is spread over more epochs.
    t.add_argument("--decay", type=float, default=0.99)
    t.add_argument("--decay-start", type=int, default=50)
    t.add_argument("--valid-fraction", type=float, default=0.05)
    t.add_argument("--seed", type=int, default=2016)
    t.add_argument("--limit-tunes", type=int, default=0)
    t.add_argument("--max-batches", type=int, default=0)
    t.add_argument("--cpu", action="store_true")
    t.add_argument("--select-every", type=int, default=0,
                   help="score a snapshot every N epochs by the bar regularity of sampled tunes; write the best")
    t.add_argument("--select-from", type=int, default=1)
    t.add_argument("--select-keep", type=int, default=1)
    t.add_argument("--select-samples", type=int, default=100)
    t.add_argument("--select-max-copying", type=float, default=0.05)
    t.add_argument("--time-limit", type=float, default=0, help="stop training after this many seconds")
    t.add_argument("--check-out", help="write the network's log-probabilities over one validation tune (JSON)")
    e = sub.add_parser("export")
    e.add_argument("npz", nargs="+")
    e.add_argument("--out", required=True)
    e.add_argument("--name", default="folk-rnn v2 architecture, Nottingham corpus")
    args = ap.parse_args()
    train(args) if args.cmd == "train" else export(args)


if __name__ == "__main__":
    main()
