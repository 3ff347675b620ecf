"""The Library of Congress BagIt conformance suite (public domain, vendored in tests/fixtures): every bag it calls
invalid is refused by verify, and no bag is called valid unless it is a Portfolio Builder bundle."""

import zipfile
from pathlib import Path

import pytest

from portfolio_builder.core.bundle.bundle_verify import verify_bundle

SUITE = Path(__file__).parents[1] / "fixtures" / "bagit-conformance-suite"
BAGS = sorted(p for p in SUITE.glob("v*/*/*") if p.is_dir())
MUST_FAIL = [p for p in BAGS if p.parent.name in ("invalid", "linux-only", "windows-only")]
OTHERS = [p for p in BAGS if p not in MUST_FAIL]


def _zipped(bag: Path, out: Path) -> Path:
    """The bag as our bundles travel: one zip holding the bag as its single top folder."""
    target = out / f"{bag.name}.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(bag.rglob("*")):
            if path.is_file():
                archive.write(path, f"{bag.name}/{path.relative_to(bag).as_posix()}")
    return target


def _id(bag: Path) -> str:
    return "/".join(bag.parts[-3:])


def test_the_suite_is_here():
    """The vendored suite holds its invalid bags and its valid ones (a test that found no bags would pass empty)."""
    assert len(MUST_FAIL) >= 20 and len(OTHERS) >= 20


@pytest.mark.parametrize("bag", MUST_FAIL, ids=_id)
def test_every_invalid_bag_is_refused(bag, tmp_path):
    """Corrupt files, extra files, a BOM in bagit.txt, paths escaping the bag, duplicate entries ...: never valid,
    and a verdict rather than a crash."""
    report = verify_bundle(_zipped(bag, tmp_path))
    assert not report.valid and report.problems


@pytest.mark.parametrize("bag", OTHERS, ids=_id)
def test_a_bag_that_is_not_ours_is_never_called_a_valid_bundle(bag, tmp_path):
    """A sound bag made by another tool is not a Portfolio Builder bundle: the first line says so."""
    report = verify_bundle(_zipped(bag, tmp_path))
    assert not report.valid and not report.ours
    assert "not a Portfolio Builder bundle" in report.headline
