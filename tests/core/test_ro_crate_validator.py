"""The bundle's RO-Crate passes rocrate-validator's RO-Crate 1.1 profile at REQUIRED level, offline: the root
dataset carries the setting's licence, and every key is defined by the context."""

import json
from pathlib import Path

import pytest

from portfolio_builder.core.framework.portfolio_setup import update_profile
from tests.core.portfolio_factory import extract_all
from tests.shared_builds import copy_portfolio

CONTEXT_FILE = Path(__file__).parent / "ro_crate" / "context-1.1.jsonld"
CONTEXT_URLS = ("https://w3id.org/ro/crate/1.1/context", "http://w3id.org/ro/crate/1.1/context")


@pytest.fixture
def offline_validator(monkeypatch, tmp_path):
    """rocrate-validator with every HTTP request answered locally: the 1.1 context from tests/, anything else
    refused (and the suite's socket guard behind that)."""
    requests = pytest.importorskip("requests")
    pytest.importorskip("rocrate_validator")
    from rocrate_validator import services
    from rocrate_validator.models import ValidationSettings
    from rocrate_validator.utils.http import HttpRequester

    context = CONTEXT_FILE.read_bytes()
    asked = []

    def local_get(self, url, *args, **kwargs):
        asked.append(url)
        response = requests.models.Response()
        response.url = url
        if url.rstrip("/") in CONTEXT_URLS:
            response.status_code, response._content = 200, context
            response.headers["Content-Type"] = "application/ld+json"
        else:
            response.status_code, response._content = 404, b""
        return response

    monkeypatch.setattr(HttpRequester, "get", local_get, raising=False)

    def validate(crate_folder: Path):
        settings = ValidationSettings(
            rocrate_uri=str(crate_folder),
            profile_identifier="ro-crate-1.1",
            requirement_severity="REQUIRED",
            offline=True,
            cache_path=tmp_path / "validator-cache",
            skip_availability_check=True,
        )
        result = services.validate(settings)
        return result, [
            f"{i.check.identifier if i.check else ''}: {i.message}" for i in result.get_issues()
        ]

    validate.asked = asked
    return validate


@pytest.mark.slow
def test_bundle_crate_passes_the_ro_crate_1_1_profile(
    shared_ready_bundle, tmp_path, offline_validator
):
    """No REQUIRED issue: the licence is there (all rights reserved by default) and sha256 is a defined term."""
    result, _ = shared_ready_bundle
    bag = extract_all(result.path, tmp_path / "x")
    report, issues = offline_validator(bag / "data")
    assert report.passed(), issues
    assert set(offline_validator.asked) <= set(CONTEXT_URLS)
    crate = json.loads((bag / "data" / "ro-crate-metadata.json").read_text())
    root = next(e for e in crate["@graph"] if e["@id"] == "./")
    licence = next(e for e in crate["@graph"] if e["@id"] == root["license"]["@id"])
    assert (
        licence["identifier"] == "all-rights-reserved"
        and licence["name"]
        and licence["description"]
    )


def test_setting_licence_choice_reaches_the_crate(shared_ready, tmp_path):
    """A setting that chose CC BY-NC-ND 4.0 gets it, with its Creative Commons address, on the root dataset.
    (A copy of the run's shared ready portfolio, changed and exported.)"""
    from portfolio_builder.core.bundle.bundle_export import export_bundle
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    with Portfolio.open(copy_portfolio(shared_ready.portfolio, tmp_path / "own")) as portfolio:
        update_profile(portfolio, licence="CC-BY-NC-ND-4.0")
        result = export_bundle(portfolio, tmp_path / "bundle.zip")
    crate = json.loads(
        (extract_all(result.path, tmp_path / "x") / "data" / "ro-crate-metadata.json").read_text()
    )
    root = next(e for e in crate["@graph"] if e["@id"] == "./")
    assert root["license"] == {"@id": "https://creativecommons.org/licenses/by-nc-nd/4.0/"}
