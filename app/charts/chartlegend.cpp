#include "charts/chartlegend.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace ace::charts {

namespace {

// The sample is this many text heights wide: long enough to show two dashes of a pattern.
constexpr qreal sampleWidthInLines = 2.2;
constexpr qreal sampleGap = 5;
constexpr qreal entryGap = 14;
constexpr qreal rowGap = 2;

} // namespace

// One entry: its sample and label, with the entry's tooltip.
class ChartLegend::Entry final : public QGraphicsItem
{
public:
    Entry(const LegendEntry& entry, const QFont& font, const QColor& textColor,
          QGraphicsItem* parent)
        : QGraphicsItem(parent)
        , m_entry(entry)
        , m_font(font)
        , m_textColor(textColor)
    {
        setToolTip(entry.toolTip.isEmpty() ? entry.label : entry.toolTip);
        setAcceptHoverEvents(true);
    }

    QSizeF size() const
    {
        const QFontMetricsF metrics(m_font);
        return {sampleWidth() + sampleGap + metrics.horizontalAdvance(m_entry.label),
                metrics.height()};
    }

    QRectF boundingRect() const override { return QRectF(QPointF(), size()); }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        const qreal height = size().height();
        const QRectF sample(0, 0, sampleWidth(), height);
        const qreal middle = sample.center().y();
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        switch (m_entry.sample) {
        case LegendEntry::Sample::Line:
            painter->setPen(m_entry.pen);
            painter->drawLine(QPointF(sample.left() + 1, middle),
                              QPointF(sample.right() - 1, middle));
            break;
        case LegendEntry::Sample::Swatch: {
            const qreal side = height * 0.7;
            painter->fillRect(
                QRectF(sample.left() + (sample.width() - side) / 2, middle - side / 2, side, side),
                m_entry.brush);
            break;
        }
        case LegendEntry::Sample::Marker: {
            const qreal radius = height * 0.3;
            painter->setPen(m_entry.pen);
            painter->setBrush(m_entry.brush);
            painter->drawEllipse(QPointF(sample.center().x(), middle), radius, radius);
            break;
        }
        case LegendEntry::Sample::Band:
            painter->fillRect(sample.adjusted(2, 2, -2, -2), m_entry.brush);
            painter->setPen(m_entry.pen);
            painter->drawLine(QPointF(sample.left() + 2, sample.top() + 2),
                              QPointF(sample.left() + 2, sample.bottom() - 2));
            painter->drawLine(QPointF(sample.right() - 2, sample.top() + 2),
                              QPointF(sample.right() - 2, sample.bottom() - 2));
            break;
        }
        painter->setFont(m_font);
        painter->setPen(m_textColor);
        painter->drawText(QRectF(sample.right() + sampleGap, 0, size().width(), height),
                          Qt::AlignLeft | Qt::AlignVCenter, m_entry.label);
        painter->restore();
    }

private:
    qreal sampleWidth() const { return QFontMetricsF(m_font).height() * sampleWidthInLines; }

    LegendEntry m_entry;
    QFont m_font;
    QColor m_textColor;
};

ChartLegend::ChartLegend(QGraphicsItem* parent)
    : QGraphicsItem(parent)
{
    setFlag(ItemHasNoContents);
}

void ChartLegend::setEntries(const QList<LegendEntry>& entries)
{
    // Most workload edits leave the legend as it was: making it again laid it out again.
    if (entries == m_entries)
        return;
    m_entries = entries;
    rebuild();
}

void ChartLegend::setFont(const QFont& font)
{
    m_font = font;
    rebuild();
}

void ChartLegend::setTextColor(const QColor& color)
{
    if (color == m_textColor)
        return;
    m_textColor = color;
    rebuild();
}

void ChartLegend::rebuild()
{
    qDeleteAll(m_items);
    m_items.clear();
    for (const LegendEntry& entry : std::as_const(m_entries))
        m_items.append(new Entry(entry, m_font, m_textColor, this));
    layOut(m_width, m_oneColumn);
}

QSizeF ChartLegend::layOut(qreal width, bool oneColumn)
{
    prepareGeometryChange();
    m_width = width;
    m_oneColumn = oneColumn;
    // Rows are filled left to right and then centred, each row as wide as it needs.
    QList<QList<Entry*>> rows;
    qreal rowWidth = 0;
    for (Entry* item : std::as_const(m_items)) {
        const qreal itemWidth = item->size().width();
        if (rows.isEmpty() || oneColumn || rowWidth + entryGap + itemWidth > width) {
            rows.append(QList<Entry*>());
            rowWidth = itemWidth;
        } else {
            rowWidth += entryGap + itemWidth;
        }
        rows.last().append(item);
    }
    m_size = QSizeF();
    qreal y = 0;
    for (const QList<Entry*>& row : std::as_const(rows)) {
        qreal widthOfRow = -entryGap;
        qreal heightOfRow = 0;
        for (const Entry* item : row) {
            widthOfRow += entryGap + item->size().width();
            heightOfRow = std::max(heightOfRow, item->size().height());
        }
        qreal x = oneColumn ? 0 : std::max(0.0, (width - widthOfRow) / 2);
        for (Entry* item : row) {
            item->setPos(x, y);
            x += item->size().width() + entryGap;
        }
        m_size = m_size.expandedTo(QSizeF(oneColumn ? widthOfRow : width, y + heightOfRow));
        y += heightOfRow + rowGap;
    }
    return m_size;
}

QList<QRectF> ChartLegend::entryRects() const
{
    QList<QRectF> rects;
    for (const Entry* item : m_items)
        rects.append(item->mapRectToParent(item->boundingRect()));
    return rects;
}

QRectF ChartLegend::boundingRect() const
{
    return QRectF(QPointF(), m_size);
}

void ChartLegend::paint(QPainter*, const QStyleOptionGraphicsItem*, QWidget*)
{}

} // namespace ace::charts
