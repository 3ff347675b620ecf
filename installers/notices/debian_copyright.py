"""The .deb's machine-readable (DEP-5) copyright file, made from the notices manifest of the frozen app.

    python installers/notices/debian_copyright.py dist/portfolio-builder/_internal/THIRD-PARTY-NOTICES.json OUT

Files: paragraphs name where each component lives under /opt/portfolio-builder; the standard licences
point to /usr/share/common-licenses, every other licence to its full text in THIRD-PARTY-NOTICES.txt.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

APP = "opt/portfolio-builder"
INTERNAL = f"{APP}/_internal"
# SPDX ids (as the distributions state them) -> Debian's short names; those in /usr/share/common-licenses
# are referred to there, as Debian policy asks.
SHORT_NAMES = {
    "MIT": "Expat",
    "MIT License": "Expat",
    "BSD-3-Clause": "BSD-3-clause",
    "BSD-2-Clause": "BSD-2-clause",
    "PSF-2.0": "PSF-2.0",
    "MIT-CMU": "MIT-CMU",
    "Apache-2.0": "Apache-2.0",
    "LGPL-3.0-only": "LGPL-3",
    "GPL-2.0-only": "GPL-2",
    "GPL-3.0-only": "GPL-3",
    "GPL-2.0-or-later": "GPL-2+",
}
COMMON = {
    "Apache-2.0": "Apache-2.0",
    "LGPL-3": "LGPL-3",
    "GPL-2": "GPL-2",
    "GPL-3": "GPL-3",
    "GPL-2+": "GPL-2",
}
NOTICES = f"/{APP}/THIRD-PARTY-NOTICES.txt"


def short_name(component: dict) -> str:
    """Debian's name for the component's licence; LicenseRef-<component> when it is not a plain SPDX expression."""
    licence = component["licence"].split(" (used here under")[0].strip()
    if licence == "GPL-2.0-or-later WITH Bootloader-exception":
        return "GPL-2+ with Bootloader exception"
    parts = re.split(r"\s+OR\s+", licence)
    if all(part in SHORT_NAMES for part in parts):
        return " or ".join(SHORT_NAMES[part] for part in parts)
    return "LicenseRef-" + re.sub(r"[^A-Za-z0-9.+-]+", "-", component["name"]).strip("-")


def _patterns(components: list[dict]) -> tuple[dict, dict]:
    """Files patterns per component key, and the component owning most top-level files (the default)."""
    owners: dict[str, Counter] = {}
    for component in components:
        for path in component["files"]:
            top = path.split("/")[0]
            owners.setdefault(top, Counter())[component["key"]] += 1
    default = Counter(k for top, c in owners.items() if "/" not in top for k in c).most_common(1)[
        0
    ][0]
    patterns: dict[str, list[str]] = {}
    for component in components:
        for path in component["files"]:
            top = path.split("/")[0]
            owner, _count = owners[top].most_common(1)[0]
            is_dir = path != top
            if is_dir and owner == component["key"]:
                pattern = f"{INTERNAL}/{top}/*"
            else:
                pattern = f"{INTERNAL}/{path}"
            if component["key"] != default or is_dir and owner != default:
                patterns.setdefault(component["key"], [])
                if pattern not in patterns[component["key"]]:
                    patterns[component["key"]].append(pattern)
    return patterns, default


def _field(name: str, lines: list[str]) -> str:
    return f"{name}: {lines[0]}\n" + "".join(f" {line}\n" for line in lines[1:])


def render(components: list[dict], version: str) -> str:
    """DEP-5 text: the app (Files: *), the default owner of _internal, then each component, then the licences."""
    patterns, default = _patterns(components)
    by_key = {c["key"]: c for c in components}
    out = [
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: Portfolio Builder\n"
        f"Comment: Portfolio Builder {version} is under the MIT (Expat) licence. The program folder\n"
        f" /{INTERNAL} also holds the third-party components below, each under its own licence;\n"
        f" {NOTICES} gives each one's version, source and full licence text.\n"
    ]

    def paragraph(files: list[str], component: dict) -> None:
        copyright_lines = component.get("copyright") or [f"the {component['name']} authors"]
        out.append(
            "\n"
            + _field("Files", files)
            + _field("Copyright", copyright_lines)
            + f"License: {short_name(component)}\n"
            + f"Comment: {component['name']} {component['version']} ({component['kind']})\n"
        )

    project = by_key["project"]
    paragraph(["*"], project)
    paragraph([f"{INTERNAL}/*"], by_key[default])
    if (
        "project" in patterns
    ):  # folder patterns first: a later paragraph's single files (the fonts) override them
        paragraph(patterns["project"], project)
    for key, files in patterns.items():
        if key != "project":
            paragraph(files, by_key[key])
    for name in sorted({short_name(c) for c in components}):
        for single in name.split(" or "):
            base = single.split(" with ")[0]
            text = (
                f" On Debian systems, the full text of this licence is in /usr/share/common-licenses/{COMMON[base]}."
                if base in COMMON
                else f" The full text is in {NOTICES}, in the entry of each component with this licence."
            )
            if base == "Expat":
                text = f" The full text is in /{APP}/LICENSE.txt and in {NOTICES}."
            if single != base:
                text += f"\n .\n The exception is quoted in full in {NOTICES}."
            block = f"\nLicense: {single}\n{text}\n"
            if block not in out:
                out.append(block)
    return "".join(out)


def main() -> int:
    """Command line: MANIFEST.json OUT writes the copyright file."""
    manifest, out = Path(sys.argv[1]), Path(sys.argv[2])
    components = json.loads(manifest.read_text(encoding="utf-8"))
    project = next(c for c in components if c["key"] == "project")
    out.write_text(render(components, project["version"]), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
