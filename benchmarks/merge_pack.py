"""Measure merging a contribution pack of photos against importing the same photos as files, in the same run.

Run: .venv/bin/python benchmarks/merge_pack.py [--count 500]
A team member's copy imports the photos (a); the pack they send is merged into the lead's portfolio (b):
verified against its SHA-256 manifest, backed up, stored in one transaction. Prints files/s for each and
the ratio (b)/(a) (goal >= 0.70).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_photos import prepare_photos  # noqa: E402 - the same 12 MP photos as the import benchmark


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument(
        "--repeat", type=int, default=1, help="rounds, alternating (a) and (b); best of each"
    )
    args = parser.parse_args()
    paths, _cores = prepare_photos(args.count)

    from portfolio_builder.core.evidence.evidence_import import import_evidence
    from portfolio_builder.core.framework.portfolio_setup import create_portfolio
    from portfolio_builder.core.scheme.framework_catalog import shipped_framework
    from portfolio_builder.core.storage.portfolio_file import Portfolio
    from portfolio_builder.core.team.merge_apply import apply_merge
    from portfolio_builder.core.team.pack_writer import make_contribution_pack
    from portfolio_builder.core.team.team_copy import make_team_copy

    imported = merged = 0.0
    for round_number in range(1, args.repeat + 1):
        for p in paths:  # the photos in the page cache for (a), as the pack will be for (b)
            Path(p).read_bytes()
        with tempfile.TemporaryDirectory() as work:
            work = Path(work)
            lead = create_portfolio(
                work / "lead.portfolio",
                shipped_framework("family-partnership-award"),
                "Bench School",
                lead=("Ann Patel", "Lead"),
            )
            copy = make_team_copy(lead, work / "member.portfolio", "Ben Jones")
            with Portfolio.open(copy.path) as member:
                started = time.perf_counter()
                report = import_evidence(member, paths, consent="obtained")
                imported = max(imported, args.count / (time.perf_counter() - started))
            assert len(report.added) == args.count, report.skipped[:3]
            pack = make_contribution_pack(copy.path, work / "pack.zip")
            Path(pack.path).read_bytes()  # in the page cache, as the photos were
            started = time.perf_counter()
            result = apply_merge(lead, pack.path, {})
            merged = max(merged, args.count / (time.perf_counter() - started))
            assert result.applied == args.count, result
            lead.close()
        print(
            f"round {round_number}: best so far (a) {imported:.1f} files/s, (b) {merged:.1f} files/s",
            flush=True,
        )
    print(f"(a) import the photos as files:        {imported:.1f} files/s")
    print(f"(b) merge a pack with the same photos:  {merged:.1f} files/s")
    print(f"ratio (b)/(a): {merged / imported:.2f}  (goal >= 0.70)")


if __name__ == "__main__":
    main()
