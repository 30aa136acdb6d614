from __future__ import annotations

import codecs

import pytest

from reader.core.decoding import declared_encoding, decode, normalize_label

ZH = "新疆维吾尔自治区对口支援工作会议在乌鲁木齐召开，各方代表出席了会议。我们的工作是为了人民。"
# Characters outside GB2312 but inside GBK/GB18030 (common in real "gb2312" pages)
GBK_ONLY = "镕堃喆"


def test_utf8_without_bom() -> None:
    d = decode(ZH.encode("utf-8"))
    assert d.text == ZH and d.encoding == "utf-8" and not d.warnings


def test_utf8_with_bom_strips_bom() -> None:
    d = decode(codecs.BOM_UTF8 + ZH.encode("utf-8"))
    assert d.text == ZH and d.how == "bom"


@pytest.mark.parametrize(
    "enc,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)]
)
def test_utf16_with_bom(enc: str, bom: bytes) -> None:
    d = decode(bom + ZH.encode(enc))
    assert d.text == ZH and d.how == "bom"


@pytest.mark.parametrize("label", ["gb2312", "GBK", "x-gbk", "gb18030"])
def test_gb_family_labels_decode_as_gb18030(label: str) -> None:
    assert normalize_label(label) == "gb18030"
    page = f'<html><head><meta charset="{label}"></head><body>{ZH}{GBK_ONLY}</body></html>'
    d = decode(page.encode("gb18030"))
    assert ZH + GBK_ONLY in d.text
    assert d.encoding == "gb18030" and not d.warnings


def test_http_equiv_declaration() -> None:
    page = f'<meta http-equiv="Content-Type" content="text/html; charset=gbk"><p>{ZH}</p>'
    raw = page.encode("gbk")
    assert declared_encoding(raw) == "gb18030"
    assert ZH in decode(raw).text


def test_undeclared_gbk_is_detected() -> None:
    d = decode(f"<p>{ZH}</p>".encode("gbk"))
    assert ZH in d.text and d.encoding == "gb18030"


def test_undeclared_big5_is_detected() -> None:
    trad = "這是一個關於新疆對口支援工作的報導，我們的記者在現場採訪了許多人。" * 3
    d = decode(trad.encode("big5"))
    assert trad in d.text and d.encoding.startswith("big5")


def test_declared_big5() -> None:
    trad = "這是一個關於新疆的報導。"
    d = decode(f'<meta charset="big5"><p>{trad}</p>'.encode("big5"))
    assert trad in d.text


def test_invalid_utf8_in_page_declared_utf8_is_replaced_with_warning() -> None:
    raw = f'<meta charset="utf-8"><p>{ZH}</p>'.encode() + b"\xff\xfe\xfa" + "结尾".encode()
    d = decode(raw)
    assert ZH in d.text and "\ufffd" in d.text
    assert d.warnings and "replaced" in d.warnings[0]


def test_gbk_page_declared_utf8_is_read_as_gbk_with_warning() -> None:
    raw = f'<meta charset="utf-8"><p>{ZH * 3}</p>'.encode("gbk")
    d = decode(raw)
    assert ZH in d.text
    assert d.encoding == "gb18030"
    assert any("does not fit" in w for w in d.warnings)


def test_garbage_never_raises() -> None:
    d = decode(bytes(range(256)) * 10)
    assert isinstance(d.text, str)
