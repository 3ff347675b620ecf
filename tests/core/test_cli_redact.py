"""`redact` marks, finds, lists and clears the parts of a photo to blur; `show --json` lists them; refusals change nothing."""

from __future__ import annotations

import json
import shutil

import pytest
from PIL import Image

from .cli_runner import run_in_process, run_lines
from .face_photos import jpeg_bytes, photo, skimage_data

SETUP = [
    "new $portfolio --framework family-partnership-award --setting 'Oak Primary School'",
    "add $portfolio $files/astronaut.jpg --descriptor 1a --consent blurred",  # item 1: a real face
    "add $portfolio $files/coffee.jpg --descriptor 1a --consent obtained",  # item 2: no person in it
    "add $portfolio $files/minutes.txt --descriptor 1b --consent not-needed",  # item 3: a document
]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A portfolio made with the command line holding a face photo, a photo without people, and a document."""
    folder = tmp_path_factory.mktemp("redact")
    (folder / "astronaut.jpg").write_bytes(jpeg_bytes(photo("astronaut")))
    (folder / "coffee.jpg").write_bytes(jpeg_bytes(Image.fromarray(skimage_data().coffee())))
    (folder / "minutes.txt").write_text("Minutes of the Family Forum.\n")
    run_lines(SETUP, {"portfolio": folder / "oak.portfolio", "files": folder})
    return folder


@pytest.fixture
def oak(base, tmp_path):
    """A fresh copy of the portfolio for one test."""
    shutil.copy(base / "oak.portfolio", tmp_path / "oak.portfolio")
    return str(tmp_path / "oak.portfolio")


def _regions(path: str, item: int = 1) -> list[dict]:
    code, out, _err = run_in_process(["show", path, "--json"])
    assert code == 0
    return next(e for e in json.loads(out)["evidence"] if e["id"] == item)["regions"]


def test_regions_given_on_the_command_line_are_stored_and_listed(oak):
    """Two regions (a blurred ellipse, a blocked rectangle) replace the item's regions and show in show --json."""
    code, out, err = run_in_process(
        [
            "redact",
            oak,
            "1",
            "--region",
            "0.3,0.05,0.3,0.35,ellipse",
            "--region",
            "0.05,0.6,0.2,0.1,block",
        ]
    )
    assert code == 0, err
    assert "1 part blurred, 1 blocked out" in out
    assert _regions(oak) == [
        {"x": 0.3, "y": 0.05, "w": 0.3, "h": 0.35, "mode": "blur", "shape": "ellipse"},
        {"x": 0.05, "y": 0.6, "w": 0.2, "h": 0.1, "mode": "block", "shape": "rectangle"},
    ]
    listed = run_in_process(["redact", oak, "1"])[1].splitlines()
    assert listed == [
        "0.3000,0.0500,0.3000,0.3500,blur,ellipse",
        "0.0500,0.6000,0.2000,0.1000,block,rectangle",
    ]


def test_faces_are_found_and_blurred_and_clear_removes_every_region(oak):
    """--faces puts an ellipse over the real face; --clear leaves the photo with none, so the status warns again."""
    code, out, err = run_in_process(["redact", oak, "1", "--faces"])
    assert code == 0, err
    [face] = _regions(oak)
    assert face["shape"] == "ellipse" and 0.3 < face["x"] + face["w"] / 2 < 0.6 and face["y"] < 0.2
    assert "blurred version" not in run_in_process(["status", oak])[1]
    assert run_in_process(["redact", oak, "1", "--clear"])[0] == 0
    assert _regions(oak) == []
    assert (
        "is for a blurred version, but nothing on it is marked"
        in run_in_process(["status", oak])[1]
    )


def test_the_dry_run_says_which_items_leave_redacted(oak):
    """export --dry-run names the redacted photo and what is blurred, before anything leaves."""
    run_in_process(["redact", oak, "1", "--region", "0.3,0.05,0.3,0.35"])
    out = run_in_process(["export", oak, "out.zip", "--draft", "--dry-run"])[1]
    assert "redacted: 1 part blurred" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["1", "--region", "0.3,0.05,0.3"], "x,y,w,h"),
        (["1", "--region", "0.8,0.05,0.3,0.3"], "inside the photo"),
        (["1", "--region", "0.1,0.1,0.2,0.2,smudge"], "blur or block"),
        (["9", "--region", "0.1,0.1,0.2,0.2"], "no evidence item 9"),
        (["3", "--region", "0.1,0.1,0.2,0.2"], "not a photo"),
        (["2", "--faces"], "No face was found"),
    ],
)
def test_a_refused_redaction_is_one_line_and_changes_nothing(oak, argv, words):
    """A malformed or outside region, an unknown item, a document, or no face found: one line, exit 1, no change."""
    run_in_process(["redact", oak, "1", "--region", "0.1,0.1,0.2,0.2"])
    before = [_regions(oak, item) for item in (1, 2, 3)]
    code, out, err = run_in_process(["redact", oak, *argv])
    assert code == 1 and out == ""
    assert words in err and len(err.strip().splitlines()) == 1
    assert [_regions(oak, item) for item in (1, 2, 3)] == before


def test_clear_with_regions_is_a_usage_error(oak):
    """--clear together with --region is a usage error (exit 2) and nothing changes."""
    with pytest.raises(SystemExit) as stopped:
        run_in_process(["redact", oak, "1", "--clear", "--region", "0.1,0.1,0.2,0.2"])
    assert stopped.value.code == 2
    assert _regions(oak) == []


def test_consent_for_a_blurred_version_is_refused_for_a_document(oak):
    """`evidence --consent blurred` on a document is refused naming it; a photo takes it."""
    code, _out, err = run_in_process(["evidence", oak, "3", "--consent", "blurred"])
    assert code == 1 and "only for photos" in err and "Minutes" in err
    assert run_in_process(["evidence", oak, "2", "--consent", "blurred"])[0] == 0
