#!/usr/bin/python3
"""Cuts a TrueType font down to the characters the app loads and renames its family.

usage: subset_font.py SOURCE.ttf OUTPUT.ttf FAMILY UNICODES
  UNICODES as pyftsubset takes them, e.g. U+0020-017F,U+2010-205E

Dear ImGui rasterises glyph outlines with stb_truetype: it reads no hinting and no OpenType
layout, so both are dropped. The copyright and licence entries of the name table are kept, as
the Bitstream Vera licence (the base of DejaVu) asks of every copy, and the family is renamed,
as it asks of every modified copy.
"""
import sys

from fontTools import subset


def rename(font, family):
    postscript = family.replace(" ", "")
    names = {1: family, 3: postscript, 4: family, 6: postscript, 16: family}
    table = font["name"]
    for record in table.names:
        if record.nameID in names:
            record.string = names[record.nameID]


def subset_options():
    """What every font the app loads keeps: outlines, metrics, cmap and all name entries."""
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.name_IDs = ["*"]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "MATH", "FFTM", "gasp"]
    return options


def main():
    source, output, family, unicodes = sys.argv[1:5]
    options = subset_options()
    font = subset.load_font(source, options)
    font.recalcTimestamp = False  # the same bytes on every build
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    rename(font, family)
    subset.save_font(font, output, options)


if __name__ == "__main__":
    main()
