"""The licence a setting gives its bundle (RO-Crate requires one on the root dataset): a short list, a safe default.

The default keeps every right: the portfolio holds children's and families' work and photos and
goes to one assessor, not to the public. A setting that wants to share its portfolio more widely
chooses a Creative Commons licence once on the Setting page; it is stored in the portfolio.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Licence:
    """One choice: its key (stored), the words people read, and its web address when it has one."""

    key: str
    name: str
    description: str
    url: str = ""


LICENCES = (
    Licence(
        "all-rights-reserved",
        "All rights reserved (for the assessor only)",
        "Made available to the quality mark's assessor for assessment only; not to be published, copied or "
        "shared further without the setting's permission.",
    ),
    Licence(
        "CC-BY-NC-ND-4.0",
        "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0",
        "May be shared unchanged, with credit to the setting, for non-commercial purposes.",
        "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    ),
    Licence(
        "CC-BY-NC-4.0",
        "Creative Commons Attribution-NonCommercial 4.0",
        "May be shared and adapted, with credit to the setting, for non-commercial purposes.",
        "https://creativecommons.org/licenses/by-nc/4.0/",
    ),
    Licence(
        "CC-BY-4.0",
        "Creative Commons Attribution 4.0",
        "May be shared and adapted for any purpose, with credit to the setting.",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
)
DEFAULT_LICENCE = LICENCES[0].key


def licence_for(key: str | None) -> Licence:
    """The licence stored under key; the default for an empty or unknown key."""
    return next((licence for licence in LICENCES if licence.key == key), LICENCES[0])


def crate_entity(key: str | None) -> dict:
    """The licence as an RO-Crate contextual entity (a CreativeWork with a name and description)."""
    licence = licence_for(key)
    return {
        "@id": licence.url or f"#licence-{licence.key}",
        "@type": "CreativeWork",
        "name": licence.name,
        "description": licence.description,
        "identifier": licence.key,
    }
