"""`reader rules`, `reader rule add|delete|enable|disable`, `reader reclean` (issue 19)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import run

DATA = Path(__file__).resolve().parents[1] / "data" / "rules"
HOTLINE = "本网新闻热线：0991-5551234 投稿邮箱见网站底部"


@pytest.fixture()
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "lib"
    shutil.copytree(DATA, d)
    monkeypatch.setenv("READER_LIBRARY", str(d))
    monkeypatch.setenv("READER_STORE", str(tmp_path / "store.json"))
    return d


def _texts(capsys: pytest.CaptureFixture[str], site: Path) -> dict[str, str]:
    out = {}
    for name in ("s1", "s2", "o1"):
        _, shown, _ = run(capsys, "show", str(site / f"{name}.txt"), "--json")
        obj = json.loads(shown)
        out[name] = obj["title"] + "\n" + "\n".join(b["text"] for b in obj["blocks"])
    return out


def test_a_site_rule_from_the_command_line(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "highlight", str(site / "s2.txt"), "--quote", "惠及群众2万余人")
    assert code == 0
    code, out, _ = run(
        capsys, "rule", "add", "--source", "天山网", "--remove", HOTLINE, "--dry-run"
    )
    assert code == 0 and out == "would change 2 articles\n"
    assert all(HOTLINE in t for t in _texts(capsys, site).values())  # (a dry run)
    code, out, _ = run(capsys, "rule", "add", "--source", "天山网", "--remove", HOTLINE, "--json")
    rep = json.loads(out)
    assert code == 0 and rep["articles"] == 2 and rep["highlights"] == {"moved": 1}
    texts = _texts(capsys, site)
    assert HOTLINE not in texts["s1"] and HOTLINE not in texts["s2"] and HOTLINE in texts["o1"]
    (h,) = [json.loads(x) for x in run(capsys, "highlights", "--json")[1].splitlines()]
    assert h["status"] == "moved" and h["exact"] == "惠及群众2万余人"
    _, listing, _ = run(capsys, "rules", "--json")
    (rule,) = [json.loads(x) for x in listing.splitlines()]
    assert rule["description"] == f"remove the line “{HOTLINE}”"
    assert (rule["site"], rule["enabled"], rule["articles"]) == ("天山网", True, 2)
    # off: the line is back; on again; deleted: back for good
    code, out, _ = run(capsys, "rule", "disable", rule["id"][:8])
    assert code == 0 and "2 articles changed" in out
    assert HOTLINE in _texts(capsys, site)["s1"]
    run(capsys, "rule", "enable", rule["id"][:8])
    assert HOTLINE not in _texts(capsys, site)["s1"]
    code, _, _ = run(capsys, "rule", "delete", rule["id"])
    assert code == 0 and run(capsys, "rules", "--json")[1] == ""
    assert HOTLINE in _texts(capsys, site)["s2"]
    (h,) = [json.loads(x) for x in run(capsys, "highlights", "--json")[1].splitlines()]
    assert h["status"] != "orphaned"


def test_reclean_applies_the_rules_and_keeps_highlights(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "highlight", str(site / "s1.txt"), "--quote", "惠及群众1万余人")
    run(capsys, "rule", "add", "--article", str(site / "s1.txt"), "--remove", "援疆干部表示",
        "--match", "starts")  # fmt: skip
    code, out, _ = run(capsys, "reclean", "--source", "天山网", "--json")
    rep = json.loads(out)
    assert code == 0 and rep["articles"] == 2 and rep["highlights"].get("orphaned", 0) == 0
    texts = _texts(capsys, site)
    assert "援疆干部表示" not in texts["s1"] and "援疆干部表示" in texts["s2"]


def test_bad_rules_get_a_message(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "rule", "add", "--source", "天山网", "--restore", "x", "--match", "after"
    )
    assert code == 2 and "only a removal" in err
    code, _, err = run(capsys, "rule", "delete", "nope")
    assert code == 1 and "no rule 'nope'" in err
