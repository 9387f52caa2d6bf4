#pragma once

#include "cost/costresults.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace ace {

class Catalog;

// A change of the cheapest option, with what the chart needs to mark and label it.
struct BreakEven
{
    Crossing crossing;
    // "Lambda functions → ECS on Fargate at 41.2M requests/month"
    QString label;
};

// A near tie, with what the chart needs to draw it as one band.
struct NearTieRange
{
    NearTie tie;
    // "EC2 instances or ECS on Fargate"
    QString label;
    // "EC2 instances and ECS on Fargate take turns as the cheapest, at most 25% apart, from
    // 440,737,501 to 4,618,162,505 requests/month"
    QString description;
};

// The cost curves of a workload's cost results as a table: one row per swept request volume,
// column 0 the requests a month and then one column per option in catalog order; an infeasible
// option has no value at that volume. The break-evens and near ties of the same results come
// with it, labelled. It prices nothing: new results (one pass per change, made by the state)
// reset it.
class CostCurveModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostCurveModel)

public:
    enum Role {
        // Unrounded double (requests a month, or a monthly total); invalid when infeasible.
        ValueRole = Qt::UserRole + 1,
        OptionIdRole, // the column's option id (empty for the requests column)
    };

    // `catalog` names the options of the results it will show.
    explicit CostCurveModel(const Catalog& catalog, QObject* parent = nullptr);

    const Workload& workload() const { return m_results->workload; }
    const CostResults& results() const { return *m_results; }
    // Shows `results`, as a model reset.
    void setResults(std::shared_ptr<const CostResults> results);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const QStringList& optionIds() const { return m_results->sweep.optionIds; }
    // The column of an option, or -1 for an unknown id.
    int columnOf(const QString& optionId) const;
    QString optionName(const QString& optionId) const;

    double requestsAt(int row) const { return m_results->sweep.requestsPerMonth.at(row); }
    std::optional<double> totalAt(int row, const QString& optionId) const;
    // The sample a request volume falls on: the last one at or below it (clamped to the range).
    int rowAtOrBelow(double requestsPerMonth) const;
    bool isFeasibleAnywhere(const QString& optionId) const;
    // Why an option that runs at no volume of the sweep cannot (empty for the others).
    QString neverFeasibleReason(const QString& optionId) const;

    // Lasting changes of the cheapest option.
    const QList<BreakEven>& breakEvens() const { return m_breakEvens; }
    const QList<NearTieRange>& nearTies() const { return m_nearTies; }

private:
    BreakEven breakEvenOf(const Crossing& crossing) const;
    NearTieRange nearTieRangeOf(const NearTie& tie) const;

    const Catalog& m_catalog;
    std::shared_ptr<const CostResults> m_results;
    QList<BreakEven> m_breakEvens;
    QList<NearTieRange> m_nearTies;
};

} // namespace ace
