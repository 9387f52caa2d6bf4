// AWS Price List offer files (prices import): the input is one offer file, read by the
// importer with the us-east-1 test files of the other offers a price book needs, so an input
// that reads goes on through the mapping, the price book built from it and that book's loading.
// Any bytes either import or are refused with a DataError.
//
// Built three times (fuzz/CMakeLists.txt), one target per format: ACE_FUZZ_OFFER_FORMAT is
// "CSV" or "JSON" for the EC2 targets, which skip inputs the importer would read as the other
// format (told apart by the first character, as readOfferFile does), so each target's corpus
// stays in its format; empty for the other offers, in either format.
#include "fuzzinput.h"
#include "json/dataerror.h"
#include "pricelist/offermapping.h"
#include "pricelist/pricelistimport.h"

#include <QByteArrayView>

namespace {

using namespace ace;

const QString region = QStringLiteral("us-east-1");

// The format readOfferFile reads a file as: "JSON" from "{", "CSV" from a quote or "F" (after
// a byte order mark and white space); empty for neither.
QString formatOf(QByteArrayView input)
{
    if (input.startsWith("\xEF\xBB\xBF"))
        input = input.sliced(3);
    for (const char c : input.first(std::min<qsizetype>(input.size(), 64))) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (c == '{')
            return QStringLiteral("JSON");
        return c == '"' || c == 'F' ? QStringLiteral("CSV") : QString();
    }
    return {};
}

struct OfferFile
{
    QString offerCode;
    QString path;
};

// One us-east-1 file for each offer every price book needs.
const QList<OfferFile>& otherOffers()
{
    static const QString folder = QStringLiteral(ACE_SOURCE_DIR "/tests/data/price-list/");
    static const QList<OfferFile> files = {
        {QStringLiteral("AmazonEC2"), folder + QStringLiteral("ec2-us-east-1.sample.json")},
        {QStringLiteral("AWSLambda"), folder + QStringLiteral("lambda-us-east-1.constructed.csv")},
        {QStringLiteral("AmazonECS"), folder + QStringLiteral("ecs-us-east-1.sample.json")},
        {QStringLiteral("AmazonEKS"), folder + QStringLiteral("eks-us-east-1.constructed.json")},
    };
    return files;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString wanted = QStringLiteral(ACE_FUZZ_OFFER_FORMAT);
    const QByteArrayView input(data, static_cast<qsizetype>(size));
    if (!wanted.isEmpty() && formatOf(input) != wanted)
        return 0;
    const QString path = fuzz::inputFile(data, size, QStringLiteral("offer"));
    try {
        // The input alone first: which offer it is (and the reader and mapping on their own).
        const std::optional<pricelist::CollectedRates> rates =
            pricelist::collectRates({path}, region);
        ACE_FUZZ_REQUIRE(rates && rates->sources.size() == 1, QStringLiteral("one offer read"));
        QStringList files = {path};
        for (const OfferFile& other : otherOffers()) {
            if (other.offerCode != rates->sources.constFirst().offerCode)
                files.append(other.path);
        }
        const pricelist::ImportResult result = pricelist::importPriceList(files, region);
        ACE_FUZZ_REQUIRE(!result.priceBook.isEmpty(), QStringLiteral("an empty price book"));
    } catch (const DataError&) {
    }
    return 0;
}
