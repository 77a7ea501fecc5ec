"""Dialogs to add or edit a township, a village/community or a site.

Each dialog saves through the organisation service when OK is pressed and stays open when the
service refuses, with the message beside the field it concerns; the message goes once the field is
mended. Each opens with the cursor in its first field. The site dialog shows the counts its kind uses
(households for a residential block, students for a school …), always in the same order.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractSpinBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QSpinBox, QVBoxLayout, QWidget)

from outreach_desk.services import organisation as org
from outreach_desk.services import vocab
from outreach_desk.services.errors import ServiceError
from outreach_desk.ui.widgets.field_errors import FieldErrors

MAX_COUNT = 10_000_000

#: the counts each site kind uses (a kind not listed, or "other", shows them all)
RELEVANT_ATTRIBUTES = {
    "residential_block": ("households", "residents", "entrances", "elevators"),
    "factory": ("entrances", "elevators", "residents"),
    "school": ("students", "classes", "entrances"),
    "market": ("entrances",),
    "business_outlet": ("entrances",),
    "public_place": ("entrances",),
}

#: the one order the counts are shown in, whatever the kind, so Tab never changes under the fingers
COUNT_ORDER = ("households", "residents", "students", "classes", "entrances", "elevators")


def attribute_order(kind: str) -> list[str]:
    """The counts a site of ``kind`` uses, in :data:`COUNT_ORDER`."""
    used = RELEVANT_ATTRIBUTES.get(kind) or vocab.SITE_ATTRIBUTES
    return [a for a in COUNT_ORDER if a in used]


def _count_box(value: int = 0) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, MAX_COUNT)
    box.setGroupSeparatorShown(True)
    box.setValue(value)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


class _OrgDialog(QDialog):
    """Form, error lines and OK/Cancel; subclasses build fields and implement ``_save``."""

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.saved_id: int | None = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        general = QLabel(self)
        general.setObjectName("error_general")
        self.errors = FieldErrors(general)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(general)
        layout.addWidget(self.buttons)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name")
        self.name_edit.setMaxLength(100)
        self._shown = False

    def count_label(self, attribute: str) -> str:
        return self.tr("{attribute}:").format(attribute=vocab.attribute_label(attribute))

    def _row(self, label: str, name: str, field: QWidget) -> None:
        """A form row for ``field``; its error line goes as soon as the field is changed."""
        box = self.errors.wrap(name, field)
        error = box.findChild(QLabel, f"error_{name}")
        if isinstance(field, QLineEdit):
            field.textEdited.connect(error.hide)
        elif isinstance(field, QSpinBox):
            field.valueChanged.connect(error.hide)
        elif isinstance(field, QComboBox):
            field.currentIndexChanged.connect(error.hide)
        self.form.addRow(label, box)

    def showEvent(self, event) -> None:
        """Open with the cursor in the first field and OK/Cancel last in the Tab order (the button box is
        made before the fields, so Qt would give it the focus and put it first)."""
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            fields, widget = [], self.name_edit
            while True:
                if (not self.buttons.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                        and widget.focusProxy() is None
                        and not isinstance(widget.parent(), (QAbstractSpinBox, QComboBox))):
                    fields.append(widget)
                widget = widget.nextInFocusChain()
                if widget is self.name_edit or not self.isAncestorOf(widget) and widget is not self:
                    break
            chain = [*fields, *self.buttons.buttons()]
            for first, second in zip(chain, chain[1:]):
                QWidget.setTabOrder(first, second)
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Save through the service; stay open and show the refusal beside its field."""
        self.errors.clear()
        try:
            self.saved_id = self._save()
        except ServiceError as exc:
            self.errors.show(exc)
            return
        super().accept()

    def _save(self) -> int:
        raise NotImplementedError


class TownshipDialog(_OrgDialog):
    """Name and office identity of a township: what its reports are titled and signed with."""

    def __init__(self, parent: QWidget | None = None, township: org.TownshipInfo | None = None):
        super().__init__(parent)
        self.township = township
        self.setWindowTitle(self.tr("Edit township") if township else self.tr("Add township"))
        self.office_edit = QLineEdit(self)
        self.office_edit.setObjectName("office_name")
        self.office_edit.setMaxLength(200)
        self.office_edit.setPlaceholderText(self.tr("Printed on reports, e.g. the comprehensive governance office"))
        self.preparer_edit = QLineEdit(self)
        self.preparer_edit.setObjectName("preparer")
        self.reviewer_edit = QLineEdit(self)
        self.reviewer_edit.setObjectName("reviewer")
        for edit in (self.preparer_edit, self.reviewer_edit):
            edit.setMaxLength(100)
        self._row(self.tr("&Name:"), "name", self.name_edit)
        self._row(self.tr("&Office:"), "office_name", self.office_edit)
        self._row(self.tr("&Prepared by (填报人):"), "preparer", self.preparer_edit)
        self._row(self.tr("Re&viewed by (审核人):"), "reviewer", self.reviewer_edit)
        if township:
            self.name_edit.setText(township.name)
            self.office_edit.setText(township.office_name)
            self.preparer_edit.setText(township.preparer)
            self.reviewer_edit.setText(township.reviewer)
        self.name_edit.setFocus()
        self.resize(420, self.sizeHint().height())

    def values(self) -> dict:
        return {"name": self.name_edit.text(), "office_name": self.office_edit.text(),
                "preparer": self.preparer_edit.text(), "reviewer": self.reviewer_edit.text()}

    def _save(self) -> int:
        if self.township is None:
            return org.add_township(**self.values())
        org.update_township(self.township.id, **self.values())
        return self.township.id


class VillageDialog(_OrgDialog):
    def __init__(self, parent: QWidget | None = None, *, township_id: int | None = None,
                 village: org.VillageInfo | None = None):
        super().__init__(parent)
        self.village, self.township_id = village, township_id if village is None else village.township_id
        self.setWindowTitle(self.tr("Edit village or community") if village else self.tr("Add village or community"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind")
        for term in vocab.VILLAGE_KINDS:
            self.kind_combo.addItem(term.label, term.code)
        self.households_box = _count_box()
        self.households_box.setObjectName("households")
        self.residents_box = _count_box()
        self.residents_box.setObjectName("residents")
        self._row(self.tr("&Name:"), "name", self.name_edit)
        self._row(self.tr("&Kind:"), "kind", self.kind_combo)
        self._row(self.count_label("households"), "households", self.households_box)
        self._row(self.count_label("residents"), "residents", self.residents_box)
        if village:
            self.name_edit.setText(village.name)
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(village.kind)))
            self.households_box.setValue(village.households)
            self.residents_box.setValue(village.residents)
        self.resize(400, self.sizeHint().height())

    def values(self) -> dict:
        return {"name": self.name_edit.text(), "kind": self.kind_combo.currentData(),
                "households": self.households_box.value(), "residents": self.residents_box.value()}

    def _save(self) -> int:
        if self.village is None:
            return org.add_village(self.township_id, **self.values())
        org.update_village(self.village.id, **self.values())
        return self.village.id


class SiteDialog(_OrgDialog):
    def __init__(self, parent: QWidget | None = None, *, village_id: int | None = None,
                 site: org.SiteInfo | None = None, village_name: str = ""):
        super().__init__(parent)
        self.site, self.village_id = site, village_id if site is None else site.village_id
        self.setWindowTitle(self.tr("Edit site") if site else self.tr("Add site"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind")
        for term in vocab.SITE_KINDS:
            self.kind_combo.addItem(term.label, term.code)
        self.count_boxes: dict[str, QSpinBox] = {}
        if village_name:
            self.form.addRow(self.tr("Village or community:"), QLabel(village_name, self))
        self._row(self.tr("&Name:"), "name", self.name_edit)
        self._row(self.tr("&Kind:"), "kind", self.kind_combo)
        previous: QWidget = self.kind_combo
        for attribute in COUNT_ORDER:
            box = _count_box(getattr(site, attribute) if site else 0)
            box.setObjectName(attribute)
            self.count_boxes[attribute] = box
            self._row(self.count_label(attribute), attribute, box)
            QWidget.setTabOrder(previous, box)
            previous = box
        if site:
            self.name_edit.setText(site.name)
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(site.kind)))
        self.kind_combo.currentIndexChanged.connect(self._show_counts)
        self._show_counts()
        self.resize(420, self.sizeHint().height())

    def ordered_attributes(self) -> list[str]:
        """The counts shown, in the order shown."""
        return [a for a in COUNT_ORDER if self.form.isRowVisible(self.count_boxes[a].parentWidget())]

    def _show_counts(self) -> None:
        """Show the counts the chosen kind uses, and any other that holds a number (nothing typed is hidden)."""
        used = attribute_order(self.kind_combo.currentData())
        for attribute, box in self.count_boxes.items():
            self.form.setRowVisible(box.parentWidget(), attribute in used or box.value() != 0)
        if self.isVisible():
            self.adjustSize()

    def values(self) -> dict:
        values = {"name": self.name_edit.text(), "kind": self.kind_combo.currentData()}
        values.update({a: box.value() for a, box in self.count_boxes.items()})
        return values

    def _save(self) -> int:
        if self.site is None:
            return org.add_site(self.village_id, **self.values())
        org.update_site(self.site.id, **self.values())
        return self.site.id


class CountyOfficeDialog(_OrgDialog):
    """A county database's own identity (``county.office``): the county's name, the office its report comes
    from and who signs it, as the township dialog sets a township's; whom it is sent to is in Preferences."""

    def __init__(self, parent: QWidget | None = None):
        from outreach_desk.services.county import office
        from outreach_desk.services.submission import recipient

        super().__init__(parent)
        self.setObjectName("countyOffice")
        self.setWindowTitle(self.tr("County office"))
        county = office.get()
        self.name_edit.setPlaceholderText(self.tr("e.g. 清河县"))
        self.office_edit = QLineEdit(county.office_name, self)
        self.office_edit.setObjectName("office_name")
        self.office_edit.setMaxLength(office.LIMITS["office_name"])
        self.office_edit.setPlaceholderText(self.tr("e.g. 清河县反诈中心; the county's name when left empty"))
        self.preparer_edit = QLineEdit(county.preparer, self)
        self.preparer_edit.setObjectName("preparer")
        self.reviewer_edit = QLineEdit(county.reviewer, self)
        self.reviewer_edit.setObjectName("reviewer")
        for edit in (self.preparer_edit, self.reviewer_edit):
            edit.setMaxLength(office.LIMITS["preparer"])
        self.name_edit.setText(county.name)
        self._row(self.tr("&County:"), "name", self.name_edit)
        self._row(self.tr("&Office:"), "office_name", self.office_edit)
        self._row(self.tr("&Prepared by (填报人):"), "preparer", self.preparer_edit)
        self._row(self.tr("Re&viewed by (审核人):"), "reviewer", self.reviewer_edit)
        hint = QLabel(self.tr("The county's own monthly report (every township and the county total) and its "
                              "dashboard carry these names. The report is sent to {recipient} (Preferences › Send "
                              "the month to).").format(recipient=recipient.office_recipient()), self)
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.resize(460, self.sizeHint().height())

    def values(self) -> dict:
        return {"name": self.name_edit.text(), "office_name": self.office_edit.text(),
                "preparer": self.preparer_edit.text(), "reviewer": self.reviewer_edit.text()}

    def _save(self) -> int:
        from outreach_desk.services.county import office

        office.update(**self.values())
        return 0
