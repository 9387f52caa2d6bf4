#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <exception>
#include <functional>
#include <optional>

namespace ace::pricelist {

struct ImportProgress
{
    qint64 bytesRead = 0; // over all files
    qint64 bytesTotal = 0;
    QString file; // the file being read
};

struct ImportResult
{
    QJsonObject priceBook; // the app's price-book format (PriceBook::load reads it)
    QStringList missing;   // what the files did not contain ("Lambda duration tiers (arm64)")
    QStringList files;     // the files read, with offer code and version
};

// Reads AWS Price List offer files (any mix of AmazonEC2, AWSLambda, AmazonECS, AmazonEKS,
// AmazonApiGateway, AWSELB and AWSDataTransfer; CSV or JSON, told apart by content; per-region
// or all-regions files; Query API items too) for `region`, streaming, and builds one price book.
// Throws DataError naming the file and the line or JSON path: an offer for another region, a
// file that is no offer file, a cut-short file, a missing column, a price that is not a
// number, rates in two currencies, or files that lack rates every price book needs (EC2,
// Lambda, Fargate, EKS: the message lists them). `progress` is called every few MB; returning
// false cancels (throws ImportCancelled).
ImportResult importPriceList(const QStringList& files, const QString& region,
                             const std::function<bool(const ImportProgress&)>& progress = {});

// Writes atomically (files::AtomicFile), creating the folder; the error names the file.
std::optional<QString> writePriceBook(const QJsonObject& priceBook, const QString& path);

class ImportCancelled : public std::exception
{
public:
    const char* what() const noexcept override { return "price list import cancelled"; }
};

} // namespace ace::pricelist
