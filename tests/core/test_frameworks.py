"""Frameworks are data: shipped files load, bad files name their line, and files round-trip."""

import pytest

from portfolio_builder.core.errors import BadInput
from portfolio_builder.core.resources import resource_path
from portfolio_builder.core.scheme.framework_catalog import shipped_framework, shipped_frameworks
from portfolio_builder.core.scheme.framework_file import (
    framework_to_toml,
    load_framework,
    parse_framework,
    save_framework,
)

FPA = resource_path("frameworks", "family-partnership-award.toml")


def test_shipped_frameworks_are_the_five_schemes():
    """The app ships FPA, IiF (secure estate), an LA practice-quality framework, Signs of Safety and a blank one."""
    ids = {f.id for f in shipped_frameworks()}
    assert ids == {
        "family-partnership-award",
        "investors-in-families-secure",
        "la-practice-quality",
        "signs-of-safety-accreditation",
        "blank",
    }


def test_family_partnership_award_has_six_themes_and_theme_one_a_to_j():
    """Theme 1 holds descriptors 1a-1j; themes 2-6 are left for the setting's award pack."""
    fpa = shipped_framework("family-partnership-award")
    assert [t.title for t in fpa.themes][:2] == [
        "Ethos, vision and policy",
        "Leadership, management and coordination",
    ]
    assert len(fpa.themes) == 6
    assert [d.code for d in fpa.themes[0].descriptors] == [f"1{c}" for c in "abcdefghij"]
    assert all(not t.descriptors for t in fpa.themes[1:])
    scheme = fpa.scheme
    assert [lv.label for lv in scheme.scale.levels] == ["Emergent", "Developing", "Embedded"]
    assert [lv.score for lv in scheme.scale.levels] == [35, 70, 100]
    assert (scheme.evidence_rule.min_key, scheme.evidence_rule.max_key) == (2, 2)
    assert not scheme.priorities.used and scheme.best_fit is not None
    assert all(
        d.ours for d in fpa.themes[0].descriptors
    )  # our summaries of slide 15, marked as ours


def test_investors_in_families_uses_rag_five_priorities_and_components():
    """IIF rates on red/amber/green, asks for five priorities and orders the portfolio by component."""
    iif = shipped_framework("investors-in-families-secure")
    scheme = iif.scheme
    assert [lv.key for lv in scheme.scale.levels] == ["red", "amber", "green"]
    assert not any(lv.description for lv in scheme.scale.levels)  # no invented RAG legend
    assert (
        scheme.priorities.count == 5 and scheme.priorities.cover_sheets and scheme.uses_components
    )
    assert not scheme.evidence_rule.per_descriptor
    assert iif.descriptor_count() == 0 and all(
        t.placeholder and t.hint and not t.description for t in iif.themes
    )


def test_unknown_framework_names_the_known_ones():
    """Asking for a framework that does not exist lists those that do."""
    with pytest.raises(BadInput, match="family-partnership-award"):
        shipped_framework("no-such-award")


def test_round_trip_through_toml(tmp_path):
    """Exporting a framework and importing it again gives the same framework."""
    fpa = shipped_framework("family-partnership-award")
    save_framework(fpa, tmp_path / "copy.toml")
    assert load_framework(tmp_path / "copy.toml") == fpa
    assert parse_framework(framework_to_toml(fpa)) == fpa


def _line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if fragment in line)


@pytest.mark.parametrize(
    "change, marker, words",
    [
        (('code = "1c"', 'code = "1 c"'), 'code = "1 c"', "descriptor code"),
        (("min_key = 2", "min_key = 3"), "[evidence_rule]", "min_key cannot be more than max_key"),
        (('title = "Partnership in practice"', 'title = ""'), 'title = ""', "title of theme 4"),
        (
            ('text = "Families take pride', 'txt = "Families take pride'),
            'code = "1d"',
            "has no key 'txt'",
        ),
        (("score = 70 }", 'score = "high" }'), 'score = "high"', "[scale.levels] score"),
        (("[scale]", "[scale"), "[scale", ""),
    ],
)
def test_malformed_framework_names_the_line(change, marker, words):
    """A malformed framework file is refused with the line of the error and what is wrong."""
    text = FPA.read_text(encoding="utf-8").replace(*change, 1)
    line = _line_of(text, marker)
    if marker == 'code = "1d"':
        line -= 1  # the missing key is reported at its descriptor's [[themes.descriptors]] header
    with pytest.raises(BadInput) as caught:
        parse_framework(text, source="pack.toml")
    assert f"pack.toml, line {line}" in caught.value.message
    assert words in caught.value.message


def test_duplicate_descriptor_code_is_refused():
    """Two descriptors with one code would make tagging ambiguous, so the file is refused."""
    text = FPA.read_text(encoding="utf-8").replace('code = "1d"', 'code = "1c"')
    with pytest.raises(BadInput, match="'1c' appears twice"):
        parse_framework(text)


def test_binary_or_huge_framework_files_are_refused(tmp_path):
    """A file that is not UTF-8 text, or is enormous, is refused before parsing."""
    binary = tmp_path / "photo.toml"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    with pytest.raises(BadInput, match="not a text"):
        load_framework(binary)
    with pytest.raises(BadInput, match="No framework file"):
        load_framework(tmp_path / "missing.toml")
