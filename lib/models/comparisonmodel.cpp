#include "models/comparisonmodel.h"

#include "catalog/catalog.h"

namespace ace {

namespace {

const QString nameSeparator = QStringLiteral(" · ");

// The names of the categories of every service in the option's stack, in the catalog's
// category order: ECS on Fargate is a container option and a serverless one.
QString categoryNames(const Catalog& catalog, const DeploymentOption& option)
{
    QStringList names;
    for (const Category& category : catalog.categories()) {
        for (const QString& serviceId : option.stack) {
            const Service* service = catalog.service(serviceId);
            if (service && service->isIn(category.id)) {
                names.append(category.name);
                break;
            }
        }
    }
    return names.join(nameSeparator);
}

// The layers the customer manages, top of the stack first (the application is what users
// think of first), then those shared with AWS.
QString customerLayers(const Catalog& catalog, const DeploymentOption& option)
{
    QStringList yours;
    QStringList shared;
    for (auto it = option.responsibilities.crbegin(); it != option.responsibilities.crend(); ++it) {
        const Layer* layer = catalog.layer(it->layer);
        const QString name = layer ? layer->name : it->layer;
        if (it->who == Responsibility::Customer)
            yours.append(name);
        else if (it->who == Responsibility::Shared)
            shared.append(name);
    }
    QString text = yours.join(nameSeparator);
    if (!shared.isEmpty()) {
        if (!text.isEmpty())
            text += QStringLiteral("; ");
        text += ComparisonModel::tr("shared with AWS: %1").arg(shared.join(nameSeparator));
    }
    return text;
}

// One Markdown table cell: "|" would end the cell and a line break the row. Backslashes are
// escaped too, so a value's own "\|" cannot turn the escape of its "|" back into a cell break.
QString markdownCell(QString text)
{
    text.replace(u'\\', QStringLiteral("\\\\"));
    text.replace(u'|', QStringLiteral("\\|"));
    text.replace(QStringLiteral("\r\n"), QStringLiteral("<br>"));
    text.replace(u'\n', QStringLiteral("<br>"));
    text.replace(u'\r', QStringLiteral("<br>"));
    return text;
}

QString markdownRow(const QStringList& cells)
{
    return QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

} // namespace

ComparisonModel::ComparisonModel(const Catalog& catalog, QObject* parent)
    : QAbstractTableModel(parent)
    , m_catalog(catalog)
{}

bool ComparisonModel::setPair(const QString& firstOptionId, const QString& secondOptionId)
{
    const DeploymentOption* first = m_catalog.option(firstOptionId);
    const DeploymentOption* second = m_catalog.option(secondOptionId);
    if (!first || !second || firstOptionId == secondOptionId)
        return false;

    beginResetModel();
    m_first = firstOptionId;
    m_second = secondOptionId;
    m_rows.clear();
    m_rows.append({QString::fromUtf16(categoryRow), tr("Category"),
                   tr("How the services in the option's stack run code."),
                   categoryNames(m_catalog, *first), categoryNames(m_catalog, *second)});
    m_rows.append({QString::fromUtf16(youManageRow), tr("What you manage"),
                   tr("The layers of the stack you run yourself, top first, then those you "
                      "share with AWS."),
                   customerLayers(m_catalog, *first), customerLayers(m_catalog, *second)});
    const QList<Attribute>& attributes = m_catalog.attributes();
    for (qsizetype i = 0; i < attributes.size(); ++i) {
        const Attribute& attribute = attributes.at(i);
        m_rows.append({attribute.id, attribute.name, attribute.description,
                       first->attributeValues.value(i), second->attributeValues.value(i)});
    }
    endResetModel();
    return true;
}

int ComparisonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ComparisonModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : SecondColumn + 1;
}

bool ComparisonModel::rowDiffers(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const Row& entry = m_rows.at(row);
    return entry.firstValue != entry.secondValue;
}

QVariant ComparisonModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PropertyColumn:
            return row.name;
        case FirstColumn:
            return row.firstValue;
        case SecondColumn:
            return row.secondValue;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == PropertyColumn ? QVariant(row.description) : QVariant();
    case DiffersRole:
        return rowDiffers(index.row());
    case PropertyIdRole:
        return row.id;
    default:
        return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    const auto optionName = [this](const QString& id) {
        const DeploymentOption* option = m_catalog.option(id);
        return option ? QVariant(option->name) : QVariant();
    };
    switch (section) {
    case PropertyColumn:
        return tr("Property");
    case FirstColumn:
        return optionName(m_first);
    case SecondColumn:
        return optionName(m_second);
    default:
        return {};
    }
}

QString ComparisonModel::toMarkdown() const
{
    QStringList header;
    for (int column = PropertyColumn; column <= SecondColumn; ++column)
        header.append(markdownCell(headerData(column, Qt::Horizontal).toString()));
    QString markdown = markdownRow(header);
    markdown += markdownRow({QStringLiteral("---"), QStringLiteral("---"), QStringLiteral("---")});
    for (int i = 0; i < rowCount(); ++i) {
        const Row& row = m_rows.at(i);
        QString name = markdownCell(row.name);
        if (rowDiffers(i))
            name = QStringLiteral("**") + name + QStringLiteral("**");
        markdown +=
            markdownRow({name, markdownCell(row.firstValue), markdownCell(row.secondValue)});
    }
    return markdown;
}

} // namespace ace
