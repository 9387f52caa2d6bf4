// Ranking the deployment options for a set of answers and a workload's costs.
#include "advisor/advice.h"

#include "advisor/advicerules.h"
#include "advisor/answers.h"
#include "catalog/catalog.h"
#include "cost/costresults.h"
#include "cost/quantitytext.h"
#include "files/markdowntable.h"
#include "pricing/pricebook.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace ace {

namespace {

bool meets(const AnswerCondition& condition, const Answers& answers)
{
    const QJsonValue answer = answers.value(condition.questionId);
    if (answer.isUndefined())
        return false;
    if (!condition.choices.isEmpty())
        return condition.choices.contains(answer.toString());
    if (condition.yes)
        return answer.isBool() && answer.toBool() == *condition.yes;
    if (condition.above)
        return answer.isDouble() && answer.toDouble() > *condition.above;
    return false;
}

bool applies(const AdviceRule& rule, const Answers& answers)
{
    return std::all_of(
        rule.when.cbegin(), rule.when.cend(),
        [&answers](const AnswerCondition& condition) { return meets(condition, answers); });
}

// The rule's reason with every {questionId} replaced by the answer as it reads.
QString reasonText(const AdviceRule& rule, const AdviceRules& rules, const Answers& answers)
{
    QString text = rule.reason;
    for (const AnswerCondition& condition : rule.when) {
        const AdviceQuestion* question = rules.question(condition.questionId);
        text.replace(QLatin1Char('{') + condition.questionId + QLatin1Char('}'),
                     answerText(*question, answers.value(condition.questionId)));
    }
    return text;
}

// The cost reason of each feasible option: the cheapest gets all of the cost points, one
// costing k times as much 1/k of them (rounded), so a small difference moves a rank little and
// a tenfold one much.
void weighCosts(QList<OptionAdvice>& ranking, const AdviceRules& rules, const QString& currency)
{
    const OptionAdvice* cheapest = nullptr;
    for (const OptionAdvice& option : ranking) {
        if (!option.excluded && option.monthlyTotal &&
            (!cheapest || *option.monthlyTotal < *cheapest->monthlyTotal))
            cheapest = &option;
    }
    if (!cheapest)
        return;
    const double least = *cheapest->monthlyTotal;
    const QString cheapestName = cheapest->optionName;
    for (OptionAdvice& option : ranking) {
        if (option.excluded || !option.monthlyTotal)
            continue;
        const double own = *option.monthlyTotal;
        AdviceReason reason;
        reason.ruleId = costRuleId;
        const QString perMonth =
            QStringLiteral("%1 a month for your workload").arg(money(own, currency));
        if (own <= least) {
            reason.points = rules.costPoints();
            reason.text = perMonth + QStringLiteral(", the cheapest option");
        } else if (least <= 0) {
            reason.points = 0;
            reason.text = perMonth + QStringLiteral(", while %1 costs nothing").arg(cheapestName);
        } else {
            const double times = own / least;
            reason.points = int(std::lround(rules.costPoints() / times));
            reason.text = perMonth + QStringLiteral(", %1× the cheapest (%2, %3)")
                                         .arg(QString::number(times, 'f', times < 10 ? 1 : 0),
                                              cheapestName, money(least, currency));
        }
        option.reasons.append(reason);
    }
}

} // namespace

const OptionAdvice* Advice::top() const
{
    for (const OptionAdvice& option : ranking) {
        if (!option.excluded)
            return &option;
    }
    return nullptr;
}

QStringList Advice::leaders(int count) const
{
    QStringList ids;
    for (const OptionAdvice& option : ranking) {
        if (ids.size() < count && !option.excluded)
            ids.append(option.optionId);
    }
    return ids;
}

const OptionAdvice* Advice::adviceFor(const QString& optionId) const
{
    for (const OptionAdvice& option : ranking) {
        if (option.optionId == optionId)
            return &option;
    }
    return nullptr;
}

Advice advise(const Catalog& catalog, const AdviceRules& rules, const Answers& answers,
              const CostResults* costs)
{
    Advice advice;
    advice.costWeighed = costs != nullptr;
    if (costs)
        advice.currency = costs->currency;
    for (const DeploymentOption& option : catalog.options()) {
        OptionAdvice entry;
        entry.optionId = option.id;
        entry.optionName = option.name;
        if (costs) {
            if (const Estimate* estimate = costs->estimateOf(option.id)) {
                entry.monthlyTotal = estimate->monthlyTotal;
                if (!estimate->feasible) {
                    entry.excluded = true;
                    entry.reasons.append({workloadRuleId, true, 0,
                                          QStringLiteral("cannot run your workload: %1")
                                              .arg(infeasibleReasonOf(*estimate))});
                }
            }
        }
        advice.ranking.append(entry);
    }

    for (const AdviceRule& rule : rules.rules()) {
        if (!applies(rule, answers))
            continue;
        const QString text = reasonText(rule, rules, answers);
        for (OptionAdvice& entry : advice.ranking) {
            if (rule.excludes.contains(entry.optionId)) {
                entry.excluded = true;
                entry.reasons.append({rule.id, true, 0, text});
            } else if (const auto points = rule.pointsByOption.constFind(entry.optionId);
                       points != rule.pointsByOption.cend()) {
                entry.reasons.append({rule.id, false, *points, text});
            }
        }
    }

    for (OptionAdvice& entry : advice.ranking) {
        // Nothing brings an excluded option back: only why it is excluded stays.
        if (entry.excluded) {
            entry.reasons.erase(
                std::remove_if(entry.reasons.begin(), entry.reasons.end(),
                               [](const AdviceReason& reason) { return !reason.excludes; }),
                entry.reasons.end());
        }
    }
    if (costs)
        weighCosts(advice.ranking, rules, advice.currency);

    for (OptionAdvice& entry : advice.ranking) {
        std::stable_sort(entry.reasons.begin(), entry.reasons.end(),
                         [](const AdviceReason& a, const AdviceReason& b) {
                             if (a.excludes != b.excludes)
                                 return a.excludes;
                             return std::abs(a.points) > std::abs(b.points);
                         });
        entry.score = 0;
        for (const AdviceReason& reason : entry.reasons)
            entry.score += reason.points;
    }
    // Catalog order is the tie-break: the sort is stable.
    std::stable_sort(advice.ranking.begin(), advice.ranking.end(),
                     [](const OptionAdvice& a, const OptionAdvice& b) {
                         if (a.excluded != b.excluded)
                             return b.excluded;
                         return !a.excluded && a.score > b.score;
                     });
    return advice;
}

QString reasonAmountText(const AdviceReason& reason)
{
    if (reason.excludes)
        return QStringLiteral("excluded");
    return reason.points > 0 ? QStringLiteral("+%1").arg(reason.points)
                             : QString::number(reason.points);
}

QJsonObject adviceToJson(const Advice& advice, const AdviceRules& rules)
{
    QJsonArray ranking;
    for (const OptionAdvice& option : advice.ranking) {
        QJsonArray reasons;
        for (const AdviceReason& reason : option.reasons) {
            reasons.append(QJsonObject{{QStringLiteral("rule"), reason.ruleId},
                                       {QStringLiteral("excludes"), reason.excludes},
                                       {QStringLiteral("points"), reason.points},
                                       {QStringLiteral("text"), reason.text}});
        }
        ranking.append(
            QJsonObject{{QStringLiteral("option"), option.optionId},
                        {QStringLiteral("name"), option.optionName},
                        {QStringLiteral("excluded"), option.excluded},
                        {QStringLiteral("score"), option.score},
                        {QStringLiteral("monthlyTotal"),
                         option.monthlyTotal ? QJsonValue(*option.monthlyTotal) : QJsonValue()},
                        {QStringLiteral("reasons"), reasons}});
    }
    QJsonObject json{{QStringLiteral("rules"), rules.sourceName()},
                     {QStringLiteral("costWeighed"), advice.costWeighed},
                     {QStringLiteral("ranking"), ranking}};
    if (advice.costWeighed)
        json.insert(QStringLiteral("currency"), advice.currency);
    return json;
}

QString rankText(const Advice& advice, qsizetype index)
{
    if (advice.ranking.at(index).excluded)
        return QStringLiteral("excluded");
    return QString::number(index + 1);
}

QString scoreText(const OptionAdvice& option)
{
    return option.excluded ? QStringLiteral("-") : QString::number(option.score);
}

QString monthlyCostText(const Advice& advice, const OptionAdvice& option)
{
    if (option.monthlyTotal)
        return money(*option.monthlyTotal, advice.currency);
    return advice.costWeighed ? QStringLiteral("cannot run") : QStringLiteral("not weighed");
}

QString adviceCostBasis(const QString& workloadName, const PriceBook& prices)
{
    return QStringLiteral("Monthly costs for the workload \"%1\", with %2 prices (%3) as of %4.")
        .arg(workloadName, prices.region(), prices.currency(), prices.asOf());
}

QString adviceToMarkdown(const Advice& advice, const AdviceRules& rules, const Answers& answers,
                         const QString& costBasis)
{
    QString markdown = QStringLiteral("## Which AWS compute option?\n\n");
    if (const OptionAdvice* top = advice.top()) {
        markdown += QStringLiteral("**Recommended: %1** (score %2).\n\n")
                        .arg(top->optionName)
                        .arg(top->score);
    } else {
        markdown += QStringLiteral("**Every option is excluded** by the answers or the "
                                   "workload.\n\n");
    }
    markdown += advice.costWeighed ? costBasis + QStringLiteral("\n\n")
                                   : QStringLiteral("Costs not weighed: no workload given.\n\n");

    markdown += markdownRow({QStringLiteral("Rank"), QStringLiteral("Option"),
                             QStringLiteral("Score"), QStringLiteral("Per month")});
    markdown += markdownRow({QStringLiteral("---"), QStringLiteral("---"), QStringLiteral("---:"),
                             QStringLiteral("---:")});
    for (qsizetype i = 0; i < advice.ranking.size(); ++i) {
        const OptionAdvice& option = advice.ranking.at(i);
        markdown += markdownRow({rankText(advice, i), markdownCell(option.optionName),
                                 scoreText(option), monthlyCostText(advice, option)});
    }

    markdown += QStringLiteral("\n### Answers\n\n");
    bool anyAnswer = false;
    for (const AdviceQuestion& question : rules.questions()) {
        if (!answers.isAnswered(question.id))
            continue;
        anyAnswer = true;
        markdown += QStringLiteral("- %1: %2\n")
                        .arg(question.text, answerText(question, answers.value(question.id)));
    }
    if (!anyAnswer)
        markdown += QStringLiteral("None: every question is \"don't know\".\n");

    markdown += QStringLiteral("\n### Why\n");
    for (qsizetype i = 0; i < advice.ranking.size(); ++i) {
        const OptionAdvice& option = advice.ranking.at(i);
        markdown += option.excluded
                        ? QStringLiteral("\n**%1** is excluded:\n\n").arg(option.optionName)
                        : QStringLiteral("\n**%1. %2** (score %3):\n\n")
                              .arg(rankText(advice, i), option.optionName)
                              .arg(option.score);
        if (option.reasons.isEmpty())
            markdown += QStringLiteral("- no rule applies to the answers given\n");
        for (const AdviceReason& reason : option.reasons) {
            markdown +=
                reason.excludes
                    ? QStringLiteral("- %1\n").arg(reason.text)
                    : QStringLiteral("- %1: %2\n").arg(reasonAmountText(reason), reason.text);
        }
    }
    markdown += QStringLiteral("\nRules and weights: %1.\n").arg(rules.sourceName());
    return markdown;
}

} // namespace ace
