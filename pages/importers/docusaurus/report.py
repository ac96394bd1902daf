"""The import report: what was created, updated, left alone, refused or failed, and why."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field


@dataclass
class Entry:
    code: str  # stable, machine-readable (e.g. "image_missing")
    file: str  # path relative to the site root
    line: int
    message: str
    level: str = "warning"  # "info" | "warning" | "error"

    @property
    def where(self):
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass
class PageOutcome:
    source: str
    title: str = ""
    page_type: str = ""
    page_id: int | None = None
    url: str = ""
    reason: str = ""


@dataclass
class Report:
    dry_run: bool = False
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    images: dict = field(default_factory=lambda: {"created": 0, "reused": 0, "missing": 0})
    documents: dict = field(default_factory=lambda: {"created": 0, "reused": 0, "missing": 0})
    redirects: dict = field(default_factory=lambda: {"created": 0, "updated": 0, "unchanged": 0})
    entries: list = field(default_factory=list)

    def add(self, code, file, line, message, level="warning"):
        self.entries.append(Entry(code, file, line, message, level))

    @property
    def ok(self):
        return not self.failed

    def counts(self):
        return {
            "created": len(self.created), "updated": len(self.updated), "unchanged": len(self.unchanged),
            "conflicts": len(self.conflicts), "failed": len(self.failed),
        }

    def by_code(self):
        return dict(sorted(Counter(e.code for e in self.entries).items()))

    def as_dict(self):
        return {
            "dry_run": self.dry_run,
            "summary": {
                "pages": self.counts(), "images": self.images, "documents": self.documents,
                "redirects": self.redirects,
                "warnings": sum(1 for e in self.entries if e.level != "info"),
                "infos": sum(1 for e in self.entries if e.level == "info"),
                "by_code": self.by_code(),
            },
            "pages": {name: [asdict(o) for o in getattr(self, name)]
                      for name in ("created", "updated", "unchanged", "conflicts", "failed")},
            "entries": [dict(asdict(e), where=e.where) for e in self.entries],
        }

    def to_json(self):
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)

    def summary_lines(self):
        from django.utils.translation import gettext as _

        c = self.counts()
        warnings = sum(1 for e in self.entries if e.level != "info")
        lines = [
            _("Pages : %(created)s créées, %(updated)s mises à jour, %(unchanged)s inchangées, "
              "%(conflicts)s en conflit, %(failed)s en échec.") % c,
            _("Images : %(created)s créées, %(reused)s réutilisées, %(missing)s manquantes.") % self.images,
            _("Documents : %(created)s créés, %(reused)s réutilisés, %(missing)s manquants.") % self.documents,
            _("Redirections : %(created)s créées, %(updated)s mises à jour, %(unchanged)s inchangées.") % self.redirects,
            _("Avertissements : %(warnings)s (+ %(infos)s informations).") % {
                "warnings": warnings, "infos": len(self.entries) - warnings},
        ]
        for code, count in self.by_code().items():
            lines.append(f"  {code}: {count}")
        return lines
