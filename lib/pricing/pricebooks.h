#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ace {

// A price book the program can switch to: the built-in one, or one imported into the user's
// data folder (by `prices import` or the window's Prices menu).
struct AvailablePriceBook
{
    QString region;
    QString currency;
    QString asOf;
    QString path;       // loadable with PriceBook::load
    QString sourceName; // how messages name it: "built-in prices/us-east-1.json" or the path
    bool builtIn = false;
};

// Where imported price books live: the "prices" folder of the user's data location, one file
// per region ("eu-west-1.json").
QString importedPriceBookFolder();
// The file an imported price book for `region` is written to.
QString importedPriceBookPath(const QString& region);

// The built-in price book, then every readable price book in the imported folder, ordered by
// region. A file that does not read is left out, its error appended to `problems` (when given),
// so one damaged file never hides the others.
QList<AvailablePriceBook> availablePriceBooks(QStringList* problems = nullptr);
// The price book for `region` (an imported one before the built-in one: it is newer), or
// nullptr when there is none.
const AvailablePriceBook* priceBookForRegion(const QList<AvailablePriceBook>& books,
                                             const QString& region);

} // namespace ace
