#!/usr/bin/env python3
"""Check an annotation export against the public validation material in shared/schemas/.

usage:
  validate_export.py w3c  FILE.json  [-v] [--schemas DIR]
  validate_export.py qdpx FILE.qdpx  [-v] [--schemas DIR]

w3c   FILE holds one W3C Web Annotation, a JSON list of them, an AnnotationPage (items) or an
      AnnotationCollection whose `first` is an embedded AnnotationPage. Every annotation is run
      through the MUST test of the web-platform-tests annotation-model suite
      (tests/annotations/annotationMusts.test); a collection also goes through collectionMusts.test
      and a page (or a collection with an embedded page) through pageMusts.test. The assertion
      schemas are JSON Schema draft-04 whose $refs point into definitions/*.json; they are resolved
      offline. Flow control follows the wpt JSONtest harness: assertionType (must/should/may),
      expectedResult (valid/invalid), onUnexpectedResult (...AndContinue/Skip/Abort), errorMessage,
      nested assertion lists, and condition objects (`assertions` + `compareWith` and/or).
qdpx  FILE is a REFI-QDA project exchange archive: project.qde is validated against
      refi-qda/Project-mrt2019.xsd and every internal:// file it names must be in the archive's
      Sources/ folder. A few reference checks the XSD cannot express are added (see README).

Exit status: 0 no MUST failure, 1 at least one failure, 2 usage / setup problem.
Needs: jsonschema >= 4.18 (w3c), xmlschema (qdpx); each is imported only when its mode runs.
"""

import argparse
import io
import json
import re
import sys
import zipfile
from pathlib import Path

DEFAULT_SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
ANNOTATION_TEST = "annotations/annotationMusts.test"
COLLECTION_TEST = "collections/collectionMusts.test"
PAGE_TEST = "collections/pages/pageMusts.test"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
QDA_NS = "{urn:QDA-XML:project:1.0}"


class SetupError(Exception):
    """The validation material or the environment is broken (exit 2), not the export."""


def plain(markdown):
    """Assertion titles are markdown; make them readable on a terminal."""
    s = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r"\1 <\2>", str(markdown))
    s = s.replace("**", "")
    s = re.sub(r"(?<!\w)_([^_]+?)_(?!\w)", r"\1", s)
    return " ".join(s.split())


# --------------------------------------------------------------------------- W3C Web Annotation


class Assertion:
    def __init__(self, schema, source):
        self.schema, self.source = schema, source
        self.kind = str(schema.get("assertionType", "must")).lower()
        if self.kind not in ("must", "should", "may"):
            self.kind = "must"
        self.expected = schema.get("expectedResult", "valid")
        self.title = plain(schema.get("title", source))
        self.message = schema.get("errorMessage")
        self.on_unexpected = schema.get("onUnexpectedResult", "failAndContinue")
        self.validator = None


class Condition(Assertion):
    """An assertion object with its own `assertions` list: passes when its children pass (and/or)."""

    def __init__(self, schema, source, children):
        super().__init__(schema, source)
        self.children = children
        self.compare = str(schema.get("compareWith", "and")).lower()


ACTIONS = {
    "failAndContinue": "continue",
    "failAndSkip": "skip",
    "failAndAbort": "abort",
    "passAndContinue": "continue",
    "passAndSkip": "skip",
    "passAndAbort": "abort",
}


class Suite:
    """The copied wpt material: definitions/ (registry) and tests/ (.test files + assertion .json)."""

    def __init__(self, root):
        try:
            import jsonschema
            from jsonschema import Draft4Validator, FormatChecker, validators
            from referencing import Registry
            from referencing.exceptions import Unresolvable
            from referencing.jsonschema import DRAFT4
        except ImportError as exc:
            raise SetupError(f"w3c mode needs jsonschema >= 4.18 (pip install jsonschema): {exc}")
        self.root = Path(root)
        self.tests_dir = self.root / "tests"
        self._best_match, self._unresolvable = jsonschema.exceptions.best_match, Unresolvable
        def_files = sorted((self.root / "definitions").glob("*.json"))
        if not def_files or not self.tests_dir.is_dir():
            raise SetupError(f"no web-annotation definitions/ or tests/ under {self.root}")
        resources = []
        for path in def_files:
            contents = json.loads(path.read_text(encoding="utf-8"))
            resource = DRAFT4.create_resource(contents)
            # the harness preloads every definitions file and refers to it by its `id` ("id.json")
            for uri in {contents.get("id") or path.name, path.name}:
                resources.append((uri, resource))
        self.registry = Registry().with_resources(resources)

        # The harness runs ajv 4 in its default "fast" format mode and on JavaScript numbers;
        # mirror both: only `uri` and `date-time` are checked, and 3.0 counts as an integer.
        checker = FormatChecker(formats=())
        uri_re = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.,-]*)?[:/]/?\S*$")
        dt_re = re.compile(
            r"^\d{4}-[01]\d-[0-3]\d[Tt\s][0-2]\d:[0-5]\d:[0-5]\d(?:\.\d+)?(?:[Zz]|[+-]\d\d:\d\d)$"
        )
        checker.checks("uri")(lambda v: not isinstance(v, str) or bool(uri_re.match(v)))
        checker.checks("date-time")(lambda v: not isinstance(v, str) or bool(dt_re.match(v)))
        self.format_checker = checker

        def is_integer(_checker, value):
            if isinstance(value, bool):
                return False
            return isinstance(value, int) or (isinstance(value, float) and value.is_integer())

        types = Draft4Validator.TYPE_CHECKER.redefine("integer", is_integer)
        self.validator_class = validators.extend(Draft4Validator, type_checker=types)
        self.tests = {}

    # -- loading, as JSONtest.js does --------------------------------------------------------
    def load_test(self, rel):
        if rel not in self.tests:
            path = self.tests_dir / rel
            try:
                test = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise SetupError(f"cannot read test {path}: {exc}")
            entries = self._expand(test.get("assertions"), Path(rel).parent, rel)
            skip = [str(k).lower() for k in test.get("skipFailures", [])]
            self.tests[rel] = (Path(rel).name, entries, skip)
        return self.tests[rel]

    def _load_file(self, ref, test_dir):
        if ref.startswith(("/", "http:", "https:")):
            raise SetupError(f"assertion {ref!r} is not a local relative reference")
        rel = ref if "/" in ref else str(test_dir / ref)  # with a slash: from the suite root
        path = self.tests_dir / rel
        try:
            return json.loads(path.read_text(encoding="utf-8")), rel
        except (OSError, ValueError) as exc:
            raise SetupError(f"cannot read assertion {path}: {exc}")

    def _expand(self, entries, test_dir, where):
        if not isinstance(entries, list) or not entries:
            raise SetupError(f"{where}: `assertions` must be a non-empty list")
        out = []
        for entry in entries:
            if isinstance(entry, list):
                out.append(self._expand(entry, test_dir, where))
            elif isinstance(entry, str):
                schema, rel = self._load_file(entry, test_dir)
                out.append(self._compile(Assertion(schema, rel)))
            elif isinstance(entry, dict) and isinstance(entry.get("assertions"), list):
                children = self._expand(entry["assertions"], test_dir, where)
                out.append(Condition(entry, entry.get("title", "condition"), children))
            elif isinstance(entry, dict) and "assertionFile" in entry:
                schema, rel = self._load_file(entry["assertionFile"], test_dir)
                schema.update({k: v for k, v in entry.items() if k != "assertionFile"})
                out.append(self._compile(Assertion(schema, rel)))
            elif isinstance(entry, dict):
                out.append(self._compile(Assertion(entry, f"{Path(where).name} (inline)")))
            else:
                raise SetupError(f"{where}: unsupported assertion entry {entry!r}")
        return out

    def _compile(self, assertion):
        assertion.validator = self.validator_class(
            assertion.schema, registry=self.registry, format_checker=self.format_checker
        )
        return assertion

    # -- running, as JSONtest.runTests does ----------------------------------------------------
    def run(self, rel, instance):
        """Return the unexpected results for `instance`: list of (assertion, detail)."""
        name, entries, skip_failures = self.load_test(rel)
        failures = []
        self._run_list(entries, instance, failures, record=True)
        return name, [(a, d) for a, d in failures if a.kind not in skip_failures]

    def _evaluate(self, assertion, instance):
        try:
            errors = list(assertion.validator.iter_errors(instance))
        except self._unresolvable as exc:
            raise SetupError(f"{assertion.source}: unresolvable $ref {exc}")
        valid = not errors
        ok = (assertion.expected == "valid" and valid) or (
            assertion.expected == "invalid" and not valid
        )
        detail = ""
        if not ok:
            if errors:
                best = self._best_match(errors)
                where = "/".join(str(p) for p in best.absolute_path) or "(top level)"
                detail = f"at {where}: {best.message}"
            else:
                detail = "the instance matched a schema it was expected not to match"
        return ok, detail

    def _run_list(self, entries, instance, failures, record):
        """One assertion list. Returns ('continue'|'abort', [results of the entries that ran])."""
        action, results = "continue", []
        for entry in entries:
            if action != "continue":  # 'skip' ends this list, 'abort' ends the whole test
                break
            if isinstance(entry, list):
                if self._run_list(entry, instance, failures, record)[0] == "abort":
                    action = "abort"
                continue
            if isinstance(entry, Condition):
                sub_action, sub_results = self._run_list(entry.children, instance, [], record=False)
                ok = any(sub_results) if entry.compare == "or" else all(sub_results)
                detail = (
                    ""
                    if ok
                    else f"{entry.compare!r} of {len(sub_results)} sub-assertions was false"
                )
                if sub_action == "abort":
                    action = "abort"
            else:
                ok, detail = self._evaluate(entry, instance)
            results.append(ok)
            if not ok:
                if record:
                    failures.append((entry, detail))
                action = (
                    "abort" if action == "abort" else ACTIONS.get(entry.on_unexpected, "continue")
                )
        return action, results


def _types(obj):
    t = obj.get("type", obj.get("@type"))
    return (
        {t}
        if isinstance(t, str)
        else {x for x in t if isinstance(x, str)}
        if isinstance(t, list)
        else set()
    )


def _label(obj, fallback):
    ident = obj.get("id", obj.get("@id")) if isinstance(obj, dict) else None
    return ident if isinstance(ident, str) and ident else fallback


def _with_context(obj, context):
    """JSON-LD: an object embedded in a page/collection inherits the enclosing @context."""
    if context is None or not isinstance(obj, dict) or "@context" in obj:
        return obj, False
    return {"@context": context, **obj}, True


def check_w3c(path, schemas, verbose):
    suite = Suite(Path(schemas) / "web-annotation")
    counts = {"must": 0, "should": 0, "may": 0}
    notes = []

    def report(label, test_name, failures):
        for assertion, detail in failures:
            counts[assertion.kind] += 1
            tag = {"must": "FAIL", "should": "WARN", "may": "INFO"}[assertion.kind]
            print(f"{tag} [{assertion.kind}] {label} ({test_name}: {assertion.source})")
            print(f"     {assertion.message or 'Result was not ' + str(assertion.expected)}")
            print(f"     assertion: {assertion.title}")
            if detail and (verbose or not assertion.message):
                print(f"     detail: {detail}")

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise SetupError(f"cannot read {path}: {exc}")
    except ValueError as exc:
        print(f"FAIL [must] {path}: not valid JSON: {exc}")
        print("w3c: 0 annotations, 1 failures")
        return 1

    annotations, n_collections, n_pages = [], 0, 0
    if isinstance(data, list):
        annotations = [(a, _label(a, f"item[{i}]")) for i, a in enumerate(data)]
    elif isinstance(data, dict) and _types(data) & {"AnnotationCollection", "AnnotationPage"}:
        context = data.get("@context")
        page = None
        if "AnnotationCollection" in _types(data):
            n_collections += 1
            report(_label(data, "collection"), *suite.run(COLLECTION_TEST, data))
            first = data.get("first")
            if isinstance(first, dict):
                # the wpt page test accepts "an Annotation Collection with an embedded Page"
                n_pages += 1
                report(_label(first, "first page"), *suite.run(PAGE_TEST, data))
                page = first
            else:
                notes.append(
                    "the collection's first page is not embedded; its annotations were not checked"
                )
        else:
            n_pages += 1
            report(_label(data, "page"), *suite.run(PAGE_TEST, data))
            page = data
        inherited = references = 0
        while isinstance(page, dict):
            items = page.get("items")
            for i, item in enumerate(items if isinstance(items, list) else []):
                if isinstance(item, dict):
                    item, added = _with_context(item, context)
                    inherited += added
                    annotations.append((item, _label(item, f"{_label(page, 'page')} items[{i}]")))
                else:
                    references += 1
            nxt = page.get("next")
            if isinstance(nxt, dict):  # further embedded pages (unusual) are checked too
                nxt, _ = _with_context(nxt, context)
                n_pages += 1
                report(_label(nxt, "next page"), *suite.run(PAGE_TEST, nxt))
            page = nxt
        if references:
            notes.append(
                f"{references} page items are references (IRIs), not embedded objects; not checked"
            )
        if inherited:
            notes.append(
                f"{inherited} embedded annotations had no @context of their own and were checked "
                f"with the enclosing document's @context"
            )
    elif isinstance(data, dict):
        annotations = [(data, _label(data, "annotation"))]
    else:
        print(f"FAIL [must] {path}: top level is neither an object nor a list")
        print("w3c: 0 annotations, 1 failures")
        return 1

    for obj, label in annotations:
        report(label, *suite.run(ANNOTATION_TEST, obj))

    for note in notes:
        print(f"note: {note}")
    parts = [f"{len(annotations)} annotations"]
    if n_collections:
        parts.append(f"{n_collections} collection")
    if n_pages:
        parts.append(f"{n_pages} page" + ("s" if n_pages > 1 else ""))
    parts.append(f"{counts['must']} failures")
    if counts["should"]:
        parts.append(f"{counts['should']} warnings")
    print("w3c: " + ", ".join(parts))
    return 1 if counts["must"] else 0


# --------------------------------------------------------------------------- REFI-QDA (.qdpx)


def _guid(value):
    return (value or "").strip().strip("{}").lower()


def check_qdpx(path, schemas, verbose):
    try:
        import xmlschema
    except ImportError as exc:
        raise SetupError(f"qdpx mode needs xmlschema (pip install xmlschema): {exc}")
    xsd = Path(schemas) / "refi-qda" / "Project-mrt2019.xsd"
    if not xsd.is_file():
        raise SetupError(f"missing {xsd}")
    if not Path(path).is_file():
        raise SetupError(f"cannot read {path}")
    failures, warnings = [], []

    def done(stats=""):
        for msg in failures:
            print(f"FAIL {msg}")
        for msg in warnings:
            print(f"WARN {msg}")
        print(
            f"qdpx: {stats}{len(failures)} failures"
            + (f", {len(warnings)} warnings" if warnings else "")
        )
        return 1 if failures else 0

    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        failures.append(f"{path}: not a zip archive ({exc})")
        return done()
    with archive:
        names = set(archive.namelist())
        if "project.qde" not in names:
            top = sorted({n.split("/")[0] for n in names})
            failures.append(
                f"no project.qde at the root of the archive (root entries: {', '.join(top) or 'none'})"
            )
            return done()
        data = archive.read("project.qde")

        schema = xmlschema.XMLSchema(str(xsd))
        try:
            resource = xmlschema.XMLResource(io.BytesIO(data), allow="none", defuse="always")
        except Exception as exc:  # not well-formed, or a DTD/entity, which is refused
            failures.append(
                f"project.qde: cannot be parsed (not well-formed, or uses refused DTD entities): {exc}"
            )
            return done()
        for err in schema.iter_errors(resource):
            line = f" line {err.sourceline}" if getattr(err, "sourceline", None) else ""
            failures.append(f"project.qde{line} {err.path or ''}: XSD: {err.reason or err.message}")

        root = resource.root
        tag = lambda el: el.tag.replace(QDA_NS, "")
        elems = list(root.iter())
        code_guids = {_guid(e.get("guid")) for e in elems if tag(e) == "Code"}
        sources = [
            e
            for e in elems
            if tag(e) in ("TextSource", "PictureSource", "PDFSource", "AudioSource", "VideoSource")
        ]
        used, referenced, external = set(), 0, 0
        for el in elems:
            for attr in ("plainTextPath", "richTextPath", "path", "currentPath"):
                value = el.get(attr)
                if not value:
                    continue
                if value.startswith("internal://"):
                    referenced += 1
                    name = value[len("internal://") :]
                    member = next(
                        (p + name for p in ("Sources/", "sources/") if p + name in names), None
                    )
                    if member:
                        used.add(member)
                    else:
                        failures.append(
                            f"{tag(el)} {el.get('name') or el.get('guid')!r}: {attr}={value!r} "
                            f"but Sources/{name} is not in the archive"
                        )
                else:
                    external += 1
        # checks the XSD cannot express
        for el in elems:
            if tag(el) == "CodeRef" and _guid(el.get("targetGUID")) not in code_guids:
                failures.append(
                    f"CodeRef targetGUID={el.get('targetGUID')!r} names no Code in the CodeBook"
                )
        for el in sources:
            if tag(el) != "TextSource":
                continue
            label = el.get("name") or el.get("guid")
            content = el.find(QDA_NS + "PlainTextContent")
            text = None
            if content is not None and el.get("plainTextPath"):
                warnings.append(
                    f"TextSource {label!r}: has both PlainTextContent and plainTextPath "
                    f"(the XSD says one, not both)"
                )
            elif content is None and not el.get("plainTextPath"):
                warnings.append(
                    f"TextSource {label!r}: has neither PlainTextContent nor plainTextPath"
                )
            if content is not None:
                text = content.text or ""
            elif (el.get("plainTextPath") or "").startswith("internal://"):
                name = el.get("plainTextPath")[len("internal://") :]
                member = next(
                    (p + name for p in ("Sources/", "sources/") if p + name in names), None
                )
                if member:
                    text = archive.read(member).decode("utf-8-sig", errors="replace")
            for sel in el.findall(QDA_NS + "PlainTextSelection"):
                try:
                    start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
                except (TypeError, ValueError):
                    continue  # already reported by the XSD
                where = f"PlainTextSelection {sel.get('guid')!r} in {label!r}"
                if start < 0 or end < start:
                    failures.append(
                        f"{where}: startPosition={start} endPosition={end} is not a range"
                    )
                elif text is not None and end > len(text):
                    warnings.append(
                        f"{where}: endPosition={end} is past the end of the text "
                        f"({len(text)} characters)"
                    )
        unused = sorted(
            n
            for n in names
            if n.lower().startswith("sources/") and not n.endswith("/") and n not in used
        )
        if unused and verbose:
            print(
                f"note: {len(unused)} files under Sources/ are not referenced: {', '.join(unused[:10])}"
            )
        if external and verbose:
            print(
                f"note: {external} relative:// or absolute:// paths point outside the archive; not checked"
            )
        n_sel = sum(1 for e in elems if tag(e).endswith("Selection"))
        n_coding = sum(1 for e in elems if tag(e) == "Coding")
        return done(
            f"{len(sources)} sources, {len(code_guids)} codes, {n_sel} selections, "
            f"{n_coding} codings, {referenced} internal files referenced, "
        )


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mode", choices=("w3c", "qdpx"))
    parser.add_argument("file")
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also print the JSON Schema detail of each failure / extra notes",
    )
    parser.add_argument(
        "--schemas",
        default=str(DEFAULT_SCHEMAS),
        help="the shared/schemas folder (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    try:
        if args.mode == "w3c":
            return check_w3c(args.file, args.schemas, args.verbose)
        return check_qdpx(args.file, args.schemas, args.verbose)
    except SetupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
