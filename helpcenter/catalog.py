"""The article catalog: every article and question heading, per language, with its addresses.

Built once per build by the links plugin (helpcenter/plugins/links.py) from the rendered pages,
kept in memory for the plugins that need it (short links, moved-page redirects), and written out as
links.json (schema: schemas/links.schema.json), which the CLI, the checker and tests read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

FILE_NAME = "links.json"


@dataclass
class Catalog:
    site_url: str = ""
    records: dict[tuple[str, str, str], dict] = field(default_factory=dict)   # (lang, id, anchor) -> record

    def clear(self) -> None:
        self.records.clear()

    def add(self, record: dict) -> None:
        self.records[(record["lang"], record["id"], record["anchor"])] = record

    def sorted(self) -> list[dict]:
        return sorted(self.records.values(), key=lambda r: (r["lang"], r["section"], r["id"], r["anchor"]))

    def article(self, lang: str, ident: str, anchor: str = "") -> dict | None:
        return self.records.get((lang, ident, anchor))

    def by_path(self) -> dict[str, dict]:
        """Article records (no anchor) by their site-relative page URL."""
        return {r["path"]: r for r in self.records.values() if not r["anchor"]}

    def to_json(self) -> str:
        return json.dumps({"site_url": self.site_url, "records": self.sorted()}, ensure_ascii=False, indent=1)

    @classmethod
    def read(cls, site: Path) -> "Catalog":
        """The catalog of a built site (links.json)."""
        data = json.loads((site / FILE_NAME).read_text(encoding="utf-8"))
        catalog = cls(data.get("site_url", ""))
        for record in data["records"]:
            catalog.add(record)
        return catalog
