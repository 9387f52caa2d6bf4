// Reading, checking and writing answers files.
#include "advisor/answers.h"

#include "advisor/advicerules.h"
#include "files/safefile.h"
#include "json/jsonreader.h"

#include <QJsonDocument>
#include <QLocale>

namespace ace {

namespace {

const QString answersFormat = QStringLiteral("aws-compute-explorer/answers");
constexpr int answersVersion = 1;
const QString noPreference = QStringLiteral("any");

// The answer `value` gives `question`, checked; undefined for "don't know".
QJsonValue readAnswer(const AdviceQuestion& question, const QJsonValue& value,
                      const JsonLocation& where)
{
    if (value.isNull())
        return QJsonValue::Undefined;
    switch (question.kind) {
    case AdviceQuestion::Kind::Choice: {
        const QString choice = requireString(value, where);
        if (choice == noPreference)
            return QJsonValue::Undefined;
        if (!question.hasChoice(choice)) {
            QStringList known;
            for (const AdviceQuestion::Choice& each : question.choices)
                known.append(each.id);
            known.append(noPreference);
            where.fail(QStringLiteral("\"%1\" is not an answer to this question (known: %2)")
                           .arg(choice, known.join(QStringLiteral(", "))));
        }
        return choice;
    }
    case AdviceQuestion::Kind::YesNo:
        if (!value.isBool()) {
            where.fail(QStringLiteral("must be true, false or null (don't know), found %1")
                           .arg(describeJsonType(value)));
        }
        return value;
    case AdviceQuestion::Kind::Number: {
        if (!value.isDouble()) {
            where.fail(QStringLiteral("must be a number of %1 or null (don't know), found %2")
                           .arg(question.unit, describeJsonType(value)));
        }
        const double number = value.toDouble();
        if (number < question.minimum || number > question.maximum) {
            where.fail(QStringLiteral("must be from %1 to %2 %3, found %4")
                           .arg(question.minimum)
                           .arg(question.maximum)
                           .arg(question.unit)
                           .arg(number));
        }
        return value;
    }
    }
    return QJsonValue::Undefined;
}

} // namespace

Answers Answers::fromJson(const QJsonObject& json, const AdviceRules& rules,
                          const QString& fileName)
{
    JsonObjectReader file(json, JsonLocation(fileName));
    readFormatHeader(file, answersFormat, answersVersion);
    Answers answers;
    for (const QString& key : file.takeKeys()) {
        if (key == QLatin1String("format") || key == QLatin1String("version"))
            continue;
        const AdviceQuestion* question = rules.question(key);
        const JsonLocation where = file.locationOf(key);
        if (!question) {
            QStringList known;
            for (const AdviceQuestion& each : rules.questions())
                known.append(each.id);
            where.fail(QStringLiteral("no such question in %1 (known: %2)")
                           .arg(rules.sourceName(), known.join(QStringLiteral(", "))));
        }
        answers.set(key, readAnswer(*question, json.value(key), where));
    }
    return answers;
}

Answers Answers::load(const QString& path, const AdviceRules& rules, const QString& displayName)
{
    const QString name = displayName.isEmpty() ? path : displayName;
    return fromJson(readJsonObjectFile(path, name), rules, name);
}

QJsonObject Answers::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("format"), answersFormat);
    json.insert(QStringLiteral("version"), answersVersion);
    for (auto answer = m_values.cbegin(); answer != m_values.cend(); ++answer)
        json.insert(answer.key(), answer.value());
    return json;
}

std::optional<QString> Answers::save(const QString& path) const
{
    return files::writeFileAtomically(path,
                                      QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
}

void Answers::set(const QString& questionId, const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined() || value == QJsonValue(noPreference))
        m_values.remove(questionId);
    else
        m_values.insert(questionId, value);
}

QString answerText(const AdviceQuestion& question, const QJsonValue& value)
{
    if (value.isUndefined() || value.isNull())
        return QStringLiteral("don't know");
    switch (question.kind) {
    case AdviceQuestion::Kind::Choice:
        return question.choiceLabel(value.toString());
    case AdviceQuestion::Kind::YesNo:
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case AdviceQuestion::Kind::Number: {
        // Units are written plural ("minutes"); one of them reads "1 minute".
        QString unit = question.unit;
        if (value.toDouble() == 1 && unit.endsWith(u's'))
            unit.chop(1);
        return QStringLiteral("%1 %2").arg(QLocale::c().toString(value.toDouble(), 'g', 12), unit);
    }
    }
    return {};
}

} // namespace ace
