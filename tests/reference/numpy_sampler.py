#!/usr/bin/env python3
"""Independent numpy implementation of folk-rnn's sample_rnn.py, written from
../shared/reference/FOLKRNN-FORMAT.md (not from the C++ code), used as the parity reference.

Model: the project's HDF5 format (core/model/MODEL-FORMAT.md), read with h5py; weights are float32
(as folk-rnn stores them; float64 files are rounded to float32 as the format says), then cast up.
    i = sigmoid(x.W_xi + h.W_hi + b_i)      f = sigmoid(x.W_xf + h.W_hf + b_f)
    g = tanh(x.W_xc + h.W_hc + b_c)         o = sigmoid(x.W_xo + h.W_ho + b_o)
    c = f*c + i*g                           h = o*tanh(c)
    p = softmax((h_L.W + b) / temperature), all in float64 with float32 weights cast up.
Sampling: rng = numpy.random.RandomState(seed); next = rng.choice(arange(V), p=p); tunes follow
one another on the same stream, each from h0, c0.
"""
import argparse
import json
import sys

import h5py
import numpy as np

GATES = "ifco"


def load_model(path):
    with h5py.File(path, "r") as f:
        vocab = [t.decode() if isinstance(t, bytes) else t for t in f["vocabulary"][()]]
        emb = np.asarray(f["embedding"][()], dtype=np.float32).astype(np.float64) if "embedding" in f else None
        layers = []
        j = 1
        while f"lstm/layer{j}" in f:
            g = f[f"lstm/layer{j}"]
            layer = {k: np.asarray(g[k][()], dtype=np.float32).astype(np.float64) for k in g.keys()}
            layers.append(layer)
            j += 1
        W = np.asarray(f["softmax/W"][()], dtype=np.float32).astype(np.float64)
        b = np.asarray(f["softmax/b"][()], dtype=np.float32).astype(np.float64)
    return {"vocab": vocab, "embedding": emb, "layers": layers, "W": W, "b": b}


def sigmoid(v):
    return 1.0 / (1.0 + np.exp(-v))


class Network:
    def __init__(self, model, interventions=()):
        self.m = model
        self.V = len(model["vocab"])
        # interventions: (layer0, units, target 'h'|'c', kind 'clamp'|'scale', value, from, to)
        self.interventions = list(interventions)
        self.reset()

    def reset(self):
        self.h = [l["h0"].reshape(-1).copy() for l in self.m["layers"]]
        self.c = [l["c0"].reshape(-1).copy() for l in self.m["layers"]]
        self.t = 0

    def _intervene(self, layer, target, vec):
        for (lay, units, tgt, kind, value, lo, hi) in self.interventions:
            if lay == layer and tgt == target and lo <= self.t <= hi:
                for u in units:
                    vec[u] = value if kind == "clamp" else vec[u] * value

    def step(self, token, temperature=1.0, record=None):
        if self.m["embedding"] is not None:
            x = self.m["embedding"][token]
        else:
            x = np.zeros(self.V)
            x[token] = 1.0
        for j, L in enumerate(self.m["layers"]):
            h_prev, c_prev = self.h[j], self.c[j]
            pre = {g: x @ L["W_x" + g] + h_prev @ L["W_h" + g] + L["b_" + g] for g in GATES}
            i, f, gg, o = sigmoid(pre["i"]), sigmoid(pre["f"]), np.tanh(pre["c"]), sigmoid(pre["o"])
            c = f * c_prev + i * gg
            self._intervene(j, "c", c)
            h = o * np.tanh(c)
            self._intervene(j, "h", h)
            self.h[j], self.c[j] = h, c
            if record is not None:
                record.append({"h": h.tolist(), "c": c.tolist(), "i": i.tolist(), "f": f.tolist(),
                               "o": o.tolist(), "g": gg.tolist()})
            x = h
        logits = x @ self.m["W"] + self.m["b"]
        s = logits / temperature
        e = np.exp(s - s.max())
        self.t += 1
        return e / e.sum(), logits


def sample(model, seed, temperature, prime, count, max_length, interventions=()):
    vocab = model["vocab"]
    idx = {t: k for k, t in enumerate(vocab)}
    start, end = idx["<s>"], idx["</s>"]
    rng = np.random.RandomState(seed)
    net = Network(model, interventions)
    tunes = []
    for _ in range(count):
        net.reset()
        seq = [start] + [idx[t] for t in prime]
        fed = 0
        while True:
            p, _ = net.step(seq[fed], temperature)
            fed += 1
            if fed < len(seq):
                continue  # still inside the prime: its next token is given
            if seq[-1] == end or len(seq) - 1 >= max_length:
                break
            seq.append(int(rng.choice(np.arange(len(vocab)), p=p)))
            if seq[-1] == end or len(seq) - 1 >= max_length:
                break
        body = seq[1:]
        if body and body[-1] == end:
            body = body[:-1]
        tunes.append([vocab[k] for k in body])
    return tunes


def parse_range(text):
    body, lo, hi = text, 0, 10**9
    if "@" in text:
        body, rng = text.split("@")
        a, b = rng.split("-")
        lo = int(a) if a else 0
        hi = int(b) if b else 10**9
    return body, lo, hi


def parse_interventions(args):
    out = []
    for texts, target, kind in ((args.clamp, "h", "clamp"), (args.clamp_cell, "c", "clamp"), (args.scale, "h", "scale")):
        for text in texts:
            body, lo, hi = parse_range(text)
            layer, rest = body.split(":")
            unit, value = rest.split("=")
            out.append((int(layer) - 1, [int(unit)], target, kind, float(value), lo, hi))
    for text in args.ablate:
        body, lo, hi = parse_range(text)
        layer, units = body.split(":")
        out.append((int(layer) - 1, [int(u) for u in units.split(",")], "h", "clamp", 0.0, lo, hi))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--seed", type=int, action="append", default=[])
    ap.add_argument("--temperature", type=float, action="append", default=[])
    ap.add_argument("--prime", action="append", default=[])
    ap.add_argument("--count", type=int, default=1)
    ap.add_argument("--max-length", type=int, default=1000)
    ap.add_argument("--trace", help="teacher-force these tokens and print every layer's signals as JSON")
    # Interventions, as issue 8 defines them: layers from 1, units from 0, steps inclusive;
    # after layer L computes its state at step t in [FROM, TO], h[u] := V (c[u] := V before h for a cell clamp).
    ap.add_argument("--clamp", action="append", default=[])
    ap.add_argument("--clamp-cell", action="append", default=[])
    ap.add_argument("--scale", action="append", default=[])
    ap.add_argument("--ablate", action="append", default=[])
    args = ap.parse_args()
    interventions = parse_interventions(args)
    model = load_model(args.model)
    if args.trace is not None:
        idx = {t: k for k, t in enumerate(model["vocab"])}
        net = Network(model)
        out = []
        toks = args.trace.split()
        for tok in ["<s>"] + toks[:-1]:  # step t consumes the token before the one it predicts
            rec = []
            p, logits = net.step(idx[tok], 1.0, rec)
            out.append({"layers": rec, "logp": np.log(p).tolist(), "logits": logits.tolist()})
        json.dump(out, sys.stdout)
        return
    results = []
    for seed in args.seed or [42]:
        for temp in args.temperature or [1.0]:
            for prime in args.prime or [""]:
                tunes = sample(model, seed, temp, prime.split(), args.count, args.max_length, interventions)
                results.append({"seed": seed, "temperature": temp, "prime": prime,
                                "tunes": [" ".join(t) for t in tunes]})
    json.dump(results, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
