#pragma once

#include "catalog/catalogitem.h"
#include "diagram/diagramitems.h"
#include "diagram/stacklayout.h"

#include <QGraphicsScene>
#include <QHash>
#include <QList>

namespace ace::ui {
class ExplorerState;
}

namespace ace::diagram {

// The stack diagram: one column per deployment option, each service a block resting on the
// block it runs on (a substrate several options share is drawn once beneath all of them), over
// AWS's infrastructure; below, who manages each layer in each option, with a legend.
//
// The scene is built from the catalog of the shared state, changes the state when clicked or
// hovered and marks the current and hovered items when the state changes. Its geometry does
// not depend on any view: `render(&painter, target, sceneRect())` draws the whole diagram.
class StackDiagramScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StackDiagramScene)

public:
    explicit StackDiagramScene(ui::ExplorerState& state, QObject* parent = nullptr);

    ui::ExplorerState& state() const { return m_state; }

    // The deployment options' ids, left to right; options sharing a substrate are adjacent.
    QStringList columnOrder() const;

    // Geometry in scene coordinates, for tests, keyboard navigation and export. Null
    // rectangles for unknown ids, and for cells while the responsibility bands are hidden.
    // A column runs from its header to the bottom of what is shown (bands or base).
    QRectF columnRect(const QString& optionId) const;
    QRectF headerRect(const QString& optionId) const;
    QRectF cellRect(const QString& optionId, const QString& layerId) const;
    // One rectangle per block of the service, left to right.
    QList<QRectF> blockRects(const QString& serviceId) const;
    QRectF baseRect() const;
    QRectF legendRect() const;

    // Highlights the layers whose manager differs between the columns (for a comparison of
    // options; with many columns nearly every layer differs). Off by default.
    void setHighlightDifferences(bool highlight);
    // The layers highlighted now, bottom to top.
    QStringList highlightedLayers() const;

    // How the state currently marks a column, or each of a service's blocks (left to right).
    Marks columnMarks(const QString& optionId) const;
    QList<Marks> blockMarks(const QString& serviceId) const;

    // Every text label shown, with the item it belongs to, in scene coordinates.
    struct Label
    {
        PlacedLabel label;
        QRectF itemRect;
    };
    QList<Label> visibleLabels() const;

    // The fonts the scene's text is set in: views size their zoom from them.
    const DiagramFonts& fonts() const { return m_fonts; }

    // The headings a view keeps in sight while zoomed in: each column's header, and each layer
    // band's name (the band's part left of its cells), with the item that paints it.
    struct Heading
    {
        QString id; // the option's or the layer's
        QRectF rect;
        DiagramItem* item = nullptr;
    };
    QList<Heading> columnHeadings() const;
    // Top to bottom; none while the responsibility bands are hidden.
    QList<Heading> rowHeadings() const;

private:
    struct Column
    {
        QString optionId;
        ColumnLaneItem* lane = nullptr;
        ColumnHeaderItem* header = nullptr;
        QHash<QString, ResponsibilityCellItem*> cells; // by layer id
    };
    struct Block
    {
        ServiceBlockItem* item = nullptr;
        int firstColumn = 0;
        int lastColumn = 0;
    };

    void addColumn(const StackLayout::Column& column);
    void addBlocks();
    void addResponsibilitySection();
    void applyTheme();
    void applyResponsibilityVisibility();
    void applyMarks();
    const Column* column(const QString& optionId) const;
    // The service's blocks, left to right.
    QList<const Block*> blocksOf(const QString& serviceId) const;

    ui::ExplorerState& m_state;
    const DiagramFonts m_fonts;
    const StackLayout m_layout;
    QList<Column> m_columns;
    QList<Block> m_blocks; // in layout order
    ServiceBlockItem* m_base = nullptr;
    QList<DiagramItem*> m_responsibilityItems; // bands, cells, caption and legend
    QList<LayerBandItem*> m_bands;             // bottom to top
    LegendItem* m_legend = nullptr;
};

} // namespace ace::diagram
