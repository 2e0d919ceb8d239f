#!/usr/bin/env python3
"""Writes the binary files the bad-input cases use (tests/bad_input/files/). They are
committed; run this only to re-create or change them: python3 tests/bad_input/make_files.py"""
import os
import random
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
FONTS = os.path.join(HERE, "..", "..", "fonts")


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, idat=None):
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    if idat is None:
        rows = b"".join(b"\x00" + bytes((x * 7 + y * 13) % 256 for x in range(width * 3)) for y in range(height))
        idat = zlib.compress(rows)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def jpeg(width, height):
    """A baseline greyscale JPEG of uniform grey: every 8x8 block has DC difference 0 and
    no AC coefficients (one-code Huffman tables), so the scan is one bit pair per block."""
    def segment(marker, payload):
        return b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload
    dqt = segment(0xDB, b"\x00" + bytes([1] * 64))
    sof = segment(0xC0, b"\x08" + struct.pack(">HH", height, width) + b"\x01" + b"\x01\x11\x00")
    one_code = bytes([1] + [0] * 15) + b"\x00"  # one code of length 1 for symbol 0
    dht = segment(0xC4, b"\x00" + one_code) + segment(0xC4, b"\x10" + one_code)
    sos = segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    bits = "00" * blocks
    bits += "1" * (-len(bits) % 8)
    scan = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
    return b"\xff\xd8" + dqt + sof + dht + sos + scan + b"\xff\xd9"


def write(name, data):
    with open(os.path.join(FILES, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(FILES, exist_ok=True)
    good = png(40, 30)
    write("ok.png", good)
    write("ok.jpg", jpeg(32, 16))
    write("truncated.png", good[: len(good) // 2])
    # A valid header claiming 30000 x 30000 pixels (and a few bytes of data).
    write("huge.png", png(30000, 30000, idat=zlib.compress(b"\x00" * 16)))
    write("huge.jpg", jpeg(8, 8).replace(struct.pack(">HH", 8, 8), struct.pack(">HH", 60000, 60000), 1))
    # Intact chunks (right CRCs) whose compressed data is garbage: only decoding finds it.
    write("damaged.png", png(40, 30, idat=b"\x78\x9c garbage, not deflate data"))
    rng = random.Random(7)
    write("garbage.ttf", bytes(rng.randrange(256) for _ in range(4096)))
    with open(os.path.join(FONTS, "Laksaman.ttf"), "rb") as f:
        write("truncated.ttf", f.read(8192))
    with open(os.path.join(HERE, "binary-garbage.yaml"), "wb") as f:  # a case of its own
        f.write(bytes(rng.randrange(256) for _ in range(512)))


if __name__ == "__main__":
    main()
