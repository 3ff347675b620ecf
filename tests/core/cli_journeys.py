"""Each scheme's journey from an empty portfolio to a ready one, as the command lines a person would type.

Data, not code: when a scheme's requirements change, edit its lines here. A line reads like a shell
command without the program name; "$portfolio", "$files" and "$out" are the portfolio, the folder of
FILES and the output folder; "name = command" keeps the command's first line of output (a new id or
number) as "$name" for later lines. Every word here is test data, not any awarding body's wording.
"""

from __future__ import annotations

PHOTO = object()  # a FILES value: the runner writes a small JPEG photo under that name


def _evidence_files(prefix: str, codes: list[str]) -> dict[str, str]:
    return {
        f"{prefix}-{code}-{n}.txt": f"{what} for {code}: written for the {prefix.upper()} journey test.\n"
        for code in codes
        for n, what in ((1, "Minutes of the family forum"), (2, "Policy extract"))
    }


def _key_evidence(prefix: str, codes: list[str]) -> list[str]:
    return [
        f"add $portfolio $files/{prefix}-{code}-1.txt $files/{prefix}-{code}-2.txt --descriptor {code} "
        "--consent not-needed"
        for code in codes
    ]


def _ratings(codes: list[str], baseline: str, now: str, by: str) -> list[str]:
    return [
        line
        for code in codes
        for line in (
            f"rate $portfolio {code} {baseline} --on 2025-09-26 --comment 'Baseline audit.' --gap 'Families not yet "
            "involved.'",
            f"rate $portfolio {code} {now} --on 2026-06-12 --comment 'Now part of everyday practice.' --by '{by}'",
        )
    ]


# --- Family Partnership Award -------------------------------------------------------------------

FPA_CODES = [f"1{letter}" for letter in "abcdefghij"] + ["2a", "2b", "2c", "3a", "4a", "5a", "6a"]

FPA_FILES: dict[str, object] = {
    "context.txt": "Oak Primary serves 420 families on the east side of Exton.\nMany speak English as an additional language.\n",
    "theme2.txt": (
        "a. Leaders and governors promote partnership\n   with families in every plan.\n"
        "b) The family partnership lead has time to coordinate the work.\n\n"
        "2c Partnership work is reviewed each term.\n"
    ),
    "summary-1.txt": "Ethos, vision and policy are now shaped with families.\n",
    "case-study.txt": "The Ahmed family: from first contact to leading the Family Forum.\n",
    "welcome-breakfast.jpg": PHOTO,
    "draft-notes.txt": "Notes added by mistake.\n",
    **_evidence_files("fpa", FPA_CODES),
}

FPA_JOURNEY: list[str] = [
    "new $portfolio --framework family-partnership-award --setting 'Oak Primary School' --lead 'Ann Patel' "
    "--lead-role 'Family Partnership Manager'",
    "setting $portfolio --kind 'Primary school' --head 'Joy Okafor' --contact-email office@oak.example "
    "--contact-phone '01632 960000' --address '1 Oak Lane, Exton' --reference 'URN 100001' "
    "--context @$files/context.txt",
    "staff add $portfolio 'Ben Jones' --role Governor",
    "staff add $portfolio 'Carla Mendes' --role 'Family Support Worker'",
    "staff add $portfolio 'Dev Shah' --role 'Deputy Head'",
    # Themes 2-6 come from the award pack: pasted or typed in.
    "descriptor paste $portfolio 2 $files/theme2.txt",
    "descriptor add $portfolio 3 3a 'Families receive information in ways that suit them.' --example Newsletters",
    """descriptor add $portfolio 4 4a "Families take part in planning their children's learning." """,
    "descriptor add $portfolio 5 5a 'Families who need help are offered it early.'",
    "descriptor add $portfolio 6 6a 'The setting measures the difference partnership makes.'",
    "descriptor edit $portfolio 6a --text 'The setting measures the difference partnership makes to children.'",
    # Evidence summary sheets: lead, dates, summative comment per theme.
    "theme $portfolio 1 --lead 'Ann Patel' --started 2025-09-08 --ended 2026-06-19 --summary @$files/summary-1.txt",
    "theme $portfolio 2 --lead 'Dev Shah' --started 2025-09-08 --ended 2026-06-19 --summary 'Leaders own the plan.'",
    "theme $portfolio 3 --lead 'Carla Mendes' --started 2025-09-15 --ended 2026-06-19 --summary 'Information reaches every family.'",
    "theme $portfolio 4 --lead 'Carla Mendes' --started 2025-09-15 --ended 2026-06-19 --summary 'Families plan with us.'",
    "theme $portfolio 5 --lead 'Ben Jones' --started 2025-10-01 --ended 2026-06-19 --summary 'Help is offered early.'",
    "theme $portfolio 6 --lead 'Dev Shah' --started 2025-10-01 --ended 2026-06-19 --summary 'Impact is measured.'",
    *_ratings(FPA_CODES, "emergent", "Embedded", "ann patel"),
    # An item tagged by mistake, untagged and removed; then two key items per descriptor.
    "mistake = add $portfolio $files/draft-notes.txt --descriptor 3a",
    "untag $portfolio $mistake 3a",
    "remove $portfolio $mistake",
    *_key_evidence("fpa", FPA_CODES),
    # A photo (consent recorded afterwards) and a web link as cross-references.
    "photo = add $portfolio $files/welcome-breakfast.jpg --title 'Welcome breakfast'",
    "evidence $portfolio $photo --consent obtained --date 2025-10-01 --source 'Class camera'",
    "tag $portfolio $photo 1b --cross-reference",
    "link = add $portfolio https://oak.example/families --title 'Our families page'",
    "tag $portfolio $link 1a --cross-reference",
    # Gaps from the audit feed the action plan (held in theme 2).
    "action add $portfolio --theme 2 --action 'Family Forum relaunched with a termly agenda' --lead 'Carla Mendes' "
    "--from 2025-10-01 --to 2026-03-31 --resources 'Two hours a term' --monitoring 'Governors, each term' "
    "--success 'Twenty families attend' --status done --descriptor 1h",
    "action add $portfolio --theme 3 --action 'Newsletter written with parents' --lead 'Ben Jones' "
    "--from 2025-11-01 --to 2026-06-30 --status in-progress",
    # The overall best-fit judgement of each theme, at baseline and now.
    *[
        line
        for n in range(1, 7)
        for line in (
            f"theme $portfolio {n} --best-fit Emergent --on 2025-09-30",
            f"theme $portfolio {n} --best-fit embedded --on 2026-06-12 --comment 'Fully in place.'",
        )
    ],
    "write $portfolio case-study @$files/case-study.txt",
]

# --- Investors in Families (secure estate) --------------------------------------------------------

IIF_ELEMENTS = {
    f"E{n}": title
    for n, title in enumerate(
        [
            "Leadership and commitment",
            "Welcoming families",
            "Visits",
            "Communication with families",
            "Staff training",
            "Family learning",
            "Resettlement",
            "Review and feedback",
        ],
        1,
    )
}
IIF_CODES = ["E1a", "E1b", *[f"E{n}a" for n in range(2, 9)]]
IIF_LEADS = ["Kim Reyes", "Lee Grant", "Mo Farah-Smith", "Nia Evans", "Omar Khan"]

IIF_FILES: dict[str, object] = {
    "context.txt": "A young offender institution for 300 boys aged 15-18, many far from home.\n",
    "element1.txt": "1a Senior leaders back the family work in the business plan.\n"
    "1b) A named lead coordinates work with families\nacross departments.\n",
    **{
        f"element{n}.txt": f"a. Statement for element {n}: families are involved.\n"
        for n in range(2, 9)
    },
    "strategy.txt": "Family strategy 2025-2028, signed by the governor.\n",
    "outline-plan.txt": "Year 1: family days. Year 2: family learning. Year 3: resettlement with families.\n",
    "family-day.jpg": PHOTO,
    "letters.txt": "Letters sent to every family about visits.\n",
    **{
        f"impact-{n}.txt": f"Impact of priority {n}: more families engaged, as the feedback shows.\n"
        for n in range(1, 6)
    },
    **_evidence_files("iif", IIF_CODES),
}

IIF_JOURNEY: list[str] = [
    "new $portfolio --framework investors-in-families-secure --setting 'HMYOI Northfield' --lead 'Kim Reyes' "
    "--lead-role 'Head of Family Services'",
    "setting $portfolio --kind 'Young offender institution' --head 'Governor R. Hale' "
    "--contact-email families@northfield.example --contact-phone '01632 960111' "
    "--address 'Northfield, Exton' --context @$files/context.txt",
    *[f"staff add $portfolio '{name}' --role 'Priority lead'" for name in IIF_LEADS[1:]],
    *[f"theme $portfolio {code} --title '{title}'" for code, title in IIF_ELEMENTS.items()],
    *[f"descriptor paste $portfolio {n} $files/element{n}.txt" for n in range(1, 9)],
    *_ratings(IIF_CODES[:1], "red", "green", "Kim Reyes"),
    *_ratings(IIF_CODES[1:], "Amber", "GREEN", "Kim Reyes"),
    # Generic evidence and the outline three-year plan.
    "add $portfolio $files/strategy.txt --component generic --consent not-needed",
    "add $portfolio $files/outline-plan.txt --component plan --consent not-needed",
    "write $portfolio outline-plan @$files/outline-plan.txt",
    # Five priorities, a different lead each, spanning a range of statements.
    *[
        f"priority add $portfolio 'Priority {n}: better contact with families' --statement {a} --statement {b} "
        f"--lead '{IIF_LEADS[n - 1]}'"
        for n, (a, b) in enumerate(
            [("E1a", "E2a"), ("E3a", "E4a"), ("E5a", "E6a"), ("E7a", "E8a"), ("E1b", "E3a")], 1
        )
    ],
    *[
        f"action add $portfolio --theme {n} --action 'Work plan for priority {n}' --priority {n} "
        f"--lead '{IIF_LEADS[n - 1]}' --from 2025-10-01 --to 2026-07-31 --status in-progress"
        for n in range(1, 6)
    ],
    # Priority Action Cover Sheets: dated diaries with activity evidence, and the impact of each.
    "photo = add $portfolio $files/family-day.jpg --title 'Family day in the sports hall'",
    "letters = add $portfolio $files/letters.txt --consent not-needed",
    "evidence $portfolio $photo $letters --date 2025-11-04 --source 'Family services'",
    "evidence $portfolio $photo --consent obtained",
    "diary add $portfolio 1 2025-11-04 'Letters sent; first family day held.' --by 'Kim Reyes' "
    "--evidence $photo --evidence $letters",
    *[
        f"diary add $portfolio {n} 2026-0{n}-10 'Actions for priority {n} under way.' --by '{IIF_LEADS[n - 1]}'"
        for n in range(2, 6)
    ],
    *[f"impact $portfolio {n} @$files/impact-{n}.txt" for n in range(1, 6)],
]

# --- A local authority's practice-quality self-evaluation ---------------------------------------------

LA_CODES = ["R1", "R2", "R3", "Q1", "Q2", "A1", "A2", "P1", "P2", "V1", "V2"]
LA_FILES: dict[str, object] = {
    "context.txt": "Children's services for a county of 850,000 people; twelve locality teams.\n",
    "analysis.txt": "Referrals and reviews are strong; planning for permanence needs work in two teams.\n",
    **{f"la-{code}-1.txt": f"Case-file audit record for {code}, moderated.\n" for code in LA_CODES},
}
LA_JOURNEY: list[str] = [
    "new $portfolio --framework la-practice-quality --setting \"Exshire Children's Services\" --lead 'Pat Moss' "
    "--lead-role 'Head of Quality Assurance'",
    "setting $portfolio --contact-email qa@exshire.example --context @$files/context.txt",
    'descriptor edit $portfolio R1 --text "Referrals set out the concern and the family\'s strengths clearly."',
    *[
        line
        for code in LA_CODES
        for line in (
            f"rate $portfolio {code} 'requires improvement' --on 2026-01-12 --comment 'Stage 1 audit.' "
            "--gap 'Chronology out of date.'",
            f"rate $portfolio {code} good --on 2026-04-20 --comment 'Moderated at Stage 2.'",
        )
    ],
    *[
        f"add $portfolio $files/la-{code}-1.txt --descriptor {code} --consent not-needed"
        for code in LA_CODES
    ],
    "action add $portfolio --theme P --descriptor P2 --action 'Contingency plans agreed for every child' "
    "--lead 'Pat Moss' --from 2026-01-12 --status done",
    "write $portfolio analysis @$files/analysis.txt",
]

# --- Signs of Safety accreditation ----------------------------------------------------------------

SOS_FILES: dict[str, object] = {
    "principles.txt": "a. Working relationships are the heart of practice.\n"
    "b) Practitioners think critically and stay curious.\n",
    "benchmark.txt": "Compared with two neighbouring authorities that hold the award.\n",
    "data-a.txt": "Family feedback survey, 2026: 81% felt listened to.\n",
    "data-b.txt": "Supervision audit, 2026.\n",
}
SOS_JOURNEY: list[str] = [
    'new $portfolio --framework signs-of-safety-accreditation --setting "Westborough Children\'s Services" '
    "--lead 'Sam Lee' --lead-role 'Practice lead'",
    "setting $portfolio --award-level Silver --contact-email practice@westborough.example",
    "descriptor paste $portfolio C $files/principles.txt",
    "rate $portfolio Ca 'partly met' --on 2026-02-01",
    "rate $portfolio Ca met --on 2026-05-01",
    "rate $portfolio Cb met --on 2026-05-01",
    "add $portfolio $files/data-a.txt --descriptor Ca --consent not-needed",
    "add $portfolio $files/data-b.txt --descriptor Cb --consent not-needed",
    "action add $portfolio --theme C --action 'Peer review by a neighbouring authority' --from 2026-06-01",
    "write $portfolio self-benchmarking @$files/benchmark.txt",
]

# --- A setting's own scheme, brought in as a framework file -------------------------------------------

OWN_FRAMEWORK = """format = 2
[framework]
id = "hillview-family-charter"
name = "Hillview Family Charter"
description = "Our own charter for working with families."
[words]
theme = "Strand"
themes = "Strands"
descriptor = "Pledge"
descriptors = "Pledges"
guidance = "charter booklet"
[scale]
name = "Not yet / Partly / Fully"
levels = [{ key = "not-yet", label = "Not yet" }, { key = "partly", label = "Partly" }, { key = "fully", label = "Fully" }]
[evidence_rule]
min_key = 1
max_key = 3
[[texts]]
key = "reflection"
title = "Our reflection"
required = true
[final]
requires = ["themes_entered", "descriptors_rated", "descriptors_evidenced"]
[[themes]]
code = "W"
title = "Welcome"
[[themes.descriptors]]
code = "W1"
text = "Every family is greeted by name."
[[themes]]
code = "V"
title = "Voice"
[[themes.descriptors]]
code = "V1"
text = "Families shape our plans."
"""
OWN_FILES: dict[str, object] = {
    "charter.toml": OWN_FRAMEWORK,
    "greeting.txt": "Greeting rota.\n",
    "survey.txt": "Family survey.\n",
    "forum.txt": "Forum minutes.\n",
}
OWN_JOURNEY: list[str] = [
    "new $portfolio --framework $files/charter.toml --setting 'Hillview Nursery' --lead 'Pat Lee'",
    "rate $portfolio W1 fully --on 2026-03-01",
    "rate $portfolio V1 partly --on 2026-03-01",
    "add $portfolio $files/greeting.txt --descriptor W1",
    "add $portfolio $files/survey.txt $files/forum.txt --descriptor V1",
    "write $portfolio reflection 'We learned to listen first.'",
]

JOURNEYS = {
    "family-partnership-award": (FPA_JOURNEY, FPA_FILES),
    "investors-in-families-secure": (IIF_JOURNEY, IIF_FILES),
    "la-practice-quality": (LA_JOURNEY, LA_FILES),
    "signs-of-safety-accreditation": (SOS_JOURNEY, SOS_FILES),
    "hillview-family-charter": (OWN_JOURNEY, OWN_FILES),
}

FINAL_CHECKS = [
    "status $portfolio --json",
    "export $portfolio $out/bundle.zip",
    "verify $out/bundle.zip",
]
