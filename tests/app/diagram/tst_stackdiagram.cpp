// The stack diagram: columns and merged substrate blocks laid out from the catalog, the
// responsibility bands and legend, interaction through the shared state (clicks, hover,
// keyboard), the highlight of layers managed differently, and what is actually drawn, checked
// by pixel probes in both themes.
#include "catalog/catalog.h"
#include "cost/costmodel.h"
#include "cost/quantitytext.h"
#include "diagram/diagramitems.h"
#include "diagram/stackdiagramscene.h"
#include "diagram/stackdiagramview.h"
#include "imageprobes.h"
#include "jsonfixtures.h"
#include "optionids.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"

#include <QApplication>
#include <QJsonArray>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <limits>
#include <memory>

using namespace ace;
using namespace ace::test::optionids;
using diagram::Mark;
using diagram::Marks;
using test::near;
using test::shareOf;

namespace {

const QString ecs = QStringLiteral("ecs");
const QString eks = QStringLiteral("eks");
const QString fargate = QStringLiteral("fargate");

// A state, the scene over it and a view of the scene, shown at a fixed size.
struct Explorer
{
    Explorer(const Catalog& catalog, const PriceBook& prices, QSize viewSize = {1200, 800})
        : state(catalog, prices)
        , scene(state)
        , view(&scene)
    {
        view.resize(viewSize);
        view.show();
    }

    QPoint viewPoint(const QPointF& scenePoint) const { return view.mapFromScene(scenePoint); }
    void click(const QPointF& scenePoint)
    {
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, viewPoint(scenePoint));
    }

    ui::ExplorerState state;
    diagram::StackDiagramScene scene;
    diagram::StackDiagramView view;
};

// Saves images for a person to look at when ACE_TEST_IMAGE_DIR names a folder.
void keepForReview(const QImage& image, const QString& name)
{
    const QString folder = qEnvironmentVariable("ACE_TEST_IMAGE_DIR");
    if (!folder.isEmpty())
        image.save(folder + u'/' + name + QStringLiteral(".png"));
}

// The whole scene at 100 %, so image pixels are scene units.
QImage rendered(QGraphicsScene& scene, const QString& name)
{
    const QRectF source = scene.sceneRect();
    QImage image(qCeil(source.width()), qCeil(source.height()),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    scene.render(&painter, QRectF(QPointF(), source.size()), source);
    painter.end();
    keepForReview(image, name);
    return image;
}

// The thin strip just left of a column, where its outline is drawn, level with its header.
QRectF leftEdgeOf(const diagram::StackDiagramScene& scene, const QString& optionId)
{
    const QRectF header = scene.headerRect(optionId);
    return QRectF(header.left() - 8, header.center().y() - 4, 7, 8);
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

// Where a band shows its layer's name: left of the first column's cell, past the mark that
// starts a highlighted band.
QRectF bandLabelArea(const diagram::StackDiagramScene& scene, const QString& layerId)
{
    const QRectF band = bandRect(scene, layerId);
    const QRectF cell = scene.cellRect(scene.columnOrder().constFirst(), layerId);
    return QRectF(QPointF(band.left() + 8, cell.top() + 3),
                  QPointF(cell.left() - 4, cell.bottom() - 3));
}

QList<QRectF> spansOf(const diagram::StackDiagramScene& scene, const QStringList& options)
{
    QList<QRectF> spans;
    for (qsizetype i = 0; i + 1 < options.size(); i += 2)
        spans.append(scene.columnRect(options.at(i)) | scene.columnRect(options.at(i + 1)));
    return spans;
}

} // namespace

class TestStackDiagram : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void hasOneColumnPerOptionWithSharedSubstratesAdjacent();
    void drawsEachSharedSubstrateOnce();
    void mergedBlocksSpanExactlyTheirColumns_data();
    void mergedBlocksSpanExactlyTheirColumns();
    void blocksRestOnWhatTheyRunOn();

    void clickingSelectsThroughTheState_data();
    void clickingSelectsThroughTheState();
    void currentOptionOutlinesItsColumnAndStack();
    void currentServiceOrCategoryOutlinesItsBlocks();
    void hoveringFargateLightsBothFargateColumns();
    void pointerOverABlockSetsTheHoveredService();
    void arrowKeysWalkColumnsAndStacksAndEscapeClears();

    void tooltipsExplainWhatIsUnderThePointer();
    void controlWheelZoomsAroundThePointer();

    void hidingResponsibilityShrinksTheScene();
    void cellsShowWhoManagesThem_data();
    void cellsShowWhoManagesThem();
    void patternsStayInTheirCellsInAViewInsideAWindow();
    void themeChangeRestylesTheBackground();
    void highlightsOnlyLayersManagedDifferently();

    void headersShowEachOptionsMonthlyCost();
    void theAdvisorRingsTheBestOptionAndFadesExcludedOnes();
    void labelsNeverOverlapAndStayInTheirItems();
    void threeLevelStackLaysOutWithoutOverlaps();
    void viewFitsTheSceneUntilZoomed();
    void fitKeepsTheSmallestTextReadable_data();
    void fitKeepsTheSmallestTextReadable();
    void fitAtTheReadableScaleKeepsTheCurrentColumnInSight();
    void zoomedInTheHeadingsStayInSight();
    void frozenHeadersAreClickable();
    void frozenHeadingsNeverCoverHalfTheView();

private:
    void verifyLabelsAreClear(const diagram::StackDiagramScene& scene);

    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<PriceBook> m_prices;
    QTemporaryDir m_dir;
};

void TestStackDiagram::initTestCase()
{
    m_catalog = std::make_unique<Catalog>(Catalog::loadBuiltIn());
    m_prices = std::make_unique<PriceBook>(PriceBook::loadBuiltIn());
}

void TestStackDiagram::hasOneColumnPerOptionWithSharedSubstratesAdjacent()
{
    Explorer explorer(*m_catalog, *m_prices);
    const QStringList columns = explorer.scene.columnOrder();
    QCOMPARE(columns, (QStringList{ec2, ecsEc2, eksEc2, ecsFargate, eksFargate, lambda}));
    for (qsizetype i = 1; i < columns.size(); ++i) {
        const QRectF left = explorer.scene.columnRect(columns.at(i - 1));
        const QRectF right = explorer.scene.columnRect(columns.at(i));
        QVERIFY(left.right() < right.left());
        QCOMPARE(left.size(), right.size());
        QVERIFY(explorer.scene.headerRect(columns.at(i)).top() == right.top());
    }
}

void TestStackDiagram::drawsEachSharedSubstrateOnce()
{
    Explorer explorer(*m_catalog, *m_prices);
    QCOMPARE(explorer.scene.blockRects(ec2).size(), 1);
    QCOMPARE(explorer.scene.blockRects(fargate).size(), 1);
    QCOMPARE(explorer.scene.blockRects(lambda).size(), 1);
    QCOMPARE(explorer.scene.blockRects(ecs).size(), 2);
    QCOMPARE(explorer.scene.blockRects(eks).size(), 2);
    const QRectF base = explorer.scene.baseRect();
    QCOMPARE(base.left(), explorer.scene.columnRect(ec2).left());
    QCOMPARE(base.right(), explorer.scene.columnRect(lambda).right());
}

void TestStackDiagram::mergedBlocksSpanExactlyTheirColumns_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QStringList>("spans"); // first and last column of each block

    QTest::newRow("ec2") << ec2 << QStringList{ec2, eksEc2};
    QTest::newRow("fargate") << fargate << QStringList{ecsFargate, eksFargate};
    QTest::newRow("ecs") << ecs << QStringList{ecsEc2, ecsEc2, ecsFargate, ecsFargate};
    QTest::newRow("eks") << eks << QStringList{eksEc2, eksEc2, eksFargate, eksFargate};
    QTest::newRow("lambda") << lambda << QStringList{lambda, lambda};
}

void TestStackDiagram::mergedBlocksSpanExactlyTheirColumns()
{
    QFETCH(QString, service);
    QFETCH(QStringList, spans);
    Explorer explorer(*m_catalog, *m_prices);
    const QList<QRectF> blocks = explorer.scene.blockRects(service);
    const QList<QRectF> columns = spansOf(explorer.scene, spans);
    QCOMPARE(blocks.size(), columns.size());
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        QCOMPARE(blocks.at(i).left(), columns.at(i).left());
        QCOMPARE(blocks.at(i).right(), columns.at(i).right());
    }
}

void TestStackDiagram::blocksRestOnWhatTheyRunOn()
{
    Explorer explorer(*m_catalog, *m_prices);
    const QRectF ec2Block = explorer.scene.blockRects(ec2).constFirst();
    const QRectF fargateBlock = explorer.scene.blockRects(fargate).constFirst();
    const QRectF base = explorer.scene.baseRect();
    for (const QRectF& above : explorer.scene.blockRects(ecs) + explorer.scene.blockRects(eks)) {
        const QRectF below = above.left() < fargateBlock.left() ? ec2Block : fargateBlock;
        QVERIFY(above.bottom() < below.top());
        QVERIFY(below.top() - above.bottom() <= 8);
    }
    for (const QRectF& substrate : {ec2Block, fargateBlock, explorer.scene.blockRects(lambda)[0]}) {
        QVERIFY(substrate.bottom() < base.top());
        QVERIFY(base.top() - substrate.bottom() <= 8);
    }
    // Lambda has nothing on top, so it reaches up as far as the orchestrators do.
    QCOMPARE(explorer.scene.blockRects(lambda).constFirst().top(),
             explorer.scene.blockRects(ecs).constFirst().top());
}

void TestStackDiagram::clickingSelectsThroughTheState_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<CatalogItem>("expected");

    QTest::newRow("shared block") << "block ec2" << CatalogItem::service(ec2);
    QTest::newRow("second ecs block") << "block ecs 1" << CatalogItem::service(ecs);
    QTest::newRow("header") << "header lambda" << CatalogItem::option(lambda);
    QTest::newRow("cell") << "cell eks-fargate guest-os" << CatalogItem::option(eksFargate);
}

void TestStackDiagram::clickingSelectsThroughTheState()
{
    QFETCH(QString, what);
    QFETCH(CatalogItem, expected);
    Explorer explorer(*m_catalog, *m_prices);
    QVERIFY(QTest::qWaitForWindowExposed(&explorer.view));
    const QStringList words = what.split(u' ');
    QRectF target;
    if (words.at(0) == u"block")
        target = explorer.scene.blockRects(words.at(1)).value(words.value(2).toInt());
    else if (words.at(0) == u"header")
        target = explorer.scene.headerRect(words.at(1));
    else
        target = explorer.scene.cellRect(words.at(1), words.at(2));
    QVERIFY(!target.isNull());

    QSignalSpy changes(&explorer.state, &ui::ExplorerState::currentChanged);
    explorer.click(target.center());
    QCOMPARE(changes.size(), 1);
    QCOMPARE(explorer.state.current(), expected);
}

void TestStackDiagram::currentOptionOutlinesItsColumnAndStack()
{
    Explorer explorer(*m_catalog, *m_prices);
    const QColor selection = explorer.state.theme().selection();
    QCOMPARE(shareOf(rendered(explorer.scene, QStringLiteral("unselected")),
                     leftEdgeOf(explorer.scene, ecsFargate), selection, 40),
             0.0);

    explorer.state.setCurrent(CatalogItem::option(ecsFargate));
    for (const QString& option : explorer.scene.columnOrder())
        QCOMPARE(explorer.scene.columnMarks(option),
                 option == ecsFargate ? Marks(Mark::Selected) : Marks());
    QCOMPARE(explorer.scene.blockMarks(fargate), QList<Marks>{Mark::Selected});
    QCOMPARE(explorer.scene.blockMarks(ecs), (QList<Marks>{Marks(), Mark::Selected}));
    QCOMPARE(explorer.scene.blockMarks(ec2), QList<Marks>{Marks()});

    const QImage image = rendered(explorer.scene, QStringLiteral("selected-ecs-fargate"));
    QVERIFY(shareOf(image, leftEdgeOf(explorer.scene, ecsFargate), selection, 40) > 0.1);
    QCOMPARE(shareOf(image, leftEdgeOf(explorer.scene, eksFargate), selection, 40), 0.0);
}

void TestStackDiagram::currentServiceOrCategoryOutlinesItsBlocks()
{
    Explorer explorer(*m_catalog, *m_prices);
    explorer.state.setCurrent(CatalogItem::service(eks));
    QCOMPARE(explorer.scene.blockMarks(eks), (QList<Marks>{Mark::Selected, Mark::Selected}));
    QCOMPARE(explorer.scene.blockMarks(ecs), (QList<Marks>{Marks(), Marks()}));
    QCOMPARE(explorer.scene.columnMarks(eksEc2), Marks());

    // A category (selected in the tree) marks its services' blocks.
    explorer.state.setCurrent(CatalogItem::category(QStringLiteral("serverless")));
    QCOMPARE(explorer.scene.blockMarks(fargate), QList<Marks>{Mark::Selected});
    QCOMPARE(explorer.scene.blockMarks(lambda), QList<Marks>{Mark::Selected});
    QCOMPARE(explorer.scene.blockMarks(eks), (QList<Marks>{Marks(), Marks()}));

    explorer.state.setCurrent({});
    QCOMPARE(explorer.scene.blockMarks(fargate), QList<Marks>{Marks()});
}

void TestStackDiagram::hoveringFargateLightsBothFargateColumns()
{
    Explorer explorer(*m_catalog, *m_prices);
    explorer.state.setHoveredService(fargate);
    for (const QString& option : explorer.scene.columnOrder()) {
        const bool usesFargate = option == ecsFargate || option == eksFargate;
        QCOMPARE(explorer.scene.columnMarks(option), usesFargate ? Marks(Mark::Hovered) : Marks());
    }
    QCOMPARE(explorer.scene.blockMarks(fargate), QList<Marks>{Mark::Hovered});

    const QImage image = rendered(explorer.scene, QStringLiteral("hovered-fargate"));
    const QColor hover = explorer.state.theme().hover();
    QVERIFY(shareOf(image, leftEdgeOf(explorer.scene, ecsFargate), hover, 40) > 0.1);
    QVERIFY(shareOf(image, leftEdgeOf(explorer.scene, eksFargate), hover, 40) > 0.1);
    QCOMPARE(shareOf(image, leftEdgeOf(explorer.scene, eksEc2), hover, 40), 0.0);
}

void TestStackDiagram::pointerOverABlockSetsTheHoveredService()
{
    Explorer explorer(*m_catalog, *m_prices);
    QVERIFY(QTest::qWaitForWindowExposed(&explorer.view));
    const QRectF fargateBlock = explorer.scene.blockRects(fargate).constFirst();
    QTest::mouseMove(explorer.view.viewport(), explorer.viewPoint(fargateBlock.center()));
    QTRY_COMPARE(explorer.state.hoveredService(), fargate);
    QTest::mouseMove(explorer.view.viewport(),
                     explorer.viewPoint(explorer.scene.headerRect(lambda).center()));
    QTRY_COMPARE(explorer.state.hoveredService(), QString());
    // Leaving the view from a block ends the hover too.
    QTest::mouseMove(explorer.view.viewport(), explorer.viewPoint(fargateBlock.center()));
    QTRY_COMPARE(explorer.state.hoveredService(), fargate);
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(explorer.view.viewport(), &leave);
    QTRY_COMPARE(explorer.state.hoveredService(), QString());
}

void TestStackDiagram::arrowKeysWalkColumnsAndStacksAndEscapeClears()
{
    Explorer explorer(*m_catalog, *m_prices);
    explorer.view.setFocus();
    QVERIFY(explorer.view.focusPolicy() & Qt::TabFocus);
    auto press = [&](Qt::Key key) {
        QTest::keyClick(&explorer.view, key);
        return explorer.state.current();
    };
    QCOMPARE(press(Qt::Key_Right), CatalogItem::option(ec2));
    QCOMPARE(press(Qt::Key_Left), CatalogItem::option(ec2)); // stays at the edge
    QCOMPARE(press(Qt::Key_Right), CatalogItem::option(ecsEc2));
    QCOMPARE(press(Qt::Key_Down), CatalogItem::service(ecs));
    QCOMPARE(press(Qt::Key_Down), CatalogItem::service(ec2));
    QCOMPARE(press(Qt::Key_Down), CatalogItem::service(ec2)); // the bottom of the stack
    QCOMPARE(press(Qt::Key_Up), CatalogItem::service(ecs));
    QCOMPARE(press(Qt::Key_Up), CatalogItem::option(ecsEc2));
    QCOMPARE(press(Qt::Key_Up), CatalogItem::option(ecsEc2));
    // From a service, Left/Right go on from the column the walk was in.
    QCOMPARE(press(Qt::Key_Down), CatalogItem::service(ecs));
    QCOMPARE(press(Qt::Key_Right), CatalogItem::option(eksEc2));
    explorer.state.setCurrent(CatalogItem::option(lambda));
    QCOMPARE(press(Qt::Key_Right), CatalogItem::option(lambda));
    QCOMPARE(press(Qt::Key_Down), CatalogItem::service(lambda));
    QCOMPARE(press(Qt::Key_Left), CatalogItem::option(eksFargate));
    QCOMPARE(press(Qt::Key_Escape), CatalogItem());
    QCOMPARE(press(Qt::Key_Left), CatalogItem::option(lambda));
}

void TestStackDiagram::tooltipsExplainWhatIsUnderThePointer()
{
    Explorer explorer(*m_catalog, *m_prices);
    auto tooltipAt = [&](const QRectF& rect) {
        const QGraphicsItem* item = explorer.scene.itemAt(rect.center(), QTransform());
        return item ? item->toolTip() : QString();
    };
    QCOMPARE(tooltipAt(explorer.scene.cellRect(ecsFargate, QStringLiteral("guest-os"))),
             QStringLiteral("Guest OS in ECS on Fargate: AWS. ") +
                 m_catalog->responsibility(ecsFargate, QStringLiteral("guest-os"))->why);
    QCOMPARE(tooltipAt(explorer.scene.blockRects(fargate).constFirst()),
             m_catalog->service(fargate)->summary);
    QCOMPARE(tooltipAt(explorer.scene.headerRect(eksEc2)), m_catalog->option(eksEc2)->summary);
}

void TestStackDiagram::controlWheelZoomsAroundThePointer()
{
    Explorer explorer(*m_catalog, *m_prices, {800, 500});
    QVERIFY(QTest::qWaitForWindowExposed(&explorer.view));
    const qreal fitted = explorer.view.transform().m11();
    const QPointF anchor = explorer.scene.blockRects(fargate).constFirst().center();
    const QPoint pointer = explorer.viewPoint(anchor);
    auto wheel = [&](Qt::KeyboardModifiers modifiers) {
        QWheelEvent event(pointer, explorer.view.viewport()->mapToGlobal(pointer), {}, {0, 120},
                          Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
        QApplication::sendEvent(explorer.view.viewport(), &event);
    };
    wheel(Qt::NoModifier); // scrolls (nothing to scroll while fitted), never zooms
    QCOMPARE(explorer.view.transform().m11(), fitted);
    wheel(Qt::ControlModifier);
    QVERIFY(!explorer.view.isFitting());
    QVERIFY(explorer.view.transform().m11() > fitted * 1.2);
    const QPointF stillUnderPointer = explorer.view.mapToScene(pointer);
    QVERIFY2(
        QLineF(stillUnderPointer, anchor).length() < 3,
        qPrintable(QStringLiteral("%1,%2").arg(stillUnderPointer.x()).arg(stillUnderPointer.y())));
}

void TestStackDiagram::hidingResponsibilityShrinksTheScene()
{
    Explorer explorer(*m_catalog, *m_prices);
    const QRectF withBands = explorer.scene.sceneRect();
    const QString guestOs = QStringLiteral("guest-os");
    QVERIFY(!explorer.scene.cellRect(ec2, guestOs).isNull());
    QVERIFY(!explorer.scene.legendRect().isNull());
    QSignalSpy sceneRects(&explorer.scene, &QGraphicsScene::sceneRectChanged);

    explorer.state.setShowResponsibility(false);
    QCOMPARE(sceneRects.size(), 1);
    const QRectF withoutBands = explorer.scene.sceneRect();
    QCOMPARE(withoutBands.width(), withBands.width());
    QVERIFY(withoutBands.height() < withBands.height() * 0.7);
    QVERIFY(withoutBands.bottom() > explorer.scene.baseRect().bottom());
    QVERIFY(explorer.scene.cellRect(ec2, guestOs).isNull());
    QVERIFY(explorer.scene.legendRect().isNull());
    QCOMPARE(explorer.scene.columnRect(ec2).bottom(), explorer.scene.baseRect().bottom());
    for (const auto& label : explorer.scene.visibleLabels())
        QVERIFY2(withoutBands.contains(label.label.rect), qPrintable(label.label.text));
    const QImage image = rendered(explorer.scene, QStringLiteral("without-bands"));
    QCOMPARE(image.height(), qCeil(withoutBands.height()));

    explorer.state.setShowResponsibility(true);
    QCOMPARE(explorer.scene.sceneRect(), withBands);
    QVERIFY(!explorer.scene.cellRect(ec2, guestOs).isNull());
}

void TestStackDiagram::cellsShowWhoManagesThem_data()
{
    QTest::addColumn<ui::Theme::Kind>("theme");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("layer");
    QTest::addColumn<Responsibility>("who");

    for (const auto theme : {ui::Theme::Kind::Light, ui::Theme::Kind::Dark}) {
        const char* name = theme == ui::Theme::Kind::Light ? "light" : "dark";
        QTest::addRow("%s: ec2 guest os is yours", name)
            << theme << ec2 << QStringLiteral("guest-os") << Responsibility::Customer;
        QTest::addRow("%s: lambda guest os is AWS's", name)
            << theme << lambda << QStringLiteral("guest-os") << Responsibility::Aws;
        QTest::addRow("%s: fargate scaling is shared", name)
            << theme << ecsFargate << QStringLiteral("scaling") << Responsibility::Shared;
        QTest::addRow("%s: lambda has no container runtime", name)
            << theme << lambda << QStringLiteral("container-runtime") << Responsibility::None;
    }
}

void TestStackDiagram::cellsShowWhoManagesThem()
{
    QFETCH(ui::Theme::Kind, theme);
    QFETCH(QString, option);
    QFETCH(QString, layer);
    QFETCH(Responsibility, who);
    Explorer explorer(*m_catalog, *m_prices);
    explorer.state.setTheme(ui::Theme::ofKind(theme));
    const ui::ResponsibilityStyle style = explorer.state.theme().responsibility(who);
    const QImage image =
        rendered(explorer.scene, QStringLiteral("cells-") + explorer.state.theme().name());

    // Left of the centred label: only the fill and, for some, the pattern in the edge colour.
    const QRectF cell = explorer.scene.cellRect(option, layer);
    const QRectF beside(cell.left() + 4, cell.center().y() - 5, cell.width() / 4 - 4, 10);
    const double fillShare = shareOf(image, beside, style.fill);
    if (style.pattern == Qt::NoBrush) {
        QVERIFY2(fillShare > 0.95, qPrintable(QString::number(fillShare)));
    } else {
        QVERIFY2(fillShare > 0.4 && fillShare < 0.95, qPrintable(QString::number(fillShare)));
    }
    // The label is drawn in the style's text colour, so it reads without colour vision too.
    QVERIFY(shareOf(image, cell.adjusted(cell.width() / 3, 4, -cell.width() / 3, -4), style.text,
                    30) > 0.02);
    for (const auto other :
         {Responsibility::Aws, Responsibility::Customer, Responsibility::Shared}) {
        if (other != who)
            QCOMPARE(shareOf(image, beside, explorer.state.theme().responsibility(other).fill, 3),
                     0.0);
    }
}

// A view inside a window paints into the window's backing store, offset by its position:
// patterns drawn as device pixels must land in their cells, not that offset away.
void TestStackDiagram::patternsStayInTheirCellsInAViewInsideAWindow()
{
    ui::ExplorerState state(*m_catalog, *m_prices);
    diagram::StackDiagramScene scene(state);
    QWidget window;
    diagram::StackDiagramView view(&scene, &window);
    view.setGeometry(230, 90, 1200, 800);
    window.resize(1500, 950);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QImage image = window.grab().toImage();
    keepForReview(image, QStringLiteral("view-in-window"));

    const ui::Theme& theme = state.theme();
    const QPoint viewportOffset = view.viewport()->mapTo(&window, QPoint());
    const auto inWindow = [&](const QRectF& sceneRect) {
        return QRectF(view.mapFromScene(sceneRect).boundingRect()).translated(viewportOffset);
    };
    int probed = 0;
    for (QGraphicsItem* item : scene.items()) {
        const auto* cell = dynamic_cast<const diagram::ResponsibilityCellItem*>(item);
        if (!cell)
            continue;
        const ui::ResponsibilityStyle style = theme.responsibility(cell->who());
        const QRectF area = inWindow(cell->rect());
        const QRectF beside(area.left() + 4, area.center().y() - 4, area.width() / 4 - 4, 8);
        const double fillShare = shareOf(image, beside, style.fill);
        const QString where = cell->target().id + u' ' + QString::number(fillShare);
        if (style.pattern == Qt::NoBrush)
            QVERIFY2(fillShare > 0.95, qPrintable(where));
        else
            QVERIFY2(fillShare > 0.3 && fillShare < 0.95, qPrintable(where));
        ++probed;
    }
    QVERIFY(probed > 40);
}

void TestStackDiagram::themeChangeRestylesTheBackground()
{
    Explorer explorer(*m_catalog, *m_prices);
    explorer.state.setTheme(ui::Theme::dark());
    QCOMPARE(explorer.scene.backgroundBrush().color(), ui::Theme::dark().background());
    const QImage image = rendered(explorer.scene, QStringLiteral("dark"));
    QCOMPARE(image.pixelColor(2, 2), ui::Theme::dark().background());
    explorer.state.setTheme(ui::Theme::light());
    QCOMPARE(rendered(explorer.scene, QStringLiteral("light")).pixelColor(2, 2),
             ui::Theme::light().background());
}

void TestStackDiagram::highlightsOnlyLayersManagedDifferently()
{
    Explorer explorer(*m_catalog, *m_prices);
    const ui::Theme& theme = explorer.state.theme();
    QCOMPARE(explorer.scene.highlightedLayers(), QStringList());
    QCOMPARE(shareOf(rendered(explorer.scene, QStringLiteral("not-highlighted")),
                     bandLabelArea(explorer.scene, QStringLiteral("guest-os")), theme.difference()),
             0.0);

    // Across all six options: the layers not everyone leaves to the same manager, bottom to top.
    QStringList differing;
    QStringList same;
    for (const Layer& layer : m_catalog->layers()) {
        const auto whoManages = [&](const DeploymentOption& option) {
            return m_catalog->responsibility(option.id, layer.id)->who;
        };
        const Responsibility first = whoManages(m_catalog->options().constFirst());
        const bool differs = std::any_of(
            m_catalog->options().cbegin(), m_catalog->options().cend(),
            [&](const DeploymentOption& option) { return whoManages(option) != first; });
        (differs ? differing : same).append(layer.id);
    }
    QVERIFY(!differing.isEmpty());
    QVERIFY2(same.contains(QStringLiteral("hardware")), qPrintable(same.join(u',')));
    QVERIFY(differing.contains(QStringLiteral("guest-os")));

    explorer.scene.setHighlightDifferences(true);
    QCOMPARE(explorer.scene.highlightedLayers(), differing);
    // Drawn: the highlight behind the names of the differing layers only.
    const QImage image = rendered(explorer.scene, QStringLiteral("highlighted"));
    for (const QString& layer : differing) {
        const double share =
            shareOf(image, bandLabelArea(explorer.scene, layer), theme.difference());
        QVERIFY2(share > 0.4, qPrintable(layer + u' ' + QString::number(share)));
    }
    for (const QString& layer : same)
        QCOMPARE(shareOf(image, bandLabelArea(explorer.scene, layer), theme.difference()), 0.0);
    // Setting it again changes nothing.
    explorer.scene.setHighlightDifferences(true);
    QCOMPARE(explorer.scene.highlightedLayers(), differing);

    explorer.scene.setHighlightDifferences(false);
    QCOMPARE(explorer.scene.highlightedLayers(), QStringList());
    QCOMPARE(shareOf(rendered(explorer.scene, QStringLiteral("highlight-off")),
                     bandLabelArea(explorer.scene, QStringLiteral("guest-os")), theme.difference()),
             0.0);
}

void TestStackDiagram::verifyLabelsAreClear(const diagram::StackDiagramScene& scene)
{
    const auto labels = scene.visibleLabels();
    QVERIFY(labels.size() > 20);
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const auto& label = labels.at(i);
        QVERIFY2(!label.label.rect.isEmpty(), qPrintable(label.label.text));
        // Half a pixel of slack for rounding; no more.
        QVERIFY2(label.itemRect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(label.label.rect),
                 qPrintable(label.label.text));
        QVERIFY2(scene.sceneRect().contains(label.label.rect), qPrintable(label.label.text));
        for (qsizetype j = i + 1; j < labels.size(); ++j) {
            const auto& other = labels.at(j);
            QVERIFY2(!label.label.rect.intersects(other.label.rect),
                     qPrintable(label.label.text + QStringLiteral(" / ") + other.label.text));
        }
    }
}

void TestStackDiagram::labelsNeverOverlapAndStayInTheirItems()
{
    Explorer explorer(*m_catalog, *m_prices);
    verifyLabelsAreClear(explorer.scene);
    explorer.state.setShowResponsibility(false);
    verifyLabelsAreClear(explorer.scene);
}

void TestStackDiagram::threeLevelStackLaysOutWithoutOverlaps()
{
    // Fargate running on EC2: ECS and EKS on Fargate now stand three services high.
    QJsonObject json = test::resourceJson(QStringLiteral("catalog.json"));
    test::setJsonAt(json, QStringLiteral("services[3].runsOn"), QJsonArray{ec2});
    const QString path = test::writeJsonFile(m_dir.filePath(QStringLiteral("three.json")), json);
    QVERIFY(!path.isEmpty());
    const Catalog catalog = Catalog::load(path);
    QCOMPARE(catalog.option(ecsFargate)->stack, (QStringList{ecs, fargate, ec2}));

    Explorer explorer(catalog, *m_prices);
    QCOMPARE(explorer.scene.columnOrder().size(), catalog.options().size());
    const QRectF ec2Block = explorer.scene.blockRects(ec2).constFirst();
    QCOMPARE(ec2Block.left(), explorer.scene.columnRect(ec2).left());
    QCOMPARE(ec2Block.right(), explorer.scene.columnRect(eksFargate).right());
    const QRectF fargateBlock = explorer.scene.blockRects(fargate).constFirst();
    QCOMPARE(fargateBlock.left(), explorer.scene.columnRect(ecsFargate).left());
    QVERIFY(fargateBlock.bottom() < ec2Block.top());
    QVERIFY(explorer.scene.blockRects(ecs).constLast().bottom() < fargateBlock.top());
    verifyLabelsAreClear(explorer.scene);
    rendered(explorer.scene, QStringLiteral("three-levels"));
}

void TestStackDiagram::viewFitsTheSceneUntilZoomed()
{
    for (const QSize size : {QSize(1500, 1100), QSize(1800, 1000)}) {
        Explorer explorer(*m_catalog, *m_prices, size);
        QVERIFY(QTest::qWaitForWindowExposed(&explorer.view));
        const QRectF shown =
            explorer.view.mapToScene(explorer.view.viewport()->rect()).boundingRect();
        QVERIFY(shown.contains(explorer.scene.sceneRect()));
        // Fitted: the scene fills the view in one direction.
        QVERIFY(shown.width() < explorer.scene.sceneRect().width() * 1.05 ||
                shown.height() < explorer.scene.sceneRect().height() * 1.05);
        keepForReview(explorer.view.grab().toImage(),
                      QStringLiteral("view-%1x%2").arg(size.width()).arg(size.height()));
    }

    Explorer explorer(*m_catalog, *m_prices, {1500, 1100});
    QVERIFY(explorer.view.isFitting());
    const qreal fitted = explorer.view.transform().m11();
    explorer.view.zoomIn();
    QVERIFY(!explorer.view.isFitting());
    QVERIFY(explorer.view.transform().m11() > fitted);
    explorer.view.resize(1600, 1150); // stays zoomed
    QVERIFY(explorer.view.transform().m11() > fitted * 1.2);
    QTest::keyClick(&explorer.view, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(explorer.view.isFitting());
    explorer.view.zoomOut();
    QVERIFY(explorer.view.transform().m11() < fitted * 1.2);
    explorer.view.resetZoom();
    explorer.state.setShowResponsibility(false);
    // Fitting the smaller scene zooms in.
    QVERIFY(explorer.view.transform().m11() > fitted);
}

// The sizes the centre of the window gets in 1024×700, 1280×800 and 1920×1200 windows.
void TestStackDiagram::fitKeepsTheSmallestTextReadable_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1024x700") << QSize(500, 380);
    QTest::newRow("1280x800") << QSize(640, 440);
    QTest::newRow("1920x1200") << QSize(1100, 640);
}

void TestStackDiagram::fitKeepsTheSmallestTextReadable()
{
    QFETCH(QSize, size);
    Explorer explorer(*m_catalog, *m_prices, size);
    QVERIFY(QTest::qWaitForWindowExposed(&explorer.view));
    QVERIFY(explorer.view.isFitting());
    const qreal scale = explorer.view.transform().m11();
    // The smallest font is the detail lines' and the costs': 11 px at 100 %.
    const diagram::DiagramFonts fonts = diagram::DiagramFonts::standard();
    QCOMPARE(explorer.scene.fonts().smallestPixelSize(), fonts.detail.pixelSize());
    QVERIFY2(fonts.detail.pixelSize() * scale >= 9 - 1e-9, qPrintable(QString::number(scale)));
    // No smaller than it must be: either the whole scene is in sight, or the text is at 9 px.
    const QRectF shown = explorer.view.mapToScene(explorer.view.viewport()->rect()).boundingRect();
    QVERIFY(shown.contains(explorer.scene.sceneRect()) ||
            qFuzzyCompare(fonts.detail.pixelSize() * scale, 9));
    // The smallest label's line on screen is taller still.
    qreal smallestLine = std::numeric_limits<qreal>::max();
    for (const auto& label : explorer.scene.visibleLabels())
        smallestLine = std::min(smallestLine, label.label.rect.height());
    QVERIFY(smallestLine * scale >= 9);
    // Ctrl+0 fits to the same scale.
    explorer.view.zoomIn();
    QTest::keyClick(&explorer.view, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(explorer.view.transform().m11(), scale);
    keepForReview(explorer.view.grab().toImage(),
                  QStringLiteral("fit-%1x%2").arg(size.width()).arg(size.height()));
}

void TestStackDiagram::fitAtTheReadableScaleKeepsTheCurrentColumnInSight()
{
    Explorer explorer(*m_catalog, *m_prices, {640, 440});
    QVERIFY(QTest::qWaitForWindowExposed(&explorer.view));
    QCOMPARE(explorer.view.transform().m11(), explorer.view.readableScale());
    QVERIFY(explorer.view.horizontalScrollBar()->isVisible());
    const auto inSight = [&explorer](const QString& option) {
        const QRect column =
            explorer.view.mapFromScene(explorer.scene.columnRect(option)).boundingRect();
        const QRect viewport = explorer.view.viewport()->rect();
        return column.left() >= viewport.left() && column.right() <= viewport.right();
    };
    // Fitted at the start: the first column, not the last.
    QVERIFY(inSight(explorer.scene.columnOrder().constFirst()));
    QVERIFY(!inSight(lambda));
    // Selecting the last column scrolls to it, clear of the frozen layer names.
    explorer.state.setCurrent(CatalogItem::option(lambda));
    QVERIFY(inSight(lambda));
    keepForReview(explorer.view.grab().toImage(), QStringLiteral("fit-current-column"));
    explorer.view.horizontalScrollBar()->setValue(0);
    QVERIFY(!inSight(lambda));
    QTest::keyClick(&explorer.view, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(inSight(lambda));
    // A resize at the readable scale keeps where the user scrolled.
    explorer.view.verticalScrollBar()->setValue(explorer.view.verticalScrollBar()->maximum());
    const int scrolled = explorer.view.verticalScrollBar()->value();
    explorer.view.resize(660, 440);
    QCOMPARE(explorer.view.verticalScrollBar()->value(), scrolled);
}

void TestStackDiagram::zoomedInTheHeadingsStayInSight()
{
    for (const ui::Theme::Kind kind : {ui::Theme::Kind::Light, ui::Theme::Kind::Dark}) {
        Explorer explorer(*m_catalog, *m_prices, {640, 440});
        explorer.state.setTheme(ui::Theme::ofKind(kind));
        QVERIFY(QTest::qWaitForWindowExposed(&explorer.view));
        QVERIFY(explorer.view.frozenHeadingRects().isEmpty()); // fitted at the start
        explorer.view.zoomIn();
        explorer.view.zoomIn();
        QScrollBar* horizontal = explorer.view.horizontalScrollBar();
        QScrollBar* vertical = explorer.view.verticalScrollBar();
        horizontal->setValue(horizontal->maximum());
        vertical->setValue(vertical->maximum() * 3 / 4); // among the layers' rows
        const QHash<QString, QRect> frozen = explorer.view.frozenHeadingRects();
        const QImage image = explorer.view.viewport()->grab().toImage();
        keepForReview(image, QStringLiteral("zoomed-frozen-%1").arg(int(kind)));
        const QRect viewport = explorer.view.viewport()->rect();
        const ui::Theme& theme = explorer.state.theme();

        int rowsInSight = 0;
        for (const Layer& layer : m_catalog->layers()) {
            QVERIFY2(frozen.contains(layer.id), qPrintable(layer.id));
            const QRect band =
                explorer.view.mapFromScene(bandRect(explorer.scene, layer.id)).boundingRect();
            const QRect label = frozen.value(layer.id);
            QCOMPARE(label.top(), band.top()); // level with its row
            QVERIFY(label.left() >= 0 && label.left() < 10);
            const QRect shownLabel = label & viewport;
            // Below the frozen headers, each row in sight shows its name on the band's colour.
            if (shownLabel.top() < frozen.value(lambda).bottom() + 10 || shownLabel.height() < 10)
                continue;
            ++rowsInSight;
            QVERIFY2(shareOf(image, shownLabel, theme.surface()) > 0.6, qPrintable(layer.id));
            const QRect nameStart = shownLabel.adjusted(0, 0, -shownLabel.width() / 2, 0);
            QVERIFY2(shareOf(image, nameStart, theme.text(), 60) > 0.02, qPrintable(layer.id));
        }
        QVERIFY(rowsInSight >= 3);

        int columnsInSight = 0;
        const int namesRight = frozen.value(m_catalog->layers().constFirst().id).right();
        for (const QString& option : explorer.scene.columnOrder()) {
            QVERIFY2(frozen.contains(option), qPrintable(option));
            const QRect header = frozen.value(option);
            QVERIFY(header.top() >= 0 && header.top() < 10);
            const QRect shownHeader = header & viewport;
            if (shownHeader.left() < namesRight || shownHeader.width() < 20)
                continue;
            ++columnsInSight;
            // The header's own surface, not the cells scrolled beneath it.
            QVERIFY2(shareOf(image, shownHeader.adjusted(4, 4, -4, -8), theme.surface()) > 0.6,
                     qPrintable(option));
            QVERIFY2(shareOf(image, shownHeader, theme.text(), 60) > 0.02, qPrintable(option));
        }
        QVERIFY(columnsInSight >= 1);

        // Back at the start, every heading is in its own place.
        horizontal->setValue(0);
        vertical->setValue(0);
        QVERIFY(explorer.view.frozenHeadingRects().isEmpty());
    }
}

void TestStackDiagram::frozenHeadersAreClickable()
{
    Explorer explorer(*m_catalog, *m_prices, {640, 440});
    QVERIFY(QTest::qWaitForWindowExposed(&explorer.view));
    explorer.view.zoomIn();
    explorer.view.horizontalScrollBar()->setValue(explorer.view.horizontalScrollBar()->maximum());
    explorer.view.verticalScrollBar()->setValue(explorer.view.verticalScrollBar()->maximum());
    const QRect header = explorer.view.frozenHeadingRects().value(lambda);
    QVERIFY(explorer.view.viewport()->rect().contains(header.center()));
    // The tooltip is the header's, not that of the cell scrolled beneath it.
    QHelpEvent help(QEvent::ToolTip, header.center(),
                    explorer.view.viewport()->mapToGlobal(header.center()));
    QApplication::sendEvent(explorer.view.viewport(), &help);
    QTRY_COMPARE(QToolTip::text(), m_catalog->option(lambda)->summary);
    QTest::mouseClick(explorer.view.viewport(), Qt::LeftButton, {}, header.center());
    QCOMPARE(explorer.state.current(), CatalogItem::option(lambda));
    // The frozen copy shows the header's new mark: its accent takes the selection's colour.
    const QImage image = explorer.view.viewport()->grab().toImage();
    const QRect accent(header.left() + 10, header.bottom() - 2, header.width() - 20, 2);
    QVERIFY(shareOf(image, accent, explorer.state.theme().selection(), 30) > 0.8);
    // The layer names pass clicks on to their band, which selects nothing.
    const QRect name = explorer.view.frozenHeadingRects().value(QStringLiteral("guest-os"));
    QVERIFY(explorer.view.viewport()->rect().contains(name.center()));
    QTest::mouseClick(explorer.view.viewport(), Qt::LeftButton, {}, name.center());
    QCOMPARE(explorer.state.current(), CatalogItem::option(lambda));
}

void TestStackDiagram::frozenHeadingsNeverCoverHalfTheView()
{
    Explorer explorer(*m_catalog, *m_prices, {640, 440});
    QVERIFY(QTest::qWaitForWindowExposed(&explorer.view));
    for (int step = 0; step < 12; ++step) // to the largest zoom
        explorer.view.zoomIn();
    explorer.view.verticalScrollBar()->setValue(explorer.view.verticalScrollBar()->maximum() / 2);
    explorer.view.horizontalScrollBar()->setValue(explorer.view.horizontalScrollBar()->maximum());
    QVERIFY(explorer.view.frozenHeadingRects().isEmpty());
    // Selecting still scrolls the column into sight, with nothing frozen to keep clear of.
    explorer.state.setCurrent(CatalogItem::option(ec2));
    const QRect column = explorer.view.mapFromScene(explorer.scene.columnRect(ec2)).boundingRect();
    QVERIFY(column.intersects(explorer.view.viewport()->rect()));
    QVERIFY(column.left() >= 0);
}

void TestStackDiagram::theAdvisorRingsTheBestOptionAndFadesExcludedOnes()
{
    Explorer explorer(*m_catalog, *m_prices);
    const ui::Theme& theme = explorer.state.theme();
    // The ring runs along a header's edge; a faded header's surface is lighter than its own.
    const auto ringArea = [&explorer](const QString& optionId) {
        const QRectF header = explorer.scene.headerRect(optionId);
        return QRectF(header.center().x() - 10, header.top(), 20, 3);
    };
    const auto surfaceArea = [&explorer](const QString& optionId) {
        const QRectF header = explorer.scene.headerRect(optionId);
        return QRectF(header.left() + 4, header.center().y() - 2, 4, 4);
    };
    const QImage before = rendered(explorer.scene, QStringLiteral("advice-none"));
    QCOMPARE(shareOf(before, ringArea(lambda), theme.recommended(), 40), 0.0);

    // A GPU: Lambda and both Fargate options excluded; Lambda was the cheapest, now an option
    // on EC2 instances is the best.
    Answers answers;
    answers.set(QStringLiteral("gpu"), true);
    explorer.state.setAnswers(answers);
    const QString best = explorer.state.advice().top()->optionId;
    QVERIFY(best == ec2 || best == ecsEc2 || best == eksEc2);
    const QImage advised = rendered(explorer.scene, QStringLiteral("advice-gpu"));
    QVERIFY2(shareOf(advised, ringArea(best), theme.recommended(), 40) > 0.3, qPrintable(best));
    for (const QString& excluded : {lambda, ecsFargate, eksFargate}) {
        QCOMPARE(shareOf(advised, ringArea(excluded), theme.recommended(), 40), 0.0);
        const QColor was = before.pixelColor(surfaceArea(excluded).center().toPoint());
        const QColor faded = advised.pixelColor(surfaceArea(excluded).center().toPoint());
        const auto distanceToBackground = [&theme](const QColor& color) {
            const QColor background = theme.background();
            return std::abs(color.red() - background.red()) +
                   std::abs(color.green() - background.green()) +
                   std::abs(color.blue() - background.blue()) +
                   std::abs(color.alpha() - background.alpha());
        };
        QVERIFY2(distanceToBackground(faded) < distanceToBackground(was), qPrintable(excluded));
    }
    // Without answers the marks go.
    explorer.state.setAnswers(Answers());
    QCOMPARE(rendered(explorer.scene, QStringLiteral("advice-cleared")), before);
}

void TestStackDiagram::headersShowEachOptionsMonthlyCost()
{
    Explorer explorer(*m_catalog, *m_prices);
    const auto labelIn = [&explorer](const QRectF& area, const QString& suffix) {
        for (const auto& label : explorer.scene.visibleLabels()) {
            if (area.contains(label.label.rect) && label.label.text.endsWith(suffix))
                return label.label.text;
        }
        return QString();
    };
    // The default workload (3M image resizes): Lambda's estimate, $2.73.
    const QRectF lambdaHeader = explorer.scene.headerRect(QStringLiteral("lambda"));
    const auto total = [this](const QString& option, const Workload& workload) {
        return *estimateMonthlyTotal(*m_catalog->option(option), workload, *m_prices);
    };
    QCOMPARE(labelIn(lambdaHeader, QStringLiteral(" / month")),
             money(total(QStringLiteral("lambda"), Workload()), QStringLiteral("USD")) +
                 QStringLiteral(" / month"));
    QCOMPARE(labelIn(lambdaHeader, QStringLiteral(" / month")), QStringLiteral("$2.73 / month"));

    // A 20-minute job: Lambda cannot run it; the others get new totals.
    Workload batch =
        Workload::load(QStringLiteral(ACE_SOURCE_DIR "/resources/presets/nightly-batch.json"));
    explorer.state.setWorkload(batch);
    QCOMPARE(labelIn(lambdaHeader, QStringLiteral("feasible")), QStringLiteral("not feasible"));
    QCOMPARE(labelIn(explorer.scene.headerRect(ecsFargate), QStringLiteral(" / month")),
             money(total(ecsFargate, batch), QStringLiteral("USD")) + QStringLiteral(" / month"));
    verifyLabelsAreClear(explorer.scene);
}

QTEST_MAIN(TestStackDiagram)
#include "tst_stackdiagram.moc"
