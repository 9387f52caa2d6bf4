#include "compare/compareview.h"

#include "catalog/catalog.h"
#include "charts/costcurvechart.h"
#include "compare/comparison.h"
#include "diagram/stackdiagramscene.h"
#include "diagram/stackdiagramview.h"
#include "state/explorerstate.h"

#include <QAction>
#include <QBoxLayout>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>

namespace ace::ui {

namespace {

// Below this width the costs and their chart stack instead of sitting side by side.
constexpr int costsSideBySideWidth = 900;
// The attribute table needs about this much width beside the stacks.
constexpr int tableWidth = 520;
constexpr int chartHeight = 320;
constexpr int partGap = 16;
constexpr int firstShare = 3;
constexpr int secondShare = 2;
constexpr int minimumPickerWidth = 110;

QLabel* richText()
{
    auto* label = new QLabel;
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

// A row of two widgets that stacks them when it is narrower than `breakpoint`; the first gets
// the larger share of the width (text that wraps badly when narrow goes first).
class AdaptiveRow final : public QWidget
{
public:
    AdaptiveRow(QWidget* first, QWidget* second, int breakpoint)
        : m_layout(new QBoxLayout(QBoxLayout::LeftToRight, this))
        , m_breakpoint(breakpoint)
    {
        m_layout->setContentsMargins({});
        m_layout->setSpacing(partGap);
        m_layout->addWidget(first, firstShare);
        m_layout->addWidget(second, secondShare);
    }

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        m_layout->setDirection(width() >= m_breakpoint ? QBoxLayout::LeftToRight
                                                       : QBoxLayout::TopToBottom);
        QWidget::resizeEvent(event);
    }

private:
    QBoxLayout* m_layout;
    int m_breakpoint;
};

// The stacks, and the rest of the comparison beside them: the diagram shrinks (to no less
// than the view's readable scale, below which it would scroll) to leave the rest the width of the
// attribute table; with less room than that the rest goes below the stacks, shown at their natural
// size.
class StacksRow final : public QWidget
{
public:
    StacksRow(diagram::StackDiagramView* stacks, QWidget* rest)
        : m_layout(new QBoxLayout(QBoxLayout::LeftToRight, this))
        , m_stacks(stacks)
        , m_naturalSize(stacks->scene()->sceneRect().size())
    {
        m_layout->setContentsMargins({});
        m_layout->setSpacing(partGap);
        m_layout->addWidget(stacks, 0, Qt::AlignTop);
        m_layout->addWidget(rest, 1);
        showStacksAt(1);
    }

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        const qreal scale = std::min(1.0, (width() - partGap - tableWidth) / m_naturalSize.width());
        const bool beside = scale >= m_stacks->readableScale();
        showStacksAt(beside ? scale : 1);
        m_layout->setDirection(beside ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
        QWidget::resizeEvent(event);
    }

private:
    void showStacksAt(qreal scale)
    {
        // The view fits the whole diagram into its size.
        m_stacks->setFixedSize((m_naturalSize * scale).toSize() + QSize(2, 2));
    }

    QBoxLayout* m_layout;
    diagram::StackDiagramView* m_stacks;
    QSizeF m_naturalSize;
};

} // namespace

CompareView::CompareView(ExplorerState& state, QWidget* parent)
    : QWidget(parent)
    , m_state(state)
{
    setObjectName(QStringLiteral("compareView"));
    m_scroller = new QScrollArea;
    m_scroller->setWidgetResizable(true);
    m_scroller->setFrameShape(QFrame::NoFrame);
    m_scroller->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    layout->setSpacing(0);
    layout->addWidget(createBar());
    layout->addWidget(m_scroller, 1);

    auto* close = new QAction(tr("Close Comparison"), this);
    // Every platform binding of Close (Ctrl+W and Ctrl+F4 on Linux and Windows), after Esc.
    close->setShortcuts(QList<QKeySequence>{QKeySequence(Qt::Key_Escape)} +
                        QKeySequence::keyBindings(QKeySequence::Close));
    close->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(close, &QAction::triggered, this, &CompareView::closeComparison);
    addAction(close);

    connect(&m_state, &ExplorerState::comparisonChanged, this, &CompareView::showPair);
    showPair();
}

CompareView::~CompareView()
{
    // The views of the comparison go before the comparison they show.
    delete m_scroller->takeWidget();
}

QWidget* CompareView::createBar()
{
    auto* bar = new QWidget;
    bar->setObjectName(QStringLiteral("compareBar"));
    bar->setAutoFillBackground(true);
    bar->setBackgroundRole(QPalette::Window);

    m_firstPicker = new QComboBox;
    m_secondPicker = new QComboBox;
    const Catalog& catalog = m_state.catalog();
    for (QComboBox* picker : {m_firstPicker, m_secondPicker}) {
        for (const DeploymentOption& option : catalog.options()) {
            picker->addItem(option.name, option.id);
            picker->setItemData(picker->count() - 1,
                                QVariant::fromValue(CatalogItem::option(option.id)),
                                pickerItemRole);
        }
        picker->insertSeparator(picker->count());
        for (const Service& service : catalog.services()) {
            picker->addItem(service.name, service.id);
            picker->setItemData(picker->count() - 1,
                                QVariant::fromValue(CatalogItem::service(service.id)),
                                pickerItemRole);
        }
    }
    m_firstPicker->setToolTip(tr("The option or service on the left"));
    m_firstPicker->setAccessibleName(tr("First option or service compared"));
    m_secondPicker->setToolTip(tr("The option or service on the right"));
    m_secondPicker->setAccessibleName(tr("Second option or service compared"));
    connect(m_firstPicker, &QComboBox::activated, this, [this](int index) { pick(true, index); });
    connect(m_secondPicker, &QComboBox::activated, this, [this](int index) { pick(false, index); });

    m_wayPicker = new QComboBox;
    m_wayPicker->setToolTip(tr("Two services compare on what both use: choose it"));
    m_wayLabel = new QLabel(tr("Both &use:"));
    m_wayLabel->setBuddy(m_wayPicker);
    m_wayLabel->hide();
    m_wayPicker->hide();
    for (QComboBox* picker : {m_firstPicker, m_secondPicker, m_wayPicker}) {
        // As wide as the choice when there is room; a narrow window elides it instead of
        // growing the bar ("Amazon ECS — as ECS on Fargate" is long).
        picker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        picker->setMinimumWidth(minimumPickerWidth);
    }
    connect(m_wayPicker, &QComboBox::activated, this,
            [this](int index) { m_state.setComparison(m_ways.value(index)); });

    auto* swap = new QToolButton;
    swap->setText(tr("⇄ &Swap"));
    swap->setToolTip(tr("Swap the two sides"));
    connect(swap, &QToolButton::clicked, this, &CompareView::swapSides);
    m_swapButton = swap;

    auto* copy = new QPushButton(tr("Copy as &Markdown"));
    copy->setToolTip(tr("Copy the attribute table as a Markdown table"));
    connect(copy, &QPushButton::clicked, this, &CompareView::copyMarkdown);
    m_copyButton = copy;

    auto* close = new QToolButton;
    close->setText(tr("✕ Close"));
    close->setToolTip(tr("Back to the explorer (Esc)"));
    connect(close, &QToolButton::clicked, this, &CompareView::closeComparison);
    m_closeButton = close;

    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(12, 6, 8, 6);
    layout->addWidget(new QLabel(tr("<b>Compare</b>")));
    layout->addWidget(m_firstPicker);
    layout->addWidget(swap);
    layout->addWidget(m_secondPicker);
    layout->addSpacing(12);
    layout->addWidget(m_wayLabel);
    layout->addWidget(m_wayPicker);
    layout->addStretch(1);
    layout->addWidget(copy);
    layout->addWidget(close);
    return bar;
}

void CompareView::pick(bool firstSide, int index)
{
    const auto picked = (firstSide ? m_firstPicker : m_secondPicker)
                            ->itemData(index, pickerItemRole)
                            .value<CatalogItem>();
    const ComparedPair& shown = m_state.comparison();
    CatalogItem first = firstSide ? picked : shown.firstItem;
    CatalogItem second = firstSide ? shown.secondItem : picked;
    // Picking the other side's choice swaps the sides rather than comparing it with itself.
    if (first == second)
        (firstSide ? second : first) = firstSide ? shown.firstItem : shown.secondItem;
    const ComparisonWays found = waysToCompare(m_state.catalog(), first, second);
    if (found.ways.isEmpty()) {
        emit message(tr("%1 vs %2 %3")
                         .arg(itemName(m_state.catalog(), first),
                              itemName(m_state.catalog(), second), found.error));
        showPickedItems(); // back to what is compared
        return;
    }
    m_state.setComparison(found.ways.constFirst());
}

void CompareView::swapSides()
{
    m_state.setComparison(m_state.comparison().swapped());
}

void CompareView::copyMarkdown()
{
    if (!m_comparison)
        return;
    QGuiApplication::clipboard()->setText(m_comparison->model().toMarkdown());
    emit message(tr("Copied the comparison of %1 as a Markdown table").arg(m_comparison->title()));
}

void CompareView::closeComparison()
{
    m_state.clearComparison();
}

void CompareView::showPair()
{
    if (!m_state.isComparing()) {
        // Closed: nothing of it stays behind to follow workload edits.
        delete m_scroller->takeWidget();
        m_comparison.reset();
        m_title = m_differences = m_attributes = m_costs = nullptr;
        m_diagramView = nullptr;
        m_costChart = nullptr;
        return;
    }
    showPickedItems();

    auto comparison = std::make_unique<Comparison>(m_state);
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("comparisonContent"));
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("comparisonTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_diagramView = new diagram::StackDiagramView(&comparison->scene());
    m_diagramView->setFrameShape(QFrame::NoFrame);
    m_differences = richText();
    m_attributes = richText();
    m_attributes->setObjectName(QStringLiteral("comparisonAttributes"));
    m_costs = richText();
    m_costs->setObjectName(QStringLiteral("comparisonCosts"));
    m_costChart = new charts::CostCurveChartView(comparison->pairState());
    m_costChart->setMinimumHeight(chartHeight);

    // The stacks are tall and narrow: the rest goes beside them when there is room, else
    // below; the costs' chart goes beside the costs when there is room for both.
    auto* beside = new QWidget;
    auto* besideLayout = new QVBoxLayout(beside);
    besideLayout->setContentsMargins({});
    besideLayout->setSpacing(partGap);
    besideLayout->addWidget(m_differences);
    besideLayout->addWidget(m_attributes);
    besideLayout->addWidget(new AdaptiveRow(m_costs, m_costChart, costsSideBySideWidth));
    besideLayout->addStretch(1);

    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(partGap, 12, partGap, partGap);
    layout->setSpacing(partGap);
    layout->addWidget(m_title);
    layout->addWidget(new StacksRow(m_diagramView, beside));
    layout->addStretch(1);

    // The old content goes first: its views show the old comparison.
    m_scroller->setWidget(content);
    m_comparison = std::move(comparison);
    connect(m_comparison.get(), &Comparison::changed, this, &CompareView::refreshText);
    refreshText();
}

void CompareView::showPickedItems()
{
    const Catalog& catalog = m_state.catalog();
    const ComparedPair& pair = m_state.comparison();
    const auto show = [&catalog](QComboBox* picker, const CatalogItem& item,
                                 const QString& optionId) {
        for (int i = 0; i < picker->count(); ++i) {
            const auto entry = picker->itemData(i, pickerItemRole).value<CatalogItem>();
            if (entry.kind != CatalogItem::Kind::Service)
                continue;
            // The service picked says which option stands for it.
            picker->setItemText(
                i,
                entry == item
                    ? tr("%1 — as %2").arg(itemName(catalog, entry), catalog.option(optionId)->name)
                    : itemName(catalog, entry));
        }
        picker->setCurrentIndex(picker->findData(QVariant::fromValue(item), pickerItemRole));
    };
    show(m_firstPicker, pair.firstItem, pair.first);
    show(m_secondPicker, pair.secondItem, pair.second);

    m_ways = waysToCompare(catalog, pair.firstItem, pair.secondItem).ways;
    m_wayPicker->clear();
    for (const ComparedPair& way : std::as_const(m_ways))
        m_wayPicker->addItem(sharedServicesName(catalog, way));
    m_wayPicker->setCurrentIndex(static_cast<int>(m_ways.indexOf(pair)));
    m_wayLabel->setVisible(m_ways.size() > 1);
    m_wayPicker->setVisible(m_ways.size() > 1);
}

void CompareView::refreshText()
{
    m_title->setText(m_comparison->title());
    m_differences->setText(m_comparison->differencesHtml());
    m_attributes->setText(m_comparison->attributesHtml());
    m_costs->setText(m_comparison->costsHtml());
}

} // namespace ace::ui
