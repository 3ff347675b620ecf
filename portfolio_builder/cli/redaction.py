"""Blur or block out parts of a photo item from the command line: set its regions, find faces, clear, or list them."""

from __future__ import annotations

from .arguments import EXIT_OK, EXIT_USAGE, add_command, open_portfolio


def _describe(region) -> str:
    return (
        f"{region.x:.4f},{region.y:.4f},{region.w:.4f},{region.h:.4f},{region.mode},{region.shape}"
    )


def cmd_redact(args) -> int:
    """`redact`: replace an item's regions with those given (and/or the faces found), clear them, or list them."""
    from ..core.bundle.export_plan import redaction_words
    from ..core.errors import BadInput
    from ..core.evidence.region_service import (
        clear_regions,
        item_regions,
        set_regions,
        suggest_face_regions,
    )
    from ..core.privacy.redaction.regions import Region

    if args.clear and (args.region or args.faces):
        args.parser.error("--clear cannot be combined with --region or --faces")
        return EXIT_USAGE
    regions = [
        Region.parse(text) for text in args.region or ()
    ]  # every region checked before anything is read
    if not (args.clear or args.faces or regions):
        with open_portfolio(args.path, read_only=True) as portfolio:
            shown = item_regions(portfolio, args.evidence_id)
        for region in shown:
            print(_describe(region))
        if not shown:
            print(f"Item {args.evidence_id} has no regions: its photo leaves as it is.")
        return EXIT_OK
    with open_portfolio(args.path) as portfolio:
        if args.clear:
            change = clear_regions(portfolio, args.evidence_id)
            print(
                f"Item {args.evidence_id}: {len(change.before)} region(s) cleared; its photo leaves as it is."
            )
            return EXIT_OK
        if args.faces:
            faces = suggest_face_regions(portfolio, args.evidence_id)
            if not faces and not regions:
                raise BadInput(
                    f"No face was found on item {args.evidence_id}; nothing was changed. "
                    "Mark the parts to blur with --region x,y,w,h."
                )
            regions += faces
        change = set_regions(portfolio, args.evidence_id, regions)
    for region in change.after:
        print(_describe(region))
    print(
        f"Item {args.evidence_id}: {redaction_words(change.after)} when it leaves"
        + (f" (replacing {len(change.before)} earlier region(s))." if change.before else ".")
    )
    return EXIT_OK


def register(sub) -> None:
    """Add redact to the parser."""
    p = add_command(
        sub,
        "redact",
        "blur or block out parts of a photo item when it leaves (the stored photo is kept)",
        [
            "redact oak.portfolio 12 --faces",
            "redact oak.portfolio 12 --region 0.62,0.08,0.2,0.15,block --faces",
            "redact oak.portfolio 12 --region 0.1,0.2,0.3,0.25,blur,ellipse",
            "redact oak.portfolio 12 --clear",
            "redact oak.portfolio 12",
        ],
        "REGION is x,y,w,h as fractions (0 to 1) of the photo as it is shown upright, then optionally "
        "blur (the default) or block, and rectangle (the default) or ellipse. --faces adds an ellipse "
        "over each face found. The item's regions are replaced by those given; with no option they "
        "are listed. A photo whose consent is 'blurred' only leaves with its regions applied.",
    )
    p.add_argument("path")
    p.add_argument("evidence_id", type=int, metavar="ID")
    p.add_argument("--region", action="append", metavar="X,Y,W,H[,blur|block]")
    p.add_argument("--faces", action="store_true", help="find the faces on the photo and blur each")
    p.add_argument(
        "--clear", action="store_true", help="remove every region (the photo then leaves as it is)"
    )
    p.set_defaults(func=cmd_redact, parser=p)
