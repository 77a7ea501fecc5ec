"""The inspections tab (督导检查): inspections recorded with their photos, and a rectification order drafted from
the selected inspection's findings."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout

from outreach_desk.i18n import translate
from outreach_desk.services.supervision import inspections, rectification
from outreach_desk.ui.supervision import judged_day
from outreach_desk.ui.supervision.record_table import fill_rows, record_table
from outreach_desk.ui.supervision.supervision_tab import SupervisionTab


def _tr(text: str) -> str:
    return translate("OrdersPage", text)


class InspectionsTab(SupervisionTab):
    def __init__(self, page):
        super().__init__(page)
        self.table = record_table(self, "inspectionsTable", [
            self.tr("Date"), self.tr("Inspectors"), self.tr("Inspected"), self.tr("Photos"), self.tr("Findings"),
            self.tr("Outcome")])
        self.records: list[inspections.InspectionRecord] = []
        new_inspection = QPushButton(self.tr("New inspection…"), self)
        new_inspection.setObjectName("newInspection")
        new_inspection.clicked.connect(lambda: self.new_inspection())
        self.order_button = QPushButton(self.tr("Order a rectification…"), self)
        self.order_button.setObjectName("orderFromInspection")
        self.order_button.setToolTip(self.tr("Issue a rectification order for what the selected inspection found"))
        self.order_button.clicked.connect(lambda: self.order_from_inspection())
        self.table.currentCellChanged.connect(
            lambda *_cells: self.order_button.setEnabled(self.selected() is not None))
        buttons = QHBoxLayout()
        buttons.addWidget(new_inspection)
        buttons.addWidget(self.order_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def fill(self, township) -> None:
        from outreach_desk.services import organisation

        records = self.records = inspections.list_inspections(township.id)
        self.order_button.setEnabled(self.selected() is not None)
        tree = organisation.load_tree()
        villages = {v.id: v.name for v in tree.all_villages()}
        units = {u.id: u.name for u in organisation.list_member_units()}
        sites = {s.id: s.name for s in tree.all_sites()}
        targets = dict(inspections.target_choices(township.id))  # findings name their targets by key
        rows = []
        for record in records:
            place = villages.get(record.village_id) or units.get(record.member_unit_id, "")
            if record.site_id in sites:
                place = self.tr("{site} ({village})").format(site=sites[record.site_id], village=place)
            findings = record.findings
            if record.rule_keys:
                names = [targets.get(key, key) for key in record.rule_keys]
                listed = names[0]
                for name in names[1:]:
                    listed = self.tr("{first}, {second}").format(first=listed, second=name)
                findings = self.tr("{findings} (targets: {targets})").format(findings=findings, targets=listed)
            rows.append((record.date.isoformat(), record.inspectors, place,
                         str(len(record.photos)) if record.photos else "", findings, record.outcome))
        fill_rows(self.table, rows)

    def selected(self) -> inspections.InspectionRecord | None:
        row = self.table.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def new_inspection(self) -> None:
        from outreach_desk.ui.supervision.order_dialogs import InspectionDialog

        if self.township is None:
            return
        dialog = InspectionDialog(self.township.id, self, today=judged_day.today())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record_inspection(dialog.value(), dialog.photos.pending_paths())

    def record_inspection(self, data: inspections.InspectionInput, photo_paths) -> None:
        """Record ``data`` with the picked photos, copied first (``photos_stored`` says when it is over)."""
        errors = inspections.validate_inspection(data)
        if errors:  # refused before any file is copied
            self.say(errors[0].message)
            self.page.photos_stored.emit()
            return

        def write(infos) -> bool:
            data.photos = tuple(data.photos) + infos
            return self.add_inspection(data)

        self.store_photos_then(photo_paths, write)

    def add_inspection(self, data: inspections.InspectionInput) -> bool:
        return self.add_step(_tr("Record an inspection"), inspections.validate_inspection(data),
                             lambda: inspections.add_inspection(data), inspections.delete_inspection,
                             inspections.restore_inspection)

    def order_from_inspection(self) -> bool:
        """The order dialog drafted from the selected inspection's findings; what the clerk confirms is issued."""
        from outreach_desk.ui.supervision.order_dialogs import OrderDialog

        record = self.selected()
        if record is None:
            return False
        today = judged_day.today()
        draft = rectification.from_inspection(record, issued=today, campaign_end=self.campaign_end())
        dialog = OrderDialog(self.township.id, parent=self, today=today, draft=draft)
        return dialog.exec() == QDialog.DialogCode.Accepted and self.page.orders.add_order(dialog.value())
