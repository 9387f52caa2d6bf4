// The explorer window: tree, diagram and detail pane stay in sync through the one state;
// search, themes, and remembered settings (including a damaged settings file).
#include "advisor/answers.h"
#include "catalog/catalog.h"
#include "charts/costbreakdownchart.h"
#include "charts/costcurvechart.h"
#include "compare/compareview.h"
#include "compare/comparison.h"
#include "cost/costmodel.h"
#include "cost/costresults.h"
#include "cost/quantitytext.h"
#include "diagram/stackdiagramscene.h"
#include "diagram/stackdiagramview.h"
#include "dialoganswerer.h"
#include "jsonfixtures.h"
#include "models/hierarchymodel.h"
#include "paintcounter.h"
#include "pricing/pricebook.h"
#include "pricing/pricebooks.h"
#include "state/explorerstate.h"
#include "state/workloaddocument.h"
#include "ui/advisorpanel.h"
#include "ui/detailpane.h"
#include "ui/mainwindow.h"
#include "ui/pricesmenu.h"
#include "ui/workloadeditor.h"

#include <QAbstractSpinBox>
#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

using namespace ace;
using ui::MainWindow;

namespace {

CatalogItem treeItem(const QModelIndex& index)
{
    return index.data(HierarchyModel::ItemRole).value<CatalogItem>();
}

int visibleRows(const QAbstractItemModel& model, const QModelIndex& parent = {})
{
    int rows = 0;
    for (int row = 0; row < model.rowCount(parent); ++row)
        rows += 1 + visibleRows(model, model.index(row, 0, parent));
    return rows;
}

// The window's widget of that type and object name (a test cannot go on without it).
template <typename Child>
Child* namedChild(const MainWindow& window, const char* name)
{
    auto* found = window.findChild<Child*>(QString::fromLatin1(name));
    if (!found)
        qFatal("no %s %s", Child::staticMetaObject.className(), name);
    return found;
}

QDockWidget* dock(const MainWindow& window, const char* name)
{
    return namedChild<QDockWidget>(window, name);
}

// The built-in price book with Lambda's requests at `perRequest`, written as `path`.
PriceBook priceBookWithLambdaRequestsAt(double perRequest, const QString& path)
{
    QJsonObject book = test::resourceJson(QStringLiteral("prices/us-east-1.json"));
    test::setJsonAt(book, QStringLiteral("lambda.perRequest"), perRequest);
    return PriceBook::load(test::writeJsonFile(path, book));
}

QAction* menuAction(const MainWindow& window, const QString& text)
{
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->text() == text)
            return action;
    }
    qFatal("no action %s", qPrintable(text));
}

// Answers the dialogs the window opens and counts them: each "Unsaved changes" question gets
// `messageButton`, a file dialog gets `filePath`; a file dialog's own warning (on a loaded
// machine) is closed, and the file dialog answered again.
class ModalAnswerer
{
public:
    ModalAnswerer(QMessageBox::StandardButton messageButton, QString filePath)
        : m_messageButton(messageButton)
        , m_filePath(std::move(filePath))
        , m_answerer([this](QDialog* dialog, bool again) { answer(dialog, again); })
    {}
    int messageBoxes = 0;
    int fileDialogs = 0;

private:
    void answer(QDialog* dialog, bool again)
    {
        if (auto* box = qobject_cast<QMessageBox*>(dialog)) {
            QAbstractButton* button = box->button(m_messageButton);
            if (!button)
                return box->reject();
            if (!again)
                ++messageBoxes;
            button->click();
        } else if (auto* files = qobject_cast<QFileDialog*>(dialog)) {
            // The same dialog again after its warning is still one dialog.
            if (files != m_lastFileDialog)
                ++fileDialogs;
            m_lastFileDialog = files;
            files->selectFile(m_filePath);
            static_cast<QDialog*>(files)->accept();
        }
    }

    QMessageBox::StandardButton m_messageButton;
    QString m_filePath;
    QPointer<QFileDialog> m_lastFileDialog;
    test::DialogAnswerer m_answerer;
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void theFirstFrameBuildsOnlyWhatItShows();
    void selectingInTheTreeSelectsEverywhere();
    void stateChangesRevealTheItemInTheTree();
    void escapeInTheTreeClearsTheSelection();
    void searchFiltersTheTree();
    void theTreeRepaintsForAdviceOnlyWhileAdvising();
    void ctrlFFocusesTheSearchField();
    void detailPaneLinksSelectCatalogItems();
    void comparisonShowsDifferingLayers();
    void themeChoiceRestylesTheState();
    void settingsAreRememberedAcrossWindows();
    void damagedSettingsFallBackToDefaults();
    void noTwoActionsShareAShortcut();
    void firstRunTakesMostOfTheScreen();
    void redoWorksFromTheKeyboard_data();
    void redoWorksFromTheKeyboard();
    void theHiddenComparisonLeavesTheDocksTheirWidth_data();
    void theHiddenComparisonLeavesTheDocksTheirWidth();
    void docksTakeBackTheirWidthWhenTheWindowGrows();
    void resetLayoutBringsBackEveryDock();
    void searchSaysWhenNothingMatches();
    void searchKeysClearAndMoveIntoTheResults();
    void searchMarksRowsShownOnlyAsContext();
    void openingAFileWithUnsavedChangesAsksOnce();
    void closingAsksAboutTextTypedButNotCommitted();
    void keyboardReferenceListsTheActionsKeys();
    void detailsNeverBreakInsideAWordOrNumber_data();
    void detailsNeverBreakInsideAWordOrNumber();
    void aWorkloadEditIsPricedOnceWhateverIsShown();
    void everyViewShowsTheStatesCostResults();
    void anEditRewritesOnlyTheDetailsCostSection();
    void anotherPriceBookRepricesEveryView();
    void pricesMenuListsEveryPriceBook();
    void switchingPricesRepricesEverythingAndMovesTheRegion();
    void statusBarSaysWhenTheRegionHasNoPrices();
    void thePriceBookIsRemembered();
    void aRememberedPriceBookThatIsGoneFallsBack_data();
    void aRememberedPriceBookThatIsGoneFallsBack();
    void pricesFromTheCommandLineAreKept();

private:
    const Catalog m_catalog = Catalog::loadBuiltIn();
    const PriceBook m_prices = PriceBook::loadBuiltIn();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("aws-compute-explorer-tests"));
}

void TestMainWindow::init()
{
    QSettings().clear();
    QDir(importedPriceBookFolder()).removeRecursively();
}

void TestMainWindow::theFirstFrameBuildsOnlyWhatItShows()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Start-up pays only for what the first frame shows (issue 16): the comparison, the Bill
    // breakdown tab and the Advisor wait for their first use.
    QVERIFY(!window.findChild<ui::CompareView*>());
    QVERIFY(!window.findChild<charts::CostBreakdownChartView*>());
    QVERIFY(!window.findChild<ui::AdvisorPanel*>());

    auto* tabs = window.costCurves()->parentWidget()->parentWidget();
    auto* costTabs = qobject_cast<QTabWidget*>(tabs);
    QVERIFY(costTabs);
    costTabs->setCurrentIndex(1);
    QVERIFY(window.findChild<charts::CostBreakdownChartView*>());
    QCOMPARE(costTabs->currentWidget(), window.costBreakdown());
    QCOMPARE(costTabs->tabText(1), QStringLiteral("Bill breakdown"));

    QVERIFY(window.state().setComparison(QStringLiteral("lambda"), QStringLiteral("ecs-fargate")));
    QVERIFY(window.findChild<ui::CompareView*>());
    QTRY_VERIFY(window.compareView()->isVisible());
}

void TestMainWindow::selectingInTheTreeSelectsEverywhere()
{
    MainWindow window(m_catalog, m_prices);
    QSignalSpy changed(&window.state(), &ui::ExplorerState::currentChanged);
    QTreeView* tree = window.tree();
    // Containers → Amazon ECS → ECS on Fargate.
    const QModelIndex containers = tree->model()->index(1, 0);
    const QModelIndex ecs = tree->model()->index(0, 0, containers);
    const QModelIndex ecsOnFargate = tree->model()->index(1, 0, ecs);
    QCOMPARE(treeItem(ecsOnFargate), CatalogItem::option(QStringLiteral("ecs-fargate")));

    tree->setCurrentIndex(ecsOnFargate);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(window.state().current(), CatalogItem::option(QStringLiteral("ecs-fargate")));
    const QString details = window.detailPane()->toPlainText();
    QVERIFY2(details.startsWith(QStringLiteral("ECS on Fargate")), qPrintable(details));
    QVERIFY(details.contains(QStringLiteral("Who manages what")));
    QVERIFY(details.contains(QStringLiteral("Amazon ECS → AWS Fargate → AWS infrastructure")));

    tree->setCurrentIndex(ecs);
    QCOMPARE(window.state().current(), CatalogItem::service(QStringLiteral("ecs")));
    QVERIFY(window.detailPane()->toPlainText().contains(QStringLiteral("How it bills")));
}

void TestMainWindow::stateChangesRevealTheItemInTheTree()
{
    MainWindow window(m_catalog, m_prices);
    window.state().setCurrent(CatalogItem::option(QStringLiteral("eks-fargate")));
    const QModelIndex current = window.tree()->currentIndex();
    QCOMPARE(treeItem(current), CatalogItem::option(QStringLiteral("eks-fargate")));
    QCOMPARE(treeItem(current.parent()), CatalogItem::service(QStringLiteral("eks")));

    window.state().setCurrent({});
    QVERIFY(!window.tree()->selectionModel()->hasSelection());
    QVERIFY(window.detailPane()->toPlainText().startsWith(QStringLiteral("AWS compute options")));
}

void TestMainWindow::escapeInTheTreeClearsTheSelection()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.state().setCurrent(CatalogItem::service(QStringLiteral("lambda")));
    window.tree()->setFocus();
    QTest::keyClick(window.tree(), Qt::Key_Escape);
    QVERIFY(window.state().current().isNull());
}

void TestMainWindow::theTreeRepaintsForAdviceOnlyWhileAdvising()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents();
    ace::test::PaintCounter treePaints(window.tree()->viewport());

    // Each edit makes the advice stale; without answers the tree shows none of it.
    Workload slower = window.state().workload();
    slower.avgDurationMs *= 2;
    window.state().setWorkload(slower);
    QCoreApplication::processEvents();
    QCOMPARE(treePaints.count, 0);

    // With answers the tree marks the best option, and follows every edit.
    Answers answers;
    answers.set(QStringLiteral("gpu"), true);
    window.state().setAnswers(answers);
    QTRY_VERIFY(treePaints.count > 0);
    treePaints.count = 0;
    slower.avgDurationMs *= 2;
    window.state().setWorkload(slower);
    QTRY_VERIFY(treePaints.count > 0);

    // Without answers again, the marks go: one more repaint, then none.
    treePaints.count = 0;
    window.state().setAnswers(Answers());
    QTRY_VERIFY(treePaints.count > 0);
    treePaints.count = 0;
    slower.avgDurationMs *= 2;
    window.state().setWorkload(slower);
    QCoreApplication::processEvents();
    QCOMPARE(treePaints.count, 0);
}

void TestMainWindow::searchFiltersTheTree()
{
    MainWindow window(m_catalog, m_prices);
    const int all = visibleRows(*window.tree()->model());
    window.searchField()->setText(QStringLiteral("lambda functions"));
    // Serverless → AWS Lambda → Lambda functions.
    QCOMPARE(visibleRows(*window.tree()->model()), 3);
    window.state().setCurrent(CatalogItem::option(QStringLiteral("lambda")));
    QCOMPARE(treeItem(window.tree()->currentIndex()),
             CatalogItem::option(QStringLiteral("lambda")));
    window.searchField()->clear();
    QCOMPARE(visibleRows(*window.tree()->model()), all);
    QCOMPARE(treeItem(window.tree()->currentIndex()),
             CatalogItem::option(QStringLiteral("lambda")));
}

void TestMainWindow::ctrlFFocusesTheSearchField()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.tree()->setFocus();
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(window.searchField()->hasFocus());
}

void TestMainWindow::detailPaneLinksSelectCatalogItems()
{
    MainWindow window(m_catalog, m_prices);
    window.state().setCurrent(CatalogItem::service(QStringLiteral("ecs")));
    QVERIFY(window.detailPane()->toHtml().contains(
        ui::DetailPane::linkTo(CatalogItem::option(QStringLiteral("ecs-ec2"))).toString()));
    emit window.detailPane()->anchorClicked(
        ui::DetailPane::linkTo(CatalogItem::option(QStringLiteral("ecs-ec2"))));
    QCOMPARE(window.state().current(), CatalogItem::option(QStringLiteral("ecs-ec2")));
    emit window.detailPane()->anchorClicked(
        ui::DetailPane::linkTo(CatalogItem::service(QStringLiteral("fargate"))));
    QCOMPARE(window.state().current(), CatalogItem::service(QStringLiteral("fargate")));
}

void TestMainWindow::comparisonShowsDifferingLayers()
{
    MainWindow window(m_catalog, m_prices);
    ui::ExplorerState& state = window.state();
    QVERIFY(!state.setComparison(QStringLiteral("lambda"), QStringLiteral("lambda")));
    QVERIFY(!state.setComparison(QStringLiteral("lambda"), QStringLiteral("nope")));
    QVERIFY(state.setComparison(QStringLiteral("ec2"), QStringLiteral("lambda")));
    state.setCurrent(CatalogItem::option(QStringLiteral("lambda")));
    const QString details = window.detailPane()->toPlainText();
    QVERIFY2(details.contains(QStringLiteral("Compared with EC2 instances")), qPrintable(details));
    QVERIFY(details.contains(QStringLiteral("Guest OS: AWS (Lambda functions) vs You (EC2 "
                                            "instances)")));
}

void TestMainWindow::themeChoiceRestylesTheState()
{
    MainWindow window(m_catalog, m_prices);
    QSignalSpy themeChanged(&window.state(), &ui::ExplorerState::themeChanged);
    window.setThemeChoice(MainWindow::ThemeChoice::Dark);
    QCOMPARE(window.state().theme().kind(), ui::Theme::Kind::Dark);
    QCOMPARE(QApplication::palette().color(QPalette::Base), ui::Theme::dark().background());
    // Fields and check boxes have a visible frame on the dark surface: Fusion draws it
    // Window.darker(140) of their palette, which must stand out from the field itself.
    QLineEdit field;
    QCheckBox box;
    // Class palettes reach a widget when it is polished, as it is before it is first shown.
    field.ensurePolished();
    box.ensurePolished();
    for (const QWidget* input :
         {static_cast<const QWidget*>(&field), static_cast<const QWidget*>(&box)}) {
        const QColor frame = input->palette().color(QPalette::Window).darker(140);
        const QColor inside = input->palette().color(QPalette::Base);
        QVERIFY2(std::abs(frame.lightnessF() - inside.lightnessF()) > 0.15,
                 qPrintable(frame.name() + QStringLiteral(" on ") + inside.name()));
    }
    window.setThemeChoice(MainWindow::ThemeChoice::Light);
    QCOMPARE(window.state().theme().kind(), ui::Theme::Kind::Light);
    QCOMPARE(themeChanged.count(), 2);
    QLineEdit lightField;
    lightField.ensurePolished();
    QCOMPARE(lightField.palette().color(QPalette::Window),
             ui::Theme::light().palette().color(QPalette::Window));
}

void TestMainWindow::settingsAreRememberedAcrossWindows()
{
    {
        MainWindow window(m_catalog, m_prices);
        window.restoreSettings();
        window.resize(1000, 700);
        window.setThemeChoice(MainWindow::ThemeChoice::Dark);
        window.state().setShowResponsibility(false);
        window.state().setCurrent(CatalogItem::option(QStringLiteral("eks-ec2")));
        window.close();
    }
    MainWindow window(m_catalog, m_prices);
    window.restoreSettings();
    QCOMPARE(window.themeChoice(), MainWindow::ThemeChoice::Dark);
    QCOMPARE(window.state().showResponsibility(), false);
    QCOMPARE(window.state().current(), CatalogItem::option(QStringLiteral("eks-ec2")));
    QCOMPARE(window.size(), QSize(1000, 700));
}

void TestMainWindow::damagedSettingsFallBackToDefaults()
{
    const QString path = QSettings().fileName();
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[window]\ngeometry=@ByteArray(garbage\\0\\xff)\nstate=12\n[view]\n"
                   "theme=purple\nshowResponsibility=@Variant(\\0\\0)\n[selection]\n"
                   "current=option:app-runner\n\x01\x02 not ini at all [[[\n");
    }
    MainWindow window(m_catalog, m_prices);
    window.restoreSettings();
    QCOMPARE(window.themeChoice(), MainWindow::ThemeChoice::System);
    QVERIFY(window.state().current().isNull());
    QVERIFY(window.width() >= 640 && window.height() >= 480);
}

void TestMainWindow::firstRunTakesMostOfTheScreen()
{
    MainWindow window(m_catalog, m_prices);
    window.restoreSettings();
    const QSize available = window.screen()->availableGeometry().size();
    QVERIFY(window.width() <= available.width() && window.height() <= available.height());
    // Most of the screen, and never smaller than the layout was made for unless the screen is.
    QVERIFY(window.width() >=
            std::min(available.width(), std::max(1024, available.width() * 8 / 10)));
    QVERIFY(window.height() >=
            std::min(available.height(), std::max(700, available.height() * 8 / 10)));
}

void TestMainWindow::noTwoActionsShareAShortcut()
{
    MainWindow window(m_catalog, m_prices);
    // Keys of window-wide actions must be unique: Qt treats a key bound twice as ambiguous and
    // does nothing. Keys bound to one widget (Esc in the tree) only count inside it.
    QMap<QKeySequence, QString> owners;
    for (const QAction* action : window.findChildren<QAction*>()) {
        if (action->shortcutContext() != Qt::WindowShortcut &&
            action->shortcutContext() != Qt::ApplicationShortcut)
            continue;
        for (const QKeySequence& key : action->shortcuts()) {
            QVERIFY2(!owners.contains(key),
                     qPrintable(key.toString() + QStringLiteral(": ") + owners.value(key) +
                                QStringLiteral(" and ") + action->text()));
            owners.insert(key, action->text());
        }
    }
    QVERIFY(owners.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    QVERIFY(owners.contains(QKeySequence(Qt::CTRL | Qt::Key_Y)));
    QVERIFY(owners.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)));
}

void TestMainWindow::redoWorksFromTheKeyboard_data()
{
    QTest::addColumn<QKeyCombination>("redoKey");
    QTest::newRow("Ctrl+Shift+Z") << QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_Z);
    QTest::newRow("Ctrl+Y") << QKeyCombination(Qt::CTRL, Qt::Key_Y);
}

void TestMainWindow::redoWorksFromTheKeyboard()
{
    QFETCH(QKeyCombination, redoKey);
    MainWindow window(m_catalog, m_prices);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.document().undoStack().push(new QUndoCommand(QStringLiteral("Set requests")));
    window.document().undoStack().undo();
    QCOMPARE(window.document().undoStack().index(), 0);
    window.tree()->setFocus();
    QTest::keyClick(&window, redoKey.key(), redoKey.keyboardModifiers());
    QTRY_COMPARE(window.document().undoStack().index(), 1);
}

void TestMainWindow::theHiddenComparisonLeavesTheDocksTheirWidth_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1024x700") << QSize(1024, 700);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

void TestMainWindow::theHiddenComparisonLeavesTheDocksTheirWidth()
{
    QFETCH(QSize, size);
    MainWindow window(m_catalog, m_prices);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The defaults: the tree at least 240 px, the details at least 280 px, whatever the
    // comparison (a hidden page of the centre) would need.
    QTRY_VERIFY2(dock(window, "optionsDock")->width() >= 240,
                 qPrintable(QString::number(dock(window, "optionsDock")->width())));
    QTRY_VERIFY2(dock(window, "detailsDock")->width() >= 280,
                 qPrintable(QString::number(dock(window, "detailsDock")->width())));
}

void TestMainWindow::docksTakeBackTheirWidthWhenTheWindowGrows()
{
    MainWindow window(m_catalog, m_prices);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QDockWidget* options = dock(window, "optionsDock");
    QDockWidget* details = dock(window, "detailsDock");
    QDockWidget* costs = dock(window, "costsDock");
    QTRY_VERIFY(details->width() > 400);
    const int optionsWidth = options->width();
    const int detailsWidth = details->width();
    const int costsHeight = costs->height();

    window.resize(1024, 700);
    QTRY_VERIFY(details->width() < detailsWidth);
    window.resize(1600, 1000);
    QTRY_COMPARE(options->width(), optionsWidth);
    QTRY_COMPARE(details->width(), detailsWidth);
    QTRY_COMPARE(costs->height(), costsHeight);
}

void TestMainWindow::resetLayoutBringsBackEveryDock()
{
    MainWindow window(m_catalog, m_prices);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QDockWidget* details = dock(window, "detailsDock");
    QTRY_VERIFY(details->width() >= 280);
    const int detailsWidth = details->width();
    dock(window, "costsDock")->hide();
    dock(window, "optionsDock")->setFloating(true);
    window.resizeDocks({details}, {120}, Qt::Horizontal);
    QTRY_VERIFY(details->width() < detailsWidth);

    menuAction(window, QStringLiteral("Reset &Layout"))->trigger();
    for (const char* name : {"optionsDock", "workloadDock", "costsDock", "detailsDock"}) {
        QVERIFY2(dock(window, name)->isVisible(), name);
        QVERIFY2(!dock(window, name)->isFloating(), name);
    }
    QTRY_COMPARE(details->width(), detailsWidth);
}

void TestMainWindow::searchSaysWhenNothingMatches()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    auto* feedback = window.findChild<QLabel*>(QStringLiteral("searchFeedback"));
    QVERIFY(feedback);
    QVERIFY(feedback->isHidden());
    window.searchField()->setText(QStringLiteral("azure"));
    QCOMPARE(visibleRows(*window.tree()->model()), 0);
    QVERIFY(feedback->isVisible());
    QVERIFY2(feedback->text().contains(QStringLiteral("Nothing matches “azure”")),
             qPrintable(feedback->text()));
    window.searchField()->setText(QStringLiteral("15 minutes"));
    QVERIFY(visibleRows(*window.tree()->model()) > 0);
    QVERIFY2(feedback->text().contains(QStringLiteral("match")), qPrintable(feedback->text()));
    QVERIFY(!feedback->text().contains(QStringLiteral("Nothing")));
    window.searchField()->clear();
    QVERIFY(feedback->isHidden());
}

void TestMainWindow::searchKeysClearAndMoveIntoTheResults()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const int all = visibleRows(*window.tree()->model());
    window.searchField()->setFocus();
    QTest::keyClicks(window.searchField(), QStringLiteral("15 minutes"));
    QTest::keyClick(window.searchField(), Qt::Key_Return);
    QVERIFY(window.tree()->hasFocus());
    // The first option shown: Lambda, the one whose limit is 15 minutes.
    QCOMPARE(window.state().current(), CatalogItem::option(QStringLiteral("lambda")));

    window.searchField()->setFocus();
    QTest::keyClick(window.searchField(), Qt::Key_Escape);
    QVERIFY(window.searchField()->text().isEmpty());
    QCOMPARE(visibleRows(*window.tree()->model()), all);
    QTest::keyClicks(window.searchField(), QStringLiteral("eks"));
    QTest::keyClick(window.searchField(), Qt::Key_Down);
    QVERIFY(window.tree()->hasFocus());
    QCOMPARE(window.state().current().kind, CatalogItem::Kind::Option);
    QVERIFY(window.state().current().id.startsWith(QStringLiteral("eks")));
}

void TestMainWindow::searchMarksRowsShownOnlyAsContext()
{
    MainWindow window(m_catalog, m_prices);
    window.searchField()->setText(QStringLiteral("lambda functions"));
    const QAbstractItemModel& model = *window.tree()->model();
    const QModelIndex serverless = model.index(0, 0);
    const QModelIndex lambdaService = model.index(0, 0, serverless);
    const QModelIndex lambdaOption = model.index(0, 0, lambdaService);
    QCOMPARE(treeItem(lambdaOption), CatalogItem::option(QStringLiteral("lambda")));
    using Match = HierarchyFilterModel::Match;
    QCOMPARE(lambdaOption.data(HierarchyFilterModel::MatchRole).toInt(), int(Match::Itself));
    QCOMPARE(serverless.data(HierarchyFilterModel::MatchRole).toInt(), int(Match::Relative));
    const QString tip = lambdaOption.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.startsWith(QStringLiteral("Matches “lambda functions”: ")), qPrintable(tip));
    QVERIFY2(serverless.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Shown with")),
             qPrintable(serverless.data(Qt::ToolTipRole).toString()));
    window.searchField()->clear();
    QCOMPARE(model.index(0, 0).data(HierarchyFilterModel::MatchRole).toInt(), int(Match::NoSearch));
}

void TestMainWindow::openingAFileWithUnsavedChangesAsksOnce()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("other.json"));
    Workload other;
    other.name = QStringLiteral("Other workload");
    QVERIFY(!other.save(path));

    MainWindow window(m_catalog, m_prices);
    window.show();
    Workload edited = window.state().workload();
    edited.requestsPerMonth = 42e6;
    window.state().setWorkload(edited);
    window.document().undoStack().push(new QUndoCommand(QStringLiteral("an edit")));
    QVERIFY(window.document().isModified());

    ModalAnswerer answerer(QMessageBox::Discard, path);
    menuAction(window, QStringLiteral("&Open Workload…"))->trigger();
    QCOMPARE(answerer.fileDialogs, 1);
    QCOMPARE(answerer.messageBoxes, 1);
    QCOMPARE(window.state().workload().name, QStringLiteral("Other workload"));
    QCOMPARE(window.document().filePath(), path);
}

void TestMainWindow::closingAsksAboutTextTypedButNotCommitted()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto* field = window.workloadEditor()->findChild<QAbstractSpinBox*>();
    QVERIFY(field);
    field->setFocus();
    QTRY_VERIFY(field->hasFocus());
    const Workload before = window.state().workload();
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("7"));
    QVERIFY(!window.document().isModified()); // typed, not committed yet

    ModalAnswerer answerer(QMessageBox::Cancel, QString());
    QVERIFY(!window.close());
    QCOMPARE(answerer.messageBoxes, 1);
    QVERIFY(window.isVisible());
    QVERIFY(window.document().isModified());
    QVERIFY(window.state().workload() != before);
}

void TestMainWindow::keyboardReferenceListsTheActionsKeys()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QString shown;
    QTimer reader;
    connect(&reader, &QTimer::timeout, &window, [&shown] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        shown = dialog->findChild<QTextBrowser*>(QStringLiteral("shortcutTable"))->toPlainText();
        dialog->reject();
    });
    reader.start(10);
    menuAction(window, QStringLiteral("&Keyboard Shortcuts"))->trigger();
    for (const QString& expected :
         {QStringLiteral("Ctrl+Shift+Z"), QStringLiteral("Ctrl+Y"), QStringLiteral("Redo"),
          QStringLiteral("Ctrl+E"), QStringLiteral("Ctrl+K"), QStringLiteral("Ctrl+wheel")}) {
        QVERIFY2(shown.contains(expected), qPrintable(expected + QStringLiteral(" in ") + shown));
    }
}

void TestMainWindow::detailsNeverBreakInsideAWordOrNumber_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("selected");
    for (const QSize size : {QSize(1024, 700), QSize(1920, 1080)}) {
        for (const QString& option :
             {QStringLiteral("ecs-fargate"), QStringLiteral("eks-ec2"), QStringLiteral("lambda")}) {
            QTest::addRow("%dx%d %s", size.width(), size.height(), qPrintable(option))
                << size << option;
        }
    }
}

void TestMainWindow::detailsNeverBreakInsideAWordOrNumber()
{
    QFETCH(QSize, size);
    QFETCH(QString, selected);
    MainWindow window(m_catalog, m_prices);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.state().setCurrent(CatalogItem::option(selected));
    QTextDocument* document = window.detailPane()->document();
    // Laid out at the pane's width: every line break falls between words, never inside a
    // word or a number ("memor / y", "$0.040 / 4784").
    QTRY_VERIFY(document->size().width() > 0);
    int lines = 0;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const QTextLayout* layout = block.layout();
        const QString text = block.text();
        for (int line = 0; line + 1 < layout->lineCount(); ++line) {
            ++lines;
            const int end = layout->lineAt(line).textStart() + layout->lineAt(line).textLength();
            if (end <= 0 || end >= text.size())
                continue;
            const QChar before = text.at(end - 1);
            const QChar after = text.at(end);
            QVERIFY2(!(before.isLetterOrNumber() && after.isLetterOrNumber()),
                     qPrintable(QStringLiteral("broken inside: ") + text.left(end) +
                                QStringLiteral(" / ") + text.mid(end)));
        }
    }
    QVERIFY(lines > 0); // the pane does wrap: the check above looked at real breaks
}

namespace {

const QString lambda = QStringLiteral("lambda");
const QString ecsFargate = QStringLiteral("ecs-fargate");

// Shows every view that shows a cost: `selected` in the details, both charts, and Lambda
// compared with ECS on Fargate in the centre.
void showEveryCost(MainWindow& window, const QString& selected)
{
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.state().setCurrent(CatalogItem::option(selected)));
    QVERIFY(window.state().setComparison(lambda, ecsFargate));
    QVERIFY(window.isShowingComparison());
}

} // namespace

void TestMainWindow::aWorkloadEditIsPricedOnceWhateverIsShown()
{
    // Everything that shows a cost on screen at once: the diagram's headers, an option's
    // details, both charts, and a comparison with its own stacks, chart and text.
    MainWindow window(m_catalog, m_prices);
    const QString first = lambda;
    const QString second = ecsFargate;
    showEveryCost(window, first);
    window.grab();

    const CostResults beforeEdit = window.state().costResults();
    const quint64 before = costModelEvaluations();
    QSignalSpy results(&window.state(), &ui::ExplorerState::costResultsChanged);
    QLineEdit* requests = window.workloadEditor()->requestsField();
    requests->setFocus();
    requests->selectAll();
    QTest::keyClicks(requests, QStringLiteral("5M"));
    QTest::keyClick(requests, Qt::Key_Return);
    QCOMPARE(window.state().workload().requestsPerMonth, 5e6);
    QCOMPARE(results.count(), 1);
    // Repainting every view after the edit prices nothing more.
    window.grab();
    window.compareView()->grab();
    const quint64 edit = costModelEvaluations() - before;

    // What one pass for that workload, that pair, costs: a new volume alone keeps the sweep
    // and the break-evens of the results before.
    quint64 beforePass = costModelEvaluations();
    repricedAtVolume(beforeEdit, m_catalog, window.state().workload(), m_prices, {first, second});
    const quint64 onePass = costModelEvaluations() - beforePass;
    QVERIFY(onePass > 0);
    QCOMPARE(edit, onePass);

    // Any other edit is priced whole, once.
    Workload slower = window.state().workload();
    slower.avgDurationMs *= 2;
    beforePass = costModelEvaluations();
    window.state().setWorkload(slower);
    window.grab();
    window.compareView()->grab();
    const quint64 slowerEdit = costModelEvaluations() - beforePass;
    beforePass = costModelEvaluations();
    computeCostResults(m_catalog, slower, m_prices, {first, second});
    QCOMPARE(slowerEdit, costModelEvaluations() - beforePass);
    QVERIFY(slowerEdit > edit);
}

void TestMainWindow::everyViewShowsTheStatesCostResults()
{
    // Results no cost model would give (every amount tripled): a view that priced the workload
    // itself would show the model's numbers instead of these.
    MainWindow window(m_catalog, m_prices);
    const QString first = lambda;
    const QString second = ecsFargate;
    showEveryCost(window, second);
    CostResults doctored = window.state().costResults();
    const auto triple = [](Estimate& estimate) {
        estimate.monthlyTotal = *estimate.monthlyTotal * 3;
        for (LineItem& item : estimate.lineItems)
            item.amount *= 3;
    };
    for (Estimate& estimate : doctored.estimates)
        triple(estimate);
    triple(doctored.comparison->first);
    triple(doctored.comparison->second);
    for (auto& totals : doctored.sweep.totals) {
        for (std::optional<double>& total : totals)
            total = total ? std::optional<double>(*total * 3) : std::nullopt;
    }
    window.state().showCostResults(std::make_shared<const CostResults>(doctored), m_prices);
    window.grab();
    const auto shown = [&doctored](const QString& optionId) {
        return money(*doctored.estimateOf(optionId)->monthlyTotal, QStringLiteral("USD"));
    };

    // The diagram's column headers.
    window.state().clearComparison();
    QStringList headerTexts;
    for (const auto& label : window.diagramView()->diagram()->visibleLabels())
        headerTexts.append(label.label.text);
    for (const Estimate& estimate : std::as_const(doctored.estimates)) {
        QVERIFY2(headerTexts.join(u'|').contains(shown(estimate.optionId)),
                 qPrintable(estimate.optionId));
    }
    // The selected option's details.
    QVERIFY(window.detailPane()->toPlainText().contains(shown(second)));
    // The bill breakdown's totals, and the cost curves' points.
    const auto* breakdown = window.costBreakdown()->chart();
    QStringList totals;
    for (const auto* label : breakdown->totalLabels())
        totals.append(label->text());
    for (const Estimate& estimate : std::as_const(doctored.estimates))
        QVERIFY2(totals.contains(shown(estimate.optionId)), qPrintable(estimate.optionId));
    const auto* curves = window.costCurves()->chart();
    const QLineSeries* lambdaCurve = curves->curvesOf(first).constFirst();
    const QPointF point = lambdaCurve->at(0);
    QCOMPARE(point, curves->plotPointOf(
                        doctored.sweep.requestsPerMonth.at(0),
                        *doctored.sweep.totals.at(doctored.sweep.optionIds.indexOf(first)).at(0)));

    // A comparison compares the estimates of the results it is made from.
    QVERIFY(window.state().setComparison(first, second));
    const ui::Comparison* comparison = window.compareView()->comparison();
    QVERIFY(comparison);
    const QString costs = comparison->costsHtml();
    QVERIFY2(costs.contains(shown(first)) && costs.contains(shown(second)), qPrintable(costs));
}

void TestMainWindow::anEditRewritesOnlyTheDetailsCostSection()
{
    MainWindow window(m_catalog, m_prices);
    showEveryCost(window, ecsFargate);
    ui::DetailPane* pane = window.detailPane();
    QTextDocument* document = pane->document();
    // An edit rewrites the cost section inside the document, where setHtml() would replace
    // everything from its start.
    QSignalSpy contents(document, &QTextDocument::contentsChange);
    const QTextBlock title = document->findBlockByNumber(0);
    Workload workload = window.state().workload();
    workload.requestsPerMonth = 123e6;
    window.state().setWorkload(workload);

    const QString shown = money(*window.state().costResults().estimateOf(ecsFargate)->monthlyTotal,
                                QStringLiteral("USD"));
    QVERIFY2(pane->toPlainText().contains(shown), qPrintable(shown));
    QVERIFY(pane->toPlainText().contains(QStringLiteral("123,000,000 requests/month")));
    // Nothing before the cost section changed place.
    QCOMPARE(document->findBlockByNumber(0).position(), title.position());
    QVERIFY(!contents.isEmpty());
    QVERIFY(contents.constLast().at(0).toInt() > title.length());
    // The same page as a pane that shows the new results from scratch.
    ui::DetailPane fresh(window.state());
    QCOMPARE(pane->toHtml(), fresh.toHtml());

    // No change at all rewrites nothing.
    contents.clear();
    emit window.state().costResultsChanged();
    QVERIFY(contents.isEmpty());
}

void TestMainWindow::anotherPriceBookRepricesEveryView()
{
    // Lambda's requests at ten times the rate, from a price book file (as another region's).
    QTemporaryDir dir;
    const PriceBook dearer =
        priceBookWithLambdaRequestsAt(2e-6, dir.filePath(QStringLiteral("dearer.json")));

    MainWindow window(m_catalog, m_prices);
    window.show();
    QVERIFY(window.state().setCurrent(CatalogItem::option(lambda)));
    const double before = *window.state().costResults().estimateOf(lambda)->monthlyTotal;
    QSignalSpy results(&window.state(), &ui::ExplorerState::costResultsChanged);
    window.state().setPrices(dearer);
    QCOMPARE(results.count(), 1);
    const Estimate expected =
        estimateOption(*m_catalog.option(lambda), window.state().workload(), dearer);
    QVERIFY(*expected.monthlyTotal > before);
    QCOMPARE(window.state().costResults().estimateOf(lambda)->monthlyTotal, expected.monthlyTotal);
    QCOMPARE(window.state().prices().lambda().perRequest, 2e-6);
    const QString shown = money(*expected.monthlyTotal, QStringLiteral("USD"));
    QVERIFY2(window.detailPane()->toPlainText().contains(shown), qPrintable(shown));
    const auto* breakdown = window.costBreakdown()->chart();
    QCOMPARE(breakdown->model().estimates().constLast().monthlyTotal, expected.monthlyTotal);
    // The status bar names the price book in use.
    const auto* sources = window.findChild<QLabel*>(QStringLiteral("dataSources"));
    QVERIFY(sources);
    QVERIFY2(sources->toolTip().contains(QStringLiteral("dearer.json")),
             qPrintable(sources->toolTip()));
}

namespace {

// An imported price book for `region`, as of `asOf`, with Lambda's requests at `perRequest`,
// in the folder where the program finds imported books.
QString importBook(const QString& region, const QString& asOf, double perRequest)
{
    QJsonObject book = test::resourceJson(QStringLiteral("prices/us-east-1.json"));
    test::setJsonAt(book, QStringLiteral("region"), region);
    test::setJsonAt(book, QStringLiteral("asOf"), asOf);
    test::setJsonAt(book, QStringLiteral("lambda.perRequest"), perRequest);
    QDir().mkpath(importedPriceBookFolder());
    return test::writeJsonFile(importedPriceBookPath(region), book);
}

// The Prices menu's entries as a user sees them when it opens.
QList<QAction*> priceBookEntries(MainWindow& window)
{
    QMenu* menu = window.pricesMenu()->menu();
    emit menu->aboutToShow();
    QList<QAction*> entries;
    for (QAction* action : menu->actions()) {
        if (action->isSeparator())
            break;
        entries.append(action);
    }
    return entries;
}

QAction* priceBookEntry(MainWindow& window, const QString& text)
{
    for (QAction* action : priceBookEntries(window)) {
        if (action->text() == text)
            return action;
    }
    qWarning("no entry %s in the Prices menu", qPrintable(text));
    return nullptr;
}

QLabel* statusLabel(const MainWindow& window, const char* name)
{
    return namedChild<QLabel>(window, name);
}

const QString euWest1 = QStringLiteral("eu-west-1");

} // namespace

void TestMainWindow::pricesMenuListsEveryPriceBook()
{
    importBook(euWest1, QStringLiteral("2026-12-01"), 2e-7);
    importBook(QStringLiteral("ap-south-1"), QStringLiteral("2026-11-30"), 2e-7);
    QFile damaged(QDir(importedPriceBookFolder()).filePath(QStringLiteral("sa-east-1.json")));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("{\"format\": \"aws-compute-explorer/prices\", \"version\": 1, \"regi");
    damaged.close();

    MainWindow window(m_catalog, m_prices);
    QStringList texts;
    QList<bool> checked;
    for (const QAction* entry : priceBookEntries(window)) {
        texts.append(entry->text());
        checked.append(entry->isChecked());
    }
    QCOMPARE(texts,
             (QStringList{QStringLiteral("us-east-1, as of %1 (built in)").arg(m_prices.asOf()),
                          QStringLiteral("ap-south-1, as of 2026-11-30 (imported)"),
                          QStringLiteral("eu-west-1, as of 2026-12-01 (imported)"),
                          QStringLiteral("Unreadable: sa-east-1.json")}));
    QCOMPARE(checked, (QList<bool>{true, false, false, false}));
    // The damaged file's entry says what is wrong with it.
    const QAction* unreadable = priceBookEntries(window).constLast();
    QVERIFY2(unreadable->toolTip().startsWith(damaged.fileName() + QStringLiteral(": ")),
             qPrintable(unreadable->toolTip()));
    const QList<QAction*> actions = window.pricesMenu()->menu()->actions();
    QVERIFY(actions.contains(window.pricesMenu()->downloadAction()));
    QVERIFY(actions.contains(window.pricesMenu()->importAction()));
}

void TestMainWindow::switchingPricesRepricesEverythingAndMovesTheRegion()
{
    // Lambda's requests at ten times the built-in rate.
    importBook(euWest1, QStringLiteral("2026-12-01"), 2e-6);
    MainWindow window(m_catalog, m_prices);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.state().setCurrent(CatalogItem::option(lambda)));
    const double before = *window.state().costResults().estimateOf(lambda)->monthlyTotal;

    QSignalSpy results(&window.state(), &ui::ExplorerState::costResultsChanged);
    const quint64 evaluationsBefore = costModelEvaluations();
    priceBookEntry(window, QStringLiteral("eu-west-1, as of 2026-12-01 (imported)"))->trigger();
    // Prices and region change together: one pass, announced once.
    QCOMPARE(results.count(), 1);
    const quint64 switchEvaluations = costModelEvaluations() - evaluationsBefore;
    const quint64 beforePass = costModelEvaluations();
    computeCostResults(m_catalog, window.state().workload(), window.state().prices());
    QCOMPARE(switchEvaluations, costModelEvaluations() - beforePass);
    QCOMPARE(window.state().prices().region(), euWest1);
    QCOMPARE(window.state().workload().region, euWest1);
    const PriceBook eu = PriceBook::load(importedPriceBookPath(euWest1));
    const Estimate expected =
        estimateOption(*m_catalog.option(lambda), window.state().workload(), eu);
    QVERIFY(*expected.monthlyTotal > before);
    QCOMPARE(window.state().costResults().estimateOf(lambda)->monthlyTotal, expected.monthlyTotal);
    // The estimates are for the region of their rates: no note says otherwise.
    for (const QString& note : window.state().costResults().estimateOf(lambda)->notes)
        QVERIFY2(!note.contains(QStringLiteral("us-east-1")), qPrintable(note));

    // Every view shows the new total: the diagram's header, the details, the bill breakdown.
    window.grab();
    const QString shown = money(*expected.monthlyTotal, QStringLiteral("USD"));
    QStringList headerTexts;
    for (const auto& label : window.diagramView()->diagram()->visibleLabels())
        headerTexts.append(label.label.text);
    QVERIFY2(headerTexts.join(u'|').contains(shown), qPrintable(headerTexts.join(u'|')));
    QVERIFY2(window.detailPane()->toPlainText().contains(shown), qPrintable(shown));
    QStringList totals;
    for (const auto* label : window.costBreakdown()->chart()->totalLabels())
        totals.append(label->text());
    QVERIFY2(totals.contains(shown), qPrintable(totals.join(u'|')));
    // The status bar names region and date; the menu checks the book in use.
    QVERIFY2(statusLabel(window, "dataSources")
                 ->text()
                 .contains(QStringLiteral("eu-west-1, USD, as of 2026-12-01")),
             qPrintable(statusLabel(window, "dataSources")->text()));
    QVERIFY(statusLabel(window, "regionWarning")->isHidden());
    QVERIFY(priceBookEntry(window, QStringLiteral("eu-west-1, as of 2026-12-01 (imported)"))
                ->isChecked());

    // One undo step brings back both the prices and the region.
    QUndoStack& undo = window.document().undoStack();
    QCOMPARE(undo.count(), 1);
    QCOMPARE(undo.undoText(), QStringLiteral("Switch prices to eu-west-1"));
    QVERIFY(window.document().isModified());
    undo.undo();
    QCOMPARE(window.state().prices().region(), QStringLiteral("us-east-1"));
    QCOMPARE(window.state().workload().region, QStringLiteral("us-east-1"));
    QCOMPARE(*window.state().costResults().estimateOf(lambda)->monthlyTotal, before);
    QVERIFY(!window.document().isModified());
}

void TestMainWindow::statusBarSaysWhenTheRegionHasNoPrices()
{
    importBook(euWest1, QStringLiteral("2026-12-01"), 2e-7);
    MainWindow window(m_catalog, m_prices);
    window.show();
    QLabel* warning = statusLabel(window, "regionWarning");
    QVERIFY(warning->isHidden());

    Workload workload = window.state().workload();
    workload.region = QStringLiteral("ap-south-1");
    window.state().setWorkload(workload);
    QVERIFY(warning->isVisible());
    QCOMPARE(warning->text(),
             QStringLiteral("No prices for ap-south-1, the workload's region: the estimates use "
                            "us-east-1 rates (Prices → Import Price List Files… adds them)"));

    workload.region = euWest1;
    window.state().setWorkload(workload);
    QCOMPARE(warning->text(),
             QStringLiteral("The workload is for eu-west-1, the prices for us-east-1: "
                            "Prices → eu-west-1 switches"));
    priceBookEntry(window, QStringLiteral("eu-west-1, as of 2026-12-01 (imported)"))->trigger();
    QVERIFY(warning->isHidden());
}

void TestMainWindow::thePriceBookIsRemembered()
{
    importBook(euWest1, QStringLiteral("2026-12-01"), 2e-7);
    {
        MainWindow window(m_catalog, m_prices);
        window.restoreSettings();
        priceBookEntry(window, QStringLiteral("eu-west-1, as of 2026-12-01 (imported)"))->trigger();
        // The switch changed the workload's region: closing asks about it.
        ModalAnswerer answerer(QMessageBox::Discard, {});
        window.close();
    }
    MainWindow window(m_catalog, m_prices);
    window.restoreSettings();
    QCOMPARE(window.state().prices().region(), euWest1);
    QCOMPARE(window.state().prices().sourceName(), importedPriceBookPath(euWest1));
    QVERIFY(window.statusBar()->currentMessage().isEmpty());

    // And back to the built-in one.
    priceBookEntries(window).constFirst()->trigger();
    {
        ModalAnswerer answerer(QMessageBox::Discard, {});
        window.close();
    }
    MainWindow again(m_catalog, m_prices);
    again.restoreSettings();
    QCOMPARE(again.state().prices().sourceName(), m_prices.sourceName());
}

void TestMainWindow::aRememberedPriceBookThatIsGoneFallsBack_data()
{
    QTest::addColumn<bool>("damaged");
    QTest::addColumn<QString>("message");
    QTest::newRow("deleted") << false
                             << QStringLiteral("Built-in prices in use: the price book %1 is gone");
    QTest::newRow("damaged") << true
                             << QStringLiteral("Built-in prices in use: %1: format: expected");
}

void TestMainWindow::aRememberedPriceBookThatIsGoneFallsBack()
{
    QFETCH(bool, damaged);
    QFETCH(QString, message);
    const QString path = importBook(euWest1, QStringLiteral("2026-12-01"), 2e-7);
    QSettings().setValue(QStringLiteral("prices/book"), path);
    if (damaged) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"format\": 12}");
    } else {
        QVERIFY(QFile::remove(path));
    }
    MainWindow window(m_catalog, m_prices);
    window.restoreSettings();
    QCOMPARE(window.state().prices().sourceName(), m_prices.sourceName());
    QVERIFY2(window.statusBar()->currentMessage().startsWith(message.arg(path)),
             qPrintable(window.statusBar()->currentMessage()));

    // A remembered value of another type is ignored, without a word.
    QSettings().setValue(QStringLiteral("prices/book"), QVariantList{1, 2});
    MainWindow other(m_catalog, m_prices);
    other.restoreSettings();
    QCOMPARE(other.state().prices().sourceName(), m_prices.sourceName());
    QCOMPARE(other.statusBar()->currentMessage(), QString());
}

void TestMainWindow::pricesFromTheCommandLineAreKept()
{
    importBook(euWest1, QStringLiteral("2026-12-01"), 2e-7);
    QSettings().setValue(QStringLiteral("prices/book"), importedPriceBookPath(euWest1));
    QTemporaryDir dir;
    const PriceBook own =
        priceBookWithLambdaRequestsAt(2e-6, dir.filePath(QStringLiteral("own.json")));
    {
        MainWindow window(m_catalog, own);
        window.restoreSettings();
        QCOMPARE(window.state().prices().sourceName(), own.sourceName());
        // Listed, and checked, so that the menu never hides the prices in use.
        const QAction* first = priceBookEntries(window).constFirst();
        QCOMPARE(first->text(), QStringLiteral("us-east-1, as of %1 (own.json)").arg(own.asOf()));
        QVERIFY(first->isChecked());
        window.close();
    }
    // Nor does it replace the remembered choice.
    QCOMPARE(QSettings().value(QStringLiteral("prices/book")).toString(),
             importedPriceBookPath(euWest1));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
