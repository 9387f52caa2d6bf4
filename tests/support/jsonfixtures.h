#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace ace::test {

// A JSON file from the source tree's resources/ folder, e.g. "catalog.json".
QJsonObject resourceJson(const QString& relativePath);

// Replaces the value at a JSON path such as `options[3].responsibility.scaling.who`; an
// undefined QJsonValue removes it. Lets a test start from a valid file and break one field.
void setJsonAt(QJsonObject& root, const QString& path, const QJsonValue& value);

// Writes `root` to `path` and returns `path`; fails the test's QVERIFY on I/O errors by
// returning an empty string.
QString writeJsonFile(const QString& path, const QJsonObject& root);

} // namespace ace::test
