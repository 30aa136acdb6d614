"""Bytes to text.

Saved Chinese pages come in every encoding the web ever used, often mislabelled:
pages declared ``gb2312`` routinely contain GBK/GB18030-only characters, and
pages without any declaration are common. The order of trust is: a BOM, then a
declaration (``<meta charset>``, ``http-equiv``, an XML prolog or a front-matter
``encoding:`` key), then strict UTF-8, then statistical detection. Whatever is
chosen, decoding never raises: undecodable bytes become U+FFFD and a warning
says so.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

#: Labels that are subsets of GB18030; decoding them strictly as declared breaks
#: on real pages, so they are all read as GB18030 (a superset).
_GB_FAMILY = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "cp936", "ms936", "euc-cn"}
_BIG5_FAMILY = {"big5", "big5-hkscs", "cp950", "x-x-big5"}

_DECL_RE = re.compile(
    rb"""(?:<meta[^>]{0,200}?charset\s*=\s*["']?\s*|<\?xml[^>]{0,100}?encoding\s*=\s*["']|<[a-z][^>]{0,400}?\sencoding\s*=\s*["']|^encoding:\s*)([A-Za-z0-9_.:-]{2,40})""",
    re.IGNORECASE | re.MULTILINE,
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how it was obtained."""

    text: str
    encoding: str
    how: str  # "bom" | "declared" | "utf-8" | "detected" | "fallback"
    warnings: tuple[str, ...] = field(default=())


def normalize_label(label: str) -> str | None:
    """Map a declared charset label to a Python codec name, or None if unknown."""
    lab = label.strip().strip("\"'").lower()
    if lab in _GB_FAMILY or lab == "gb18030":
        return "gb18030"
    if lab in _BIG5_FAMILY:
        return "big5hkscs"
    try:
        return codecs.lookup(lab).name
    except LookupError:
        return None


def declared_encoding(data: bytes) -> str | None:
    """The charset a page declares about itself in its first few KB, if any."""
    m = _DECL_RE.search(data[:8192])
    if not m:
        return None
    return normalize_label(m.group(1).decode("ascii", "replace"))


def _count_replacements(text: str) -> int:
    return text.count("\ufffd")


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` to text; never raises.

    ``declared`` overrides what the bytes themselves declare (used for a
    front-matter ``encoding`` key or a caller that knows better).
    """
    for bom, bom_enc in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(bom_enc, errors="replace")
            return _finish(text, bom_enc, "bom", data_had_errors=_count_replacements(text) > 0)

    enc = normalize_label(declared) if declared else declared_encoding(data)
    if enc:
        try:
            return Decoded(data.decode(enc), enc, "declared")
        except UnicodeDecodeError:
            # A declaration that lies (a GBK page labelled UTF-8 is common):
            # trust the bytes rather than the label, if something fits cleanly.
            pass

    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass

    # GB18030 and Big5 decode most byte soup without error, so a clean decode
    # proves little; what proves it is that the result reads as Chinese (the
    # most common characters make up much of it). Statistical detectors mistake
    # short Chinese pages for Cyrillic code pages, so ask them only after this.
    chinese = _best_chinese(data)
    if chinese is not None:
        cand, text = chinese
        warn: tuple[str, ...] = ()
        if enc and cand != enc:
            warn = (f"declared encoding {enc} does not fit the bytes; read as {cand}",)
        return Decoded(text, cand, "detected", warn)
    if enc:
        # A page that declares its encoding and mostly fits it: a few bad bytes
        # (a truncated save, a pasted fragment) are replaced, not a reason to guess.
        text = data.decode(enc, errors="replace")
        bad = _count_replacements(text)
        if bad <= max(2, len(text) // 200):
            return Decoded(
                text,
                enc,
                "declared",
                (f"{bad} undecodable byte sequence(s) replaced with U+FFFD (read as {enc})",),
            )
    return _detect(data, enc)


def _detect(data: bytes, enc: str | None) -> Decoded:
    """The last resort: a statistical detector's guess, then GB18030 and Big5."""
    import charset_normalizer  # 25 ms at start, needed for few files

    best = charset_normalizer.from_bytes(data[:200_000]).best()
    candidates: list[str] = []
    if best is not None and best.encoding:
        detected = normalize_label(best.encoding)
        if detected:
            candidates.append(detected)
    for c in ("gb18030", "big5hkscs"):
        if c not in candidates:
            candidates.append(c)
    if enc and enc not in candidates:
        candidates.insert(0, enc)
    for cand in candidates:
        try:
            text = data.decode(cand)
        except (UnicodeDecodeError, LookupError):
            continue
        warn: tuple[str, ...] = ()
        if enc and cand != enc:
            warn = (f"declared encoding {enc} does not fit the bytes; read as {cand}",)
        return Decoded(text, cand, "detected", warn)

    # Nothing fits cleanly: pick the decoding with the fewest replacements.
    scored = []
    for cand in dict.fromkeys(([enc] if enc else []) + ["utf-8", "gb18030", *candidates]):
        text = data.decode(cand, errors="replace")
        scored.append((_count_replacements(text), cand, text))
    scored.sort(key=lambda t: t[0])
    bad, cand, text = scored[0]
    return Decoded(
        text,
        cand,
        "fallback",
        (f"{bad} undecodable byte sequence(s) replaced with U+FFFD (read as {cand})",),
    )


def _finish(text: str, enc: str, how: str, *, data_had_errors: bool) -> Decoded:
    if data_had_errors:
        n = _count_replacements(text)
        return Decoded(text, enc, how, (f"{n} undecodable byte sequence(s) replaced with U+FFFD",))
    return Decoded(text, enc, how)


# The 100 most frequent characters of modern Chinese, in both scripts' forms.
_COMMON_HAN = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "這個們來為國過發後裡會說時對經麼學現當動樣實還進從開"
)


def _best_chinese(data: bytes) -> tuple[str, str] | None:
    best: tuple[float, str, str] | None = None
    for cand in ("gb18030", "big5hkscs"):
        try:
            text = data.decode(cand)
        except UnicodeDecodeError:
            continue
        han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
        if len(han) < 10:
            continue
        score = sum(1 for ch in han if ch in _COMMON_HAN) / len(han)
        if best is None or score > best[0]:
            best = (score, cand, text)
    if best is not None and best[0] >= 0.12:
        return best[1], best[2]
    return None
