"""File ▸ Export Notes…: format, scope, filters, destination and a live preview."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations import PALETTE
from ..core.article import Article
from ..core.export import ExportError, ExportFilter, load_template, render, run_export, select
from ..core.store import Store
from .colors import color_label
from .safe_text import plain
from .tags import split_tags
from .workers import Job, Tasks, show_progress

FORMATS = [
    ("md", "Markdown (Obsidian, Logseq)", ".md"),
    ("csv", "CSV (Readwise, spreadsheets)", ".csv"),
    ("html", "HTML report (printable)", ".html"),
    ("json", "W3C Web Annotation JSON-LD", ".json"),
    ("qdpx", "REFI-QDA project (NVivo, ATLAS.ti, MAXQDA, QualCoder)", ".qdpx"),
]
PREVIEW_LINES = 40


class ExportDialog(QDialog):
    def __init__(
        self,
        store: Store,
        tasks: Tasks,
        scopes: dict[str, Callable[[], list[Article]]],
        parent: QWidget | None = None,
        highlights: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.chosen = set(highlights)  # highlights picked one by one (All Highlights, panel)
        self.scopes = dict(scopes)
        if self.chosen:
            self.scopes["chosen"] = self.scopes["all"]
        self.setWindowTitle(self.tr("Export Notes"))
        self.resize(760, 640)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self._what(form, self.scopes)
        self._which(form)
        self._where(form)
        lay.addLayout(form)

        self.summary = QLabel(self)
        lay.addWidget(self.summary)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview"))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.preview.setFont(mono)
        lay.addWidget(self.preview, 1)
        box = QDialogButtonBox(self)
        self.export_button = box.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        box.addButton(QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.start)
        box.rejected.connect(self.reject)
        lay.addWidget(box)

        self._watch()

    def _what(self, form: QFormLayout, scopes: dict[str, Callable[[], list[Article]]]) -> None:
        """The format and the scope."""
        self.format = QComboBox(self)
        for key, label, _ in FORMATS:
            self.format.addItem(label, key)
        self.format.setAccessibleName(self.tr("Export format"))
        form.addRow(self.tr("&Format:"), self.format)

        scope_box = QHBoxLayout()
        self.scope = QButtonGroup(self)
        labels = {
            "article": self.tr("This article"),
            "selected": self.tr("Selected articles"),
            "filtered": self.tr("Filtered list"),
            "all": self.tr("Everything"),
            "chosen": self.tr("{n} chosen highlights").format(n=len(self.chosen)),
        }
        for i, key in enumerate(("chosen", "article", "selected", "filtered", "all")):
            if key not in scopes:
                continue
            b = QRadioButton(labels[key], self)
            b.setProperty("scope", key)
            self.scope.addButton(b, i)
            scope_box.addWidget(b)
            if key == ("chosen" if self.chosen else "all"):
                b.setChecked(True)
        form.addRow(self.tr("Scope:"), scope_box)

    def _which(self, form: QFormLayout) -> None:
        """Which highlights: tags, colours, article dates."""
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("Only these tags (comma separated; empty: all)"))
        self.tags.setAccessibleName(self.tr("Tag filter"))
        form.addRow(self.tr("&Tags:"), self.tags)
        colors = QGridLayout()
        self.color_boxes: dict[str, QCheckBox] = {}
        meanings = self.store.doc.meanings()
        for i, name in enumerate(PALETTE):
            cb = QCheckBox(color_label(name, meanings), self)
            swatch = QPixmap(12, 12)
            swatch.fill(QColor(PALETTE[name]))
            cb.setIcon(QIcon(swatch))
            self.color_boxes[name] = cb
            colors.addWidget(cb, i // 4, i % 4)
        form.addRow(self.tr("Colours:"), colors)
        dates = QHBoxLayout()
        self.since_on = QCheckBox(self.tr("From"), self)
        self.since = QDateEdit(QDate.currentDate().addYears(-1), self)
        self.until_on = QCheckBox(self.tr("to"), self)
        self.until = QDateEdit(QDate.currentDate(), self)
        self.since.setAccessibleName(self.tr("Articles dated from"))
        self.until.setAccessibleName(self.tr("Articles dated until"))
        for w in (self.since, self.until):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        for widget in (self.since_on, self.since, self.until_on, self.until):
            dates.addWidget(widget)
        dates.addStretch(1)
        form.addRow(self.tr("Article date:"), dates)

    def _where(self, form: QFormLayout) -> None:
        """How and where to write: options, template, destination."""
        self.only_hl = QCheckBox(self.tr("Only articles with highlights"), self)
        form.addRow("", self.only_hl)
        self.per_article = QCheckBox(self.tr("One Markdown file per article (into a folder)"), self)
        form.addRow("", self.per_article)
        trow = QHBoxLayout()
        self.template = QLineEdit(self)
        self.template.setPlaceholderText(self.tr("Default template"))
        self.template.setAccessibleName(self.tr("Markdown template file"))
        tbtn = QPushButton(self.tr("Choose…"), self)
        tbtn.clicked.connect(self._pick_template)
        trow.addWidget(self.template, 1)
        trow.addWidget(tbtn)
        self.template_label = QLabel(self.tr("Te&mplate:"), self)
        self.template_label.setBuddy(self.template)
        form.addRow(self.template_label, trow)
        drow = QHBoxLayout()
        self.dest = QLineEdit(self)
        self.dest.setAccessibleName(self.tr("Destination"))
        dbtn = QPushButton(self.tr("&Browse…"), self)
        dbtn.clicked.connect(self._pick_dest)
        drow.addWidget(self.dest, 1)
        drow.addWidget(dbtn)
        dest_label = QLabel(self.tr("&Save to:"), self)
        dest_label.setBuddy(self.dest)
        form.addRow(dest_label, drow)

    def _watch(self) -> None:
        """Any change of an option refreshes the preview (after a pause)."""
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.update_preview)
        for sig in (
            self.format.currentIndexChanged,
            self.scope.buttonClicked,
            self.tags.textChanged,
            self.since_on.toggled,
            self.until_on.toggled,
            self.since.dateChanged,
            self.until.dateChanged,
            self.only_hl.toggled,
            self.template.textChanged,
            self.per_article.toggled,
        ):
            sig.connect(lambda *_: self._timer.start())
        for cb in self.color_boxes.values():
            cb.toggled.connect(lambda *_: self._timer.start())
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()
        self.update_preview()

    # -- state
    @property
    def fmt(self) -> str:
        return str(self.format.currentData())

    def scope_key(self) -> str:
        b = self.scope.checkedButton()
        return str(b.property("scope")) if b else "all"

    def filter(self) -> ExportFilter:
        def d(edit: QDateEdit) -> date:
            q = edit.date()
            return date(q.year(), q.month(), q.day())

        try:
            tags = set(split_tags(self.tags.text()))
        except ValueError:
            tags = set()
        return ExportFilter(
            tags=tags,
            colors={k for k, cb in self.color_boxes.items() if cb.isChecked()},
            since=d(self.since) if self.since_on.isChecked() else None,
            until=d(self.until) if self.until_on.isChecked() else None,
            only_with_highlights=self.only_hl.isChecked(),
        )

    def notes(self) -> list[Any]:
        articles = self.scopes[self.scope_key()]()
        flt = self.filter()
        if self.scope_key() == "chosen":
            flt.highlights = set(self.chosen)
        elif self.scope_key() != "all":
            flt.articles = {a.id for a in articles}
        with self.store.mutex:
            return select(articles, self.store.doc, flt)

    def _format_changed(self) -> None:
        md = self.fmt == "md"
        for w in (self.per_article, self.template, self.template_label):
            w.setEnabled(md)
        suffix = next(s for k, _, s in FORMATS if k == self.fmt)
        cur = self.dest.text()
        if cur and not self.per_article.isChecked():
            self.dest.setText(str(Path(cur).with_suffix(suffix)))

    def _pick_template(self) -> None:
        f, _ = QFileDialog.getOpenFileName(
            self, self.tr("Markdown template"), "", self.tr("Templates (*.md *.txt);;All files (*)")
        )
        if f:
            self.template.setText(f)

    def _pick_dest(self) -> None:
        if self.fmt == "md" and self.per_article.isChecked():
            d = QFileDialog.getExistingDirectory(self, self.tr("Export into folder"))
            if d:
                self.dest.setText(d)
            return
        suffix = next(s for k, _, s in FORMATS if k == self.fmt)
        f, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), "notes" + suffix)
        if f:
            self.dest.setText(f)

    def update_preview(self) -> None:
        try:
            notes = self.notes()
            n_hl = sum(len(n.highlights) for n in notes)
            self.summary.setText(
                self.tr("{h} highlights from {a} articles").format(h=n_hl, a=len(notes))
            )
            if self.fmt == "qdpx":
                self.preview.setPlainText(
                    self.tr(
                        "A REFI-QDA project (zip) with {a} text sources, tags as codes and {h} coded selections."  # noqa: E501
                    ).format(a=len(notes), h=n_hl)
                )
                return
            tpl = load_template(self.template.text() or None) if self.fmt == "md" else None
            with self.store.mutex:
                data = render(self.fmt, notes[:5], self.store.doc, tpl)
            text = data.decode("utf-8-sig", errors="replace")
            self.preview.setPlainText("\n".join(text.splitlines()[:PREVIEW_LINES]))
            self.export_button.setEnabled(True)
        except ExportError as exc:
            self.preview.setPlainText(str(exc))
            self.export_button.setEnabled(False)

    # -- running
    def start(self) -> None:
        dest = self.dest.text().strip()
        if not dest:
            QMessageBox.information(
                self, self.windowTitle(), self.tr("Choose where to save the export first.")
            )
            return
        out = Path(dest)
        folder = self.fmt == "md" and self.per_article.isChecked()
        force = False
        # (a folder of notes is updated in place, the user's text kept: no question)
        if out.exists() and not folder:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                plain(self.tr("{dest} already exists. Replace it?").format(dest=out)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            force = True
        try:
            notes = self.notes()
            tpl = load_template(self.template.text() or None) if self.fmt == "md" else None
        except ExportError as exc:
            QMessageBox.warning(self, self.windowTitle(), plain(str(exc)))
            return
        progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 100, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        fmt = self.fmt
        doc = self.store.doc

        def work(job: Job) -> Any:
            def step(done: int, total: int) -> bool:
                job.progress(done, total, None)
                return not job.cancelled

            with self.store.mutex:
                snapshot = doc.copy()
            return run_export(
                fmt, notes, snapshot, out, template=tpl, force=force, folder=folder, progress=step
            )

        handle = self.tasks.run(
            "export",
            work,
            on_result=lambda res: self._done(progress, res),
            on_error=lambda msg, _tb: self._failed(progress, msg),
            on_progress=lambda d, t, _p: show_progress(progress, d, t),
        )
        progress.canceled.connect(handle.cancel)

    def _done(self, progress: QProgressDialog, res: Any) -> None:
        progress.close()
        text = self.tr("Exported {h} highlights from {a} articles to {n} file(s).").format(
            h=res.highlights, a=res.articles, n=len(res.files)
        )
        sync = res.sync
        if sync is not None and (sync.updated or sync.removed or sync.kept_edited):
            text += "\n\n" + self.tr(
                "In the notes already there: {u} highlights updated, {a} added, {r} removed; "
                "{k} you had edited were left as you wrote them."
            ).format(u=sync.updated, a=sync.added, r=sync.removed, k=len(sync.kept_edited))
        if res.skipped:
            text += "\n\n" + self.tr(
                "{n} file(s) of the same name that Reader did not write were left alone."
            ).format(n=len(res.skipped))
        QMessageBox.information(self, self.windowTitle(), plain(text))
        self.accept()

    def _failed(self, progress: QProgressDialog, message: str) -> None:
        progress.close()
        QMessageBox.warning(
            self, self.windowTitle(), plain(self.tr("Export failed: {error}").format(error=message))
        )
