"""`verify`'s light portfolio.json check (pydantic-core alone) accepts and refuses exactly what the models do."""

import random

import pytest

from portfolio_builder.core.bundle.bundle_reader import (
    UnsafeBundle,
    check_portfolio_dict,
    check_portfolio_json,
)
from portfolio_builder.core.resources import resource_path
from portfolio_builder.core.shape.shape_check import SCHEMA_PATH, _fast, _validator
from portfolio_builder.core.shape.shape_schema_build import schema_text
from tests.core.snapshot_factory import fpa_snapshot_dict, iif_snapshot_dict, v1_snapshot_dict
from tests.core.snapshot_mutations import DELETE, deep_copy, paths_in, put

ODD_VALUES = [
    None,
    0,
    -1,
    1,
    10**12,
    1.5,
    2.0,
    True,
    False,
    "",
    "1",
    "true",
    "x" * 3000,
    [],
    {},
    [1, "a", None],
    {"a": 1},
    "#12345G",
    "#123456",
    "2026-99-99",
    "../../etc",
    "evidence/x.pdf",
    "\x00\x01",
]


def _verdict(check, value):
    """('ok', the checked portfolio as JSON) or ('refused', the message)."""
    try:
        result = check(deep_copy(value))
    except UnsafeBundle as exc:
        return "refused", exc.message
    return "ok", result if isinstance(result, dict) else result.to_json_dict()


def test_the_stored_schema_is_the_models_own():
    """One source of truth: the stored schema is what the pydantic models give today (regenerate it if not)."""
    stored = resource_path(*SCHEMA_PATH).read_text(encoding="utf-8")
    assert stored == schema_text(), "run: python -m portfolio_builder.core.shape.shape_schema_build"


@pytest.mark.parametrize("make", [fpa_snapshot_dict, iif_snapshot_dict, v1_snapshot_dict])
def test_a_good_portfolio_reads_the_same_both_ways(make):
    """The light check gives the very JSON the typed shape dumps, defaults filled in."""
    value = make()
    assert _verdict(check_portfolio_dict, value) == _verdict(check_portfolio_json, value)
    assert _verdict(check_portfolio_dict, value)[0] == "ok"
    if value["format_version"] == 2:  # a well-formed file needs no pydantic-core at all
        assert _fast().accepted(deep_copy(value)) == _validator().validate_python(deep_copy(value))


@pytest.mark.parametrize(
    "make, seed", [(fpa_snapshot_dict, 1), (iif_snapshot_dict, 2), (fpa_snapshot_dict, 3)]
)
def test_mutated_portfolios_get_the_same_verdict_and_message_both_ways(make, seed):
    """Seeded mutations (odd values, deleted keys) anywhere, the scheme's rules included: same verdict, same words."""
    base = make()
    places = list(paths_in(base))[1:]
    scheme_places = [p for p in places if p[0] == "scheme"]
    rng = random.Random(seed)
    refused = fast_accepted = 0
    for _ in range(400):
        value = deep_copy(base)
        for _ in range(rng.choice((1, 1, 2, 3))):
            where = rng.choice(scheme_places if rng.random() < 0.5 else places)
            put(
                value,
                where,
                DELETE if rng.random() < 0.15 else deep_copy(rng.choice(ODD_VALUES)),
            )
        light, full = _verdict(check_portfolio_dict, value), _verdict(check_portfolio_json, value)
        assert light == full, value
        refused += light[0] == "refused"
        fast = _fast().accepted(deep_copy(value))
        if (
            fast is not None
        ):  # the pure-Python pass only ever accepts what pydantic-core accepts, as it gives it
            assert fast == _validator().validate_python(deep_copy(value))
            fast_accepted += 1
    assert 50 < refused < 400  # the corpus exercises both verdicts
    assert fast_accepted > 50  # and the pure-Python pass


def test_the_schemes_own_rules_refuse_in_the_same_words():
    """Rules written as code (colour, unique level keys, deadlines, references) apply on the light path too."""
    cases = [
        lambda s: s["scale"]["levels"][0].update(colour="red"),
        lambda s: s["scale"]["levels"][1].update(key=s["scale"]["levels"][0]["key"]),
        lambda s: s.update(deadlines=[{"when": "soon", "days": 3, "working_days": 2}]),
        lambda s: s.update(deadlines=[{"when": "soon", "days": 3, "level": "nowhere"}]),
        lambda s: s.update(evidence_rule={"per_descriptor": True, "min_key": 3, "max_key": 2}),
        lambda s: s.update(evidence_rule={"per_descriptor": True, "surprise": 1}),
        lambda s: s.update(documents=[{"part": "text", "text": "none"}]),
        lambda s: s.update(documents=[{"part": "component", "parts": [{"part": "component"}]}]),
    ]
    for change in cases:
        value = fpa_snapshot_dict()
        change(value["scheme"])
        light, full = _verdict(check_portfolio_dict, value), _verdict(check_portfolio_json, value)
        assert light == full and light[0] == "refused", light
