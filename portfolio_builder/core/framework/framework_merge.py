"""Import a framework file into an existing portfolio: add only the themes and descriptors whose codes are new."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import func, select

from ..scheme.framework_model import Descriptor, Framework, Theme
from ..storage.portfolio_file import Portfolio
from ..storage.schema import DescriptorRow, ThemeRow, stored_id


@dataclass
class MergePlan:
    """What an import would add: whole new themes, and new descriptors for themes already present."""

    new_themes: list[Theme] = field(default_factory=list)
    new_descriptors: list[tuple[str, Descriptor]] = field(
        default_factory=list
    )  # (existing theme code, d)

    @property
    def empty(self) -> bool:
        return not self.new_themes and not self.new_descriptors

    def codes(self) -> tuple[list[str], list[str]]:
        """Theme codes and descriptor codes this plan adds."""
        descriptors = [d.code for t in self.new_themes for d in t.descriptors]
        descriptors += [d.code for _theme, d in self.new_descriptors]
        return [t.code for t in self.new_themes], descriptors

    def summary_lines(self) -> list[str]:
        """One line per addition, for the confirmation the user sees."""
        lines = [
            f"New theme {t.code} {t.title} ({len(t.descriptors)} descriptors)"
            for t in self.new_themes
        ]
        for t in self.new_themes:
            lines += [f"  {d.code}: {d.text}" for d in t.descriptors]
        lines += [f"{d.code} (theme {theme}): {d.text}" for theme, d in self.new_descriptors]
        return lines


def plan_merge(portfolio: Portfolio, framework: Framework) -> MergePlan:
    """Compare a framework with the portfolio's copy; codes already used anywhere are left alone."""
    with portfolio.session() as session:
        theme_codes = set(session.exec(select(ThemeRow.code)).all())
        used = set(session.exec(select(DescriptorRow.code)).all()) | theme_codes
    plan = MergePlan()
    for theme in framework.themes:
        if theme.code in theme_codes:
            plan.new_descriptors += [
                (theme.code, d) for d in theme.descriptors if d.code not in used
            ]
        elif theme.code not in used:
            kept = [d for d in theme.descriptors if d.code not in used and d.code != theme.code]
            plan.new_themes.append(Theme(theme.code, theme.title, theme.description, kept))
    return plan


def apply_merge(portfolio: Portfolio, plan: MergePlan) -> None:
    """Add what the plan lists, in one transaction."""
    with portfolio.writing() as session:

        def append(theme_row: ThemeRow, descriptor: Descriptor) -> None:
            position = session.exec(
                select(func.count())
                .select_from(DescriptorRow)
                .where(DescriptorRow.theme_id == theme_row.id)
            ).one()
            session.add(
                DescriptorRow(
                    theme_id=stored_id(theme_row),
                    position=position,
                    code=descriptor.code,
                    text=descriptor.text,
                    examples="\n".join(descriptor.examples),
                )
            )
            session.flush()

        for theme_code, descriptor in plan.new_descriptors:
            append(
                session.exec(select(ThemeRow).where(ThemeRow.code == theme_code)).one(), descriptor
            )
        for theme in plan.new_themes:
            position = session.exec(select(func.count()).select_from(ThemeRow)).one()
            row = ThemeRow(
                position=position, code=theme.code, title=theme.title, description=theme.description
            )
            session.add(row)
            session.flush()
            for descriptor in theme.descriptors:
                append(row, descriptor)
