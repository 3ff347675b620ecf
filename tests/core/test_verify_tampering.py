"""Verify never calls a tampered bag valid: the tag manifest is required, every manifest is checked with its own
algorithm, bagit.txt is exactly BagIt 1.0's two lines, nothing unlisted rides along, and the headline says
first whether the zip is a Portfolio Builder bundle at all."""

import hashlib
import zipfile

import pytest

from portfolio_builder.cli import main
from portfolio_builder.core.bundle.bundle_verify import verify_bundle


@pytest.fixture(scope="module")
def bundle(shared_ready_bundle):
    """The run's shared ready bundle (tests/conftest.py), read by every tampering case: each writes a tampered
    copy of it into its own folder and never changes the original."""
    result, _ = shared_ready_bundle
    return result.path


def _tampered(bundle, out, replace=None, drop=(), add=None):
    """A copy of the bundle with members (names relative to the bag folder) replaced, dropped or added."""
    replace, add = replace or {}, add or {}
    with (
        zipfile.ZipFile(bundle) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        top = source.namelist()[0].split("/")[0]
        members = {name.split("/", 1)[1]: source.read(name) for name in source.namelist()}
        for name, data in members.items():
            if name in drop:
                continue
            data = replace[name](data) if name in replace else data
            target.writestr(f"{top}/{name}", data)
        for name, data in add.items():
            target.writestr(f"{top}/{name}", data(members) if callable(data) else data)
    return out


def _manifest(members, algorithm, tag=False):
    names = sorted(
        n for n in members if (not n.startswith("data/")) == tag and not n.startswith("tagmanifest")
    )
    return "".join(
        f"{hashlib.new(algorithm, members[n]).hexdigest()}  {n}\n" for n in names
    ).encode()


def PHISHING(data):  # named as the case it makes
    return data.replace(b"</body>", b'<a href="https://evil.example/login">Log in</a></body>')


def WRONG(members):  # named as the case it makes
    return b"".join(
        b"0" * 128 + b"  " + n.encode() + b"\n" for n in members if n.startswith("data/")
    )


CASES = {
    "tag manifest deleted": dict(
        drop=("tagmanifest-sha256.txt",), words="tagmanifest-sha256.txt is missing"
    ),
    "START-HERE edited, tag manifest deleted": dict(
        drop=("tagmanifest-sha256.txt",), replace={"START-HERE.html": PHISHING}, words="is missing"
    ),
    "START-HERE edited": dict(
        replace={"START-HERE.html": PHISHING}, words="START-HERE.html has been changed"
    ),
    "bag-info edited, tag manifest deleted": dict(
        drop=("tagmanifest-sha256.txt",),
        words="is missing",
        replace={"bag-info.txt": lambda d: d + b"Contact: evil\n"},
    ),
    "wrong sha512 manifest": dict(add={"manifest-sha512.txt": WRONG}, words="does not match"),
    "wrong md5 manifest": dict(
        add={
            "manifest-md5.txt": lambda m: b"".join(
                b"0" * 32 + b"  " + n.encode() + b"\n" for n in m if n.startswith("data/")
            )
        },
        words="does not match",
    ),
    "wrong sha512 tag manifest": dict(
        add={
            "tagmanifest-sha512.txt": lambda m: b"".join(
                b"0" * 128 + b"  " + n.encode() + b"\n" for n in ("bagit.txt", "bag-info.txt")
            )
        },
        words="does not match tagmanifest-sha512.txt",
    ),
    "unknown algorithm": dict(
        add={"manifest-whirlpool9.txt": b"00  data/portfolio.json\n"},
        words="cannot be checked here",
    ),
    "bagit.txt with BOM": dict(
        replace={"bagit.txt": lambda d: b"\xef\xbb\xbf" + d}, words="bagit.txt is not exactly"
    ),
    "bagit.txt with extra line": dict(
        replace={"bagit.txt": lambda d: d + b"Extra: yes\n"}, words="bagit.txt is not exactly"
    ),
    "untracked evil.html": dict(
        add={"evil.html": b"<script>alert(1)</script>"},
        words="evil.html is in the bundle but no manifest lists it",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_tampered_bundle_is_not_valid(bundle, tmp_path, case):
    """Each tampering found by the security review is caught, named, and headlined as a changed PB bundle."""
    spec = dict(CASES[case])
    words = spec.pop("words")
    report = verify_bundle(_tampered(bundle, tmp_path / "t.zip", **spec))
    assert not report.valid and report.ours
    assert any(words in p for p in report.problems), report.problems
    assert report.headline.startswith(
        "This Portfolio Builder bundle from Oak Primary School is NOT valid"
    )


def test_extra_manifests_with_right_checksums_are_checked_and_accepted(bundle, tmp_path):
    """A bag carrying correct sha512 manifests as well (as other BagIt tools write) still verifies."""

    def tag512(members):
        members = dict(members, **{"manifest-sha512.txt": _manifest(members, "sha512")})
        return _manifest(members, "sha512", tag=True)

    report = verify_bundle(
        _tampered(
            bundle,
            tmp_path / "t.zip",
            add={
                "manifest-sha512.txt": lambda m: _manifest(m, "sha512"),
                "tagmanifest-sha512.txt": tag512,
            },
        )
    )
    assert report.valid, report.problems


def test_headline_says_first_when_a_zip_is_not_a_bundle_at_all(tmp_path, capsys):
    """A zip that is not ours is headlined as such, on the first line the command line prints."""
    other = tmp_path / "holiday.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("photos/beach.txt", b"sand")
    report = verify_bundle(other)
    assert not report.valid and not report.ours
    assert report.headline.startswith("This is not a Portfolio Builder bundle")
    assert main(["verify", str(other)]) == 1
    assert (
        capsys.readouterr().err.splitlines()[0].startswith("This is not a Portfolio Builder bundle")
    )
