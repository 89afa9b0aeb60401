#!/usr/bin/env python3
"""Measures a WAV file with the standard library's wave module and numpy.

Prints one JSON object: {"rate": Hz, "channels": n, "sampwidth": bytes, "frames": n,
"seconds": s, "rms": RMS of all samples as a fraction of full scale, "peak": the same for the
largest magnitude}. Usage: wav_stats.py FILE.wav
"""
import json
import sys
import wave

import numpy as np


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    with wave.open(sys.argv[1], "rb") as w:
        rate, channels, width, frames = w.getframerate(), w.getnchannels(), w.getsampwidth(), w.getnframes()
        raw = w.readframes(frames)
    if width != 2:
        sys.stderr.write("expected 16-bit samples\n")
        return 1
    x = np.frombuffer(raw, dtype="<i2").astype(np.float64) / 32768.0
    json.dump({"rate": rate, "channels": channels, "sampwidth": width, "frames": frames,
               "seconds": frames / float(rate),
               "rms": float(np.sqrt(np.mean(x * x))) if x.size else 0.0,
               "peak": float(np.max(np.abs(x))) if x.size else 0.0}, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
