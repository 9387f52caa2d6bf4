#pragma once

#include <QString>

#include <array>
#include <functional>
#include <string_view>

namespace ace::pricelist {

// The product attributes the mapping reads, whatever the file calls them (CSV column
// "Instance Type", JSON attribute "instanceType").
enum class Field {
    Sku,
    ProductFamily,
    Location,
    LocationType,
    RegionCode,
    UsageType,
    Operation,
    InstanceType,
    Vcpu,
    Memory,
    PhysicalProcessor,
    Tenancy,
    OperatingSystem,
    LicenseModel,
    PreInstalledSw,
    CapacityStatus,
    MarketOption,
    TransferType,
    FromLocation,
    FromRegionCode,
    ToLocation,
    Count
};
constexpr size_t fieldCount = static_cast<size_t>(Field::Count);

// The CSV column name of a field ("Instance Type"), for messages.
QString columnName(Field field);

// Text of the files (UTF-8) as a QString, for what is kept and for messages.
inline QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// One product's attributes, as views into the reader's buffers (valid during the call).
struct ProductView
{
    std::array<std::string_view, fieldCount> values{};
    std::string_view operator[](Field field) const { return values[static_cast<size_t>(field)]; }
};

// One price dimension of a product: a row of a CSV file, a priceDimensions entry of a JSON one.
struct PriceView
{
    std::string_view termType;
    std::string_view unit;
    std::string_view beginRange; // empty when the file gives none (upfront fees)
    std::string_view endRange;   // "Inf" for open-ended
    std::string_view price;
    std::string_view currency;
};

// What a file says about itself, before its products.
struct OfferHeader
{
    QString file;            // as messages name it
    QString format;          // "CSV" or "JSON"
    QString offerCode;       // "AmazonEC2"
    QString version;         // "20250912225308"
    QString publicationDate; // "2025-09-12T22:53:08Z"
    // Whether the file can hold the field at all: CSV by its header; JSON always (attributes
    // are per product). `headerLocation` names where a missing column was looked for.
    std::function<bool(Field)> hasField;
    QString headerLocation;
};

// Receives an offer file's content as it streams.
class OfferSink
{
public:
    virtual ~OfferSink() = default;
    // Called once, before any product; throws DataError for an offer it cannot read.
    virtual void begin(const OfferHeader& header) = 0;
    // Whether a product may matter; only those products' on-demand prices reach addPrice,
    // and only those are kept in memory while a JSON file streams from products to terms.
    virtual bool wantsProduct(const ProductView& product) = 0;
    // One on-demand price of a wanted product. `where` names the line or JSON path, for errors.
    virtual void addPrice(const ProductView& product, const PriceView& price,
                          const QString& where) = 0;
};

struct ReadProgress
{
    qint64 bytesRead = 0;
    qint64 bytesTotal = 0;
};

// The deepest a JSON offer file may nest objects and arrays (AWS's nest about eight deep).
inline constexpr size_t deepestOfferNesting = 64;
// The longest string (key or value) a JSON offer file may hold.
inline constexpr size_t longestJsonToken = 16 * 1024 * 1024;

// Reads one offer file, CSV or JSON (told apart by its first bytes), into `sink`. Throws
// DataError naming the file and line or JSON path: a file that is no offer file, a cut-short
// file, a missing column, malformed CSV or JSON. `progress` is called every few MB and at the
// end; returning false stops the reading (returns false).
bool readOfferFile(const QString& path, const QString& displayName, OfferSink& sink,
                   const std::function<bool(const ReadProgress&)>& progress = {});

} // namespace ace::pricelist
