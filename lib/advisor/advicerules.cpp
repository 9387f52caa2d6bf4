// Loading and checking the advisor's rules (the format is described in README.md, "Which should
// I use?").
#include "advisor/advicerules.h"

#include "catalog/catalog.h"
#include "json/jsonreader.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace ace {

namespace {

const QString adviceFormat = QStringLiteral("aws-compute-explorer/advice");
constexpr int adviceVersion = 1;

// The choice every choice question offers for "no preference"; no file may define it.
const QString noPreference = QStringLiteral("any");

// Question ids are the keys of answers files, so they read like the other keys: camelCase.
const QRegularExpression& questionIdPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][A-Za-z0-9]*$"));
    return pattern;
}

// Rule ids: lower-case words joined by hyphens, as the catalog's ids.
const QRegularExpression& plainIdPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    return pattern;
}

// Choice ids: the same, or joined by underscores, so an answer can say "x86_64" as workload
// files and AWS do.
const QRegularExpression& choiceIdPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]+([-_][a-z0-9]+)*$"));
    return pattern;
}

QString readMatchingId(JsonObjectReader& reader, const QRegularExpression& pattern,
                       const QString& form)
{
    const QString id = reader.string(QStringLiteral("id"));
    if (!pattern.match(id).hasMatch()) {
        reader.locationOf(QStringLiteral("id"))
            .fail(QStringLiteral("\"%1\" is not a valid id (%2)").arg(id, form));
    }
    return id;
}

void requireRoomFor(qsizetype countSoFar, const JsonLocation& where)
{
    if (countSoFar >= AdviceRules::mostEntries) {
        where.fail(QStringLiteral("more than %1 entries (the most an advice file may have)")
                       .arg(AdviceRules::mostEntries));
    }
}

QString readText(JsonObjectReader& reader, const QString& key)
{
    const QString text = reader.string(key);
    if (text.trimmed().isEmpty())
        reader.locationOf(key).fail(QStringLiteral("must not be empty"));
    return text;
}

AdviceQuestion readQuestion(const QJsonValue& value, const JsonLocation& location,
                            const QSet<QString>& earlierIds)
{
    JsonObjectReader reader(value, location);
    AdviceQuestion question;
    question.id = readMatchingId(reader, questionIdPattern(),
                                 QStringLiteral("a letter, then letters and digits: camelCase"));
    if (question.id == QLatin1String("format") || question.id == QLatin1String("version"))
        reader.locationOf(QStringLiteral("id")).fail(QStringLiteral("is a reserved key"));
    if (earlierIds.contains(question.id)) {
        reader.locationOf(QStringLiteral("id"))
            .fail(QStringLiteral("duplicate question id \"%1\"").arg(question.id));
    }
    question.text = readText(reader, QStringLiteral("text"));
    question.explanation = readText(reader, QStringLiteral("explanation"));
    const QString kind = reader.string(QStringLiteral("kind"));
    if (kind == QLatin1String("choice")) {
        question.kind = AdviceQuestion::Kind::Choice;
        QSet<QString> choiceIds;
        reader.forEachElement(
            QStringLiteral("choices"), [&](const QJsonValue& element, const JsonLocation& where) {
                requireRoomFor(question.choices.size(), where);
                JsonObjectReader choiceReader(element, where);
                AdviceQuestion::Choice choice;
                choice.id = readMatchingId(choiceReader, choiceIdPattern(),
                                           QStringLiteral("lower-case letters and digits, words "
                                                          "joined by single hyphens or "
                                                          "underscores"));
                if (choice.id == noPreference) {
                    choiceReader.locationOf(QStringLiteral("id"))
                        .fail(QStringLiteral("\"any\" is every question's \"no preference\"; it is "
                                             "not listed"));
                }
                if (choiceIds.contains(choice.id)) {
                    choiceReader.locationOf(QStringLiteral("id"))
                        .fail(QStringLiteral("duplicate choice id \"%1\"").arg(choice.id));
                }
                choiceIds.insert(choice.id);
                choice.label = readText(choiceReader, QStringLiteral("label"));
                choiceReader.finish();
                question.choices.append(choice);
            });
        if (question.choices.size() < 2)
            reader.locationOf(QStringLiteral("choices"))
                .fail(QStringLiteral("needs two choices or more"));
    } else if (kind == QLatin1String("yes-no")) {
        question.kind = AdviceQuestion::Kind::YesNo;
    } else if (kind == QLatin1String("number")) {
        question.kind = AdviceQuestion::Kind::Number;
        question.unit = readText(reader, QStringLiteral("unit"));
        question.minimum = reader.number(QStringLiteral("minimum"));
        question.maximum = reader.number(QStringLiteral("maximum"));
        if (!(question.maximum > question.minimum)) {
            reader.locationOf(QStringLiteral("maximum"))
                .fail(QStringLiteral("must be more than minimum (%1), found %2")
                          .arg(question.minimum)
                          .arg(question.maximum));
        }
    } else {
        reader.locationOf(QStringLiteral("kind"))
            .fail(QStringLiteral("unknown kind \"%1\" (known: choice, yes-no, number)").arg(kind));
    }
    reader.finish();
    return question;
}

AnswerCondition readCondition(const AdviceQuestion& question, const QJsonValue& value,
                              const JsonLocation& location)
{
    AnswerCondition condition;
    condition.questionId = question.id;
    switch (question.kind) {
    case AdviceQuestion::Kind::Choice: {
        if (!value.isArray()) {
            location.fail(QStringLiteral("must be an array of %1's choices, found %2")
                              .arg(question.id, describeJsonType(value)));
        }
        const QJsonArray choices = value.toArray();
        if (choices.isEmpty())
            location.fail(QStringLiteral("must name at least one choice"));
        for (qsizetype i = 0; i < choices.size(); ++i) {
            const JsonLocation where = location.element(i);
            const QString choice = requireString(choices.at(i), where);
            if (!question.hasChoice(choice)) {
                QStringList known;
                for (const AdviceQuestion::Choice& each : question.choices)
                    known.append(each.id);
                where.fail(QStringLiteral("\"%1\" is not a choice of %2 (known: %3)")
                               .arg(choice, question.id, known.join(QStringLiteral(", "))));
            }
            condition.choices.append(choice);
        }
        break;
    }
    case AdviceQuestion::Kind::YesNo:
        if (!value.isBool()) {
            location.fail(
                QStringLiteral("must be true or false, found %1").arg(describeJsonType(value)));
        }
        condition.yes = value.toBool();
        break;
    case AdviceQuestion::Kind::Number: {
        JsonObjectReader reader(value, location);
        condition.above = reader.number(QStringLiteral("above"));
        reader.finish();
        break;
    }
    }
    return condition;
}

} // namespace

bool AdviceQuestion::hasChoice(const QString& choiceId) const
{
    return std::any_of(choices.cbegin(), choices.cend(),
                       [&choiceId](const Choice& choice) { return choice.id == choiceId; });
}

QString AdviceQuestion::choiceLabel(const QString& choiceId) const
{
    for (const Choice& choice : choices) {
        if (choice.id == choiceId)
            return choice.label;
    }
    return choiceId;
}

QString AdviceRules::builtInPath()
{
    return QStringLiteral(":/data/advice.json");
}

AdviceRules AdviceRules::load(const QString& path, const Catalog& catalog,
                              const QString& displayName)
{
    const QString name = displayName.isEmpty() ? path : displayName;
    return fromJson(readJsonObjectFile(path, name), catalog, name);
}

AdviceRules AdviceRules::loadBuiltIn(const Catalog& catalog)
{
    return load(builtInPath(), catalog, QStringLiteral("built-in advice.json"));
}

const AdviceQuestion* AdviceRules::question(const QString& id) const
{
    for (const AdviceQuestion& question : m_questions) {
        if (question.id == id)
            return &question;
    }
    return nullptr;
}

AdviceRules AdviceRules::fromJson(const QJsonObject& json, const Catalog& catalog,
                                  const QString& fileName)
{
    JsonObjectReader file(json, JsonLocation(fileName));
    readFormatHeader(file, adviceFormat, adviceVersion);
    AdviceRules rules;
    rules.m_sourceName = fileName;

    QSet<QString> questionIds;
    file.forEachElement(QStringLiteral("questions"),
                        [&](const QJsonValue& value, const JsonLocation& where) {
                            requireRoomFor(rules.m_questions.size(), where);
                            rules.m_questions.append(readQuestion(value, where, questionIds));
                            questionIds.insert(rules.m_questions.constLast().id);
                        });

    JsonObjectReader cost = file.object(QStringLiteral("cost"));
    const double costPoints = cost.number(QStringLiteral("points"));
    if (costPoints < 0 || costPoints > mostPoints || std::floor(costPoints) != costPoints) {
        cost.locationOf(QStringLiteral("points"))
            .fail(QStringLiteral("must be a whole number from 0 to %1, found %2")
                      .arg(mostPoints)
                      .arg(costPoints));
    }
    rules.m_costPoints = int(costPoints);
    cost.finish();

    const auto requireOption = [&catalog](const QString& optionId, const JsonLocation& where) {
        if (!catalog.option(optionId)) {
            where.fail(QStringLiteral("no deployment option \"%1\" in %2")
                           .arg(optionId, catalog.sourceName()));
        }
    };
    QSet<QString> ruleIds;
    file.forEachElement(QStringLiteral("rules"), [&](const QJsonValue& value,
                                                     const JsonLocation& where) {
        requireRoomFor(rules.m_rules.size(), where);
        JsonObjectReader reader(value, where);
        AdviceRule rule;
        rule.id = readMatchingId(reader, plainIdPattern(),
                                 QStringLiteral("lower-case letters, digits and single hyphens"));
        if (ruleIds.contains(rule.id))
            reader.locationOf(QStringLiteral("id"))
                .fail(QStringLiteral("duplicate rule id \"%1\"").arg(rule.id));
        ruleIds.insert(rule.id);

        JsonObjectReader when = reader.object(QStringLiteral("when"));
        const QJsonObject conditions = value.toObject().value(QStringLiteral("when")).toObject();
        for (const QString& questionId : when.takeKeys()) {
            const AdviceQuestion* question = rules.question(questionId);
            if (!question) {
                when.locationOf(questionId)
                    .fail(QStringLiteral("no question \"%1\" in this file").arg(questionId));
            }
            rule.when.append(readCondition(*question, conditions.value(questionId),
                                           when.locationOf(questionId)));
        }
        if (rule.when.isEmpty())
            when.location().fail(QStringLiteral("needs at least one condition"));

        const bool excludes = reader.has(QStringLiteral("exclude"));
        const bool scores = reader.has(QStringLiteral("points"));
        if (excludes == scores) {
            reader.location().fail(
                QStringLiteral("needs either \"exclude\" (a hard limit) or "
                               "\"points\" (a soft criterion), not %1")
                    .arg(excludes ? QStringLiteral("both") : QStringLiteral("neither")));
        }
        if (excludes) {
            rule.excludes = reader.stringList(QStringLiteral("exclude"));
            const JsonLocation list = reader.locationOf(QStringLiteral("exclude"));
            if (rule.excludes.isEmpty())
                list.fail(QStringLiteral("must name at least one option"));
            for (qsizetype i = 0; i < rule.excludes.size(); ++i)
                requireOption(rule.excludes.at(i), list.element(i));
        } else {
            JsonObjectReader points = reader.object(QStringLiteral("points"));
            const QJsonObject amounts = value.toObject().value(QStringLiteral("points")).toObject();
            for (const QString& optionId : points.takeKeys()) {
                const JsonLocation where = points.locationOf(optionId);
                requireOption(optionId, where);
                const QJsonValue amount = amounts.value(optionId);
                const double number = amount.toDouble();
                if (!amount.isDouble() || std::floor(number) != number || number == 0 ||
                    std::abs(number) > mostPoints) {
                    where.fail(QStringLiteral("must be a whole number from -%1 to %1, not 0, "
                                              "found %2")
                                   .arg(mostPoints)
                                   .arg(amount.isDouble() ? QString::number(number)
                                                          : describeJsonType(amount)));
                }
                rule.pointsByOption.insert(optionId, int(number));
            }
            if (rule.pointsByOption.isEmpty())
                points.location().fail(QStringLiteral("must give points to at least one option"));
        }

        rule.reason = readText(reader, QStringLiteral("reason"));
        static const QRegularExpression placeholder(QStringLiteral("\\{([^{}]*)\\}"));
        for (auto match = placeholder.globalMatch(rule.reason); match.hasNext();) {
            const QString quoted = match.next().captured(1);
            const bool asked = std::any_of(rule.when.cbegin(), rule.when.cend(),
                                           [&quoted](const AnswerCondition& condition) {
                                               return condition.questionId == quoted;
                                           });
            if (!asked) {
                reader.locationOf(QStringLiteral("reason"))
                    .fail(QStringLiteral("quotes {%1}, which is not a question in this rule's "
                                         "\"when\"")
                              .arg(quoted));
            }
        }
        reader.finish();
        rules.m_rules.append(rule);
    });
    file.finish();
    return rules;
}

} // namespace ace
