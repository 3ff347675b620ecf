"""Scheme definitions as data: each shipped scheme says only what its source says, and bad files are refused."""

import pytest

from portfolio_builder.core.errors import BadInput
from portfolio_builder.core.resources import resource_path
from portfolio_builder.core.scheme.framework_catalog import shipped_framework, shipped_frameworks
from portfolio_builder.core.scheme.framework_file import parse_framework

FPA = resource_path("frameworks", "family-partnership-award.toml")
OLD_FORMAT = """
[framework]
id = "local-award"
name = "Local award"
priorities_required = 3
uses_components = true
action_plan_theme = "A"

[scale]
name = "RAG"
levels = [{ key = "red", label = "Red", colour = "#C0392B" }, { key = "green", label = "Green" }]

[evidence_rule]
min_key = 1
max_key = 3

[[themes]]
code = "A"
title = "Area A"
"""


def test_each_scheme_has_its_own_rules_and_words():
    """FPA: 2 key items, best fit, no priorities. IiF: five priorities with cover sheets, components, no per-
    statement rule. LA: Ofsted grades with the older 0-10 scaling and deadlines. SoS: award levels, peer review."""
    schemes = {f.id: f.scheme for f in shipped_frameworks()}
    fpa, iif = schemes["family-partnership-award"], schemes["investors-in-families-secure"]
    la, sos = schemes["la-practice-quality"], schemes["signs-of-safety-accreditation"]
    assert (
        fpa.words.descriptor == "Evidence descriptor"
        and iif.words.descriptor == "Quality statement"
    )
    assert fpa.words.guidance == "award pack" and iif.words.guidance == "i-HOP toolkit"
    assert [p.part for p in fpa.document_parts()] == [
        "contents",
        "themes",
        "action_plan",
        "audit_findings",
        "text",
    ]
    assert {
        p.inside_theme for p in fpa.document_parts() if p.part in ("action_plan", "audit_findings")
    } == {"2"}
    assert not fpa.components and fpa.text("case-study").required
    assert [c.key for c in iif.components] == [
        "activity",
        "generic",
        "plan",
    ] and iif.best_fit is None
    assert [lv.label for lv in la.scale.levels] == [
        "Inadequate",
        "Requires improvement",
        "Good",
        "Outstanding",
    ]
    assert (
        la.scale.older_band("inadequate") == "0 \u2013 2"
        and la.scale.older_band("outstanding") == "9 \u2013 10"
    )
    assert {(d.days, d.working_days, d.level) for d in la.deadlines} == {
        (28, None, ""),
        (None, 5, "inadequate"),
    }
    assert (
        sos.award.levels == ["Bronze", "Silver", "Gold"] and sos.words.reviewer == "Peer reviewer"
    )
    assert sos.scale.ours and sos.evidence_rule.max_key is None


def test_shipped_text_we_wrote_is_marked_as_ours():
    """Paraphrases shipped as descriptors are flagged, so the app labels them ours; sources without
    descriptors (IiF statements, SoS principles, FPA themes 2-6) ship none."""
    for framework_id in ("family-partnership-award", "la-practice-quality"):
        assert all(d.ours for t in shipped_framework(framework_id).themes for d in t.descriptors)
    assert shipped_framework("investors-in-families-secure").descriptor_count() == 0
    assert shipped_framework("signs-of-safety-accreditation").descriptor_count() == 0


def test_a_format_1_file_still_imports_with_its_meaning():
    """An old file's flags become the equivalent scheme: its priorities, components and action-plan theme."""
    scheme = parse_framework(OLD_FORMAT).scheme
    assert scheme.priorities.count == 3 and scheme.priorities.cover_sheets
    assert [c.key for c in scheme.components] == ["activity", "generic", "plan"]
    assert (scheme.evidence_rule.min_key, scheme.evidence_rule.max_key) == (1, 3)
    assert {p.inside_theme for p in scheme.document_parts() if p.part == "action_plan"} == {"A"}


@pytest.mark.parametrize(
    "text, line, words",
    [
        (
            "format = 2\n[framework]\nid='x'\nname='X'\n[scale]\nlevels=[{key='a',label='A',score=1e400}]\n",
            6,
            "finite number",
        ),
        (
            "format = 2\n[framework]\nid='x'\nname='X'\n[scale]\nlevels=[{key='a',label='A',score=inf}]\n",
            6,
            "finite number",
        ),
        (
            "format = 2\n[framework]\nid='x'\nname='X'\nnested = " + "[" * 3000 + "]" * 3000 + "\n",
            5,
            "nest",
        ),
        (
            "format = 2\n[framework]\nid='x'\nname='X'\n[priorities]\ncount = 5\ncuont = 3\n"
            "[scale]\nlevels=[{key='a',label='A'}]\n",
            7,
            "has no key 'cuont'",
        ),
        (
            "format = 2\n[framework]\nid='x'\nname='X'\n[scale]\nlevels=[{key='a',label='A'}]\n[[documents]]\n"
            "part = 'text'\ntext = 'case-study'\n",
            7,
            "text 'case-study'",
        ),
        ("format = 3\n[framework]\nid='x'\nname='X'\n", 1, "newer version"),
    ],
)
def test_hostile_or_mistaken_scheme_files_name_their_line(text, line, words):
    """Deep nesting, inf and 1e400, misspelt keys, dangling references and newer formats: refused by line."""
    with pytest.raises(BadInput) as caught:
        parse_framework(text, source="scheme.toml")
    assert f"scheme.toml, line {line}" in caught.value.message
    assert words in caught.value.message


def test_descriptor_codes_compare_without_case():
    """1a and 1A are the same code: a file holding both is refused."""
    text = FPA.read_text(encoding="utf-8").replace('code = "1d"', 'code = "1A"')
    with pytest.raises(BadInput, match="'1A' appears twice"):
        parse_framework(text)
