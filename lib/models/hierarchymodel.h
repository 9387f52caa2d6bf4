#pragma once

#include "catalog/catalogitem.h"

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>

#include <vector>

namespace ace {

class Catalog;

// The option hierarchy as a tree: categories → services → deployment options. A service in
// several categories (Fargate: containers and serverless) appears under each, and an option
// appears under every service of its stack, so each path a user may look along leads to it.
class HierarchyModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HierarchyModel)

public:
    enum Role {
        ItemRole = Qt::UserRole + 1, // CatalogItem
        SearchTextRole,              // all the text a search should find the item by
    };

    explicit HierarchyModel(const Catalog& catalog, QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Every place the item appears, in tree order.
    QModelIndexList indexesOf(const CatalogItem& item) const;
    // The one place to show the item: a service under its own category, an option under the
    // service at the top of its stack.
    QModelIndex preferredIndexOf(const CatalogItem& item) const;

private:
    struct Node
    {
        CatalogItem item;
        int parent = -1; // index into m_nodes, -1 for top-level nodes
        int row = 0;     // position among its siblings
        std::vector<int> children;
    };

    int addNode(const CatalogItem& item, int parent);
    const Node* nodeAt(const QModelIndex& index) const;
    QModelIndex indexOfNode(int node) const;
    QString displayName(const CatalogItem& item) const;
    QString toolTip(const CatalogItem& item) const;
    QString searchText(const CatalogItem& item) const;

    const Catalog& m_catalog;
    std::vector<Node> m_nodes;
    std::vector<int> m_topLevel;
};

// The hierarchy filtered by a search: an item stays when its text matches, with its ancestors
// (to keep the tree's context) and its descendants (a matching service keeps its options).
// While searching, each row says why it is shown, so a surprising result explains itself.
class HierarchyFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HierarchyFilterModel)

public:
    // Why a row is shown: it matches itself, or it is only the context of a match (an
    // ancestor) or part of one (a descendant of a matching item).
    enum class Match { NoSearch, Itself, Relative };
    enum Role {
        MatchRole = HierarchyModel::SearchTextRole + 1, // Match, as int
    };

    explicit HierarchyFilterModel(QObject* parent = nullptr);

    // Shows only items whose names, descriptions or attributes contain every word of `text`.
    void setSearchText(const QString& text);
    bool isSearching() const { return !m_words.isEmpty(); }

    // While searching, the tool tip starts with where the words were found ("Matches
    // “kubernetes”: … not for teams on Kubernetes …").
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool matches(const QString& text) const;
    // The words' surroundings in `text`: a short excerpt around the first word found.
    QString excerpt(const QString& text) const;

    QStringList m_words;
};

} // namespace ace
