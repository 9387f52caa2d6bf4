#include "charts/costcurvechart.h"

#include "catalog/catalog.h"
#include "charts/chartstyle.h"
#include "cost/quantitytext.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"

#include <QCategoryAxis>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSceneHoverEvent>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ace::charts {

namespace {

// Annotations go over the series, which Qt Charts stacks above the chart's own children.
constexpr qreal annotationZ = 100;
// Near-tie bands go under the series and over the grid (Qt Charts' grid is at 2, series at 4).
constexpr qreal bandZ = 3;
// How far, in lines of text, a label may move from its marker to find room.
constexpr int labelReachInLines = 4;
// Between a label and what it names.
constexpr qreal labelGap = 6;
// Room Qt Charts leaves around an axis label, in pixels, and a little more.
constexpr qreal axisLabelPadding = 6;
// A near tie narrower than this is still drawn this wide, to be seen.
constexpr qreal narrowestBand = 4;
// Below a cent a month the log axis would spend decades on amounts nobody pays attention to;
// smaller amounts (a free tier's zero) are drawn on the axis's floor.
constexpr double cheapestDecade = -2;
// Keeps the amount axis readable: at most this many decades, counted down from the top.
constexpr double mostDecades = 8;

double decadeOf(double value)
{
    return std::log10(value);
}

double valueOfDecade(double decade)
{
    return std::pow(10.0, decade);
}

// Replaces every category of `axis` by one per `step` decades from `first` up to `last`; the
// first is labelled `floorPrefix` + its value.
template <typename LabelOf>
void setDecades(QCategoryAxis& axis, int first, int last, int step, LabelOf&& labelOf,
                const QString& floorPrefix = {})
{
    const QStringList old = axis.categoriesLabels();
    for (const QString& label : old)
        axis.remove(label);
    // With labels on values the start value gets no label of its own, so the first decade is
    // a sliver of a category ending there.
    axis.setStartValue(first - 1e-6);
    for (int decade = first; decade <= last; decade += step) {
        axis.append((decade == first ? floorPrefix : QString()) + labelOf(valueOfDecade(decade)),
                    decade);
    }
    axis.setRange(first, last);
}

// How many decades one label of an axis `length` pixels long must stand for, so that each of
// the `decades` + 1 labels gets `labelLength` pixels. (Qt Charts cuts a label that has less
// room to "...", as happened to every amount label in a short Costs dock.)
int decadesPerLabel(qreal length, int decades, qreal labelLength)
{
    int step = 1;
    // Qt counts the start of the axis as one more label place.
    while (step < decades && length / (decades / step + 2) < labelLength)
        ++step;
    return step;
}

// Whether a segment touches a rectangle (Liang–Barsky: the part of the segment inside each
// pair of the rectangle's edges must overlap).
bool touches(const QLineF& segment, const QRectF& rect)
{
    qreal enter = 0;
    qreal leave = 1;
    // Keeps the part of the segment where `along` × t <= `room`.
    const auto clip = [&enter, &leave](qreal along, qreal room) {
        if (along == 0)
            return room >= 0;
        const qreal t = room / along;
        if (along < 0)
            enter = std::max(enter, t);
        else
            leave = std::min(leave, t);
        return enter <= leave;
    };
    return clip(-segment.dx(), segment.x1() - rect.left()) &&
           clip(segment.dx(), rect.right() - segment.x1()) &&
           clip(-segment.dy(), segment.y1() - rect.top()) &&
           clip(segment.dy(), rect.bottom() - segment.y1());
}

// A rise between two samples steeper than this (in decades of money per decade of requests) is
// a jump: no charge grows faster than in proportion to the requests, so only a capacity step
// (or the end of a free tier) rises this fast, and it is drawn as a step.
constexpr double steepestCostSlope = 1.5;
// How far (in decades of money) a sample may lie from the line drawn past it: under half a
// pixel on a 4K export, so fewer points draw the same curve.
constexpr double curveTolerance = 0.002;

// The polyline through one feasible stretch of samples (plot coordinates, ascending x): jumps
// as steps at the later sample, as before, and everything else as straight segments between
// samples, merged while every sample they pass stays within curveTolerance. A curve that once
// had a point per sample (two per step) now has a few dozen.
QList<QPointF> curveThrough(const QList<QPointF>& samples)
{
    // First the samples, with a corner before each jump; the ends, corners and jumps stay.
    QList<QPointF> points = {samples.constFirst()};
    QList<bool> kept = {true};
    for (qsizetype i = 1; i < samples.size(); ++i) {
        const QPointF& previous = samples.at(i - 1);
        const QPointF& sample = samples.at(i);
        const bool jump =
            std::abs(sample.y() - previous.y()) > steepestCostSlope * (sample.x() - previous.x());
        if (jump) {
            points.append({sample.x(), previous.y()});
            kept.append(true);
        }
        points.append(sample);
        kept.append(jump || i == samples.size() - 1);
    }

    // Then the straight runs, each as long as the samples it passes stay close to it: the
    // slopes from the run's start that pass every sample since within curveTolerance narrow
    // with each sample, and the run ends where the line to the next point leaves them.
    QList<QPointF> curve = {points.constFirst()};
    QPointF start = points.constFirst();
    qreal lowestSlope = -std::numeric_limits<qreal>::infinity();
    qreal highestSlope = std::numeric_limits<qreal>::infinity();
    for (qsizetype end = 1; end < points.size(); ++end) {
        const QPointF& point = points.at(end);
        // The last point is always kept, so a point not kept has one after it.
        bool keep = kept.at(end);
        if (!keep) {
            const qreal run = point.x() - start.x();
            lowestSlope = std::max(lowestSlope, (point.y() - curveTolerance - start.y()) / run);
            highestSlope = std::min(highestSlope, (point.y() + curveTolerance - start.y()) / run);
            const QPointF& next = points.at(end + 1);
            const qreal slope = (next.y() - start.y()) / (next.x() - start.x());
            keep = slope < lowestSlope || slope > highestSlope;
        }
        if (keep) {
            curve.append(point);
            start = point;
            lowestSlope = -std::numeric_limits<qreal>::infinity();
            highestSlope = std::numeric_limits<qreal>::infinity();
        }
    }
    return curve;
}

QFont annotationFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.9);
    return font;
}

} // namespace

CostCurveChart::CostCurveChart(ui::ExplorerState& state, QGraphicsItem* parent)
    : StateChart(state, parent)
    , m_model(state.catalog())
    , m_requestsAxis(new QCategoryAxis)
    , m_amountAxis(new QCategoryAxis)
    , m_breakEvenMarkers(new QScatterSeries)
    , m_workloadMarker(new QLineSeries)
    , m_workloadLabel(new ChartLabel(this))
{
    m_requestsAxis->setTitleText(tr("Requests per month"));
    m_amountAxis->setTitleText(amountAxisTitle());
    for (QCategoryAxis* axis : {m_requestsAxis, m_amountAxis})
        axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    setRequestDecades();
    addAxis(m_requestsAxis, Qt::AlignBottom);
    addAxis(m_amountAxis, Qt::AlignLeft);

    m_breakEvenMarkers->setName(tr("Break-even"));
    m_breakEvenMarkers->setMarkerSize(10);
    m_workloadMarker->setName(tr("This workload"));
    for (QXYSeries* series :
         {static_cast<QXYSeries*>(m_workloadMarker), static_cast<QXYSeries*>(m_breakEvenMarkers)}) {
        addSeries(series);
        series->attachAxis(m_requestsAxis);
        series->attachAxis(m_amountAxis);
    }
    m_workloadLabel->setFont(annotationFont(font()));
    m_workloadLabel->setZValue(annotationZ);

    setAcceptHoverEvents(true);
    connect(this, &QChart::plotAreaChanged, this, &CostCurveChart::placeAnnotations);
    connect(&state, &ui::ExplorerState::costResultsChanged, this,
            &CostCurveChart::followCostResults);
    connect(&state, &ui::ExplorerState::themeChanged, this, &CostCurveChart::restyle);
    connect(&state, &ui::ExplorerState::currentChanged, this, &CostCurveChart::restyle);
    applyChartTheme();
    followCostResults();
}

void CostCurveChart::followCostResults()
{
    m_model.setResults(state().sharedCostResults());
    refill();
}

void CostCurveChart::refill()
{
    fitAmountAxis();
    for (const QString& optionId : m_model.optionIds())
        fillCurves(optionId);
    updateNote();
    fillMarkers();
    fillNearTies();
    styleItems();
}

void CostCurveChart::updateNote()
{
    // Every option that never runs, by name (the reasons are long: they are the tooltip).
    QStringList names;
    QStringList reasons;
    for (const QString& optionId : m_model.optionIds()) {
        if (!m_curves.value(optionId).isEmpty())
            continue;
        names.append(m_model.optionName(optionId));
        reasons.append(tr("%1: %2").arg(names.constLast(), m_model.neverFeasibleReason(optionId)));
    }
    setNote(names.isEmpty() ? QString()
                            : tr("Not feasible at any volume: %1").arg(names.join(tr(", "))),
            reasons.join(u'\n'));
}

void CostCurveChart::fitAmountAxis()
{
    double lowest = std::numeric_limits<double>::max();
    double highest = 0;
    bool anyFree = false;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        for (const QString& optionId : m_model.optionIds()) {
            const std::optional<double> total = m_model.totalAt(row, optionId);
            anyFree = anyFree || (total && *total <= 0);
            if (total && *total > 0) {
                lowest = std::min(lowest, *total);
                highest = std::max(highest, *total);
            }
        }
    }
    if (highest <= 0) { // nothing to draw: a sensible empty frame
        lowest = 1;
        highest = 1000;
    }
    const double highestDecade = std::max(std::ceil(decadeOf(highest)), cheapestDecade + 1);
    const double lowestDecade = std::min(
        std::max({std::floor(decadeOf(lowest)), cheapestDecade, highestDecade - mostDecades}),
        highestDecade - 1);
    const bool floorHoldsLess = anyFree || decadeOf(lowest) < lowestDecade;
    // New categories lay the whole chart out again; most edits keep the range.
    if (lowestDecade == m_lowestDecade && highestDecade == m_highestDecade &&
        floorHoldsLess == m_floorHoldsLess && m_amountAxis->count() > 0) {
        return;
    }
    m_lowestDecade = lowestDecade;
    m_highestDecade = highestDecade;
    m_floorHoldsLess = floorHoldsLess;
    setAmountDecades();
}

void CostCurveChart::setAmountDecades()
{
    const QString currency = state().prices().currency();
    setDecades(
        *m_amountAxis, int(m_lowestDecade), int(m_highestDecade), m_decadesPerAmountLabel,
        [&currency](double amount) { return shortMoney(amount, currency); },
        m_floorHoldsLess ? QStringLiteral("≤") : QString());
}

QPointF CostCurveChart::plotPointOf(double requestsPerMonth, double total) const
{
    const double requests =
        std::clamp(requestsPerMonth, fewestRequestsPerMonth, mostRequestsPerMonth);
    const double amount = std::max(total, valueOfDecade(m_lowestDecade));
    return {decadeOf(requests), std::min(decadeOf(amount), m_highestDecade)};
}

QPointF CostCurveChart::positionOf(double requestsPerMonth, double total)
{
    return mapToPosition(plotPointOf(requestsPerMonth, total), m_breakEvenMarkers);
}

void CostCurveChart::fillCurves(const QString& optionId)
{
    // Each run of feasible samples is one curve.
    QList<QList<QPointF>> stretches;
    bool inStretch = false;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        const std::optional<double> total = m_model.totalAt(row, optionId);
        if (!total) {
            inStretch = false;
            continue;
        }
        const QPointF point = plotPointOf(m_model.requestsAt(row), *total);
        if (!inStretch)
            stretches.append(QList<QPointF>());
        stretches.last().append(point);
        inStretch = true;
    }
    for (QList<QPointF>& stretch : stretches)
        stretch = curveThrough(stretch);

    QList<QLineSeries*>& curves = m_curves[optionId];
    while (curves.size() > stretches.size()) {
        QLineSeries* surplus = curves.takeLast();
        removeSeries(surplus);
        delete surplus;
    }
    while (curves.size() < stretches.size())
        curves.append(addCurve(optionId));
    // A new volume alone leaves the curves as they are: replacing one with the same points
    // would still repaint the whole plot.
    for (qsizetype i = 0; i < stretches.size(); ++i) {
        if (curves.at(i)->points() != stretches.at(i))
            curves.at(i)->replace(stretches.at(i));
    }
}

QLineSeries* CostCurveChart::addCurve(const QString& optionId)
{
    auto* curve = new QLineSeries;
    curve->setName(m_model.optionName(optionId));
    addSeries(curve);
    curve->attachAxis(m_requestsAxis);
    curve->attachAxis(m_amountAxis);
    connect(curve, &QXYSeries::clicked, this, [this, optionId] { selectOption(optionId); });
    return curve;
}

void CostCurveChart::fillMarkers()
{
    QList<QPointF> breakEvens;
    const QFont font = annotationFont(QChart::font());
    for (qsizetype i = 0; i < m_model.breakEvens().size(); ++i) {
        const BreakEven& breakEven = m_model.breakEvens().at(i);
        breakEvens.append(plotPointOf(double(breakEven.crossing.requestsPerMonth),
                                      breakEven.crossing.monthlyTotal));
        if (i == m_breakEvenLabels.size()) {
            m_breakEvenLabels.append(new ChartLabel(this));
            m_breakEvenLabels.last()->setFont(font);
            m_breakEvenLabels.last()->setZValue(annotationZ);
            m_breakEvenLeaders.append(new QGraphicsLineItem(this));
            m_breakEvenLeaders.last()->setZValue(annotationZ);
        }
        m_breakEvenLabels.at(i)->setText(breakEven.label);
    }
    while (m_breakEvenLabels.size() > m_model.breakEvens().size()) {
        delete m_breakEvenLabels.takeLast();
        delete m_breakEvenLeaders.takeLast();
    }
    m_breakEvenMarkers->replace(breakEvens);

    const double requests = state().workload().requestsPerMonth;
    const double x = plotPointOf(requests, 1).x();
    m_workloadMarker->replace({{x, m_lowestDecade}, {x, m_highestDecade}});
    m_workloadLabel->setText(workloadLabelTexts().constFirst());
}

QStringList CostCurveChart::workloadLabelTexts() const
{
    const double requests = state().workload().requestsPerMonth;
    // A volume off the axis is drawn at its edge, which must not pass for the volume.
    const QString where = requests < fewestRequestsPerMonth ? tr(" (below the chart)")
                          : requests > mostRequestsPerMonth ? tr(" (above the chart)")
                                                            : QString();
    const QString volume = shortQuantity(requests);
    return {tr("This workload: %1 requests/month%2").arg(volume, where),
            tr("%1 requests/month%2").arg(volume, where), volume + where};
}

void CostCurveChart::fillNearTies()
{
    const qsizetype count = m_model.nearTies().size();
    while (m_nearTieBands.size() < count) {
        m_nearTieBands.append(new QGraphicsRectItem(this));
        m_nearTieBands.last()->setZValue(bandZ);
        m_nearTieLabels.append(new ChartLabel(this));
        m_nearTieLabels.last()->setFont(annotationFont(QChart::font()));
        m_nearTieLabels.last()->setZValue(annotationZ);
    }
    while (m_nearTieBands.size() > count) {
        delete m_nearTieBands.takeLast();
        delete m_nearTieLabels.takeLast();
    }
    for (qsizetype i = 0; i < count; ++i) {
        const NearTieRange& range = m_model.nearTies().at(i);
        // Hovering the band shows the description with the read-out (toolTipAt).
        m_nearTieLabels.at(i)->setToolTip(range.description);
    }
}

void CostCurveChart::restyle()
{
    applyChartTheme();
    styleItems();
}

void CostCurveChart::applyChartTheme()
{
    applyTheme(*this, state().theme());
    applyLegendTheme(state().theme());
}

void CostCurveChart::styleItems()
{
    const ui::Theme& theme = state().theme();
    const CatalogItem current = state().current();
    for (auto it = m_curves.cbegin(); it != m_curves.cend(); ++it) {
        const bool isCurrent = current.kind == CatalogItem::Kind::Option && current.id == it.key();
        const QPen pen = optionPen(theme, state().catalog(), it.key(), isCurrent);
        for (QLineSeries* curve : it.value())
            curve->setPen(pen);
    }
    m_breakEvenMarkers->setColor(theme.background());
    m_breakEvenMarkers->setPen(QPen(theme.text(), 2));
    m_workloadMarker->setPen(QPen(theme.selection(), 1.5, Qt::DashLine));
    m_workloadLabel->setBrush(theme.selection());
    m_workloadLabel->setBackingColor(theme.background());
    for (ChartLabel* label : std::as_const(m_breakEvenLabels)) {
        label->setBrush(theme.text());
        label->setBackingColor(theme.background());
    }
    for (QGraphicsLineItem* leader : std::as_const(m_breakEvenLeaders))
        leader->setPen(QPen(theme.mutedText(), 1));
    QColor bandFill = theme.mutedText();
    bandFill.setAlpha(40);
    for (QGraphicsRectItem* band : std::as_const(m_nearTieBands)) {
        band->setBrush(bandFill);
        band->setPen(QPen(theme.mutedText(), 1, Qt::DotLine));
    }
    for (ChartLabel* label : std::as_const(m_nearTieLabels)) {
        label->setBrush(theme.mutedText());
        label->setBackingColor(theme.background());
    }
    updateLegend();
    placeAnnotations();
}

void CostCurveChart::updateLegend()
{
    // Catalog order, the same for every workload; markers and bands only where there are some.
    const ui::Theme& theme = state().theme();
    QList<LegendEntry> entries;
    for (const QString& optionId : m_model.optionIds()) {
        if (m_curves.value(optionId).isEmpty())
            continue;
        QString label = m_model.optionName(optionId);
        // A free tier's $0 is drawn on the floor of the log axis: say so.
        double freeUpTo = 0;
        for (int row = 0; row < m_model.rowCount(); ++row) {
            const std::optional<double> total = m_model.totalAt(row, optionId);
            if (total && *total <= 0)
                freeUpTo = m_model.requestsAt(row);
        }
        QString toolTip = label;
        if (freeUpTo > 0) {
            label = tr("%1 ($0 up to %2)").arg(label, shortQuantity(freeUpTo));
            toolTip = tr("%1 costs nothing up to about %2 requests/month (the free tier); the "
                         "chart draws $0 on its lowest line.")
                          .arg(m_model.optionName(optionId), groupedNumber(freeUpTo));
        }
        entries.append({label,
                        LegendEntry::Sample::Line,
                        optionPen(theme, state().catalog(), optionId, false),
                        {},
                        toolTip});
    }
    if (!m_model.breakEvens().isEmpty()) {
        entries.append({tr("Break-even"), LegendEntry::Sample::Marker, m_breakEvenMarkers->pen(),
                        m_breakEvenMarkers->brush(),
                        tr("Where the cheapest option changes for good")});
    }
    if (!m_model.nearTies().isEmpty()) {
        entries.append({tr("Near tie"), LegendEntry::Sample::Band,
                        m_nearTieBands.constFirst()->pen(), m_nearTieBands.constFirst()->brush(),
                        tr("Where options take turns as the cheapest as their capacity steps "
                           "interleave")});
    }
    setLegendEntries(entries);
}

void CostCurveChart::setRequestDecades()
{
    setDecades(*m_requestsAxis, int(decadeOf(fewestRequestsPerMonth)),
               int(decadeOf(mostRequestsPerMonth)), m_decadesPerRequestsLabel, shortQuantity);
}

void CostCurveChart::thinAxisLabels()
{
    const QRectF area = plotArea();
    const QFontMetricsF amountMetrics(m_amountAxis->labelsFont());
    const QFontMetricsF requestsMetrics(m_requestsAxis->labelsFont());
    const int amountStep = decadesPerLabel(area.height(), int(m_highestDecade - m_lowestDecade),
                                           amountMetrics.height() + axisLabelPadding);
    const int requestsDecades =
        int(decadeOf(mostRequestsPerMonth) - decadeOf(fewestRequestsPerMonth));
    const int requestsStep = decadesPerLabel(
        area.width(), requestsDecades,
        requestsMetrics.horizontalAdvance(QStringLiteral("100M")) + axisLabelPadding);
    if (requestsStep != m_decadesPerRequestsLabel) {
        m_decadesPerRequestsLabel = requestsStep;
        setRequestDecades();
    }
    if (amountStep != m_decadesPerAmountLabel) {
        m_decadesPerAmountLabel = amountStep;
        setAmountDecades();
    }
    // A short plot has no room for the amount axis's title along it (Qt would cut it to
    // "Monthly c..."); its labels' "$" say what it is.
    const QFontMetricsF titleMetrics(m_amountAxis->titleFont());
    const bool titleFits =
        area.height() >= titleMetrics.horizontalAdvance(amountAxisTitle()) + axisLabelPadding;
    m_amountAxis->setTitleVisible(titleFits);
}

QString CostCurveChart::amountAxisTitle()
{
    return tr("Monthly cost");
}

void CostCurveChart::placeAnnotations()
{
    const QRectF area = plotArea();
    if (area.isEmpty())
        return;
    thinAxisLabels();
    const QList<QLineF> segments = curveSegments();
    QList<QRectF> taken;
    for (const QPointF& point : m_breakEvenMarkers->points()) {
        const QPointF marker = mapToPosition(point, m_breakEvenMarkers);
        taken.append(
            QRectF(marker - QPointF(labelGap, labelGap), QSizeF(2 * labelGap, 2 * labelGap)));
    }

    // The workload's label: at the top beside its line, lower down where curves are in the way.
    const qreal lineX = positionOf(state().workload().requestsPerMonth, 1).x();
    // Shorter texts where the whole one does not fit the plot.
    const QStringList workloadTexts = workloadLabelTexts();
    for (const QString& text : workloadTexts) {
        m_workloadLabel->setText(text);
        const QSizeF size = m_workloadLabel->boundingRect().size();
        QList<QPointF> places;
        for (qreal y = area.top() + labelGap; y + size.height() <= area.bottom();
             y += size.height()) {
            places.append({lineX + labelGap, y});
            places.append({lineX - labelGap - size.width(), y});
        }
        if (placeLabel(m_workloadLabel, places, taken, segments))
            break;
    }

    // A near tie's band spans its volumes and its options' costs; its label goes above it.
    for (qsizetype i = 0; i < m_nearTieBands.size(); ++i) {
        const NearTieRange& range = m_model.nearTies().at(i);
        QRectF band(positionOf(double(range.tie.fromRequestsPerMonth), range.tie.highestTotal),
                    positionOf(double(range.tie.toRequestsPerMonth), range.tie.lowestTotal));
        band = band.normalized().adjusted(0, -labelGap, 0, labelGap);
        if (band.width() < narrowestBand)
            band.adjust(-narrowestBand / 2, 0, narrowestBand / 2, 0);
        m_nearTieBands.at(i)->setRect(band & area);
        ChartLabel* label = m_nearTieLabels.at(i);
        // Above or below the band in whole words, then in short, then beside it.
        const QString whole = tr("near tie: %1").arg(range.label);
        const QString brief = tr("near tie");
        const auto placesFor = [&band](const QSizeF& size, bool besideBand) {
            const qreal centred = band.center().x() - size.width() / 2;
            const qreal middle = band.center().y() - size.height() / 2;
            return besideBand ? QList<QPointF>{{band.right() + labelGap, middle},
                                               {band.left() - labelGap - size.width(), middle}}
                              : QList<QPointF>{{centred, band.top() - size.height()},
                                               {centred, band.bottom()}};
        };
        for (const bool besideBand : {false, true}) {
            for (const QString& text : {whole, brief}) {
                label->setText(text);
                if (placeLabel(label, placesFor(label->boundingRect().size(), besideBand), taken,
                               segments)) {
                    break;
                }
            }
            if (label->isVisible())
                break;
        }
    }

    // Whole break-even labels when they all fit; otherwise just the volumes (the markers'
    // tooltips have the whole text).
    for (const bool whole : {true, false}) {
        for (qsizetype i = 0; i < m_breakEvenLabels.size(); ++i) {
            const BreakEven& breakEven = m_model.breakEvens().at(i);
            m_breakEvenLabels.at(i)->setText(
                whole ? breakEven.label
                      : shortQuantity(double(breakEven.crossing.requestsPerMonth)));
        }
        if (tryToPlaceBreakEvenLabels(taken, segments))
            break;
    }
    leadLabelsToMarkers();
}

void CostCurveChart::leadLabelsToMarkers()
{
    // A label that had to move away from its marker gets a thin line to it.
    for (qsizetype i = 0; i < m_breakEvenLabels.size(); ++i) {
        const ChartLabel* label = m_breakEvenLabels.at(i);
        QGraphicsLineItem* leader = m_breakEvenLeaders.at(i);
        const QPointF marker = mapToPosition(m_breakEvenMarkers->at(int(i)), m_breakEvenMarkers);
        const QRectF rect = label->placedRect();
        const QPointF nearest(std::clamp(marker.x(), rect.left(), rect.right()),
                              std::clamp(marker.y(), rect.top(), rect.bottom()));
        const QLineF line(marker, nearest);
        const qreal markerRadius = m_breakEvenMarkers->markerSize() / 2;
        leader->setVisible(label->isVisible() && line.length() > 2 * labelGap);
        if (leader->isVisible()) {
            leader->setLine(QLineF(line.pointAt(markerRadius / line.length()), nearest));
        }
    }
}

bool CostCurveChart::placeLabel(ChartLabel* label, const QList<QPointF>& places,
                                QList<QRectF>& taken, const QList<QLineF>& segments)
{
    const QRectF area = plotArea();
    const QSizeF size = label->boundingRect().size();
    const auto clear = [&](const QRectF& place, bool ofCurves) {
        return area.contains(place) &&
               std::none_of(taken.cbegin(), taken.cend(),
                            [&place](const QRectF& other) { return other.intersects(place); }) &&
               (!ofCurves ||
                std::none_of(segments.cbegin(), segments.cend(),
                             [&place](const QLineF& segment) { return touches(segment, place); }));
    };
    // Free space first; else over the curves, which show through between the letters.
    for (const bool ofCurves : {true, false}) {
        for (const QPointF& corner : places) {
            const QRectF place(corner, size);
            if (clear(place, ofCurves)) {
                label->setPos(place.topLeft() - label->boundingRect().topLeft());
                label->setVisible(true);
                taken.append(place);
                return true;
            }
        }
    }
    label->setVisible(false);
    return false;
}

bool CostCurveChart::tryToPlaceBreakEvenLabels(QList<QRectF> taken, const QList<QLineF>& segments)
{
    // Each label beside its own marker: right of it, then left, above, then below, moving
    // away a line at a time up to labelReachInLines.
    bool allPlaced = true;
    for (qsizetype i = 0; i < m_breakEvenLabels.size(); ++i) {
        ChartLabel* label = m_breakEvenLabels.at(i);
        const QPointF marker = mapToPosition(m_breakEvenMarkers->at(int(i)), m_breakEvenMarkers);
        const QSizeF size = label->boundingRect().size();
        // Starting at the marker, ending at it, centred on it, or slid inside the plot.
        const QRectF area = plotArea();
        const QList<qreal> lefts = {
            marker.x() + labelGap, marker.x() - labelGap - size.width(),
            marker.x() - size.width() / 2,
            std::clamp(marker.x() + labelGap, area.left(), area.right() - size.width())};
        QList<QPointF> places;
        for (int line = 0; line < labelReachInLines; ++line) {
            const qreal above = marker.y() - labelGap - size.height() * (line + 1);
            const qreal below = marker.y() + labelGap + size.height() * line;
            for (const qreal y : {above, below}) {
                for (const qreal left : lefts)
                    places.append({left, y});
            }
        }
        allPlaced = placeLabel(label, places, taken, segments) && allPlaced;
    }
    return allPlaced;
}

QList<QLineSeries*> CostCurveChart::curvesOf(const QString& optionId) const
{
    return m_curves.value(optionId);
}

QList<QLineSeries*> CostCurveChart::curves() const
{
    QList<QLineSeries*> all;
    for (const QString& optionId : m_model.optionIds())
        all += m_curves.value(optionId);
    return all;
}

QList<QLineF> CostCurveChart::curveSegments() const
{
    QList<QLineF> segments;
    auto* self = const_cast<CostCurveChart*>(this); // mapToPosition is not const
    for (const QLineSeries* curve : curves()) {
        const QList<QPointF> points = curve->points();
        for (qsizetype i = 1; i < points.size(); ++i) {
            segments.append(QLineF(self->mapToPosition(points.at(i - 1), m_breakEvenMarkers),
                                   self->mapToPosition(points.at(i), m_breakEvenMarkers)));
        }
    }
    return segments;
}

QString CostCurveChart::readOutText(double requestsPerMonth) const
{
    const int row = m_model.rowAtOrBelow(requestsPerMonth);
    const double requests = m_model.requestsAt(row);
    const QString currency = state().prices().currency();
    std::optional<double> cheapest;
    for (const QString& optionId : m_model.optionIds()) {
        const std::optional<double> total = m_model.totalAt(row, optionId);
        if (total)
            cheapest = std::min(*total, cheapest.value_or(*total));
    }
    QStringList lines = {tr("%1 requests/month").arg(groupedNumber(requests))};
    for (const QString& optionId : m_model.optionIds()) {
        const std::optional<double> total = m_model.totalAt(row, optionId);
        const QString amount = !total ? tr("not feasible")
                               : *total == *cheapest
                                   ? tr("%1 (cheapest)").arg(money(*total, currency))
                                   : money(*total, currency);
        lines.append(tr("%1: %2").arg(m_model.optionName(optionId), amount));
    }
    return lines.join(u'\n');
}

void CostCurveChart::hoverMoveEvent(QGraphicsSceneHoverEvent* event)
{
    StateChart::hoverMoveEvent(event);
    if (plotArea().contains(event->pos())) {
        QToolTip::showText(event->screenPos(), toolTipAt(event->pos()));
        m_showingReadOut = true;
    } else if (m_showingReadOut) {
        // Only the read-out: the legend's and the note's tooltips are theirs.
        QToolTip::hideText();
        m_showingReadOut = false;
    }
}

QString CostCurveChart::toolTipAt(const QPointF& position)
{
    // On a break-even marker: that break-even; elsewhere every total at the volume, after
    // the near tie it is in.
    const QList<QPointF> markers = m_breakEvenMarkers->points();
    for (qsizetype i = 0; i < markers.size(); ++i) {
        const QPointF marker = mapToPosition(markers.at(i), m_breakEvenMarkers);
        if (QLineF(marker, position).length() <= m_breakEvenMarkers->markerSize()) {
            const BreakEven& breakEven = m_model.breakEvens().at(i);
            return tr("%1\n%2 requests/month, about %3 a month")
                .arg(breakEven.label, groupedNumber(double(breakEven.crossing.requestsPerMonth)),
                     money(breakEven.crossing.monthlyTotal, state().prices().currency()));
        }
    }
    const double requests = valueOfDecade(mapToValue(position, m_breakEvenMarkers).x());
    QString text = readOutText(requests);
    for (const NearTieRange& range : m_model.nearTies()) {
        if (requests >= double(range.tie.fromRequestsPerMonth) &&
            requests < double(range.tie.toRequestsPerMonth)) {
            text = tr("Near tie: %1\n\n%2").arg(range.description, text);
        }
    }
    return text;
}

void CostCurveChart::hoverLeaveEvent(QGraphicsSceneHoverEvent* event)
{
    StateChart::hoverLeaveEvent(event);
    if (m_showingReadOut)
        QToolTip::hideText();
    m_showingReadOut = false;
}

} // namespace ace::charts
