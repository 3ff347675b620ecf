"""Sample portfolios per scheme: `demo DIR --scheme ID` builds a fictional setting part-way through each shipped
scheme (not blank), in that scheme's own parts, with no wording passed off as an awarding body's."""

from __future__ import annotations

import pytest

from portfolio_builder.core.bundle.bundle_verify import verify_bundle
from portfolio_builder.core.demo.demo import demo_schemes
from portfolio_builder.core.planning.planning_overview import priority_rows
from portfolio_builder.core.planning.portfolio_texts import read_texts
from portfolio_builder.core.planning.readiness import check_readiness
from portfolio_builder.core.shape.snapshot import build_snapshot
from portfolio_builder.core.storage.portfolio_file import Portfolio
from tests.core.cli_runner import run_in_process

SETTINGS = {
    "family-partnership-award": "Riverside Primary School",
    "investors-in-families-secure": "Larchwood Secure Children's Home",
    "la-practice-quality": "Westmoor Children's Services",
    "signs-of-safety-accreditation": "Northbridge Children's Services",
}


@pytest.mark.parametrize("scheme_id", sorted(SETTINGS))
def test_each_sample_is_part_way_through_its_own_scheme(shared_builds, tmp_path, scheme_id):
    """Each sample is its scheme's, not ready yet (so a draft), exports a bundle that verifies, and every
    descriptor it typed in reads as the fictional setting's own ('We ...' or its name), never as the scheme's.
    The sample (build_demo) and its draft bundle are built once per run and shared; this test opens a copy."""
    path = shared_builds.sample_copy(scheme_id, tmp_path)
    with Portfolio.open(path) as portfolio:
        shape = build_snapshot(portfolio)
        readiness = check_readiness(portfolio)
        texts = read_texts(portfolio)
        priorities = priority_rows(portfolio)
    assert shape.scheme.id == scheme_id and shape.setting.name == SETTINGS[scheme_id]
    assert not readiness.ready and readiness.problems
    assert verify_bundle(shared_builds.sample_draft(scheme_id)).valid
    typed = [d.text for t in shape.themes for d in t.descriptors if not d.ours]
    setting_word = SETTINGS[scheme_id].split()[0]
    assert all(text.startswith(("We ", setting_word)) for text in typed), typed
    assert set(texts) <= {t.key for t in shape.scheme.texts}  # only the scheme's own texts
    assert (
        bool(priorities) == shape.scheme.priorities.used
    )  # priorities only where the scheme has them
    assert any(d.rating_history for t in shape.themes for d in t.descriptors)


def test_iif_sample_renames_some_elements_and_leaves_the_rest_to_be_named(shared_builds, tmp_path):
    """Larchwood has named three elements in its own words; the other five still carry the scheme's placeholder."""
    path = shared_builds.sample_copy("investors-in-families-secure", tmp_path)
    with Portfolio.open(path) as portfolio:
        shape = build_snapshot(portfolio)
    assert [t.placeholder for t in shape.themes] == [False] * 3 + [True] * 5
    assert {e.component for e in shape.evidence} == {"activity", "generic"}
    assert sum(len(p.cover_sheet.diary) for p in shape.priorities if p.cover_sheet) == 3


def test_the_command_builds_any_schemes_sample_and_refuses_blank(tmp_path):
    """`demo DIR --scheme ID` prints the new portfolio's path; blank has no sample and is refused in one line."""
    code, out, _err = run_in_process(
        ["demo", str(tmp_path), "--scheme", "signs-of-safety-accreditation"]
    )
    assert code == 0 and out.strip().endswith("northbridge-sample.portfolio")
    code, _out, err = run_in_process(["demo", str(tmp_path), "--scheme", "blank"])
    assert (
        code == 1 and "There is no sample for 'blank'" in err and len(err.strip().splitlines()) == 1
    )
    assert "blank" not in demo_schemes() and len(demo_schemes()) == 4
