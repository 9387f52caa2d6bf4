#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonObject;

namespace ace {

class Catalog;

// A question the advisor asks about a workload and a team. Its answer is one of `choices`, a
// yes or no, or a number of `unit`s; every question may stay unanswered ("don't know / no
// preference"), and an unanswered question applies no rule.
struct AdviceQuestion
{
    enum class Kind { Choice, YesNo, Number };

    struct Choice
    {
        QString id;
        QString label;
    };

    QString id;
    Kind kind = Kind::Choice;
    QString text;          // "Longest run of one unit of work"
    QString explanation;   // one line on what is asked and why it matters
    QList<Choice> choices; // Choice only, in the order they are offered
    QString unit;          // Number only: "minutes", "GB"
    double minimum = 0;    // Number only: the range an answer must be in
    double maximum = 0;

    bool hasChoice(const QString& choiceId) const;
    // The label of a choice ("Container images"); the id itself when unknown.
    QString choiceLabel(const QString& choiceId) const;
};

// What an answer must be for a rule to apply. An unanswered question never meets a condition.
struct AnswerCondition
{
    QString questionId;
    QStringList choices;         // Choice: the answer is one of these
    std::optional<bool> yes;     // YesNo: the answer is this
    std::optional<double> above; // Number: the answer is more than this
};

// One piece of an architect's judgement: when the answers meet every condition, the rule either
// excludes options (a hard limit, which nothing else can undo) or gives options points (a soft
// criterion, positive or negative), and says why. `reason` reads after the option's name
// ("AWS Lambda: scales to zero, …") and may quote answers as {questionId}.
struct AdviceRule
{
    QString id;
    QList<AnswerCondition> when;
    QStringList excludes;               // option ids; or
    QHash<QString, int> pointsByOption; // option id → points
    QString reason;
};

// The advisor's questions, rules and weights: data (the built-in resources/advice.json or a
// user's file with --advice FILE), checked against the catalog when loaded, so every option and
// question a rule names exists and a reader can see and change every judgement.
class AdviceRules
{
public:
    // The most points a rule may give or take, and the most rules or questions a file may have.
    static constexpr int mostPoints = 1000;
    static constexpr qsizetype mostEntries = 1000;

    static QString builtInPath();
    // Loads and checks a rules file against `catalog`; throws DataError naming the file and
    // the JSON path. `displayName` is how messages name the file (defaults to `path`).
    static AdviceRules load(const QString& path, const Catalog& catalog,
                            const QString& displayName = {});
    static AdviceRules loadBuiltIn(const Catalog& catalog);
    static AdviceRules fromJson(const QJsonObject& json, const Catalog& catalog,
                                const QString& fileName);

    const QString& sourceName() const { return m_sourceName; }
    const QList<AdviceQuestion>& questions() const { return m_questions; }
    const AdviceQuestion* question(const QString& id) const;
    const QList<AdviceRule>& rules() const { return m_rules; }
    // The points the cheapest option gets for its monthly cost; an option costing k times as
    // much gets 1/k of them.
    int costPoints() const { return m_costPoints; }

private:
    QString m_sourceName;
    QList<AdviceQuestion> m_questions;
    QList<AdviceRule> m_rules;
    int m_costPoints = 0;
};

} // namespace ace
