#include "ui/mainwindow.h"

#include "catalog/catalog.h"
#include "charts/costbreakdownchart.h"
#include "charts/costcurvechart.h"
#include "diagram/stackdiagramscene.h"
#include "diagram/stackdiagramview.h"
#include "export/exportactions.h"
#include "models/hierarchymodel.h"
#include "pricing/pricebook.h"
#include "ui/compareview.h"
#include "ui/detailpane.h"
#include "ui/explorerstate.h"
#include "ui/scenariodocument.h"
#include "ui/workloadeditor.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace ace::ui {

namespace {

// Settings keys; a value of the wrong type or shape is ignored, so a damaged settings file
// can only cost the user their layout, never a crash.
const QString geometryKey = QStringLiteral("window/geometry");
const QString windowStateKey = QStringLiteral("window/state");
const QString themeKey = QStringLiteral("view/theme");
const QString showResponsibilityKey = QStringLiteral("view/showResponsibility");
const QString selectionKey = QStringLiteral("selection/current");
const QString lastScenarioKey = QStringLiteral("scenario/lastFile");
const QString lastFolderKey = QStringLiteral("scenario/lastFolder");
const QString workloadFilter = QStringLiteral("Workload files (*.json);;All files (*)");

// The layout version of saveState(): bump it when docks change, so old layouts are dropped.
constexpr int windowStateVersion = 1;

QString themeChoiceName(MainWindow::ThemeChoice choice)
{
    switch (choice) {
    case MainWindow::ThemeChoice::Light:
        return QStringLiteral("light");
    case MainWindow::ThemeChoice::Dark:
        return QStringLiteral("dark");
    case MainWindow::ThemeChoice::System:
        break;
    }
    return QStringLiteral("system");
}

// "option:ecs-fargate" and back, for remembering the selection.
QString itemToString(const CatalogItem& item)
{
    switch (item.kind) {
    case CatalogItem::Kind::Category:
        return QStringLiteral("category:") + item.id;
    case CatalogItem::Kind::Service:
        return QStringLiteral("service:") + item.id;
    case CatalogItem::Kind::Option:
        return QStringLiteral("option:") + item.id;
    case CatalogItem::Kind::None:
        break;
    }
    return {};
}

CatalogItem itemFromString(const QString& text)
{
    const QString kind = text.section(u':', 0, 0);
    const QString id = text.section(u':', 1);
    if (kind == QLatin1String("category"))
        return CatalogItem::category(id);
    if (kind == QLatin1String("service"))
        return CatalogItem::service(id);
    if (kind == QLatin1String("option"))
        return CatalogItem::option(id);
    return {};
}

// Qt 6.4 cannot ask the platform for its colour scheme; a dark window colour means dark.
Theme systemTheme()
{
    const QColor window = QGuiApplication::palette().color(QPalette::Window);
    return window.lightnessF() < 0.5 ? Theme::dark() : Theme::light();
}

} // namespace

MainWindow::MainWindow(const Catalog& catalog, const PriceBook& prices, QWidget* parent)
    : QMainWindow(parent)
    , m_catalog(catalog)
    , m_state(new ExplorerState(catalog, prices, this))
    , m_document(new ScenarioDocument(*m_state, this))
    , m_exportActions(new exports::ExportActions(this, *m_state))
{
    setObjectName(QStringLiteral("MainWindow"));
    setDockOptions(AnimatedDocks | AllowTabbedDocks);

    auto* scene = new diagram::StackDiagramScene(*m_state, this);
    m_diagramView = new diagram::StackDiagramView(scene, this);
    m_diagramView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_diagramView, &QWidget::customContextMenuRequested, this,
            &MainWindow::showDiagramContextMenu);
    m_compareView = new CompareView(*m_state, this);
    m_centre = new QStackedWidget;
    m_centre->addWidget(m_diagramView);
    m_centre->addWidget(m_compareView);
    setCentralWidget(m_centre);

    createDocks();
    createMenus();
    createToolBar();
    createStatusBar();
    connect(m_state, &ExplorerState::comparisonChanged, this, &MainWindow::showComparisonOrDiagram);
    connect(m_compareView, &CompareView::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    connect(m_exportActions, &exports::ExportActions::exported, this,
            [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    setThemeChoice(ThemeChoice::System);
    connect(m_state, &ExplorerState::currentChanged, this, &MainWindow::revealInTree);
    connect(m_document, &ScenarioDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ScenarioDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_state, &ExplorerState::workloadChanged, this, &MainWindow::updateTitle);
    updateTitle();
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_hierarchy = new HierarchyModel(m_catalog, this);
    m_filter = new HierarchyFilterModel(this);
    m_filter->setSourceModel(m_hierarchy);

    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search services and options"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Filters by name, description and attributes (Ctrl+F)"));

    m_tree = new QTreeView;
    m_tree->setObjectName(QStringLiteral("optionTree"));
    m_tree->setModel(m_filter);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->expandAll();

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setSearchText(text);
        m_tree->expandAll();
        revealInTree();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    m_state->setCurrent(
                        current.data(HierarchyModel::ItemRole).value<CatalogItem>());
            });
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &MainWindow::showTreeContextMenu);
    // Ctrl+click adds a second option to the selection, and two options are compared.
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::compareTreeSelection);

    auto* clearSelection = new QAction(tr("Clear Selection"), m_tree);
    clearSelection->setShortcut(QKeySequence(Qt::Key_Escape));
    clearSelection->setShortcutContext(Qt::WidgetShortcut);
    connect(clearSelection, &QAction::triggered, this, [this] { m_state->setCurrent({}); });
    m_tree->addAction(clearSelection);

    auto* treePanel = new QWidget;
    auto* layout = new QVBoxLayout(treePanel);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);

    auto* treeDock = new QDockWidget(tr("Options"), this);
    treeDock->setObjectName(QStringLiteral("optionsDock"));
    treeDock->setWidget(treePanel);
    addDockWidget(Qt::LeftDockWidgetArea, treeDock);

    m_workloadEditor = new WorkloadEditor(*m_state, m_document->undoStack());
    auto* workloadScroller = new QScrollArea;
    workloadScroller->setWidget(m_workloadEditor);
    workloadScroller->setWidgetResizable(true);
    workloadScroller->setFrameShape(QFrame::NoFrame);
    workloadScroller->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* workloadDock = new QDockWidget(tr("Workload"), this);
    workloadDock->setObjectName(QStringLiteral("workloadDock"));
    workloadDock->setWidget(workloadScroller);
    // Side docks own the bottom corners, so bottom docks sit under the diagram only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    splitDockWidget(treeDock, workloadDock, Qt::Vertical);

    m_costCurves = new charts::CostCurveChart(*m_state);
    m_costBreakdown = new charts::CostBreakdownChart(*m_state);
    auto* costTabs = new QTabWidget;
    costTabs->setDocumentMode(true);
    costTabs->addTab(m_costCurves, tr("Cost by requests/month"));
    costTabs->addTab(m_costBreakdown, tr("Bill breakdown"));
    auto* costDock = new QDockWidget(tr("Costs"), this);
    costDock->setObjectName(QStringLiteral("costsDock"));
    costDock->setWidget(costTabs);
    addDockWidget(Qt::BottomDockWidgetArea, costDock);

    m_detailPane = new DetailPane(*m_state);
    auto* detailDock = new QDockWidget(tr("Details"), this);
    detailDock->setObjectName(QStringLiteral("detailsDock"));
    detailDock->setWidget(m_detailPane);
    addDockWidget(Qt::RightDockWidgetArea, detailDock);
}

void MainWindow::applyDefaultDockWidths()
{
    // The diagram gets about half the width; the docks share the rest, within readable limits.
    const int width = this->width();
    const int treeWidth = std::clamp(width * 20 / 100, 240, 300);
    const int detailWidth = std::clamp(width * 27 / 100, 260, 440);
    resizeDocks({findChild<QDockWidget*>(QStringLiteral("optionsDock")),
                 findChild<QDockWidget*>(QStringLiteral("detailsDock"))},
                {treeWidth, detailWidth}, Qt::Horizontal);
    resizeDocks({findChild<QDockWidget*>(QStringLiteral("costsDock"))},
                {std::clamp(height() * 36 / 100, 220, 420)}, Qt::Vertical);
}

void MainWindow::createMenus()
{
    createFileMenu();
    createEditMenu();

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* zoomIn =
        view->addAction(tr("Zoom &In"), m_diagramView, &diagram::StackDiagramView::zoomIn);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction* zoomOut =
        view->addAction(tr("Zoom &Out"), m_diagramView, &diagram::StackDiagramView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction* fit =
        view->addAction(tr("&Fit Diagram"), m_diagramView, &diagram::StackDiagramView::resetZoom);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addSeparator();

    m_compareAction = view->addAction(tr("&Compare Two Options"));
    m_compareAction->setCheckable(true);
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_compareAction->setToolTip(
        tr("Compare the selected option with another, side by side (Ctrl+K); Ctrl+click a "
           "second option in the tree or the diagram to compare those two"));
    connect(m_compareAction, &QAction::triggered, this, &MainWindow::toggleComparison);
    view->addSeparator();

    QAction* bands = view->addAction(tr("Show &Responsibility Bands"));
    bands->setCheckable(true);
    bands->setChecked(m_state->showResponsibility());
    connect(bands, &QAction::toggled, m_state, &ExplorerState::setShowResponsibility);
    connect(m_state, &ExplorerState::showResponsibilityChanged, bands, &QAction::setChecked);

    QMenu* theme = view->addMenu(tr("&Theme"));
    m_themeActions = new QActionGroup(this);
    for (ThemeChoice choice : {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark}) {
        const QString label = choice == ThemeChoice::System  ? tr("&System")
                              : choice == ThemeChoice::Light ? tr("&Light")
                                                             : tr("&Dark");
        QAction* action = theme->addAction(label, this, [this, choice] { setThemeChoice(choice); });
        action->setCheckable(true);
        action->setData(themeChoiceName(choice));
        m_themeActions->addAction(action);
    }
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about =
        help->addAction(tr("&About AWS Compute Explorer"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createFileMenu()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Workload"), this, &MainWindow::newScenario)
        ->setShortcut(QKeySequence::New);
    file->addAction(tr("&Open Workload…"), this, &MainWindow::openScenario)
        ->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] {
        m_recentMenu->clear();
        const QStringList recent = m_document->recentFiles();
        for (const QString& path : recent) {
            m_recentMenu
                ->addAction(QFileInfo(path).fileName(), this,
                            [this, path] { openScenarioFile(path); })
                ->setToolTip(path);
        }
        if (recent.isEmpty())
            m_recentMenu->addAction(tr("No recent workloads"))->setEnabled(false);
    });
    file->addAction(tr("&Save Workload"), this, &MainWindow::saveScenario)
        ->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save Workload &As…"), this, &MainWindow::saveScenarioAs)
        ->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    file->addAction(m_exportActions->exportAction());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
}

void MainWindow::createEditMenu()
{
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_document->undoStack().createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_document->undoStack().createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(m_exportActions->copyDiagramAction());
    QAction* find = edit->addAction(tr("&Find…"), this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — %2 — AWS Compute Explorer")
                       .arg(m_document->displayName(), m_state->workload().name));
    setWindowModified(m_document->isModified());
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("The workload \"%1\" has changes that are not saved.").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return saveScenario();
    return answer == QMessageBox::Discard;
}

void MainWindow::newScenario()
{
    if (maybeSave())
        m_document->newScenario();
}

void MainWindow::openScenario()
{
    if (!maybeSave())
        return;
    QSettings settings;
    const QString folder =
        settings
            .value(lastFolderKey,
                   QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Workload"), folder, workloadFilter);
    if (path.isEmpty())
        return;
    settings.setValue(lastFolderKey, QFileInfo(path).absolutePath());
    openScenarioFile(path);
}

void MainWindow::openScenarioFile(const QString& path)
{
    if (m_document->filePath() != path && !maybeSave())
        return;
    const QString error = m_document->open(path);
    if (!error.isEmpty())
        showFileError(tr("Cannot open the workload"), error);
}

bool MainWindow::saveScenario()
{
    if (m_document->filePath().isEmpty())
        return saveScenarioAs();
    const QString error = m_document->save();
    if (!error.isEmpty())
        showFileError(tr("Cannot save the workload"), error);
    return error.isEmpty();
}

bool MainWindow::saveScenarioAs()
{
    QSettings settings;
    const QString suggested =
        m_document->filePath().isEmpty()
            ? QDir(settings
                       .value(lastFolderKey,
                              QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                       .toString())
                  .filePath(tr("workload.json"))
            : m_document->filePath();
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save Workload As"), suggested, workloadFilter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    settings.setValue(lastFolderKey, QFileInfo(path).absolutePath());
    const QString error = m_document->saveAs(path);
    if (!error.isEmpty())
        showFileError(tr("Cannot save the workload"), error);
    return error.isEmpty();
}

void MainWindow::showFileError(const QString& title, const QString& error)
{
    QMessageBox::critical(this, title, error);
}

void MainWindow::createStatusBar()
{
    const PriceBook& prices = m_state->prices();
    auto* source = new QLabel(
        tr("Catalog: %1 · Prices: %2, %3, as of %4")
            .arg(m_catalog.sourceName(), prices.region(), prices.currency(), prices.asOf()));
    source->setObjectName(QStringLiteral("dataSources"));
    source->setToolTip(
        tr("Catalog file: %1\nPrice book: %2").arg(m_catalog.sourceName(), prices.sourceName()));
    statusBar()->addPermanentWidget(source);
}

void MainWindow::createToolBar()
{
    QToolBar* tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setMovable(false);
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->addAction(m_exportActions->exportAction());
    tools->addAction(m_compareAction);
}

bool MainWindow::isShowingComparison() const
{
    return m_centre->currentWidget() == m_compareView;
}

void MainWindow::toggleComparison(bool compare)
{
    if (!compare) {
        m_state->clearComparison();
        return;
    }
    const CatalogItem current = m_state->current();
    const QList<DeploymentOption>& options = m_catalog.options();
    qsizetype first = 0;
    for (qsizetype i = 0; i < options.size(); ++i) {
        if (current.kind == CatalogItem::Kind::Option && options.at(i).id == current.id)
            first = i;
    }
    // The next option in the catalog is a natural second: EC2 with ECS on EC2, ECS on Fargate
    // with EKS on Fargate, Lambda with EC2.
    const qsizetype second = (first + 1) % options.size();
    m_state->setComparison(options.at(first).id, options.at(second).id);
}

void MainWindow::showComparisonOrDiagram()
{
    const bool comparing = m_state->isComparing();
    m_centre->setCurrentWidget(comparing ? static_cast<QWidget*>(m_compareView) : m_diagramView);
    m_compareAction->setChecked(comparing);
    // The comparison details both options and charts their costs itself, so it takes the
    // room of the Details and Costs docks while it is open, and gives it back when it closes.
    if (comparing && m_docksHiddenForComparison.isEmpty()) {
        for (const QString& name : {QStringLiteral("detailsDock"), QStringLiteral("costsDock")}) {
            auto* dock = findChild<QDockWidget*>(name);
            if (!dock->isHidden()) {
                dock->hide();
                m_docksHiddenForComparison.append(dock);
            }
        }
    } else if (!comparing) {
        for (QDockWidget* dock : std::as_const(m_docksHiddenForComparison))
            dock->show();
        m_docksHiddenForComparison.clear();
    }
    if (!comparing)
        m_diagramView->setFocus();
}

void MainWindow::compareTreeSelection()
{
    QStringList selected;
    for (const QModelIndex& index : m_tree->selectionModel()->selectedIndexes()) {
        const auto item = index.data(HierarchyModel::ItemRole).value<CatalogItem>();
        if (item.kind == CatalogItem::Kind::Option && !selected.contains(item.id))
            selected.append(item.id);
    }
    if (selected.size() == 2 && m_tree->selectionModel()->selectedIndexes().size() == 2)
        m_state->setComparison(selected.constFirst(), selected.constLast());
}

void MainWindow::setThemeChoice(ThemeChoice choice)
{
    m_themeChoice = choice;
    for (QAction* action : m_themeActions->actions())
        action->setChecked(action->data().toString() == themeChoiceName(choice));
    // The system palette is the one the platform gave us; explicit themes replace it.
    static const QPalette platformPalette = QGuiApplication::palette();
    if (choice == ThemeChoice::System) {
        QApplication::setPalette(platformPalette);
        m_state->setTheme(systemTheme());
    } else {
        const Theme theme = choice == ThemeChoice::Dark ? Theme::dark() : Theme::light();
        QApplication::setPalette(theme.palette());
        m_state->setTheme(theme);
    }
}

void MainWindow::revealInTree()
{
    const QModelIndex source = m_hierarchy->preferredIndexOf(m_state->current());
    const QModelIndex shown = m_filter->mapFromSource(source);
    if (m_tree->currentIndex() == shown)
        return;
    if (!shown.isValid()) {
        m_tree->selectionModel()->clear();
        return;
    }
    m_tree->setCurrentIndex(shown);
    m_tree->scrollTo(shown);
}

void MainWindow::showTreeContextMenu(const QPoint& position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (index.isValid()) {
        showItemMenu(index.data(HierarchyModel::ItemRole).value<CatalogItem>(),
                     m_tree->viewport()->mapToGlobal(position));
    }
}

void MainWindow::showDiagramContextMenu(const QPoint& position)
{
    const auto* scene = static_cast<const diagram::StackDiagramScene*>(m_diagramView->scene());
    const QPointF scenePosition = m_diagramView->mapToScene(position);
    const QPoint global = m_diagramView->viewport()->mapToGlobal(position);
    // Blocks lie inside columns, so look for a service first.
    for (const Service& service : m_catalog.services()) {
        for (const QRectF& block : scene->blockRects(service.id)) {
            if (block.contains(scenePosition))
                return showItemMenu(CatalogItem::service(service.id), global);
        }
    }
    for (const QString& optionId : scene->columnOrder()) {
        if (scene->columnRect(optionId).contains(scenePosition))
            return showItemMenu(CatalogItem::option(optionId), global);
    }
}

void MainWindow::showItemMenu(const CatalogItem& item, const QPoint& globalPosition)
{
    QMenu menu;
    fillItemMenu(menu, item);
    menu.exec(globalPosition);
}

void MainWindow::fillItemMenu(QMenu& menu, const CatalogItem& item)
{
    QString name;
    if (item.kind == CatalogItem::Kind::Option) {
        name = m_catalog.option(item.id)->name;
        QMenu* compare = menu.addMenu(tr("Compare With"));
        compare->setObjectName(QStringLiteral("compareWithMenu"));
        for (const DeploymentOption& other : m_catalog.options()) {
            if (other.id == item.id)
                continue;
            compare->addAction(other.name, this, [this, first = item.id, second = other.id] {
                m_state->setComparison(first, second);
                m_state->setCurrent(CatalogItem::option(first));
            });
        }
    } else if (item.kind == CatalogItem::Kind::Service) {
        name = m_catalog.service(item.id)->name;
    } else if (item.kind == CatalogItem::Kind::Category) {
        name = m_catalog.category(item.id)->name;
    }
    menu.addAction(tr("Copy Name"), this, [name] { QGuiApplication::clipboard()->setText(name); });
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About AWS Compute Explorer"),
        tr("<h3>AWS Compute Explorer %1</h3>"
           "<p>Explore, compare and cost AWS's compute options: EC2, ECS, EKS, Fargate and "
           "Lambda.</p>"
           "<p>Built with Qt %2 (running on Qt %3).</p>"
           "<p><b>Data</b><br>Catalog: %4<br>Prices: %5 (%6, %7), as of %8</p>"
           "<p>Every price comes from AWS's public pricing pages on that date; see the price "
           "book's sources.</p>")
            .arg(QCoreApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion()), m_catalog.sourceName().toHtmlEscaped(),
                 m_state->prices().sourceName().toHtmlEscaped(), m_state->prices().region(),
                 m_state->prices().currency(), m_state->prices().asOf()));
}

void MainWindow::restoreSettings()
{
    m_persistSettings = true;
    const QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray()))
        resize(1280, 800);
    m_layoutRestored =
        restoreState(settings.value(windowStateKey).toByteArray(), windowStateVersion);

    const QString theme = settings.value(themeKey).toString();
    for (ThemeChoice choice : {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark}) {
        if (theme == themeChoiceName(choice))
            setThemeChoice(choice);
    }
    const QVariant bands = settings.value(showResponsibilityKey);
    if (bands.canConvert<bool>())
        m_state->setShowResponsibility(bands.toBool());
    // A last workload that vanished or went bad just leaves the defaults: no error box at start.
    const QString lastScenario = settings.value(lastScenarioKey).toString();
    if (!lastScenario.isEmpty() && QFileInfo::exists(lastScenario)) {
        const QString error = m_document->open(lastScenario);
        if (!error.isEmpty())
            statusBar()->showMessage(tr("Last workload not reopened: %1").arg(error), 10000);
    }
    // An id the current catalog does not know is simply not restored.
    m_state->setCurrent(itemFromString(settings.value(selectionKey).toString()));
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(windowStateKey, saveState(windowStateVersion));
    settings.setValue(themeKey, themeChoiceName(m_themeChoice));
    settings.setValue(showResponsibilityKey, m_state->showResponsibility());
    settings.setValue(selectionKey, itemToString(m_state->current()));
    settings.setValue(lastScenarioKey, m_document->filePath());
}

void MainWindow::showEvent(QShowEvent* event)
{
    // Only now is the window's final size known; a restored layout keeps its own widths.
    if (!m_shownOnce && !m_layoutRestored)
        applyDefaultDockWidths();
    m_shownOnce = true;
    QMainWindow::showEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    // The comparison is not remembered; ending it first restores the docks it hid.
    m_state->clearComparison();
    if (m_persistSettings)
        saveSettings();
    event->accept();
}

} // namespace ace::ui
