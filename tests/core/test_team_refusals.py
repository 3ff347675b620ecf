"""A pack for another portfolio, a tampered pack, a pack from a newer version: refused in one line, nothing changed.

So are the mistakes around it: merging into a team copy, contributing from the lead's portfolio or
with nothing changed, a team copy over an existing file or for an unknown theme.
"""

import hashlib
import zipfile

import pytest

from portfolio_builder.core.errors import BadInput
from portfolio_builder.core.framework.portfolio_setup import create_portfolio
from portfolio_builder.core.scheme.framework_catalog import shipped_framework
from portfolio_builder.core.storage.backups import backup_folder
from portfolio_builder.core.storage.portfolio_file import Portfolio
from portfolio_builder.core.team import pack_writer
from portfolio_builder.core.team.merge_apply import apply_merge
from portfolio_builder.core.team.pack_writer import make_contribution_pack
from portfolio_builder.core.team.team_copy import make_team_copy
from tests.core.cli_runner import run_in_process
from tests.core.portfolio_factory import add_file_evidence


def _fingerprint(path) -> str:
    """Everything the portfolio holds, as SQL text, hashed: equal means nothing changed."""
    with Portfolio.open(path, read_only=True) as portfolio, portfolio.raw_connection() as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()


def _pack(lead, tmp_path, name="ben") -> tuple:
    copy = make_team_copy(lead, tmp_path / f"{name}.portfolio", name.title())
    with Portfolio.open(copy.path) as member:
        add_file_evidence(member, f"{name}'s minutes\n".encode(), f"{name.title()}'s minutes")
    return copy.path, make_contribution_pack(copy.path, tmp_path / f"{name}.zip").path


def _refused(lead_path, pack, words: str) -> None:
    """Refused through the core (BadInput with words) and the command line (exit 1, one line); nothing changed."""
    before = _fingerprint(lead_path)
    with Portfolio.open(lead_path) as lead, pytest.raises(BadInput) as refusal:
        apply_merge(lead, pack, {})
    assert words in refusal.value.message and "\n" not in refusal.value.message
    code, out, err = run_in_process(["merge", str(lead_path), str(pack)])
    assert (code, out) == (1, "") and words in err and len(err.strip().splitlines()) == 1
    assert _fingerprint(lead_path) == before
    assert not backup_folder(lead_path).exists() or not list(
        backup_folder(lead_path).glob("*before-merge*")
    )


def _rewrite(pack, out, change) -> None:
    """A copy of the pack zip with change(name, data) applied to each member (manifests untouched)."""
    with zipfile.ZipFile(pack) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, change(info.filename, source.read(info)))


def test_a_pack_for_another_portfolio_is_refused(fpa_portfolio, tmp_path):
    other = create_portfolio(
        tmp_path / "elm.portfolio", shipped_framework("family-partnership-award"), "Elm School"
    )
    make_team_copy(
        fpa_portfolio, tmp_path / "oak-copy.portfolio", "Ann"
    )  # Oak has an identity of its own
    _copy, pack = _pack(other, tmp_path)
    other.close()
    fpa_portfolio.close()
    _refused(fpa_portfolio.path, pack, "belongs to another portfolio")


def test_a_tampered_pack_is_refused(fpa_portfolio, tmp_path):
    _copy, pack = _pack(fpa_portfolio, tmp_path)
    fpa_portfolio.close()
    changed = tmp_path / "changed.zip"
    _rewrite(pack, changed, lambda name, data: data.replace(b"Ben's minutes", b"Bob's minutes"))
    _refused(fpa_portfolio.path, changed, "has been changed")
    extra = tmp_path / "extra.zip"
    _rewrite(pack, extra, lambda name, data: data)
    with zipfile.ZipFile(extra, "a") as archive:
        top = archive.namelist()[0].split("/")[0]
        archive.writestr(f"{top}/data/files/smuggled.exe", b"MZ")
    _refused(fpa_portfolio.path, extra, "has been changed")
    cut = tmp_path / "cut.zip"
    cut.write_bytes(pack.read_bytes()[:-200])
    _refused(fpa_portfolio.path, cut, "contribution pack")


def test_a_pack_from_a_newer_version_is_refused(fpa_portfolio, tmp_path, monkeypatch):
    monkeypatch.setattr(pack_writer, "PACK_FORMAT_VERSION", 2)
    _copy, pack = _pack(fpa_portfolio, tmp_path)
    fpa_portfolio.close()
    _refused(fpa_portfolio.path, pack, "newer Portfolio Builder (pack format 2)")


def test_a_bundle_or_a_portfolio_is_not_a_pack(fpa_portfolio, tmp_path):
    copy, _pack_path = _pack(fpa_portfolio, tmp_path)
    fpa_portfolio.close()
    _refused(fpa_portfolio.path, copy, "Not a contribution pack")


def test_mistakes_around_copies_and_packs_are_refused(fpa_portfolio, tmp_path):
    copy, pack = _pack(fpa_portfolio, tmp_path)
    with Portfolio.open(copy) as member, pytest.raises(BadInput, match="team copy"):
        apply_merge(member, pack, {})
    with pytest.raises(BadInput, match="not a team copy"):
        make_contribution_pack(fpa_portfolio.path, tmp_path / "lead.zip")
    fresh = make_team_copy(fpa_portfolio, tmp_path / "cara.portfolio", "Cara")
    with pytest.raises(BadInput, match="Nothing to send"):
        make_contribution_pack(fresh.path, tmp_path / "cara.zip")
    with pytest.raises(BadInput, match="already exists"):
        make_contribution_pack(copy, pack)
    with pytest.raises(BadInput, match="already exists"):
        make_team_copy(fpa_portfolio, copy, "Ben")
    with pytest.raises(BadInput, match="no theme 'Z'"):
        make_team_copy(fpa_portfolio, tmp_path / "dev.portfolio", "Dev", themes=["Z"])
    with pytest.raises(BadInput, match="whom"):
        make_team_copy(fpa_portfolio, tmp_path / "dev.portfolio", "  ")
    with Portfolio.open(copy) as member, pytest.raises(BadInput, match="itself a team copy"):
        make_team_copy(member, tmp_path / "dev.portfolio", "Dev")
    assert not (tmp_path / "dev.portfolio").exists() and not list(tmp_path.glob("*.part"))
    code, out, err = run_in_process(["contribute", str(fresh.path), str(tmp_path / "cara.zip")])
    assert (
        (code, out) == (1, "") and "Nothing to send" in err and len(err.strip().splitlines()) == 1
    )


def _reseal(pack, out, edit_changes) -> None:
    """A pack whose changes.json was edited by someone who also rewrote its manifests (they are not signed):
    what the merge must still refuse to trust."""
    import json

    with zipfile.ZipFile(pack) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    top = next(iter(members)).split("/")[0]
    body = json.loads(members[f"{top}/data/changes.json"])
    edit_changes(body)
    members[f"{top}/data/changes.json"] = json.dumps(body).encode()
    manifest = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name[len(top) + 1 :]}\n"
        for name, data in sorted(members.items())
        if name.startswith(f"{top}/data/")
    )
    members[f"{top}/manifest-sha256.txt"] = manifest.encode()
    info = members[f"{top}/bag-info.txt"].decode().splitlines(keepends=True)
    members[f"{top}/bag-info.txt"] = "".join(
        line for line in info if not line.startswith("Payload-Oxum")
    ).encode()
    tags = "".join(
        f"{hashlib.sha256(members[f'{top}/{n}']).hexdigest()}  {n}\n"
        for n in ("bag-info.txt", "bagit.txt", "manifest-sha256.txt")
    )
    members[f"{top}/tagmanifest-sha256.txt"] = tags.encode()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)


@pytest.mark.parametrize(
    "edit, words",
    [
        (
            lambda body: body["changes"].append(
                {
                    **body["changes"][0],
                    "kind": "edit",
                    "id": "x",
                    "base": "",
                    "after": "",
                    "target": {
                        "table": "evidence",
                        "key": "1",
                        "field": "title = 'x'; DROP TABLE staff; --",
                    },
                }
            ),
            "cannot change",
        ),
        (
            lambda body: [
                info["row"].update(consent="whatever") for info in body["evidence"].values()
            ],
            "consent",
        ),
        (
            lambda body: [
                info.update(file="../../etc/passwd") for info in body["evidence"].values()
            ],
            "does not hold",
        ),
        (
            lambda body: body["changes"].append(
                {"kind": "drop-everything", "id": "y", "target": {}}
            ),
            "unknown kind",
        ),
    ],
)
def test_a_resealed_pack_cannot_write_what_a_member_could_not(fpa_portfolio, tmp_path, edit, words):
    """Manifests rewritten to match, the changes still name only fields, states and files a merge may write."""
    _copy, pack = _pack(fpa_portfolio, tmp_path)
    fpa_portfolio.close()
    crafted = tmp_path / "crafted.zip"
    _reseal(pack, crafted, edit)
    _refused(fpa_portfolio.path, crafted, words)


def test_a_resealed_pack_left_as_it_was_still_merges(fpa_portfolio, tmp_path):
    """The resealing above is sound: unchanged, the resealed pack merges (so each refusal is the check's doing)."""
    _copy, pack = _pack(fpa_portfolio, tmp_path)
    crafted = tmp_path / "crafted.zip"
    _reseal(pack, crafted, lambda body: None)
    assert apply_merge(fpa_portfolio, crafted, {}).applied == 1


def test_no_team_copy_of_a_newer_or_damaged_portfolio(fpa_portfolio, tmp_path):
    """A portfolio from a newer version (read-only) or a truncated one gives no team copy; it stays as it was."""
    import sqlite3

    from portfolio_builder.core.storage import schema

    path = fpa_portfolio.path
    fpa_portfolio.close()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION + 1}")
    connection.close()
    before = path.read_bytes()
    code, out, err = run_in_process(
        ["team-copy", str(path), str(tmp_path / "ben.portfolio"), "--for", "Ben"]
    )
    assert (code, out) == (1, "") and "newer version" in err and len(err.strip().splitlines()) == 1
    path.write_bytes(before[: len(before) // 2])
    code, out, err = run_in_process(
        ["team-copy", str(path), str(tmp_path / "ben.portfolio"), "--for", "Ben"]
    )
    assert (code, out) == (1, "") and "damaged" in err
    assert not (tmp_path / "ben.portfolio").exists() and not list(tmp_path.glob("*.part"))


def test_a_cancelled_merge_merges_nothing(fpa_portfolio, tmp_path):
    """Cancel part-way (between changes or while a file streams in): the portfolio is exactly as before."""
    from portfolio_builder.core.errors import Cancelled

    copy = make_team_copy(fpa_portfolio, tmp_path / "ben.portfolio", "Ben")
    with Portfolio.open(copy.path) as member:
        for n in range(6):
            add_file_evidence(member, f"Notes {n}\n".encode() * 1000, f"Notes {n}")
    pack = make_contribution_pack(copy.path, tmp_path / "ben.zip").path
    before = _fingerprint(fpa_portfolio.path)
    for after_asks in (3, 1):
        asked = []
        with pytest.raises(Cancelled):
            apply_merge(
                fpa_portfolio,
                pack,
                {},
                cancel=lambda asked=asked, after_asks=after_asks: (
                    asked.append(1) or len(asked) > after_asks
                ),
            )
        assert _fingerprint(fpa_portfolio.path) == before
    assert apply_merge(fpa_portfolio, pack, {}).applied == 6


def test_a_cancelled_team_copy_leaves_no_file(fpa_portfolio, tmp_path, monkeypatch):
    """Cancel while the copy is written: no copy, no .part, and progress was reported on the way."""
    from portfolio_builder.core.errors import Cancelled
    from portfolio_builder.core.team import team_copy

    monkeypatch.setattr(team_copy, "BACKUP_STEP_PAGES", 2)
    for n in range(5):
        add_file_evidence(fpa_portfolio, bytes([n]) * 50_000, f"Recording {n}")
    reports = []
    with pytest.raises(Cancelled):
        make_team_copy(
            fpa_portfolio,
            tmp_path / "ben.portfolio",
            "Ben",
            progress=lambda d, t: reports.append((d, t)),
            cancel=lambda: len(reports) >= 3,
        )
    assert len(reports) == 3 and reports[0][1] > 6
    assert not (tmp_path / "ben.portfolio").exists() and not list(tmp_path.glob("*.part*"))
    copy = make_team_copy(
        fpa_portfolio, tmp_path / "ben.portfolio", "Ben", progress=lambda d, t: reports.append(d)
    )
    assert copy.evidence_items == 5
