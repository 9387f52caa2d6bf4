#pragma once

#include "state/theme.h"

#include <QChart>
#include <QColor>
#include <QGraphicsSimpleTextItem>
#include <QPainter>

namespace ace {
class Catalog;
} // namespace ace

namespace ace::charts {

// An option's colour in every chart: the theme's series colour of its place in the catalog.
QColor optionColor(const ui::Theme& theme, const Catalog& catalog, const QString& optionId);

// How an option's curve is drawn, in its colour. The pattern (solid, dashed, dotted, in turn)
// tells curves apart by more than hue, and where two options cost the same (EC2 and ECS on
// EC2, where ECS is free) the earlier one shows through the later one's gaps.
QPen optionPen(const ui::Theme& theme, const Catalog& catalog, const QString& optionId,
               bool isCurrent);

// The colour of the `index`-th stacked part (a bar's line-item kinds): hues a golden angle
// apart, so neighbours always differ clearly, at the lightness of the theme's selection
// colour, which reads on its background.
QColor partColor(const ui::Theme& theme, int index);

// Grid lines: between the border and the background, so they guide without competing.
QColor gridColor(const ui::Theme& theme);

// Short money for axis ticks and bar totals: "$1", "$10k", "$0.01" ("10k EUR" elsewhere).
QString shortMoney(double amount, const QString& currency);

// Below this width a legend row would not hold six option names, nor an axis its labels in
// full-size type.
constexpr qreal narrowChartWidth = 720;

// A narrow chart's axes get smaller labels, so every tick keeps its label.
void fitToWidth(QChart& chart, qreal width);

// Colours the chart's frame, title and axes from the theme.
void applyTheme(QChart& chart, const ui::Theme& theme);

// A one-line text label drawn over a chart. Over data it has a halo of the background colour
// around its letters, so curves crossing it stay visible between them; elsewhere (over grid
// lines only) a plate of the background colour keeps it readable.
class ChartLabel final : public QGraphicsSimpleTextItem
{
public:
    enum class Backing { None, Halo, Plate };

    explicit ChartLabel(QGraphicsItem* parent, Backing backing = Backing::Halo);

    void setBackingColor(const QColor& color) { m_backingColor = color; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    // Where the label is drawn, in its parent's coordinates.
    QRectF placedRect() const { return mapRectToParent(boundingRect()); }

private:
    Backing m_backing;
    QColor m_backingColor;
};

} // namespace ace::charts
