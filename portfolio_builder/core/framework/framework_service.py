"""The portfolio's own copy of its framework: install it, read it back, edit its descriptors."""

from __future__ import annotations

from sqlmodel import Session, col, func, select

from ..errors import BadInput
from ..scheme.framework_file import CODE_RE
from ..scheme.framework_model import Descriptor, Framework, Theme
from ..scheme.store import scheme_in_session, scheme_json
from ..storage.portfolio_file import Portfolio
from ..storage.schema import DescriptorRow, FrameworkInfo, ThemeRow, stored_id


def install_framework(session: Session, framework: Framework) -> None:
    """Copy a framework into an empty portfolio: its scheme definition, themes and descriptors."""
    session.add(FrameworkInfo(scheme=scheme_json(framework.scheme)))
    for t_pos, theme in enumerate(framework.themes):
        row = ThemeRow(
            position=t_pos,
            code=theme.code,
            title=theme.title,
            description=theme.description,
            hint=theme.hint,
            placeholder=theme.placeholder,
        )
        session.add(row)
        session.flush()
        for d_pos, descriptor in enumerate(theme.descriptors):
            session.add(
                DescriptorRow(
                    theme_id=stored_id(row),
                    position=d_pos,
                    code=descriptor.code,
                    text=descriptor.text,
                    examples="\n".join(descriptor.examples),
                    ours=descriptor.ours,
                )
            )


def read_framework(session: Session) -> Framework:
    """The portfolio's framework, as edited by the setting, in the shipped file's shape."""
    themes = session.exec(select(ThemeRow).order_by(col(ThemeRow.position))).all()
    descriptors = session.exec(select(DescriptorRow).order_by(col(DescriptorRow.position))).all()
    by_theme: dict[int, list[DescriptorRow]] = {}
    for d in descriptors:
        by_theme.setdefault(d.theme_id, []).append(d)
    return Framework(
        scheme=scheme_in_session(session),
        themes=[
            Theme(
                t.code,
                t.title,
                t.description,
                [
                    Descriptor(d.code, d.text, [e for e in d.examples.splitlines() if e], d.ours)
                    for d in by_theme.get(stored_id(t), [])
                ],
                hint=t.hint,
                placeholder=t.placeholder,
            )
            for t in themes
        ],
    )


def descriptor_by_code(session: Session, code: str) -> DescriptorRow:
    """A descriptor by its code, whatever its case, or BadInput naming the codes that exist."""
    wanted = (code or "").strip()
    row = session.exec(
        select(DescriptorRow).where(func.lower(DescriptorRow.code) == wanted.lower())
    ).first()
    if row is None:
        codes = session.exec(select(DescriptorRow.code).order_by(DescriptorRow.code)).all()
        word = scheme_in_session(session).words.descriptor.lower()
        hint = (
            f" Codes in this portfolio: {', '.join(codes)}."
            if codes
            else f" This portfolio has no {word}s yet."
        )
        raise BadInput(f"There is no {word} '{wanted}'.{hint}")
    return row


def theme_by_code(session: Session, code: str) -> ThemeRow:
    """A theme by its code (any case) or its number in order (1 = first), or BadInput naming the known ones."""
    from .lookups import theme_by_reference

    return theme_by_reference(session, code)


def _check_new_code(session: Session, code: str, ignore_id: int | None = None) -> str:
    code = (code or "").strip()
    if not CODE_RE.match(code):
        raise BadInput(
            f"'{code}' is not a valid code: use letters, digits, '.' and '-' (up to 16)."
        )
    clash = session.exec(
        select(DescriptorRow).where(func.lower(DescriptorRow.code) == code.lower())
    ).first()
    theme_clash = session.exec(
        select(ThemeRow).where(func.lower(ThemeRow.code) == code.lower())
    ).first()
    if (clash and clash.id != ignore_id) or theme_clash:
        raise BadInput(f"The code '{code}' is already used in this portfolio.")
    return code


def add_theme(portfolio: Portfolio, code: str, title: str, description: str = "") -> int:
    """Add a theme at the end of the framework; returns its id."""
    if not title.strip():
        raise BadInput("A theme needs a title.")
    with portfolio.writing() as session:
        if session.exec(
            select(ThemeRow).where(func.lower(ThemeRow.code) == code.strip().lower())
        ).first():
            raise BadInput(f"The theme code '{code}' is already used.")
        position = session.exec(select(func.count()).select_from(ThemeRow)).one()
        row = ThemeRow(
            position=position, code=code.strip(), title=title.strip(), description=description
        )
        session.add(row)
        session.flush()
        return stored_id(row)


def update_theme(
    portfolio: Portfolio, theme_id: int, best_fit: tuple | None = None, **fields
) -> None:
    """Edit a theme's title, description or evidence-summary fields, and record a best-fit judgement
    ((level, date, comment)) with them, all in one transaction."""
    allowed = {
        "title",
        "description",
        "lead_staff_id",
        "gathering_started",
        "gathering_ended",
        "summative_comment",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise BadInput(f"A theme has no field {', '.join(sorted(unknown))}.")
    if "title" in fields and not str(fields["title"]).strip():
        raise BadInput("A theme needs a title.")
    with portfolio.writing() as session:
        row = session.get(ThemeRow, theme_id)
        if row is None:
            raise BadInput("That theme no longer exists.")
        started = fields.get("gathering_started", row.gathering_started)
        ended = fields.get("gathering_ended", row.gathering_ended)
        if started and ended and ended < started:
            raise BadInput(f"Evidence gathering cannot end ({ended}) before it starts ({started}).")
        if best_fit is not None:
            from .best_fit import judgement_row

            judgement_row(session, stored_id(row), *best_fit)
        if "title" in fields and fields["title"].strip() != row.title:
            row.placeholder = (
                False  # renamed from the scheme's placeholder: the setting's own title now
            )
        for name, value in fields.items():
            setattr(row, name, value.strip() if name == "title" else value)
        session.add(row)


def add_descriptor(
    portfolio: Portfolio, theme_code: str, code: str, text: str, examples: list[str] | None = None
) -> int:
    """Add a descriptor at the end of a theme (for descriptors from the award pack); returns its id."""
    if not text.strip():
        raise BadInput("A descriptor needs its text.")
    with portfolio.writing() as session:
        theme = theme_by_code(session, theme_code)
        code = _check_new_code(session, code)
        position = session.exec(
            select(func.count())
            .select_from(DescriptorRow)
            .where(DescriptorRow.theme_id == theme.id)
        ).one()
        row = DescriptorRow(
            theme_id=stored_id(theme),
            position=position,
            code=code,
            text=text.strip(),
            examples="\n".join(e.strip() for e in (examples or []) if e.strip()),
        )
        session.add(row)
        session.flush()
        return stored_id(row)


def update_descriptor(
    portfolio: Portfolio,
    descriptor_id: int,
    code: str | None = None,
    text: str | None = None,
    examples: list[str] | None = None,
) -> None:
    """Edit a descriptor's code, text or examples."""
    with portfolio.writing() as session:
        row = session.get(DescriptorRow, descriptor_id)
        if row is None:
            raise BadInput("That descriptor no longer exists.")
        if code is not None and code != row.code:
            row.code = _check_new_code(session, code, ignore_id=row.id)
        if text is not None:
            if not text.strip():
                raise BadInput("A descriptor needs its text.")
            if text.strip() != row.text:
                row.ours = False  # the setting's own wording replaces our summary
            row.text = text.strip()
        if examples is not None:
            row.examples = "\n".join(e.strip() for e in examples if e.strip())
        session.add(row)


def move_descriptor(portfolio: Portfolio, descriptor_id: int, new_position: int) -> None:
    """Reorder a descriptor within its theme."""
    with portfolio.writing() as session:
        row = session.get(DescriptorRow, descriptor_id)
        if row is None:
            raise BadInput("That descriptor no longer exists.")
        siblings = list(
            session.exec(
                select(DescriptorRow)
                .where(DescriptorRow.theme_id == row.theme_id)
                .order_by(col(DescriptorRow.position))
            ).all()
        )
        siblings.remove(row)
        siblings.insert(max(0, min(new_position, len(siblings))), row)
        for position, sibling in enumerate(siblings):
            sibling.position = position
            session.add(sibling)


def delete_descriptor(portfolio: Portfolio, descriptor_id: int) -> None:
    """Remove a descriptor with its ratings and links (evidence items themselves are kept)."""
    with portfolio.writing() as session:
        row = session.get(DescriptorRow, descriptor_id)
        if row is not None:
            session.delete(row)
