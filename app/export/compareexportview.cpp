#include "export/compareexportview.h"

#include "catalog/catalog.h"
#include "charts/costcurvechart.h"
#include "diagram/stackdiagramscene.h"
#include "export/figure.h"
#include "ui/comparison.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPainter>

namespace ace::exports {

namespace {

// The comparison is laid out at this width; its height follows from the text.
constexpr qreal contentWidth = 1200;
constexpr qreal gap = 24;
constexpr qreal costsWidth = 720;
constexpr qreal chartHeight = 380;
constexpr int textPixelSize = 13;

void drawDocument(QPainter& painter, QTextDocument& document, const QRectF& rect)
{
    painter.save();
    painter.translate(rect.topLeft());
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = QRectF(QPointF(), rect.size());
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

ui::Comparison& CompareExportView::prepare(const ExportOptions& options) const
{
    m_state.setWorkload(options.workload);
    m_state.setTheme(ui::Theme::ofKind(options.theme));
    m_state.setCurrent(options.select);
    const Catalog& catalog = m_state.catalog();
    const bool valid = options.compareFirst != options.compareSecond &&
                       catalog.option(options.compareFirst) &&
                       catalog.option(options.compareSecond);
    const QString first = valid ? options.compareFirst : catalog.options().at(0).id;
    const QString second = valid ? options.compareSecond : catalog.options().at(1).id;
    if (!m_comparison || m_comparison->first().id != first || m_comparison->second().id != second) {
        m_comparison = std::make_unique<ui::Comparison>(m_state, first, second);
    }
    // The figure paints the background (or leaves it transparent), after the theme set it.
    m_comparison->scene().setBackgroundBrush(Qt::NoBrush);
    m_differences.setHtml(m_comparison->differencesHtml());
    m_attributes.setHtml(m_comparison->attributesHtml());
    m_costs.setHtml(m_comparison->costsHtml());
    return *m_comparison;
}

CompareExportView::Layout CompareExportView::layout() const
{
    Layout layout;
    const QSizeF stacks = m_comparison->scene().sceneRect().size();
    layout.stacks = QRectF(QPointF(), stacks);
    m_differences.setTextWidth(contentWidth - stacks.width() - gap);
    layout.differences =
        QRectF(QPointF(stacks.width() + gap, diagram::spacing::margin), m_differences.size());
    const qreal attributesTop = std::max(layout.stacks.bottom(), layout.differences.bottom()) + gap;
    m_attributes.setTextWidth(contentWidth);
    layout.attributes = QRectF(QPointF(0, attributesTop), m_attributes.size());
    const qreal costsTop = layout.attributes.bottom() + gap;
    m_costs.setTextWidth(costsWidth);
    layout.costs = QRectF(QPointF(0, costsTop), m_costs.size());
    layout.chart = QRectF(costsWidth + gap, costsTop, contentWidth - costsWidth - gap, chartHeight);
    layout.size = QSizeF(contentWidth, std::max(layout.costs.bottom(), layout.chart.bottom()));
    return layout;
}

QString CompareExportView::title(const ExportOptions& options) const
{
    return prepare(options).title();
}

QSizeF CompareExportView::contentSize(const ExportOptions& options) const
{
    prepare(options);
    return layout().size;
}

void CompareExportView::render(QPainter& painter, const QRectF& target,
                               const ExportOptions& options)
{
    ui::Comparison& comparison = prepare(options);
    const Layout parts = layout();
    const qreal scale =
        std::min(target.width() / parts.size.width(), target.height() / parts.size.height());
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(scale, scale);
    comparison.scene().render(&painter, parts.stacks, comparison.scene().sceneRect());
    drawDocument(painter, m_differences, parts.differences);
    drawDocument(painter, m_attributes, parts.attributes);
    drawDocument(painter, m_costs, parts.costs);
    charts::CostCurveChart::renderTo(comparison.pairState(), painter, parts.chart);
    painter.restore();
}

} // namespace ace::exports
