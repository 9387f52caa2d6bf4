#include "diagram/stacklayout.h"

#include "diagram/diagramtext.h"

#include <QFontMetricsF>

#include <algorithm>
#include <vector>

namespace ace::diagram {

namespace {

// The options' stacks read bottom-up and merged where they start the same: a node per distinct
// bottom-up prefix, so a node is exactly one drawn block and its columns are its options.
class StackTree
{
public:
    struct Node
    {
        QString serviceId; // empty for the base, AWS's infrastructure
        int depth = 0;
        // Child nodes (index ≥ 0) and options ending here (index < 0, id set), in the order
        // they first appear in the catalog.
        struct Entry
        {
            int child = -1;
            QString optionId;
        };
        QList<Entry> entries;
        bool hasChildren = false;
        int firstColumn = 0;
        int lastColumn = 0;
    };

    explicit StackTree(const Catalog& catalog)
    {
        m_nodes.push_back({});
        for (const DeploymentOption& option : catalog.options()) {
            int node = 0;
            for (auto service = option.stack.crbegin(); service != option.stack.crend(); ++service)
                node = childOf(node, *service);
            m_nodes[node].entries.append(Node::Entry{-1, option.id});
        }
        assignColumns(0);
    }

    const std::vector<Node>& nodes() const { return m_nodes; }
    // Option ids, left to right: depth-first, so options sharing a substrate are adjacent.
    const QStringList& columns() const { return m_columns; }
    int maxDepth() const
    {
        return std::max_element(m_nodes.cbegin(), m_nodes.cend(),
                                [](const Node& a, const Node& b) { return a.depth < b.depth; })
            ->depth;
    }

private:
    int childOf(int parent, const QString& serviceId)
    {
        for (const Node::Entry& entry : std::as_const(m_nodes[parent].entries)) {
            if (entry.child >= 0 && m_nodes[entry.child].serviceId == serviceId)
                return entry.child;
        }
        const int child = int(m_nodes.size());
        m_nodes.push_back({serviceId, m_nodes[parent].depth + 1, {}, false, 0, 0});
        m_nodes[parent].entries.append(Node::Entry{child, {}});
        m_nodes[parent].hasChildren = true;
        return child;
    }

    void assignColumns(int node)
    {
        m_nodes[node].firstColumn = int(m_columns.size());
        for (const Node::Entry& entry : std::as_const(m_nodes[node].entries)) {
            if (entry.child >= 0)
                assignColumns(entry.child);
            else
                m_columns.append(entry.optionId);
        }
        m_nodes[node].lastColumn = int(m_columns.size()) - 1;
    }

    std::vector<Node> m_nodes;
    QStringList m_columns;
};

// How much width a label needs: one line if that is not too long, otherwise two.
qreal labelWidth(const QString& text, const QFont& font, qreal preferredMax)
{
    const qreal oneLine = TextBlock::narrowestWidth(text, font, 1);
    return oneLine <= preferredMax ? oneLine : TextBlock::narrowestWidth(text, font, 2);
}

qreal textHeight(const QString& text, const QFont& font, qreal width)
{
    return TextBlock(text, font, width).size().height();
}

QString alwaysAwsLayerNames(const Catalog& catalog)
{
    QStringList names;
    for (const Layer& layer : catalog.layers()) {
        const bool alwaysAws = std::all_of(
            catalog.options().cbegin(), catalog.options().cend(), [&](const DeploymentOption& o) {
                const auto entry = catalog.responsibility(o.id, layer.id);
                return entry && entry->who == Responsibility::Aws;
            });
        if (alwaysAws)
            names.append(layer.name);
    }
    return names.join(QStringLiteral(" · "));
}

constexpr Responsibility legendOrder[] = {Responsibility::Aws, Responsibility::Shared,
                                          Responsibility::Customer, Responsibility::None};

} // namespace

QString DiagramWords::baseBlock()
{
    return tr("AWS infrastructure");
}

QString DiagramWords::optionsCaption()
{
    return tr("Deployment options");
}

QString DiagramWords::stackCaption()
{
    return tr("Each service runs on the one below it");
}

QString DiagramWords::bandsCaption()
{
    return tr("Who manages each layer");
}

QString DiagramWords::directSlot(const QString& serviceName)
{
    return tr("Runs directly on %1").arg(serviceName);
}

QString DiagramWords::legendMeaning(Responsibility who)
{
    switch (who) {
    case Responsibility::Aws:
        return tr("AWS manages it");
    case Responsibility::Customer:
        return tr("you manage it");
    case Responsibility::Shared:
        return tr("you and AWS share it");
    case Responsibility::None:
        break;
    }
    return tr("not part of the option");
}

int StackLayout::columnOf(const QString& optionId) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).optionId == optionId)
            return i;
    }
    return -1;
}

StackLayout StackLayout::compute(const Catalog& catalog, const DiagramFonts& fonts)
{
    using namespace spacing;
    const StackTree tree(catalog);
    const int levels = tree.maxDepth();
    const int columnCount = int(tree.columns().size());
    auto detailOf = [&catalog](const QString& serviceId) {
        const Category* category = catalog.category(catalog.service(serviceId)->category);
        return category ? category->name : QString();
    };
    auto serviceName = [&catalog](const QString& serviceId) {
        return catalog.service(serviceId)->name;
    };

    // Widths: every column as wide as the widest need, so the grid stays regular.
    qreal columnWidth = minColumnWidth;
    auto needColumns = [&columnWidth](qreal width, int span) {
        columnWidth = std::max(columnWidth, (width - (span - 1) * columnGap) / span);
    };
    // Option names take two lines rather than widen every column.
    for (const QString& optionId : tree.columns())
        needColumns(labelWidth(catalog.option(optionId)->name, fonts.header,
                               minColumnWidth - 2 * paddingX) +
                        2 * paddingX,
                    1);
    for (const StackTree::Node& node : tree.nodes()) {
        if (node.serviceId.isEmpty())
            continue;
        const qreal text =
            std::max(TextBlock::narrowestWidth(serviceName(node.serviceId), fonts.block),
                     TextBlock::narrowestWidth(detailOf(node.serviceId), fonts.detail));
        needColumns(text + 2 * paddingX, node.lastColumn - node.firstColumn + 1);
        if (node.hasChildren) {
            const qreal slot = TextBlock::narrowestWidth(
                DiagramWords::directSlot(serviceName(node.serviceId)), fonts.detail, 3);
            needColumns(slot + 2 * paddingX, 1);
        }
    }
    const QFontMetricsF cellMetrics(fonts.cell);
    qreal widestCellLabel = 0;
    for (const Responsibility who : legendOrder)
        widestCellLabel =
            std::max(widestCellLabel, cellMetrics.horizontalAdvance(responsibilityLabel(who)));
    const qreal pillWidth = std::ceil(widestCellLabel) + 2 * pillPaddingX;
    needColumns(pillWidth + 2 * paddingX, 1);

    qreal gutterWidth =
        std::max(TextBlock::narrowestWidth(DiagramWords::stackCaption(), fonts.caption, 3),
                 TextBlock::narrowestWidth(DiagramWords::optionsCaption(), fonts.header));
    for (const Layer& layer : catalog.layers())
        gutterWidth =
            std::max(gutterWidth, labelWidth(layer.name, fonts.layer, maxGutterLineWidth));

    // Heights, from the text fitted into those widths.
    const qreal textWidth = columnWidth - 2 * paddingX;
    auto spanWidth = [columnWidth](int first, int last) {
        return (last - first + 1) * columnWidth + (last - first) * columnGap;
    };
    qreal headerHeight = 0;
    for (const QString& optionId : tree.columns())
        headerHeight = std::max(
            headerHeight, textHeight(catalog.option(optionId)->name, fonts.header, textWidth));
    headerHeight += 2 * paddingY;
    const qreal detailHeight = TextBlock::heightOf(1, fonts.detail);
    qreal levelHeight = minLevelHeight;
    for (const StackTree::Node& node : tree.nodes()) {
        if (node.serviceId.isEmpty())
            continue;
        const qreal width = spanWidth(node.firstColumn, node.lastColumn) - 2 * paddingX;
        levelHeight =
            std::max(levelHeight, textHeight(serviceName(node.serviceId), fonts.block, width) +
                                      lineGap + detailHeight + 2 * paddingY);
        if (node.hasChildren)
            levelHeight = std::max(levelHeight,
                                   TextBlock(DiagramWords::directSlot(serviceName(node.serviceId)),
                                             fonts.detail, textWidth, 3)
                                           .size()
                                           .height() +
                                       2 * paddingY);
    }
    const QString baseDetail = alwaysAwsLayerNames(catalog);
    const qreal baseHeight = TextBlock::heightOf(1, fonts.block) +
                             (baseDetail.isEmpty() ? 0 : lineGap + detailHeight) + 2 * paddingY;
    qreal bandHeight = std::max(minBandHeight, TextBlock::heightOf(1, fonts.cell) +
                                                   2 * pillPaddingY + 2 * (paddingY / 2));
    for (const Layer& layer : catalog.layers())
        bandHeight =
            std::max(bandHeight, textHeight(layer.name, fonts.layer, gutterWidth) + paddingY);

    // Positions, top to bottom.
    StackLayout layout;
    const qreal gutterLeft = margin;
    const qreal columnsLeft = gutterLeft + gutterWidth + gutterGap;
    const qreal columnsRight = columnsLeft + spanWidth(0, columnCount - 1);
    auto columnLeft = [&](int column) { return columnsLeft + column * (columnWidth + columnGap); };
    const qreal headerTop = margin;
    const qreal stackTop = headerTop + headerHeight + headerGap;
    auto levelTop = [&](int level) {
        return stackTop + (levels - level) * (levelHeight + blockGap);
    };
    auto levelsRect = [&](int first, int last, int lowLevel, int highLevel) {
        return QRectF(QPointF(columnLeft(first), levelTop(highLevel)),
                      QPointF(columnLeft(last) + columnWidth, levelTop(lowLevel) + levelHeight));
    };

    for (const StackTree::Node& node : tree.nodes()) {
        if (node.serviceId.isEmpty())
            continue;
        // A block nothing builds on reaches the top, so a short column still reads as whole.
        const int highLevel = node.hasChildren ? node.depth : levels;
        layout.blocks.append(
            {node.serviceId, detailOf(node.serviceId), node.firstColumn, node.lastColumn,
             levelsRect(node.firstColumn, node.lastColumn, node.depth, highLevel)});
        if (!node.hasChildren || node.depth == levels)
            continue;
        for (const StackTree::Node::Entry& entry : node.entries) {
            if (entry.child >= 0)
                continue;
            const int column = int(tree.columns().indexOf(entry.optionId));
            layout.directSlots.append({entry.optionId, node.serviceId,
                                       levelsRect(column, column, node.depth + 1, levels)});
        }
    }
    const qreal baseTop = levelTop(0);
    layout.base = QRectF(columnsLeft, baseTop, columnsRight - columnsLeft, baseHeight);
    layout.baseDetail = baseDetail;
    layout.optionsCaption = QRectF(gutterLeft, headerTop, gutterWidth, headerHeight);
    layout.stackCaption = QRectF(gutterLeft, stackTop, gutterWidth, levels * levelHeight);
    const qreal stackBottom = layout.base.bottom();
    layout.sceneWithoutBands = QRectF(0, 0, columnsRight + margin, stackBottom + margin);

    // The responsibility section: a caption with the legend beside it when there is room.
    const qreal captionTop = stackBottom + sectionGap;
    const qreal captionHeight = TextBlock::heightOf(1, fonts.header);
    layout.bandsCaption = QRectF(
        gutterLeft, captionTop,
        TextBlock::narrowestWidth(DiagramWords::bandsCaption(), fonts.header, 1), captionHeight);
    const qreal swatchHeight = TextBlock::heightOf(1, fonts.cell) + 2 * pillPaddingY + 8;
    const QFontMetricsF legendMetrics(fonts.caption);
    qreal legendWidth = 0;
    for (const Responsibility who : legendOrder) {
        const qreal textWidth =
            std::ceil(legendMetrics.horizontalAdvance(DiagramWords::legendMeaning(who)));
        const QSizeF swatch(pillWidth + 12, swatchHeight);
        layout.legend.append({who, QRectF(QPointF(legendWidth, 0), swatch),
                              QRectF(legendWidth + swatch.width() + legendSwatchGap, 0, textWidth,
                                     legendMetrics.height())});
        legendWidth += swatch.width() + legendSwatchGap + textWidth + legendEntryGap;
    }
    legendWidth -= legendEntryGap;
    const bool legendBesideCaption =
        layout.bandsCaption.right() + legendEntryGap * 2 + legendWidth <= columnsRight;
    const qreal bandsTop = captionTop + std::max(captionHeight, swatchHeight) + captionGap;

    qreal y = bandsTop;
    for (auto layer = catalog.layers().crbegin(); layer != catalog.layers().crend(); ++layer) {
        Band band{layer->id,
                  QRectF(gutterLeft, y, gutterWidth, bandHeight),
                  QRectF(gutterLeft - paddingX / 2, y, columnsRight - gutterLeft + paddingX / 2,
                         bandHeight),
                  {}};
        for (int column = 0; column < columnCount; ++column)
            band.cells.append(QRectF(columnLeft(column), y, columnWidth, bandHeight));
        layout.bands.append(band);
        y += bandHeight + bandGap;
    }
    const qreal bandsBottom = y - bandGap;

    // The legend's entries were laid out from the origin; move them into place, wrapping
    // to more rows if the diagram is narrower than the legend.
    QPointF legendOrigin(columnsRight - legendWidth, captionTop);
    if (!legendBesideCaption)
        legendOrigin = QPointF(gutterLeft, bandsBottom + captionGap);
    qreal rowShift = 0;
    qreal xShift = 0;
    for (LegendEntry& entry : layout.legend) {
        if (legendOrigin.x() + entry.text.right() - xShift > columnsRight &&
            entry.swatch.left() > 0) {
            xShift = entry.swatch.left();
            rowShift += swatchHeight + bandGap;
        }
        const QPointF shift = legendOrigin + QPointF(-xShift, rowShift);
        entry.swatch.translate(shift);
        entry.text.translate(shift);
        entry.text.moveCenter(QPointF(entry.text.center().x(), entry.swatch.center().y()));
    }
    const qreal bottom =
        legendBesideCaption ? bandsBottom : layout.legend.constLast().swatch.bottom();
    layout.sceneWithBands = QRectF(0, 0, columnsRight + margin, bottom + margin);

    for (int column = 0; column < columnCount; ++column) {
        const QRectF header(columnLeft(column), headerTop, columnWidth, headerHeight);
        layout.columns.append({tree.columns().at(column), header,
                               QRectF(header.topLeft(), QPointF(header.right(), stackBottom)),
                               QRectF(header.topLeft(), QPointF(header.right(), bandsBottom))});
    }
    return layout;
}

} // namespace ace::diagram
