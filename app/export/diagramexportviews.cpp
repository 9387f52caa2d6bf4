#include "export/diagramexportviews.h"

#include "catalog/catalog.h"

#include <QCoreApplication>
#include <QPainter>

namespace ace::exports {

namespace {
// How much of the scene's margin an export keeps: enough for selection outlines and shadows;
// the figure adds its own margin around the content.
constexpr qreal keptMargin = 8;
} // namespace

DiagramExportView::DiagramExportView(const Catalog& catalog, const PriceBook& prices)
    : m_state(catalog, prices)
    , m_scene(m_state)
{
    // The legend explains the responsibility cells, so exports always show them.
    m_state.setShowResponsibility(true);
}

QRectF DiagramExportView::trimmedSceneRect() const
{
    const qreal trim = diagram::spacing::margin - keptMargin;
    return m_scene.sceneRect().adjusted(trim, trim, -trim, -trim);
}

QSizeF DiagramExportView::contentSize(const ExportOptions&) const
{
    QSizeF size;
    for (const QRectF& slice : m_slices)
        size = QSizeF(std::max(size.width(), slice.width()), size.height() + slice.height());
    return size;
}

QRectF DiagramExportView::contentRectOf(const QRectF& sceneRect) const
{
    qreal top = 0;
    for (const QRectF& slice : m_slices) {
        if (slice.contains(sceneRect))
            return sceneRect.translated(-slice.left(), top - slice.top());
        top += slice.height();
    }
    return {};
}

void DiagramExportView::render(QPainter& painter, const QRectF& target,
                               const ExportOptions& options)
{
    m_state.setWorkload(options.workload);
    m_state.setTheme(ui::Theme::ofKind(options.theme));
    m_state.setCurrent(options.select);
    // The figure paints the background (or leaves it transparent), after the theme set it.
    m_scene.setBackgroundBrush(Qt::NoBrush);

    const QSizeF size = contentSize(options);
    const qreal scale = std::min(target.width() / size.width(), target.height() / size.height());
    qreal top = target.top();
    for (const QRectF& slice : std::as_const(m_slices)) {
        const QRectF sliceTarget(target.left(), top, slice.width() * scale, slice.height() * scale);
        painter.save();
        // Items crossing the slice's edge (a selected column's outline) must not spill over.
        painter.setClipRect(sliceTarget, Qt::IntersectClip);
        m_scene.render(&painter, sliceTarget, slice);
        painter.restore();
        top = sliceTarget.bottom();
    }
}

StackExportView::StackExportView(const Catalog& catalog, const PriceBook& prices)
    : DiagramExportView(catalog, prices)
{
    setSlices({trimmedSceneRect()});
}

QString StackExportView::title(const ExportOptions&) const
{
    return QCoreApplication::translate("ExportView",
                                       "AWS compute options: how they layer, who manages what");
}

ResponsibilityExportView::ResponsibilityExportView(const Catalog& catalog, const PriceBook& prices)
    : DiagramExportView(catalog, prices)
{
    // The options' names (with the gutter's caption), then the bands and the legend: the stack
    // between them is left out.
    const QRectF whole = trimmedSceneRect();
    const QStringList columns = scene().columnOrder();
    const QRectF header = scene().headerRect(columns.constFirst());
    const QString topLayer = scene().state().catalog().layers().constLast().id;
    const qreal bandsTop = scene().cellRect(columns.constFirst(), topLayer).top();
    const qreal gap = diagram::spacing::headerGap / 2;
    setSlices(
        {QRectF(QPointF(whole.left(), whole.top()), QPointF(whole.right(), header.bottom() + gap)),
         QRectF(QPointF(whole.left(), bandsTop - gap), whole.bottomRight())});
}

QString ResponsibilityExportView::title(const ExportOptions&) const
{
    return QCoreApplication::translate("ExportView",
                                       "Who manages each layer of each AWS compute option");
}

} // namespace ace::exports
