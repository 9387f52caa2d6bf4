#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ace {

class AdviceRules;
class Answers;
class Catalog;
class PriceBook;
struct CostResults;

// One named contribution to an option's place in the ranking: a rule that excludes it or gives
// it points, its cost, or a limit of the workload it cannot meet.
struct AdviceReason
{
    // Where it comes from: a rule's id, costRuleId or workloadRuleId.
    QString ruleId;
    bool excludes = false;
    int points = 0; // 0 for an exclusion
    // Reads after the option's name: "scales to zero, and your traffic is idle most of the time".
    QString text;
};

// The id of the reason for an option's monthly cost, and of an option's estimate being
// infeasible for the workload (the cost model's hard limits: Lambda's 15 minutes, Fargate's
// largest task, ...).
inline const QString costRuleId = QStringLiteral("cost");
inline const QString workloadRuleId = QStringLiteral("workload");

struct OptionAdvice
{
    QString optionId;
    QString optionName;
    bool excluded = false;
    // The sum of the reasons' points; 0 for an excluded option, which no points bring back.
    int score = 0;
    // The workload's monthly cost on this option, when the advice weighed cost and the option
    // can run it.
    std::optional<double> monthlyTotal;
    // Exclusions first; then the contributions, the largest (either sign) first.
    QList<AdviceReason> reasons;
};

// The options ranked for a set of answers (and a workload's costs): the highest score first,
// ties in catalog order, excluded options last in catalog order. The same answers and costs
// always give the same ranking.
struct Advice
{
    QList<OptionAdvice> ranking;
    // Whether a workload's costs were weighed (its estimates given).
    bool costWeighed = false;
    QString currency;

    // The best option not excluded; nullptr when every option is excluded.
    const OptionAdvice* top() const;
    // The ids of the first `count` options not excluded, best first.
    QStringList leaders(int count) const;
    const OptionAdvice* adviceFor(const QString& optionId) const;
};

// Ranks every catalog option for `answers` by `rules`. With `costs`, an option its workload
// cannot run on is excluded with the cost model's reason, and each option's monthly cost scores
// (rules.costPoints() for the cheapest, less for dearer ones).
Advice advise(const Catalog& catalog, const AdviceRules& rules, const Answers& answers,
              const CostResults* costs);

// {"rules": ..., "costWeighed": bool, "currency": ..., "ranking": [{"option", "name",
// "excluded", "score", "monthlyTotal", "reasons": [{"rule", "excludes", "points", "text"}]}]}.
QJsonObject adviceToJson(const Advice& advice, const AdviceRules& rules);

// The recommendation as Markdown for a design document: the top option, the ranking as a table,
// the answers given, and every option's reasons. `costBasis` says what the costs are for (the
// workload and the price book), shown when the advice weighed cost.
QString adviceToMarkdown(const Advice& advice, const AdviceRules& rules, const Answers& answers,
                         const QString& costBasis);

// What the costs of a recommendation are for, as adviceToMarkdown's `costBasis`: "Monthly costs
// for the workload "…", with us-east-1 prices (USD) as of 2026-11-28."
QString adviceCostBasis(const QString& workloadName, const PriceBook& prices);

// An option's cells in a ranking table: its rank ("1", "2", …, "excluded"), its score ("-" when
// excluded) and its monthly cost ("$2.73", "cannot run", or "not weighed" without a workload).
QString rankText(const Advice& advice, qsizetype index);
QString scoreText(const OptionAdvice& option);
QString monthlyCostText(const Advice& advice, const OptionAdvice& option);

// A reason's points for display: "+30", "-15", "excluded".
QString reasonAmountText(const AdviceReason& reason);

} // namespace ace
