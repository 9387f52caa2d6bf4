#include "fuzzinput.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace ace::fuzz {

namespace {

// One folder for the whole run, removed when the process ends normally; a crash leaves it in
// the temporary folder, next to the input that crashed.
const QTemporaryDir& inputFolder()
{
    static const QTemporaryDir folder(QDir::tempPath() + QStringLiteral("/ace-fuzz-XXXXXX"));
    if (!folder.isValid()) {
        std::fprintf(stderr, "fuzz: cannot create a temporary folder: %s\n",
                     qPrintable(folder.errorString()));
        std::abort();
    }
    return folder;
}

} // namespace

QString inputFile(const std::uint8_t* data, std::size_t size, const QString& name)
{
    const QString path = inputFolder().filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size)) !=
            static_cast<qint64>(size)) {
        std::fprintf(stderr, "fuzz: cannot write %s: %s\n", qPrintable(path),
                     qPrintable(file.errorString()));
        std::abort();
    }
    return path;
}

QString inputFile(const QByteArray& bytes, const QString& name)
{
    return inputFile(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                     static_cast<std::size_t>(bytes.size()), name);
}

QList<QByteArray> splitParts(const std::uint8_t* data, std::size_t size)
{
    static const QByteArray separator = QByteArrayLiteral("\n---\n");
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QList<QByteArray> parts;
    qsizetype from = 0;
    for (qsizetype at; (at = input.indexOf(separator, from)) >= 0; from = at + separator.size())
        parts.append(input.mid(from, at - from + 1)); // the part keeps its last line end
    parts.append(input.mid(from));
    return parts;
}

void invariantFailed(const char* file, int line, const char* condition, const QString& detail)
{
    std::fprintf(stderr, "\n%s:%d: invariant broken: %s\n  %s\n", file, line, condition,
                 qPrintable(detail));
    std::abort();
}

} // namespace ace::fuzz
