"""The main window: organisation tree on the left, pages in the centre, menus and status bar.

It only assembles: each page is its own module. The ledger is the first screen; every other page
is imported and built the first time its tab is shown, so that start-up does not pay for them
(the dashboard's matplotlib is never imported before it is needed).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from outreach_desk import __version__
from outreach_desk.ui.ledger.page import LedgerPage
from outreach_desk.ui.shell.context import AppContext

PageFactory = Callable[[AppContext, QWidget], QWidget]


def _coverage_page(context: AppContext, parent: QWidget) -> QWidget:
    from outreach_desk.ui.coverage.page import CoveragePage

    return CoveragePage(context, parent)


def _ranking_page(context: AppContext, parent: QWidget) -> QWidget:
    from outreach_desk.ui.supervision.ranking_page import RankingPage

    return RankingPage(context, parent)


def _cases_page(context: AppContext, parent: QWidget) -> QWidget:
    from outreach_desk.ui.supervision.cases_page import CasesPage

    return CasesPage(context, parent)


def _orders_page(context: AppContext, parent: QWidget) -> QWidget:
    from outreach_desk.ui.supervision.orders_page import OrdersPage

    return OrdersPage(context, parent)


def _dashboard_page(context: AppContext, parent: QWidget) -> QWidget:
    from outreach_desk.ui.dashboard.page import DashboardPage

    return DashboardPage(context, parent)


def _survey_page(context: AppContext, parent: QWidget) -> QWidget:
    from outreach_desk.ui.records.survey_page import SurveyPage

    return SurveyPage(context, parent)


def _letters_page(context: AppContext, parent: QWidget) -> QWidget:
    from outreach_desk.ui.records.letters_page import LettersPage

    return LettersPage(context, parent)


def _audit_page(context: AppContext, parent: QWidget) -> QWidget:
    from outreach_desk.ui.audit.page import AuditPage

    return AuditPage(context, parent)


# (object name, page factory, tab title): pages register here and nowhere else.
PAGES: list[tuple[str, PageFactory, str]] = [
    ("ledger", LedgerPage, QT_TRANSLATE_NOOP("MainWindow", "Activity ledger")),
    ("coverage", _coverage_page, QT_TRANSLATE_NOOP("MainWindow", "Coverage")),
    ("ranking", _ranking_page, QT_TRANSLATE_NOOP("MainWindow", "Ranking")),
    ("dashboard", _dashboard_page, QT_TRANSLATE_NOOP("MainWindow", "Dashboard")),
    ("surveys", _survey_page, QT_TRANSLATE_NOOP("MainWindow", "Awareness surveys")),
    ("letters", _letters_page, QT_TRANSLATE_NOOP("MainWindow", "Parent letters")),
    ("orders", _orders_page, QT_TRANSLATE_NOOP("MainWindow", "Supervision")),
    ("cases", _cases_page, QT_TRANSLATE_NOOP("MainWindow", "Fraud cases")),
    ("audit", _audit_page, QT_TRANSLATE_NOOP("MainWindow", "Audit trail")),
]


TREE_WIDTH = 190  # the organisation panel's first width (a clerk's own width is kept from then on)


class _LazyPage(QWidget):
    """Holds a page's place in the tabs until it is first shown."""

    def __init__(self, factory: PageFactory, context: AppContext):
        super().__init__()
        self._factory, self._context = factory, context
        self.page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> QWidget:
        if self.page is None:
            self.page = self._factory(self._context, self)
            self.layout().addWidget(self.page)
        return self.page


class MainWindow(QMainWindow):
    #: asked before the window closes; False keeps it open for now (set by the StoreSession that owns it)
    close_guard: Callable[[], bool] | None = None

    def __init__(self, database_path: Path | str, language: str = "zh_CN", context: AppContext | None = None):
        super().__init__()
        self.context = context or AppContext(database_path, language, parent=self)
        self.setObjectName("MainWindow")
        # the file alone (or the server): Qt's title bar adds the application's display name after it
        self.setWindowTitle(self.context.database_name)
        self.resize(self.first_size())
        self._build_tree()
        self._build_pages()
        self._build_menus()
        self.statusBar().setObjectName("statusBar")
        self.context.show_page.connect(self.show_page)
        self._restore_layout()

    def _build_tree(self) -> None:
        from outreach_desk.ui.org.tree import OrgTreePanel

        self.tree_panel = OrgTreePanel(self.context, self)
        dock = QDockWidget(self.tr("Organisation"), self)
        dock.setObjectName("organisationDock")
        features = QDockWidget.DockWidgetFeature
        dock.setFeatures(features.DockWidgetMovable | features.DockWidgetFloatable)
        dock.setWidget(self.tree_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        # narrow at first (its toolbar folds into »), so the ledger beside it shows date to people reached
        self.resizeDocks([dock], [TREE_WIDTH], Qt.Orientation.Horizontal)
        self.tree_dock = dock

    def _build_pages(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pages")
        self.tabs.setDocumentMode(True)
        self._pages: dict[str, _LazyPage] = {}
        for name, factory, title in PAGES:
            holder = _LazyPage(factory, self.context)
            holder.setObjectName(f"page_{name}")
            self._pages[name] = holder
            self.tabs.addTab(holder, self.tr(title))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tabs)
        self._on_tab_changed(0)

    def _on_tab_changed(self, index: int) -> None:
        holder = self.tabs.widget(index)
        if isinstance(holder, _LazyPage):
            holder.build()

    def page(self, name: str) -> QWidget:
        """The page called ``name``, built if it was not yet."""
        return self._pages[name].build()

    def show_page(self, name: str, argument: object = None) -> None:
        holder = self._pages.get(name)
        if holder is None:
            return
        self.tabs.setCurrentWidget(holder)
        page = holder.build()
        if argument is not None and hasattr(page, "focus_on"):
            page.focus_on(argument)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        from outreach_desk.ui.excel.actions import ExcelActions

        self.excel_actions = ExcelActions(self.context, self)
        self.file_menu.addActions(self.excel_actions.actions())
        from outreach_desk.ui.submission.actions import SubmissionActions

        self.submission_actions = SubmissionActions(self.context, self)
        self.file_menu.addActions(self.submission_actions.actions())
        self.file_menu.aboutToShow.connect(self.submission_actions.name_import)
        self.file_menu.addSeparator()
        from outreach_desk.ui.shell.backup_actions import BackupActions

        self.backup_actions = BackupActions(self.context, self)
        self.file_menu.addActions(self.backup_actions.actions())
        self.file_menu.addSeparator()
        from outreach_desk.ui.shell.recent_files import DatabaseActions

        self.database_actions = DatabaseActions(self.context, self)
        self.database_actions.add_to(self.file_menu)
        self.file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(quit_action)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.context.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.context.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)
        from outreach_desk.ui.settings.actions import SettingsActions

        self.settings_actions = SettingsActions(self.context, self)
        self.edit_menu.addSeparator()
        self.edit_menu.addActions(self.settings_actions.actions())

        self.organisation_menu = bar.addMenu(self.tr("&Organisation"))
        self.organisation_menu.addActions(self.tree_panel.menu_actions())

        self.campaign_menu = bar.addMenu(self.tr("&Campaign"))
        from outreach_desk.ui.campaign.actions import CampaignActions

        self.campaign_actions = CampaignActions(self.context, self)
        self.campaign_menu.addActions(self.campaign_actions.actions())

        self.help_menu = bar.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Outreach Desk"), self)
        about.triggered.connect(self._about)
        self.help_menu.addAction(about)

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About Outreach Desk"),
                          self.tr("Outreach Desk {version}\nAnti-fraud outreach ledger, coverage and reports "
                                  "for township offices.\nDatabase: {path}").format(
                              version=__version__, path=self.context.database_path or self.context.database_name))

    def first_size(self) -> QSize:
        """1280 × 800, or less on a smaller screen: many township PCs are 1366 × 768 laptops, where
        800 pixels would push the status bar and the Save button below the screen's edge (the title
        bar and a taskbar take about 8 % of its height)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return QSize(1280, 800)
        room = screen.availableGeometry()
        return QSize(min(1280, room.width()), min(800, int(room.height() * 0.92)))

    def _restore_layout(self) -> None:
        settings = self.context.settings
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def shutdown(self) -> None:
        """Persist the layout; pages with state to keep implement ``save_state``."""
        settings = self.context.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        for holder in self._pages.values():
            if holder.page is not None and hasattr(holder.page, "save_state"):
                holder.page.save_state()

    def closeEvent(self, event) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()  # the guard (the session's exit backup) closes the window itself once it is done
            return
        self.shutdown()
        super().closeEvent(event)
