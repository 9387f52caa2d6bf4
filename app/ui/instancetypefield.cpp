#include "ui/instancetypefield.h"

#include "cost/quantitytext.h"

#include <QAbstractTableModel>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>

#include <algorithm>

namespace ace::ui {

// The instance types of a price book as a table: type, vCPUs, memory, architecture, hourly
// price.
class InstanceTypeModel final : public QAbstractTableModel
{
public:
    enum Column { Type, Vcpus, Memory, ArchitectureColumn, PerHour, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setPrices(const PriceBook& prices)
    {
        beginResetModel();
        m_types = prices.ec2().instanceTypes;
        m_currency = prices.currency();
        endResetModel();
    }

    const InstanceType* find(const QString& type) const
    {
        const auto found = std::find_if(m_types.cbegin(), m_types.cend(), [&type](const auto& t) {
            return t.type.compare(type, Qt::CaseInsensitive) == 0;
        });
        return found == m_types.cend() ? nullptr : &*found;
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_types.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : ColumnCount;
    }

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!index.isValid())
            return {};
        const InstanceType& type = m_types.at(index.row());
        if (role == Qt::TextAlignmentRole) {
            const bool number = index.column() != Type && index.column() != ArchitectureColumn;
            return QVariant::fromValue(Qt::AlignVCenter |
                                       (number ? Qt::AlignRight : Qt::AlignLeft));
        }
        if (role != Qt::DisplayRole && role != Qt::EditRole)
            return {};
        switch (Column(index.column())) {
        case Type:
            return type.type;
        case Vcpus:
            return groupedNumber(type.vcpu, 2);
        case Memory:
            return InstanceTypeField::tr("%1 GiB").arg(groupedNumber(type.memoryGib, 2));
        case ArchitectureColumn:
            return architectureId(type.architecture);
        case PerHour:
            return moneyRate(type.perHour, m_currency);
        case ColumnCount:
            break;
        }
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        switch (Column(section)) {
        case Type:
            return InstanceTypeField::tr("Type");
        case Vcpus:
            return InstanceTypeField::tr("vCPUs");
        case Memory:
            return InstanceTypeField::tr("Memory");
        case ArchitectureColumn:
            return InstanceTypeField::tr("Architecture");
        case PerHour:
            return InstanceTypeField::tr("Per hour");
        case ColumnCount:
            break;
        }
        return {};
    }

private:
    QList<InstanceType> m_types;
    QString m_currency;
};

InstanceTypeField::InstanceTypeField(QWidget* parent)
    : QWidget(parent)
    , m_model(new InstanceTypeModel(this))
    , m_ofArchitecture(new QSortFilterProxyModel(this))
    , m_completer(new QCompleter(this))
    , m_text(new QLineEdit)
    , m_listButton(new QToolButton)
    , m_list(new QTreeView)
{
    m_ofArchitecture->setSourceModel(m_model);
    m_ofArchitecture->setFilterKeyColumn(InstanceTypeModel::ArchitectureColumn);

    m_text->setToolTip(tr("Type to find an instance type (\"m7g\", \"xlarge\"); ↓ lists them all"));
    m_text->setPlaceholderText(tr("Instance type"));
    // Room for the longest type name AWS sells (2026).
    m_text->setMinimumWidth(
        m_text->fontMetrics().horizontalAdvance(QStringLiteral("u7in-32tb.224xlarge")) +
        2 * style()->pixelMetric(QStyle::PM_DefaultFrameWidth) + 8);
    m_text->installEventFilter(this);
    setFocusProxy(m_text);

    m_listButton->setArrowType(Qt::DownArrow);
    m_listButton->setToolTip(tr("Every instance type of the workload's architecture"));
    // The field keeps the focus, so that a click on the button does not commit its text.
    m_listButton->setFocusPolicy(Qt::NoFocus);
    connect(m_listButton, &QToolButton::clicked, this, [this] { showList(true); });

    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionsMovable(false);
    m_list->setObjectName(QStringLiteral("instanceTypeList"));

    m_completer->setModel(m_ofArchitecture);
    m_completer->setCompletionColumn(InstanceTypeModel::Type);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setMaxVisibleItems(14);
    m_completer->setPopup(m_list);
    // Not QLineEdit::setCompleter: the field opens the list itself, wider than the field.
    m_completer->setWidget(m_text);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
            &InstanceTypeField::choose);
    connect(m_text, &QLineEdit::textEdited, this, [this] { showList(false); });
    connect(m_text, &QLineEdit::editingFinished, this, &InstanceTypeField::commitTypedText);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_listButton);
}

InstanceTypeField::~InstanceTypeField() = default;

void InstanceTypeField::setPrices(const PriceBook& prices)
{
    m_region = prices.region();
    m_model->setPrices(prices);
    // Each column as wide as its widest text, so that the list reads as a table.
    const QFontMetrics metrics = m_list->fontMetrics();
    const int padding = 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 12;
    for (int column = 0; column < m_model->columnCount(); ++column) {
        int width = metrics.horizontalAdvance(
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        for (int row = 0; row < m_model->rowCount(); ++row) {
            width = std::max(
                width, metrics.horizontalAdvance(m_model->index(row, column).data().toString()));
        }
        m_list->header()->resizeSection(column, width + padding);
    }
}

void InstanceTypeField::setArchitecture(Architecture architecture)
{
    m_architecture = architecture;
    m_ofArchitecture->setFilterRegularExpression(
        QRegularExpression(QRegularExpression::anchoredPattern(architectureId(architecture))));
}

void InstanceTypeField::setType(const QString& type)
{
    // A refused entry stays as typed until the workload's type changes.
    if (type == m_type && !m_refusedText.isEmpty())
        return;
    m_type = type;
    m_refusedText.clear();
    m_text->setText(type);
}

void InstanceTypeField::showList(bool allTypes)
{
    m_completer->setCompletionPrefix(allTypes ? QString() : m_text->text().trimmed());
    const int width = m_list->header()->length() + 2 * m_list->frameWidth() +
                      m_list->verticalScrollBar()->sizeHint().width();
    m_completer->complete(QRect(0, 0, std::max(width, m_text->width()), m_text->height()));
    // QCompleter makes room for the rows but not for the header: the last row would be hidden.
    const int rows = std::min(m_completer->completionCount(), m_completer->maxVisibleItems());
    const int height = m_list->header()->sizeHint().height() + rows * m_list->sizeHintForRow(0) +
                       2 * m_list->frameWidth();
    QRect geometry = m_list->geometry();
    if (geometry.bottom() < m_text->mapToGlobal(QPoint(0, 0)).y())
        geometry.setTop(geometry.bottom() - height + 1); // opened above the field
    else
        geometry.setHeight(height);
    m_list->setGeometry(geometry);
    // The whole list opens at the type chosen.
    const QAbstractItemModel* shown = m_completer->completionModel();
    for (int row = 0; allTypes && row < shown->rowCount(); ++row) {
        const QModelIndex index = shown->index(row, InstanceTypeModel::Type);
        if (index.data().toString() == m_type) {
            m_list->setCurrentIndex(index);
            m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
        }
    }
}

QStringList InstanceTypeField::listedTypes() const
{
    QStringList types;
    const QAbstractItemModel* shown = m_completer->completionModel();
    for (int row = 0; row < shown->rowCount(); ++row)
        types.append(shown->index(row, InstanceTypeModel::Type).data().toString());
    return types;
}

QSize InstanceTypeField::sizeHint() const
{
    return minimumSizeHint();
}

bool InstanceTypeField::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_text && event->type() == QEvent::KeyPress && !m_list->isVisible()) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_F4) {
            // The type chosen lists every type; text typed lists what matches it.
            showList(m_text->text() == m_type);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void InstanceTypeField::commitTypedText()
{
    const QString typed = m_text->text().trimmed();
    if (typed == m_type) {
        refuse({});
        return;
    }
    const InstanceType* found = m_model->find(typed);
    if (found && found->architecture == m_architecture) {
        choose(found->type);
        return;
    }
    if (found) {
        //: e.g. "m7g.large is an arm64 type: the workload is x86_64 (Architecture, above)".
        refuse(tr("%1 is an %2 type: the workload is %3 (Architecture, above)")
                   .arg(found->type, architectureId(found->architecture),
                        architectureId(m_architecture)));
        return;
    }
    refuse(typed.isEmpty()
               ? tr("Choose an instance type from the list (↓)")
               : tr("\"%1\" is no instance type in the %2 price book: choose one from the list (↓)")
                     .arg(typed, m_region));
}

void InstanceTypeField::choose(const QString& type)
{
    m_text->setText(type);
    refuse({});
    // The workload's new type comes back through setType().
    if (type != m_type)
        emit typeChosen(type);
}

void InstanceTypeField::refuse(const QString& problem)
{
    m_refusedText = problem.isEmpty() ? QString() : m_text->text();
    emit typeRefused(problem);
}

} // namespace ace::ui
