#include "charts/costbreakdownchart.h"

#include "charts/chartstyle.h"
#include "cost/quantitytext.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QCursor>
#include <QHorizontalStackedBarSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace ace::charts {

namespace {

// Room right of the longest bar for its total, as a share of the axis.
constexpr double totalLabelRoom = 0.18;
constexpr int amountTicks = 5;

// A round step (1, 2, 2.5 or 5 times a power of ten) giving about `ticks` ticks up to `top`.
double roundStep(double top, int ticks)
{
    const double raw = top / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 2.5, 5.0}) {
        if (factor * magnitude >= raw)
            return factor * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

CostBreakdownChart::CostBreakdownChart(ui::ExplorerState& state, QGraphicsItem* parent)
    : StateChart(state, parent)
    , m_bars(new QHorizontalStackedBarSeries)
    , m_optionsAxis(new QBarCategoryAxis)
    , m_amountAxis(new QCategoryAxis)
{
    // The options' rows, for the axis and the labels below.
    m_model.setResults(state.sharedCostResults());
    for (int kind = 0; kind < lineItemKindCount; ++kind) {
        auto* part = new QBarSet(lineItemKindName(static_cast<LineItemKind>(kind)));
        m_parts.append(part);
        m_bars->append(part);
        connect(part, &QBarSet::hovered, this, [this, kind](bool hovering, int bar) {
            if (hovering)
                QToolTip::showText(QCursor::pos(),
                                   toolTipText(barOf(bar), static_cast<LineItemKind>(kind)));
            else
                QToolTip::hideText();
        });
    }
    m_bars->setBarWidth(0.6);
    connect(m_bars, &QAbstractBarSeries::clicked, this, [this](int bar) {
        selectOption(m_model.data(m_model.index(barOf(bar), 0), CostBreakdownModel::OptionIdRole)
                         .toString());
    });
    addSeries(m_bars);
    // Bars count from the bottom; listing the options backwards puts the catalog's first on top.
    QStringList names;
    for (int row = m_model.rowCount() - 1; row >= 0; --row)
        names.append(m_model.headerData(row, Qt::Vertical).toString());
    m_optionsAxis->append(names);
    m_optionsAxis->setGridLineVisible(false);
    m_amountAxis->setTitleText(tr("Monthly cost"));
    m_amountAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    addAxis(m_optionsAxis, Qt::AlignLeft);
    addAxis(m_amountAxis, Qt::AlignBottom);
    m_bars->attachAxis(m_optionsAxis);
    m_bars->attachAxis(m_amountAxis);
    for (int row = 0; row < m_model.rowCount(); ++row)
        m_totalLabels.append(new ChartLabel(this, ChartLabel::Backing::Plate));

    connect(this, &QChart::plotAreaChanged, this, &CostBreakdownChart::placeTotalLabels);
    connect(&state, &ui::ExplorerState::costResultsChanged, this,
            &CostBreakdownChart::followCostResults);
    connect(&state, &ui::ExplorerState::themeChanged, this, &CostBreakdownChart::restyle);
    connect(&state, &ui::ExplorerState::currentChanged, this, &CostBreakdownChart::restyle);
    followCostResults();
}

void CostBreakdownChart::followCostResults()
{
    m_model.setResults(state().sharedCostResults());
    refill();
}

void CostBreakdownChart::refill()
{
    const QString currency = state().prices().currency();
    for (int kind = 0; kind < lineItemKindCount; ++kind) {
        QBarSet* part = m_parts.at(kind);
        QList<qreal> amounts(m_model.rowCount());
        for (int row = 0; row < m_model.rowCount(); ++row)
            amounts[barOf(row)] = m_model.amount(row, static_cast<LineItemKind>(kind));
        part->remove(0, part->count());
        part->append(amounts);
    }
    for (int row = 0; row < m_model.rowCount(); ++row) {
        const Estimate& estimate = m_model.estimates().at(row);
        // A reason is too long for a bar's row: the label says what, its tooltip why.
        ChartLabel* label = m_totalLabels.at(row);
        const double discount = m_model.amount(row, LineItemKind::Discount);
        const QString total = money(estimate.monthlyTotal.value_or(0), currency);
        // A discounted bar reaches its charges before the discount, drawn left of zero: the
        // label at its end says the total is what is left ("net"; the tooltip spells it out).
        label->setText(!estimate.feasible ? tr("not feasible")
                       : discount < 0     ? tr("%1 net").arg(total)
                                          : total);
        label->setToolTip(!estimate.feasible
                              ? tr("%1 is not feasible: %2")
                                    .arg(estimate.optionName, infeasibleReasonOf(estimate))
                          : discount < 0 ? tr("%1 of charges, %2 discount: %3 a month")
                                               .arg(money(chargesBeforeDiscount(row), currency),
                                                    money(discount, currency), total)
                                         : total);
    }
    fitAmountAxis();
    restyle();
}

double CostBreakdownChart::chargesBeforeDiscount(int row) const
{
    double charges = 0;
    for (int kind = 0; kind < lineItemKindCount; ++kind) {
        const double amount = m_model.amount(row, static_cast<LineItemKind>(kind));
        if (amount > 0)
            charges += amount;
    }
    return charges;
}

void CostBreakdownChart::fitAmountAxis()
{
    // Charges stack right of zero and discounts (negative) left of it.
    double highest = 0;
    double lowest = 0;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        highest = std::max(highest, chargesBeforeDiscount(row));
        lowest = std::min(lowest, m_model.amount(row, LineItemKind::Discount));
    }
    if (highest <= 0)
        highest = 1;
    const double step = roundStep(highest * (1 + totalLabelRoom), amountTicks);
    const int steps = int(std::ceil(highest * (1 + totalLabelRoom) / step));
    // Discounts are a fraction of the charges: one round tick below zero, just past the
    // largest, rather than a whole step of the charges' scale.
    const double start = lowest < 0 ? -roundStep(-lowest, 1) : 0;
    const QStringList old = m_amountAxis->categoriesLabels();
    for (const QString& label : old)
        m_amountAxis->remove(label);
    const QString currency = state().prices().currency();
    // With labels on values the start value gets no label of its own, so the first tick is a
    // sliver of a category ending there.
    // Below zero only the discounts' grey: a label there would run into the $0 one.
    m_amountAxis->setStartValue(start - 1e-9 * step);
    for (int tick = 0; tick <= steps; ++tick)
        m_amountAxis->append(shortMoney(tick * step, currency), tick * step);
    m_amountAxis->setRange(start, steps * step);
}

void CostBreakdownChart::restyle()
{
    const ui::Theme& theme = state().theme();
    applyTheme(*this, theme);
    m_optionsAxis->setLabelsBrush(theme.text());
    for (int kind = 0; kind < lineItemKindCount; ++kind) {
        QBarSet* part = m_parts.at(kind);
        // A discount is money taken off, not a charge: grey, unlike every charge's hue.
        part->setColor(static_cast<LineItemKind>(kind) == LineItemKind::Discount
                           ? theme.mutedText()
                           : partColor(theme, kind));
        part->setBorderColor(theme.background());
    }
    applyLegendTheme(theme);
    updateLegend();
    const CatalogItem current = state().current();
    for (int row = 0; row < m_model.rowCount(); ++row) {
        const Estimate& estimate = m_model.estimates().at(row);
        const bool isCurrent =
            current.kind == CatalogItem::Kind::Option && current.id == estimate.optionId;
        ChartLabel* label = m_totalLabels.at(row);
        QFont font = QChart::font();
        font.setBold(isCurrent);
        label->setFont(font);
        label->setBrush(isCurrent           ? theme.selection()
                        : estimate.feasible ? theme.text()
                                            : theme.mutedText());
        label->setBackingColor(theme.background());
    }
    placeTotalLabels();
}

void CostBreakdownChart::updateLegend()
{
    // Kinds no option pays would only clutter the legend.
    QList<LegendEntry> entries;
    for (int kind = 0; kind < lineItemKindCount; ++kind) {
        if (m_model.anyOptionPays(static_cast<LineItemKind>(kind))) {
            entries.append({m_parts.at(kind)->label(),
                            LegendEntry::Sample::Swatch,
                            Qt::NoPen,
                            m_parts.at(kind)->color(),
                            {}});
        }
    }
    setLegendEntries(entries);
}

void CostBreakdownChart::placeTotalLabels()
{
    const QRectF area = plotArea();
    if (area.isEmpty())
        return;
    const qreal gap = 6;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        ChartLabel* label = m_totalLabels.at(row);
        // At the end of the bar: its charges, before any discount.
        const QPointF end = mapToPosition(QPointF(chargesBeforeDiscount(row), barOf(row)), m_bars);
        const QRectF box = label->boundingRect();
        label->setPos(end.x() + gap - box.left(), end.y() - box.height() / 2 - box.top());
    }
}

QString CostBreakdownChart::toolTipText(int row, LineItemKind kind) const
{
    const Estimate& estimate = m_model.estimates().at(row);
    const QString currency = state().prices().currency();
    if (!estimate.feasible)
        return tr("%1\nnot feasible: %2").arg(estimate.optionName, infeasibleReasonOf(estimate));
    return tr("%1\n%2: %3 a month\nTotal: %4 a month")
        .arg(estimate.optionName, lineItemKindName(kind),
             money(m_model.amount(row, kind), currency),
             money(estimate.monthlyTotal.value_or(0), currency));
}

} // namespace ace::charts
