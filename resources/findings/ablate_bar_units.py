#!/usr/bin/env python3
"""Ablating the bar-line units of the bundled model (issue 8): reproduces the numbers in
resources/findings/ABLATION.md.

  /usr/bin/python3 resources/findings/ablate_bar_units.py --cli build/bin/folkrnn-cli \
      [--seeds 50] [--controls 3] [--out ablation.json]

1. Spectrum check: `folkrnn-cli trace` of the baseline tunes of seeds 1..8; each layer-3 unit's
   spectrum (/spectra/layer3, core/analysis/TRACE-FORMAT.md) against the spectrum of the tune's
   bar-line train (see spectrum_check); the top units become a second ablation set.
2. Generation: `folkrnn-cli generate --seed 1 --count N --seed-per-tune` (tune i has seed 1+i,
   equal to the original sampler with that seed) for the baseline, with `--ablate` of the bar
   units, and with `--ablate` of as many random layer-3 units (fixed RNG, bar units excluded).
3. Bar structure of every tune by the rules of core/compare/MeasureLengths.h (shared with the
   training script's "regular bars"): bar lines per tune, tokens per measure, the share of
   checked measures of the meter's length, the share of regular tunes, and abc2midi's bar
   warnings when abc2midi is installed.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "reference"))
import numpy_compare as nc  # noqa: E402

BAR_UNITS = [105, 40, 155, 23, 396, 223, 249, 417]  # layer 3, from README.md in this folder
MODEL = os.path.join(HERE, "..", "models", "folkrnn-nottingham.h5")


def generate(cli, seeds, ablate, max_length):
    cmd = [cli, "generate", "--model", MODEL, "--seed", "1", "--count", str(seeds), "--seed-per-tune",
           "--max-length", str(max_length), "--format", "json"]
    if ablate:
        cmd += ["--ablate", "3:" + ",".join(str(u) for u in ablate)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)["tunes"]


def abc2midi_warnings(tunes):
    """Bar warnings abc2midi prints per tune (None without abc2midi)."""
    from shutil import which
    if not which("abc2midi"):
        return None
    counts = []
    with tempfile.TemporaryDirectory() as d:
        for i, tune in enumerate(tunes):
            abc = os.path.join(d, "t.abc")
            # Tokens are ABC fragments: a note and its duration ("A" "2") must touch.
            body = "".join(tune[2:]) if len(tune) > 2 else ""
            meter = tune[0][2:] if tune and tune[0].startswith("M:") else "4/4"
            mode = tune[1][2:] if len(tune) > 1 and tune[1].startswith("K:") else "Cmaj"
            with open(abc, "w") as f:
                f.write(f"X:{i}\nT:t\nM:{meter}\nL:1/8\nK:{mode}\n{body}\n")
            r = subprocess.run(["abc2midi", abc, "-o", os.path.join(d, "t.mid")], capture_output=True, text=True)
            text = r.stdout + r.stderr
            counts.append(sum(1 for line in text.splitlines() if "Bar" in line and "units" in line))
    return counts


def score(tunes):
    texts = [t["tokens"] for t in tunes]
    rows = [nc.summary(t) for t in texts]
    per_measure = [m[1] for r in rows for m in r["measures"]]
    checked = sum(r["checked"] for r in rows)
    full = sum(r["checked"] - r["irregular"] for r in rows)
    warn = abc2midi_warnings(texts)
    return {
        "tunes": len(rows),
        "ended": sum(1 for t in tunes if t.get("ended", True)),
        "mean_tokens": statistics.mean(len(t) for t in texts),
        "mean_bar_lines": statistics.mean(r["bar_lines"] for r in rows),
        "tokens_per_measure_mean": statistics.mean(per_measure) if per_measure else float("nan"),
        "tokens_per_measure_sd": statistics.pstdev(per_measure) if per_measure else float("nan"),
        "checked_measures": checked,
        "full_measure_share": full / checked if checked else float("nan"),
        "regular_share": sum(r["regular"] for r in rows) / len(rows),
        "abc2midi_bar_warnings_mean": statistics.mean(warn) if warn else None,
        "tunes_without_abc2midi_bar_warning": sum(1 for w in warn if w == 0) / len(warn) if warn else None,
        "max_tokens_between_bar_lines": max(max_gap(t) for t in texts),
    }


def max_gap(tune):
    gap, best = 0, 0
    for t in tune[2:]:
        gap = 0 if t in nc.BARS else gap + 1
        best = max(best, gap)
    return best


def spectrum_check(cli, seeds):
    """Which layer-3 units are periodic with the bar: per tune, the cosine between each unit's
    magnitude spectrum (/spectra/layer3 of the trace, dB relative to its strongest bin, turned back
    into magnitudes; bins 1..N/2) and the magnitude spectrum of the tune's bar-line train (1 at a
    bar line token, 0 elsewhere, mean removed, zero-padded to the same N). Bars hold different
    numbers of tokens, so the bar period is no single bin: comparing whole spectra keeps its
    harmonics and its spread. Averaged over the tunes; units ranked by it."""
    import h5py
    sims, at_bar, elsewhere = [], [], []
    with tempfile.TemporaryDirectory() as d:
        for s in range(1, seeds + 1):
            path = os.path.join(d, f"r{s}.h5")
            subprocess.run([cli, "trace", "--model", MODEL, "--seed", str(s), "--out", path], check=True,
                           capture_output=True)
            with h5py.File(path, "r") as f:
                toks = [t.decode() if isinstance(t, bytes) else str(t) for t in f["token_text"][()]]
                db = np.asarray(f["spectra/layer3"][()], dtype=np.float64)
                h = np.asarray(f["layer3/h"][()], dtype=np.float64)
                n = int(f["spectra"].attrs["fft_length"])
            # h_t is the state the token of step t is drawn from: the train marks the steps that take a bar line.
            train = np.array([1.0 if t in nc.BARS else 0.0 for t in toks])
            if train.sum() < 3:
                continue
            at_bar.append(h[train > 0])
            elsewhere.append(h[train == 0])
            ref = np.abs(np.fft.rfft(train - train.mean(), n))[1:]
            mag = np.nan_to_num(10.0 ** (db[:, 1:] / 20.0), nan=0.0)
            norm = np.linalg.norm(mag, axis=1) * np.linalg.norm(ref)
            sims.append(np.where(norm > 0, mag @ ref / np.where(norm > 0, norm, 1.0), 0.0))
    mean = np.mean(sims, axis=0)
    order = [int(u) for u in np.argsort(-mean)]
    # The direct measure of README.md: mean h at the steps that take a bar line against elsewhere.
    contrast = np.concatenate(at_bar).mean(axis=0) - np.concatenate(elsewhere).mean(axis=0)
    by_contrast = [int(u) for u in np.argsort(-np.abs(contrast))]
    return {"tunes": len(sims), "median_similarity": float(np.median(mean)),
            "units": {str(u): {"similarity": float(mean[u]), "rank": order.index(u) + 1,
                               "bar_contrast": float(contrast[u]), "contrast_rank": by_contrast.index(u) + 1}
                      for u in BAR_UNITS},
            "top": [[u, float(mean[u])] for u in order[:16]],
            "top_contrast": [[u, float(contrast[u])] for u in by_contrast[:16]]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--seeds", type=int, default=50)
    ap.add_argument("--controls", type=int, default=3)
    ap.add_argument("--max-length", type=int, default=1000)
    ap.add_argument("--spectrum-seeds", type=int, default=8)
    ap.add_argument("--spectrum-from", default="", help="reuse the spectrum check of an earlier --out file")
    ap.add_argument("--out", default="")
    args = ap.parse_args()
    result = {"bar_units": [f"3:{u}" for u in BAR_UNITS]}
    if args.spectrum_from:
        with open(args.spectrum_from) as f:
            saved = json.load(f)
        result["spectrum"] = saved.get("spectrum", saved)
    elif args.spectrum_seeds > 0:
        result["spectrum"] = spectrum_check(args.cli, args.spectrum_seeds)
        print(json.dumps(result["spectrum"], indent=1), flush=True)
    conditions = [("baseline", []), ("bar units (findings)", BAR_UNITS)]
    if "spectrum" in result:
        top = [u for u, _ in result["spectrum"]["top"]][:len(BAR_UNITS)]
        conditions.append(("top units by bar spectrum", sorted(top)))
        top = [u for u, _ in result["spectrum"]["top_contrast"]][:len(BAR_UNITS)]
        conditions.append(("top units by h at bar lines", sorted(top)))
    rng = random.Random(8)
    excluded = set(BAR_UNITS) | {u for _, units in conditions for u in units}
    pool = [u for u in range(512) if u not in excluded]
    for c in range(args.controls):
        conditions.append((f"random units #{c + 1}", sorted(rng.sample(pool, len(BAR_UNITS)))))
    result["conditions"] = []
    for name, units in conditions:
        s = score(generate(args.cli, args.seeds, units, args.max_length))
        s.update({"name": name, "ablated": [f"3:{u}" for u in units]})
        result["conditions"].append(s)
        print(json.dumps(s), flush=True)
    print("\n| condition | bar lines/tune | tokens/measure (sd) | full measures | regular tunes | "
          "abc2midi tunes w/o bar warning | max tokens between bars |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for s in result["conditions"]:
        w = s["tunes_without_abc2midi_bar_warning"]
        print(f"| {s['name']} | {s['mean_bar_lines']:.1f} | {s['tokens_per_measure_mean']:.2f} "
              f"({s['tokens_per_measure_sd']:.2f}) | {100 * s['full_measure_share']:.1f}% | "
              f"{100 * s['regular_share']:.0f}% | {'-' if w is None else f'{100 * w:.0f}%'} | "
              f"{s['max_tokens_between_bar_lines']} |")
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
