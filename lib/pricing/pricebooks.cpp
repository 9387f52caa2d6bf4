// The price books the program knows: built in, and imported into the user's data folder.
#include "pricing/pricebooks.h"

#include "json/dataerror.h"
#include "pricing/pricebook.h"

#include <QDir>
#include <QStandardPaths>

#include <algorithm>

namespace ace {

namespace {

AvailablePriceBook describe(const PriceBook& book, const QString& path, bool builtIn)
{
    return {book.region(), book.currency(), book.asOf(), path, book.sourceName(), builtIn};
}

} // namespace

QString importedPriceBookFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/prices");
}

QString importedPriceBookPath(const QString& region)
{
    return importedPriceBookFolder() + u'/' + region + QStringLiteral(".json");
}

QList<AvailablePriceBook> availablePriceBooks(QStringList* problems)
{
    QList<AvailablePriceBook> books = {
        describe(PriceBook::loadBuiltIn(), PriceBook::builtInPath(), true)};
    const QDir folder(importedPriceBookFolder());
    QList<AvailablePriceBook> imported;
    for (const QString& name : folder.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        const QString path = folder.filePath(name);
        try {
            imported.append(describe(PriceBook::load(path), path, false));
        } catch (const DataError& error) {
            if (problems)
                problems->append(error.toString());
        }
    }
    std::sort(imported.begin(), imported.end(),
              [](const AvailablePriceBook& a, const AvailablePriceBook& b) {
                  return a.region < b.region;
              });
    return books + imported;
}

const AvailablePriceBook* priceBookForRegion(const QList<AvailablePriceBook>& books,
                                             const QString& region)
{
    const AvailablePriceBook* found = nullptr;
    for (const AvailablePriceBook& book : books) {
        if (book.region == region && (!found || found->builtIn))
            found = &book;
    }
    return found;
}

} // namespace ace
