#pragma once

#include "cost/breakeven.h"
#include "cost/workload.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <optional>

namespace ace {

class Catalog;
class PriceBook;

// A change of the cheapest option, with what the chart needs to mark and label it.
struct BreakEven
{
    Crossing crossing;
    // The monthly total at the crossing's request volume (both options cost about this there).
    double monthlyTotal = 0;
    // "Lambda functions → ECS on Fargate at 41.2M requests/month"
    QString label;
};

// A near tie, with what the chart needs to draw it as one band.
struct NearTieRange
{
    NearTie tie;
    // The cheapest and the dearest total of the tied options in the range.
    double lowestTotal = 0;
    double highestTotal = 0;
    // "EC2 instances or ECS on Fargate"
    QString label;
    // "EC2 instances and ECS on Fargate take turns as the cheapest, at most 25% apart, from
    // 440,737,501 to 4,618,162,505 requests/month"
    QString description;
};

// The monthly total of every deployment option at log-spaced request volumes, everything else
// in the workload fixed: one row per volume, column 0 the requests a month and then one column
// per option in catalog order. An infeasible option has no value at that volume; its reason is
// available through InfeasibleReasonRole. The break-evens and near ties of the same workload
// come with it.
// A new workload resets the model; a sweep of a few hundred points takes well under a
// millisecond, so it is recomputed synchronously on every edit.
class CostCurveModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostCurveModel)

public:
    enum Role {
        // Unrounded double (requests a month, or a monthly total); invalid when infeasible.
        ValueRole = Qt::UserRole + 1,
        // Why an option cannot run the workload at this volume; empty when it can.
        InfeasibleReasonRole,
        OptionIdRole, // the column's option id (empty for the requests column)
    };

    static constexpr double fewestRequests = 1e3;
    static constexpr double mostRequests = 1e10;
    static constexpr int defaultPoints = 500;

    CostCurveModel(const Catalog& catalog, const PriceBook& prices, int points = defaultPoints,
                   QObject* parent = nullptr);

    const Workload& workload() const { return m_workload; }
    // Recomputes the sweep and the break-evens for `workload`, as a model reset.
    void setWorkload(const Workload& workload);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const QStringList& optionIds() const { return m_sweep.optionIds; }
    // The column of an option, or -1 for an unknown id.
    int columnOf(const QString& optionId) const;
    QString optionName(const QString& optionId) const;

    double requestsAt(int row) const { return m_sweep.requestsPerMonth.at(row); }
    std::optional<double> totalAt(int row, const QString& optionId) const;
    // The sample a request volume falls on: the last one at or below it (clamped to the range).
    int rowAtOrBelow(double requestsPerMonth) const;
    bool isFeasibleAnywhere(const QString& optionId) const;
    // Why the option cannot run the workload at `requestsPerMonth` (empty when it can).
    QString infeasibleReason(const QString& optionId, double requestsPerMonth) const;

    // Lasting changes of the cheapest option.
    const QList<BreakEven>& breakEvens() const { return m_breakEvens; }
    const QList<NearTieRange>& nearTies() const { return m_nearTies; }

private:
    void recompute();
    BreakEven breakEvenOf(const Crossing& crossing) const;
    NearTieRange nearTieRangeOf(const NearTie& tie) const;

    const Catalog& m_catalog;
    const PriceBook& m_prices;
    const int m_points;
    Workload m_workload;
    CostSweep m_sweep;
    QList<BreakEven> m_breakEvens;
    QList<NearTieRange> m_nearTies;
};

} // namespace ace
