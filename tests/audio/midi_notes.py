#!/usr/bin/env python3
"""Reads a Standard MIDI File with the standard library only and prints its notes.

Written from the SMF 1.0 specification, independently of the C++ writer: header chunk MThd
(format, track count, division in ticks per quarter note), then MTrk chunks of
(variable-length delta time, event) pairs with running status. A note starts at a note-on with
velocity > 0 and ends at the next note-off (or note-on with velocity 0) of the same channel and
key. Output: one JSON object on stdout:
  {"format": F, "tracks": N, "division": D, "tempos": [[tick, usec_per_quarter], ...],
   "meters": [[tick, num, den], ...], "programs": [[tick, channel, program], ...],
   "notes": [[onset_tick, length_tick, key, channel, velocity], ...],   # sorted by onset, key
   "end_tick": last tick of any track}
Usage: midi_notes.py FILE.mid
"""
import json
import struct
import sys


def read_vlq(data, pos):
    value = 0
    for _ in range(4):
        b = data[pos]
        pos += 1
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            return value, pos
    raise ValueError("variable-length quantity longer than 4 bytes")


def parse(data):
    if data[:4] != b"MThd":
        raise ValueError("no MThd chunk")
    hlen, fmt, ntracks, division = struct.unpack(">IHHH", data[4:14])
    if hlen < 6 or division & 0x8000:
        raise ValueError("unsupported header")
    pos = 8 + hlen
    out = {"format": fmt, "tracks": ntracks, "division": division, "tempos": [], "meters": [],
           "programs": [], "notes": [], "end_tick": 0}
    found = 0
    while pos + 8 <= len(data):
        ctype = data[pos:pos + 4]
        (clen,) = struct.unpack(">I", data[pos + 4:pos + 8])
        start, end = pos + 8, pos + 8 + clen
        if end > len(data):
            raise ValueError("chunk runs past the end of the file")
        pos = end
        if ctype != b"MTrk":
            continue
        found += 1
        tick, p, running, ended = 0, start, None, False
        sounding = {}
        while p < end:
            delta, p = read_vlq(data, p)
            tick += delta
            status = data[p]
            if status == 0xFF:
                mtype = data[p + 1]
                length, q = read_vlq(data, p + 2)
                body = data[q:q + length]
                p = q + length
                if mtype == 0x51:
                    out["tempos"].append([tick, (body[0] << 16) | (body[1] << 8) | body[2]])
                elif mtype == 0x58:
                    out["meters"].append([tick, body[0], 1 << body[1]])
                elif mtype == 0x2F:
                    ended = True
                    break
                continue
            if status in (0xF0, 0xF7):
                length, q = read_vlq(data, p + 1)
                p = q + length
                continue
            if status & 0x80:
                running = status
                p += 1
            elif running is None:
                raise ValueError("data byte without status")
            kind, channel = running & 0xF0, running & 0x0F
            if kind in (0xC0, 0xD0):
                if kind == 0xC0:
                    out["programs"].append([tick, channel, data[p]])
                p += 1
                continue
            a, b = data[p], data[p + 1]
            p += 2
            if kind == 0x90 and b > 0:
                sounding.setdefault((channel, a), []).append((tick, b))
            elif kind == 0x80 or (kind == 0x90 and b == 0):
                starts = sounding.get((channel, a))
                if starts:
                    t0, vel = starts.pop(0)
                    out["notes"].append([t0, tick - t0, a, channel, vel])
        if not ended:
            raise ValueError("track without end-of-track event")
        if any(sounding.values()):
            raise ValueError("note never released")
        out["end_tick"] = max(out["end_tick"], tick)
    if found != ntracks:
        raise ValueError("header says %d tracks, file has %d" % (ntracks, found))
    out["notes"].sort(key=lambda n: (n[0], n[2]))
    return out


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    try:
        result = parse(data)
    except (ValueError, IndexError, struct.error) as e:
        sys.stderr.write("%s: not a valid MIDI file: %s\n" % (sys.argv[1], e))
        return 1
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
