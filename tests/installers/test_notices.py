"""Every Python distribution the app can ship gets a licence entry with its full text in the third-party notices."""

import importlib.metadata as metadata
import re
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installers" / "notices"))
import generate_notices  # noqa: E402


def _runtime_closure() -> list[metadata.Distribution]:
    """portfolio-builder's runtime dependencies, recursively (no extras): every distribution the spec can collect."""
    seen, todo = {}, ["portfolio-builder"]
    while todo:
        dist = metadata.distribution(todo.pop())
        key = re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower()
        if key in seen:
            continue
        seen[key] = dist
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return [d for k, d in seen.items() if k != "portfolio-builder"]


def _one_shipped_file(dist: metadata.Distribution) -> tuple[str, str, str]:
    entry = next(
        f for f in dist.files if not str(f).startswith("..") and ".dist-info" not in str(f)
    )
    return str(entry), str(dist.locate_file(entry)), "DATA"


def test_every_runtime_dependency_gets_a_licence_entry_with_its_text():
    """A distribution added to pyproject.toml without a findable licence fails here, before anyone freezes."""
    closure = _runtime_closure()
    assert {"pyside6-essentials", "pillow", "pi-heif", "sqlalchemy", "reportlab"} <= {
        re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower() for d in closure
    }
    components = generate_notices.build_components([_one_shipped_file(d) for d in closure])
    text = generate_notices.render(components, "0.0.0")
    for dist in closure:
        name = dist.metadata["Name"]
        heading = rf"^\d+\. {re.escape(name)} {re.escape(dist.version)}\n=+\nLicence: ([^\n]+)\n"
        entry = re.search(heading + r"(.*?)(?=\n\n\n={72}\n|\Z)", text, re.M | re.S)
        assert entry, f"{name} {dist.version} has no entry in the notices"
        in_appendix = re.findall(r"----- (.+?): full text in the appendix -----", entry.group(2))
        assert len(entry.group(2)) > 400 or in_appendix, f"{name}: no licence text in its entry"
        appendix = text.split("\nAppendix: licence texts referred to above\n")[1]
        for title in in_appendix:
            assert re.search(rf"\n----- {re.escape(title)} -----\n\n.{{400}}", appendix, re.S), (
                title
            )


def test_qt_is_used_under_the_lgpl_with_both_texts_and_how_to_replace_it():
    """The notices name the LGPL option for PySide6/Qt, carry LGPL-3.0 and GPL-3.0 in full, and say how to swap Qt."""
    pyside = metadata.distribution("PySide6_Essentials")
    text = generate_notices.render(
        generate_notices.build_components([_one_shipped_file(pyside)]), "0.0.0"
    )
    assert "used here under LGPL-3.0-only" in text
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "GNU GENERAL PUBLIC LICENSE" in text
    assert "Replacing the Qt libraries" in text and "libQt6*.so.6" in text


def test_a_shipped_file_nobody_licenses_stops_the_build(tmp_path):
    """A file of unknown origin in the bundle is an error naming the file, not a silent gap in the notices."""
    stray = tmp_path / "libmystery.so.1"
    stray.write_bytes(b"\x7fELF")
    with pytest.raises(generate_notices.NoticeError, match="libmystery.so.1"):
        generate_notices.build_components([("libmystery.so.1", str(stray), "BINARY")])
