#pragma once

#include "catalog/catalogitem.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QStringList>

namespace ace {

class Catalog;

// What is compared: each side as the user chose it (a deployment option, or a service) and the
// deployment option that stands for it. A service is compared through one of the options that
// use it, so both sides always have a stack, an estimate and attribute values.
struct ComparedPair
{
    CatalogItem firstItem;
    CatalogItem secondItem;
    QString first; // option ids
    QString second;

    static ComparedPair ofOptions(const QString& firstOptionId, const QString& secondOptionId)
    {
        return {CatalogItem::option(firstOptionId), CatalogItem::option(secondOptionId),
                firstOptionId, secondOptionId};
    }
    bool isNull() const { return first.isEmpty(); }
    ComparedPair swapped() const { return {secondItem, firstItem, second, first}; }
    friend bool operator==(const ComparedPair& a, const ComparedPair& b)
    {
        return a.firstItem == b.firstItem && a.secondItem == b.secondItem && a.first == b.first &&
               a.second == b.second;
    }
    friend bool operator!=(const ComparedPair& a, const ComparedPair& b) { return !(a == b); }
};

// The ways two items can be compared, best first, or why they cannot (`error`, a sentence
// fragment that reads after the items, e.g. "compares an option with itself").
//
// The rules, all read from the catalog's runs-on graph and responsibilities:
// - An option stands for itself; a service for one of the options whose stack uses it.
// - Where two options have the same stack but for one service, and that service is the one
//   asked for on each service side, they compare exactly the two services: ECS vs EKS through
//   ECS on Fargate vs EKS on Fargate, or on EC2; Fargate vs EC2 under ECS, or under EKS. Every
//   such pair is a way; the default leaves the most layers to AWS (then catalog order).
// - Otherwise each service stands for its own option (one whose stack starts with it) where it
//   has one, else for an option running on it, the one leaving the most layers to AWS first:
//   EC2 vs Lambda is EC2 instances vs Lambda functions; Fargate vs Lambda is ECS on Fargate vs
//   Lambda functions. When both sides would land on the same option, the side the option is
//   named after keeps it and the other takes its next choice.
struct ComparisonWays
{
    QList<ComparedPair> ways;
    QString error;
};
ComparisonWays waysToCompare(const Catalog& catalog, const CatalogItem& first,
                             const CatalogItem& second);
// An item of the catalog by id as the command line names it: an option id, else a service id
// (ec2 and lambda name both; they mean the option). Null for neither.
CatalogItem comparableItem(const Catalog& catalog, const QString& id);
// `--compare A,B`: the ways to compare two ids, or why the text names no pair (the error then
// lists the valid ids).
ComparisonWays parseComparison(const Catalog& catalog, const QString& text);
// "AWS Fargate" for one side: what the option stands for, named ("Amazon ECS", "EC2 instances").
QString itemName(const Catalog& catalog, const CatalogItem& item);
// What a way to compare has in common, for choosing between ways: the services both stacks
// share, named ("AWS Fargate"; "Amazon ECS").
QString sharedServicesName(const Catalog& catalog, const ComparedPair& pair);

// Two deployment options side by side, one row per property: where a side stands for a
// service, first the service-level facts (what the service is, how it bills, its limits and
// typical uses, from the catalog's service entries); then the categories of the services
// in each stack, what the customer manages (from the responsibilities), then every attribute
// of the catalog in its order. Column 0 names the property, columns 1 and 2 give the first and
// the second option's value. DiffersRole tells which rows differ, so views can highlight them
// and the Markdown copy can mark them.
//
// Without a pair (the initial state) the model has no rows.
class ComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonModel)

public:
    enum Role {
        DiffersRole = Qt::UserRole + 1, // bool, the same for every column of a row
        PropertyIdRole,                 // "category", "you-manage" or a catalog attribute id
    };
    enum Column { PropertyColumn, FirstColumn, SecondColumn };

    // The ids of the two rows derived from the catalog rather than read from its attributes.
    static constexpr const char16_t* categoryRow = u"category";
    static constexpr const char16_t* youManageRow = u"you-manage";
    // The service-level rows, shown when a side stands for a service.
    static constexpr const char16_t* serviceRow = u"service";
    static constexpr const char16_t* serviceBillingRow = u"service-billing";
    static constexpr const char16_t* serviceLimitsRow = u"service-limits";
    static constexpr const char16_t* serviceUsesRow = u"service-typical-uses";

    explicit ComparisonModel(const Catalog& catalog, QObject* parent = nullptr);

    QString first() const { return m_first; }
    QString second() const { return m_second; }
    // Compares two options (a model reset); false, and nothing changes, for an unknown id or
    // an option paired with itself.
    bool setPair(const QString& firstOptionId, const QString& secondOptionId);
    // The same for a pair whose sides may stand for services (their facts are added).
    bool setPair(const ComparedPair& pair);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    bool rowDiffers(int row) const;
    // The rows as a GitHub-flavoured Markdown table, headers included, differing rows' names
    // in bold; "|" and line breaks in values are escaped so every row stays one table row.
    QString toMarkdown() const;

private:
    struct Row
    {
        QString id;
        QString name;
        QString description;
        QString firstValue;
        QString secondValue;
    };
    const Catalog& m_catalog;
    QString m_first;
    QString m_second;
    QList<Row> m_rows;
};

} // namespace ace
