#!/usr/bin/env python3
"""Compares the notes of pairs of MIDI files (ours and abc2midi's) with midi_notes.py's reader.

Each note is (key, onset, end), times in quarter notes (ticks / division), so files with other
divisions and tempos compare. Two notes agree when their keys are equal and their onsets and
ends differ by at most TOLERANCE quarter notes: abc2midi starts each note one tick (of 480 per
quarter) late and rounds tuplet lengths to whole ticks; a sixty-fourth note is 1/16 quarter, far
above the tolerance. Notes are compared in the order (onset, key).

Usage: compare_midi.py MANIFEST   (lines "name ours.mid theirs.mid")
Prints JSON: {"compared": n, "matched": m, "tolerance": t,
              "results": {name: {"match": bool, "ours": count, "theirs": count,
                                 "first_difference": [index, our note or null, their note or null]}}}
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import midi_notes  # noqa: E402

TOLERANCE = 1.0 / 96


def notes(path):
    with open(path, "rb") as f:
        m = midi_notes.parse(f.read())
    d = float(m["division"])
    out = [(n[2], n[0] / d, (n[0] + n[1]) / d) for n in m["notes"]]
    out.sort(key=lambda n: (round(n[1] * 96), n[0]))
    return out


def compare(ours, theirs):
    for k in range(max(len(ours), len(theirs))):
        a = ours[k] if k < len(ours) else None
        b = theirs[k] if k < len(theirs) else None
        if a is None or b is None or a[0] != b[0] or abs(a[1] - b[1]) > TOLERANCE or abs(a[2] - b[2]) > TOLERANCE:
            return [k, a, b]
    return None


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    results = {}
    matched = 0
    with open(sys.argv[1]) as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3:
                continue
            name, ours_path, theirs_path = parts
            try:
                ours, theirs = notes(ours_path), notes(theirs_path)
            except (OSError, ValueError, IndexError) as e:
                results[name] = {"match": False, "error": str(e)}
                continue
            diff = compare(ours, theirs)
            results[name] = {"match": diff is None, "ours": len(ours), "theirs": len(theirs), "first_difference": diff}
            matched += diff is None
    json.dump({"compared": len(results), "matched": matched, "tolerance": TOLERANCE, "results": results}, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
