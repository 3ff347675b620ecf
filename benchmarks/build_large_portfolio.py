"""Builds a large portfolio fast (raw SQL) for the speed benchmarks: N evidence items, many descriptors."""

from __future__ import annotations

import hashlib
import random
from datetime import date
from pathlib import Path

from portfolio_builder.core.framework.portfolio_setup import create_portfolio
from portfolio_builder.core.scheme.framework_catalog import shipped_framework
from portfolio_builder.core.scheme.framework_model import Descriptor


def build_large_portfolio(path: Path, items: int = 5000, descriptors_per_theme: int = 10) -> Path:
    """A Family Partnership Award portfolio with every theme filled and `items` evidence items."""
    framework = shipped_framework("family-partnership-award")
    for theme in framework.themes[1:]:
        theme.descriptors = [
            Descriptor(f"{theme.code}{chr(97 + i)}", f"Sample descriptor {theme.code}{chr(97 + i)}")
            for i in range(descriptors_per_theme)
        ]
    portfolio = create_portfolio(Path(path), framework, "Benchmark School", lead=("Ann", "Lead"))
    rng = random.Random(7)
    with portfolio.raw_connection() as conn, conn:
        descriptor_ids = [r[0] for r in conn.execute("SELECT id FROM descriptor ORDER BY id")]
        for d in descriptor_ids:
            conn.execute(
                "INSERT INTO audit_rating (descriptor_id, level_key, rated_on, comment, gap, rated_by, "
                "created_at) VALUES (?, 'developing', ?, 'ok', '', 'Ann', '2026-01-01 00:00:00')",
                (d, date(2026, 1, 1).isoformat()),
            )
        rows, files = [], []
        for n in range(items):
            data = f"evidence {n}".encode()
            sha = hashlib.sha256(data).hexdigest()
            files.append((sha, len(data), data))
            kind = rng.choice(["document", "photo", "document", "link"])
            rows.append(
                (
                    n + 1,
                    kind,
                    f"Evidence item {n} {rng.choice(['minutes', 'photo', 'policy', 'survey'])}",
                    "activity",
                    rng.choice(["obtained", "not-needed", "missing"]),
                    sha,
                    len(data),
                )
            )
        conn.executemany("INSERT INTO stored_file (sha256, size, data) VALUES (?, ?, ?)", files)
        conn.executemany(
            "INSERT INTO evidence_item (id, kind, title, description, source, component, consent, "
            "consent_note, sha256, url, original_name, mime_type, size, has_location, collected_by, "
            "added_at) VALUES (?, ?, ?, '', '', ?, ?, '', ?, '', '', '', ?, 0, '', "
            "'2026-01-01 00:00:00')",
            rows,
        )
        links = []
        for index, d in enumerate(descriptor_ids):
            links.append((2 * index + 1, d, "key", 1))
            links.append((2 * index + 2, d, "key", 2))
        conn.executemany(
            "INSERT INTO descriptor_link (evidence_id, descriptor_id, role, slot, note) "
            "VALUES (?, ?, ?, ?, '')",
            links,
        )
    portfolio.close()
    return Path(path)
