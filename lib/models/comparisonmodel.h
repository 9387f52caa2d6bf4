#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QStringList>

namespace ace {

class Catalog;

// Two deployment options side by side, one row per property: the categories of the services
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

    explicit ComparisonModel(const Catalog& catalog, QObject* parent = nullptr);

    QString first() const { return m_first; }
    QString second() const { return m_second; }
    // Compares two options (a model reset); false, and nothing changes, for an unknown id or
    // an option paired with itself.
    bool setPair(const QString& firstOptionId, const QString& secondOptionId);

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
