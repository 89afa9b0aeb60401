#!/usr/bin/env python3
"""Ablating the bar-line units from Python (resources/findings/ABLATION.md), notebook-style. The 8
layer-3 units whose h differs most at bar lines, switched off (h := 0) over the tunes of seeds
1-50, break the bars; 8 random layer-3 units (ABLATION.md's random set #1) do not. The tunes are
folkrnn-cli generate --seed 1 --count 50 --seed-per-tune's, so the numbers are ABLATION.md's:
regular tunes 84% / 44% / 76%, full measures 97.2% / 90.1% / 98.5%.

    PYTHONPATH=build/python /usr/bin/python3 resources/examples/ablate_bar_lines.py [TUNES]
"""
import os, sys
import folkrnn

model = folkrnn.Model.open(os.path.join(os.path.dirname(__file__), "..", "models", "folkrnn-nottingham.h5"))
tunes = int(sys.argv[1]) if len(sys.argv) > 1 else 50
conditions = {"nothing": [], "bar-line units": [35, 105, 107, 130, 155, 318, 371, 396],
              "random units": [22, 67, 101, 121, 196, 199, 375, 510]}
for name, units in conditions.items():
    ablation = [folkrnn.ablate(3, units)] if units else []
    bars = [folkrnn.measure_summary(t) for t in model.generate_batch(first_seed=1, count=tunes, interventions=ablation)]
    checked = sum(b["checked"] for b in bars)
    full = checked - sum(b["irregular"] for b in bars)
    regular = sum(b["regular"] for b in bars) / len(bars)
    print(f"ablated {name:15} regular tunes {100 * regular:3.0f}%   full measures {100 * full / checked:.1f}% of {checked}")
