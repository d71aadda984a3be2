#!/usr/bin/env python3
"""Builds the pinyin table of core/text from Unihan at build time.

Reads Unihan_Readings.txt(.bz2) (Debian's unicode-data) and writes every
Mandarin reading of every character, without tones, as a compact binary file
that Pinyin.cpp loads from a Qt resource. All readings count: a name must be
found by any of them (长 is both chang and zhang).

Layout (little endian):
  b"GDPY" u32 version(1)
  u16 syllable count, then per syllable: u8 length, ASCII bytes
  u32 character count N
  N x u32 code points (ascending)
  (N + 1) x u32 offsets into the reading list (character i: [off[i], off[i+1]))
  u16 syllable ids
"""
import bz2
import struct
import sys
import unicodedata

FIELDS = ("kMandarin", "kHanyuPinyin", "kXHC1983", "kTGHZ2013", "kHanyuPinlu")


def plain(reading):
    """hòu -> hou, lǜ -> lv, ê̄ -> e; None for anything that is not a syllable."""
    out = []
    for ch in unicodedata.normalize("NFD", reading.strip().lower()):
        if ch == "\u0308" and out and out[-1] == "u":
            out[-1] = "v"
        elif unicodedata.combining(ch):
            continue
        elif "a" <= ch <= "z":
            out.append(ch)
        else:
            return None
    return "".join(out) or None


def readings_of(field, value):
    if field == "kHanyuPinlu":  # "zhǎng(1879) cháng(1179)"
        return [v.split("(")[0] for v in value.split()]
    if field in ("kHanyuPinyin", "kXHC1983", "kTGHZ2013"):  # "0121.040:cháng 1456.020:zhǎng"
        result = []
        for entry in value.split():
            result.extend(entry.split(":", 1)[-1].split(","))
        return result
    return value.split()  # kMandarin


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_pinyin_table.py Unihan_Readings.txt[.bz2] out.bin")
    source, target = sys.argv[1], sys.argv[2]
    opener = bz2.open if source.endswith(".bz2") else open
    table = {}
    with opener(source, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("U+"):
                continue
            code, field, value = line.rstrip("\n").split("\t", 2)
            if field not in FIELDS:
                continue
            cp = int(code[2:], 16)
            found = table.setdefault(cp, [])
            for reading in readings_of(field, value):
                syllable = plain(reading)
                if syllable and syllable not in found:
                    found.append(syllable)
    table = {cp: r for cp, r in table.items() if r}
    if len(table) < 20000:
        sys.exit("make_pinyin_table.py: only %d characters with readings in %s" % (len(table), source))

    syllables = sorted({s for r in table.values() for s in r})
    ids = {s: i for i, s in enumerate(syllables)}
    out = bytearray(b"GDPY")
    out += struct.pack("<IH", 1, len(syllables))
    for s in syllables:
        out += struct.pack("<B", len(s)) + s.encode("ascii")
    cps = sorted(table)
    out += struct.pack("<I", len(cps))
    out += struct.pack("<%dI" % len(cps), *cps)
    offsets, pool = [0], []
    for cp in cps:
        pool.extend(ids[s] for s in table[cp])
        offsets.append(len(pool))
    out += struct.pack("<%dI" % len(offsets), *offsets)
    out += struct.pack("<%dH" % len(pool), *pool)
    with open(target, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
