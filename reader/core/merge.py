"""Merging two writers' versions of one record, change by change.

Two writers (the app and the CLI, two app windows, later two machines through
a synced folder) each change the store from a version they both saw, the
*base*. A save merges the version on disk (*theirs*) into the one in memory
(*mine*) record by record, and inside a record field by field:

- a field only one side changed takes that side's value;
- tags are a set: what either side added is kept, what either side removed
  is gone, so two writers tagging one article both win;
- a field both sides changed to different values is a conflict: the side
  whose record was modified later wins (ties: the larger value, so every
  writer decides the same way), and the losing value is kept as a
  ``Conflict`` record, shown to the user, never dropped silently;
- a delete is a change with a time (a tombstone): it wins over an edit made
  before it and loses to one made after it; whichever loses is kept as a
  conflict too.

Records here are plain JSON values (``msgspec.to_builtins`` of the structs),
so the rules are the same for every kind and easy to test on their own.
The function is deterministic and symmetric up to which side is called
"mine", which is what a later merge of a synced folder's copies needs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import msgspec

from .records import ArticleState, ColorMeaning, Conflict, Kind, Tag

#: Fields merged as one unit: where a highlight sits (its article, selector
#: and anchoring status change together when it is re-anchored or re-attached).
_GROUPS: dict[Kind, tuple[tuple[str, ...], ...]] = {
    "highlights": (("article", "selector", "status"), ("color",), ("note",), ("canonical",)),
    "articles": (("read",), ("position",), ("starred",), ("note",), ("title", "length")),
    "tags": (("color",),),
    "conflicts": (),
    "colors": (("meaning",),),
    "rules": (("action", "match", "text", "site", "article"), ("enabled",)),
}
#: Fields that are sets of names.
_SETS: dict[Kind, tuple[str, ...]] = {"highlights": ("tags",), "articles": ("tags",)}
#: Fields that are maps, merged key by key (the user's corrections of an
#: article's title, date… : two writers correcting different fields keep both).
_MAPS: dict[Kind, tuple[str, ...]] = {"articles": ("meta",)}
#: Fields whose losing value is not worth a conflict: they are derived (what the
#: article looked like last) or a reading position, which the next scroll sets.
_QUIET = {("articles", "title"), ("articles", "position")}


@dataclass
class Merged:
    value: Any
    conflicts: list[Conflict] = field(default_factory=list)


def _stamp(record: Any) -> str:
    return str(record.get("modified") or record.get("created") or "") if record else ""


def _mine_wins(mine: Any, theirs: Any, m: Any, t: Any) -> bool:
    sm, st = _stamp(mine), _stamp(theirs)
    if sm != st:
        return sm > st
    return repr(m) > repr(t)  # the same choice whichever side merges


def merge_tags(base: list[str], mine: list[str], theirs: list[str]) -> list[str]:
    """Three-way merge of a tag list as a set (order: theirs, then what we added)."""
    removed = (set(base) - set(mine)) | (set(base) - set(theirs))
    out = [t for t in theirs if t not in removed]
    seen = set(out)
    out += [t for t in mine if t not in seen and t not in removed]
    return list(dict.fromkeys(out))


def _conflict(kind: Kind, key: str, name: str, kept: Any, lost: Any, lost_at: str,
              now: str, title: str) -> Conflict:  # fmt: skip
    return Conflict(
        id=str(uuid.uuid4()),
        kind=kind,
        key=key,
        field=name,
        kept=kept,
        lost=lost,
        lost_at=lost_at,
        at=now,
        title=title[:200],
    )


def _title(kind: Kind, record: Any, key: str) -> str:
    if not isinstance(record, dict):
        return key
    if kind == "highlights":
        sel = record.get("selector") or {}
        return str(sel.get("exact", ""))[:200]
    return str(record.get("title") or record.get("name") or key)


def merge_record(
    kind: Kind,
    key: str,
    base: Any,
    mine: Any,
    theirs: Any,
    *,
    mine_deleted_at: str = "",
    theirs_deleted_at: str = "",
    now: str = "",
) -> Merged:
    """The merge of one record (``None`` = absent). See the module docstring."""
    if mine == theirs or theirs == base:
        return Merged(mine)
    if mine == base:
        return Merged(theirs)
    title = _title(kind, mine if mine is not None else theirs, key)
    if kind == "paths":  # derived from the folder: the last scan is as good as any
        return Merged(mine if mine is not None else theirs)
    if mine is None or theirs is None:
        return _delete_vs_edit(
            kind, key, mine, theirs, mine_deleted_at, theirs_deleted_at, now, title
        )
    return _fields(kind, key, base if base is not None else _empty(kind, key), mine, theirs,
                   now, title)  # fmt: skip


def _empty(kind: Kind, key: str) -> dict[str, Any]:
    """The record both sides started from when neither had it: its defaults
    (two writers that each create an article's state change only what they set)."""
    if kind == "articles":
        return dict(msgspec.to_builtins(ArticleState(id=key)))
    if kind == "tags":
        return dict(msgspec.to_builtins(Tag(name=key)))
    if kind == "colors":
        return dict(msgspec.to_builtins(ColorMeaning(color=key)))
    return {}


def _delete_vs_edit(
    kind: Kind,
    key: str,
    mine: Any,
    theirs: Any,
    mine_deleted_at: str,
    theirs_deleted_at: str,
    now: str,
    title: str,
) -> Merged:
    """One side deleted the record, the other changed it: the later change wins."""
    if mine is None:
        edit, edit_at, deleted_at = theirs, _stamp(theirs), mine_deleted_at
    else:
        edit, edit_at, deleted_at = mine, _stamp(mine), theirs_deleted_at
    if kind == "conflicts":  # dismissing a conflict is final
        return Merged(None)
    if edit_at > deleted_at:
        lost = _conflict(kind, key, "deleted", edit, None, deleted_at, now, title)
        return Merged(edit, [lost])
    lost = _conflict(kind, key, "deleted", None, edit, edit_at, now, title)
    return Merged(None, [lost])


def _merge_map(
    base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any], m: Any, t: Any
) -> tuple[dict[str, Any], dict[str, Any] | None, dict[str, Any]]:
    """Three-way merge of a map, key by key: (merged, what was kept and what was
    lost where both changed one key; None for an absent key)."""
    out = dict(theirs)
    kept: dict[str, Any] = {}
    lost: dict[str, Any] = {}
    for k in sorted(base.keys() | mine.keys() | theirs.keys()):
        b, mv, tv = base.get(k), mine.get(k), theirs.get(k)
        if mv in (tv, b):
            continue  # theirs is already in ``out``
        if tv == b or _mine_wins(m, t, mv, tv):
            if mv is None:
                out.pop(k, None)
            else:
                out[k] = mv
            if tv != b:
                kept[k], lost[k] = mv, tv
        else:
            kept[k], lost[k] = tv, mv
    return out, (kept or None), lost


def _fields(kind: Kind, key: str, base: dict[str, Any], mine: dict[str, Any],
            theirs: dict[str, Any], now: str, title: str) -> Merged:  # fmt: skip
    out = dict(theirs)
    conflicts: list[Conflict] = []
    for name in _SETS.get(kind, ()):
        out[name] = merge_tags(base.get(name, []), mine.get(name, []), theirs.get(name, []))
    for name in _MAPS.get(kind, ()):
        out[name], map_kept, map_lost = _merge_map(
            base.get(name) or {}, mine.get(name) or {}, theirs.get(name) or {}, mine, theirs
        )
        if map_lost:
            at = _stamp(theirs if _mine_wins(mine, theirs, map_kept, map_lost) else mine)
            conflicts.append(_conflict(kind, key, name, map_kept, map_lost, at, now, title))
    for group in _GROUPS.get(kind, ()):
        b = [base.get(f) for f in group]
        m = [mine.get(f) for f in group]
        t = [theirs.get(f) for f in group]
        if m in (t, b):
            continue  # theirs is already in ``out``
        if t != b:  # both changed it
            mine_wins = _mine_wins(mine, theirs, m, t)
            kept, lost = (m, t) if mine_wins else (t, m)
            if (kind, group[0]) not in _QUIET:
                lost_at = _stamp(theirs if mine_wins else mine)
                value = lost[0] if len(group) == 1 else dict(zip(group, lost, strict=True))
                keep = kept[0] if len(group) == 1 else dict(zip(group, kept, strict=True))
                conflicts.append(_conflict(kind, key, group[0], keep, value, lost_at, now, title))
            if not mine_wins:
                continue
        out.update(zip(group, m, strict=True))
    stamps = [s for s in (_stamp(mine), _stamp(theirs)) if s]
    if "modified" in out and stamps:
        out["modified"] = max(stamps)
    if "created" in out:
        created = [c for c in (mine.get("created"), theirs.get("created")) if c]
        out["created"] = min(created) if created else out["created"]
    return Merged(out, conflicts)
