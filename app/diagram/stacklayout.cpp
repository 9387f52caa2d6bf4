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

// The sizes the diagram is built from, each measured from the text it must hold.
struct Measures
{
    qreal columnWidth = spacing::minColumnWidth;
    qreal gutterWidth = 0;
    qreal headerHeight = 0;
    qreal levelHeight = spacing::minLevelHeight;
    qreal baseHeight = 0;
    qreal bandHeight = spacing::minBandHeight;
    qreal pillWidth = 0; // the widest responsibility label on its pill
    qreal swatchHeight = 0;

    qreal spanWidth(int firstColumn, int lastColumn) const
    {
        const int span = lastColumn - firstColumn + 1;
        return span * columnWidth + (span - 1) * spacing::columnGap;
    }
};

class Measurer
{
public:
    Measurer(const StackTree& tree, const Catalog& catalog, const DiagramFonts& fonts)
        : m_tree(tree)
        , m_catalog(catalog)
        , m_fonts(fonts)
    {}

    Measures measure(const QString& baseDetail) const
    {
        using namespace spacing;
        Measures sizes;
        measureColumns(sizes);
        sizes.gutterWidth =
            std::max(TextBlock::narrowestWidth(DiagramWords::stackCaption(), m_fonts.caption, 3),
                     TextBlock::narrowestWidth(DiagramWords::optionsCaption(), m_fonts.header));
        for (const Layer& layer : m_catalog.layers())
            sizes.gutterWidth = std::max(sizes.gutterWidth,
                                         labelWidth(layer.name, m_fonts.layer, maxGutterLineWidth));

        // Heights, from the text fitted into those widths.
        const qreal textWidth = sizes.columnWidth - 2 * paddingX;
        for (const QString& optionId : m_tree.columns())
            sizes.headerHeight =
                std::max(sizes.headerHeight,
                         textHeight(m_catalog.option(optionId)->name, m_fonts.header, textWidth));
        // Under each name, one line with the option's monthly cost for the current workload.
        sizes.headerHeight += 2 * paddingY + lineGap + TextBlock::heightOf(1, m_fonts.detail);
        const qreal detailHeight = TextBlock::heightOf(1, m_fonts.detail);
        for (const StackTree::Node& node : m_tree.nodes()) {
            if (node.serviceId.isEmpty())
                continue;
            const qreal width = sizes.spanWidth(node.firstColumn, node.lastColumn) - 2 * paddingX;
            sizes.levelHeight =
                std::max(sizes.levelHeight, textHeight(serviceName(node), m_fonts.block, width) +
                                                lineGap + detailHeight + 2 * paddingY);
            if (node.hasChildren)
                sizes.levelHeight = std::max(sizes.levelHeight,
                                             TextBlock(DiagramWords::directSlot(serviceName(node)),
                                                       m_fonts.detail, textWidth, 3)
                                                     .size()
                                                     .height() +
                                                 2 * paddingY);
        }
        // The base lists the layers AWS always manages; under few columns that wraps.
        const qreal baseWidth = sizes.spanWidth(0, int(m_tree.columns().size()) - 1) - 2 * paddingX;
        sizes.baseHeight = TextBlock::heightOf(1, m_fonts.block) +
                           (baseDetail.isEmpty() ? 0
                                                 : lineGap + TextBlock(baseDetail, m_fonts.detail,
                                                                       baseWidth, baseDetailLines)
                                                                 .size()
                                                                 .height()) +
                           2 * paddingY;
        const qreal pillHeight = TextBlock::heightOf(1, m_fonts.cell) + 2 * pillPaddingY;
        sizes.bandHeight = std::max(sizes.bandHeight, pillHeight + paddingY);
        for (const Layer& layer : m_catalog.layers())
            sizes.bandHeight =
                std::max(sizes.bandHeight,
                         textHeight(layer.name, m_fonts.layer, sizes.gutterWidth) + paddingY);
        sizes.swatchHeight = pillHeight + 8;
        return sizes;
    }

    // A block's detail line: its service's category.
    QString detailOf(const QString& serviceId) const
    {
        const Category* category = m_catalog.category(m_catalog.service(serviceId)->category);
        return category ? category->name : QString();
    }

private:
    // Every column as wide as the widest need, so the grid stays regular.
    void measureColumns(Measures& sizes) const
    {
        using namespace spacing;
        auto need = [&sizes](qreal width, int span) {
            sizes.columnWidth =
                std::max(sizes.columnWidth, (width - (span - 1) * columnGap) / span);
        };
        // Option names take two lines rather than widen every column.
        for (const QString& optionId : m_tree.columns())
            need(labelWidth(m_catalog.option(optionId)->name, m_fonts.header,
                            minColumnWidth - 2 * paddingX) +
                     2 * paddingX,
                 1);
        for (const StackTree::Node& node : m_tree.nodes()) {
            if (node.serviceId.isEmpty())
                continue;
            const qreal text =
                std::max(TextBlock::narrowestWidth(serviceName(node), m_fonts.block),
                         TextBlock::narrowestWidth(detailOf(node.serviceId), m_fonts.detail));
            need(text + 2 * paddingX, node.lastColumn - node.firstColumn + 1);
            if (node.hasChildren)
                need(TextBlock::narrowestWidth(DiagramWords::directSlot(serviceName(node)),
                                               m_fonts.detail, 3) +
                         2 * paddingX,
                     1);
        }
        const QFontMetricsF cellMetrics(m_fonts.cell);
        for (const Responsibility who : legendOrder)
            sizes.pillWidth =
                std::max(sizes.pillWidth,
                         std::ceil(cellMetrics.horizontalAdvance(responsibilityLabel(who))) +
                             2 * pillPaddingX);
        need(sizes.pillWidth + 2 * paddingX, 1);
    }

    QString serviceName(const StackTree::Node& node) const
    {
        return m_catalog.service(node.serviceId)->name;
    }

    const StackTree& m_tree;
    const Catalog& m_catalog;
    const DiagramFonts& m_fonts;
};

// The legend's entries in one row from the origin, each a swatch and its meaning.
QList<StackLayout::LegendEntry> legendRow(const Measures& sizes, const QFont& font)
{
    const QFontMetricsF metrics(font);
    QList<StackLayout::LegendEntry> entries;
    qreal x = 0;
    for (const Responsibility who : legendOrder) {
        const QSizeF swatch(sizes.pillWidth + 12, sizes.swatchHeight);
        const qreal textWidth =
            std::ceil(metrics.horizontalAdvance(DiagramWords::legendMeaning(who)));
        const qreal textLeft = x + swatch.width() + spacing::legendSwatchGap;
        entries.append({who, QRectF(QPointF(x, 0), swatch),
                        QRectF(textLeft, (swatch.height() - metrics.height()) / 2, textWidth,
                               metrics.height())});
        x = textLeft + textWidth + spacing::legendEntryGap;
    }
    return entries;
}

// Moves a legend row to `origin`, wrapping entries that would cross `right` to new rows.
void placeLegend(QList<StackLayout::LegendEntry>& entries, const QPointF& origin, qreal right)
{
    qreal rowStart = 0;
    qreal rowTop = origin.y();
    for (StackLayout::LegendEntry& entry : entries) {
        if (origin.x() + entry.text.right() - rowStart > right && entry.swatch.left() > rowStart) {
            rowStart = entry.swatch.left();
            rowTop += entry.swatch.height() + spacing::bandGap;
        }
        const QPointF shift(origin.x() - rowStart, rowTop);
        entry.swatch.translate(shift);
        entry.text.translate(shift);
    }
}

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
    const Measurer measurer(tree, catalog, fonts);
    StackLayout layout;
    layout.baseDetail = alwaysAwsLayerNames(catalog);
    const Measures sizes = measurer.measure(layout.baseDetail);
    const int levels = tree.maxDepth();
    const int columnCount = int(tree.columns().size());

    const qreal gutterLeft = margin;
    const qreal columnsLeft = gutterLeft + sizes.gutterWidth + gutterGap;
    const qreal columnsRight = columnsLeft + sizes.spanWidth(0, columnCount - 1);
    auto columnLeft = [&](int column) {
        return columnsLeft + column * (sizes.columnWidth + columnGap);
    };
    const qreal headerTop = margin;
    const qreal stackTop = headerTop + sizes.headerHeight + headerGap;
    // Level 0 is the base; level 1 rests on it, and so on up.
    auto levelTop = [&](int level) {
        return stackTop + (levels - level) * (sizes.levelHeight + blockGap);
    };
    auto levelsRect = [&](int first, int last, int lowLevel, int highLevel) {
        return QRectF(
            QPointF(columnLeft(first), levelTop(highLevel)),
            QPointF(columnLeft(last) + sizes.columnWidth, levelTop(lowLevel) + sizes.levelHeight));
    };

    for (const StackTree::Node& node : tree.nodes()) {
        if (node.serviceId.isEmpty())
            continue;
        // A block nothing builds on reaches the top, so a short column still reads as whole.
        const int highLevel = node.hasChildren ? node.depth : levels;
        layout.blocks.append(
            {node.serviceId, measurer.detailOf(node.serviceId), node.firstColumn, node.lastColumn,
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
    layout.base = QRectF(columnsLeft, levelTop(0), columnsRight - columnsLeft, sizes.baseHeight);
    layout.optionsCaption = QRectF(gutterLeft, headerTop, sizes.gutterWidth, sizes.headerHeight);
    layout.stackCaption =
        QRectF(gutterLeft, stackTop, sizes.gutterWidth, levels * sizes.levelHeight);
    const qreal stackBottom = layout.base.bottom();
    layout.sceneWithoutBands = QRectF(0, 0, columnsRight + margin, stackBottom + margin);

    // The responsibility section: a caption, with the legend beside it when there is room.
    const qreal captionTop = stackBottom + sectionGap;
    const qreal captionHeight = TextBlock::heightOf(1, fonts.header);
    layout.bandsCaption = QRectF(
        gutterLeft, captionTop,
        TextBlock::narrowestWidth(DiagramWords::bandsCaption(), fonts.header, 1), captionHeight);
    layout.legend = legendRow(sizes, fonts.caption);
    const qreal legendWidth = layout.legend.constLast().text.right();
    const bool legendBesideCaption =
        layout.bandsCaption.right() + 2 * legendEntryGap + legendWidth <= columnsRight;

    qreal y = captionTop + std::max(captionHeight, sizes.swatchHeight) + captionGap;
    for (auto layer = catalog.layers().crbegin(); layer != catalog.layers().crend(); ++layer) {
        Band band{layer->id,
                  QRectF(gutterLeft, y, sizes.gutterWidth, sizes.bandHeight),
                  QRectF(gutterLeft - paddingX / 2, y, columnsRight - gutterLeft + paddingX / 2,
                         sizes.bandHeight),
                  {}};
        for (int column = 0; column < columnCount; ++column)
            band.cells.append(QRectF(columnLeft(column), y, sizes.columnWidth, sizes.bandHeight));
        layout.bands.append(band);
        y += sizes.bandHeight + bandGap;
    }
    const qreal bandsBottom = y - bandGap;

    if (legendBesideCaption)
        placeLegend(layout.legend, QPointF(columnsRight - legendWidth, captionTop), columnsRight);
    else
        placeLegend(layout.legend, QPointF(gutterLeft, bandsBottom + captionGap), columnsRight);
    const qreal bottom =
        legendBesideCaption ? bandsBottom : layout.legend.constLast().swatch.bottom();
    layout.sceneWithBands = QRectF(0, 0, columnsRight + margin, bottom + margin);

    for (int column = 0; column < columnCount; ++column) {
        const QRectF header(columnLeft(column), headerTop, sizes.columnWidth, sizes.headerHeight);
        layout.columns.append({tree.columns().at(column), header,
                               QRectF(header.topLeft(), QPointF(header.right(), stackBottom)),
                               QRectF(header.topLeft(), QPointF(header.right(), bandsBottom))});
    }
    return layout;
}

QString DiagramWords::monthlyCost(const QString& amount)
{
    return tr("%1 / month").arg(amount);
}

QString DiagramWords::notFeasible()
{
    return tr("not feasible");
}

} // namespace ace::diagram
