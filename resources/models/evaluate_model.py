#!/usr/bin/env python3
"""Measures a model the way resources/models/README.md reports it (and issue 5 asks):

- N tunes sampled at temperature 1.0, seeds 1..N, written as ABC by `folkrnn-cli detokenize` and
  checked with abc2midi: the fraction with no error lines and the fraction with no bar-length
  warnings ("Bar N has ... time units while the time signature has ...").
- The same check on a reference token corpus (the original folk-rnn samples) for comparison.
- Copying: the fraction of generated tunes containing 4 consecutive bars identical to 4
  consecutive bars of a training tune (bars compared as token sequences between bar lines).

  evaluate_model.py --cli build/bin/folkrnn-cli --model M.h5 --train-corpus CORPUS.txt
                    [--reference ../shared/data/folk-rnn-samples/config5-wrepeats-samples.txt] [-n 100]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

BAR_TOKENS = {"|", "||", "|:", ":|", "|1", "|2", "::", "[1", "[2", ":|1", ":|2"}


def read_corpus(path):
    tunes, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            if cur:
                tunes.append(cur)
                cur = []
        else:
            cur.extend(line.split())
    if cur:
        tunes.append(cur)
    return tunes


def bars(tokens):
    out, cur = [], []
    for t in tokens[2:]:
        if t in BAR_TOKENS:
            if cur:
                out.append(tuple(cur))
            cur = []
        else:
            cur.append(t)
    if cur:
        out.append(tuple(cur))
    return out


def abc2midi_check(cli, tunes, workdir):
    """Returns (fraction without errors, fraction without bar warnings)."""
    no_err = no_bar = 0
    for n, tune in enumerate(tunes):
        corpus = os.path.join(workdir, f"t{n}.txt")
        with open(corpus, "w") as f:
            f.write(" ".join(tune[:1]) + "\n" + " ".join(tune[1:2]) + "\n" + " ".join(tune[2:]) + "\n")
        abc = subprocess.run([cli, "detokenize", corpus], capture_output=True, text=True)
        if abc.returncode != 0:
            continue
        path = os.path.join(workdir, f"t{n}.abc")
        with open(path, "w") as f:
            f.write(abc.stdout)
        r = subprocess.run(["abc2midi", path, "-o", os.path.join(workdir, f"t{n}.mid")],
                           capture_output=True, text=True)
        text = r.stdout + r.stderr
        if not re.search(r"^Error", text, re.M):
            no_err += 1
            if not re.search(r"Bar \d+ has .* time units", text):
                no_bar += 1
    return no_err / len(tunes), no_bar / len(tunes)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--model", required=True)
    ap.add_argument("--train-corpus", required=True)
    ap.add_argument("--reference")
    ap.add_argument("-n", type=int, default=100)
    a = ap.parse_args()

    tunes = []
    for seed in range(1, a.n + 1):
        r = subprocess.run([a.cli, "generate", "--model", a.model, "--seed", str(seed), "--format", "tokens"],
                           capture_output=True, text=True, check=True)
        tunes.append(r.stdout.split())
    train_grams = set()
    for t in read_corpus(a.train_corpus):
        b = bars(t)
        train_grams.update(tuple(b[k:k + 4]) for k in range(len(b) - 3))
    copies = 0
    for t in tunes:
        b = bars(t)
        if any(tuple(b[k:k + 4]) in train_grams for k in range(len(b) - 3)):
            copies += 1
    result = {"tunes": len(tunes), "mean_tokens": sum(map(len, tunes)) / len(tunes),
              "copy_4bars_fraction": copies / len(tunes)}
    with tempfile.TemporaryDirectory() as d:
        result["no_error_fraction"], result["no_bar_warning_fraction"] = abc2midi_check(a.cli, tunes, d)
        if a.reference:
            ref = read_corpus(a.reference)
            result["reference_tunes"] = len(ref)
            result["reference_no_error_fraction"], result["reference_no_bar_warning_fraction"] = \
                abc2midi_check(a.cli, ref, d)
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
