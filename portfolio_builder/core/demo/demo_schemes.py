"""Which sample builds for each of the other shipped schemes, each a fictional setting part-way through its journey.

Each setting's module holds its own words ("We ..."), never any awarding body's wording. Where a setting
has not typed its toolkit's wording yet, the scheme's placeholders and our summaries stay as shipped.
"""

from __future__ import annotations

from .demo_larchwood import build_iif_demo
from .demo_northbridge import build_sos_demo
from .demo_westmoor import build_la_demo

SCHEME_DEMOS = {
    "investors-in-families-secure": build_iif_demo,
    "la-practice-quality": build_la_demo,
    "signs-of-safety-accreditation": build_sos_demo,
}
