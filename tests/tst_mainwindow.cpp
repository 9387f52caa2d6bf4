// The explorer window: tree, diagram and detail pane stay in sync through the one state;
// search, themes, and remembered settings (including a damaged settings file).
#include "catalog/catalog.h"
#include "models/hierarchymodel.h"
#include "pricing/pricebook.h"
#include "ui/detailpane.h"
#include "ui/explorerstate.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

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

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void selectingInTheTreeSelectsEverywhere();
    void stateChangesRevealTheItemInTheTree();
    void escapeInTheTreeClearsTheSelection();
    void searchFiltersTheTree();
    void ctrlFFocusesTheSearchField();
    void detailPaneLinksSelectCatalogItems();
    void comparisonShowsDifferingLayers();
    void themeChoiceRestylesTheState();
    void settingsAreRememberedAcrossWindows();
    void damagedSettingsFallBackToDefaults();

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
    window.setThemeChoice(MainWindow::ThemeChoice::Light);
    QCOMPARE(window.state().theme().kind(), ui::Theme::Kind::Light);
    QCOMPARE(themeChanged.count(), 2);
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
