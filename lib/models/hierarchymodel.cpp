#include "models/hierarchymodel.h"

#include "catalog/catalog.h"

#include <algorithm>

namespace ace {

HierarchyModel::HierarchyModel(const Catalog& catalog, QObject* parent)
    : QAbstractItemModel(parent)
    , m_catalog(catalog)
{
    for (const Category& category : catalog.categories()) {
        const int categoryNode = addNode(CatalogItem::category(category.id), -1);
        for (const Service& service : catalog.services()) {
            if (!service.isIn(category.id))
                continue;
            const int serviceNode = addNode(CatalogItem::service(service.id), categoryNode);
            for (const DeploymentOption* option : catalog.optionsUsing(service.id))
                addNode(CatalogItem::option(option->id), serviceNode);
        }
    }
}

int HierarchyModel::addNode(const CatalogItem& item, int parent)
{
    const int node = int(m_nodes.size());
    m_nodes.push_back({item, parent, 0, {}});
    // Only now take the sibling list: push_back may have moved the parent node.
    std::vector<int>& siblings = parent < 0 ? m_topLevel : m_nodes[size_t(parent)].children;
    m_nodes.back().row = int(siblings.size());
    siblings.push_back(node);
    return node;
}

const HierarchyModel::Node* HierarchyModel::nodeAt(const QModelIndex& index) const
{
    return index.isValid() ? &m_nodes[size_t(index.internalId())] : nullptr;
}

QModelIndex HierarchyModel::indexOfNode(int node) const
{
    return createIndex(m_nodes[size_t(node)].row, 0, quintptr(node));
}

QModelIndex HierarchyModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const std::vector<int>& siblings = parent.isValid() ? nodeAt(parent)->children : m_topLevel;
    return indexOfNode(siblings[size_t(row)]);
}

QModelIndex HierarchyModel::parent(const QModelIndex& child) const
{
    const Node* node = nodeAt(child);
    if (!node || node->parent < 0)
        return {};
    return indexOfNode(node->parent);
}

int HierarchyModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node* node = nodeAt(parent);
    return int(node ? node->children.size() : m_topLevel.size());
}

int HierarchyModel::columnCount(const QModelIndex&) const
{
    return 1;
}

QString HierarchyModel::displayName(const CatalogItem& item) const
{
    switch (item.kind) {
    case CatalogItem::Kind::Category:
        return m_catalog.category(item.id)->name;
    case CatalogItem::Kind::Service:
        return m_catalog.service(item.id)->name;
    case CatalogItem::Kind::Option:
        return m_catalog.option(item.id)->name;
    case CatalogItem::Kind::None:
        break;
    }
    return {};
}

QString HierarchyModel::toolTip(const CatalogItem& item) const
{
    switch (item.kind) {
    case CatalogItem::Kind::Category:
        return m_catalog.category(item.id)->description;
    case CatalogItem::Kind::Service:
        return m_catalog.service(item.id)->summary;
    case CatalogItem::Kind::Option:
        return m_catalog.option(item.id)->summary;
    case CatalogItem::Kind::None:
        break;
    }
    return {};
}

QString HierarchyModel::searchText(const CatalogItem& item) const
{
    QStringList parts = {item.id, displayName(item), toolTip(item)};
    if (item.kind == CatalogItem::Kind::Service) {
        const Service& service = *m_catalog.service(item.id);
        parts << service.description << service.billing << service.youManage << service.awsManages
              << service.limits << service.typicalUses << service.notFor;
    } else if (item.kind == CatalogItem::Kind::Option) {
        const DeploymentOption& option = *m_catalog.option(item.id);
        for (const QString& serviceId : option.stack)
            parts << m_catalog.service(serviceId)->name;
        for (const LayerResponsibility& entry : option.responsibilities)
            parts << entry.why;
    }
    return parts.join(u'\n');
}

QVariant HierarchyModel::data(const QModelIndex& index, int role) const
{
    const Node* node = nodeAt(index);
    if (!node)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayName(node->item);
    case Qt::ToolTipRole:
        return toolTip(node->item);
    case ItemRole:
        return QVariant::fromValue(node->item);
    case SearchTextRole:
        return searchText(node->item);
    default:
        return {};
    }
}

QHash<int, QByteArray> HierarchyModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(ItemRole, "item");
    names.insert(SearchTextRole, "searchText");
    return names;
}

QModelIndexList HierarchyModel::indexesOf(const CatalogItem& item) const
{
    QModelIndexList found;
    for (size_t node = 0; node < m_nodes.size(); ++node) {
        if (m_nodes[node].item == item)
            found.append(indexOfNode(int(node)));
    }
    return found;
}

QModelIndex HierarchyModel::preferredIndexOf(const CatalogItem& item) const
{
    const QModelIndexList places = indexesOf(item);
    if (places.isEmpty())
        return {};
    // Where the item "lives": the parent that is its home (a service's own category, an
    // option's top service); otherwise the first place.
    CatalogItem home;
    if (item.kind == CatalogItem::Kind::Service)
        home = CatalogItem::category(m_catalog.service(item.id)->category);
    else if (item.kind == CatalogItem::Kind::Option)
        home = CatalogItem::service(m_catalog.option(item.id)->topService());
    for (const QModelIndex& place : places) {
        if (place.parent().data(ItemRole).value<CatalogItem>() == home)
            return place;
    }
    return places.constFirst();
}

HierarchyFilterModel::HierarchyFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

void HierarchyFilterModel::setSearchText(const QString& text)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    // Qt 6.4 has no beginFilterChange(); invalidateFilter() re-evaluates every row.
    m_words = words;
    invalidateFilter();
}

bool HierarchyFilterModel::matches(const QString& text) const
{
    return std::all_of(m_words.cbegin(), m_words.cend(), [&text](const QString& word) {
        return text.contains(word, Qt::CaseInsensitive);
    });
}

bool HierarchyFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    return matches(sourceModel()
                       ->index(sourceRow, 0, sourceParent)
                       .data(HierarchyModel::SearchTextRole)
                       .toString());
}

QString HierarchyFilterModel::excerpt(const QString& text) const
{
    // Enough words on each side to read the match in context, on one line of a tool tip.
    constexpr qsizetype reach = 40;
    const qsizetype at = text.indexOf(m_words.constFirst(), 0, Qt::CaseInsensitive);
    if (at < 0)
        return {};
    const qsizetype from = std::max<qsizetype>(0, at - reach);
    const qsizetype to = std::min(text.size(), at + m_words.constFirst().size() + reach);
    QString part = text.mid(from, to - from).simplified();
    if (from > 0)
        part.prepend(u'…');
    if (to < text.size())
        part.append(u'…');
    return part;
}

QVariant HierarchyFilterModel::data(const QModelIndex& index, int role) const
{
    if (role != MatchRole && role != Qt::ToolTipRole)
        return QSortFilterProxyModel::data(index, role);
    const QVariant base = QSortFilterProxyModel::data(index, role);
    if (m_words.isEmpty())
        return role == MatchRole ? QVariant(int(Match::NoSearch)) : base;
    const QString text = index.data(HierarchyModel::SearchTextRole).toString();
    const bool itself = matches(text);
    if (role == MatchRole)
        return int(itself ? Match::Itself : Match::Relative);
    const QString words = m_words.join(u' ');
    const QString why = itself ? tr("Matches “%1”: %2").arg(words, excerpt(text))
                               : tr("Shown with a match of “%1” above or below it").arg(words);
    return QString(why + u'\n' + base.toString());
}

} // namespace ace
