"""The main window fits a 1024 × 768 screen (still common in township offices) with every page built:
its minimum size leaves room for a task bar, in Chinese and in English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from outreach_desk import i18n
from outreach_desk.ui.shell import main_window

ROOM = QSize(1024, 768 - 40)  # a 40-pixel task bar


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_page_built_fits_1024_by_768(qapp, qtbot, store, db_path, township, language):
    before = i18n.current_language()
    try:
        i18n.install(qapp, language)
        window = main_window.MainWindow(db_path, language)
        qtbot.addWidget(window)
        for name, _factory, _title in main_window.PAGES:
            window.page(name)
        window.show()
        qtbot.waitExposed(window)
        least = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert least.width() <= ROOM.width() and least.height() <= ROOM.height(), \
            {name: window.page(name).minimumSizeHint().toTuple() for name, *_ in main_window.PAGES}
        window.close()
    finally:
        i18n.install(qapp, before)


def test_save_stays_in_sight_on_a_1366_by_768_laptop(qapp, qtbot, store, db_path, township):
    window = main_window.MainWindow(db_path, "zh_CN")
    qtbot.addWidget(window)
    window.resize(1366, 768 - 40 - 30)  # a task bar and the title bar
    window.show()
    qtbot.waitExposed(window)
    form = window.page("ledger").form
    save = form.save_button
    qtbot.waitUntil(save.isVisible)
    bottom = save.mapTo(window, save.rect().bottomRight())
    assert window.rect().contains(bottom)
    assert not save.visibleRegion().isEmpty()
    window.close()



def test_the_ledger_shows_date_to_people_reached_on_a_1366_by_768_laptop(qapp, qtbot, store, db_path, township,
                                                                        tmp_path):
    from PySide6.QtCore import QSettings

    from outreach_desk.ui.ledger.model import column_index
    from outreach_desk.ui.shell.context import AppContext

    first_start = QSettings(str(tmp_path / "first-start.ini"), QSettings.Format.IniFormat)  # no layout kept yet
    before = i18n.current_language()
    i18n.install(qapp, "zh_CN")
    window = main_window.MainWindow(db_path, "zh_CN", AppContext(db_path, "zh_CN", settings=first_start))
    qtbot.addWidget(window)
    window.resize(1280, 669)  # the first size on a 1366 x 768 screen with a task bar
    window.show()
    qtbot.waitExposed(window)
    page = window.page("ledger")
    page.form  # noqa: B018  (built, as after the first paint)
    table, header = page.table, page.table.horizontalHeader()
    last = column_index("people")
    def fits():
        right = header.sectionViewportPosition(last) + header.sectionSize(last)
        assert right <= table.viewport().width(), (right, table.viewport().width(), window.tree_dock.width(),
                                                   page.splitter.sizes(), window.width())

    try:
        qtbot.waitUntil(fits, timeout=10_000)
    finally:
        window.close()
        i18n.install(qapp, before)
