#pragma once

#include "catalog/catalog.h"
#include "catalog/catalogitem.h"
#include "diagram/diagramtext.h"
#include "diagram/stacklayout.h"

#include <QFlags>
#include <QGraphicsItem>

namespace ace::ui {
class ExplorerState;
class Theme;
} // namespace ace::ui

namespace ace::diagram {

// How the shared state emphasises an item: it is (part of) the current selection, or it
// belongs to the service under the pointer.
enum class Mark { Selected = 0x1, Hovered = 0x2 };
Q_DECLARE_FLAGS(Marks, Mark)
Q_DECLARE_OPERATORS_FOR_FLAGS(Marks)

// A text label as drawn, in scene coordinates.
struct PlacedLabel
{
    QString text;
    QRectF rect;
};

// The base of the diagram's items: a rectangle in scene coordinates, painted with the shared
// state's theme, that makes its catalog item current when clicked (if it stands for one).
// Items are placed by their rectangle and never moved, so item and scene coordinates agree.
class DiagramItem : public QGraphicsItem
{
public:
    DiagramItem(ui::ExplorerState& state, const QRectF& rect, const CatalogItem& target);

    QRectF rect() const { return m_rect; }
    void setRect(const QRectF& rect);
    const CatalogItem& target() const { return m_target; }
    Marks marks() const { return m_marks; }
    void setMarks(Marks marks);
    // The item's text labels, for the checks that no label is cut or overlaps another.
    virtual QList<PlacedLabel> labels() const { return {}; }

    QRectF boundingRect() const override;

protected:
    // The margin around rect() that outlines and shadows may paint into.
    static constexpr qreal outlineMargin = 6;

    const ui::Theme& theme() const;
    ui::ExplorerState& state() const { return m_state; }
    // Whether the pointer is over this item: clickable items show it, so a click's target is
    // never in doubt.
    bool isPointerOver() const { return m_pointerOver; }
    // Outlines `shape` in the selection and/or hover colour, as marks() says.
    void paintMarks(QPainter* painter, const QRectF& shape, qreal radius) const;

    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    ui::ExplorerState& m_state;
    QRectF m_rect;
    CatalogItem m_target;
    Marks m_marks;
    bool m_pointerOver = false;
};

// The background of one option's column: invisible until the column is selected or uses the
// hovered service, and a click target for the column's empty space.
class ColumnLaneItem final : public DiagramItem
{
public:
    ColumnLaneItem(ui::ExplorerState& state, const QRectF& rect, const QString& optionId);
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF frame() const;
};

// The option's name above its column, and its monthly cost for the current workload.
class ColumnHeaderItem final : public DiagramItem
{
public:
    ColumnHeaderItem(ui::ExplorerState& state, const QRectF& rect, const DeploymentOption& option,
                     const QString& topCategory, const DiagramFonts& fonts);
    QList<PlacedLabel> labels() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF nameArea() const;
    QRectF costArea() const;
    // "$36.04 / month" for the state's workload, or "not feasible".
    TextBlock costLine() const;

    const DeploymentOption& m_option;
    QString m_topCategory;
    TextBlock m_name;
    QFont m_costFont;
};

// A service, or the base of AWS's infrastructure (a block with no service), resting on the
// block below it.
class ServiceBlockItem final : public DiagramItem
{
public:
    ServiceBlockItem(ui::ExplorerState& state, const QRectF& rect, const Service& service,
                     const QString& detail, const DiagramFonts& fonts);
    // The base block, which stands for no catalog item.
    ServiceBlockItem(ui::ExplorerState& state, const QRectF& rect, const QString& name,
                     const QString& detail, const DiagramFonts& fonts);

    const QString& serviceId() const { return m_serviceId; }
    QList<PlacedLabel> labels() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    // Where the name and the detail line go, stacked and centred together.
    std::pair<QRectF, QRectF> textRects() const;

    QString m_serviceId;
    QString m_category;
    TextBlock m_name;
    TextBlock m_detail;
};

// The empty top of a column whose option runs directly on a shared substrate (EC2 instances
// above the EC2 block that ECS and EKS also use).
class DirectSlotItem final : public DiagramItem
{
public:
    DirectSlotItem(ui::ExplorerState& state, const QRectF& rect, const QString& optionId,
                   const QString& serviceName, const QFont& font);
    QList<PlacedLabel> labels() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    TextBlock m_text;
};

// One layer's row behind the responsibility cells, with the layer's name at the left.
class LayerBandItem final : public DiagramItem
{
public:
    LayerBandItem(ui::ExplorerState& state, const StackLayout::Band& band, const Layer& layer,
                  const QFont& font);
    const QString& layerId() const { return m_layerId; }
    // A band whose layer is managed differently across the columns is highlighted.
    bool isHighlighted() const { return m_highlighted; }
    void setHighlighted(bool highlighted);
    QList<PlacedLabel> labels() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString m_layerId;
    QRectF m_labelArea;
    TextBlock m_name;
    bool m_highlighted = false;
};

// Who manages one layer in one option: the responsibility's fill, pattern and label.
class ResponsibilityCellItem final : public DiagramItem
{
public:
    ResponsibilityCellItem(ui::ExplorerState& state, const QRectF& rect, const QString& optionId,
                           Responsibility who, const QFont& font);
    Responsibility who() const { return m_who; }
    QList<PlacedLabel> labels() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    Responsibility m_who;
    TextBlock m_label;
};

// What the cells' styles mean: a swatch drawn like a cell, and its meaning, per responsibility.
class LegendItem final : public DiagramItem
{
public:
    LegendItem(ui::ExplorerState& state, const QList<StackLayout::LegendEntry>& entries,
               const DiagramFonts& fonts);
    // The swatch of a responsibility, in scene coordinates; null when it has none.
    QRectF swatchRect(Responsibility who) const;
    QList<PlacedLabel> labels() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    struct Entry
    {
        StackLayout::LegendEntry geometry;
        TextBlock label;
        TextBlock meaning;
    };
    QList<Entry> m_entries;
};

// A section caption: muted explanatory text, or a title.
class CaptionItem final : public DiagramItem
{
public:
    enum class Role { Title, Explanation };
    CaptionItem(ui::ExplorerState& state, const QRectF& rect, const QString& text,
                const QFont& font, Role role);
    QList<PlacedLabel> labels() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    // Titles sit level with what they name; explanations start at its top.
    Qt::Alignment alignment() const;

    Role m_role;
    TextBlock m_text;
};

} // namespace ace::diagram
