#pragma once

#include "json/dataerror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace ace {

// The largest JSON file readJsonObjectFile reads: far above any catalog, price book or workload
// (the built-in ones are tens of KB), far below what would take the machine's memory.
inline constexpr qsizetype largestJsonFileBytes = 16 * 1024 * 1024;

// Reads a JSON file into a document, or throws a DataError naming the file and, for syntax
// errors, the line and column; refuses files that are not regular files, files larger than
// largestJsonFileBytes and objects that name a member twice. `displayName` is how the file is
// named in messages.
QJsonObject readJsonObjectFile(const QString& path, const QString& displayName);

// Where a JSON value sits in its file, for error messages: the file's display name and the
// JSON path from the root, e.g. `options[3].stack[1]`.
class JsonLocation
{
public:
    explicit JsonLocation(QString file, QString path = {});

    JsonLocation child(const QString& key) const;
    JsonLocation element(qsizetype index) const;

    const QString& file() const { return m_file; }
    const QString& path() const { return m_path; }

    [[noreturn]] void fail(const QString& message) const;

private:
    QString m_file;
    QString m_path;
};

// Reads the members of one JSON object strictly: every accessor checks the member's type and
// throws a DataError that names the file and the member's path; finish() rejects members that
// no accessor asked for, so that a typo never silently becomes a default.
class JsonObjectReader
{
public:
    JsonObjectReader(const QJsonValue& value, JsonLocation location);

    const JsonLocation& location() const { return m_location; }
    JsonLocation locationOf(const QString& key) const { return m_location.child(key); }
    bool has(const QString& key) const { return m_object.contains(key); }
    // Whether `key` is there and null, which then counts as read.
    bool takeNull(const QString& key);

    QString string(const QString& key);
    QString string(const QString& key, const QString& fallback);
    double number(const QString& key);
    double number(const QString& key, double fallback);
    // A number, or null/absent (which both mean "not set").
    std::optional<double> nullableNumber(const QString& key, std::optional<double> fallback);
    bool boolean(const QString& key, bool fallback);
    QStringList stringList(const QString& key);
    QStringList stringList(const QString& key, const QStringList& fallback);
    JsonObjectReader object(const QString& key);
    std::optional<JsonObjectReader> optionalObject(const QString& key);
    // Calls `readElement` for every element of the array `key`, each with its own location.
    void
    forEachElement(const QString& key,
                   const std::function<void(const QJsonValue&, const JsonLocation&)>& readElement);
    // The member names, in the file's (alphabetical, as QJsonObject keeps them) order; marks
    // all of them as read.
    QStringList takeKeys();

    // Throws if the object has members that were not read.
    void finish() const;

private:
    // Marks `key` as read; true when the object does not have it (so a default applies).
    bool isAbsent(const QString& key);
    QJsonValue take(const QString& key);
    QJsonValue takeRequired(const QString& key);

    QJsonObject m_object;
    JsonLocation m_location;
    QSet<QString> m_readKeys;
};

// Checks a file's "format" and "version" members: every file type of this program starts with
// them, so a file of another kind or from a newer program is refused up front.
void readFormatHeader(JsonObjectReader& reader, const QString& format, int version);
// The same for a format this program reads in versions `oldest` to `newest`; returns the
// file's version.
int readFormatHeader(JsonObjectReader& reader, const QString& format, int oldest, int newest);

// The JSON type name of a value, for messages ("a string", "an array", ...).
QString describeJsonType(const QJsonValue& value);

// Requires `value` to be a string and returns it.
QString requireString(const QJsonValue& value, const JsonLocation& location);

} // namespace ace
