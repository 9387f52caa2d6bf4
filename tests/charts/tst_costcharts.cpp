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
#include "ui/explorerstate.h"

#include <QBarSet>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>

using namespace ace;
using namespace ace::test::optionids;
using charts::CostBreakdownChart;
using charts::CostBreakdownPlot;
using charts::CostCurveChart;
using charts::CostCurvePlot;

namespace {

Workload preset(const QString& id)
{
    return Workload::load(QStringLiteral(ACE_SOURCE_DIR "/resources/presets/") + id +
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
qreal stepValueAt(const QList<QPointF>& points, qreal x)
{
    qreal value = points.constFirst().y();
    for (const QPointF& point : points) {
        if (point.x() > x)
            break;
        value = point.y();
    }
    return value;
}

} // namespace

class TestCostCharts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void hasOneCurvePerFeasibleOption();
    void listsOptionsThatAreNeverFeasible();
    void curvesAreStepsThroughTheModelsValues();
    void infeasibleStretchesAreGaps();
    void breakEvenMarkersSitAtTheCrossings();
    void breakEvenIsInTheLegendOnlyWithBreakEvens();
    void aNarrowChartPutsOnlyALongLegendBesideIt();
    void workloadMarkerFollowsTheWorkload();
    void clickingACurveSelectsItsOption();
    void currentOptionsCurveIsThicker();
    void hoveringShowsExactValues();
    void themeChangeRecoloursTheChart();
    void renderedCurveHasTheOptionsColour();

    void barsStackEachOptionsLineItems();
    void infeasibleBarIsEmptyWithItsReason();
    void clickingABarSelectsItsOption();
    void barsFollowTheWorkload();
    void renderedBarHasItsPartsColour();

    void rendersEveryPresetInBothThemesAndSizes();

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
    CostCurvePlot plot(*state);
    for (const DeploymentOption& option : m_catalog->options())
        QCOMPARE(plot.curvesOf(option.id).size(), 1);
    QCOMPARE(plot.curves().size(), m_catalog->options().size());
    QVERIFY(plot.title().isEmpty());
}

void TestCostCharts::listsOptionsThatAreNeverFeasible()
{
    const auto state = newState(twentyMinuteJobs());
    CostCurvePlot plot(*state);
    QVERIFY(plot.curvesOf(lambda).isEmpty());
    QCOMPARE(plot.curves().size(), m_catalog->options().size() - 1);
    QVERIFY2(plot.title().contains(QStringLiteral("Lambda functions")), qPrintable(plot.title()));
    QVERIFY2(plot.title().contains(QStringLiteral("900")), qPrintable(plot.title()));

    state->setWorkload(alwaysOnApi()); // and back, on the same chart objects
    QCOMPARE(plot.curvesOf(lambda).size(), 1);
    QVERIFY(plot.title().isEmpty());
}

void TestCostCharts::curvesAreStepsThroughTheModelsValues()
{
    const auto state = newState(alwaysOnApi());
    CostCurvePlot plot(*state);
    const CostCurveModel& model = plot.model();
    for (const DeploymentOption& option : m_catalog->options()) {
        const QList<QPointF> points = plot.curvesOf(option.id).constFirst()->points();
        // No sloped segment: each one is level or vertical.
        for (qsizetype i = 1; i < points.size(); ++i) {
            const QPointF from = points.at(i - 1);
            const QPointF to = points.at(i);
            QVERIFY2(from.x() == to.x() || from.y() == to.y(),
                     qPrintable(QStringLiteral("%1 point %2").arg(option.id).arg(i)));
        }
        // The samples are on the curve, at the cost model's totals.
        Workload atVolume = alwaysOnApi();
        for (int row : {0, 100, 250, 400, model.rowCount() - 1}) {
            atVolume.requestsPerMonth = model.requestsAt(row);
            const double expected = *estimateMonthlyTotal(option, atVolume, *m_prices);
            const QPointF sample = plot.plotPointOf(atVolume.requestsPerMonth, expected);
            QCOMPARE(stepValueAt(points, sample.x()), sample.y());
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
    CostCurvePlot plot(*state);
    const QList<QLineSeries*> curves = plot.curvesOf(ecsEc2);
    QCOMPARE(curves.size(), 1);
    const double lastDrawn = curves.constFirst()->points().constLast().x();
    QVERIFY(lastDrawn < std::log10(CostCurveModel::mostRequests));
    const int firstInfeasible = plot.model().rowAtOrBelow(std::pow(10.0, lastDrawn)) + 1;
    QVERIFY(!plot.model().totalAt(firstInfeasible, ecsEc2));
}

void TestCostCharts::breakEvenMarkersSitAtTheCrossings()
{
    const auto state = newState(alwaysOnApi());
    CostCurvePlot plot(*state);
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
    const auto legendShowsBreakEven = [](CostCurvePlot& plot) {
        const QList<QLegendMarker*> markers = plot.legend()->markers(plot.breakEvenMarkers());
        return markers.size() == 1 && markers.constFirst()->isVisible();
    };
    const auto state = newState(alwaysOnApi());
    CostCurvePlot plot(*state);
    plot.layOut({900, 500});
    QVERIFY(!plot.model().breakEvens().isEmpty());
    QVERIFY(legendShowsBreakEven(plot));

    // One option alone never changes places with another.
    const Catalog lambdaOnly = m_catalog->withOnlyOptions({lambda});
    ui::ExplorerState lambdaState(lambdaOnly, *m_prices);
    lambdaState.setWorkload(alwaysOnApi());
    CostCurvePlot lambdaPlot(lambdaState);
    lambdaPlot.layOut({900, 500});
    QVERIFY(lambdaPlot.model().breakEvens().isEmpty());
    QVERIFY(!legendShowsBreakEven(lambdaPlot));
}

void TestCostCharts::aNarrowChartPutsOnlyALongLegendBesideIt()
{
    const auto state = newState(alwaysOnApi());
    CostCurvePlot all(*state);
    all.layOut({500, 300});
    QCOMPARE(all.legend()->alignment(), Qt::AlignRight);
    all.layOut({900, 500});
    QCOMPARE(all.legend()->alignment(), Qt::AlignBottom);

    // Two options (as compared) have a short legend, which fits under a narrow chart.
    const Catalog pair = m_catalog->withOnlyOptions({lambda, ecsFargate});
    ui::ExplorerState pairState(pair, *m_prices);
    pairState.setWorkload(alwaysOnApi());
    CostCurvePlot two(pairState);
    two.layOut({500, 300});
    QCOMPARE(two.legend()->alignment(), Qt::AlignBottom);
}

void TestCostCharts::workloadMarkerFollowsTheWorkload()
{
    const auto state = newState(alwaysOnApi());
    CostCurveChart chart(*state);
    QCOMPARE(chart.plot()->workloadMarker()->at(0).x(), std::log10(50e6));
    Workload busier = alwaysOnApi();
    busier.requestsPerMonth = 2e9;
    state->setWorkload(busier);
    QCOMPARE(chart.plot()->workloadMarker()->at(0).x(), std::log10(2e9));
    QCOMPARE(chart.plot()->workloadMarker()->at(1).x(), std::log10(2e9));
}

void TestCostCharts::clickingACurveSelectsItsOption()
{
    const auto state = newState(alwaysOnApi());
    CostCurveChart chart(*state);
    chart.resize(900, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QSignalSpy selected(state.get(), &ui::ExplorerState::currentChanged);
    // Below the first break-even Lambda is the cheapest, so nothing is drawn over it there.
    CostCurvePlot* plot = chart.plot();
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
    CostCurvePlot plot(*state);
    const qreal usual = plot.curvesOf(lambda).constFirst()->pen().widthF();
    state->setCurrent(CatalogItem::option(lambda));
    QVERIFY(plot.curvesOf(lambda).constFirst()->pen().widthF() > usual);
    QCOMPARE(plot.curvesOf(ec2).constFirst()->pen().widthF(), usual);
    state->setCurrent(CatalogItem::option(ec2));
    QCOMPARE(plot.curvesOf(lambda).constFirst()->pen().widthF(), usual);
}

void TestCostCharts::hoveringShowsExactValues()
{
    const auto state = newState(alwaysOnApi());
    CostCurvePlot plot(*state);
    const int row = plot.model().rowAtOrBelow(3e6);
    Workload atVolume = alwaysOnApi();
    atVolume.requestsPerMonth = plot.model().requestsAt(row);
    const double total = *estimateMonthlyTotal(*m_catalog->option(ec2), atVolume, *m_prices);
    const QString text = plot.toolTipText(ec2, 3e6);
    QVERIFY2(text.startsWith(QStringLiteral("EC2 instances\n")), qPrintable(text));
    QVERIFY2(text.contains(groupedNumber(atVolume.requestsPerMonth)), qPrintable(text));
    QVERIFY2(text.contains(money(total, QStringLiteral("USD"))), qPrintable(text));

    const auto longJobs = newState(twentyMinuteJobs());
    CostCurvePlot infeasible(*longJobs);
    QVERIFY(infeasible.toolTipText(lambda, 1e6).contains(QStringLiteral("not feasible")));
}

void TestCostCharts::themeChangeRecoloursTheChart()
{
    const auto state = newState(alwaysOnApi());
    CostCurveChart curves(*state);
    CostBreakdownChart bars(*state);
    for (QChartView* view : {static_cast<QChartView*>(&curves), static_cast<QChartView*>(&bars)})
        view->resize(600, 400);
    const QPoint corner(3, 3);
    QCOMPARE(curves.grab().toImage().pixelColor(corner), ui::Theme::light().background());
    QCOMPARE(bars.grab().toImage().pixelColor(corner), ui::Theme::light().background());
    state->setTheme(ui::Theme::dark());
    QCOMPARE(curves.grab().toImage().pixelColor(corner), ui::Theme::dark().background());
    QCOMPARE(bars.grab().toImage().pixelColor(corner), ui::Theme::dark().background());
    QCOMPARE(curves.plot()->curvesOf(lambda).constFirst()->pen().color(),
             charts::optionColor(ui::Theme::dark(), *m_catalog, lambda));
}

void TestCostCharts::renderedCurveHasTheOptionsColour()
{
    const QSize size(900, 500);
    for (const ui::Theme& theme : {ui::Theme::light(), ui::Theme::dark()}) {
        const auto state = newState(alwaysOnApi());
        state->setTheme(theme);
        const QImage image =
            rendered<CostCurveChart>(*state, size, QStringLiteral("curve-probe-") + theme.name());
        // Where the chart draws Lambda's cost at 1M requests, laid out at the same size.
        CostCurvePlot plot(*state);
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
    CostBreakdownPlot plot(*state);
    const QList<Estimate> estimates = estimateAll(*m_catalog, alwaysOnApi(), *m_prices);
    for (int row = 0; row < estimates.size(); ++row) {
        double stacked = 0;
        for (int kind = 0; kind < costKindCount; ++kind)
            stacked += plot.barSetOf(static_cast<CostKind>(kind))->at(plot.barOf(row));
        const double total = *estimates.at(row).monthlyTotal;
        QVERIFY(std::abs(stacked - total) <= 1e-9 * std::max(1.0, total));
        QCOMPARE(plot.totalLabels().at(row)->text(), money(total, QStringLiteral("USD")));
    }
    const int ec2Row = 0;
    QCOMPARE(plot.barSetOf(CostKind::Instances)->at(plot.barOf(ec2Row)),
             *estimates.at(ec2Row).monthlyTotal);
}

void TestCostCharts::infeasibleBarIsEmptyWithItsReason()
{
    const auto state = newState(twentyMinuteJobs());
    CostBreakdownPlot plot(*state);
    const int lambdaRow = int(m_catalog->options().size()) - 1;
    for (int kind = 0; kind < costKindCount; ++kind)
        QCOMPARE(plot.barSetOf(static_cast<CostKind>(kind))->at(plot.barOf(lambdaRow)), 0.0);
    QVERIFY(
        plot.totalLabels().at(lambdaRow)->toolTip().startsWith(QStringLiteral("not feasible: ")));
    QVERIFY(plot.toolTipText(lambdaRow, CostKind::Duration).contains(QStringLiteral("900")));
}

void TestCostCharts::clickingABarSelectsItsOption()
{
    const auto state = newState(alwaysOnApi());
    CostBreakdownChart chart(*state);
    chart.resize(900, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    CostBreakdownPlot* plot = chart.plot();
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
    CostBreakdownChart chart(*state);
    Workload busier = alwaysOnApi();
    busier.requestsPerMonth = 3e9;
    state->setWorkload(busier);
    const QList<Estimate> estimates = estimateAll(*m_catalog, busier, *m_prices);
    const int lambdaRow = int(estimates.size()) - 1;
    QCOMPARE(chart.plot()->barSetOf(CostKind::Duration)->at(chart.plot()->barOf(lambdaRow)),
             chart.plot()->model().amount(lambdaRow, CostKind::Duration));
    QCOMPARE(chart.plot()->totalLabels().at(lambdaRow)->toolTip(),
             money(*estimates.at(lambdaRow).monthlyTotal, QStringLiteral("USD")));
}

void TestCostCharts::renderedBarHasItsPartsColour()
{
    const QSize size(900, 500);
    const auto state = newState(alwaysOnApi());
    const QImage image = rendered<CostBreakdownChart>(*state, size, QStringLiteral("bars-probe"));
    CostBreakdownPlot plot(*state);
    plot.layOut(size);
    const int ec2Row = 0;
    const double total = *plot.model().estimates().at(ec2Row).monthlyTotal;
    const QPointF middle = plot.mapToPosition(QPointF(total / 2, plot.barOf(ec2Row)), plot.bars());
    QVERIFY(hasColorNear(image, middle, plot.barSetOf(CostKind::Instances)->color(), 0));
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
                     {rendered<CostCurveChart>(*state, size, QStringLiteral("curve") + suffix),
                      rendered<CostBreakdownChart>(*state, size,
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

QTEST_MAIN(TestCostCharts)
#include "tst_costcharts.moc"
