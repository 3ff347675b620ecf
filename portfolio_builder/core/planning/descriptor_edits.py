"""Framework edits the desktop makes in one step: a descriptor deleted closing the gap in its theme's order.

Undo is not written here: the desktop records each write as a core Change (storage/row_changes.py),
whose undo puts the descriptor back with its ratings, links and place.
"""

from __future__ import annotations

from sqlmodel import select

from ..errors import BadInput
from ..storage.portfolio_file import Portfolio
from ..storage.schema import DescriptorRow


def delete_descriptor_in_place(portfolio: Portfolio, descriptor_id: int) -> None:
    """Delete a descriptor (its ratings and links go too) and move the later ones of its theme up one place."""
    with portfolio.writing() as session:
        row = session.get(DescriptorRow, descriptor_id)
        if row is None:
            raise BadInput("That descriptor no longer exists.")
        siblings = session.exec(
            select(DescriptorRow).where(
                DescriptorRow.theme_id == row.theme_id, DescriptorRow.position > row.position
            )
        ).all()
        session.delete(row)
        session.flush()
        for sibling in siblings:
            sibling.position -= 1
            session.add(sibling)
