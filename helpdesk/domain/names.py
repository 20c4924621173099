"""People's names: the one accepted spelling of a name, and the pinyin keys search finds it by.

`validate_name` decides what a name looks like once stored; `pinyin_keys` turns a stored name
into tone-less pinyin syllables, their concatenation and their initials, reading the surname as
a surname (曾 zeng, 单 shan, 尉迟 yuchi), which pypinyin alone does not do.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from helpdesk.domain.errors import Invalid

MAX_LENGTH = 40
MAX_PINYIN = 200  # the spaced pinyin kept for search; 40 characters of zhuang would make 279

# Compound surnames (复姓) and how they read as surnames. Checked before single surnames, and
# only for names of three or more characters: a two-character name is a surname and a given name.
COMPOUND_SURNAMES: dict[str, tuple[str, ...]] = {
    "欧阳": ("ou", "yang"), "司马": ("si", "ma"), "诸葛": ("zhu", "ge"),
    "上官": ("shang", "guan"), "令狐": ("ling", "hu"), "皇甫": ("huang", "fu"),
    "尉迟": ("yu", "chi"), "万俟": ("mo", "qi"), "东方": ("dong", "fang"),
    "慕容": ("mu", "rong"), "司徒": ("si", "tu"), "夏侯": ("xia", "hou"),
    "长孙": ("zhang", "sun"), "宇文": ("yu", "wen"), "公孙": ("gong", "sun"),
    "轩辕": ("xuan", "yuan"), "澹台": ("tan", "tai"), "单于": ("chan", "yu"),
    "淳于": ("chun", "yu"), "端木": ("duan", "mu"), "南宫": ("nan", "gong"),
    "西门": ("xi", "men"), "司空": ("si", "kong"), "呼延": ("hu", "yan"),
    "闻人": ("wen", "ren"), "赫连": ("he", "lian"), "钟离": ("zhong", "li"),
    "申屠": ("shen", "tu"), "太史": ("tai", "shi"), "宗政": ("zong", "zheng"),
    "濮阳": ("pu", "yang"), "公冶": ("gong", "ye"), "独孤": ("du", "gu"),
    "拓跋": ("tuo", "ba"), "第五": ("di", "wu"), "乐正": ("yue", "zheng"),
    "鲜于": ("xian", "yu"), "闾丘": ("lv", "qiu"), "东郭": ("dong", "guo"),
    "百里": ("bai", "li"), "公羊": ("gong", "yang"), "左丘": ("zuo", "qiu"),
    "颛孙": ("zhuan", "sun"), "漆雕": ("qi", "diao"), "巫马": ("wu", "ma"),
}

# Single-character surnames whose surname reading is not the character's everyday one.
SURNAMES: dict[str, str] = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "区": "ou",
    "查": "zha", "盖": "ge", "翟": "zhai", "缪": "miao", "覃": "qin", "繁": "po",
    "种": "chong", "重": "chong", "秘": "bi", "折": "she", "黑": "he",
    "尉": "wei", "员": "yun", "贠": "yun", "句": "gou", "柏": "bai", "藏": "zang",
    "隗": "wei", "召": "shao", "六": "lu", "薄": "bo", "过": "guo", "纪": "ji",
    "燕": "yan", "瞿": "qu", "那": "na", "佴": "nai", "粘": "nian", "盛": "sheng",
    "牟": "mou", "能": "nai", "长": "chang", "冼": "xian", "宿": "su", "阚": "kan",
    "谌": "chen", "厍": "she", "逄": "pang", "都": "du", "华": "hua", "沈": "shen",
    "万": "wan", "车": "che", "石": "shi", "相": "xiang", "任": "ren", "费": "fei",
}

# The dots that separate the parts of a transcribed name (买买提·艾力), as typed by different IMEs.
_DOTS = "·・•‧･⋅∙"
_SPACE_RE = re.compile(r"\s+")
_DOT_RE = re.compile(r"\s*[" + _DOTS + r"]\s*")
_WORD_RE = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class NameKeys:
    """A name's tone-less pinyin: syllables ('zeng', 'guo', 'fan'), 'zengguofan', 'zgf'."""

    syllables: tuple[str, ...]
    full: str
    initials: str

    @property
    def spaced(self) -> str:
        """The syllables separated by single spaces, as kept in `families.name_pinyin`."""
        return " ".join(self.syllables)


def validate_name(text: str) -> str:
    """Return the name as stored: trimmed, single spaces, one kind of middle dot.

    Raises `Invalid` (code ``name``) if it is empty, longer than 40 characters, has no letter
    or Chinese character, or holds invisible control characters.
    """
    name = unicodedata.normalize("NFKC", text)
    name = _SPACE_RE.sub(" ", name).strip()
    name = _DOT_RE.sub("·", name).strip("· ")
    if not name:
        raise Invalid("name", "请填写姓名", "Enter the name")
    if len(name) > MAX_LENGTH:
        raise Invalid(
            "name",
            f"姓名最多 {MAX_LENGTH} 个字，现在有 {len(name)} 个，请缩短",
            f"A name has at most {MAX_LENGTH} characters; this one has {len(name)}: shorten it",
        )
    if any(unicodedata.category(ch)[0] == "C" for ch in name):
        raise Invalid(
            "name",
            "姓名中有看不见的控制字符，请删除后重新输入",
            "The name holds invisible control characters: delete it and type it again",
        )
    if not any(ch.isalpha() for ch in name):
        raise Invalid(
            "name",
            "姓名里要有汉字或字母，不能只有数字或符号",
            "A name needs Chinese characters or letters, not only digits or symbols",
        )
    return name


def pinyin_keys(name: str) -> NameKeys:
    """Return the tone-less pinyin keys of a (validated) name; never raises.

    Han characters become pinyin, the leading surname read as a surname (compound surnames as
    one); other letters and digits are kept as lower-case words (ü as v); the rest is dropped.
    A name with a middle dot is a transcription (买买提·艾力) and has no surname to special-case.
    """
    text = unicodedata.normalize("NFKC", name).strip()
    syllables: list[str] = []
    if not any(d in text for d in _DOTS):
        surname, text = _split_surname(text)
        syllables.extend(surname)
    for run, han in _runs(text):
        if han:
            syllables.extend(_han_pinyin(run))
        else:
            syllables.extend(_WORD_RE.findall(_latin_fold(run)))
    kept = 0
    for i, syllable in enumerate(syllables):  # a search key, not a spelling: its head is enough
        kept += len(syllable) + (1 if i else 0)
        if kept > MAX_PINYIN:
            syllables = syllables[:i]
            break
    return NameKeys(
        syllables=tuple(syllables),
        full="".join(syllables),
        initials="".join(s[0] for s in syllables),
    )


def _split_surname(text: str) -> tuple[tuple[str, ...], str]:
    """The surname's reading and the rest of the name, or () and the name unchanged.

    The surname is always read on its own: pypinyin's phrases would otherwise read across it
    (朝阳 as zhaoyang, where the surname 朝 is chao).
    """
    han = 0
    while han < len(text) and _is_han(text[han]):
        han += 1
    if han >= 3 and text[:2] in COMPOUND_SURNAMES:
        return COMPOUND_SURNAMES[text[:2]], text[2:]
    if han >= 2 or (han == 1 and len(text) == 1):
        reading = SURNAMES.get(text[0])
        return ((reading,) if reading else tuple(_han_pinyin(text[0]))), text[1:]
    return (), text


def _han_pinyin(run: str) -> list[str]:
    # pypinyin reads a run as phrases (better for given names than char by char); characters it
    # has no reading for are dropped rather than kept as Han text in an ASCII key.
    # Imported here: pypinyin's dictionaries cost ~55 MB and 0.3 s, which the sign-in screen
    # should not pay before anyone registers a family.
    from pypinyin import Style, lazy_pinyin

    out: list[str] = lazy_pinyin(
        run, style=Style.NORMAL, strict=False, errors="ignore")
    return [s for p in out if (s := _latin_fold(p)) and s.isascii() and s.isalnum()]


def _latin_fold(text: str) -> str:
    """Lower-case ASCII spelling: ü as v, other accents dropped (É → e)."""
    text = text.lower().replace("ü", "v").replace("u:", "v")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _runs(text: str) -> list[tuple[str, bool]]:
    """Split text into maximal runs of Han and of non-Han characters."""
    runs: list[tuple[str, bool]] = []
    for ch in text:
        han = _is_han(ch)
        if runs and runs[-1][1] == han:
            runs[-1] = (runs[-1][0] + ch, han)
        else:
            runs.append((ch, han))
    return runs


def _is_han(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x3134F
        or 0xF900 <= code <= 0xFAFF
        or code == 0x3007  # 〇
    )
