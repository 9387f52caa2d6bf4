#include "export/costexportview.h"

#include "charts/costbreakdownchart.h"
#include "charts/costcurvechart.h"

#include <QCoreApplication>
#include <QPainter>

namespace ace::exports {

namespace {
// The charts are laid out at this size and scaled to the export's, so text keeps its
// proportions at every scale.
constexpr QSizeF curvesSize(1200, 520);
constexpr QSizeF breakdownSize(1200, 380);
constexpr qreal chartGap = 16;
} // namespace

CostExportView::CostExportView(const Catalog& catalog, const PriceBook& prices)
    : m_state(catalog, prices)
{}

QString CostExportView::title(const ExportOptions&) const
{
    return QCoreApplication::translate("ExportView", "Monthly cost by deployment option");
}

QSizeF CostExportView::contentSize(const ExportOptions&) const
{
    return QSizeF(curvesSize.width(), curvesSize.height() + chartGap + breakdownSize.height());
}

void CostExportView::render(QPainter& painter, const QRectF& target, const ExportOptions& options)
{
    m_state.setWorkload(options.workload);
    m_state.setTheme(ui::Theme::ofKind(options.theme));
    m_state.setCurrent(options.select);

    const QSizeF size = contentSize(options);
    const qreal scale = std::min(target.width() / size.width(), target.height() / size.height());
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(scale, scale);
    charts::CostCurveChartView::renderTo(m_state, painter, QRectF(QPointF(), curvesSize));
    charts::CostBreakdownChartView::renderTo(
        m_state, painter, QRectF(QPointF(0, curvesSize.height() + chartGap), breakdownSize));
    painter.restore();
}

} // namespace ace::exports
