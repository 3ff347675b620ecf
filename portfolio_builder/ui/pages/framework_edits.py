"""The framework page's edits, each a dialog then one undoable command: themes, descriptors, pasting, moving, dropping."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from ...core.evidence.evidence_links import tag_evidence_many
from ...core.framework import framework_service as fs
from ...core.framework.descriptor_detail import descriptor_detail
from ...core.framework.descriptor_paste import apply_paste
from ...core.planning.descriptor_edits import delete_descriptor_in_place
from ...core.scheme.model import Scheme
from .. import messages
from ..framework_dialogs import DescriptorDialog, DescriptorForm, ThemeDialog, ThemeForm
from ..models.framework_tree_model import FrameworkTreeModel
from ..paste_descriptors_dialog import PasteDescriptorsDialog
from ..portfolio_context import EVIDENCE, FRAMEWORK, PortfolioContext
from ..scheme_words import in_sentence


class FrameworkEdits:
    """Mixed into FrameworkPage (a QWidget, the parent of every dialog): what the user changes in the framework."""

    context: PortfolioContext
    model: FrameworkTreeModel
    scheme: Scheme
    _themes: list

    def _current_source(self) -> QModelIndex:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def select_descriptor(self, code: str) -> bool:
        raise NotImplementedError

    def _push(self, text: str, write, area: str = FRAMEWORK) -> bool:
        return self.context.push(text, write, area)

    def add_theme(self) -> None:
        next_code = str(len(self._themes) + 1)
        form = ThemeDialog.ask(self, ThemeForm(next_code, "", ""), adding=True)
        if form is None:
            return
        p = self.context.portfolio
        self._push(
            f"Add {in_sentence(self.scheme.words.theme)} {form.code}",
            lambda: fs.add_theme(p, form.code, form.title, form.description),
        )

    def edit_theme(self) -> None:
        theme = self.model.theme_of(self._current_source())
        if theme is None:
            return
        form = ThemeDialog.ask(
            self, ThemeForm(theme.code, theme.title, theme.description), adding=False
        )
        if form is None:
            return
        p = self.context.portfolio
        self._push(
            f"Edit {in_sentence(self.scheme.words.theme)} {theme.code}",
            lambda: fs.update_theme(p, theme.id, title=form.title, description=form.description),
        )

    def add_descriptor(self) -> None:
        theme = self.model.theme_of(self._current_source()) or (
            self._themes[0] if self._themes else None
        )
        if theme is None:
            return
        suggested = (
            f"{theme.code}{chr(ord('a') + len(theme.descriptors))}"
            if len(theme.descriptors) < 26
            else ""
        )
        form = DescriptorDialog.ask(
            self,
            [(t.code, t.title) for t in self._themes],
            DescriptorForm(theme.code, suggested, "", []),
            adding=True,
        )
        if form is None:
            return
        p = self.context.portfolio
        if self._push(
            f"Add {in_sentence(self.scheme.words.descriptor)} {form.code}",
            lambda: fs.add_descriptor(p, form.theme_code, form.code, form.text, form.examples),
        ):
            self.refresh()
            self.select_descriptor(form.code)

    def paste_descriptors(self) -> bool:
        """Add a theme's descriptors pasted from the award pack, all in one undoable step."""
        theme = self.model.theme_of(self._current_source()) or (
            self._themes[0] if self._themes else None
        )
        if theme is None:
            return False
        p = self.context.portfolio
        answer = PasteDescriptorsDialog.ask(
            self, p, [(t.code, t.title) for t in self._themes], theme.code, self.scheme.words
        )
        if answer is None:
            return False
        theme_code, text = answer
        added: dict[str, list] = {}

        def do():
            added["codes"] = [item.code for item in apply_paste(p, theme_code, text)]

        if not self._push(
            f"Paste {in_sentence(self.scheme.words.descriptors)} into {theme_code}", do
        ):
            return False
        self.refresh()
        self.select_descriptor(added["codes"][0])
        return True

    def edit_descriptor(self) -> None:
        line = self.model.descriptor_at(self._current_source())
        detail = descriptor_detail(self.context.portfolio, line.id) if line else None
        if detail is None:
            return
        initial = DescriptorForm(detail.theme_code, detail.code, detail.text, detail.examples)
        form = DescriptorDialog.ask(
            self, [(t.code, t.title) for t in self._themes], initial, adding=False
        )
        if form is None or form == initial:
            return
        self.edit_descriptor_to(detail.id, initial, form)

    def edit_descriptor_to(
        self, descriptor_id: int, old: DescriptorForm, new: DescriptorForm
    ) -> bool:
        """Change a descriptor's code, text and examples as one undoable edit."""
        p = self.context.portfolio
        return self._push(
            f"Edit {in_sentence(self.scheme.words.descriptor)} {old.code}",
            lambda: fs.update_descriptor(p, descriptor_id, new.code, new.text, new.examples),
        )

    def delete_descriptor(self) -> None:
        line = self.model.descriptor_at(self._current_source())
        if line is None:
            return
        word = in_sentence(self.scheme.words.descriptor)
        if not messages.confirm(
            self,
            f"Delete {word} {line.code}? Its ratings and evidence links go with it "
            "(the evidence items stay). You can undo this.",
        ):
            return
        p = self.context.portfolio
        self._push(f"Delete {word} {line.code}", lambda: delete_descriptor_in_place(p, line.id))

    def move_descriptor(self, step: int) -> None:
        index = self._current_source()
        line, theme = self.model.descriptor_at(index), self.model.theme_of(index)
        if line is None or not 0 <= index.row() + step < len(theme.descriptors):
            return
        p, new = self.context.portfolio, index.row() + step
        self._push(f"Move descriptor {line.code}", lambda: fs.move_descriptor(p, line.id, new))

    def tag_dropped_evidence(self, code: str, ids: list) -> bool:
        """Evidence dropped on a descriptor becomes key evidence (all or nothing; refusals are shown)."""
        if self.context.read_only:
            messages.show_error(
                self, self.context.portfolio.read_only_reason or "This portfolio is open read-only."
            )
            return False
        p = self.context.portfolio
        return self._push(
            f"Tag evidence to {code}", lambda: tag_evidence_many(p, ids, code), EVIDENCE
        )
