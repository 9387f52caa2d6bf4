#include "charts/costcurvechart.h"

#include "catalog/catalog.h"
#include "charts/chartstyle.h"
#include "cost/quantitytext.h"
#include "pricing/pricebook.h"
#include "ui/explorerstate.h"

#include <QCategoryAxis>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ace::charts {

namespace {

constexpr qreal curveWidth = 2;
constexpr qreal currentCurveWidth = 4;
// Annotations go over the series, which Qt Charts stacks above the chart's own children.
constexpr qreal annotationZ = 100;
// How far, in lines of text, a break-even label may move from its marker to find room.
constexpr qreal labelReachInLines = 3;
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

// Replaces every category of `axis` by one per decade from `first` to `last`.
template <typename LabelOf>
void setDecades(QCategoryAxis& axis, int first, int last, LabelOf&& labelOf)
{
    const QStringList old = axis.categoriesLabels();
    for (const QString& label : old)
        axis.remove(label);
    // With labels on values the start value gets no label of its own, so the first decade is
    // a sliver of a category ending there.
    axis.setStartValue(first - 1e-6);
    for (int decade = first; decade <= last; ++decade)
        axis.append(labelOf(valueOfDecade(decade)), decade);
    axis.setRange(first, last);
}

QFont annotationFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.9);
    return font;
}

} // namespace

CostCurvePlot::CostCurvePlot(ui::ExplorerState& state, QGraphicsItem* parent)
    : StatePlot(state, parent)
    , m_model(state.catalog(), state.prices())
    , m_requestsAxis(new QCategoryAxis)
    , m_amountAxis(new QCategoryAxis)
    , m_breakEvenMarkers(new QScatterSeries)
    , m_workloadMarker(new QLineSeries)
    , m_workloadLabel(new PlateLabel(this))
{
    m_requestsAxis->setTitleText(tr("Requests per month"));
    m_amountAxis->setTitleText(tr("Monthly cost"));
    for (QCategoryAxis* axis : {m_requestsAxis, m_amountAxis})
        axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    setDecades(*m_requestsAxis, int(decadeOf(CostCurveModel::fewestRequests)),
               int(decadeOf(CostCurveModel::mostRequests)), shortQuantity);
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
    // The line names itself on the plot; a legend entry would repeat it.
    for (QLegendMarker* marker : legend()->markers(m_workloadMarker))
        marker->setVisible(false);
    legend()->setAlignment(Qt::AlignBottom);
    m_workloadLabel->setFont(annotationFont(font()));
    m_workloadLabel->setZValue(annotationZ);

    connect(m_breakEvenMarkers, &QXYSeries::hovered, this,
            [this](const QPointF& point, bool hovering) { showBreakEvenToolTip(point, hovering); });
    connect(this, &QChart::plotAreaChanged, this, &CostCurvePlot::placeAnnotations);
    connect(&state, &ui::ExplorerState::workloadChanged, this, &CostCurvePlot::followWorkload);
    connect(&state, &ui::ExplorerState::themeChanged, this, &CostCurvePlot::restyle);
    connect(&state, &ui::ExplorerState::currentChanged, this, &CostCurvePlot::restyle);
    followWorkload();
}

void CostCurvePlot::followWorkload()
{
    m_model.setWorkload(state().workload());
    refill();
}

void CostCurvePlot::refill()
{
    fitAmountAxis();
    QStringList neverFeasible;
    for (const QString& optionId : m_model.optionIds()) {
        fillCurves(optionId);
        if (m_curves.value(optionId).isEmpty()) {
            // Fixed capacity can run the workload's own volume yet none of those charted: the
            // reason is then the one at the chart's first volume.
            QString reason =
                m_model.infeasibleReason(optionId, state().workload().requestsPerMonth);
            if (reason.isEmpty())
                reason = m_model.infeasibleReason(optionId, CostCurveModel::fewestRequests);
            neverFeasible.append(tr("%1 (%2)").arg(m_model.optionName(optionId), reason));
        }
    }
    setTitle(
        neverFeasible.isEmpty()
            ? QString()
            : tr("Not feasible at any volume: %1").arg(neverFeasible.join(QStringLiteral("; "))));
    fillMarkers();
    restyle();
}

void CostCurvePlot::fitAmountAxis()
{
    double lowest = std::numeric_limits<double>::max();
    double highest = 0;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        for (const QString& optionId : m_model.optionIds()) {
            const std::optional<double> total = m_model.totalAt(row, optionId);
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
    // New categories lay the whole chart out again; most edits keep the range.
    if (lowestDecade == m_lowestDecade && highestDecade == m_highestDecade &&
        m_amountAxis->count() > 0) {
        return;
    }
    m_lowestDecade = lowestDecade;
    m_highestDecade = highestDecade;
    const QString currency = state().prices().currency();
    setDecades(*m_amountAxis, int(m_lowestDecade), int(m_highestDecade),
               [&currency](double amount) { return shortMoney(amount, currency); });
}

QPointF CostCurvePlot::plotPointOf(double requestsPerMonth, double total) const
{
    const double requests =
        std::clamp(requestsPerMonth, CostCurveModel::fewestRequests, CostCurveModel::mostRequests);
    const double amount = std::max(total, valueOfDecade(m_lowestDecade));
    return {decadeOf(requests), std::min(decadeOf(amount), m_highestDecade)};
}

QPointF CostCurvePlot::positionOf(double requestsPerMonth, double total)
{
    return mapToPosition(plotPointOf(requestsPerMonth, total), m_breakEvenMarkers);
}

void CostCurvePlot::fillCurves(const QString& optionId)
{
    // Each run of feasible samples is one curve. A change between samples is drawn as a step
    // at the later sample: capacity is bought in whole tasks and instances, and a slope would
    // claim prices in between that nobody pays.
    QList<QList<QPointF>> stretches;
    bool inStretch = false;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        const std::optional<double> total = m_model.totalAt(row, optionId);
        if (!total) {
            inStretch = false;
            continue;
        }
        const QPointF point = plotPointOf(m_model.requestsAt(row), *total);
        if (!inStretch) {
            stretches.append({point});
            inStretch = true;
            continue;
        }
        QList<QPointF>& points = stretches.last();
        const qreal lastY = points.constLast().y();
        if (lastY != point.y()) {
            points.append(QPointF(point.x(), lastY));
            points.append(point);
        } else if (points.size() >= 2 && points.at(points.size() - 2).y() == lastY) {
            // A level run needs only its ends: fewer points to draw, and dashes run on.
            points.last() = point;
        } else {
            points.append(point);
        }
    }

    QList<QLineSeries*>& curves = m_curves[optionId];
    while (curves.size() > stretches.size()) {
        QLineSeries* surplus = curves.takeLast();
        removeSeries(surplus);
        delete surplus;
    }
    while (curves.size() < stretches.size())
        curves.append(addCurve(optionId));
    for (qsizetype i = 0; i < stretches.size(); ++i) {
        curves.at(i)->replace(stretches.at(i));
        // One legend entry per option, however many stretches it has.
        for (QLegendMarker* marker : legend()->markers(curves.at(i)))
            marker->setVisible(i == 0);
    }
}

QLineSeries* CostCurvePlot::addCurve(const QString& optionId)
{
    auto* curve = new QLineSeries;
    curve->setName(m_model.optionName(optionId));
    addSeries(curve);
    curve->attachAxis(m_requestsAxis);
    curve->attachAxis(m_amountAxis);
    connect(curve, &QXYSeries::clicked, this, [this, optionId] { selectOption(optionId); });
    connect(curve, &QXYSeries::hovered, this,
            [this, optionId](const QPointF& point, bool hovering) {
                showToolTip(optionId, point, hovering);
            });
    return curve;
}

void CostCurvePlot::fillMarkers()
{
    QList<QPointF> breakEvens;
    const QFont font = annotationFont(QChart::font());
    for (qsizetype i = 0; i < m_model.breakEvens().size(); ++i) {
        const BreakEven& breakEven = m_model.breakEvens().at(i);
        breakEvens.append(
            plotPointOf(double(breakEven.crossing.requestsPerMonth), breakEven.monthlyTotal));
        if (i == m_breakEvenLabels.size()) {
            m_breakEvenLabels.append(new PlateLabel(this));
            m_breakEvenLabels.last()->setFont(font);
            m_breakEvenLabels.last()->setZValue(annotationZ);
        }
        m_breakEvenLabels.at(i)->setText(breakEven.label);
    }
    while (m_breakEvenLabels.size() > m_model.breakEvens().size())
        delete m_breakEvenLabels.takeLast();
    m_breakEvenMarkers->replace(breakEvens);
    // The legend explains break-even markers only where there are some.
    for (QLegendMarker* marker : legend()->markers(m_breakEvenMarkers))
        marker->setVisible(!breakEvens.isEmpty());

    const double requests = state().workload().requestsPerMonth;
    const double x = plotPointOf(requests, 1).x();
    m_workloadMarker->replace({{x, m_lowestDecade}, {x, m_highestDecade}});
    m_workloadLabel->setText(tr("This workload: %1 requests/month").arg(shortQuantity(requests)));
}

void CostCurvePlot::restyle()
{
    const ui::Theme& theme = state().theme();
    applyTheme(*this, theme);
    const CatalogItem current = state().current();
    for (auto it = m_curves.cbegin(); it != m_curves.cend(); ++it) {
        const bool isCurrent = current.kind == CatalogItem::Kind::Option && current.id == it.key();
        QPen pen(optionColor(theme, state().catalog(), it.key()),
                 isCurrent ? currentCurveWidth : curveWidth, Qt::SolidLine, Qt::RoundCap,
                 Qt::RoundJoin);
        // Every other option is dashed: options that cost the same (EC2 and ECS on EC2, where
        // ECS is free) draw the same curve, and the earlier one shows through the gaps. It
        // also tells neighbours apart by more than hue.
        if (m_model.columnOf(it.key()) % 2 == 0)
            pen.setDashPattern({3, 1.5});
        for (QLineSeries* curve : it.value())
            curve->setPen(pen);
    }
    m_breakEvenMarkers->setColor(theme.background());
    m_breakEvenMarkers->setPen(QPen(theme.text(), 2));
    m_workloadMarker->setPen(QPen(theme.selection(), 1.5, Qt::DashLine));
    m_workloadLabel->setBrush(theme.selection());
    m_workloadLabel->setPlate(theme.background());
    for (PlateLabel* label : std::as_const(m_breakEvenLabels)) {
        label->setBrush(theme.text());
        label->setPlate(theme.background());
    }
    placeAnnotations();
}

void CostCurvePlot::placeAnnotations()
{
    const QRectF area = plotArea();
    if (area.isEmpty())
        return;
    const QPointF top =
        positionOf(state().workload().requestsPerMonth, valueOfDecade(m_highestDecade));
    const QRectF label = m_workloadLabel->boundingRect();
    const qreal gap = 4;
    // Right of the line if it fits, else left of it, and never out of the plot.
    const qreal left = top.x() + label.width() + gap <= area.right()
                           ? top.x() + gap
                           : std::max(area.left(), top.x() - gap - label.width());
    m_workloadLabel->setPos(left - label.left(), area.top() + gap - label.top());
    placeBreakEvenLabels();
}

void CostCurvePlot::placeBreakEvenLabels()
{
    // Whole labels when they all fit; otherwise just the volumes (the markers' tooltips have
    // the whole text). A label that still finds no room is hidden rather than drawn over another.
    for (const bool whole : {true, false}) {
        for (qsizetype i = 0; i < m_breakEvenLabels.size(); ++i) {
            const BreakEven& breakEven = m_model.breakEvens().at(i);
            m_breakEvenLabels.at(i)->setText(
                whole ? breakEven.label
                      : shortQuantity(double(breakEven.crossing.requestsPerMonth)));
        }
        if (tryToPlaceBreakEvenLabels())
            return;
    }
}

bool CostCurvePlot::tryToPlaceBreakEvenLabels()
{
    // Each label sits beside its marker, right of it if there is room, above it if it can;
    // one that would overlap an earlier label, a marker or the workload's label moves up a line
    // at a time, then below the marker.
    const QRectF area = plotArea();
    const qreal gap = 6;
    QList<QRectF> taken = {m_workloadLabel->mapRectToParent(m_workloadLabel->boundingRect())};
    for (int i = 0; i < m_breakEvenMarkers->count(); ++i) {
        const QPointF marker = mapToPosition(m_breakEvenMarkers->at(i), m_breakEvenMarkers);
        taken.append(QRectF(marker - QPointF(gap, gap), QSizeF(2 * gap, 2 * gap)));
    }
    const auto fits = [&area, &taken](const QRectF& place) {
        return area.contains(place) &&
               std::none_of(taken.cbegin(), taken.cend(),
                            [&place](const QRectF& other) { return other.intersects(place); });
    };
    bool allPlaced = true;
    for (qsizetype i = 0; i < m_breakEvenLabels.size(); ++i) {
        PlateLabel* label = m_breakEvenLabels.at(i);
        const QPointF marker = mapToPosition(m_breakEvenMarkers->at(int(i)), m_breakEvenMarkers);
        const QSizeF size = label->boundingRect().size();
        const qreal left = marker.x() + gap + size.width() <= area.right()
                               ? marker.x() + gap
                               : std::max(area.left(), marker.x() - gap - size.width());
        // Farther away a label would no longer read as its marker's.
        const qreal reach = labelReachInLines * size.height();
        QRectF place(QPointF(left, marker.y() - gap - size.height()), size);
        while (!fits(place) && place.top() > marker.y() - reach)
            place.translate(0, -size.height());
        if (!fits(place)) {
            place.moveTop(marker.y() + gap);
            while (!fits(place) && place.bottom() < marker.y() + reach)
                place.translate(0, size.height());
        }
        const bool placed = fits(place);
        label->setVisible(placed);
        allPlaced = allPlaced && placed;
        if (placed) {
            taken.append(place);
            label->setPos(place.topLeft() - label->boundingRect().topLeft());
        }
    }
    return allPlaced;
}

QList<QLineSeries*> CostCurvePlot::curvesOf(const QString& optionId) const
{
    return m_curves.value(optionId);
}

QList<QLineSeries*> CostCurvePlot::curves() const
{
    QList<QLineSeries*> all;
    for (const QString& optionId : m_model.optionIds())
        all += m_curves.value(optionId);
    return all;
}

QString CostCurvePlot::toolTipText(const QString& optionId, double requestsPerMonth) const
{
    const int row = m_model.rowAtOrBelow(requestsPerMonth);
    const double requests = m_model.requestsAt(row);
    const std::optional<double> total = m_model.totalAt(row, optionId);
    const QString amount =
        total ? tr("%1 a month").arg(money(*total, state().prices().currency()))
              : tr("not feasible: %1").arg(m_model.infeasibleReason(optionId, requests));
    return tr("%1\n%2 requests/month\n%3")
        .arg(m_model.optionName(optionId), groupedNumber(requests), amount);
}

void CostCurvePlot::showToolTip(const QString& optionId, const QPointF& plotPoint, bool hovering)
{
    if (hovering)
        QToolTip::showText(QCursor::pos(), toolTipText(optionId, valueOfDecade(plotPoint.x())));
    else
        QToolTip::hideText();
}

void CostCurvePlot::showBreakEvenToolTip(const QPointF& plotPoint, bool hovering)
{
    const QList<QPointF> markers = m_breakEvenMarkers->points();
    const auto nearest = std::min_element(
        markers.cbegin(), markers.cend(), [&plotPoint](const QPointF& a, const QPointF& b) {
            return QLineF(a, plotPoint).length() < QLineF(b, plotPoint).length();
        });
    if (!hovering || nearest == markers.cend()) {
        QToolTip::hideText();
        return;
    }
    const BreakEven& breakEven = m_model.breakEvens().at(nearest - markers.cbegin());
    QToolTip::showText(QCursor::pos(),
                       tr("%1\n%2 requests/month, about %3 a month")
                           .arg(breakEven.label,
                                groupedNumber(double(breakEven.crossing.requestsPerMonth)),
                                money(breakEven.monthlyTotal, state().prices().currency())));
}

} // namespace ace::charts
