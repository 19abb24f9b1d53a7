#!/usr/bin/python3
"""Counts the pixels of a PNG image close to given colours (a screenshot check, no imaging
library needed).

usage: png_colours.py IMAGE.png [--box X0,Y0,X1,Y1] '#rrggbb' ...
Prints one count per colour, one per line, counting only inside the box if one is given. Reads 8-bit RGB and RGBA images without
interlacing, as browsers' screenshots are.
"""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG file")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if depth != 8 or colour not in (2, 6) or interlace:
        sys.exit(f"{path}: only 8-bit RGB/RGBA without interlacing is read")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xFF
            elif f == 2:
                line[i] = (line[i] + b) & 0xFF
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def main():
    width, height, bpp, rows = read_png(sys.argv[1])
    args = sys.argv[2:]
    x0, y0, x1, y1 = 0, 0, width, height
    if args and args[0] == "--box":
        x0, y0, x1, y1 = (int(v) for v in args[1].split(","))
        args = args[2:]
    colours = [tuple(int(h.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)) for h in args]
    counts = [0] * len(colours)
    for line in rows[y0:y1]:
        for x in range(x0 * bpp, min(x1, width) * bpp, bpp):
            px = line[x], line[x + 1], line[x + 2]
            for k, c in enumerate(colours):
                if all(abs(px[j] - c[j]) <= 12 for j in range(3)):
                    counts[k] += 1
    for n in counts:
        print(n)


if __name__ == "__main__":
    main()
