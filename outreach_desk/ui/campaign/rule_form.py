"""The form of one target rule: what it applies to, what counts, the quota, the period, on or off.

The quota is parsed (``expression.parse``) a moment after each keystroke so that a wrong
attribute name is named while typing; the service checks the whole rule again on Save and
its refusals appear in red beside the fields. Nothing is stored until the service accepts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget)

from outreach_desk.services import organisation, vocab
from outreach_desk.services.coverage import expression, rules
from outreach_desk.services.coverage.rules import Rule
from outreach_desk.services.errors import ServiceError, ValidationError
from outreach_desk.ui.campaign.form import merged
from outreach_desk.ui.widgets.field_errors import FieldErrors
from outreach_desk.ui.campaign.rule_table import quota_text

QUOTA_DELAY_MS = 250
OK_STYLE = "color: #2e7d32;"
ERROR_STYLE = "color: #c62828;"


def new_key(existing: set[str]) -> str:
    """The first free ``custom_N`` key: stable, valid, and clearly the clerk's own."""
    number = 1
    while f"custom_{number}" in existing:
        number += 1
    return f"custom_{number}"


class CheckList(QListWidget):
    """A list of (code, label) items with check boxes; Space toggles the current one."""

    def __init__(self, name: str, choices: list[tuple[str, str]], parent: QWidget):
        super().__init__(parent)
        self.setObjectName(name)
        for code, text in choices:
            self.add_choice(code, text)

    def add_choice(self, code: str, text: str) -> None:
        item = QListWidgetItem(text, self)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)

    def codes(self) -> list[str]:
        return [self.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.count())]

    def checked(self) -> list[str]:
        return [self.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.count())
                if self.item(row).checkState() == Qt.CheckState.Checked]

    def set_checked(self, codes: list[str]) -> None:
        wanted = set(codes)
        for row in range(self.count()):
            item = self.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)


class RuleForm(QDialog):
    """Add a rule to ``campaign_id`` (``rule`` None) or edit ``rule``; ``saved_id`` is set once stored."""

    def __init__(self, campaign_id: int, rule: Rule | None = None, parent: QWidget | None = None,
                 existing_keys: set[str] = frozenset()):
        super().__init__(parent)
        self.setObjectName("ruleForm")
        self.campaign_id = campaign_id
        self.rule = rule
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New target rule") if rule is None else self.tr("Edit target rule"))

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name")
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText(self.tr("worded as in the plan"))
        self.name_en_edit = QLineEdit(self)
        self.name_en_edit.setObjectName("nameEn")
        self.name_en_edit.setMaxLength(200)
        self.name_en_edit.setPlaceholderText(self.tr("optional"))
        self.key_edit = QLineEdit(self)
        self.key_edit.setObjectName("key")
        self.key_edit.setMaxLength(60)
        self.key_edit.setToolTip(self.tr("The rule's code in reports and JSON output; it cannot change later."))

        self.applies_combo = QComboBox(self)
        self.applies_combo.setObjectName("appliesTo")
        for code in rules.UNIT_TYPES:
            self.applies_combo.addItem(rules.label(rules.UNIT_TYPE_LABELS, code), code)
        self.site_kinds = CheckList("siteKinds", [(t.code, t.label) for t in vocab.SITE_KINDS], self)
        self.measure_combo = QComboBox(self)
        self.measure_combo.setObjectName("measure")
        for code in rules.MEASURES:
            self.measure_combo.addItem(rules.label(rules.MEASURE_LABELS, code), code)
        used = set(rule.kinds) if rule else set()
        self.kinds = CheckList("kinds", [(k.code, k.name) for k in organisation.list_kinds()
                                         if k.active or k.code in used], self)

        self.quota_edit = QLineEdit(self)
        self.quota_edit.setObjectName("quota")
        self.quota_edit.setMaxLength(expression.MAX_LENGTH)
        self.quota_edit.setPlaceholderText(self.tr("a number, or e.g. entrances + elevators"))
        self.quota_status = QLabel(self)
        self.quota_status.setObjectName("quotaStatus")
        self.quota_status.setWordWrap(True)
        self.quota_hint = QLabel(self)
        self.quota_hint.setObjectName("quotaHint")
        self.quota_hint.setWordWrap(True)
        self.quota_hint.setStyleSheet("color: #616161;")
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("period")
        for code in rules.PERIODS:
            self.period_combo.addItem(rules.label(rules.PERIOD_LABELS, code), code)
        self.enabled_box = QCheckBox(self.tr("Counted in coverage (&on)"), self)
        self.enabled_box.setObjectName("enabled")

        general = QLabel(self)
        general.setObjectName("generalError")
        self.errors = FieldErrors(general)
        self._quota_timer = QTimer(self)
        self._quota_timer.setSingleShot(True)
        self._quota_timer.setInterval(QUOTA_DELAY_MS)
        self._quota_timer.timeout.connect(self.check_quota)

        names = QFormLayout()
        names.addRow(self.tr("&Target:"), self._wrap("name", self.name_edit))
        names.addRow(self.tr("English na&me:"), self.name_en_edit)
        names.addRow(self.tr("&Key:"), self._wrap("key", self.key_edit))
        units_box = QGroupBox(self.tr("Applies to"), self)
        units = QVBoxLayout(units_box)
        units.addWidget(self._wrap("applies_to", self.applies_combo))
        units.addWidget(self._wrap("site_kinds", self.site_kinds), 1)
        counts_box = QGroupBox(self.tr("What counts"), self)
        counts = QVBoxLayout(counts_box)
        counts.addWidget(self._wrap("measure", self.measure_combo))
        counts.addWidget(self._wrap("kinds", self.kinds), 1)
        boxes = QHBoxLayout()
        boxes.addWidget(units_box, 1)
        boxes.addWidget(counts_box, 1)
        quota_box = QWidget(self)
        quota_layout = QVBoxLayout(quota_box)
        quota_layout.setContentsMargins(0, 0, 0, 0)
        quota_layout.setSpacing(2)
        quota_layout.addWidget(self.quota_edit)
        quota_layout.addWidget(self.quota_status)
        quota_layout.addWidget(self.quota_hint)
        quota_box.setFocusProxy(self.quota_edit)
        judged = QFormLayout()
        judged.addRow(self.tr("&Quota per unit:"), quota_box)
        judged.addRow(self.tr("&Judged over:"), self._wrap("period", self.period_combo))
        judged.addRow("", self.enabled_box)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(names)
        layout.addLayout(boxes, 1)
        layout.addLayout(judged)
        layout.addWidget(general)
        layout.addWidget(self.buttons)

        self._fill(rule, existing_keys)
        self.applies_combo.currentIndexChanged.connect(self._unit_type_changed)
        self.measure_combo.currentIndexChanged.connect(lambda _i: self._update_enabled_parts())
        self.quota_edit.textEdited.connect(lambda _text: self._quota_timer.start())
        for first, second in ((self.name_edit, self.name_en_edit), (self.name_en_edit, self.key_edit),
                              (self.key_edit, self.applies_combo), (self.applies_combo, self.site_kinds),
                              (self.site_kinds, self.measure_combo), (self.measure_combo, self.kinds),
                              (self.kinds, self.quota_edit), (self.quota_edit, self.period_combo),
                              (self.period_combo, self.enabled_box)):
            self.setTabOrder(first, second)
        self.resize(720, 600)
        self.name_edit.setFocus()

    def _wrap(self, name: str, field: QWidget) -> QWidget:
        box = self.errors.wrap(name, field)
        box.setFocusProxy(field)
        return box

    def _fill(self, rule: Rule | None, existing_keys: set[str]) -> None:
        if rule is None:
            rule = Rule(key=new_key(set(existing_keys)), name_zh="", applies_to="site", measure="quantity",
                        quota="1", period="campaign")
        self.name_edit.setText(rule.name_zh)
        self.name_en_edit.setText(rule.name_en if rule.name_en != rule.name_zh else "")
        self.key_edit.setText(rule.key)
        self.key_edit.setReadOnly(self.rule is not None)
        self.applies_combo.setCurrentIndex(max(0, self.applies_combo.findData(rule.applies_to)))
        self.site_kinds.set_checked(rule.site_kinds)
        self.measure_combo.setCurrentIndex(max(0, self.measure_combo.findData(rule.measure)))
        self.kinds.set_checked(rule.kinds)
        self.quota_edit.setText(quota_text(rule.quota))
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(rule.period)))
        self.enabled_box.setChecked(rule.enabled)
        self._update_enabled_parts()
        self._show_hint()
        self.check_quota()

    # ------------------------------------------------------------------ live parts
    def applies_to(self) -> str:
        return self.applies_combo.currentData()

    def measure(self) -> str:
        return self.measure_combo.currentData()

    def _update_enabled_parts(self) -> None:
        self.site_kinds.setEnabled(self.applies_to() == "site")
        self.kinds.setEnabled(self.measure() in rules.ACTIVITY_MEASURES)
        if self.measure() in rules.CASE_MEASURES:  # a fraud-case target asks only that cases fall
            self.quota_edit.setText("1")
        self.quota_edit.setEnabled(self.measure() not in rules.CASE_MEASURES)

    def _unit_type_changed(self, _index: int) -> None:
        self._update_enabled_parts()
        self._show_hint()
        self.check_quota()

    def _show_hint(self) -> None:
        allowed = expression.ATTRIBUTES[self.applies_to()]
        if not allowed:
            self.quota_hint.setText(self.tr("{units} have no attributes: the quota is a number.").format(
                units=expression.unit_type_label(self.applies_to())))
            return
        self.quota_hint.setText(self.tr("Attributes of {units}: {names}. Use + - * / and brackets, "
                                        "e.g. entrances + elevators.").format(
            units=expression.unit_type_label(self.applies_to()),
            names="、".join(f"{vocab.attribute_label(code)} ({code})" for code in allowed)))

    def check_quota(self) -> bool:
        """Parse the quota now; the verdict (the parser's own message when wrong) shows under the field."""
        self._quota_timer.stop()
        try:
            node = expression.parse(self.quota_edit.text(), self.applies_to())
        except expression.ExpressionError as exc:
            self._show_quota(str(exc), ok=False)
            return False
        if expression.is_constant(node):
            self._show_quota(self.tr("✔ The same quota for every unit."))
        else:
            self._show_quota(self.tr("✔ Each unit's quota is worked out from its own figures."))
        return True

    def _show_quota(self, message: str, ok: bool = True) -> None:
        self.quota_status.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.quota_status.setText(message)

    # ------------------------------------------------------------------ saving
    def edited_rule(self) -> Rule:
        applies_to, measure = self.applies_to(), self.measure()
        base = self.rule
        return Rule(key=self.key_edit.text(), name_zh=self.name_edit.text(), name_en=self.name_en_edit.text(),
                    applies_to=applies_to, measure=measure, quota=self.quota_edit.text(),
                    period=self.period_combo.currentData(),
                    site_kinds=self.site_kinds.checked() if applies_to == "site" else [],
                    kinds=self.kinds.checked() if measure in rules.ACTIVITY_MEASURES else [],
                    enabled=self.enabled_box.isChecked(), sort_order=base.sort_order if base else 0,
                    id=base.id if base else None, campaign_id=self.campaign_id)

    def save(self) -> bool:
        """Store the rule through the service; False (with the refusal shown) when it is not accepted."""
        self.errors.clear()
        self.check_quota()
        rule = self.edited_rule()
        try:
            if self.rule is None:
                self.saved_id = rules.create(self.campaign_id, rule)
            else:
                rules.update(self.rule.id, rule)
                self.saved_id = self.rule.id
        except ValidationError as exc:
            problems = merged(exc).errors
            others = [e for e in problems if e.field != "quota"]
            if others:
                self.errors.show(ValidationError(others))
            for problem in problems:
                if problem.field == "quota":
                    self._show_quota(problem.message, ok=False)
            return False
        except ServiceError as exc:
            self.errors.show(exc)
            return False
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()
