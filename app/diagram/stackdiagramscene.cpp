#include "diagram/stackdiagramscene.h"

#include "catalog/catalog.h"
#include "state/explorerstate.h"

#include <algorithm>

namespace ace::diagram {

StackDiagramScene::StackDiagramScene(ui::ExplorerState& state, QObject* parent)
    : QGraphicsScene(parent)
    , m_state(state)
    , m_fonts(DiagramFonts::standard())
    , m_layout(StackLayout::compute(state.catalog(), m_fonts))
{
    for (const StackLayout::Column& column : m_layout.columns)
        addColumn(column);
    addBlocks();
    addResponsibilitySection();

    connect(&m_state, &ui::ExplorerState::currentChanged, this, &StackDiagramScene::applyMarks);
    connect(&m_state, &ui::ExplorerState::hoveredServiceChanged, this,
            &StackDiagramScene::applyMarks);
    connect(&m_state, &ui::ExplorerState::themeChanged, this, &StackDiagramScene::applyTheme);
    // The headers show each option's monthly cost for the workload, and the advisor's marks.
    const auto updateHeaders = [this] {
        for (const Column& column : std::as_const(m_columns))
            column.header->update();
    };
    connect(&m_state, &ui::ExplorerState::costResultsChanged, this, updateHeaders);
    connect(&m_state, &ui::ExplorerState::adviceChanged, this, updateHeaders);
    connect(&m_state, &ui::ExplorerState::showResponsibilityChanged, this,
            &StackDiagramScene::applyResponsibilityVisibility);
    applyTheme();
    applyResponsibilityVisibility();
    applyMarks();
}

void StackDiagramScene::addColumn(const StackLayout::Column& geometry)
{
    const Catalog& catalog = m_state.catalog();
    const DeploymentOption& option = *catalog.option(geometry.optionId);
    Column column{option.id,
                  new ColumnLaneItem(m_state, geometry.withBands, option.id),
                  new ColumnHeaderItem(m_state, geometry.header, option,
                                       catalog.service(option.topService())->category, m_fonts),
                  {}};
    addItem(column.lane);
    addItem(column.header);
    m_columns.append(column);
}

void StackDiagramScene::addBlocks()
{
    const Catalog& catalog = m_state.catalog();
    for (const StackLayout::Block& block : m_layout.blocks) {
        auto* item = new ServiceBlockItem(m_state, block.rect, *catalog.service(block.serviceId),
                                          block.detail, m_fonts);
        addItem(item);
        m_blocks.append({item, block.firstColumn, block.lastColumn});
    }
    for (const StackLayout::DirectSlot& slot : m_layout.directSlots) {
        auto* item = new DirectSlotItem(m_state, slot.rect, slot.optionId,
                                        catalog.service(slot.serviceId)->name, m_fonts.detail);
        item->setToolTip(catalog.option(slot.optionId)->summary);
        addItem(item);
    }
    m_base = new ServiceBlockItem(m_state, m_layout.base, DiagramWords::baseBlock(),
                                  m_layout.baseDetail, m_fonts);
    m_base->setToolTip(catalog.layers().constFirst().description);
    addItem(m_base);
    addItem(new CaptionItem(m_state, m_layout.optionsCaption, DiagramWords::optionsCaption(),
                            m_fonts.header, CaptionItem::Role::Title));
    addItem(new CaptionItem(m_state, m_layout.stackCaption, DiagramWords::stackCaption(),
                            m_fonts.caption, CaptionItem::Role::Explanation));
}

void StackDiagramScene::addResponsibilitySection()
{
    const Catalog& catalog = m_state.catalog();
    for (const StackLayout::Band& band : m_layout.bands) {
        const Layer& layer = *catalog.layer(band.layerId);
        auto* bandItem = new LayerBandItem(m_state, band, layer, m_fonts.layer);
        m_bands.prepend(bandItem);
        m_responsibilityItems.append(bandItem);
        for (int i = 0; i < m_columns.size(); ++i) {
            Column& column = m_columns[i];
            const DeploymentOption& option = *catalog.option(column.optionId);
            const LayerResponsibility entry = *catalog.responsibility(option.id, layer.id);
            auto* cell = new ResponsibilityCellItem(m_state, band.cells.at(i), option.id, entry.who,
                                                    m_fonts.cell);
            //: A cell's tooltip: "Guest OS in ECS on Fargate: AWS. Fargate's hosts are …"
            cell->setToolTip(
                tr("%1 in %2: %3. %4")
                    .arg(layer.name, option.name, responsibilityLabel(entry.who), entry.why));
            column.cells.insert(layer.id, cell);
            m_responsibilityItems.append(cell);
        }
    }
    m_responsibilityItems.append(new CaptionItem(m_state, m_layout.bandsCaption,
                                                 DiagramWords::bandsCaption(), m_fonts.header,
                                                 CaptionItem::Role::Title));
    m_legend = new LegendItem(m_state, m_layout.legend, m_fonts);
    m_responsibilityItems.append(m_legend);
    for (DiagramItem* item : std::as_const(m_responsibilityItems))
        addItem(item);
}

void StackDiagramScene::setHighlightDifferences(bool highlight)
{
    const Catalog& catalog = m_state.catalog();
    const auto whoManages = [&catalog](const Column& column, const QString& layerId) {
        return catalog.responsibility(column.optionId, layerId)->who;
    };
    for (LayerBandItem* band : std::as_const(m_bands)) {
        const bool differs =
            std::any_of(m_columns.cbegin(), m_columns.cend(), [&](const Column& c) {
                return whoManages(c, band->layerId()) !=
                       whoManages(m_columns.constFirst(), band->layerId());
            });
        band->setHighlighted(highlight && differs);
    }
}

QStringList StackDiagramScene::highlightedLayers() const
{
    QStringList layers;
    for (const LayerBandItem* band : m_bands) {
        if (band->isHighlighted())
            layers.append(band->layerId());
    }
    return layers;
}

void StackDiagramScene::applyTheme()
{
    setBackgroundBrush(m_state.theme().background());
    update();
}

void StackDiagramScene::applyResponsibilityVisibility()
{
    const bool show = m_state.showResponsibility();
    for (DiagramItem* item : std::as_const(m_responsibilityItems))
        item->setVisible(show);
    for (int i = 0; i < m_columns.size(); ++i) {
        const StackLayout::Column& geometry = m_layout.columns.at(i);
        m_columns.at(i).lane->setRect(show ? geometry.withBands : geometry.withoutBands);
    }
    setSceneRect(show ? m_layout.sceneWithBands : m_layout.sceneWithoutBands);
}

void StackDiagramScene::applyMarks()
{
    const Catalog& catalog = m_state.catalog();
    const CatalogItem current = m_state.current();
    const QString hovered = m_state.hoveredService();
    const bool optionIsCurrent = current.kind == CatalogItem::Kind::Option;
    for (const Column& column : std::as_const(m_columns)) {
        Marks marks;
        marks.setFlag(Mark::Selected, optionIsCurrent && current.id == column.optionId);
        marks.setFlag(Mark::Hovered,
                      !hovered.isEmpty() && catalog.option(column.optionId)->uses(hovered));
        column.lane->setMarks(marks);
        column.header->setMarks(marks);
    }
    // A current option marks the blocks of its stack (those whose span covers its column); a
    // current category marks the blocks of its services.
    const int currentColumn = optionIsCurrent ? m_layout.columnOf(current.id) : -1;
    for (const Block& block : std::as_const(m_blocks)) {
        const QString& serviceId = block.item->serviceId();
        const bool selected =
            (current.kind == CatalogItem::Kind::Service && current.id == serviceId) ||
            (current.kind == CatalogItem::Kind::Category &&
             catalog.service(serviceId)->isIn(current.id)) ||
            (block.firstColumn <= currentColumn && currentColumn <= block.lastColumn);
        Marks marks;
        marks.setFlag(Mark::Selected, selected);
        marks.setFlag(Mark::Hovered, serviceId == hovered);
        block.item->setMarks(marks);
    }
}

QStringList StackDiagramScene::columnOrder() const
{
    QStringList ids;
    for (const Column& column : m_columns)
        ids.append(column.optionId);
    return ids;
}

const StackDiagramScene::Column* StackDiagramScene::column(const QString& optionId) const
{
    const auto found = std::find_if(m_columns.cbegin(), m_columns.cend(),
                                    [&](const Column& c) { return c.optionId == optionId; });
    return found == m_columns.cend() ? nullptr : &*found;
}

QRectF StackDiagramScene::columnRect(const QString& optionId) const
{
    const Column* found = column(optionId);
    return found ? found->lane->rect() : QRectF();
}

QRectF StackDiagramScene::headerRect(const QString& optionId) const
{
    const Column* found = column(optionId);
    return found ? found->header->rect() : QRectF();
}

QRectF StackDiagramScene::cellRect(const QString& optionId, const QString& layerId) const
{
    const Column* found = column(optionId);
    const ResponsibilityCellItem* cell = found ? found->cells.value(layerId) : nullptr;
    return cell && cell->isVisible() ? cell->rect() : QRectF();
}

QList<const StackDiagramScene::Block*> StackDiagramScene::blocksOf(const QString& serviceId) const
{
    QList<const Block*> blocks;
    for (const Block& block : m_blocks) {
        if (block.item->serviceId() == serviceId)
            blocks.append(&block);
    }
    std::sort(blocks.begin(), blocks.end(),
              [](const Block* a, const Block* b) { return a->firstColumn < b->firstColumn; });
    return blocks;
}

QList<QRectF> StackDiagramScene::blockRects(const QString& serviceId) const
{
    QList<QRectF> rects;
    for (const Block* block : blocksOf(serviceId))
        rects.append(block->item->rect());
    return rects;
}

QRectF StackDiagramScene::baseRect() const
{
    return m_base->rect();
}

QRectF StackDiagramScene::legendRect() const
{
    return m_legend->isVisible() ? m_legend->rect() : QRectF();
}

Marks StackDiagramScene::columnMarks(const QString& optionId) const
{
    const Column* found = column(optionId);
    return found ? found->lane->marks() : Marks();
}

QList<Marks> StackDiagramScene::blockMarks(const QString& serviceId) const
{
    QList<Marks> marks;
    for (const Block* block : blocksOf(serviceId))
        marks.append(block->item->marks());
    return marks;
}

QList<StackDiagramScene::Label> StackDiagramScene::visibleLabels() const
{
    QList<Label> labels;
    const QList<QGraphicsItem*> all = items();
    for (QGraphicsItem* item : all) {
        const auto* diagramItem = dynamic_cast<const DiagramItem*>(item);
        if (!diagramItem || !diagramItem->isVisible())
            continue;
        for (const PlacedLabel& label : diagramItem->labels())
            labels.append({label, diagramItem->rect()});
    }
    return labels;
}

QList<StackDiagramScene::Heading> StackDiagramScene::columnHeadings() const
{
    QList<Heading> headings;
    for (const Column& column : m_columns)
        headings.append({column.optionId, column.header->rect(), column.header});
    return headings;
}

QList<StackDiagramScene::Heading> StackDiagramScene::rowHeadings() const
{
    QList<Heading> headings;
    if (!m_state.showResponsibility())
        return headings;
    for (const StackLayout::Band& band : m_layout.bands) {
        // Up to halfway between the name and the first column.
        const QRectF heading(
            band.strip.topLeft(),
            QPointF(band.label.right() + spacing::gutterGap / 2, band.strip.bottom()));
        const auto item = std::find_if(m_bands.cbegin(), m_bands.cend(), [&](const auto* bandItem) {
            return bandItem->layerId() == band.layerId;
        });
        headings.append({band.layerId, heading, *item});
    }
    return headings;
}

} // namespace ace::diagram
