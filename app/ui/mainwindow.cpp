#include "ui/mainwindow.h"

#include "advisor/advicerules.h"
#include "advisor/answers.h"
#include "catalog/catalog.h"
#include "charts/costbreakdownchart.h"
#include "charts/costcurvechart.h"
#include "compare/compareview.h"
#include "diagram/stackdiagramscene.h"
#include "diagram/stackdiagramview.h"
#include "export/exportactions.h"
#include "json/dataerror.h"
#include "models/hierarchymodel.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"
#include "state/workloaddocument.h"
#include "ui/advisorpanel.h"
#include "ui/detailpane.h"
#include "ui/pricesmenu.h"
#include "ui/workloadeditor.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace ace::ui {

namespace {

// Settings keys; a value of the wrong type or shape is ignored, so a damaged settings file
// can only cost the user their layout, never a crash.
const QString geometryKey = QStringLiteral("window/geometry");
const QString windowStateKey = QStringLiteral("window/state");
const QString themeKey = QStringLiteral("view/theme");
const QString showResponsibilityKey = QStringLiteral("view/showResponsibility");
const QString selectionKey = QStringLiteral("selection/current");
// Settings keep the group name of earlier versions ("scenario") so remembered files survive.
const QString lastWorkloadKey = QStringLiteral("scenario/lastFile");
const QString lastFolderKey = QStringLiteral("scenario/lastFolder");
const QString answersKey = QStringLiteral("advisor/answers");
// The Costs dock's tabs.
constexpr int billBreakdownTab = 1;
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

// Options appear under every service of their stack, but the tree selects one row: the item's
// other rows get a lighter highlight, so the whole item reads as selected. While searching,
// rows shown only as the context of a match are in italics, so a match explains itself.
class TreeItemDelegate final : public QStyledItemDelegate
{
public:
    TreeItemDelegate(const ExplorerState& state, QObject* parent)
        : QStyledItemDelegate(parent)
        , m_state(state)
    {}

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(HierarchyFilterModel::MatchRole).toInt() ==
            int(HierarchyFilterModel::Match::Relative))
            option->font.setItalic(true);
        const auto item = index.data(HierarchyModel::ItemRole).value<CatalogItem>();
        if (item.kind != CatalogItem::Kind::None && item == m_state.current() &&
            !option->state.testFlag(QStyle::State_Selected)) {
            QColor highlight = option->palette.color(QPalette::Highlight);
            highlight.setAlphaF(0.3);
            option->backgroundBrush = highlight;
        }
        // While the advisor ranks the options: the best in bold, marked; excluded ones faded.
        if (item.kind == CatalogItem::Kind::Option && m_state.isAdvising()) {
            const Advice& advice = m_state.advice();
            const OptionAdvice* ranked = advice.adviceFor(item.id);
            if (ranked && ranked == advice.top()) {
                option->font.setBold(true);
                option->text += QStringLiteral("  ★");
                option->palette.setColor(QPalette::Text, m_state.theme().recommended());
            } else if (ranked && ranked->excluded) {
                option->palette.setColor(QPalette::Text,
                                         option->palette.color(QPalette::PlaceholderText));
            }
        }
    }

private:
    const ExplorerState& m_state;
};

// The platform's keys for a standard action plus the ones the README promises, each once: some
// platforms have none for Save As, and a key bound twice to one action is ambiguous to Qt,
// which then does nothing.
QList<QKeySequence> platformKeysAnd(QKeySequence::StandardKey standard,
                                    std::initializer_list<QKeySequence> promised)
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(standard);
    for (const QKeySequence& key : promised) {
        if (!keys.contains(key))
            keys.append(key);
    }
    return keys;
}

// The text of a menu entry without its mnemonic and ellipsis, for the keyboard reference.
QString plainActionText(const QAction* action)
{
    QString text = action->text();
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.remove(u'…');
    return text;
}

// The first window takes most of the screen (the stack diagram wants room to show its text at a
// readable size), within what the layout was designed for.
QSize firstRunSize(const QSize& available)
{
    const QSize wanted = available * 0.9;
    return wanted.expandedTo(QSize(1024, 700)).boundedTo(QSize(1920, 1200)).boundedTo(available);
}

// Qt 6.4 cannot ask the platform for its colour scheme; a dark window colour means dark.
Theme systemTheme()
{
    const QColor window = QGuiApplication::palette().color(QPalette::Window);
    return window.lightnessF() < 0.5 ? Theme::dark() : Theme::light();
}

} // namespace

MainWindow::MainWindow(const Catalog& catalog, const PriceBook& prices, const QString& advicePath,
                       QWidget* parent)
    : QMainWindow(parent)
    , m_state(new ExplorerState(catalog, prices, this))
    , m_document(new WorkloadDocument(*m_state, this))
    , m_exportActions(new exports::ExportActions(this, *m_state))
{
    if (!advicePath.isEmpty())
        m_state->useAdviceRules(advicePath);
    setObjectName(QStringLiteral("MainWindow"));
    setDockOptions(AnimatedDocks | AllowTabbedDocks);

    auto* scene = new diagram::StackDiagramScene(*m_state, this);
    m_diagramView = new diagram::StackDiagramView(scene, this);
    m_diagramView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_diagramView, &QWidget::customContextMenuRequested, this,
            &MainWindow::showDiagramContextMenu);
    // The comparison's view joins the centre when first compared: the first frame does not
    // need it.
    m_centre = new QStackedWidget;
    m_centre->addWidget(m_diagramView);
    setCentralWidget(m_centre);

    createDocks();
    createMenus();
    createToolBar();
    createStatusBar();
    connect(m_state, &ExplorerState::comparisonChanged, this, &MainWindow::showComparisonOrDiagram);
    showComparisonOrDiagram();
    connect(m_exportActions, &exports::ExportActions::exported, this,
            [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    setThemeChoice(ThemeChoice::System);
    connect(m_state, &ExplorerState::currentChanged, this, &MainWindow::revealInTree);
    connect(m_document, &WorkloadDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &WorkloadDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_state, &ExplorerState::workloadChanged, this, &MainWindow::updateTitle);
    updateTitle();
    resize(1280, 800);
    m_defaultLayout = saveState(windowStateVersion);
}

MainWindow::~MainWindow()
{
    // Hiding makes a field with typed text commit it (on losing focus): let that happen while
    // the window is whole, not from QWidget's destructor after this one has run.
    hide();
}

void MainWindow::createDocks()
{
    m_hierarchy = new HierarchyModel(m_state->catalog(), this);
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

    m_tree->setItemDelegate(new TreeItemDelegate(*m_state, m_tree));
    // The tree marks the advisor's ranking only while it advises: an edit without answers
    // (the advice goes stale at every one) leaves the tree as it is.
    connect(m_state, &ExplorerState::adviceChanged, this, [this] {
        const bool advising = m_state->isAdvising();
        if (advising || m_treeShowsAdvice)
            m_tree->viewport()->update();
        m_treeShowsAdvice = advising;
    });
    connect(m_state, &ExplorerState::currentChanged, m_tree->viewport(),
            qOverload<>(&QWidget::update));

    m_searchFeedback = new QLabel;
    m_searchFeedback->setObjectName(QStringLiteral("searchFeedback"));
    m_searchFeedback->setWordWrap(true);
    m_searchFeedback->hide();
    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::updateSearchFeedback);
    m_search->installEventFilter(this);

    auto* treePanel = new QWidget;
    auto* layout = new QVBoxLayout(treePanel);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_search);
    layout->addWidget(m_searchFeedback);
    layout->addWidget(m_tree);

    m_optionsDock = new QDockWidget(tr("Options"), this);
    m_optionsDock->setObjectName(QStringLiteral("optionsDock"));
    m_optionsDock->setWidget(treePanel);
    addDockWidget(Qt::LeftDockWidgetArea, m_optionsDock);

    m_workloadEditor = new WorkloadEditor(*m_state, m_document->undoStack());
    auto* workloadScroller = new QScrollArea;
    workloadScroller->setWidget(m_workloadEditor);
    workloadScroller->setWidgetResizable(true);
    workloadScroller->setFrameShape(QFrame::NoFrame);
    // Fields stay whole in a narrow dock: below the editor's minimum width it scrolls sideways.
    workloadScroller->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_workloadDock = new QDockWidget(tr("Workload"), this);
    m_workloadDock->setObjectName(QStringLiteral("workloadDock"));
    m_workloadDock->setWidget(workloadScroller);
    // Side docks own the bottom corners, so bottom docks sit under the diagram only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    splitDockWidget(m_optionsDock, m_workloadDock, Qt::Vertical);

    m_costCurves = new charts::CostCurveChartView(*m_state);
    m_costTabs = new QTabWidget;
    m_costTabs->setDocumentMode(true);
    m_costTabs->addTab(m_costCurves, tr("Cost by requests/month"));
    // The bill breakdown's chart is made when its tab is first chosen (or asked for).
    m_costTabs->addTab(new QWidget, tr("Bill breakdown"));
    connect(m_costTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == billBreakdownTab)
            costBreakdown();
    });
    m_costsDock = new QDockWidget(tr("Costs"), this);
    m_costsDock->setObjectName(QStringLiteral("costsDock"));
    m_costsDock->setWidget(m_costTabs);
    addDockWidget(Qt::BottomDockWidgetArea, m_costsDock);

    m_detailPane = new DetailPane(*m_state);
    m_detailsDock = new QDockWidget(tr("Details"), this);
    m_detailsDock->setObjectName(QStringLiteral("detailsDock"));
    m_detailsDock->setWidget(m_detailPane);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);

    m_advisorDock = new QDockWidget(tr("Advisor"), this);
    m_advisorDock->setObjectName(QStringLiteral("advisorDock"));
    connect(m_advisorDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            advisorPanel();
    });
    addDockWidget(Qt::RightDockWidgetArea, m_advisorDock);
    tabifyDockWidget(m_detailsDock, m_advisorDock);
    m_detailsDock->raise();
}

CompareView* MainWindow::compareView()
{
    if (!m_compareView) {
        m_compareView = new CompareView(*m_state, this);
        m_compareView->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        m_centre->addWidget(m_compareView);
        connect(m_compareView, &CompareView::message, this,
                [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    }
    return m_compareView;
}

charts::CostBreakdownChartView* MainWindow::costBreakdown()
{
    if (!m_costBreakdown) {
        m_costBreakdown = new charts::CostBreakdownChartView(*m_state);
        const bool current = m_costTabs->currentIndex() == billBreakdownTab;
        const QSignalBlocker quiet(m_costTabs);
        QWidget* placeholder = m_costTabs->widget(billBreakdownTab);
        m_costTabs->removeTab(billBreakdownTab);
        m_costTabs->insertTab(billBreakdownTab, m_costBreakdown, tr("Bill breakdown"));
        delete placeholder;
        if (current)
            m_costTabs->setCurrentIndex(billBreakdownTab);
    }
    return m_costBreakdown;
}

AdvisorPanel* MainWindow::advisorPanel()
{
    if (!m_advisorPanel) {
        m_advisorPanel = new AdvisorPanel(*m_state, m_document->undoStack());
        connect(m_advisorPanel, &AdvisorPanel::message, this,
                [this](const QString& text) { statusBar()->showMessage(text, 5000); });
        m_advisorDock->setWidget(m_advisorPanel);
    }
    return m_advisorPanel;
}

void MainWindow::showAdvisor()
{
    m_advisorDock->show();
    m_advisorDock->raise();
    const AdviceRules* rules = m_state->adviceRules();
    if (!rules || rules->questions().isEmpty())
        return;
    QWidget* first = advisorPanel()->fieldFor(rules->questions().constFirst().id);
    // As Tab would: a number typed now replaces "Don't know" rather than joining it.
    first->setFocus(Qt::TabFocusReason);
    if (auto* number = qobject_cast<QAbstractSpinBox*>(first))
        number->selectAll();
}

void MainWindow::applyDockShares()
{
    int optionsWidth = 0;
    int detailsWidth = 0;
    int costsHeight = 0;
    if (m_userDockShares) {
        optionsWidth = int(width() * m_userDockShares->options);
        detailsWidth = int(width() * m_userDockShares->details);
        costsHeight = int(height() * m_userDockShares->costs);
    } else {
        // The diagram gets about half the width; the docks share the rest, within readable
        // limits.
        // The left column holds the workload editor too: wide enough for its fields and the
        // scroll bar beside them, so it does not scroll sideways by default.
        const int editorWidth = m_workloadEditor->minimumSizeHint().width() +
                                style()->pixelMetric(QStyle::PM_ScrollBarExtent) +
                                2 * style()->pixelMetric(QStyle::PM_DockWidgetFrameWidth);
        optionsWidth =
            std::clamp(width() * 20 / 100, std::max(240, editorWidth), std::max(300, editorWidth));
        detailsWidth = std::clamp(width() * 27 / 100, 280, 440);
        costsHeight = std::clamp(height() * 36 / 100, 220, 420);
    }
    resizeDocks({m_optionsDock, m_detailsDock}, {optionsWidth, detailsWidth}, Qt::Horizontal);
    resizeDocks({m_costsDock}, {costsHeight}, Qt::Vertical);
}

void MainWindow::rememberDockShares()
{
    // Hidden or floating docks have no share of the window; keep what the user had.
    DockShares shares = m_userDockShares.value_or(DockShares{
        double(m_optionsDock->width()) / width(), double(m_detailsDock->width()) / width(),
        double(m_costsDock->height()) / height()});
    const auto inWindow = [](const QDockWidget* dock) {
        return dock->isVisible() && !dock->isFloating();
    };
    if (inWindow(m_optionsDock))
        shares.options = double(m_optionsDock->width()) / width();
    if (inWindow(m_detailsDock))
        shares.details = double(m_detailsDock->width()) / width();
    if (inWindow(m_costsDock))
        shares.costs = double(m_costsDock->height()) / height();
    m_userDockShares = shares;
}

void MainWindow::resetLayout()
{
    // The comparison hides two docks; ending it first gives them back before the reset.
    m_state->clearComparison();
    restoreState(m_defaultLayout, windowStateVersion);
    for (QDockWidget* dock : {m_optionsDock, m_workloadDock, m_costsDock, m_detailsDock}) {
        dock->setFloating(false);
        dock->show();
    }
    m_userDockShares.reset();
    applyDockShares();
    statusBar()->showMessage(tr("Layout reset"), 3000);
}

void MainWindow::updateSearchFeedback()
{
    if (!m_filter->isSearching()) {
        m_searchFeedback->hide();
        return;
    }
    int matches = 0;
    std::function<void(const QModelIndex&)> count = [&](const QModelIndex& parent) {
        for (int row = 0; row < m_filter->rowCount(parent); ++row) {
            const QModelIndex index = m_filter->index(row, 0, parent);
            if (index.data(HierarchyFilterModel::MatchRole).toInt() ==
                int(HierarchyFilterModel::Match::Itself))
                ++matches;
            count(index);
        }
    };
    count({});
    QPalette palette = m_searchFeedback->palette();
    palette.setColor(QPalette::WindowText, matches == 0 ? m_state->theme().error()
                                                        : QPalette().color(QPalette::WindowText));
    m_searchFeedback->setPalette(palette);
    m_searchFeedback->setText(
        matches == 0 ? tr("Nothing matches “%1”. Esc clears the search.").arg(m_search->text())
                     : tr("%n place(s) match; Enter or ↓ goes to the first", nullptr, matches));
    m_searchFeedback->show();
}

void MainWindow::moveIntoSearchResults()
{
    // Options are what the diagram and the costs are about: the first option that matches
    // itself, else the first option shown (under a matching service), else the first row.
    const auto isOption = [](const QModelIndex& index) {
        return index.data(HierarchyModel::ItemRole).value<CatalogItem>().kind ==
               CatalogItem::Kind::Option;
    };
    QModelIndex firstOption;
    QModelIndex firstMatchingOption;
    std::function<void(const QModelIndex&)> visit = [&](const QModelIndex& parent) {
        for (int row = 0; row < m_filter->rowCount(parent) && !firstMatchingOption.isValid();
             ++row) {
            const QModelIndex index = m_filter->index(row, 0, parent);
            if (isOption(index) && !firstOption.isValid())
                firstOption = index;
            if (isOption(index) && index.data(HierarchyFilterModel::MatchRole).toInt() ==
                                       int(HierarchyFilterModel::Match::Itself))
                firstMatchingOption = index;
            visit(index);
        }
    };
    visit({});
    const QModelIndex target = firstMatchingOption.isValid() ? firstMatchingOption
                               : firstOption.isValid()       ? firstOption
                                                             : m_filter->index(0, 0);
    if (!target.isValid())
        return;
    m_tree->setFocus(Qt::ShortcutFocusReason);
    m_tree->setCurrentIndex(target);
    m_tree->scrollTo(target);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            return true;
        }
        if (key == Qt::Key_Down || key == Qt::Key_Return || key == Qt::Key_Enter) {
            moveIntoSearchResults();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
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

    m_compareAction = view->addAction(tr("&Compare Side by Side"));
    m_compareAction->setCheckable(true);
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_compareAction->setToolTip(
        tr("Compare the selected option or service with another, side by side (Ctrl+K); "
           "Ctrl+click a second one in the tree or the diagram to compare those two"));
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
    for (QDockWidget* dock :
         {m_optionsDock, m_workloadDock, m_costsDock, m_detailsDock, m_advisorDock})
        view->addAction(dock->toggleViewAction());
    view->addAction(tr("Reset &Layout"), this, &MainWindow::resetLayout)
        ->setToolTip(tr("Show every panel in its place, at its default size"));

    m_pricesMenu = new PricesMenu(*m_state, m_document->undoStack(), this);
    menuBar()->addMenu(m_pricesMenu->menu());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showKeyboardShortcuts)
        ->setShortcut(QKeySequence::HelpContents);
    QAction* about =
        help->addAction(tr("&About AWS Compute Explorer"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createFileMenu()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Workload"), this, &MainWindow::newWorkload)
        ->setShortcut(QKeySequence::New);
    file->addAction(tr("&Open Workload…"), this, &MainWindow::openWorkload)
        ->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] {
        m_recentMenu->clear();
        const QStringList recent = m_document->recentFiles();
        for (const QString& path : recent) {
            m_recentMenu
                ->addAction(QFileInfo(path).fileName(), this,
                            [this, path] { openWorkloadFile(path); })
                ->setToolTip(path);
        }
        if (recent.isEmpty())
            m_recentMenu->addAction(tr("No recent workloads"))->setEnabled(false);
    });
    file->addAction(tr("&Save Workload"), this, &MainWindow::saveWorkload)
        ->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save Workload &As…"), this, &MainWindow::saveWorkloadAs)
        ->setShortcuts(platformKeysAnd(QKeySequence::SaveAs,
                                       {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)}));
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
    redo->setShortcuts(
        platformKeysAnd(QKeySequence::Redo, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                                             QKeySequence(Qt::CTRL | Qt::Key_Y)}));
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
    // Text typed into a field and not yet committed is part of the workload too: taking the
    // focus away commits it, so the question below knows about it.
    if (QWidget* focused = QApplication::focusWidget();
        focused && m_workloadEditor->isAncestorOf(focused))
        focused->clearFocus();
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("The workload \"%1\" has changes that are not saved.").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return saveWorkload();
    return answer == QMessageBox::Discard;
}

void MainWindow::newWorkload()
{
    if (maybeSave())
        m_document->newWorkload();
}

void MainWindow::openWorkload()
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
    // The unsaved changes were asked about before the file dialog.
    loadWorkloadFile(path);
}

void MainWindow::openWorkloadFile(const QString& path)
{
    if (m_document->filePath() != path && !maybeSave())
        return;
    loadWorkloadFile(path);
}

void MainWindow::loadWorkloadFile(const QString& path)
{
    const QString error = m_document->open(path);
    if (!error.isEmpty())
        showFileError(tr("Cannot open the workload"), error);
}

bool MainWindow::saveWorkload()
{
    if (m_document->filePath().isEmpty())
        return saveWorkloadAs();
    const QString error = m_document->save();
    if (!error.isEmpty())
        showFileError(tr("Cannot save the workload"), error);
    return error.isEmpty();
}

bool MainWindow::saveWorkloadAs()
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
    auto* source = new QLabel;
    source->setObjectName(QStringLiteral("dataSources"));
    // Another price book (another region) comes with new results.
    const auto showSources = [this, source] {
        const PriceBook& prices = m_state->prices();
        const Catalog& catalog = m_state->catalog();
        source->setText(
            tr("Catalog: %1 · Prices: %2, %3, as of %4")
                .arg(catalog.sourceName(), prices.region(), prices.currency(), prices.asOf()));
        source->setToolTip(
            tr("Catalog file: %1\nPrice book: %2").arg(catalog.sourceName(), prices.sourceName()));
    };
    showSources();
    connect(m_state, &ExplorerState::costResultsChanged, source, showSources);
    statusBar()->addWidget(m_pricesMenu->regionWarning());
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
    QAction* advise = tools->addAction(tr("Which Should I Use?"), this, &MainWindow::showAdvisor);
    advise->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    advise->setToolTip(tr("Answer a few questions and see the options ranked, with reasons "
                          "(%1)")
                           .arg(advise->shortcut().toString(QKeySequence::NativeText)));
}

bool MainWindow::isShowingComparison() const
{
    return m_compareView && m_centre->currentWidget() == m_compareView;
}

void MainWindow::toggleComparison(bool compare)
{
    if (!compare) {
        m_state->clearComparison();
        return;
    }
    const CatalogItem current = m_state->current();
    if (current.kind == CatalogItem::Kind::Service) {
        // The next service that compares with it is a natural second: ECS with EKS, EKS with
        // Fargate, Lambda with EC2.
        const QList<Service>& services = m_state->catalog().services();
        const auto at = std::find_if(services.cbegin(), services.cend(),
                                     [&current](const Service& s) { return s.id == current.id; });
        const qsizetype first = at - services.cbegin();
        for (qsizetype step = 1; step < services.size(); ++step) {
            const Service& second = services.at((first + step) % services.size());
            if (m_state->compare(current, CatalogItem::service(second.id)))
                return;
        }
        m_compareAction->setChecked(false);
        return;
    }
    const QList<DeploymentOption>& options = m_state->catalog().options();
    qsizetype first = 0;
    for (qsizetype i = 0; i < options.size(); ++i) {
        if (current.kind == CatalogItem::Kind::Option && options.at(i).id == current.id)
            first = i;
    }
    // The next option in the catalog is a natural second: EC2 with ECS on EC2, ECS on Fargate
    // with EKS on Fargate, Lambda with EC2.
    const qsizetype second = (first + 1) % options.size();
    m_state->setComparison(ComparedPair::ofOptions(options.at(first).id, options.at(second).id));
}

void MainWindow::showComparisonOrDiagram()
{
    const bool comparing = m_state->isComparing();
    if (comparing)
        compareView();
    // A stacked widget is as wide as its widest page; the hidden page's size is ignored, so the
    // comparison's width does not squeeze the docks around the diagram.
    QWidget* shown = comparing ? static_cast<QWidget*>(m_compareView) : m_diagramView;
    QWidget* hidden = comparing ? static_cast<QWidget*>(m_diagramView) : m_compareView;
    if (hidden)
        hidden->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    shown->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_centre->setCurrentWidget(shown);
    m_compareAction->setChecked(comparing);
    // The comparison details both options and charts their costs itself, so it takes the
    // room of the Details, Advisor and Costs docks while it is open, and gives it back when it
    // closes.
    if (comparing && m_docksHiddenForComparison.isEmpty()) {
        // "Compare the Top Two" comes from the advisor: it is in front again afterwards.
        m_advisorInFrontBeforeComparison = !m_advisorDock->visibleRegion().isEmpty();
        for (QDockWidget* dock : {m_detailsDock, m_advisorDock, m_costsDock}) {
            if (!dock->isHidden()) {
                dock->hide();
                m_docksHiddenForComparison.append(dock);
            }
        }
    } else if (!comparing) {
        for (QDockWidget* dock : std::as_const(m_docksHiddenForComparison))
            dock->show();
        if (!m_docksHiddenForComparison.isEmpty() && m_advisorInFrontBeforeComparison)
            m_advisorDock->raise();
        m_docksHiddenForComparison.clear();
    }
    if (!comparing)
        m_diagramView->setFocus();
}

void MainWindow::compareTreeSelection()
{
    QList<CatalogItem> selected;
    for (const QModelIndex& index : m_tree->selectionModel()->selectedIndexes()) {
        const auto item = index.data(HierarchyModel::ItemRole).value<CatalogItem>();
        const bool comparable =
            item.kind == CatalogItem::Kind::Option || item.kind == CatalogItem::Kind::Service;
        if (comparable && !selected.contains(item))
            selected.append(item);
    }
    if (selected.size() == 2 && m_tree->selectionModel()->selectedIndexes().size() == 2)
        m_state->compare(selected.constFirst(), selected.constLast());
}

void MainWindow::setThemeChoice(ThemeChoice choice)
{
    m_themeChoice = choice;
    for (QAction* action : m_themeActions->actions())
        action->setChecked(action->data().toString() == themeChoiceName(choice));
    // The system palette is the one the platform gave us; explicit themes replace it.
    static const QPalette platformPalette = QGuiApplication::palette();
    const std::optional<Theme> explicitTheme =
        choice == ThemeChoice::System
            ? std::nullopt
            : std::optional<Theme>(choice == ThemeChoice::Dark ? Theme::dark() : Theme::light());
    QApplication::setPalette(explicitTheme ? explicitTheme->palette() : platformPalette);
    for (const char* inputClass :
         {"QLineEdit", "QAbstractSpinBox", "QComboBox", "QCheckBox", "QRadioButton"}) {
        QApplication::setPalette(explicitTheme ? explicitTheme->inputPalette() : platformPalette,
                                 inputClass);
    }
    m_state->setTheme(explicitTheme ? *explicitTheme : systemTheme());
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
    for (const Service& service : m_state->catalog().services()) {
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
    if (item.kind == CatalogItem::Kind::Option || item.kind == CatalogItem::Kind::Service) {
        name = itemName(m_state->catalog(), item);
        // Options and services compare with each other: the item's own kind first.
        QList<CatalogItem> others;
        for (const DeploymentOption& option : m_state->catalog().options())
            others.append(CatalogItem::option(option.id));
        QList<CatalogItem> services;
        for (const Service& service : m_state->catalog().services())
            services.append(CatalogItem::service(service.id));
        if (item.kind == CatalogItem::Kind::Service)
            others.swap(services);
        QMenu* compare = menu.addMenu(tr("Compare With"));
        compare->setObjectName(QStringLiteral("compareWithMenu"));
        for (const QList<CatalogItem>& group : {others, services}) {
            if (!compare->isEmpty())
                compare->addSeparator();
            for (const CatalogItem& other : group) {
                // Only what compares with the item: never itself, nor a pair with no way.
                if (waysToCompare(m_state->catalog(), item, other).ways.isEmpty())
                    continue;
                compare->addAction(itemName(m_state->catalog(), other), this, [this, item, other] {
                    m_state->compare(item, other);
                    m_state->setCurrent(item);
                });
            }
        }
    } else if (item.kind == CatalogItem::Kind::Category) {
        name = m_state->catalog().category(item.id)->name;
    }
    menu.addAction(tr("Copy Name"), this, [name] { QGuiApplication::clipboard()->setText(name); });
}

void MainWindow::showKeyboardShortcuts()
{
    // Made from the actions themselves, so the reference can never disagree with the keys.
    QString rows;
    std::function<void(const QMenu*)> addMenu = [&](const QMenu* menu) {
        for (const QAction* action : menu->actions()) {
            if (action->menu())
                addMenu(action->menu());
            else if (!action->shortcuts().isEmpty()) {
                QStringList keys;
                for (const QKeySequence& key : action->shortcuts())
                    keys.append(key.toString(QKeySequence::NativeText).toHtmlEscaped());
                rows += QStringLiteral("<tr><td style='padding-right:16px'><b>%1</b></td>"
                                       "<td>%2</td></tr>")
                            .arg(keys.join(QStringLiteral(" / ")),
                                 plainActionText(action).toHtmlEscaped());
            }
        }
    };
    for (const QAction* menu : menuBar()->actions()) {
        if (menu->menu())
            addMenu(menu->menu());
    }
    // Keys that belong to one view rather than to a menu entry.
    const QList<QPair<QString, QString>> viewKeys = {
        {tr("← →"), tr("Diagram: previous / next option")},
        {tr("↑ ↓"), tr("Diagram: up / down the current option's stack")},
        {tr("Esc"), tr("Tree or diagram: clear the selection; search: clear it; comparison: "
                       "close it")},
        {tr("Ctrl+click"), tr("Tree or diagram: compare the selected option or service with the "
                              "one clicked")},
        {tr("Ctrl+wheel"), tr("Diagram: zoom around the pointer")},
        {tr("Enter or ↓"), tr("Search: go to the first match")},
        {tr("Ctrl+W"), tr("Comparison: close it")},
    };
    for (const auto& [keys, what] : viewKeys) {
        rows += QStringLiteral("<tr><td style='padding-right:16px'><b>%1</b></td><td>%2</td></tr>")
                    .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto* text = new QTextBrowser;
    text->setObjectName(QStringLiteral("shortcutTable"));
    text->setHtml(QStringLiteral("<table cellspacing='0' cellpadding='3'>%1</table>").arg(rows));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(560, 520);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QString sources;
    for (const RateSource& source : m_state->prices().rateSources()) {
        sources += QStringLiteral("<li>%1: <a href='%2'>%2</a></li>")
                       .arg(source.group.toHtmlEscaped(), source.url.toHtmlEscaped());
    }
    QMessageBox::about(
        this, tr("About AWS Compute Explorer"),
        tr("<h3>AWS Compute Explorer %1</h3>"
           "<p>Explore, compare and cost AWS's compute options: EC2, ECS, EKS, Fargate and "
           "Lambda.</p>"
           "<p>Built with Qt %2 (running on Qt %3).</p>"
           "<p><b>Data</b><br>Catalog: %4<br>Prices: %5 (%6, %7), as of %8</p>"
           "<p>Every price comes from AWS's public pricing pages on that date:</p><ul>%9</ul>"
           "<p>MIT licence. Source code, issues and documentation: "
           "<a href='%10'>%10</a></p>")
            .arg(QCoreApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion()), m_state->catalog().sourceName().toHtmlEscaped(),
                 m_state->prices().sourceName().toHtmlEscaped(), m_state->prices().region(),
                 m_state->prices().currency(), m_state->prices().asOf(), sources,
                 QStringLiteral(ACE_HOMEPAGE)));
}

void MainWindow::restoreSettings()
{
    m_persistSettings = true;
    const QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray()))
        resize(firstRunSize(screen()->availableGeometry().size()));
    m_layoutRestored =
        restoreState(settings.value(windowStateKey).toByteArray(), windowStateVersion);

    const QString theme = settings.value(themeKey).toString();
    for (ThemeChoice choice : {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark}) {
        if (theme == themeChoiceName(choice))
            setThemeChoice(choice);
    }
    // Prices first, so that the last workload opens priced with them.
    if (const QString note = m_pricesMenu->restore(settings); !note.isEmpty())
        statusBar()->showMessage(note, 10000);
    const QVariant bands = settings.value(showResponsibilityKey);
    if (bands.canConvert<bool>())
        m_state->setShowResponsibility(bands.toBool());
    // A last workload that vanished or went bad just leaves the defaults: no error box at start.
    const QString lastWorkload = settings.value(lastWorkloadKey).toString();
    if (!lastWorkload.isEmpty() && QFileInfo::exists(lastWorkload)) {
        const QString error = m_document->open(lastWorkload);
        if (!error.isEmpty())
            statusBar()->showMessage(tr("Last workload not reopened: %1").arg(error), 10000);
    }
    // An id the current catalog does not know is simply not restored.
    m_state->setCurrent(itemFromString(settings.value(selectionKey).toString()));
    // Answers the rules no longer accept are dropped, as a vanished workload is.
    if (const AdviceRules* rules = m_state->adviceRules()) {
        try {
            m_state->setAnswers(Answers::fromJson(
                QJsonDocument::fromJson(settings.value(answersKey).toByteArray()).object(), *rules,
                tr("remembered answers")));
        } catch (const DataError&) {
        }
    }
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(windowStateKey, saveState(windowStateVersion));
    settings.setValue(themeKey, themeChoiceName(m_themeChoice));
    settings.setValue(showResponsibilityKey, m_state->showResponsibility());
    settings.setValue(selectionKey, itemToString(m_state->current()));
    settings.setValue(lastWorkloadKey, m_document->filePath());
    settings.setValue(answersKey,
                      QJsonDocument(m_state->answers().toJson()).toJson(QJsonDocument::Compact));
    m_pricesMenu->save(settings);
}

void MainWindow::showEvent(QShowEvent* event)
{
    // Only now is the window's final size known; a restored layout keeps its own widths.
    if (!m_shownOnce && !m_layoutRestored)
        applyDockShares();
    // A restored layout's docks keep the shares they had when the window was closed.
    if (!m_shownOnce && m_layoutRestored)
        QTimer::singleShot(0, this, &MainWindow::rememberDockShares);
    m_shownOnce = true;
    QMainWindow::showEvent(event);
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    if (m_shownOnce)
        applyDockShares();
}

bool MainWindow::event(QEvent* event)
{
    const bool handled = QMainWindow::event(event);
    // Dock separators belong to the window itself: a release on it ends a drag of one, and the
    // docks' new sizes are the user's choice from then on.
    if (event->type() == QEvent::MouseButtonRelease && m_shownOnce)
        rememberDockShares();
    return handled;
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
