#!/usr/bin/env python3
"""Independent numpy reference for the pattern query, the annotation statistics and the corpus
query, written from the definitions in core/analysis/PatternQuery.h, AnnotationStats.h,
CorpusQuery.h and AnnotationTraceFormat.md, not from the C++. Reads trace files written by
`folkrnn-cli trace` (core/analysis/TRACE-FORMAT.md).

  numpy_query.py pattern --trace RUN.h5 --layer L --signal h --first A --last B --threshold T
                 --before N --after M [--below] [--units U,...] --out REF.h5
      /units, /score, /mean_inside, /outside: the matching units, ranked; /inverse_first: the
      steps s where every unit of --units (default: the three best matching units) matches.
  numpy_query.py stats --trace RUN.h5 [MORE.h5 ...] --out REF.h5
      /py_tracks/bar_position, /py_tracks/bar_line: the two token-count tracks of the first trace,
      computed here from the tokens; over all the traces' steps together: /{track}/values, /{track}/count, /{track}/layer{j}/mean, /{track}/layer{j}/eta2
      for bar_position and bar_line (values from the tracks computed here) and bar_eighth,
      category, part (values from the file's /annotations/tracks).
  numpy_query.py corpus --traces A.h5 B.h5 ... --units L:U,... --length N --threshold T
                 --before N --after M [--below] --lag K --out REF.h5
      target bar-line: /targets, /hits, /matches, /matches_on_target, /mean_at, /mean_else per
      unit in the order given, then the joint pattern (means NaN); counts stored as float64.
"""
import argparse

import h5py
import numpy as np


def f32(ds):
    return np.asarray(ds[()], dtype=np.float32)


def signal(f, layer, name):
    return f32(f[f"layer{layer}/{name}"])


def on_matrix(x, threshold, below):
    """x float32 [T, H]; the threshold is a float32 as the recorded values are."""
    th = np.float32(threshold)
    return (x <= th) if below else (x >= th)


def match_matrix(x, length, before, after, threshold, below):
    """m[s, u]: on over [s, s+L-1], off over [s-before, s-1] and [s+L, s+L-1+after] (clipped)."""
    T, H = x.shape
    on = on_matrix(x, threshold, below)
    m = np.zeros((T, H), dtype=bool)
    for s in range(0, T - length + 1):
        ok = on[s:s + length].all(axis=0)
        lo = max(0, s - before)
        if lo < s:
            ok &= ~on[lo:s].any(axis=0)
        hi = min(T, s + length + after)
        if s + length < hi:
            ok &= ~on[s + length:hi].any(axis=0)
        m[s] = ok
    return m


def score(x, u, first, length, before, after, threshold, below):
    T = x.shape[0]
    inside = x[first:first + length, u].astype(np.float64)
    off = [t for t in range(first - before, first) if 0 <= t < T] + \
          [t for t in range(first + length, first + length + after) if 0 <= t < T]
    offv = x[off, u].astype(np.float64)
    mean_inside = inside.mean()
    if below:
        ref = offv.min() if len(off) else threshold
        return ref - mean_inside, mean_inside, (offv.min() if len(off) else np.nan)
    ref = offv.max() if len(off) else threshold
    return mean_inside - ref, mean_inside, (offv.max() if len(off) else np.nan)


def cmd_pattern(a):
    with h5py.File(a.trace, "r") as f:
        x = signal(f, a.layer, a.signal)
    L = a.last - a.first + 1
    m = match_matrix(x, L, a.before, a.after, a.threshold, a.below)
    units = np.nonzero(m[a.first])[0]
    rows = [(u,) + score(x, u, a.first, L, a.before, a.after, a.threshold, a.below) for u in units]
    rows.sort(key=lambda r: (-r[1], r[0]))
    inv_units = [int(u) for u in a.units.split(",")] if a.units else [r[0] for r in rows[:3]]
    inverse = np.nonzero(m[:, inv_units].all(axis=1))[0] if inv_units else np.zeros(0, dtype=int)
    with h5py.File(a.out, "w") as o:
        o["units"] = np.array([r[0] for r in rows], dtype=np.int32)
        o["score"] = np.array([r[1] for r in rows], dtype=np.float64)
        o["mean_inside"] = np.array([r[2] for r in rows], dtype=np.float64)
        o["outside"] = np.array([r[3] for r in rows], dtype=np.float64)
        o["inverse_units"] = np.array(inv_units, dtype=np.int32)
        o["inverse_first"] = inverse.astype(np.int32)


def token_tracks(tokens):
    """bar_position and bar_line from the tokens (AnnotationTracks.h): the body starts after the
    leading meter/mode tokens and ends before </s>; a bar line is a token with '|' or '::'."""
    T = len(tokens)
    pos = np.full(T, -1, dtype=np.int64)
    bar = np.full(T, -1, dtype=np.int64)
    t = 0
    while t < T and (tokens[t].startswith("M:") or tokens[t].startswith("K:")):
        t += 1
    n = 0
    while t < T and tokens[t] != "</s>":
        is_bar = "|" in tokens[t] or tokens[t] == "::"
        pos[t] = n
        bar[t] = 1 if is_bar else 0
        n = 0 if is_bar else n + 1
        t += 1
    return pos, bar


def stats(x, values):
    """AnnotationStats.h, over the steps with a value (values != None marker)."""
    keep = values != np.iinfo(np.int64).min
    xv = x[keep].astype(np.float64)
    vv = values[keep]
    uniq = np.unique(vv)
    count = np.array([(vv == v).sum() for v in uniq], dtype=np.int64)
    mean = np.stack([xv[vv == v].mean(axis=0) for v in uniq]) if len(uniq) else np.zeros((0, x.shape[1]))
    overall = xv.mean(axis=0)
    total = ((xv - overall) ** 2).sum(axis=0)
    between = (count[:, None] * (mean - overall) ** 2).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        eta2 = np.where(total > 1e-12 * np.maximum(1.0, (xv ** 2).sum(axis=0)), between / total, np.nan)
    return uniq, count, mean, eta2


NONE = np.iinfo(np.int64).min


def read_tracks(path):
    """The tracks of one trace: bar_position and bar_line computed here from the tokens, the
    others as the file stores them; the hidden states of every layer."""
    with h5py.File(path, "r") as f:
        tokens = [t.decode() if isinstance(t, bytes) else t for t in f["token_text"][()]]
        layers = int(f.attrs["layers"])
        pos, barline = token_tracks(tokens)
        tr = f["annotations/tracks"]
        eighth = np.asarray(tr["bar_eighth"][()], dtype=np.int64)
        part = np.asarray(tr["part"][()], dtype=np.int64)
        category = np.asarray(tr["category"][()], dtype=np.int64)
        tracks = {
            "bar_position": np.where(pos >= 0, pos, NONE),
            "bar_line": np.where(barline >= 0, barline, NONE),
            "bar_eighth": np.where(eighth >= 0, eighth, NONE),
            "part": np.where(pos >= 0, part, NONE),
            "category": category,
        }
        xs = [signal(f, j, "h") for j in range(1, layers + 1)]
    return pos, barline, tracks, xs


def cmd_stats(a):
    """Statistics over every step of the given traces together (a corpus is its steps)."""
    runs = [read_tracks(p) for p in a.trace]
    pos, barline = runs[0][0], runs[0][1]
    layers = len(runs[0][3])
    with h5py.File(a.out, "w") as o:
        o["py_tracks/bar_position"] = pos.astype(np.int32)
        o["py_tracks/bar_line"] = np.maximum(barline, 0).astype(np.int32)  # 0 outside the body
        for name in runs[0][2]:
            values = np.concatenate([r[2][name] for r in runs])
            for j in range(1, layers + 1):
                x = np.concatenate([r[3][j - 1] for r in runs])
                uniq, count, mean, eta2 = stats(x, values)
                if j == 1:
                    o[f"{name}/values"] = uniq.astype(np.int32)
                    o[f"{name}/count"] = count.astype(np.int32)
                o[f"{name}/layer{j}/mean"] = mean
                o[f"{name}/layer{j}/eta2"] = eta2


def cmd_corpus(a):
    units = [(int(s.split(":")[0]), int(s.split(":")[1])) for s in a.units.split(",")]
    U = len(units)
    targets = 0
    hits = np.zeros(U + 1, dtype=np.int64)
    matches = np.zeros(U + 1, dtype=np.int64)
    on_target = np.zeros(U + 1, dtype=np.int64)
    sum_at = np.zeros(U)
    sum_else = np.zeros(U)
    others = 0
    L, lag = a.length, a.lag
    for path in a.traces:
        with h5py.File(path, "r") as f:
            tokens = [t.decode() if isinstance(t, bytes) else t for t in f["token_text"][()]]
            _, barline = token_tracks(tokens)
            T = len(tokens)
            # anchor[s]: s = t - lag for a bar-line step t
            anchor = np.zeros(T, dtype=bool)
            for t in range(lag, T):
                if barline[t] == 1:
                    anchor[t - lag] = True
            targets += int(anchor.sum())
            others += T - int(anchor.sum())
            ms = []
            for i, (layer, u) in enumerate(units):
                x = signal(f, layer, a.signal)
                m = match_matrix(x, L, a.before, a.after, a.threshold, a.below)[:, u]
                ms.append(m)
                xu = x[:, u].astype(np.float64)
                sum_at[i] += xu[anchor].sum()
                sum_else[i] += xu[~anchor].sum()
            ms.append(np.logical_and.reduce(ms))
            for i, m in enumerate(ms):
                starts = np.nonzero(m)[0]
                covered = np.zeros(T, dtype=bool)
                for s in starts:
                    covered[s:s + L] = True
                hits[i] += int((covered & anchor).sum())
                matches[i] += len(starts)
                on_target[i] += sum(1 for s in starts if anchor[s:s + L].any())
    with h5py.File(a.out, "w") as o:
        # Counts as float64 (exact below 2**53), so that one reader takes every dataset.
        o["targets"] = np.float64(targets)
        o["hits"] = hits.astype(np.float64)
        o["matches"] = matches.astype(np.float64)
        o["matches_on_target"] = on_target.astype(np.float64)
        o["mean_at"] = np.append(sum_at / targets if targets else np.full(U, np.nan), np.nan)
        o["mean_else"] = np.append(sum_else / others if others else np.full(U, np.nan), np.nan)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pattern")
    p.add_argument("--trace", required=True)
    p.add_argument("--layer", type=int, required=True)
    p.add_argument("--signal", default="h")
    p.add_argument("--first", type=int, required=True)
    p.add_argument("--last", type=int, required=True)
    p.add_argument("--threshold", type=float, required=True)
    p.add_argument("--before", type=int, default=1)
    p.add_argument("--after", type=int, default=1)
    p.add_argument("--below", action="store_true")
    p.add_argument("--units", default="")
    p.add_argument("--out", required=True)
    s = sub.add_parser("stats")
    s.add_argument("--trace", nargs="+", required=True)
    s.add_argument("--out", required=True)
    c = sub.add_parser("corpus")
    c.add_argument("--traces", nargs="+", required=True)
    c.add_argument("--units", required=True)
    c.add_argument("--signal", default="h")
    c.add_argument("--length", type=int, default=1)
    c.add_argument("--threshold", type=float, required=True)
    c.add_argument("--before", type=int, default=1)
    c.add_argument("--after", type=int, default=1)
    c.add_argument("--below", action="store_true")
    c.add_argument("--lag", type=int, default=0)
    c.add_argument("--out", required=True)
    a = ap.parse_args()
    {"pattern": cmd_pattern, "stats": cmd_stats, "corpus": cmd_corpus}[a.cmd](a)


if __name__ == "__main__":
    main()
