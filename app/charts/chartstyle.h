#pragma once

#include "ui/theme.h"

#include <QChart>
#include <QColor>
#include <QGraphicsSimpleTextItem>
#include <QPainter>

namespace ace {
class Catalog;
} // namespace ace

namespace ace::charts {

// An option's colour in every chart. Options take their category's accent from the theme (as
// in the stack diagram); options sharing a category step away from it in hue, so the four
// container options stay apart.
QColor optionColor(const ui::Theme& theme, const Catalog& catalog, const QString& optionId);

// The colour of the `index`-th stacked part (a bar's line-item kinds): hues a golden angle
// apart, so neighbours always differ clearly, at the lightness of the theme's selection
// colour, which reads on its background.
QColor partColor(const ui::Theme& theme, int index);

// Grid lines: between the border and the background, so they guide without competing.
QColor gridColor(const ui::Theme& theme);

// Short money for axis ticks and bar totals: "$1", "$10k", "$0.01" ("10k EUR" elsewhere).
QString shortMoney(double amount, const QString& currency);

// Puts the legend under a wide chart and beside a narrow one, where a row of entries would be
// cut short; a narrow chart's axes get smaller labels, so every tick keeps its label.
void fitToWidth(QChart& chart, qreal width);

// Colours the chart's frame, legend, title and axes from the theme.
void applyTheme(QChart& chart, const ui::Theme& theme);

// A text label drawn over a chart on a plate of the background colour, so curves crossing it
// do not make it unreadable.
class PlateLabel final : public QGraphicsSimpleTextItem
{
public:
    explicit PlateLabel(QGraphicsItem* parent);

    void setPlate(const QColor& color) { m_plate = color; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QColor m_plate;
};

} // namespace ace::charts
