#!/usr/bin/env python3
"""Independent numpy reference for the comparison of two runs (core/compare/RunComparison.h)
and the measure lengths of a tune (core/compare/MeasureLengths.h), written from the definitions
in those headers and the bar rules of resources/models/train_folkrnn.py, not from the C++.

  numpy_compare.py BASELINE.h5 INTERVENED.h5
      Reads two trace files (core/analysis/TRACE-FORMAT.md: /logprob, /token_text) and prints JSON:
      kl (per step, nats, KL(base || intervened)), differs, first_difference, and for each run
      "baseline"/"intervened": bar_lines, measures [[first_step, tokens, eighths, checked]...], regular.

The functions tune_measures() and summary() are also what resources/findings/ablate_bar_units.py
uses to score generated tunes.
"""
import json
import sys

import numpy as np

BARS = {"|", "||", "|:", ":|", "::"}
DUR = {"/2": 0.5, "/4": 0.25, "2": 2.0, "3": 3.0, "3/2": 1.5, "4": 4.0, "5": 5.0, "6": 6.0, "8": 8.0}


def meter(tok):
    try:
        n, d = tok[2:].split("/")
        return int(n) * 8.0 / int(d)
    except ValueError:
        return float("nan")


def is_note(tok):
    core = tok.lstrip("^_=").rstrip(",'")
    return len(core) == 1 and core.upper() in "ABCDEFGZ"


def tune_measures(tune):
    """[(first_step, tokens, eighths, expected, checked)] of a tune (meter, mode, body)."""
    if len(tune) < 2:
        return []
    out = []
    want = meter(tune[0]) if tune[0].startswith("M:") else float("nan")
    first, ntok, length, unit = 2, 0, 0.0, None
    tup, fac, chord, chord_first, ending, left = 0, 1.0, False, False, False, None
    for k in range(2, len(tune)):
        t = tune[k]
        if t in BARS:
            if length > 0:
                out.append((first, ntok, length, want, left == "|" and t == "|" and not ending))
            first, ntok, length, unit, left, ending = k + 1, 0, 0.0, None, t, False
            continue
        ntok += 1
        if t.startswith("M:"):
            want = meter(t)
        elif t in ("(3", "(4"):
            tup, fac = (3, 2.0 / 3.0) if t == "(3" else (4, 0.75)
        elif t == "[":
            chord, chord_first = True, True
        elif t == "]":
            chord = False
        elif t in DUR:
            if unit is not None:
                length += (DUR[t] - 1.0) * unit
                if chord and not chord_first:
                    unit = None
        elif t in ("[1", "[2"):
            ending = True
        elif is_note(t):
            if chord and not chord_first:
                unit = None
                continue
            chord_first = False
            f = fac if tup > 0 else 1.0
            tup = max(0, tup - 1)
            length += f
            unit = f
    if length > 0:
        out.append((first, ntok, length, want, False))
    return out


def summary(tune):
    ms = tune_measures(tune)
    checked = [m for m in ms if m[4]]
    irregular = sum(1 for m in checked if not abs(m[2] - m[3]) < 1e-6)
    return {
        "bar_lines": sum(1 for t in tune if t in BARS),
        "measures": [[m[0], m[1], m[2], bool(m[4])] for m in ms],
        "checked": len(checked),
        "irregular": irregular,
        "regular": bool(len(tune) >= 3 and tune[0].startswith("M:") and len(ms) >= 3 and irregular == 0),
    }


def kl(logp, logq):
    """KL(p || q) per row, nats; p = 0 terms count 0; q = 0 where p > 0 gives inf."""
    p = np.exp(logp)
    with np.errstate(invalid="ignore"):
        terms = np.where(p > 0, p * (logp - logq), 0.0)
    out = terms.sum(axis=1)
    out[np.any((p > 0) & np.isneginf(logq), axis=1)] = np.inf
    return np.maximum(out, 0.0)


def read(path):
    import h5py
    with h5py.File(path, "r") as f:
        lp = np.asarray(f["logprob"][()], dtype=np.float64)
        toks = [t.decode() if isinstance(t, bytes) else str(t) for t in f["token_text"][()]]
    tune = []
    for t in toks:
        if t == "</s>":
            break
        tune.append(t)
    return lp, toks, tune


def main():
    lb, tb, tuneb = read(sys.argv[1])
    li, ti, tunei = read(sys.argv[2])
    n = min(len(tb), len(ti))
    diff = [1] * max(len(tb), len(ti))
    for t in range(n):
        diff[t] = int(tb[t] != ti[t])
    first = next((t for t, d in enumerate(diff) if d), -1)
    k = kl(lb[:n], li[:n])
    print(json.dumps({"kl": [float(x) for x in k], "differs": diff, "first_difference": first,
                      "baseline": summary(tuneb), "intervened": summary(tunei)}))


if __name__ == "__main__":
    main()
