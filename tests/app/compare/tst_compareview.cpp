// The compare view: every way into it (the state, Ctrl+K, Ctrl+click in the tree and in the
// diagram), its pickers, Swap, Copy as Markdown and Close, and that what it shows agrees with
// the catalog and the cost model: the highlighted layers, both estimates, the break-evens, and
// the highlight actually drawn on screen, checked by pixel probes in both themes.
#include "catalog/catalog.h"
#include "compare/compareview.h"
#include "compare/comparison.h"
#include "cost/breakeven.h"
#include "cost/costmodel.h"
#include "cost/quantitytext.h"
#include "diagram/diagramitems.h"
#include "diagram/stackdiagramscene.h"
#include "diagram/stackdiagramview.h"
#include "imageprobes.h"
#include "models/comparisonmodel.h"
#include "models/hierarchymodel.h"
#include "optionids.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <limits>

using namespace ace;
using namespace ace::test::optionids;
using test::near;
using test::shareOf;
using ui::MainWindow;

namespace {

using Pair = std::pair<QString, QString>;

Pair comparedPair(const ui::ExplorerState& state)
{
    return {state.comparedFirst(), state.comparedSecond()};
}

Pair pickedPair(const ui::CompareView& view)
{
    return {view.firstPicker()->currentData().toString(),
            view.secondPicker()->currentData().toString()};
}

CatalogItem treeItem(const QModelIndex& index)
{
    return index.data(HierarchyModel::ItemRole).value<CatalogItem>();
}

// The tree row of `item` whose parent row is `parentItem`.
QModelIndex treeRow(const QAbstractItemModel& model, const CatalogItem& item,
                    const CatalogItem& parentItem, const QModelIndex& parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (treeItem(index) == item && treeItem(parent) == parentItem)
            return index;
        const QModelIndex found = treeRow(model, item, parentItem, index);
        if (found.isValid())
            return found;
    }
    return {};
}

// The band of a layer: the row behind its label and its cells.
QRectF bandRect(const diagram::StackDiagramScene& scene, const QString& layerId)
{
    for (QGraphicsItem* item : scene.items()) {
        const auto* band = dynamic_cast<const diagram::LayerBandItem*>(item);
        if (band && band->layerId() == layerId)
            return band->rect();
    }
    return {};
}

// What a total is worth for finding the cheaper: an infeasible option costs "infinitely much".
double orInfinity(const std::optional<double>& total)
{
    return total.value_or(std::numeric_limits<double>::infinity());
}

} // namespace

class TestCompareView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void settingTheStateShowsTheComparison();
    void ctrlKComparesTheCurrentOptionWithTheNext_data();
    void ctrlKComparesTheCurrentOptionWithTheNext();
    void ctrlKAgainClosesTheComparison();
    void ctrlClickingASecondOptionInTheTreeCompares_data();
    void ctrlClickingASecondOptionInTheTreeCompares();
    void ctrlClickingASecondHeaderInTheDiagramCompares();
    void contextMenuComparesWithTheOptionChosen();
    void ctrlKWithAServiceComparesItWithTheNextService_data();
    void ctrlKWithAServiceComparesItWithTheNextService();
    void contextMenuOfAServiceComparesServices();
    void ctrlClickingTwoServicesInTheTreeComparesThem();
    void pickersOfferServicesAndSayWhatStandsForThem();
    void wayPickerSwitchesWhatTheServicesShare();

    void swapSwapsTheStateThePickersTheStacksAndTheTable();
    void pickingTheOtherSidesOptionSwaps();
    void pickingAThirdOptionReplacesThatSide();

    void highlightedLayersAreTheResponsibilityDifferences_data();
    void highlightedLayersAreTheResponsibilityDifferences();
    void costsAgreeWithTheCostModelAndFollowTheWorkload();
    void anOptionThatCannotRunTheWorkloadIsNotCalledDearer();
    void eachBreakEvenChangesTheCheaperOption();
    void nearTiesAreToldInTheCostText();
    void copyAsMarkdownPutsTheTableOnTheClipboard();

    void closeButtonReturnsToTheDiagram();
    void escapeOrCloseKeyInsideTheComparisonClosesIt_data();
    void escapeOrCloseKeyInsideTheComparisonClosesIt();

    void differingLayersAreHighlightedOnScreen_data();
    void differingLayersAreHighlightedOnScreen();
    void theStacksAlwaysShowWhoManagesWhat();
    void selectionIsSharedWithTheWindow();
    void comparisonTakesTheDocksRoomAndGivesItBack();

private:
    // Picks the option in a picker as a user does: from its popup list.
    void pick(QComboBox* picker, const QString& optionId);
    void verifyShowing(MainWindow& window, const Pair& pair);
    // The same for a pair that may stand for services.
    void verifyShowingPair(MainWindow& window, const ComparedPair& pair);
    ComparedPair serviceWay(const char* first, const char* second, int way = 0) const;
    void pickItem(QComboBox* picker, const CatalogItem& item);
    void pickIndex(QComboBox* picker, int index);

    const Catalog m_catalog = Catalog::loadBuiltIn();
    const PriceBook m_prices = PriceBook::loadBuiltIn();
};

void TestCompareView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("aws-compute-explorer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_compareview"));
}

void TestCompareView::init()
{
    QSettings().clear();
}

void TestCompareView::pick(QComboBox* picker, const QString& optionId)
{
    pickItem(picker, CatalogItem::option(optionId));
}

void TestCompareView::pickItem(QComboBox* picker, const CatalogItem& item)
{
    const int index = picker->findData(QVariant::fromValue(item), ui::CompareView::pickerItemRole);
    QVERIFY(index >= 0);
    pickIndex(picker, index);
}

void TestCompareView::pickIndex(QComboBox* picker, int index)
{
    picker->showPopup();
    QAbstractItemView* list = picker->view();
    QTRY_VERIFY(list->isVisible());
    const QModelIndex item = list->model()->index(index, picker->modelColumn());
    list->scrollTo(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(item).center());
    QTRY_VERIFY(!list->isVisible());
}

void TestCompareView::verifyShowing(MainWindow& window, const Pair& pair)
{
    QVERIFY(window.isShowingComparison());
    QCOMPARE(comparedPair(window.state()), pair);
    QVERIFY(window.compareAction()->isChecked());
    ui::CompareView* view = window.compareView();
    QCOMPARE(pickedPair(*view), pair);
    QVERIFY(view->comparison());
    QCOMPARE(view->comparison()->first().id, pair.first);
    QCOMPARE(view->comparison()->second().id, pair.second);
    QCOMPARE(view->comparison()->scene().columnOrder(), (QStringList{pair.first, pair.second}));
    QCOMPARE(view->diagramView()->scene(), &view->comparison()->scene());
    QCOMPARE(view->comparison()->title(),
             QStringLiteral("%1 vs %2")
                 .arg(m_catalog.option(pair.first)->name, m_catalog.option(pair.second)->name));
}

void TestCompareView::verifyShowingPair(MainWindow& window, const ComparedPair& pair)
{
    QVERIFY(window.isShowingComparison());
    QCOMPARE(window.state().comparison(), pair);
    ui::CompareView* view = window.compareView();
    QVERIFY(view->comparison());
    QCOMPARE(view->comparison()->pair(), pair);
    QCOMPARE(view->comparison()->first().id, pair.first);
    QCOMPARE(view->comparison()->second().id, pair.second);
    QCOMPARE(view->comparison()->scene().columnOrder(), (QStringList{pair.first, pair.second}));
    QCOMPARE(view->firstPicker()->currentData(ui::CompareView::pickerItemRole).value<CatalogItem>(),
             pair.firstItem);
    QCOMPARE(
        view->secondPicker()->currentData(ui::CompareView::pickerItemRole).value<CatalogItem>(),
        pair.secondItem);
    // A service's entry says which option stands for it.
    const auto pickedText = [this](const CatalogItem& item, const QString& optionId) {
        return item.kind == CatalogItem::Kind::Service
                   ? QStringLiteral("%1 — as %2")
                         .arg(m_catalog.service(item.id)->name, m_catalog.option(optionId)->name)
                   : m_catalog.option(optionId)->name;
    };
    QCOMPARE(view->firstPicker()->currentText(), pickedText(pair.firstItem, pair.first));
    QCOMPARE(view->secondPicker()->currentText(), pickedText(pair.secondItem, pair.second));
}

ComparedPair TestCompareView::serviceWay(const char* first, const char* second, int way) const
{
    return waysToCompare(m_catalog, CatalogItem::service(QString::fromLatin1(first)),
                         CatalogItem::service(QString::fromLatin1(second)))
        .ways.value(way);
}

void TestCompareView::ctrlKWithAServiceComparesItWithTheNextService_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("next");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    // The next service in the catalog's order: ec2, ecs, eks, fargate, lambda.
    QTest::newRow("ECS with EKS") << "ecs"
                                  << "eks" << ecsFargate << eksFargate;
    QTest::newRow("Fargate with Lambda") << "fargate"
                                         << "lambda" << ecsFargate << lambda;
    QTest::newRow("Lambda wraps around to EC2") << "lambda"
                                                << "ec2" << lambda << ec2;
    QTest::newRow("EC2 with ECS") << "ec2"
                                  << "ecs" << ec2 << ecsFargate;
}

void TestCompareView::ctrlKWithAServiceComparesItWithTheNextService()
{
    QFETCH(QString, service);
    QFETCH(QString, next);
    QFETCH(QString, first);
    QFETCH(QString, second);
    MainWindow window(m_catalog, m_prices);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.state().setCurrent(CatalogItem::service(service));
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(window.isShowingComparison());
    verifyShowingPair(window,
                      {CatalogItem::service(service), CatalogItem::service(next), first, second});
    QCOMPARE(window.compareView()->comparison()->title(),
             QStringLiteral("%1 (as %2) vs %3 (as %4)")
                 .arg(m_catalog.service(service)->name, m_catalog.option(first)->name,
                      m_catalog.service(next)->name, m_catalog.option(second)->name));
}

void TestCompareView::contextMenuOfAServiceComparesServices()
{
    MainWindow window(m_catalog, m_prices);
    QMenu menu;
    window.fillItemMenu(menu, CatalogItem::service(QStringLiteral("ecs")));
    auto* compareWith = menu.findChild<QMenu*>(QStringLiteral("compareWithMenu"));
    QVERIFY(compareWith);
    // The other services first, then every option (ECS on Fargate too: ECS then stands for
    // ECS on EC2).
    QStringList offered;
    for (const QAction* action : compareWith->actions())
        offered.append(action->isSeparator() ? QStringLiteral("|") : action->text());
    QCOMPARE(offered,
             (QStringList{QStringLiteral("Amazon EC2"), QStringLiteral("Amazon EKS"),
                          QStringLiteral("AWS Fargate"), QStringLiteral("AWS Lambda"),
                          QStringLiteral("|"), QStringLiteral("EC2 instances"),
                          QStringLiteral("ECS on EC2"), QStringLiteral("EKS on EC2"),
                          QStringLiteral("ECS on Fargate"), QStringLiteral("EKS on Fargate"),
                          QStringLiteral("Lambda functions")}));

    compareWith->actions().at(1)->trigger();
    verifyShowingPair(window, serviceWay("ecs", "eks"));
    QCOMPARE(window.state().comparedFirst(), ecsFargate);
    QCOMPARE(window.state().comparedSecond(), eksFargate);
    QCOMPARE(window.state().current(), CatalogItem::service(QStringLiteral("ecs")));
}

void TestCompareView::ctrlClickingTwoServicesInTheTreeComparesThem()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTreeView* tree = window.tree();
    const QModelIndex fargate =
        treeRow(*tree->model(), CatalogItem::service(QStringLiteral("fargate")),
                CatalogItem::category(QStringLiteral("containers")));
    const QModelIndex lambdaRow =
        treeRow(*tree->model(), CatalogItem::service(QStringLiteral("lambda")),
                CatalogItem::category(QStringLiteral("serverless")));
    QVERIFY(fargate.isValid());
    QVERIFY(lambdaRow.isValid());
    tree->scrollTo(fargate);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(fargate).center());
    QVERIFY(!window.isShowingComparison());
    tree->scrollTo(lambdaRow);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      tree->visualRect(lambdaRow).center());
    QTRY_VERIFY(window.isShowingComparison());
    verifyShowingPair(window, serviceWay("fargate", "lambda"));
}

void TestCompareView::pickersOfferServicesAndSayWhatStandsForThem()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::CompareView* view = window.compareView();
    QVERIFY(window.state().setComparison(lambda, ecsFargate));
    // Options alone have one way to compare: no choice shown.
    QVERIFY(!view->wayPicker()->isVisibleTo(view));

    // A service replaces an option. Fargate would stand for ECS on Fargate, the option on the
    // other side, which stays: Fargate takes its next choice, EKS on Fargate.
    pickItem(view->firstPicker(), CatalogItem::service(QStringLiteral("fargate")));
    verifyShowingPair(window, {CatalogItem::service(QStringLiteral("fargate")),
                               CatalogItem::option(ecsFargate), eksFargate, ecsFargate});
    pickItem(view->secondPicker(), CatalogItem::service(QStringLiteral("lambda")));
    verifyShowingPair(window, serviceWay("fargate", "lambda"));
    QCOMPARE(window.state().comparedFirst(), ecsFargate);
    // The service rows lead the table.
    QCOMPARE(view->comparison()->model().index(1, 0).data(ComparisonModel::PropertyIdRole),
             QVariant(QStringLiteral("service-billing")));
    QVERIFY(view->attributesText()->text().contains(
        m_catalog.service(QStringLiteral("lambda"))->billing.toHtmlEscaped()));

    // Picking the other side's service swaps, as with options.
    pickItem(view->firstPicker(), CatalogItem::service(QStringLiteral("lambda")));
    verifyShowingPair(window, serviceWay("lambda", "fargate"));

    // A pair that cannot be compared is refused with the reason, and nothing changes.
    QVERIFY(window.state().setComparison(lambda, ecsFargate));
    QSignalSpy message(view, &ui::CompareView::message);
    pickItem(view->secondPicker(), CatalogItem::service(QStringLiteral("lambda")));
    QCOMPARE(message.size(), 1);
    QCOMPARE(message.constFirst().constFirst().toString(),
             QStringLiteral("Lambda functions vs AWS Lambda leaves no second option: Lambda "
                            "functions and AWS Lambda both stand for Lambda functions"));
    verifyShowing(window, {lambda, ecsFargate});
}

void TestCompareView::wayPickerSwitchesWhatTheServicesShare()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::CompareView* view = window.compareView();
    QVERIFY(window.state().compare(CatalogItem::service(QStringLiteral("ecs")),
                                   CatalogItem::service(QStringLiteral("eks"))));
    verifyShowingPair(window, serviceWay("ecs", "eks"));
    QComboBox* ways = view->wayPicker();
    QVERIFY(ways->isVisibleTo(view));
    QCOMPARE(ways->count(), 2);
    QCOMPARE(ways->itemText(0), QStringLiteral("AWS Fargate"));
    QCOMPARE(ways->itemText(1), QStringLiteral("Amazon EC2"));
    QCOMPARE(ways->currentIndex(), 0);

    pickIndex(ways, 1);
    verifyShowingPair(window, serviceWay("ecs", "eks", 1));
    QCOMPARE(window.state().comparedFirst(), ecsEc2);
    QCOMPARE(window.state().comparedSecond(), eksEc2);
    QCOMPARE(view->wayPicker()->currentIndex(), 1);
    QCOMPARE(view->comparison()->costs().first.optionId, ecsEc2);
    // Swapping keeps the way.
    QTest::mouseClick(view->swapButton(), Qt::LeftButton);
    verifyShowingPair(window, serviceWay("eks", "ecs", 1));
    QCOMPARE(window.state().comparedFirst(), eksEc2);

    // Fargate vs EC2 share the orchestrator instead.
    QVERIFY(window.state().compare(CatalogItem::service(QStringLiteral("fargate")),
                                   CatalogItem::service(QStringLiteral("ec2"))));
    QCOMPARE(ways->itemText(0), QStringLiteral("Amazon ECS"));
    QCOMPARE(ways->itemText(1), QStringLiteral("Amazon EKS"));
    QCOMPARE(window.state().comparedSecond(), ecsEc2);
}

void TestCompareView::settingTheStateShowsTheComparison()
{
    MainWindow window(m_catalog, m_prices);
    QVERIFY(!window.isShowingComparison());
    QVERIFY(!window.compareAction()->isChecked());
    QVERIFY(!window.state().setComparison(lambda, lambda));
    QVERIFY(!window.isShowingComparison());

    QSignalSpy changed(&window.state(), &ui::ExplorerState::comparisonChanged);
    QVERIFY(window.state().setComparison(lambda, ecsFargate));
    QCOMPARE(changed.size(), 1);
    verifyShowing(window, {lambda, ecsFargate});
    // A refused pair leaves the comparison as it was.
    QVERIFY(!window.state().setComparison(lambda, QStringLiteral("app-runner")));
    verifyShowing(window, {lambda, ecsFargate});
    QVERIFY(window.state().setComparison(ec2, eksEc2));
    verifyShowing(window, {ec2, eksEc2});
}

void TestCompareView::contextMenuComparesWithTheOptionChosen()
{
    MainWindow window(m_catalog, m_prices);
    QMenu menu;
    window.fillItemMenu(menu, CatalogItem::option(eksFargate));
    auto* compareWith = menu.findChild<QMenu*>(QStringLiteral("compareWithMenu"));
    QVERIFY(compareWith);
    // Every other option, and not the option itself, then the services.
    QStringList offered;
    for (const QAction* action : compareWith->actions()) {
        if (action->isSeparator())
            break;
        offered.append(action->text());
    }
    QCOMPARE(offered.size(), m_catalog.options().size() - 1);
    QVERIFY(!offered.contains(m_catalog.option(eksFargate)->name));

    const auto ec2Action = std::find_if(
        compareWith->actions().cbegin(), compareWith->actions().cend(),
        [&](const QAction* action) { return action->text() == m_catalog.option(eksEc2)->name; });
    QVERIFY(ec2Action != compareWith->actions().cend());
    (*ec2Action)->trigger();
    verifyShowing(window, {eksFargate, eksEc2});

    // A category's menu has no comparison.
    QMenu categoryMenu;
    window.fillItemMenu(categoryMenu, CatalogItem::category(QStringLiteral("serverless")));
    QVERIFY(!categoryMenu.findChild<QMenu*>(QStringLiteral("compareWithMenu")));
}

void TestCompareView::ctrlKComparesTheCurrentOptionWithTheNext_data()
{
    QTest::addColumn<CatalogItem>("current");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    // The next option in the catalog's order: ec2, ecs-ec2, eks-ec2, ecs-fargate, eks-fargate,
    // lambda.
    QTest::newRow("ecs on fargate") << CatalogItem::option(ecsFargate) << ecsFargate << eksFargate;
    QTest::newRow("ec2") << CatalogItem::option(ec2) << ec2 << ecsEc2;
    QTest::newRow("lambda wraps around") << CatalogItem::option(lambda) << lambda << ec2;
    QTest::newRow("nothing selected") << CatalogItem() << ec2 << ecsEc2;
}

void TestCompareView::ctrlKComparesTheCurrentOptionWithTheNext()
{
    QFETCH(CatalogItem, current);
    QFETCH(QString, first);
    QFETCH(QString, second);
    MainWindow window(m_catalog, m_prices);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.state().setCurrent(current);
    QCOMPARE(window.compareAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(window.isShowingComparison());
    verifyShowing(window, {first, second});
}

void TestCompareView::ctrlKAgainClosesTheComparison()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.state().setCurrent(CatalogItem::option(eksEc2));
    window.compareAction()->trigger();
    verifyShowing(window, {eksEc2, ecsFargate});
    // With the focus in the comparison, the window's shortcut still toggles it off.
    window.compareView()->swapButton()->setFocus();
    QTest::keyClick(window.compareView()->swapButton(), Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(!window.isShowingComparison());
    QVERIFY(!window.state().isComparing());
    QVERIFY(!window.compareAction()->isChecked());
}

void TestCompareView::ctrlClickingASecondOptionInTheTreeCompares_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("firstParent");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QString>("secondParent");
    // Options are listed under every service of their stack: the rows under the option's top
    // service are where the option "lives", the others are copies.
    QTest::newRow("both under their top service")
        << ecsEc2 << QStringLiteral("ecs") << ecsFargate << QStringLiteral("ecs");
    QTest::newRow("lambda and ec2")
        << lambda << QStringLiteral("lambda") << ec2 << QStringLiteral("ec2");
    QTest::newRow("adjacent rows under Amazon EC2")
        << ec2 << QStringLiteral("ec2") << ecsEc2 << QStringLiteral("ec2");
    QTest::newRow("second under AWS Fargate")
        << ecsEc2 << QStringLiteral("ecs") << eksFargate << QStringLiteral("fargate");
}

void TestCompareView::ctrlClickingASecondOptionInTheTreeCompares()
{
    QFETCH(QString, first);
    QFETCH(QString, firstParent);
    QFETCH(QString, second);
    QFETCH(QString, secondParent);
    MainWindow window(m_catalog, m_prices);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTreeView* tree = window.tree();
    const QModelIndex firstRow =
        treeRow(*tree->model(), CatalogItem::option(first), CatalogItem::service(firstParent));
    const QModelIndex secondRow =
        treeRow(*tree->model(), CatalogItem::option(second), CatalogItem::service(secondParent));
    QVERIFY(firstRow.isValid());
    QVERIFY(secondRow.isValid());

    tree->scrollTo(firstRow);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(firstRow).center());
    QCOMPARE(window.state().current(), CatalogItem::option(first));
    QVERIFY(!window.isShowingComparison());

    tree->scrollTo(secondRow);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      tree->visualRect(secondRow).center());
    QTRY_VERIFY(window.isShowingComparison());
    verifyShowing(window, {first, second});
}

void TestCompareView::ctrlClickingASecondHeaderInTheDiagramCompares()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    diagram::StackDiagramView* view = window.diagramView();
    const auto* scene = static_cast<const diagram::StackDiagramScene*>(view->scene());
    const auto headerCentre = [&](const QString& optionId) {
        return view->mapFromScene(scene->headerRect(optionId).center());
    };

    // Ctrl+click without an option selected just selects.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, headerCentre(ec2));
    QCOMPARE(window.state().current(), CatalogItem::option(ec2));
    QVERIFY(!window.isShowingComparison());
    // Ctrl+click on the selected option itself compares nothing.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, headerCentre(ec2));
    QVERIFY(!window.isShowingComparison());

    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, headerCentre(ecsFargate));
    QCOMPARE(window.state().current(), CatalogItem::option(ecsFargate));
    QVERIFY(!window.isShowingComparison());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, headerCentre(lambda));
    QTRY_VERIFY(window.isShowingComparison());
    verifyShowing(window, {ecsFargate, lambda});
}

void TestCompareView::swapSwapsTheStateThePickersTheStacksAndTheTable()
{
    MainWindow window(m_catalog, m_prices);
    ui::CompareView* view = window.compareView();
    QVERIFY(window.state().setComparison(lambda, ecsFargate));
    QCOMPARE(view->comparison()->model().headerData(ComparisonModel::FirstColumn, Qt::Horizontal),
             QVariant(m_catalog.option(lambda)->name));
    const QStringList differing = view->comparison()->scene().highlightedLayers();
    QVERIFY(!differing.isEmpty());

    QTest::mouseClick(view->swapButton(), Qt::LeftButton);
    verifyShowing(window, {ecsFargate, lambda});
    ui::Comparison* after = view->comparison();
    QCOMPARE(after->model().first(), ecsFargate);
    QCOMPARE(after->model().second(), lambda);
    QCOMPARE(after->model().headerData(ComparisonModel::FirstColumn, Qt::Horizontal).toString(),
             m_catalog.option(ecsFargate)->name);
    QCOMPARE(after->model().headerData(ComparisonModel::SecondColumn, Qt::Horizontal).toString(),
             m_catalog.option(lambda)->name);
    QCOMPARE(after->costs().first.optionId, ecsFargate);
    QCOMPARE(after->costs().second.optionId, lambda);
    // The stacks are the same two, ECS on Fargate now on the left: the same layers differ.
    QCOMPARE(after->scene().highlightedLayers(), differing);
    QVERIFY(after->scene().headerRect(ecsFargate).right() <
            after->scene().headerRect(lambda).left());

    QTest::mouseClick(view->swapButton(), Qt::LeftButton);
    verifyShowing(window, {lambda, ecsFargate});
}

void TestCompareView::pickingTheOtherSidesOptionSwaps()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::CompareView* view = window.compareView();
    QVERIFY(window.state().setComparison(lambda, ecsFargate));

    pick(view->secondPicker(), lambda);
    verifyShowing(window, {ecsFargate, lambda});
    pick(view->firstPicker(), lambda);
    verifyShowing(window, {lambda, ecsFargate});
    // Picking what a side shows already changes nothing.
    QSignalSpy changed(&window.state(), &ui::ExplorerState::comparisonChanged);
    pick(view->firstPicker(), lambda);
    verifyShowing(window, {lambda, ecsFargate});
    QCOMPARE(changed.size(), 0);
}

void TestCompareView::pickingAThirdOptionReplacesThatSide()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::CompareView* view = window.compareView();
    QVERIFY(window.state().setComparison(lambda, ecsFargate));

    pick(view->secondPicker(), ec2);
    verifyShowing(window, {lambda, ec2});
    pick(view->firstPicker(), eksFargate);
    verifyShowing(window, {eksFargate, ec2});
    QCOMPARE(view->comparison()->model().headerData(ComparisonModel::FirstColumn, Qt::Horizontal),
             QVariant(m_catalog.option(eksFargate)->name));
}

void TestCompareView::highlightedLayersAreTheResponsibilityDifferences_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::newRow("lambda / ecs-fargate") << lambda << ecsFargate;
    QTest::newRow("ec2 / ecs-ec2") << ec2 << ecsEc2;
    QTest::newRow("ecs-fargate / eks-fargate") << ecsFargate << eksFargate;
    QTest::newRow("ecs-ec2 / eks-ec2") << ecsEc2 << eksEc2;
    QTest::newRow("eks-ec2 / eks-fargate") << eksEc2 << eksFargate;
    QTest::newRow("ec2 / lambda") << ec2 << lambda;
}

void TestCompareView::highlightedLayersAreTheResponsibilityDifferences()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    MainWindow window(m_catalog, m_prices);
    QVERIFY(window.state().setComparison(first, second));
    QStringList expected;
    for (const ResponsibilityDifference& difference :
         m_catalog.responsibilityDifferences(first, second))
        expected.append(difference.layer);
    const diagram::StackDiagramScene& scene = window.compareView()->comparison()->scene();
    QCOMPARE(scene.highlightedLayers(), expected);
    // The other way round, the same layers.
    window.compareView()->swapSides();
    QCOMPARE(window.compareView()->comparison()->scene().highlightedLayers(), expected);
}

void TestCompareView::costsAgreeWithTheCostModelAndFollowTheWorkload()
{
    MainWindow window(m_catalog, m_prices);
    ui::ExplorerState& state = window.state();
    QVERIFY(state.setComparison(lambda, ecsFargate));
    ui::CompareView* view = window.compareView();
    const QString currency = m_prices.currency();

    std::optional<double> lastLambdaTotal;
    for (const double requests : {3e6, 4e7, 2e8}) {
        Workload workload = state.workload();
        workload.requestsPerMonth = requests;
        state.setWorkload(workload);
        const CostComparison& costs = view->comparison()->costs();
        const Estimate lambdaEstimate =
            estimateOption(*m_catalog.option(lambda), workload, m_prices);
        const Estimate fargateEstimate =
            estimateOption(*m_catalog.option(ecsFargate), workload, m_prices);
        QVERIFY(lambdaEstimate.monthlyTotal && fargateEstimate.monthlyTotal);
        QCOMPARE(costs.first.optionId, lambda);
        QCOMPARE(costs.first.monthlyTotal, lambdaEstimate.monthlyTotal);
        QCOMPARE(costs.second.optionId, ecsFargate);
        QCOMPARE(costs.second.monthlyTotal, fargateEstimate.monthlyTotal);
        QVERIFY(costs.difference);
        QCOMPARE(*costs.difference, *fargateEstimate.monthlyTotal - *lambdaEstimate.monthlyTotal);
        // The workload changed, so the estimate did.
        QVERIFY(lastLambdaTotal != lambdaEstimate.monthlyTotal);
        lastLambdaTotal = lambdaEstimate.monthlyTotal;

        const QString text = view->costsText()->text();
        for (const double total : {*lambdaEstimate.monthlyTotal, *fargateEstimate.monthlyTotal})
            QVERIFY2(text.contains(money(total, currency)), qPrintable(money(total, currency)));
        QVERIFY(text.contains(groupedNumber(requests)));
    }
}

void TestCompareView::anOptionThatCannotRunTheWorkloadIsNotCalledDearer()
{
    MainWindow window(m_catalog, m_prices);
    ui::ExplorerState& state = window.state();
    QVERIFY(state.setComparison(lambda, ecsFargate));
    Workload workload = state.workload();
    workload.avgDurationMs = 20 * 60 * 1000; // beyond Lambda's 15 minutes
    state.setWorkload(workload);

    const CostComparison& costs = window.compareView()->comparison()->costs();
    QVERIFY(!costs.first.feasible);
    QVERIFY(costs.second.monthlyTotal);
    QVERIFY(!costs.difference && !costs.ratio);
    const QString text = window.compareView()->costsText()->text();
    QVERIFY(text.contains(QStringLiteral("Lambda functions cannot run this workload")));
    QVERIFY(!text.contains(QStringLiteral("cheaper")));
    QVERIFY(text.contains(money(*costs.second.monthlyTotal, m_prices.currency())));
}

void TestCompareView::eachBreakEvenChangesTheCheaperOption()
{
    MainWindow window(m_catalog, m_prices);
    ui::ExplorerState& state = window.state();
    // An always-on API: Lambda is the cheaper at low volume, ECS on Fargate at high volume.
    state.setWorkload(
        Workload::load(QStringLiteral(ACE_SOURCE_DIR "/resources/presets/always-on-api.json")));
    for (const Pair& pair : {Pair{lambda, ecsFargate}, Pair{ecsFargate, lambda}, Pair{lambda, ec2},
                             Pair{ec2, ecsEc2}}) {
        QVERIFY(state.setComparison(pair.first, pair.second));
        const ui::Comparison* comparison = window.compareView()->comparison();
        const QList<Crossing>& breakEvens = comparison->costs().breakEvens;
        if (pair.first == lambda && pair.second == ecsFargate)
            QVERIFY(!breakEvens.isEmpty());
        const QString text = window.compareView()->costsText()->text();
        for (const Crossing& crossing : breakEvens) {
            const auto cheaperAt = [&](qint64 requests) {
                Workload workload = state.workload();
                workload.requestsPerMonth = double(requests);
                const double first =
                    orInfinity(estimateMonthlyTotal(comparison->first(), workload, m_prices));
                const double second =
                    orInfinity(estimateMonthlyTotal(comparison->second(), workload, m_prices));
                // Ties go to the first, as the catalog of the pair orders them.
                return second < first ? pair.second : pair.first;
            };
            const QString where = QString::number(crossing.requestsPerMonth);
            QVERIFY2(crossing.cheapestBelow != crossing.cheapestAbove, qPrintable(where));
            QCOMPARE(cheaperAt(crossing.requestsPerMonth - 1), crossing.cheapestBelow);
            QCOMPARE(cheaperAt(crossing.requestsPerMonth), crossing.cheapestAbove);
            QVERIFY2(text.contains(groupedNumber(double(crossing.requestsPerMonth))),
                     qPrintable(where));
        }
    }
}

void TestCompareView::nearTiesAreToldInTheCostText()
{
    MainWindow window(m_catalog, m_prices);
    ui::ExplorerState& state = window.state();
    // Kubernetes microservices: EC2 instances and ECS on Fargate take turns as the cheaper
    // from 440,737,501 requests (tst_costcomparison), then EC2 stays the cheaper.
    state.setWorkload(Workload::load(
        QStringLiteral(ACE_SOURCE_DIR "/resources/presets/kubernetes-microservices.json")));
    QVERIFY(state.setComparison(ec2, ecsFargate));
    const QString text = window.compareView()->costsText()->text();
    const QString tie = QStringLiteral(
        "From 440,737,501 to 4,618,162,505 requests a month, EC2 instances and ECS on Fargate "
        "take turns as the cheaper, at most ");
    QVERIFY2(text.contains(tie), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("apart: their capacity steps decide which is cheaper at "
                                         "a given volume.")));
    // In order of volume: the near tie, then the lasting change where it ends.
    const QString change = QStringLiteral(
        "At 4,618,162,505 requests/month (4.62B): EC2 instances becomes the cheaper, after ECS on "
        "Fargate.");
    QVERIFY2(text.contains(change), qPrintable(text));
    QVERIFY(text.indexOf(tie) < text.indexOf(change));

    // Lambda against ECS on Fargate changes once, for good: no near tie to tell.
    QVERIFY(state.setComparison(lambda, ecsFargate));
    QVERIFY(window.compareView()->comparison()->costs().nearTies.isEmpty());
    QVERIFY(!window.compareView()->costsText()->text().contains(QStringLiteral("take turns")));
}

void TestCompareView::copyAsMarkdownPutsTheTableOnTheClipboard()
{
    MainWindow window(m_catalog, m_prices);
    QVERIFY(window.state().setComparison(ecsFargate, lambda));
    ui::CompareView* view = window.compareView();
    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
    QSignalSpy messages(view, &ui::CompareView::message);

    QTest::mouseClick(view->copyMarkdownButton(), Qt::LeftButton);
    const QString markdown = QGuiApplication::clipboard()->text();
    QCOMPARE(markdown, view->comparison()->model().toMarkdown());
    const QStringList lines = markdown.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), view->comparison()->model().rowCount() + 2);
    const QString header = lines.constFirst();
    const qsizetype first = header.indexOf(m_catalog.option(ecsFargate)->name);
    const qsizetype second = header.indexOf(m_catalog.option(lambda)->name);
    QVERIFY2(first > 0 && second > first, qPrintable(header));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("|")) && lines.at(1).contains(u'-'));
    QCOMPARE(messages.size(), 1);
    QVERIFY(messages.constFirst().constFirst().toString().contains(view->comparison()->title()));
}

void TestCompareView::closeButtonReturnsToTheDiagram()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.state().setComparison(ec2, lambda));
    QVERIFY(window.isShowingComparison());
    QTest::mouseClick(window.compareView()->closeButton(), Qt::LeftButton);
    QVERIFY(!window.isShowingComparison());
    QVERIFY(!window.state().isComparing());
    QVERIFY(!window.compareAction()->isChecked());
    QVERIFY(window.diagramView()->isVisible());
    // Closed, nothing of it is left to follow workload edits.
    QVERIFY(!window.compareView()->comparison());
    QVERIFY(!window.compareView()->costChart());
    // It opens again, on another pair.
    QVERIFY(window.state().setComparison(eksEc2, ecsEc2));
    verifyShowing(window, {eksEc2, ecsEc2});
}

void TestCompareView::escapeOrCloseKeyInsideTheComparisonClosesIt_data()
{
    QTest::addColumn<QString>("focus");
    QTest::addColumn<QKeySequence>("keys");
    const QKeySequence escape(Qt::Key_Escape);
    QTest::newRow("esc on the swap button") << "swap" << escape;
    QTest::newRow("esc in the stacks") << "stacks" << escape;
    QTest::newRow("esc on a picker") << "picker" << escape;
    // Every key the platform binds to Close (Ctrl+W, and Ctrl+F4 where Windows' bindings apply,
    // as under the offscreen platform).
    const QList<QKeySequence> closeKeys = QKeySequence::keyBindings(QKeySequence::Close);
    QVERIFY(closeKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_W)));
    for (const QKeySequence& keys : closeKeys)
        QTest::addRow("%s in the stacks", qPrintable(keys.toString())) << "stacks" << keys;
}

void TestCompareView::escapeOrCloseKeyInsideTheComparisonClosesIt()
{
    QFETCH(QString, focus);
    QFETCH(QKeySequence, keys);
    QVERIFY(!keys.isEmpty());
    MainWindow window(m_catalog, m_prices);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.state().setComparison(ecsEc2, ecsFargate));
    ui::CompareView* view = window.compareView();
    QWidget* target = focus == u"swap"     ? static_cast<QWidget*>(view->swapButton())
                      : focus == u"picker" ? static_cast<QWidget*>(view->firstPicker())
                                           : static_cast<QWidget*>(view->diagramView());
    target->setFocus();
    QTRY_VERIFY(target->hasFocus());
    // Shortcuts are dispatched as the key is sent: no waiting.
    QTest::keySequence(target, keys);
    QVERIFY(!window.isShowingComparison());
    QVERIFY(!window.state().isComparing());
    QVERIFY(!window.compareAction()->isChecked());
}

void TestCompareView::differingLayersAreHighlightedOnScreen_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestCompareView::differingLayersAreHighlightedOnScreen()
{
    QFETCH(bool, dark);
    MainWindow window(m_catalog, m_prices);
    ui::CompareView* view = window.compareView();
    window.setThemeChoice(MainWindow::ThemeChoice::Light);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.state().setComparison(lambda, ecsFargate));
    // The open comparison follows a change of theme.
    window.setThemeChoice(dark ? MainWindow::ThemeChoice::Dark : MainWindow::ThemeChoice::Light);
    QCOMPARE(view->comparison()->pairState().theme().kind(), window.state().theme().kind());
    const ui::Theme& theme = window.state().theme();
    const diagram::StackDiagramScene& scene = view->comparison()->scene();
    diagram::StackDiagramView* diagramView = view->diagramView();
    QTRY_VERIFY(diagramView->isVisible());
    const QImage image = diagramView->grab().toImage();
    QVERIFY(!image.isNull());

    // Language runtime differs (AWS manages it for Lambda, you for a container); the guest OS
    // does not (AWS in both).
    const QStringList differing = scene.highlightedLayers();
    const QString runtime = QStringLiteral("language-runtime");
    const QString guestOs = QStringLiteral("guest-os");
    QVERIFY(differing.contains(runtime));
    QVERIFY(!differing.contains(guestOs));
    const auto labelArea = [&](const QString& layer) {
        // Left of the first cell, past the mark at the band's start, where the name is.
        const QRectF band = bandRect(scene, layer);
        const QRectF cell = scene.cellRect(lambda, layer);
        return QRect(diagramView->mapFromScene(QPointF(band.left() + 8, cell.top() + 3)),
                     diagramView->mapFromScene(QPointF(cell.left() - 4, cell.bottom() - 3)));
    };
    const auto markArea = [&](const QString& layer) {
        const QRectF band = bandRect(scene, layer);
        const QRectF cell = scene.cellRect(lambda, layer);
        return QRect(diagramView->mapFromScene(QPointF(band.left() + 1, cell.top() + 4)),
                     diagramView->mapFromScene(QPointF(band.left() + 2.5, cell.bottom() - 4)));
    };
    for (const QString& layer : {runtime, guestOs})
        QVERIFY2(!bandRect(scene, layer).isNull() && !labelArea(layer).isEmpty(),
                 qPrintable(layer));

    const double highlighted = shareOf(image, labelArea(runtime), theme.difference());
    QVERIFY2(highlighted > 0.4, qPrintable(QString::number(highlighted)));
    QCOMPARE(shareOf(image, labelArea(guestOs), theme.difference()), 0.0);
    QVERIFY(shareOf(image, labelArea(guestOs), theme.surface()) > 0.4);
    const double mark = shareOf(image, markArea(runtime), theme.differenceMark(), 20);
    QVERIFY2(mark > 0.5, qPrintable(QString::number(mark)));
    QCOMPARE(shareOf(image, markArea(guestOs), theme.differenceMark(), 20), 0.0);
}

void TestCompareView::theStacksAlwaysShowWhoManagesWhat()
{
    // Hiding the responsibility bands in the explorer leaves them in the comparison: they are
    // what it compares.
    MainWindow window(m_catalog, m_prices);
    window.state().setShowResponsibility(false);
    QVERIFY(window.state().setComparison(lambda, ecsFargate));
    const diagram::StackDiagramScene& scene = window.compareView()->comparison()->scene();
    QVERIFY(!scene.cellRect(lambda, QStringLiteral("guest-os")).isNull());
    QVERIFY(!scene.highlightedLayers().isEmpty());
}

void TestCompareView::selectionIsSharedWithTheWindow()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::ExplorerState& state = window.state();
    QVERIFY(state.setComparison(ec2, lambda));
    ui::CompareView* view = window.compareView();
    ui::Comparison* comparison = view->comparison();
    diagram::StackDiagramView* stacks = view->diagramView();
    QTRY_VERIFY(stacks->isVisible());

    // Clicking an option in the comparison selects it in the window, and the tree shows it.
    QTest::mouseClick(stacks->viewport(), Qt::LeftButton, {},
                      stacks->mapFromScene(comparison->scene().headerRect(lambda).center()));
    QCOMPARE(state.current(), CatalogItem::option(lambda));
    QCOMPARE(treeItem(window.tree()->currentIndex()), CatalogItem::option(lambda));
    QCOMPARE(comparison->scene().columnMarks(lambda), diagram::Marks(diagram::Mark::Selected));

    // Selecting in the window shows here when the comparison has it, and as nothing otherwise,
    // without clearing the window's selection.
    state.setCurrent(CatalogItem::option(ec2));
    QCOMPARE(comparison->pairState().current(), CatalogItem::option(ec2));
    QCOMPARE(comparison->scene().columnMarks(ec2), diagram::Marks(diagram::Mark::Selected));
    QCOMPARE(comparison->scene().columnMarks(lambda), diagram::Marks());
    state.setCurrent(CatalogItem::option(eksFargate));
    QCOMPARE(state.current(), CatalogItem::option(eksFargate));
    QVERIFY(comparison->pairState().current().isNull());
    QCOMPARE(comparison->scene().columnMarks(ec2), diagram::Marks());
    QVERIFY(state.isComparing());
}

void TestCompareView::comparisonTakesTheDocksRoomAndGivesItBack()
{
    const auto dock = [](const MainWindow& window, const char* name) {
        return window.findChild<QDockWidget*>(QString::fromLatin1(name));
    };
    {
        MainWindow window(m_catalog, m_prices);
        window.restoreSettings();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QDockWidget* details = dock(window, "detailsDock");
        QDockWidget* costs = dock(window, "costsDock");
        QVERIFY(details && costs);
        QVERIFY(details->isVisible() && costs->isVisible());

        QVERIFY(window.state().setComparison(lambda, ecsFargate));
        QVERIFY(!details->isVisible() && !costs->isVisible());
        window.compareView()->swapSides();
        QVERIFY(!details->isVisible() && !costs->isVisible());
        window.state().clearComparison();
        QVERIFY(details->isVisible() && costs->isVisible());

        // A dock the user closed stays closed after the comparison.
        costs->close();
        QVERIFY(window.state().setComparison(lambda, ecsFargate));
        QVERIFY(!details->isVisible());
        window.state().clearComparison();
        QVERIFY(details->isVisible());
        QVERIFY(!costs->isVisible());
        costs->show();

        // Closing the window while comparing remembers the docks as they were before it.
        QVERIFY(window.state().setComparison(ec2, ecsEc2));
        window.close();
    }
    MainWindow window(m_catalog, m_prices);
    window.restoreSettings();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.state().isComparing());
    QVERIFY(!window.isShowingComparison());
    QVERIFY(dock(window, "detailsDock")->isVisible());
    QVERIFY(dock(window, "costsDock")->isVisible());
}

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
