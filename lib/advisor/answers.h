#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>

#include <optional>

namespace ace {

class AdviceRules;
struct AdviceQuestion;

// A user's answers to the advisor's questions: a choice id (string), a yes or no (bool) or a
// number per question id; a question without an answer is "don't know / no preference". Read
// from an answers file ({"format": "aws-compute-explorer/answers", "version": 1, ...}), strictly
// against the questions of the rules in use: an unknown key, a choice a question does not have
// or a number out of range is an error naming the file and the field.
class Answers
{
public:
    static Answers fromJson(const QJsonObject& json, const AdviceRules& rules,
                            const QString& fileName);
    static Answers load(const QString& path, const AdviceRules& rules,
                        const QString& displayName = {});
    // The answers file: format, version and every answered question.
    QJsonObject toJson() const;
    // Saves atomically; the error, or nothing.
    [[nodiscard]] std::optional<QString> save(const QString& path) const;

    // The answer to a question; undefined when it has none.
    QJsonValue value(const QString& questionId) const
    {
        return m_values.value(questionId, QJsonValue::Undefined);
    }
    bool isAnswered(const QString& questionId) const { return m_values.contains(questionId); }
    // Answers a question (a value the question accepts: the caller checks); null, undefined or a
    // choice question's "any" take the answer back.
    void set(const QString& questionId, const QJsonValue& value);
    bool isEmpty() const { return m_values.isEmpty(); }

    friend bool operator==(const Answers& a, const Answers& b) { return a.m_values == b.m_values; }
    friend bool operator!=(const Answers& a, const Answers& b) { return !(a == b); }

private:
    QMap<QString, QJsonValue> m_values; // sorted by id, so files and comparisons are stable
};

// How an answer reads in a sentence or a table: a choice's label, "yes"/"no", "20 minutes";
// "don't know" for none.
QString answerText(const AdviceQuestion& question, const QJsonValue& value);

} // namespace ace
