// The cost charts: what they plot agrees with the cost model and the break-even search, they
// follow the shared state (workload, selection, theme), and what they draw is checked by pixel
// probes on charts rendered without a window.
#include "catalog/catalog.h"
#include "charts/chartstyle.h"
#include "charts/costbreakdownchart.h"
#include "charts/costcurvechart.h"
#include "cost/breakeven.h"
#include "cost/costmodel.h"
#include "cost/quantitytext.h"
#include "optionids.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsTextItem>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

#include <cmath>
#include <memory>

using namespace ace;

Q_DECLARE_METATYPE(ace::Workload)
using namespace ace::test::optionids;
using charts::CostBreakdownChart;
using charts::CostBreakdownChartView;
using charts::CostCurveChart;
using charts::CostCurveChartView;

namespace {

// A preset as it was in version 1 (compute alone), frozen in tests/data so that the numbers
// these tests pin stay those of the hand checks whatever the shipped presets become.
Workload preset(const QString& id)
{
    return Workload::load(QStringLiteral(ACE_SOURCE_DIR "/tests/data/version1-presets/") + id +
                          QStringLiteral(".json"));
}

// Lambda, then ECS on Fargate, then EC2 as the volume grows: two break-evens.
Workload alwaysOnApi()
{
    return preset(QStringLiteral("always-on-api"));
}

// Lambda stops an invocation after 15 minutes: infeasible at every volume.
Workload twentyMinuteJobs()
{
    Workload workload = alwaysOnApi();
    workload.avgDurationMs = 20 * 60 * 1000;
    return workload;
}

// Saves images for a person to look at when ACE_TEST_IMAGE_DIR names a folder.
void keepForReview(const QImage& image, const QString& name)
{
    const QString folder = qEnvironmentVariable("ACE_TEST_IMAGE_DIR");
    if (!folder.isEmpty())
        image.save(folder + u'/' + name + QStringLiteral(".png"));
}

template <typename Chart>
QImage rendered(ui::ExplorerState& state, QSize size, const QString& name)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    Chart::renderTo(state, painter, QRectF(QPointF(), QSizeF(size)));
    painter.end();
    keepForReview(image, name);
    return image;
}

bool near(QColor a, QColor b, int tolerance = 12)
{
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

// Whether a pixel within `radius` of `point` has `color`: lines are antialiased and a pixel
// centre may sit half a pixel off.
bool hasColorNear(const QImage& image, QPointF point, const QColor& color, int radius = 1)
{
    const QPoint centre = point.toPoint();
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint probe = centre + QPoint(dx, dy);
            if (image.rect().contains(probe) && near(image.pixelColor(probe), color))
                return true;
        }
    }
    return false;
}

// The height of a step curve at `x`: that of the last point at or left of it (at a step, the
// point after the riser).
// The value a curve's polyline draws at `x`: on a step, the value after it.
qreal curveValueAt(const QList<QPointF>& points, qreal x)
{
    qreal value = points.constFirst().y();
    for (qsizetype i = 1; i < points.size(); ++i) {
        const QPointF& from = points.at(i - 1);
        const QPointF& to = points.at(i);
        if (from.x() <= x && x <= to.x()) {
            value = from.x() == to.x()
                        ? to.y()
                        : from.y() + (x - from.x()) / (to.x() - from.x()) * (to.y() - from.y());
        }
    }
    return value;
}

QStringList legendLabels(const charts::StateChart& plot)
{
    QStringList labels;
    for (const charts::LegendEntry& entry : plot.chartLegend()->entries())
        labels.append(entry.label);
    return labels;
}

bool legendClearOfPlot(const charts::StateChart& plot)
{
    const charts::ChartLegend* legend = plot.chartLegend();
    return !legend->mapRectToParent(legend->boundingRect()).intersects(plot.plotArea());
}

// Every legend entry has a label and a place of its own inside the chart.
void verifyLegendIsWhole(const charts::StateChart& plot, const QString& step)
{
    const QList<QRectF> rects = plot.chartLegend()->entryRects();
    QCOMPARE(rects.size(), plot.chartLegend()->entries().size());
    const QRectF chartRect(QPointF(), plot.size());
    for (qsizetype i = 0; i < rects.size(); ++i) {
        const QString what = step + QStringLiteral(": entry %1").arg(i);
        QVERIFY2(!plot.chartLegend()->entries().at(i).label.isEmpty(), qPrintable(what));
        const QRectF placed = plot.chartLegend()->mapRectToParent(rects.at(i));
        QVERIFY2(chartRect.contains(placed), qPrintable(what));
        QVERIFY2(!placed.intersects(plot.plotArea()), qPrintable(what));
        for (qsizetype j = 0; j < i; ++j)
            QVERIFY2(!rects.at(j).intersects(rects.at(i)), qPrintable(what));
    }
}

// Labels shown over the curve chart, each inside the plot and clear of the others.
void verifyLabelsApart(const CostCurveChart& plot, const QString& what)
{
    QList<charts::ChartLabel*> labels = plot.breakEvenLabels() + plot.nearTieLabels();
    labels.append(plot.workloadLabel());
    QList<QRectF> placed;
    for (const charts::ChartLabel* label : std::as_const(labels)) {
        if (!label->isVisible())
            continue;
        const QRectF rect = label->placedRect();
        QVERIFY2(plot.plotArea().contains(rect), qPrintable(what + u' ' + label->text()));
        for (const QRectF& other : std::as_const(placed))
            QVERIFY2(!other.intersects(rect), qPrintable(what + u' ' + label->text()));
        placed.append(rect);
    }
}

// The text of every Qt Charts text item in the scene: axis labels and titles.
QStringList axisTexts(const QGraphicsScene& scene, const QGraphicsItem* except)
{
    QStringList texts;
    for (const QGraphicsItem* item : scene.items()) {
        const auto* text = dynamic_cast<const QGraphicsTextItem*>(item);
        if (text && text != except && text->isVisible())
            texts.append(text->toPlainText());
    }
    return texts;
}

} // namespace

class TestCostCharts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void hasOneCurvePerFeasibleOption();
    void listsOptionsThatAreNeverFeasible();
    void curvesAreFewPointsThroughTheModelsValues_data();
    void curvesAreFewPointsThroughTheModelsValues();
    void infeasibleStretchesAreGaps();
    void breakEvenMarkersSitAtTheCrossings();
    void breakEvenIsInTheLegendOnlyWithBreakEvens();
    void aNarrowChartPutsOnlyALongLegendBesideIt();
    void workloadMarkerFollowsTheWorkload();
    void aNewVolumeAloneLeavesTheCurvesAlone();
    void clickingACurveSelectsItsOption();
    void currentOptionsCurveIsThicker();
    void hoveringReadsOutEveryOption();
    void themeChangeRecoloursTheChart();
    void renderedCurveHasTheOptionsColour();

    void barsStackEachOptionsLineItems();
    void discountsStackLeftOfZeroInGrey();
    void infeasibleBarIsEmptyWithItsReason();
    void clickingABarSelectsItsOption();
    void barsFollowTheWorkload();
    void renderedBarHasItsPartsColour();

    void rendersEveryPresetInBothThemesAndSizes();

    void legendStaysWholeAsSeriesComeAndGo();
    void breakdownLegendStaysWholeAfterArm64();
    void legendShowsEachCurvesPenInCatalogOrder();
    void seriesColoursAreDistinctWithOneGreen();
    void alternationsAreOneNearTieBand_data();
    void alternationsAreOneNearTieBand();
    void labelsStayApartInsideThePlot_data();
    void labelsStayApartInsideThePlot();
    void aCleanCrossingsLabelLeavesTheCurvesClear();
    void workloadLabelSaysWhenItIsOffTheAxis();
    void freeTierIsSaidToBeOnTheFloor();
    void everyInfeasibleOptionIsNamedInFull();
    void topAxisLabelClearsTheNote();
    void noAxisLabelIsCutAtDockSizes_data();
    void noAxisLabelIsCutAtDockSizes();

private:
    std::unique_ptr<ui::ExplorerState> newState(const Workload& workload) const
    {
        auto state = std::make_unique<ui::ExplorerState>(*m_catalog, *m_prices);
        state->setWorkload(workload);
        return state;
    }

    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<PriceBook> m_prices;
};

void TestCostCharts::initTestCase()
{
    m_catalog = std::make_unique<Catalog>(Catalog::loadBuiltIn());
    m_prices = std::make_unique<PriceBook>(PriceBook::loadBuiltIn());
}

void TestCostCharts::hasOneCurvePerFeasibleOption()
{
    const auto state = newState(alwaysOnApi());
    CostCurveChart plot(*state);
    for (const DeploymentOption& option : m_catalog->options())
        QCOMPARE(plot.curvesOf(option.id).size(), 1);
    QCOMPARE(plot.curves().size(), m_catalog->options().size());
    QVERIFY(!plot.note()->isVisible());
}

void TestCostCharts::listsOptionsThatAreNeverFeasible()
{
    const auto state = newState(twentyMinuteJobs());
    CostCurveChart plot(*state);
    QVERIFY(plot.curvesOf(lambda).isEmpty());
    QCOMPARE(plot.curves().size(), m_catalog->options().size() - 1);
    QCOMPARE(plot.note()->toPlainText(),
             QStringLiteral("Not feasible at any volume: Lambda functions"));
    QVERIFY2(plot.note()->toolTip().contains(QStringLiteral("900")),
             qPrintable(plot.note()->toolTip()));

    state->setWorkload(alwaysOnApi()); // and back, on the same chart objects
    QCOMPARE(plot.curvesOf(lambda).size(), 1);
    QVERIFY(!plot.note()->isVisible());
}

void TestCostCharts::curvesAreFewPointsThroughTheModelsValues_data()
{
    QTest::addColumn<Workload>("workload");
    QTest::newRow("always-on API") << alwaysOnApi();
    // Per-request charges on top of capacity steps: sloped steps.
    Workload behindLoadBalancer = alwaysOnApi();
    behindLoadBalancer.requestPath.defaultDoor = RequestDoor::Alb;
    behindLoadBalancer.traffic.avgResponseKb = 20;
    QTest::newRow("behind a load balancer, data out") << behindLoadBalancer;
    Workload fixedFleet = alwaysOnApi();
    fixedFleet.instance.count = 2;
    QTest::newRow("fixed fleet") << fixedFleet;
}

void TestCostCharts::curvesAreFewPointsThroughTheModelsValues()
{
    QFETCH(Workload, workload);
    const auto state = newState(workload);
    CostCurveChart plot(*state);
    const CostCurveModel& model = plot.model();
    for (const DeploymentOption& option : m_catalog->options()) {
        const QList<QLineSeries*> curves = plot.curvesOf(option.id);
        QVERIFY(!curves.isEmpty());
        // Dozens of points (the samples were 500, a step two), however many capacity steps.
        qsizetype drawn = 0;
        for (const QLineSeries* curve : curves)
            drawn += curve->count();
        QVERIFY2(drawn <= 150, qPrintable(QStringLiteral("%1: %2").arg(option.id).arg(drawn)));
        Workload atVolume = workload;
        for (const QLineSeries* curve : curves) {
            const QList<QPointF> points = curve->points();
            // A rise steeper than any charge grows is a capacity step, drawn as a step.
            for (qsizetype i = 1; i < points.size(); ++i) {
                const QPointF from = points.at(i - 1);
                const QPointF to = points.at(i);
                QVERIFY2(from.x() == to.x() ||
                             std::abs(to.y() - from.y()) <= 1.5 * (to.x() - from.x()) + 1e-9,
                         qPrintable(QStringLiteral("%1 point %2").arg(option.id).arg(i)));
            }
            // Every volume of the sweep, priced by the cost model, is on the curve: within a
            // fraction of a pixel on the log axis.
            for (int row = 0; row < model.rowCount(); ++row) {
                atVolume.requestsPerMonth = model.requestsAt(row);
                const std::optional<double> total =
                    estimateMonthlyTotal(option, atVolume, *m_prices);
                const QPointF sample =
                    plot.plotPointOf(atVolume.requestsPerMonth, total.value_or(0));
                if (!total || sample.x() < points.constFirst().x() ||
                    sample.x() > points.constLast().x()) {
                    continue; // another stretch's
                }
                QVERIFY2(std::abs(curveValueAt(points, sample.x()) - sample.y()) <= 0.0021,
                         qPrintable(QStringLiteral("%1 at %2 requests: %3 drawn at %4")
                                        .arg(option.id)
                                        .arg(atVolume.requestsPerMonth)
                                        .arg(sample.y())
                                        .arg(curveValueAt(points, sample.x()))));
            }
        }
    }
}

void TestCostCharts::infeasibleStretchesAreGaps()
{
    // Two fixed instances hold the tasks only up to some volume; above it ECS on EC2 is
    // infeasible.
    Workload fixedFleet = alwaysOnApi();
    fixedFleet.instance.count = 2;
    const auto state = newState(fixedFleet);
    CostCurveChart plot(*state);
    const QList<QLineSeries*> curves = plot.curvesOf(ecsEc2);
    QCOMPARE(curves.size(), 1);
    const double lastDrawn = curves.constFirst()->points().constLast().x();
    QVERIFY(lastDrawn < std::log10(mostRequestsPerMonth));
    const int firstInfeasible = plot.model().rowAtOrBelow(std::pow(10.0, lastDrawn)) + 1;
    QVERIFY(!plot.model().totalAt(firstInfeasible, ecsEc2));
}

void TestCostCharts::breakEvenMarkersSitAtTheCrossings()
{
    const auto state = newState(alwaysOnApi());
    CostCurveChart plot(*state);
    plot.layOut({900, 500});
    const QList<Crossing> crossings = findBreakEvens(*m_catalog, alwaysOnApi(), *m_prices);
    QCOMPARE(crossings.size(), 2);
    QCOMPARE(plot.breakEvenMarkers()->count(), crossings.size());
    QCOMPARE(plot.breakEvenLabels().size(), crossings.size());
    for (qsizetype i = 0; i < crossings.size(); ++i) {
        Workload atCrossing = alwaysOnApi();
        atCrossing.requestsPerMonth = double(crossings.at(i).requestsPerMonth);
        const double total = *estimateMonthlyTotal(
            *m_catalog->option(crossings.at(i).cheapestAbove), atCrossing, *m_prices);
        QCOMPARE(plot.breakEvenMarkers()->at(int(i)),
                 plot.plotPointOf(atCrossing.requestsPerMonth, total));
        QCOMPARE(plot.breakEvenLabels().at(i)->text(), plot.model().breakEvens().at(i).label);
        QVERIFY(plot.breakEvenLabels().at(i)->isVisible());
    }
    QCOMPARE(plot.breakEvenLabels().constFirst()->text(),
             QStringLiteral("Lambda functions → ECS on Fargate at 69.6M requests/month"));
}

void TestCostCharts::breakEvenIsInTheLegendOnlyWithBreakEvens()
{
    const auto legendShowsBreakEven = [](CostCurveChart& plot) {
        return legendLabels(plot).contains(QStringLiteral("Break-even"));
    };
    const auto state = newState(alwaysOnApi());
    CostCurveChart plot(*state);
    plot.layOut({900, 500});
    QVERIFY(!plot.model().breakEvens().isEmpty());
    QVERIFY(legendShowsBreakEven(plot));

    // One option alone never changes places with another.
    const Catalog lambdaOnly = m_catalog->withOnlyOptions({lambda});
    ui::ExplorerState lambdaState(lambdaOnly, *m_prices);
    lambdaState.setWorkload(alwaysOnApi());
    CostCurveChart lambdaPlot(lambdaState);
    lambdaPlot.layOut({900, 500});
    QVERIFY(lambdaPlot.model().breakEvens().isEmpty());
    QVERIFY(!legendShowsBreakEven(lambdaPlot));
}

void TestCostCharts::aNarrowChartPutsOnlyALongLegendBesideIt()
{
    const auto state = newState(alwaysOnApi());
    CostCurveChart all(*state);
    all.layOut({500, 300});
    QVERIFY(all.isLegendBeside());
    QVERIFY(all.chartLegend()->pos().x() > all.plotArea().right());
    all.layOut({900, 500});
    QVERIFY(!all.isLegendBeside());
    QVERIFY(all.chartLegend()->pos().y() > all.plotArea().bottom());

    // Two options (as compared) have a short legend, which fits under a narrow chart.
    const Catalog pair = m_catalog->withOnlyOptions({lambda, ecsFargate});
    ui::ExplorerState pairState(pair, *m_prices);
    pairState.setWorkload(alwaysOnApi());
    CostCurveChart two(pairState);
    two.layOut({500, 300});
    QVERIFY(!two.isLegendBeside());
}

void TestCostCharts::workloadMarkerFollowsTheWorkload()
{
    const auto state = newState(alwaysOnApi());
    CostCurveChartView chart(*state);
    QCOMPARE(chart.chart()->workloadMarker()->at(0).x(), std::log10(50e6));
    Workload busier = alwaysOnApi();
    busier.requestsPerMonth = 2e9;
    state->setWorkload(busier);
    QCOMPARE(chart.chart()->workloadMarker()->at(0).x(), std::log10(2e9));
    QCOMPARE(chart.chart()->workloadMarker()->at(1).x(), std::log10(2e9));
}

void TestCostCharts::aNewVolumeAloneLeavesTheCurvesAlone()
{
    // Replacing a curve's points repaints the whole plot: dragging the requests slider moves
    // the workload's marker and nothing else.
    const auto state = newState(alwaysOnApi());
    CostCurveChartView chart(*state);
    QLineSeries* curve = chart.chart()->curvesOf(lambda).constFirst();
    const QList<QPointF> before = curve->points();
    QSignalSpy replaced(curve, &QXYSeries::pointsReplaced);
    QSignalSpy markerMoved(chart.chart()->workloadMarker(), &QXYSeries::pointsReplaced);
    Workload busier = alwaysOnApi();
    busier.requestsPerMonth = 2e9;
    state->setWorkload(busier);
    QCOMPARE(markerMoved.count(), 1);
    QCOMPARE(replaced.count(), 0);
    QCOMPARE(curve->points(), before);

    // A longer duration costs more at every volume: the curves follow.
    Workload slower = busier;
    slower.avgDurationMs *= 4;
    state->setWorkload(slower);
    QCOMPARE(replaced.count(), 1);
    QVERIFY(curve->points() != before);
}

void TestCostCharts::clickingACurveSelectsItsOption()
{
    const auto state = newState(alwaysOnApi());
    CostCurveChartView chart(*state);
    chart.resize(900, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QSignalSpy selected(state.get(), &ui::ExplorerState::currentChanged);
    // Below the first break-even Lambda is the cheapest, so nothing is drawn over it there.
    CostCurveChart* plot = chart.chart();
    const double requests = 1e6;
    Workload atVolume = alwaysOnApi();
    atVolume.requestsPerMonth = plot->model().requestsAt(plot->model().rowAtOrBelow(requests));
    const double total = *estimateMonthlyTotal(*m_catalog->option(lambda), atVolume, *m_prices);
    const QPointF onCurve = plot->mapToScene(plot->positionOf(atVolume.requestsPerMonth, total));
    QTest::mouseClick(chart.viewport(), Qt::LeftButton, {}, chart.mapFromScene(onCurve));
    QTRY_COMPARE(selected.count(), 1);
    QCOMPARE(state->current(), CatalogItem::option(lambda));

    plot->selectOption(ecsFargate);
    QCOMPARE(state->current(), CatalogItem::option(ecsFargate));
}

void TestCostCharts::currentOptionsCurveIsThicker()
{
    const auto state = newState(alwaysOnApi());
    CostCurveChart plot(*state);
    const qreal usual = plot.curvesOf(lambda).constFirst()->pen().widthF();
    state->setCurrent(CatalogItem::option(lambda));
    QVERIFY(plot.curvesOf(lambda).constFirst()->pen().widthF() > usual);
    QCOMPARE(plot.curvesOf(ec2).constFirst()->pen().widthF(), usual);
    state->setCurrent(CatalogItem::option(ec2));
    QCOMPARE(plot.curvesOf(lambda).constFirst()->pen().widthF(), usual);
}

void TestCostCharts::hoveringReadsOutEveryOption()
{
    const auto state = newState(alwaysOnApi());
    CostCurveChart plot(*state);
    const int row = plot.model().rowAtOrBelow(3e6);
    Workload atVolume = alwaysOnApi();
    atVolume.requestsPerMonth = plot.model().requestsAt(row);
    const QStringList lines = plot.readOutText(3e6).split(u'\n');
    QCOMPARE(lines.size(), 1 + m_catalog->options().size());
    QCOMPARE(lines.constFirst(),
             groupedNumber(atVolume.requestsPerMonth) + QStringLiteral(" requests/month"));
    // Catalog order, each with the model's total; Lambda is the cheapest at 3M.
    for (qsizetype i = 0; i < m_catalog->options().size(); ++i) {
        const DeploymentOption& option = m_catalog->options().at(i);
        const double total = *estimateMonthlyTotal(option, atVolume, *m_prices);
        const QString expected = option.name + QStringLiteral(": ") +
                                 money(total, QStringLiteral("USD")) +
                                 (option.id == lambda ? QStringLiteral(" (cheapest)") : QString());
        QCOMPARE(lines.at(i + 1), expected);
    }

    const auto longJobs = newState(twentyMinuteJobs());
    CostCurveChart infeasible(*longJobs);
    QVERIFY(infeasible.readOutText(1e6).contains(QStringLiteral("Lambda functions: not feasible")));

    // Moving the pointer over the plot shows the read-out of the volume under it.
    CostCurveChartView chart(*state);
    chart.resize(900, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    CostCurveChart* shown = chart.chart();
    const QPointF inPlot = shown->mapToScene(
        shown->mapToPosition(QPointF(std::log10(3e6), 0), shown->breakEvenMarkers()));
    QTest::mouseMove(chart.viewport(), chart.mapFromScene(inPlot));
    QTRY_VERIFY(QToolTip::isVisible());
    const double requestsThere = std::pow(
        10.0, shown->mapToValue(shown->mapFromScene(inPlot), shown->breakEvenMarkers()).x());
    QCOMPARE(QToolTip::text(), shown->readOutText(requestsThere));

    // On a break-even marker, that break-even; in a near tie, the tie first.
    const QPointF marker =
        shown->mapToPosition(shown->breakEvenMarkers()->at(0), shown->breakEvenMarkers());
    QVERIFY2(shown->toolTipAt(marker).startsWith(shown->model().breakEvens().at(0).label),
             qPrintable(shown->toolTipAt(marker)));
    state->setWorkload(preset(QStringLiteral("kubernetes-microservices")));
    const QPointF inTie = shown->positionOf(1e9, 1);
    QVERIFY2(shown->toolTipAt(inTie).startsWith(QStringLiteral("Near tie: EC2 instances and ECS")),
             qPrintable(shown->toolTipAt(inTie)));
    QVERIFY(shown->toolTipAt(inTie).endsWith(shown->readOutText(1e9)));
}

void TestCostCharts::themeChangeRecoloursTheChart()
{
    const auto state = newState(alwaysOnApi());
    CostCurveChartView curves(*state);
    CostBreakdownChartView bars(*state);
    for (QChartView* view : {static_cast<QChartView*>(&curves), static_cast<QChartView*>(&bars)})
        view->resize(600, 400);
    const QPoint corner(3, 3);
    QCOMPARE(curves.grab().toImage().pixelColor(corner), ui::Theme::light().background());
    QCOMPARE(bars.grab().toImage().pixelColor(corner), ui::Theme::light().background());
    state->setTheme(ui::Theme::dark());
    QCOMPARE(curves.grab().toImage().pixelColor(corner), ui::Theme::dark().background());
    QCOMPARE(bars.grab().toImage().pixelColor(corner), ui::Theme::dark().background());
    QCOMPARE(curves.chart()->curvesOf(lambda).constFirst()->pen().color(),
             charts::optionColor(ui::Theme::dark(), *m_catalog, lambda));
}

void TestCostCharts::renderedCurveHasTheOptionsColour()
{
    const QSize size(900, 500);
    for (const ui::Theme& theme : {ui::Theme::light(), ui::Theme::dark()}) {
        const auto state = newState(alwaysOnApi());
        state->setTheme(theme);
        const QImage image = rendered<CostCurveChartView>(
            *state, size, QStringLiteral("curve-probe-") + theme.name());
        // Where the chart draws Lambda's cost at 1M requests, laid out at the same size.
        CostCurveChart plot(*state);
        plot.layOut(size);
        const int row = plot.model().rowAtOrBelow(1e6);
        const double requests = plot.model().requestsAt(row);
        const QPointF point = plot.positionOf(requests, *plot.model().totalAt(row, lambda));
        QVERIFY2(hasColorNear(image, point, charts::optionColor(theme, *m_catalog, lambda)),
                 qPrintable(theme.name()));
        QCOMPARE(image.pixelColor(2, 2), theme.background());
    }
}

void TestCostCharts::barsStackEachOptionsLineItems()
{
    const auto state = newState(alwaysOnApi());
    CostBreakdownChart plot(*state);
    const QList<Estimate> estimates = estimateAll(*m_catalog, alwaysOnApi(), *m_prices);
    for (int row = 0; row < estimates.size(); ++row) {
        double stacked = 0;
        for (int kind = 0; kind < lineItemKindCount; ++kind)
            stacked += plot.barSetOf(static_cast<LineItemKind>(kind))->at(plot.barOf(row));
        const double total = *estimates.at(row).monthlyTotal;
        QVERIFY(std::abs(stacked - total) <= 1e-9 * std::max(1.0, total));
        QCOMPARE(plot.totalLabels().at(row)->text(), money(total, QStringLiteral("USD")));
    }
    const int ec2Row = 0;
    QCOMPARE(plot.barSetOf(LineItemKind::Compute)->at(plot.barOf(ec2Row)),
             *estimates.at(ec2Row).monthlyTotal);
}

void TestCostCharts::discountsStackLeftOfZeroInGrey()
{
    // Savings Plans and Spot on every family, a load balancer and data transfer.
    const Workload wholeBill =
        Workload::load(QStringLiteral(ACE_SOURCE_DIR "/tests/data/http-api-whole-bill.json"));
    const auto state = newState(wholeBill);
    CostBreakdownChart plot(*state);
    plot.layOut({900, 500});
    const CostBreakdownModel& model = plot.model();
    int discounted = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const double discount = model.amount(row, LineItemKind::Discount);
        QCOMPARE(plot.barSetOf(LineItemKind::Discount)->at(plot.barOf(row)), discount);
        double charges = 0;
        for (int kind = 0; kind < lineItemKindCount; ++kind)
            charges += std::max(0.0, model.amount(row, static_cast<LineItemKind>(kind)));
        const double total = *model.estimates().at(row).monthlyTotal;
        QVERIFY(std::abs(charges + discount - total) <= 1e-9 * total);
        // The label sits past the bar's charges and says what is left after the discount.
        const QPointF barEnd = plot.mapToPosition(QPointF(charges, plot.barOf(row)), plot.bars());
        charts::ChartLabel* label = plot.totalLabels().at(row);
        QVERIFY(label->placedRect().left() > barEnd.x());
        if (discount < 0) {
            ++discounted;
            QCOMPARE(label->text(), money(total, QStringLiteral("USD")) + QStringLiteral(" net"));
            // Left of zero, on the plot.
            const QPointF discountEnd =
                plot.mapToPosition(QPointF(discount, plot.barOf(row)), plot.bars());
            const QPointF zero = plot.mapToPosition(QPointF(0, plot.barOf(row)), plot.bars());
            QVERIFY(discountEnd.x() < zero.x());
            QVERIFY(discountEnd.x() >= plot.plotArea().left());
        }
    }
    QVERIFY(discounted >= 4); // EC2 and its orchestrators, ECS on Fargate, Lambda
    // Grey, unlike every charge's hue.
    const QColor grey = plot.barSetOf(LineItemKind::Discount)->color();
    QVERIFY(grey.hslSaturation() < 40);
    for (int kind = 0; kind < lineItemKindCount; ++kind) {
        if (static_cast<LineItemKind>(kind) != LineItemKind::Discount)
            QVERIFY(plot.barSetOf(static_cast<LineItemKind>(kind))->color().hslSaturation() > 80);
    }
}

void TestCostCharts::infeasibleBarIsEmptyWithItsReason()
{
    const auto state = newState(twentyMinuteJobs());
    CostBreakdownChart plot(*state);
    const int lambdaRow = int(m_catalog->options().size()) - 1;
    for (int kind = 0; kind < lineItemKindCount; ++kind)
        QCOMPARE(plot.barSetOf(static_cast<LineItemKind>(kind))->at(plot.barOf(lambdaRow)), 0.0);
    QCOMPARE(plot.totalLabels().at(lambdaRow)->text(), QStringLiteral("not feasible"));
    QVERIFY(plot.totalLabels().at(lambdaRow)->toolTip().startsWith(
        QStringLiteral("Lambda functions is not feasible: ")));
    QVERIFY(plot.toolTipText(lambdaRow, LineItemKind::Duration).contains(QStringLiteral("900")));
}

void TestCostCharts::clickingABarSelectsItsOption()
{
    const auto state = newState(alwaysOnApi());
    CostBreakdownChartView chart(*state);
    chart.resize(900, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    CostBreakdownChart* plot = chart.chart();
    const int ecsFargateRow = 3;
    const double total = *plot->model().estimates().at(ecsFargateRow).monthlyTotal;
    const QPointF middle = plot->mapToScene(
        plot->mapToPosition(QPointF(total / 2, plot->barOf(ecsFargateRow)), plot->bars()));
    QTest::mouseClick(chart.viewport(), Qt::LeftButton, {}, chart.mapFromScene(middle));
    QTRY_COMPARE(state->current(), CatalogItem::option(ecsFargate));
}

void TestCostCharts::barsFollowTheWorkload()
{
    const auto state = newState(alwaysOnApi());
    CostBreakdownChartView chart(*state);
    Workload busier = alwaysOnApi();
    busier.requestsPerMonth = 3e9;
    state->setWorkload(busier);
    const QList<Estimate> estimates = estimateAll(*m_catalog, busier, *m_prices);
    const int lambdaRow = int(estimates.size()) - 1;
    QCOMPARE(chart.chart()->barSetOf(LineItemKind::Duration)->at(chart.chart()->barOf(lambdaRow)),
             chart.chart()->model().amount(lambdaRow, LineItemKind::Duration));
    QCOMPARE(chart.chart()->totalLabels().at(lambdaRow)->toolTip(),
             money(*estimates.at(lambdaRow).monthlyTotal, QStringLiteral("USD")));
}

void TestCostCharts::renderedBarHasItsPartsColour()
{
    const QSize size(900, 500);
    const auto state = newState(alwaysOnApi());
    const QImage image =
        rendered<CostBreakdownChartView>(*state, size, QStringLiteral("bars-probe"));
    CostBreakdownChart plot(*state);
    plot.layOut(size);
    const int ec2Row = 0;
    const double total = *plot.model().estimates().at(ec2Row).monthlyTotal;
    const QPointF middle = plot.mapToPosition(QPointF(total / 2, plot.barOf(ec2Row)), plot.bars());
    QVERIFY(hasColorNear(image, middle, plot.barSetOf(LineItemKind::Compute)->color(), 0));
}

void TestCostCharts::rendersEveryPresetInBothThemesAndSizes()
{
    // Every preset in both themes at a large and a small size draws a chart (not an empty
    // or blank image); with ACE_TEST_IMAGE_DIR set the images are kept for a person to look at.
    for (const WorkloadPreset& workloadPreset : builtInWorkloadPresets()) {
        for (const ui::Theme& theme : {ui::Theme::light(), ui::Theme::dark()}) {
            const auto state = newState(Workload::load(workloadPreset.path));
            state->setTheme(theme);
            state->setCurrent(CatalogItem::option(ecsFargate));
            for (QSize size : {QSize(900, 500), QSize(500, 300)}) {
                const QString suffix = QStringLiteral("-%1-%2-%3x%4")
                                           .arg(workloadPreset.id, theme.name())
                                           .arg(size.width())
                                           .arg(size.height());
                for (const QImage& image :
                     {rendered<CostCurveChartView>(*state, size, QStringLiteral("curve") + suffix),
                      rendered<CostBreakdownChartView>(*state, size,
                                                       QStringLiteral("bars") + suffix)}) {
                    QSet<QRgb> colours;
                    for (int y = 0; y < image.height(); y += 3) {
                        for (int x = 0; x < image.width(); x += 3)
                            colours.insert(image.pixel(x, y));
                    }
                    // Text, grid, curves or bars in several colours, over the background.
                    QVERIFY2(colours.size() > 20, qPrintable(suffix));
                }
            }
        }
    }
}

void TestCostCharts::legendStaysWholeAsSeriesComeAndGo()
{
    // Shown first with no break-even or near tie, then workloads that add them and take them
    // away again, in the order a user might pick presets.
    const auto state = newState(Workload());
    CostCurveChartView chart(*state);
    chart.resize(1100, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QStringList steps = {QStringLiteral("always-on-api"),
                               QStringLiteral("kubernetes-microservices"),
                               QStringLiteral("nightly-batch"), QStringLiteral("image-resize"),
                               QStringLiteral("always-on-api")};
    for (const QString& step : steps) {
        state->setWorkload(preset(step));
        for (QSize size : {QSize(1100, 400), QSize(560, 250)}) {
            chart.resize(size);
            QTRY_COMPARE(chart.chart()->size(), QSizeF(size));
            // The chart lays itself out again once the event loop runs.
            QTRY_VERIFY(legendClearOfPlot(*chart.chart()));
            verifyLegendIsWhole(*chart.chart(), step);
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(legendLabels(*chart.chart()).contains(QStringLiteral("Break-even")),
                 !chart.chart()->model().breakEvens().isEmpty());
        QCOMPARE(legendLabels(*chart.chart()).contains(QStringLiteral("Near tie")),
                 !chart.chart()->model().nearTies().isEmpty());
    }
    QVERIFY(legendLabels(*chart.chart()).contains(QStringLiteral("Break-even")));
}

void TestCostCharts::breakdownLegendStaysWholeAfterArm64()
{
    // The tab first opened while arm64 rules out the instance options and both EKS options,
    // then x86_64 again: "Control plane" comes back, with its label.
    Workload arm = alwaysOnApi();
    arm.architecture = Architecture::Arm64;
    const auto state = newState(arm);
    CostBreakdownChartView chart(*state);
    chart.resize(560, 250);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QVERIFY(!legendLabels(*chart.chart()).contains(QStringLiteral("Control plane")));
    state->setWorkload(alwaysOnApi());
    for (QSize size : {QSize(560, 250), QSize(1100, 400)}) {
        chart.resize(size);
        QTRY_COMPARE(chart.chart()->size(), QSizeF(size));
        QTRY_VERIFY(legendClearOfPlot(*chart.chart()));
        const QStringList labels = legendLabels(*chart.chart());
        QVERIFY2(labels.contains(QStringLiteral("Compute")), qPrintable(labels.join(u',')));
        QVERIFY2(labels.contains(QStringLiteral("Control plane")), qPrintable(labels.join(u',')));
        verifyLegendIsWhole(*chart.chart(), QStringLiteral("x86_64"));
        if (QTest::currentTestFailed())
            return;
    }
}

void TestCostCharts::legendShowsEachCurvesPenInCatalogOrder()
{
    for (const QString& presetId :
         {QStringLiteral("always-on-api"), QStringLiteral("kubernetes-microservices")}) {
        const auto state = newState(preset(presetId));
        CostCurveChart plot(*state);
        plot.layOut({900, 500});
        const QList<charts::LegendEntry>& entries = plot.chartLegend()->entries();
        QVERIFY(entries.size() >= m_catalog->options().size());
        QStringList patterns;
        for (qsizetype i = 0; i < m_catalog->options().size(); ++i) {
            const DeploymentOption& option = m_catalog->options().at(i);
            const charts::LegendEntry& entry = entries.at(i);
            QVERIFY2(entry.label.startsWith(option.name), qPrintable(entry.label));
            QCOMPARE(entry.sample, charts::LegendEntry::Sample::Line);
            const QPen curvePen = plot.curvesOf(option.id).constFirst()->pen();
            QCOMPARE(entry.pen.color(), curvePen.color());
            QCOMPARE(entry.pen.dashPattern(), curvePen.dashPattern());
            patterns.append(QString::number(entry.pen.dashPattern().size()));
        }
        // Solid, dashed and dotted lines, not colour alone.
        QVERIFY(QSet<QString>(patterns.cbegin(), patterns.cend()).size() >= 2);
    }
}

void TestCostCharts::seriesColoursAreDistinctWithOneGreen()
{
    for (const ui::Theme& theme : {ui::Theme::light(), ui::Theme::dark()}) {
        int greens = 0;
        QList<QColor> colours;
        for (const DeploymentOption& option : m_catalog->options()) {
            const QColor colour = charts::optionColor(theme, *m_catalog, option.id);
            const int hue = colour.hslHue();
            greens += hue >= 90 && hue <= 190 ? 1 : 0;
            for (const QColor& other : std::as_const(colours)) {
                const int distance = std::abs(colour.red() - other.red()) +
                                     std::abs(colour.green() - other.green()) +
                                     std::abs(colour.blue() - other.blue());
                QVERIFY2(distance > 75, qPrintable(theme.name() + u' ' + option.id));
            }
            colours.append(colour);
            // Readable on the background: clearly lighter or darker than it.
            QVERIFY2(std::abs(colour.lightness() - theme.background().lightness()) > 60,
                     qPrintable(theme.name() + u' ' + option.id));
        }
        QCOMPARE(greens, 1);
    }
}

void TestCostCharts::alternationsAreOneNearTieBand_data()
{
    QTest::addColumn<Workload>("workload");
    QTest::addColumn<int>("lastingChanges");
    Workload thousandSeconds;
    thousandSeconds.avgDurationMs = 1'000'000;
    QTest::newRow("kubernetes microservices")
        << preset(QStringLiteral("kubernetes-microservices")) << 2;
    QTest::newRow("1000 s requests") << thousandSeconds << 0;
}

void TestCostCharts::alternationsAreOneNearTieBand()
{
    QFETCH(Workload, workload);
    QFETCH(int, lastingChanges);
    const auto state = newState(workload);
    CostCurveChart plot(*state);
    plot.layOut({900, 500});
    QCOMPARE(plot.breakEvenMarkers()->count(), lastingChanges);
    QCOMPARE(plot.nearTieBands().size(), 1);
    QCOMPARE(plot.nearTieLabels().size(), 1);
    const NearTieRange& range = plot.model().nearTies().constFirst();
    const QRectF band = plot.nearTieBands().constFirst()->rect();
    const double from = plot.positionOf(double(range.tie.fromRequestsPerMonth), 1).x();
    const double to = plot.positionOf(double(range.tie.toRequestsPerMonth), 1).x();
    QVERIFY(std::abs(band.left() - from) < 3 && std::abs(band.right() - to) < 3);
    QVERIFY(plot.nearTieLabels().constFirst()->isVisible());
    QVERIFY(plot.nearTieLabels().constFirst()->text().startsWith(QStringLiteral("near tie")));
    QVERIFY2(plot.nearTieLabels().constFirst()->toolTip().contains(
                 QStringLiteral("EC2 instances and ECS on Fargate take turns as the cheapest")),
             qPrintable(plot.nearTieLabels().constFirst()->toolTip()));
    QVERIFY(plot.toolTipAt(band.center()).startsWith(QStringLiteral("Near tie: ")));
}

void TestCostCharts::labelsStayApartInsideThePlot_data()
{
    QTest::addColumn<Workload>("workload");
    QTest::addColumn<QSize>("size");
    Workload thousandSeconds;
    thousandSeconds.avgDurationMs = 1'000'000;
    for (const WorkloadPreset& workloadPreset : builtInWorkloadPresets()) {
        for (QSize size : {QSize(1100, 400), QSize(560, 250), QSize(1200, 520)}) {
            QTest::addRow("%s %dx%d", qPrintable(workloadPreset.id), size.width(), size.height())
                << Workload::load(workloadPreset.path) << size;
        }
    }
    QTest::newRow("1000 s requests") << thousandSeconds << QSize(560, 250);
}

void TestCostCharts::labelsStayApartInsideThePlot()
{
    QFETCH(Workload, workload);
    QFETCH(QSize, size);
    const auto state = newState(workload);
    CostCurveChart plot(*state);
    plot.layOut(size);
    verifyLabelsApart(plot, QStringLiteral("labels"));
    // A label next to its own marker: within a few lines of it.
    for (qsizetype i = 0; i < plot.breakEvenLabels().size(); ++i) {
        const charts::ChartLabel* label = plot.breakEvenLabels().at(i);
        if (!label->isVisible())
            continue;
        const QPointF marker =
            plot.mapToPosition(plot.breakEvenMarkers()->at(int(i)), plot.breakEvenMarkers());
        const QRectF near = label->placedRect().adjusted(-10, -4 * label->placedRect().height(), 10,
                                                         4 * label->placedRect().height());
        QVERIFY2(near.contains(marker), qPrintable(label->text()));
    }
}

void TestCostCharts::aCleanCrossingsLabelLeavesTheCurvesClear()
{
    // Two break-evens with room around them: their labels and the workload's are placed where
    // no curve runs, never on a plate over the data.
    const auto state = newState(alwaysOnApi());
    CostCurveChart plot(*state);
    plot.layOut({1200, 520});
    const QList<QLineF> segments = plot.curveSegments();
    QVERIFY(segments.size() > 10);
    QList<charts::ChartLabel*> labels = plot.breakEvenLabels();
    labels.append(plot.workloadLabel());
    for (const charts::ChartLabel* label : std::as_const(labels)) {
        QVERIFY2(label->isVisible(), qPrintable(label->text()));
        const QRectF rect = label->placedRect();
        for (const QLineF& segment : segments) {
            // Every pixel of the segment (sloped ones too) is outside the label.
            const int steps = std::max(1, int(std::ceil(segment.length())));
            for (int step = 0; step <= steps; ++step) {
                QVERIFY2(!rect.contains(segment.pointAt(double(step) / steps)),
                         qPrintable(label->text()));
            }
        }
    }
}

void TestCostCharts::workloadLabelSaysWhenItIsOffTheAxis()
{
    // The nightly batch job runs 30 times a month, below the axis's 1,000.
    const auto state = newState(preset(QStringLiteral("nightly-batch")));
    CostCurveChart plot(*state);
    plot.layOut({900, 500});
    QCOMPARE(plot.workloadLabel()->text(),
             QStringLiteral("This workload: 30 requests/month (below the chart)"));
    QCOMPARE(plot.workloadMarker()->at(0).x(), 3.0);
    // A narrow plot has no room for all of it; it still says where the volume is.
    plot.layOut({360, 300});
    QVERIFY(plot.workloadLabel()->isVisible());
    QCOMPARE(plot.workloadLabel()->text(), QStringLiteral("30 requests/month (below the chart)"));
    plot.layOut({900, 500});
    Workload busiest = alwaysOnApi();
    busiest.requestsPerMonth = 5e10;
    state->setWorkload(busiest);
    QCOMPARE(plot.workloadLabel()->text(),
             QStringLiteral("This workload: 50B requests/month (above the chart)"));
    state->setWorkload(alwaysOnApi());
    QCOMPARE(plot.workloadLabel()->text(), QStringLiteral("This workload: 50M requests/month"));
}

void TestCostCharts::freeTierIsSaidToBeOnTheFloor()
{
    // Lambda costs $0 within the free tier: drawn on the axis's floor, which says "≤", and
    // the legend says up to where.
    const auto state = newState(preset(QStringLiteral("image-resize")));
    CostCurveChart plot(*state);
    plot.layOut({900, 500});
    const QStringList ticks = plot.amountAxis()->categoriesLabels();
    QVERIFY2(ticks.constFirst().startsWith(QStringLiteral("≤$")), qPrintable(ticks.join(u',')));
    const QStringList labels = legendLabels(plot);
    const qsizetype lambdaEntry = m_catalog->options().size() - 1;
    QVERIFY2(labels.at(lambdaEntry).startsWith(QStringLiteral("Lambda functions ($0 up to ")),
             qPrintable(labels.at(lambdaEntry)));
    QVERIFY(plot.chartLegend()
                ->entries()
                .at(lambdaEntry)
                .toolTip.contains(QStringLiteral("free tier")));

    // The nightly batch job costs from $0.96: nothing is below the floor.
    state->setWorkload(preset(QStringLiteral("nightly-batch")));
    QVERIFY(!plot.amountAxis()->categoriesLabels().constFirst().startsWith(u'≤'));
    QVERIFY(legendLabels(plot).filter(QStringLiteral("$0")).isEmpty());
}

void TestCostCharts::everyInfeasibleOptionIsNamedInFull()
{
    // arm64 rules out the four options on m5.large (x86_64) or EKS on Fargate.
    Workload arm = alwaysOnApi();
    arm.architecture = Architecture::Arm64;
    const auto state = newState(arm);
    CostCurveChart curves(*state);
    curves.layOut({560, 250});
    const QString note = curves.note()->toPlainText();
    for (const QString& name : {QStringLiteral("EC2 instances"), QStringLiteral("ECS on EC2"),
                                QStringLiteral("EKS on EC2"), QStringLiteral("EKS on Fargate")}) {
        QVERIFY2(note.contains(name), qPrintable(note));
        QVERIFY2(curves.note()->toolTip().contains(name + QStringLiteral(": ")),
                 qPrintable(curves.note()->toolTip()));
    }
    QVERIFY(!note.contains(QStringLiteral("…")) && !note.contains(QStringLiteral("...")));
    // Wrapped to the chart, not cut.
    QVERIFY(curves.note()->boundingRect().width() <= 560);
    QVERIFY(curves.note()->boundingRect().height() >
            1.5 * QFontMetricsF(curves.note()->font()).height());

    CostBreakdownChart bars(*state);
    bars.layOut({560, 250});
    const int ec2Row = 0;
    const charts::ChartLabel* label = bars.totalLabels().at(ec2Row);
    QCOMPARE(label->text(), QStringLiteral("not feasible"));
    QVERIFY2(label->toolTip().contains(QStringLiteral("x86_64")), qPrintable(label->toolTip()));
    QVERIFY(QRectF(QPointF(), bars.size()).contains(label->placedRect()));
}

void TestCostCharts::topAxisLabelClearsTheNote()
{
    Workload arm = alwaysOnApi();
    arm.architecture = Architecture::Arm64;
    const auto state = newState(arm);
    for (QSize size : {QSize(560, 250), QSize(1100, 400)}) {
        CostCurveChart plot(*state);
        plot.layOut(size);
        QVERIFY(plot.note()->isVisible());
        // The top label is centred on the plot's top edge.
        const qreal labelTop =
            plot.plotArea().top() - QFontMetricsF(plot.amountAxis()->labelsFont()).height() / 2;
        QVERIFY2(plot.note()->mapRectToParent(plot.note()->boundingRect()).bottom() <= labelTop,
                 qPrintable(QStringLiteral("%1x%2").arg(size.width()).arg(size.height())));
    }
}

void TestCostCharts::noAxisLabelIsCutAtDockSizes_data()
{
    // The Costs dock's chart in 1024×700 and 1920×1080 windows.
    QTest::addColumn<Workload>("workload");
    QTest::addColumn<QSize>("size");
    const QList<QSize> sizes = {QSize(560, 250), QSize(1100, 400), QSize(630, 200)};
    for (const WorkloadPreset& workloadPreset : builtInWorkloadPresets()) {
        for (QSize size : sizes) {
            QTest::addRow("%s %dx%d", qPrintable(workloadPreset.id), size.width(), size.height())
                << Workload::load(workloadPreset.path) << size;
        }
    }
    // arm64: a note of infeasible options above the plot leaves it shorter still.
    Workload arm;
    arm.architecture = Architecture::Arm64;
    for (QSize size : sizes)
        QTest::addRow("arm64 %dx%d", size.width(), size.height()) << arm << size;
}

void TestCostCharts::noAxisLabelIsCutAtDockSizes()
{
    QFETCH(Workload, workload);
    QFETCH(QSize, size);
    const auto state = newState(workload);
    for (const bool breakdown : {false, true}) {
        QGraphicsScene scene;
        std::unique_ptr<charts::StateChart> plot;
        if (breakdown)
            plot = std::make_unique<CostBreakdownChart>(*state);
        else
            plot = std::make_unique<CostCurveChart>(*state);
        scene.addItem(plot.get());
        plot->layOut(size);
        const QStringList texts = axisTexts(scene, plot->note());
        QVERIFY(texts.size() > 5);
        for (const QString& text : texts) {
            QVERIFY2(!text.contains(QStringLiteral("...")) && !text.contains(u'…'),
                     qPrintable(texts.join(u',')));
        }
        scene.removeItem(plot.get());
    }
}

QTEST_MAIN(TestCostCharts)
#include "tst_costcharts.moc"
