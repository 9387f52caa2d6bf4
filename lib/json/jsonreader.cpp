#include "json/jsonreader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <vector>

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

// Why a file that failed to parse may not be UTF-8 text at all (Qt reads UTF-8 with or without
// a byte-order mark). Empty when it looks like UTF-8.
QString encodingHint(const QByteArray& data)
{
    const auto startsWith = [&data](const char* bytes, qsizetype size) {
        return data.startsWith(QByteArray::fromRawData(bytes, size));
    };
    QString encoding;
    if (startsWith("\x00\x00\xFE\xFF", 4) || startsWith("\xFF\xFE\x00\x00", 4))
        encoding = QStringLiteral("UTF-32");
    else if (startsWith("\xFF\xFE", 2) || startsWith("\xFE\xFF", 2))
        encoding = QStringLiteral("UTF-16");
    else if (data.left(4).contains('\0'))
        encoding = QStringLiteral("UTF-16 or UTF-32");
    else
        return {};
    return QStringLiteral(" (the file looks %1 encoded: save it as UTF-8)").arg(encoding);
}

// The text of a JSON string literal, quotes included. Escapes spell the same name differently
// ("a" and "\u0061"); the parser decodes them.
QString decodeJsonString(const QByteArray& quoted)
{
    if (!quoted.contains('\\'))
        return QString::fromUtf8(quoted.mid(1, quoted.size() - 2));
    QByteArray array = quoted;
    array.prepend('[');
    array.append(']');
    return QJsonDocument::fromJson(array).array().at(0).toString();
}

// QJsonDocument keeps the last of two members with the same name; a file that names one twice
// has a typo or a merge gone wrong, so it is refused, as unknown keys are. The file already
// parsed, so this walk only tracks strings, brackets and separators.
void rejectDuplicateKeys(const QByteArray& data, const QString& displayName)
{
    struct Container
    {
        JsonLocation location;
        bool isObject = false;
        QSet<QString> keys;
        QString lastKey;
        qsizetype index = 0;
        bool expectingKey = false;
    };
    std::vector<Container> open;
    const auto childLocation = [&open, &displayName]() {
        if (open.empty())
            return JsonLocation(displayName);
        const Container& parent = open.back();
        return parent.isObject ? parent.location.child(parent.lastKey)
                               : parent.location.element(parent.index);
    };
    for (qsizetype i = 0; i < data.size(); ++i) {
        switch (data.at(i)) {
        case '{':
        case '[':
            open.push_back({childLocation(), data.at(i) == '{', {}, {}, 0, data.at(i) == '{'});
            break;
        case '}':
        case ']':
            open.pop_back();
            break;
        case ',':
            if (open.back().isObject)
                open.back().expectingKey = true;
            else
                ++open.back().index;
            break;
        case '"': {
            const qsizetype start = i;
            for (++i; data.at(i) != '"'; ++i) {
                if (data.at(i) == '\\')
                    ++i;
            }
            if (open.empty() || !open.back().isObject || !open.back().expectingKey)
                break;
            Container& object = open.back();
            const QByteArray quoted = data.mid(start, i - start + 1);
            object.lastKey = decodeJsonString(quoted);
            if (object.keys.contains(object.lastKey))
                object.location.child(object.lastKey)
                    .fail(QStringLiteral("duplicate key (a JSON object names each member once)"));
            object.keys.insert(object.lastKey);
            object.expectingKey = false;
            break;
        }
        default:
            break;
        }
    }
}

} // namespace

QJsonObject readJsonObjectFile(const QString& path, const QString& displayName)
{
    // Opening a FIFO waits for a writer and a device may never end: only files are read.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        throw DataError(displayName, {},
                        QStringLiteral("not a regular file (a folder, device, FIFO or socket)"));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw DataError(displayName, {}, QStringLiteral("cannot read: ") + file.errorString());
    // One byte past the limit tells a file at the limit from a larger one, without reading
    // more than that of a file that grows while it is read.
    const QByteArray data = file.read(largestJsonFileBytes + 1);
    if (data.size() > largestJsonFileBytes) {
        throw DataError(displayName, {},
                        QStringLiteral("larger than %1 MiB, the most this program reads of a "
                                       "catalog, price book or workload")
                            .arg(largestJsonFileBytes / (1024 * 1024)));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        throw DataError(displayName, lineAndColumn(data, parseError.offset),
                        QStringLiteral("malformed JSON: ") + parseError.errorString() +
                            encodingHint(data));
    }
    rejectDuplicateKeys(data, displayName);
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
