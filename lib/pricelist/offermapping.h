#pragma once

#include "pricing/pricebook.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <optional>

namespace ace::pricelist {

// Where rates came from: one offer file.
struct OfferSource
{
    QString file; // as messages name it
    QString format;
    QString offerCode;
    QString version;
    QString publicationDate;

    // The file's address on AWS's Price List endpoint, with the publication date and the local
    // file name in the fragment ("...#published=2025-09-12T22:53:08Z&file=index.csv"), so a
    // price book's "source" carries the whole provenance.
    QString url(const QString& region) const;
    // "index.csv (AmazonEC2 20250912225308, CSV)"
    QString describe() const;
};

// One priced meter: a single rate, or tiers (several dimensions by StartingRange/EndingRange).
struct Meter
{
    struct Dimension
    {
        double begin = 0;
        std::optional<double> end; // nullopt: open-ended ("Inf")
        double rate = 0;
        QString where; // "file: line 12", for messages
    };
    QList<Dimension> dimensions;
    int source = -1; // index into CollectedRates::sources

    bool isEmpty() const { return dimensions.isEmpty(); }
    // The tiers, checked to start at 0, join up and end open-ended; throws DataError.
    QList<RateTier> tiers(const QString& what) const;
    // A one-dimension rate (the dimension from 0 when there are tiers).
    double rate() const;
};

// The on-demand rates the files held for one region, before they become a price book.
struct CollectedRates
{
    QString region;
    QString currency;
    QList<OfferSource> sources;

    QMap<QString, InstanceType> instanceTypes;
    int ec2Source = -1;

    std::array<Meter, 2> lambdaRequests; // indexed by Architecture
    std::array<Meter, 2> lambdaDuration;
    std::array<Meter, 2> lambdaStorage;
    std::optional<double> lambdaFreeRequests;
    std::optional<double> lambdaFreeGbSeconds;

    std::array<Meter, 2> fargateVcpuHour; // per vCPU-hour, as the files give it
    std::array<Meter, 2> fargateGbHour;
    Meter fargateStorageGbHour;
    int ecsSource = -1;

    Meter eksPerClusterHour;
    Meter eksExtendedSupportHour; // added to the per-cluster fee

    Meter apiGatewayHttpRequests;
    Meter apiGatewayRestRequests;
    Meter albHour;
    Meter albLcuHour;
    Meter dataTransferOut; // per GB to the internet, tiered
};

struct CollectProgress
{
    qint64 bytesRead = 0; // in the current file
    qint64 bytesTotal = 0;
};

// Reads each file (see importPriceList) into the rates for `region`. Throws DataError; false
// from `progress` (called with the file's index) stops and returns nullopt.
std::optional<CollectedRates>
collectRates(const QStringList& files, const QString& region,
             const std::function<bool(int fileIndex, const CollectProgress&)>& progress = {});

// The Price List location name of a region code ("EU (Ireland)" for eu-west-1); empty when
// the table does not know it.
QString regionLocation(const QString& region);

} // namespace ace::pricelist
