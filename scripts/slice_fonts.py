#!/usr/bin/python3
"""Cuts the fallback fonts into slices the app fetches only when a text needs them.

usage: slice_fonts.py OUTDIR MANIFEST

Writes one font file per slice into OUTDIR, named by its range and a hash of its bytes, and
MANIFEST, a JSON list of {"first": code point, "last": code point, "file": name, "whole": bool}, read by the app
(src/app/font_atlas.cpp). "whole": a block small enough that the app draws all of it once one of
its characters is needed; the slices of a large block are drawn character by character. The base font (subset_font.py) already holds Latin, Greek,
Cyrillic, punctuation, currency, letterlike symbols and arrows; everything else drawable
without text shaping comes from here:
  - Noto Sans CJK JP (fonts-noto-cjk; Adobe-Japan1 glyph forms, with Hangul): CJK punctuation,
    kana, Hangul, the CJK Unified Ideographs in slices of 256 code points and Hangul syllables
    in slices of 512, so a document with a few Japanese names fetches a few hundred KB, not
    the 16 MB font;
  - DejaVu Sans (fonts-dejavu-core): the symbol blocks and the small alphabets it has.
Scripts that need shaping or right-to-left layout (Arabic, Hebrew, Devanagari, Thai) are left
out: Dear ImGui lays out one glyph per code point, left to right, and would draw them wrongly.
"""
import hashlib
import io
import json
import os
import sys

from fontTools import subset

from subset_font import subset_options

CJK = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0)  # 0: Noto Sans CJK JP
DEJAVU = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0)

# (font, first, last, code points per slice)
PLAN = [
    (DEJAVU, 0x0530, 0x058F, None),  # Armenian
    (DEJAVU, 0x10A0, 0x10FF, None),  # Georgian
    (DEJAVU, 0x2200, 0x22FF, None),  # Mathematical Operators
    (DEJAVU, 0x2300, 0x23FF, None),  # Miscellaneous Technical
    (DEJAVU, 0x2500, 0x25FF, None),  # Box Drawing, Block Elements, Geometric Shapes
    (DEJAVU, 0x2600, 0x27BF, None),  # Miscellaneous Symbols, Dingbats
    (CJK, 0x2E80, 0x2FDF, None),  # CJK and Kangxi radicals
    (CJK, 0x3000, 0x30FF, None),  # CJK punctuation, Hiragana, Katakana
    (CJK, 0x3100, 0x31FF, None),  # Bopomofo, Hangul jamo, Katakana extensions
    (CJK, 0x3200, 0x33FF, None),  # enclosed and compatibility CJK
    (CJK, 0x4E00, 0x9FFF, 256),  # CJK Unified Ideographs
    (CJK, 0xAC00, 0xD7AF, 512),  # Hangul syllables
    (CJK, 0xF900, 0xFAFF, None),  # CJK compatibility ideographs
    (CJK, 0xFE30, 0xFE4F, None),  # CJK compatibility forms
    (CJK, 0xFF00, 0xFFEF, None),  # half- and full-width forms
]


def slices():
    for font, first, last, size in PLAN:
        step = size or (last - first + 1)
        for start in range(first, last + 1, step):
            yield font, start, min(start + step - 1, last), size is None


def main():
    outdir, manifest = sys.argv[1:3]
    os.makedirs(outdir, exist_ok=True)
    entries = []
    for (path, number), first, last, whole in slices():
        options = subset_options()
        options.font_number = number
        options.drop_tables += ["VORG", "vmtx", "vhea"]  # vertical metrics: ImGui lays out across
        font = subset.load_font(path, options, lazy=True)
        font.recalcTimestamp = False
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=range(first, last + 1))
        subsetter.subset(font)
        if len(font.getGlyphOrder()) <= 1:  # only .notdef: the font has none of these
            continue
        extension = "otf" if "CFF " in font else "ttf"
        data = io.BytesIO()
        subset.save_font(font, data, options)
        # Named by content: the service worker (web/sw.js) keeps a fetched slice across builds
        # under its URL, so the same name must always mean the same bytes.
        digest = hashlib.sha256(data.getvalue()).hexdigest()[:12]
        name = "fallback-%04X-%04X.%s.%s" % (first, last, digest, extension)
        with open(os.path.join(outdir, name), "wb") as out:
            out.write(data.getvalue())
        entries.append({"first": first, "last": last, "file": name, "whole": whole})
    # Slices an earlier build cut differently are no longer named by the app: not served.
    current = {entry["file"] for entry in entries}
    for old in os.listdir(outdir):
        if old.startswith("fallback-") and old not in current:
            os.remove(os.path.join(outdir, old))
    with open(manifest, "w") as out:
        json.dump(entries, out, indent=0)
        out.write("\n")


if __name__ == "__main__":
    main()
