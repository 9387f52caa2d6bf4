#include "jsonfixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringList>

namespace ace::test {

namespace {

// One step of a JSON path: a member name or an array index.
struct PathStep
{
    QString key;
    int index = -1;
};

QList<PathStep> parsePath(const QString& path)
{
    static const QRegularExpression stepPattern(QStringLiteral("([^.\\[\\]]+)|\\[(\\d+)\\]"));
    QList<PathStep> steps;
    for (auto it = stepPattern.globalMatch(path); it.hasNext();) {
        const auto match = it.next();
        if (match.hasCaptured(2))
            steps.append({{}, match.captured(2).toInt()});
        else
            steps.append({match.captured(1), -1});
    }
    return steps;
}

QJsonValue replaced(const QJsonValue& current, const QList<PathStep>& steps, qsizetype at,
                    const QJsonValue& value)
{
    if (at == steps.size())
        return value;
    const PathStep& step = steps.at(at);
    if (step.index >= 0) {
        QJsonArray array = current.toArray();
        const QJsonValue inner = replaced(array.at(step.index), steps, at + 1, value);
        if (inner.isUndefined())
            array.removeAt(step.index);
        else
            array[step.index] = inner;
        return array;
    }
    QJsonObject object = current.toObject();
    const QJsonValue inner = replaced(object.value(step.key), steps, at + 1, value);
    if (inner.isUndefined())
        object.remove(step.key);
    else
        object.insert(step.key, inner);
    return object;
}

} // namespace

QJsonObject resourceJson(const QString& relativePath)
{
    QFile file(QStringLiteral(ACE_SOURCE_DIR "/resources/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

void setJsonAt(QJsonObject& root, const QString& path, const QJsonValue& value)
{
    root = replaced(root, parsePath(path), 0, value).toObject();
}

QString writeJsonFile(const QString& path, const QJsonObject& root)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(QJsonDocument(root).toJson());
    return path;
}

} // namespace ace::test
