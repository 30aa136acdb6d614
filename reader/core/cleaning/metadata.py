"""Metadata from what pages show: date lines, source lines, credit lines.

Only lines that *are* metadata are read (a short line that is mostly a date, or
one labelled 发布时间/来源/作者/责任编辑…). Dates inside body sentences
("9月13日，会议在…") are never taken: a wrong date is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # 2023-08-30 14:35[:12], 2023/8/30, 2023.08.30, 2023年8月30日 14时35分
    (
        re.compile(
            r"(?<!\d)((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
            r"(?:\s*(?:T|\s)?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?"
        ),
        "ymd",
    ),
    # 17.10.2018 06:24 / 17-10-2018 (day first, as on many European-styled CMSes)
    (
        re.compile(
            r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d\d)(?!\d)"
            r"(?:\s+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?"
        ),
        "dmy",
    ),
)
_ISO_RE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d))?")

DATE_LABEL = (
    r"(?:发布时间|发表时间|发布日期|发表日期|更新时间|时间|日期|发布于|发表于"
    r"|Posted|Published|Date)"
)
SOURCE_LABEL = r"(?:来源|稿源|出处|来自|Source)"
AUTHOR_LABEL = r"(?:作者|文|撰文|记者|通讯员|By)"
EDITOR_LABEL = (
    r"(?:责任编辑|责编|编辑|主编|审核|校对|审校|编审|终审|初审|复审"
    r"|值班编辑|实习编辑|美编|排版|监制)"
)

_CREDIT_RE = re.compile(
    r"^[\s【\[（(]*(?P<label>" + EDITOR_LABEL + r"|" + AUTHOR_LABEL + r"|" + SOURCE_LABEL + r")"
    r"\s*[:：/／]\s*(?P<value>[^】\]）)]{0,60}?)\s*[】\]）)]*\s*$"
)
#: A credit glued to the end of the last paragraph: "…的果实。(文/刘翔)"
_TRAILING_CREDIT_RE = re.compile(
    r"[（(【\[]\s*(?P<label>" + AUTHOR_LABEL + r"|" + EDITOR_LABEL + r")\s*[:：/／]\s*"
    r"(?P<value>[^）)】\]\n]{1,30})\s*[）)】\]]\s*$"
)


#: A page tool in brackets: "【打印】", "【字体：大 中 小】", "[关闭窗口]",
#: "【打印本页】": words of printing, closing, font size and saving only.
_TOOL_WORDS = (
    r"(?:打印|关闭|收藏|字体|字号|返回|顶部|分享|纠错|复制|放大|缩小|默认|保存|加入|"
    r"本页|此页|窗口|页面|本文|文章|链接|大|中|小|特大|标准)"
)
TOOL_GROUP = re.compile(
    r"[【\[]\s*" + _TOOL_WORDS + r"(?:[\s:：|/]*" + _TOOL_WORDS + r")*\s*[】\]]"
)


def strip_tools(line: str) -> str:
    """``line`` without its bracketed page tools ("张三 【打印】 【关闭】" → "张三")."""
    return TOOL_GROUP.sub(" ", line).strip() if "【" in line or "[" in line else line


@dataclass
class Meta:
    """Metadata collected while cleaning; later sources fill only what is empty."""

    title: str | None = None
    date: str | None = None
    time: str | None = None
    source: str | None = None
    author: str | None = None
    editor: str | None = None

    def set_if_empty(self, **values: str | None) -> None:
        for k, v in values.items():
            if v and not getattr(self, k):
                setattr(self, k, v.strip())


def _valid(y: int, mo: int, d: int) -> bool:
    if not (1990 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31):
        return False
    try:
        datetime(y, mo, d)
    except ValueError:
        return False
    return True


def find_date(text: str) -> tuple[str, str | None, re.Match[str]] | None:
    """The first calendar date in ``text``: (YYYY-MM-DD, HH:MM or None, match)."""
    best: tuple[int, str, str | None, re.Match[str]] | None = None
    for pat, order in _DATE_PATTERNS:
        for m in pat.finditer(text):
            if order == "ymd":
                y, mo, d = int(m[1]), int(m[2]), int(m[3])
            else:
                d, mo, y = int(m[1]), int(m[2]), int(m[3])
                if not _valid(y, mo, d) and _valid(y, d, mo):
                    mo, d = d, mo  # US style M/D/YYYY when day-first cannot be
            if not _valid(y, mo, d):
                continue
            t = None
            if m[4] is not None and m[5] is not None:
                hh, mm = int(m[4]), int(m[5])
                if re.match(r"\s*PM\b", text[m.end() : m.end() + 4], re.I) and hh < 12:
                    hh += 12
                if hh < 24 and mm < 60:
                    t = f"{hh:02d}:{mm:02d}"
            if best is None or m.start() < best[0]:
                best = (m.start(), f"{y:04d}-{mo:02d}-{d:02d}", t, m)
            break
    if best is None:
        return None
    return best[1], best[2], best[3]


def parse_date_value(value: str) -> tuple[str | None, str | None]:
    """A date from a metadata value (meta tag, front matter): many formats."""
    v = value.strip()
    if not v:
        return None, None
    m = _ISO_RE.match(v)
    if m and _valid(int(m[1]), int(m[2]), int(m[3])):
        t = f"{m[4]}:{m[5]}" if m[4] else None
        return f"{m[1]}-{m[2]}-{m[3]}", t
    if re.match(r"^[A-Za-z]{3},?\s+\d", v) or re.search(r"\b(GMT|UTC|[+-]\d{4})$", v):
        try:
            dt = parsedate_to_datetime(v)
        except (TypeError, ValueError, IndexError):
            dt = None
        if dt is not None and _valid(dt.year, dt.month, dt.day):
            t = None if (dt.hour, dt.minute, dt.second) == (0, 0, 0) and ":" not in v else None
            t = f"{dt.hour:02d}:{dt.minute:02d}" if ":" in v else t
            return dt.strftime("%Y-%m-%d"), t
    found = find_date(v)
    if found:
        return found[0], found[1]
    return None, None


#: A line that is only metadata: dates, times, labels and short names.
_META_LINE_HINT = re.compile(
    DATE_LABEL
    + "|"
    + SOURCE_LABEL
    + "|"
    + AUTHOR_LABEL
    + r"\s*[:：]|"
    + EDITOR_LABEL
    + r"|浏览|阅读|点击|字号|分享|评论|打印|收藏"
)


def _strip_date_noise(s: str) -> str:
    return re.sub(r"[\s|｜·•/:：\-_—()（）\[\]【】]+", " ", s).strip()


_BYLINE = re.compile(
    r"^(?:(?:By|Von|Par|Por|Di|Door|Av|Af)\s*:?"
    r"|(?:Authors?|Written by|Autor(?:in)?|Auteur|Autore)\s*:)\s+(.{3,90})$"
)
_NAME_JOINS = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bog\b|\boch\b)\s*")
_PARTICLES = frozenset("van von der den de del della da di du la le al bin ibn".split())


def byline(line: str) -> str | None:
    """The names of a line that is only a byline ("By Stella Kim and Jennifer
    Jett", "Von Anna Müller"): each name two to four capitalised words; None
    for anything else ("By then the council had met", "By Design")."""
    m = _BYLINE.match(line.strip())
    if not m:
        return None
    names = [n.strip() for n in _NAME_JOINS.split(m[1]) if n.strip()]
    for name in names:
        words = name.split()
        # a person has two names at least; "By Design", "By The Numbers" are
        # a column's kicker ("The Associated Press" is an agency)
        if not 2 <= len(words) <= 4 or (words[0] == "The" and len(words) < 3):
            return None
        for w in words:
            if not (w[0].isupper() or w.lower() in _PARTICLES) or not any(c.isalpha() for c in w):
                return None
    return ", ".join(names) if names else None


_LABEL_SEPARATOR = re.compile(r"[•·|｜]")


def _labels(s: str) -> bool:
    """Labels set apart by bullets ("• News, Press, General"): a dateline's
    categories, each a word or two, not a sentence."""
    if not _LABEL_SEPARATOR.search(s):
        return False
    pieces = [p.strip() for p in re.split(r"[•·|｜,]", s) if p.strip()]
    return all(len(p) <= 25 and len(p.split()) <= 3 for p in pieces)


def parse_meta_line(line: str, meta: Meta) -> bool:
    """If ``line`` is a date/source/author/editor line, record it and return True.

    Handles labelled lines (``发布时间: 2023-08-30 来源: 新疆发布``), bare date
    lines (``17.10.2018  06:24``) and a date followed by an outlet name
    (``2023-08-30 14:35     中国发展网``).
    """
    s = strip_tools(line.strip())
    if not s or len(s) > 120:
        return False
    credit = _credit(s)
    if credit:
        _record_credit(credit["label"], credit["value"], meta)
        return True
    found = find_date(s)
    labelled = bool(_META_LINE_HINT.search(s))
    if not found and not labelled:
        return False
    rest = s
    if found:
        rest = s[: found[2].start()] + " " + s[found[2].end() :]
    # What is left must be labels and short names, not a sentence.
    parts = _split_labelled(rest)
    leftover = " ".join(v for k, v in parts if k is None)
    leftover = re.sub(DATE_LABEL + r"\s*[:：]?", " ", leftover)
    labels = _labels(leftover)
    leftover = _strip_date_noise(leftover)
    if re.search(r"[，。！？；]", leftover) or (len(leftover) > 30 and not labels):
        return False
    if not found and not any(k for k, _ in parts):
        # labelled but neither a date nor a recognised key: e.g. "网友 分享 时间:"
        short = re.fullmatch(r"[\w\s:：|·]{0,30}", s)
        return bool(short and re.search(DATE_LABEL + r"\s*[:：]\s*$", s))
    if found:
        meta.set_if_empty(date=found[0], time=found[1])
    for key, value in parts:
        if key is not None and value:
            _record_credit(key, value, meta)
    if found and leftover and not meta.source and 2 <= len(leftover) <= 20:
        # "2023-08-30 14:35   中国发展网": a bare name beside the date is the outlet
        words = leftover.split()
        if len(words) == 1 and not re.search(r"\d", leftover):
            meta.source = leftover
    return True


_KEY_RE = re.compile(
    r"(" + EDITOR_LABEL + r"|" + SOURCE_LABEL + r"|作者|撰文|记者|通讯员)\s*[:：]\s*"
)


def _split_labelled(s: str) -> list[tuple[str | None, str]]:
    """Split ``来源: A 作者: B`` into [(label, value)…]; unlabelled text gets None."""
    out: list[tuple[str | None, str]] = []
    pos = 0
    matches = list(_KEY_RE.finditer(s))
    if not matches:
        return [(None, s)]
    if matches[0].start() > 0:
        out.append((None, s[: matches[0].start()]))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(s)
        value = s[m.end() : end].strip()
        # a value is a name: stop at wide gaps or separators
        value = re.split(r"\s{2,}|[|｜]", value)[0].strip()
        rest = s[m.end() + len(value) : end] if value else s[m.end() : end]
        out.append((m.group(1), value))
        if rest.strip():
            out.append((None, rest))
        pos = end
    del pos
    return out


def _record_credit(label: str, value: str, meta: Meta) -> None:
    value = value.strip(" \u3000:：/|")
    value = re.sub(r"\s+", " ", value)
    if not value or len(value) > 40:
        return
    if re.match(SOURCE_LABEL + "$", label):
        meta.set_if_empty(source=value)
    elif re.match(EDITOR_LABEL + "$", label):
        meta.set_if_empty(editor=value)
    else:
        meta.set_if_empty(author=value)


def is_credit_line(line: str) -> bool:
    return _credit(line.strip()) is not None


#: What a credit's value never holds: the end of a sentence or a question.
#: "记者：你通过什么渠道获取这些信息？" is an interviewer's question.
_SENTENCE_MARKS = re.compile(r"[。？！?!；;]|[，,].{12}")


#: A reporters' line without a colon: "光明日报记者 王建宏 张文攀", "本报记者 张三
#: 通讯员 李四": an outlet, the label, then names of two to four characters.
_REPORTERS_RE = re.compile(
    r"^[\s【\[（(]*[\u4e00-\u9fff]{0,8}(?P<label>记者|通讯员)\s+"
    r"(?P<value>[\u4e00-\u9fff·]{2,4}(?:\s+(?:通讯员\s+|记者\s+)?[\u4e00-\u9fff·]{2,4}){0,5})"
    r"\s*[】\]）)]*$"
)


def _credit(s: str) -> re.Match[str] | None:
    """A credit line's match ("记者：王建宏 张文攀", "来源：新华网"): names or an
    outlet after the label, not a sentence."""
    m = _CREDIT_RE.match(s) or _REPORTERS_RE.match(s)
    if m is None or _SENTENCE_MARKS.search(m["value"]):
        return None
    return m


def strip_trailing_credit(paragraph: str, meta: Meta) -> str:
    """Remove ``(文/刘翔)``-style credits glued to a paragraph's end into ``meta``."""
    m = _TRAILING_CREDIT_RE.search(paragraph)
    if not m:
        return paragraph
    _record_credit(m["label"], m["value"], meta)
    return paragraph[: m.start()].rstrip()


#: "发布时间：2023-08-30", "发表于 2005-9-15", "Posted on 2005/03/15": the date a
#: page says it was published, by label. Strong labels name publication.
_LABELLED_DATE_RE = re.compile(
    r"(?:发布时间|发表时间|发布日期|发表日期|成文日期|发文日期|发表于|发布于|更新时间|更新日期|发布|发表|时间|日期"
    r"|Posted(?:\s+on)?|Published(?:\s+on)?|Date)\s*[:：]?\s*(?=\d)",
    re.I,
)
_FORUM_DATE_RE = re.compile(r"于\s*(?=(?:19|20)\d\d\s*[-/.年])")


def labelled_date(line: str) -> tuple[str, str | None] | None:
    """A date the line labels as the publication date, or None."""
    if len(line) > 300:
        return None
    for rx in (_LABELLED_DATE_RE, _FORUM_DATE_RE):
        for m in rx.finditer(line):
            if rx is _FORUM_DATE_RE and "发表" not in line[m.end() : m.end() + 60]:
                continue
            found = find_date(line[m.end() : m.end() + 40])
            if found and found[2].start() == 0:
                return found[0], found[1]
    return None
