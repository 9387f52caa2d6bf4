#include "export/compareexportview.h"

#include "catalog/catalog.h"
#include "charts/costcurvechart.h"
#include "compare/comparison.h"
#include "diagram/stackdiagramscene.h"
#include "export/figure.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPainter>

namespace ace::exports {

namespace {

// The comparison is laid out at this width; its height follows from the text.
constexpr qreal contentWidth = 1200;
constexpr qreal gap = 24;
constexpr qreal chartHeight = 360;
constexpr int textPixelSize = 13;

void drawDocument(QPainter& painter, QTextDocument& document, const QRectF& rect,
                  const ui::Theme& theme)
{
    painter.save();
    painter.translate(rect.topLeft());
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = QRectF(QPointF(), rect.size());
    // Text without a colour of its own takes the palette's, which must be the theme's.
    context.palette = theme.palette();
    document.documentLayout()->draw(&painter, context);
    painter.restore();
}

} // namespace

CompareExportView::CompareExportView(const Catalog& catalog, const PriceBook& prices)
    : m_state(catalog, prices)
{
    for (QTextDocument* document : {&m_differences, &m_attributes, &m_costs}) {
        document->setDefaultFont(figureFont(textPixelSize));
        document->setDocumentMargin(0);
    }
}

CompareExportView::~CompareExportView() = default;

ui::Comparison* CompareExportView::prepare(const ExportOptions& options) const
{
    m_state.setWorkload(options.workload);
    m_state.setTheme(ui::Theme::ofKind(options.theme));
    m_state.setCurrent(options.select);
    const QList<DeploymentOption>& catalogOptions = m_state.catalog().options();
    const bool valid = m_state.setComparison(options.compared);
    if (!valid && catalogOptions.size() < 2) {
        m_comparison.reset(); // a catalog of one option has nothing to compare
        return nullptr;
    }
    if (!valid) {
        m_state.setComparison(
            ComparedPair::ofOptions(catalogOptions.at(0).id, catalogOptions.at(1).id));
    }
    if (!m_comparison || m_comparison->pair() != m_state.comparison())
        m_comparison = std::make_unique<ui::Comparison>(m_state);
    // The figure paints the background (or leaves it transparent), after the theme set it.
    m_comparison->scene().setBackgroundBrush(Qt::NoBrush);
    m_differences.setHtml(m_comparison->differencesHtml());
    m_attributes.setHtml(m_comparison->attributesHtml());
    m_costs.setHtml(m_comparison->costsHtml());
    return m_comparison.get();
}

CompareExportView::Layout CompareExportView::layout() const
{
    // As the compare view lays it out on a wide screen: the stacks, and beside them the
    // differences, the attribute table and the costs.
    Layout layout;
    const QSizeF stacks = m_comparison->scene().sceneRect().size();
    layout.stacks = QRectF(QPointF(), stacks);
    const qreal left = stacks.width() + gap;
    // The stacks' scene has a margin on every side; the text keeps the same on its right, so
    // the figure's margins are even and the table's highlight stops short of the edge.
    const qreal width = contentWidth - left - diagram::spacing::margin;
    qreal top = diagram::spacing::margin;
    const auto place = [&](QTextDocument& document) {
        document.setTextWidth(width);
        const QRectF rect(QPointF(left, top), QSizeF(width, document.size().height()));
        top = rect.bottom() + gap;
        return rect;
    };
    layout.differences = place(m_differences);
    layout.attributes = place(m_attributes);
    layout.costs = place(m_costs);
    // The chart fills the room under the stacks, which are tall but narrow.
    layout.chart = QRectF(0, layout.stacks.bottom() + gap, stacks.width(), chartHeight);
    layout.size = QSizeF(contentWidth, std::max(layout.costs.bottom(), layout.chart.bottom()));
    return layout;
}

QString CompareExportView::title(const ExportOptions& options) const
{
    const ui::Comparison* comparison = prepare(options);
    return comparison
               ? comparison->title()
               : QCoreApplication::translate("ExportView", "Two deployment options compared");
}

QSizeF CompareExportView::contentSize(const ExportOptions& options) const
{
    return prepare(options) ? layout().size : QSizeF();
}

void CompareExportView::render(QPainter& painter, const QRectF& target,
                               const ExportOptions& options)
{
    ui::Comparison* comparison = prepare(options);
    if (!comparison)
        return;
    const Layout parts = layout();
    const qreal scale =
        std::min(target.width() / parts.size.width(), target.height() / parts.size.height());
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(scale, scale);
    comparison->scene().render(&painter, parts.stacks, comparison->scene().sceneRect());
    drawDocument(painter, m_differences, parts.differences, m_state.theme());
    drawDocument(painter, m_attributes, parts.attributes, m_state.theme());
    drawDocument(painter, m_costs, parts.costs, m_state.theme());
    charts::CostCurveChartView::renderTo(comparison->pairState(), painter, parts.chart);
    painter.restore();
}

} // namespace ace::exports
