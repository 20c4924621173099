"""Make the receipt and screen font: a subset of Noto Sans CJK SC, Regular and Bold.

Keeps GB 2312 (all 6,763 hanzi and its symbols), the 8,105 characters of the 通用规范汉字表
(2013, which adds the characters of personal and place names: 喆, 堃, 玥 …), Latin-1, general
punctuation, CJK symbols and full-width forms. Reads Debian's packages only, so anyone can
remake it offline:

    apt-get install -y fonts-noto-cjk unicode-data
    .venv/bin/python resources/fonts/make_subset.py

Writes `HelpdeskSansSC-Regular.otf` and `HelpdeskSansSC-Bold.otf` (about 2 MB each, family
renamed "Helpdesk Sans SC") and `OFL.txt` (the SIL Open Font License 1.1 with the font's
copyright line) beside this script.
"""

from __future__ import annotations

import bz2
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

HERE = Path(__file__).resolve().parent
NOTO = Path("/usr/share/fonts/opentype/noto")
SOURCES = {weight: NOTO / f"NotoSansCJK-{weight}.ttc" for weight in ("Regular", "Bold")}
UNIHAN = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
FAMILY = "Noto Sans CJK SC"
# A name of its own, so Qt never mixes it up with a system-wide Noto Sans CJK SC (whose Bold
# it would otherwise pick) and every machine renders with exactly this file.
NEW_FAMILY = "Helpdesk Sans SC"
LICENCE = HERE / "OFL.txt"

RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x017F),  # Latin-1 and Latin Extended-A (pinyin tone vowels, names)
    (0x01CD, 0x01DC),  # pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
    (0x02C7, 0x02D9),  # tone marks
    (0x2000, 0x206F),  # general punctuation
    (0x2100, 0x218F),  # letter-like symbols, number forms (№, Ⅰ Ⅱ …)
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed numbers ①
    (0x2500, 0x25FF),  # box drawing, shapes (the cut line)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3200, 0x32FF),  # enclosed CJK (㈠)
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms
]


def gb2312() -> set[int]:
    """Every character of GB 2312, read from Python's own codec."""
    chars: set[int] = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([high, low]).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return chars


def tongyong_guifan() -> set[int]:
    """The 8,105 characters of the 通用规范汉字表 (Unihan's kTGH property)."""
    chars = set()
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as lines:
        for line in lines:
            parts = line.split("\t")
            if len(parts) > 2 and parts[1] == "kTGH":
                chars.add(int(parts[0][2:], 16))
    return chars


def wanted() -> set[int]:
    chars = gb2312() | tongyong_guifan()
    for low, high in RANGES:
        chars.update(range(low, high + 1))
    return chars


def licence_text(copyright_line: str) -> str:
    """The OFL 1.1 as Debian ships it for fonts-noto-cjk, headed by the font's copyright."""
    text = DEBIAN_COPYRIGHT.read_text(encoding="utf-8")
    start = text.index("\n\nLicense: SIL-1.1\n") + 2  # the stanza with the text itself
    body = text[start:].split("\n", 1)[1]
    body = re.split(r"\n\S", body, maxsplit=1)[0]  # up to the next stanza
    lines = [line[1:] if line.startswith(" ") else line for line in body.splitlines()]
    lines = ["" if line == "." else line for line in lines]
    return (f"{copyright_line}\n\nThe subset in this folder was made from Debian's "
            f"fonts-noto-cjk by make_subset.py; it is a Modified Version under the licence "
            f"below. The upstream LICENSE of Noto CJK reserves the font "
            f"name 'Source', which this subset does not use.\n\n" + "\n".join(lines).strip() + "\n")


def rename(font: TTFont, weight: str) -> None:
    """Give the subset its own family name (OFL: a Modified Version may be renamed)."""
    postscript = f"HelpdeskSansSC-{weight}"
    values = {1: NEW_FAMILY, 2: weight, 4: f"{NEW_FAMILY} {weight}", 6: postscript,
              3: f"{postscript};subset of {FAMILY} {weight}"}
    table = font["name"]
    table.names = [n for n in table.names if n.nameID not in (16, 17, 21, 22)]
    for record in list(table.names):
        if record.nameID in values:
            table.setName(values[record.nameID], record.nameID, record.platformID,
                          record.platEncID, record.langID)
    if "CFF " in font:
        cff = font["CFF "].cff
        top = cff[cff.fontNames[0]]
        cff.fontNames = [postscript]
        top.FullName, top.FamilyName = values[4], NEW_FAMILY


def make(weight: str) -> tuple[Path, str]:
    """Subset one weight; returns the file written and the font's copyright line."""
    collection = TTCollection(str(SOURCES[weight]))
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == FAMILY)
    copyright_line = font["name"].getDebugName(0) or "Copyright Adobe and Google"
    options = subset.Options()
    options.hinting = False  # receipts print at 203 dpi and up; hints only add bytes
    # Not 'locl': in Latin runs it swaps the digits for glyphs that have no character, and Qt's
    # PDF text layer then loses them (K7QM-2026 extracts as "K QM-"). The SC glyphs are the
    # defaults of this face already.
    options.layout_features = ["ccmp", "kern", "vert", "vrt2", "vkrn", "mark", "mkmk"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted())
    subsetter.subset(font)
    rename(font, weight)
    output = HERE / f"HelpdeskSansSC-{weight}.otf"
    font.save(str(output))
    print(f"{output.name}: {len(font.getBestCmap())} characters, "
          f"{output.stat().st_size / 1e6:.2f} MB")
    return output, copyright_line


def main() -> int:
    missing = [(p, pkg) for p, pkg in ((SOURCES["Regular"], "fonts-noto-cjk"),
                                       (SOURCES["Bold"], "fonts-noto-cjk"),
                                       (UNIHAN, "unicode-data"),
                                       (DEBIAN_COPYRIGHT, "fonts-noto-cjk")) if not p.exists()]
    for path, package in missing:
        print(f"{path} is missing: apt-get install -y {package}", file=sys.stderr)
    if missing:
        return 1
    copyright_line = ""
    for weight in SOURCES:
        _, copyright_line = make(weight)
    LICENCE.write_text(licence_text(copyright_line), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
