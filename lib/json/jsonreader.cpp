#include "json/jsonreader.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace ace {

namespace {

// QJsonParseError gives a byte offset; users want a line and column.
QString lineAndColumn(const QByteArray& data, qsizetype offset)
{
    offset = std::min(offset, data.size());
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (data.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

} // namespace

QJsonObject readJsonObjectFile(const QString& path, const QString& displayName)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw DataError(displayName, {}, QStringLiteral("cannot read: ") + file.errorString());
    const QByteArray data = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        throw DataError(displayName, lineAndColumn(data, parseError.offset),
                        QStringLiteral("malformed JSON: ") + parseError.errorString());
    }
    if (!document.isObject())
        throw DataError(displayName, {}, QStringLiteral("the top level must be a JSON object"));
    return document.object();
}

QString describeJsonType(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

JsonLocation::JsonLocation(QString file, QString path)
    : m_file(std::move(file))
    , m_path(std::move(path))
{}

JsonLocation JsonLocation::child(const QString& key) const
{
    return JsonLocation(m_file, m_path.isEmpty() ? key : m_path + u'.' + key);
}

JsonLocation JsonLocation::element(qsizetype index) const
{
    return JsonLocation(m_file, m_path + u'[' + QString::number(index) + u']');
}

void JsonLocation::fail(const QString& message) const
{
    throw DataError(m_file, m_path, message);
}

void readFormatHeader(JsonObjectReader& reader, const QString& format, int version)
{
    readFormatHeader(reader, format, version, version);
}

int readFormatHeader(JsonObjectReader& reader, const QString& format, int oldest, int newest)
{
    const QString found = reader.string(QStringLiteral("format"));
    if (found != format) {
        reader.locationOf(QStringLiteral("format"))
            .fail(QStringLiteral("expected \"%1\", found \"%2\"").arg(format, found));
    }
    const double foundVersion = reader.number(QStringLiteral("version"));
    for (int version = oldest; version <= newest; ++version) {
        if (foundVersion == version)
            return version;
    }
    const QString problem = foundVersion > newest
                                ? QStringLiteral("version %1 was written by a newer program")
                                : QStringLiteral("version %1 is not supported");
    const QString reads =
        oldest == newest
            ? QStringLiteral(" (this program reads version %1)").arg(newest)
            : QStringLiteral(" (this program reads versions %1 to %2)").arg(oldest).arg(newest);
    reader.locationOf(QStringLiteral("version")).fail(problem.arg(foundVersion) + reads);
}

QString requireString(const QJsonValue& value, const JsonLocation& location)
{
    if (!value.isString())
        location.fail(QStringLiteral("expected a string, found ") + describeJsonType(value));
    return value.toString();
}

JsonObjectReader::JsonObjectReader(const QJsonValue& value, JsonLocation location)
    : m_location(std::move(location))
{
    if (!value.isObject())
        m_location.fail(QStringLiteral("expected an object, found ") + describeJsonType(value));
    m_object = value.toObject();
}

bool JsonObjectReader::takeNull(const QString& key)
{
    if (!m_object.contains(key) || !m_object.value(key).isNull())
        return false;
    m_readKeys.insert(key);
    return true;
}

QJsonValue JsonObjectReader::take(const QString& key)
{
    m_readKeys.insert(key);
    return m_object.value(key);
}

bool JsonObjectReader::isAbsent(const QString& key)
{
    m_readKeys.insert(key);
    return !m_object.contains(key);
}

QJsonValue JsonObjectReader::takeRequired(const QString& key)
{
    const QJsonValue value = take(key);
    if (value.isUndefined())
        locationOf(key).fail(QStringLiteral("required but missing"));
    return value;
}

QString JsonObjectReader::string(const QString& key)
{
    return requireString(takeRequired(key), locationOf(key));
}

QString JsonObjectReader::string(const QString& key, const QString& fallback)
{
    return isAbsent(key) ? fallback : string(key);
}

double JsonObjectReader::number(const QString& key)
{
    const QJsonValue value = takeRequired(key);
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        locationOf(key).fail(QStringLiteral("expected a number, found ") + describeJsonType(value));
    return value.toDouble();
}

double JsonObjectReader::number(const QString& key, double fallback)
{
    return isAbsent(key) ? fallback : number(key);
}

std::optional<double> JsonObjectReader::nullableNumber(const QString& key,
                                                       std::optional<double> fallback)
{
    const QJsonValue value = take(key);
    if (value.isUndefined())
        return fallback;
    if (value.isNull())
        return std::nullopt;
    if (!value.isDouble()) {
        locationOf(key).fail(QStringLiteral("expected a number or null, found ") +
                             describeJsonType(value));
    }
    return value.toDouble();
}

bool JsonObjectReader::boolean(const QString& key, bool fallback)
{
    const QJsonValue value = take(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isBool())
        locationOf(key).fail(QStringLiteral("expected true or false, found ") +
                             describeJsonType(value));
    return value.toBool();
}

QStringList JsonObjectReader::stringList(const QString& key)
{
    QStringList strings;
    forEachElement(key, [&strings](const QJsonValue& element, const JsonLocation& where) {
        strings.append(requireString(element, where));
    });
    return strings;
}

QStringList JsonObjectReader::stringList(const QString& key, const QStringList& fallback)
{
    return isAbsent(key) ? fallback : stringList(key);
}

JsonObjectReader JsonObjectReader::object(const QString& key)
{
    return JsonObjectReader(takeRequired(key), locationOf(key));
}

std::optional<JsonObjectReader> JsonObjectReader::optionalObject(const QString& key)
{
    if (isAbsent(key))
        return std::nullopt;
    return object(key);
}

void JsonObjectReader::forEachElement(
    const QString& key,
    const std::function<void(const QJsonValue&, const JsonLocation&)>& readElement)
{
    const QJsonValue value = takeRequired(key);
    const JsonLocation where = locationOf(key);
    if (!value.isArray())
        where.fail(QStringLiteral("expected an array, found ") + describeJsonType(value));
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i)
        readElement(array.at(i), where.element(i));
}

QStringList JsonObjectReader::takeKeys()
{
    const QStringList keys = m_object.keys();
    for (const QString& key : keys)
        m_readKeys.insert(key);
    return keys;
}

void JsonObjectReader::finish() const
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_readKeys.contains(it.key()))
            locationOf(it.key()).fail(QStringLiteral("unknown key"));
    }
}

} // namespace ace
