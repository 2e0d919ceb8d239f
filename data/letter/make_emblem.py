#!/usr/bin/env python3
"""Writes emblem-placeholder.png: a plain black stand-in for the Garuda (ตราครุฑ) used by
the examples in data/. An office supplies its own Garuda image (letter.emblem); this
file only shows where and how large it is printed. Pure Python (zlib), no dependencies."""
import math, struct, zlib, os

W, H = 260, 300  # pixels (proportions of the emblem: a little taller than wide)

def inside(x, y):
    cx = W / 2
    # head
    if (x - cx) ** 2 + (y - 55) ** 2 < 28 ** 2: return True
    # body
    if ((x - cx) / 42) ** 2 + ((y - 150) / 75) ** 2 < 1: return True
    # wings: raised, from the shoulders outwards and up
    for side in (-1, 1):
        dx = (x - cx) * side
        if 20 < dx < 125:
            top = 105 - (dx - 20) * 0.85
            bottom = 175 - (dx - 20) * 0.35
            if top < y < bottom and ((int(dx) // 14) % 2 == 0 or y < bottom - 18): return True
    # feet / base
    if abs(x - cx) < 55 and 225 < y < 245: return True
    if abs(x - cx) < 20 and 215 < y < 290: return True
    return False

rows = []
for y in range(H):
    row = bytearray([0])  # filter: none
    for x in range(W):
        a = 255 if inside(x + 0.5, y + 0.5) else 0
        row += bytes([0, 0, 0, a])  # black, with alpha
    rows.append(bytes(row))

def chunk(kind, data):
    c = struct.pack(">I", len(data)) + kind + data
    return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 6, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "emblem-placeholder.png")
open(out, "wb").write(png)
print(out)
