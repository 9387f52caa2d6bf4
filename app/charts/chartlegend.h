#pragma once

#include <QBrush>
#include <QFont>
#include <QGraphicsItem>
#include <QList>
#include <QPen>
#include <QString>

namespace ace::charts {

// One row of a chart's legend: a sample drawn as the chart draws that thing, and its name.
struct LegendEntry
{
    enum class Sample {
        Line,   // a stretch of the curve's pen, dashes included
        Swatch, // a filled square (a bar's part)
        Marker, // a circle in `pen` filled with `brush` (a point marker)
        Band,   // a translucent band (a range of volumes)
    };

    QString label;
    Sample sample = Sample::Line;
    QPen pen;
    QBrush brush;
    QString toolTip;

    bool operator==(const LegendEntry& other) const
    {
        return label == other.label && sample == other.sample && pen == other.pen &&
               brush == other.brush && toolTip == other.toolTip;
    }
};

// The legend of the cost charts, in place of Qt Charts' own. Its entries are given whole each
// time (catalog order, only what the chart shows) and laid out from scratch: every entry has
// its own place and label whatever was shown before. (Qt's legend lays out a marker made
// visible or added after the first layout over its neighbours, without its label.)
class ChartLegend final : public QGraphicsItem
{
public:
    explicit ChartLegend(QGraphicsItem* parent);

    void setEntries(const QList<LegendEntry>& entries);
    const QList<LegendEntry>& entries() const { return m_entries; }
    void setFont(const QFont& font);
    const QFont& font() const { return m_font; }
    void setTextColor(const QColor& color);

    // Lays the entries out in centred rows at most `width` wide, or one entry a row when
    // `oneColumn`, and returns the size they take.
    QSizeF layOut(qreal width, bool oneColumn);
    // Where each entry is drawn, in this item's coordinates (entries() order).
    QList<QRectF> entryRects() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    class Entry;

    // Makes the entries' items afresh (new entries, font or colour) and lays them out.
    void rebuild();

    QList<LegendEntry> m_entries;
    QList<Entry*> m_items;
    QFont m_font;
    QColor m_textColor;
    QSizeF m_size;
    qreal m_width = 0;
    bool m_oneColumn = false;
};

} // namespace ace::charts
