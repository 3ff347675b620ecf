"""A 1.5 GB phone recording goes in through the evidence page and out through the export page in little memory."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.large_recordings import write_recording

SIZE = 1536 * 1024**2
MEMORY_LIMIT_MB = 300
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_long_recording_is_stored_and_exported_whole_in_under_300_mb(tmp_path):
    """Import and export of a 1.5 GB video through the real pages keep the process under 300 MB; the stored file
    (over many rows) has the recording's exact SHA-256, the bundle's copy differs only by the blanked place,
    the preview states the size, and Check portfolio re-hashes it clean."""
    recording = write_recording(
        tmp_path / "IMG_0420.MOV", SIZE
    )  # sparse: made in an instant, read at full speed
    work = tmp_path / "work"
    work.mkdir()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tests.ui.large_recording_run", str(recording.path), str(work)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=900,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert done.returncode == 0, done.stderr[-3000:]
        outcome = json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(work, ignore_errors=True)  # 4.5 GB: not left for pytest to keep
        recording.path.unlink()
    print({k: outcome[k] for k in ("peak_rss_mb", "import_s", "export_s", "rows")})
    assert outcome["peak_rss_mb"] < MEMORY_LIMIT_MB
    assert outcome["key"] == recording.sha256 and outcome["rows"] > 64
    # Check portfolio re-hashed the stored rows: they give that key back
    assert outcome["check"] == []
    # the export page verified the bundle's copy against its manifest, which holds the cleaned bytes' hash
    assert outcome["bundle_sha256"] == recording.bundle_sha256
    assert "Size: about 1.5 GB of evidence files, plus the documents." in outcome["preview"]
    assert "the bundle is complete and undamaged" in outcome["result"]
