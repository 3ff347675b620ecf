"""Create a new portfolio from a framework, and edit the setting's profile and staff."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import col, select

from ..errors import BadInput, PortfolioFileError
from ..licences import LICENCES
from ..scheme.framework_model import Framework
from ..scheme.store import scheme_in_session
from ..storage.portfolio_file import Portfolio
from ..storage.schema import SettingProfile, Staff, stored_id
from .framework_reads import SettingValues, StaffMember, frozen_copy
from .framework_service import install_framework

PROFILE_FIELDS = {
    "name",
    "kind",
    "address",
    "reference",
    "head",
    "contact_email",
    "phone",
    "context",
    "award_level",
    "licence",
}


def create_portfolio(
    path: Path,
    framework: Framework,
    setting_name: str,
    lead: tuple[str, str] | None = None,
    team: list[tuple[str, str]] | None = None,
) -> Portfolio:
    """Create a portfolio file holding a copy of the framework, the setting and its core team."""
    if not setting_name or not setting_name.strip():
        raise BadInput("The setting needs a name.")
    portfolio = Portfolio.create(Path(path))
    try:
        with portfolio.writing() as session:
            install_framework(session, framework)
            session.add(SettingProfile(name=setting_name.strip()))
            if lead:
                session.add(Staff(name=lead[0], role=lead[1], is_lead=True))
            for name, role in team or []:
                session.add(Staff(name=name, role=role))
    except Exception:
        portfolio.close()
        for leftover in (Path(path), Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return portfolio


def setting_profile(portfolio: Portfolio) -> SettingValues:
    """The setting's profile."""
    with portfolio.session() as session:
        profile = session.exec(select(SettingProfile)).first()
        if profile is None:
            raise PortfolioFileError("This portfolio has no setting profile; it may be damaged.")
        return frozen_copy(SettingValues, profile)


def update_profile(portfolio: Portfolio, **fields: str) -> None:
    """Edit the setting's profile: details, contact, context, the award level applied for."""
    unknown = set(fields) - PROFILE_FIELDS
    if unknown:
        raise BadInput(f"The setting profile has no field {', '.join(sorted(unknown))}.")
    if "name" in fields and not fields["name"].strip():
        raise BadInput("The setting needs a name.")
    if "licence" in fields and fields["licence"] not in {licence.key for licence in LICENCES}:
        raise BadInput(
            f"'{fields['licence']}' is not a licence Portfolio Builder offers; choose one of: "
            f"{', '.join(licence.key for licence in LICENCES)}."
        )
    with portfolio.writing() as session:
        award = scheme_in_session(session).award
        if fields.get("award_level") and (
            award is None or fields["award_level"] not in award.levels
        ):
            known = ", ".join(award.levels) if award else "none in this scheme"
            raise BadInput(f"'{fields['award_level']}' is not an award level (levels: {known}).")
        profile = session.exec(select(SettingProfile)).one()
        for name, value in fields.items():
            setattr(profile, name, value)
        session.add(profile)


def list_staff(portfolio: Portfolio) -> list[StaffMember]:
    """Everyone on the staff list, lead first."""
    with portfolio.session() as session:
        rows = session.exec(
            select(Staff).order_by(col(Staff.is_lead).desc(), col(Staff.name))
        ).all()
        return [frozen_copy(StaffMember, row) for row in rows]


def add_staff(
    portfolio: Portfolio,
    name: str,
    role: str = "",
    email: str = "",
    is_lead: bool = False,
    in_core_team: bool = True,
    unique_name: bool = False,
) -> int:
    """Add a member of staff (a new lead becomes the only lead; unique_name refuses a name already on the
    list, so people can be found by name); returns the id."""
    if not name.strip():
        raise BadInput("A member of staff needs a name.")
    with portfolio.writing() as session:
        if unique_name:
            wanted = " ".join(name.split()).casefold()
            if any(
                " ".join(n.split()).casefold() == wanted
                for n in session.exec(select(Staff.name)).all()
            ):
                raise BadInput(f"'{name.strip()}' is already on the staff list.")
        if is_lead:
            for other in session.exec(select(Staff).where(Staff.is_lead)).all():
                other.is_lead = False
                session.add(other)
        row = Staff(
            name=name.strip(), role=role, email=email, is_lead=is_lead, in_core_team=in_core_team
        )
        session.add(row)
        session.flush()
        return stored_id(row)


def update_staff(portfolio: Portfolio, staff_id: int, **fields) -> None:
    """Edit a member of staff; making someone the lead makes them the only lead."""
    if "name" in fields and not str(fields["name"]).strip():
        raise BadInput("A member of staff needs a name.")
    with portfolio.writing() as session:
        row = session.get(Staff, staff_id)
        if row is None:
            raise BadInput("That member of staff no longer exists.")
        for name, value in fields.items():
            if name not in {"name", "role", "email", "is_lead", "in_core_team"}:
                raise BadInput(f"A member of staff has no field {name}.")
            setattr(row, name, value.strip() if isinstance(value, str) else value)
        if fields.get("is_lead"):
            for other in session.exec(
                select(Staff).where(Staff.id != staff_id, Staff.is_lead)
            ).all():
                other.is_lead = False
                session.add(other)
        session.add(row)


def remove_staff(portfolio: Portfolio, staff_id: int) -> None:
    """Remove a member of staff (past ratings keep the name they were made under; themes and priorities they
    led have no lead). The desktop's undo brings them back through the Change core records."""
    with portfolio.writing() as session:
        row = session.get(Staff, staff_id)
        if row is not None:
            session.delete(row)
