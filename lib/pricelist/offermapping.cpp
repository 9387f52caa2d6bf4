// Which rows of AWS's offer files are the rates of a price book (the rules and traps are in
// shared Price List reference notes (shared/reference/price-list/README.md §3-§9), summarised
// at each rule below).
#include "pricelist/offermapping.h"

#include "json/dataerror.h"
#include "pricelist/offerreader.h"

#include <QFileInfo>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace ace::pricelist {

namespace {

struct RegionName
{
    const char* code;
    const char* location;
};

// Price List location names ("EU (...)", not the console's "Europe (...)"); older files
// spell some differently, hence the repeated codes. Used only for files without a
// "Region Code" column or attribute (2018-2021).
constexpr RegionName regionNames[] = {
    {"us-east-1", "US East (N. Virginia)"},
    {"us-east-2", "US East (Ohio)"},
    {"us-west-1", "US West (N. California)"},
    {"us-west-2", "US West (Oregon)"},
    {"af-south-1", "Africa (Cape Town)"},
    {"ap-east-1", "Asia Pacific (Hong Kong)"},
    {"ap-east-2", "Asia Pacific (Taipei)"},
    {"ap-south-1", "Asia Pacific (Mumbai)"},
    {"ap-south-2", "Asia Pacific (Hyderabad)"},
    {"ap-southeast-1", "Asia Pacific (Singapore)"},
    {"ap-southeast-2", "Asia Pacific (Sydney)"},
    {"ap-southeast-3", "Asia Pacific (Jakarta)"},
    {"ap-southeast-4", "Asia Pacific (Melbourne)"},
    {"ap-southeast-5", "Asia Pacific (Malaysia)"},
    {"ap-southeast-6", "Asia Pacific (New Zealand)"},
    {"ap-southeast-7", "Asia Pacific (Thailand)"},
    {"ap-northeast-1", "Asia Pacific (Tokyo)"},
    {"ap-northeast-2", "Asia Pacific (Seoul)"},
    {"ap-northeast-3", "Asia Pacific (Osaka)"},
    {"ap-northeast-3", "Asia Pacific (Osaka-Local)"},
    {"ca-central-1", "Canada (Central)"},
    {"ca-west-1", "Canada West (Calgary)"},
    {"eu-central-1", "EU (Frankfurt)"},
    {"eu-central-2", "EU (Zurich)"},
    {"eu-west-1", "EU (Ireland)"},
    {"eu-west-2", "EU (London)"},
    {"eu-west-3", "EU (Paris)"},
    {"eu-south-1", "EU (Milan)"},
    {"eu-south-2", "EU (Spain)"},
    {"eu-north-1", "EU (Stockholm)"},
    {"il-central-1", "Israel (Tel Aviv)"},
    {"me-south-1", "Middle East (Bahrain)"},
    {"me-central-1", "Middle East (UAE)"},
    {"mx-central-1", "Mexico (Central)"},
    {"sa-east-1", "South America (Sao Paulo)"},
    {"us-gov-west-1", "AWS GovCloud (US-West)"},
    {"us-gov-west-1", "AWS GovCloud (US)"},
    {"us-gov-east-1", "AWS GovCloud (US-East)"},
    {"cn-north-1", "China (Beijing)"},
    {"cn-northwest-1", "China (Ningxia)"},
};

std::string_view regionOfLocation(std::string_view location)
{
    for (const RegionName& name : regionNames) {
        if (location == name.location)
            return name.code;
    }
    return {};
}

enum class Offer { Ec2, Lambda, Ecs, Eks, ApiGateway, Elb, DataTransfer };

struct OfferName
{
    Offer offer;
    const char16_t* code;
};

constexpr OfferName offerNames[] = {
    {Offer::Ec2, u"AmazonEC2"},
    {Offer::Lambda, u"AWSLambda"},
    {Offer::Ecs, u"AmazonECS"},
    {Offer::Eks, u"AmazonEKS"},
    {Offer::ApiGateway, u"AmazonApiGateway"},
    {Offer::Elb, u"AWSELB"},
    {Offer::DataTransfer, u"AWSDataTransfer"},
};

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

// The usage type without its region prefix: "EU-Fargate-GB-Hours" and "Fargate-GB-Hours" are
// both "Fargate-GB-Hours". Prefixes are upper-case letters and digits ("USE1", "APS3", "EU");
// the prefix cannot be derived from the region code, so any such token is taken off.
std::string_view baseUsageType(std::string_view usageType)
{
    const size_t dash = usageType.find('-');
    if (dash == std::string_view::npos || dash == 0)
        return usageType;
    const bool prefix = std::all_of(usageType.begin(), usageType.begin() + dash, [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
    return prefix ? usageType.substr(dash + 1) : usageType;
}

constexpr size_t x86 = static_cast<size_t>(Architecture::X86_64);
constexpr size_t arm = static_cast<size_t>(Architecture::Arm64);

// Receives one file at a time and files its rows into CollectedRates.
class Collector : public OfferSink
{
public:
    Collector(CollectedRates& rates, const QString& region)
        : m_rates(rates)
        , m_region(region.toStdString())
    {}

    void startFile(const QString& name)
    {
        m_file = name;
        m_rowsInRegion = 0;
        m_otherRegions.clear();
        m_lastOtherRegion.clear();
    }

    // After the file: an offer with no row for the region but rows for others was for another
    // region.
    void finishFile() const
    {
        if (m_rowsInRegion > 0 || m_otherRegions.isEmpty())
            return;
        QStringList others = m_otherRegions.values();
        others.sort();
        throw DataError(m_file, {},
                        QStringLiteral("an offer for %1, not for %2 (the region asked for)")
                            .arg(others.join(QStringLiteral(", ")), toQString(m_region)));
    }

    void begin(const OfferHeader& header) override
    {
        const auto found =
            std::find_if(std::begin(offerNames), std::end(offerNames), [&](const OfferName& name) {
                return header.offerCode == QStringView(name.code);
            });
        if (found == std::end(offerNames)) {
            QStringList known;
            for (const OfferName& name : offerNames)
                known.append(QString::fromUtf16(name.code));
            throw DataError(header.file, {},
                            QStringLiteral("offer \"%1\" is not one this program imports (it "
                                           "reads %2)")
                                .arg(header.offerCode, known.join(QStringLiteral(", "))));
        }
        m_offer = found->offer;
        m_source = static_cast<int>(m_rates.sources.size());
        m_rates.sources.append(
            {header.file, header.format, header.offerCode, header.version, header.publicationDate});
        requireColumns(header);
    }

    bool wantsProduct(const ProductView& product) override
    {
        switch (m_offer) {
        case Offer::Ec2:
            if (product[Field::ProductFamily] == "Data Transfer")
                return wantsDataTransfer(product);
            return wantsInstance(product);
        case Offer::DataTransfer:
            return product[Field::ProductFamily] == "Data Transfer" && wantsDataTransfer(product);
        case Offer::Lambda:
            if (product[Field::ProductFamily] != "Serverless")
                return false;
            // The global free-tier rows (Location "Any", usage type "Global-...") are for every
            // region: kept, but as the free tier, never as rates.
            return isFreeTier(product) ||
                   inRegion(product[Field::RegionCode], product[Field::Location]);
        case Offer::Ecs:
        case Offer::Eks:
            return product[Field::ProductFamily] == "Compute" && inAwsRegion(product);
        case Offer::ApiGateway:
            return product[Field::ProductFamily] == "API Calls" && inAwsRegion(product);
        case Offer::Elb:
            return product[Field::ProductFamily] == "Load Balancer-Application" &&
                   inAwsRegion(product);
        }
        return false;
    }

    void addPrice(const ProductView& product, const PriceView& price, const QString& where) override
    {
        m_where = where;
        switch (m_offer) {
        case Offer::Ec2:
            if (product[Field::ProductFamily] == "Data Transfer")
                addDataTransfer(price);
            else
                addInstance(product, price);
            break;
        case Offer::DataTransfer:
            addDataTransfer(price);
            break;
        case Offer::Lambda:
            addLambda(product, price);
            break;
        case Offer::Ecs:
        case Offer::Eks:
            addContainers(product, price);
            break;
        case Offer::ApiGateway: {
            const std::string_view usage = baseUsageType(product[Field::UsageType]);
            if (usage == "ApiGatewayHttpRequest")
                add(m_rates.apiGatewayHttpRequests, price);
            else if (usage == "ApiGatewayRequest")
                add(m_rates.apiGatewayRestRequests, price);
            break;
        }
        case Offer::Elb: {
            const std::string_view usage = baseUsageType(product[Field::UsageType]);
            if (usage == "LoadBalancerUsage")
                add(m_rates.albHour, price);
            else if (usage == "LCUUsage")
                add(m_rates.albLcuHour, price);
            break;
        }
        }
    }

private:
    [[noreturn]] void fail(const QString& reason) const
    {
        throw DataError(m_file, m_where, reason);
    }

    void requireColumns(const OfferHeader& header) const
    {
        QList<Field> needed = {Field::ProductFamily, Field::UsageType};
        if (m_offer == Offer::Ec2) {
            needed += {Field::InstanceType,      Field::Vcpu,           Field::Memory,
                       Field::PhysicalProcessor, Field::Tenancy,        Field::OperatingSystem,
                       Field::LicenseModel,      Field::PreInstalledSw, Field::CapacityStatus,
                       Field::Operation,         Field::LocationType};
        }
        if (!header.hasField(Field::Location) && !header.hasField(Field::RegionCode))
            needed.append(Field::Location);
        for (const Field field : needed) {
            if (!header.hasField(field)) {
                throw DataError(header.file, header.headerLocation,
                                QStringLiteral("no column \"%1\" in the header (an %2 file has "
                                               "one)")
                                    .arg(columnName(field), header.offerCode));
            }
        }
    }

    // Whether a row is for the region asked: by region code where the file has one, else by
    // location name. Rows of other regions are counted, to tell a file for another region.
    bool inRegion(std::string_view regionCode, std::string_view location)
    {
        std::string_view code = regionCode.empty() ? regionOfLocation(location) : regionCode;
        if (code == m_region) {
            ++m_rowsInRegion;
            return true;
        }
        if (code.empty())
            code = location;
        if (!code.empty() && code != m_lastOtherRegion) {
            m_lastOtherRegion = code;
            m_otherRegions.insert(toQString(code));
        }
        return false;
    }

    // In the region itself, not one of its Local Zones or Outposts.
    bool inAwsRegion(const ProductView& product)
    {
        const std::string_view type = product[Field::LocationType];
        return (type.empty() || type == "AWS Region") &&
               inRegion(product[Field::RegionCode], product[Field::Location]);
    }

    static bool isFreeTier(const ProductView& product)
    {
        return product[Field::Location] == "Any" ||
               startsWith(product[Field::UsageType], "Global-");
    }

    // EC2: Linux, shared tenancy, on demand, per hour (README §3.2). Every condition rejects a
    // trap: "Linux with SQL" (Pre Installed S/W), host tenancy at $0, capacity reservations
    // (CapacityStatus), Capacity Blocks (MarketOption, operation RunInstances:CB), BYOL, Local
    // Zones (Location Type), dedicated and host usage types.
    bool wantsInstance(const ProductView& product)
    {
        const std::string_view family = product[Field::ProductFamily];
        if (family != "Compute Instance" && family != "Compute Instance (bare metal)")
            return false;
        if (product[Field::OperatingSystem] != "Linux" || product[Field::PreInstalledSw] != "NA" ||
            product[Field::Tenancy] != "Shared" || product[Field::CapacityStatus] != "Used" ||
            product[Field::LicenseModel] != "No License required" ||
            product[Field::Operation] != "RunInstances" ||
            product[Field::LocationType] != "AWS Region") {
            return false;
        }
        const std::string_view market = product[Field::MarketOption];
        if (!market.empty() && market != "OnDemand")
            return false;
        if (!startsWith(baseUsageType(product[Field::UsageType]), "BoxUsage:"))
            return false;
        return inRegion(product[Field::RegionCode], product[Field::Location]);
    }

    // Data transfer out of the region to the internet.
    bool wantsDataTransfer(const ProductView& product)
    {
        return product[Field::TransferType] == "AWS Outbound" &&
               product[Field::ToLocation] == "External" &&
               inRegion(product[Field::FromRegionCode], product[Field::FromLocation]);
    }

    double number(std::string_view text, const QString& what) const
    {
        double value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        // from_chars reads "inf" and "nan" too; no price or size is either.
        if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
            !std::isfinite(value) || value < 0)
            fail(QStringLiteral("%1 \"%2\" is not a number").arg(what, toQString(text)));
        return value;
    }

    // The price of a dimension, in the one currency of the price book.
    double priceOf(const PriceView& price)
    {
        const QString currency = toQString(price.currency);
        if (currency.isEmpty())
            fail(QStringLiteral("no currency for the price"));
        if (m_rates.currency.isEmpty())
            m_rates.currency = currency;
        else if (currency != m_rates.currency) {
            fail(QStringLiteral("a price in %1 where the other files' prices are in %2: a price "
                                "book has one currency")
                     .arg(currency, m_rates.currency));
        }
        return number(price.price, QStringLiteral("price"));
    }

    void add(Meter& meter, const PriceView& price)
    {
        Meter::Dimension dimension;
        dimension.rate = priceOf(price);
        dimension.where = m_file + QStringLiteral(": ") + m_where;
        if (!price.beginRange.empty())
            dimension.begin = number(price.beginRange, QStringLiteral("StartingRange"));
        if (!price.endRange.empty() && price.endRange != "Inf")
            dimension.end = number(price.endRange, QStringLiteral("EndingRange"));
        for (const Meter::Dimension& known : meter.dimensions) {
            if (known.begin != dimension.begin)
                continue;
            if (known.rate == dimension.rate && known.end == dimension.end)
                return; // the same rate again (the CSV and the JSON of one offer)
            fail(QStringLiteral("a second price (%1) for what %2 prices at %3")
                     .arg(dimension.rate)
                     .arg(known.where)
                     .arg(known.rate));
        }
        if (meter.source < 0)
            meter.source = m_source;
        meter.dimensions.append(dimension);
    }

    static Architecture instanceArchitecture(std::string_view type, std::string_view processor)
    {
        // "Processor Architecture" says 64-bit for both; the processor name tells Graviton.
        if (processor.find("Graviton") != std::string_view::npos)
            return Architecture::Arm64;
        if (!processor.empty() && processor != "Variable")
            return Architecture::X86_64;
        // No processor name: Graviton families have a "g" after the generation (c6g, m7gd,
        // t4g, im4gn); a1 is the first Graviton.
        const std::string_view family = type.substr(0, type.find('.'));
        const size_t digit = family.find_first_of("0123456789");
        const bool graviton =
            family == "a1" || (digit != std::string_view::npos && digit > 0 &&
                               family.find('g', family.find_first_not_of("0123456789", digit)) !=
                                   std::string_view::npos);
        return graviton ? Architecture::Arm64 : Architecture::X86_64;
    }

    void addInstance(const ProductView& product, const PriceView& price)
    {
        if (price.unit != "Hrs")
            return;
        InstanceType instance;
        instance.type = toQString(product[Field::InstanceType]);
        if (instance.type.isEmpty())
            fail(QStringLiteral("no instance type"));
        instance.perHour = priceOf(price);
        instance.vcpu = number(product[Field::Vcpu], QStringLiteral("vCPU"));
        // "8 GiB", "1,952 GiB"
        std::string memory(product[Field::Memory]);
        memory.erase(std::remove(memory.begin(), memory.end(), ','), memory.end());
        if (memory.size() > 4 && memory.compare(memory.size() - 4, 4, " GiB") == 0)
            memory.resize(memory.size() - 4);
        instance.memoryGib = number(memory, QStringLiteral("Memory"));
        instance.architecture =
            instanceArchitecture(product[Field::InstanceType], product[Field::PhysicalProcessor]);
        const auto known = m_rates.instanceTypes.constFind(instance.type);
        if (known != m_rates.instanceTypes.cend()) {
            if (known->perHour != instance.perHour) {
                fail(QStringLiteral("a second on-demand Linux price for %1 (%2, another row "
                                    "says %3)")
                         .arg(instance.type)
                         .arg(instance.perHour)
                         .arg(known->perHour));
            }
            return;
        }
        m_rates.instanceTypes.insert(instance.type, instance);
        if (m_rates.ec2Source < 0)
            m_rates.ec2Source = m_source;
    }

    void addDataTransfer(const PriceView& price)
    {
        if (price.unit == "GB")
            add(m_rates.dataTransferOut, price);
    }

    void addLambda(const ProductView& product, const PriceView& price)
    {
        const std::string_view usage = product[Field::UsageType];
        if (isFreeTier(product)) {
            // The free tier's size is the end of its $0 range.
            const std::string_view rest = baseUsageType(usage);
            const std::string_view tier = startsWith(usage, "Global-") ? usage.substr(7) : rest;
            if (tier == "Request")
                m_rates.lambdaFreeRequests = number(price.endRange, QStringLiteral("EndingRange"));
            else if (tier == "Lambda-GB-Second")
                m_rates.lambdaFreeGbSeconds = number(price.endRange, QStringLiteral("EndingRange"));
            return;
        }
        const std::string_view meter = baseUsageType(usage);
        // Provisioned concurrency, Lambda@Edge, SnapStart, streaming and the rest: not priced
        // by this program.
        if (meter == "Request")
            add(m_rates.lambdaRequests[x86], price);
        else if (meter == "Request-ARM")
            add(m_rates.lambdaRequests[arm], price);
        else if (meter == "Lambda-GB-Second")
            add(m_rates.lambdaDuration[x86], price);
        else if (meter == "Lambda-GB-Second-ARM")
            add(m_rates.lambdaDuration[arm], price);
        else if (meter == "Lambda-Storage-GB-Second")
            add(m_rates.lambdaStorage[x86], price);
        else if (meter == "Lambda-Storage-GB-Second-ARM")
            add(m_rates.lambdaStorage[arm], price);
    }

    // Fargate (AmazonECS; the EKS offer may carry the same rows) and the EKS cluster fees.
    // "Linux" and "x86" are the absence of an OS and architecture in the usage type; Windows
    // rows (and their separate licence fee) are skipped.
    void addContainers(const ProductView& product, const PriceView& price)
    {
        const std::string_view meter = baseUsageType(product[Field::UsageType]);
        if (m_offer == Offer::Ecs && m_rates.ecsSource < 0)
            m_rates.ecsSource = m_source;
        if (meter == "Fargate-vCPU-Hours:perCPU")
            add(m_rates.fargateVcpuHour[x86], price);
        else if (meter == "Fargate-GB-Hours")
            add(m_rates.fargateGbHour[x86], price);
        else if (meter == "Fargate-ARM-vCPU-Hours:perCPU")
            add(m_rates.fargateVcpuHour[arm], price);
        else if (meter == "Fargate-ARM-GB-Hours")
            add(m_rates.fargateGbHour[arm], price);
        else if (meter == "Fargate-EphemeralStorage-GB-Hours")
            add(m_rates.fargateStorageGbHour, price);
        else if (meter == "AmazonEKS-Hours:perCluster")
            add(m_rates.eksPerClusterHour, price);
        else if (meter == "AmazonEKS-Hours:extendedSupport")
            add(m_rates.eksExtendedSupportHour, price);
    }

    CollectedRates& m_rates;
    std::string m_region;
    QString m_file;
    QString m_where;
    Offer m_offer = Offer::Ec2;
    int m_source = -1;
    qint64 m_rowsInRegion = 0;
    QSet<QString> m_otherRegions;
    std::string m_lastOtherRegion;
};

} // namespace

QString OfferSource::url(const QString& region) const
{
    const bool china = region.startsWith(QLatin1String("cn-"));
    const QString base = china ? QStringLiteral("https://pricing.cn-north-1.amazonaws.com.cn/"
                                                "offers/v1.0/cn/")
                               : QStringLiteral("https://pricing.us-east-1.amazonaws.com/"
                                                "offers/v1.0/aws/");
    return base + offerCode + u'/' + version + u'/' + region + QStringLiteral("/index.") +
           format.toLower() + QStringLiteral("#published=") + publicationDate +
           QStringLiteral("&file=") +
           QString::fromLatin1(QUrl::toPercentEncoding(QFileInfo(file).fileName()));
}

QString OfferSource::describe() const
{
    return QStringLiteral("%1 (%2 %3, %4)").arg(file, offerCode, version, format);
}

QList<RateTier> Meter::tiers(const QString& what) const
{
    QList<Dimension> sorted = dimensions;
    std::sort(sorted.begin(), sorted.end(),
              [](const Dimension& a, const Dimension& b) { return a.begin < b.begin; });
    QList<RateTier> tiers;
    double expectedBegin = 0;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        const Dimension& dimension = sorted.at(i);
        const bool last = i + 1 == sorted.size();
        if (dimension.begin != expectedBegin || dimension.end.has_value() == last ||
            (dimension.end && *dimension.end <= dimension.begin)) {
            const QString file = dimension.where.section(QStringLiteral(": "), 0, 0);
            throw DataError(file, dimension.where.section(QStringLiteral(": "), 1),
                            QStringLiteral("the tiers of %1 do not run from 0 to Inf without "
                                           "gaps (this one starts at %2)")
                                .arg(what)
                                .arg(dimension.begin));
        }
        tiers.append({dimension.end, dimension.rate});
        if (dimension.end)
            expectedBegin = *dimension.end;
    }
    return tiers;
}

double Meter::rate() const
{
    for (const Dimension& dimension : dimensions) {
        if (dimension.begin == 0)
            return dimension.rate;
    }
    return dimensions.isEmpty() ? 0 : dimensions.constFirst().rate;
}

QString regionLocation(const QString& region)
{
    for (const RegionName& name : regionNames) {
        if (region == QLatin1String(name.code))
            return QString::fromLatin1(name.location);
    }
    return {};
}

std::optional<CollectedRates>
collectRates(const QStringList& files, const QString& region,
             const std::function<bool(int fileIndex, const CollectProgress&)>& progress)
{
    CollectedRates rates;
    rates.region = region;
    Collector collector(rates, region);
    for (int i = 0; i < files.size(); ++i) {
        collector.startFile(files.at(i));
        const auto fileProgress = [&](const ReadProgress& read) {
            return !progress || progress(i, {read.bytesRead, read.bytesTotal});
        };
        if (!readOfferFile(files.at(i), files.at(i), collector, fileProgress))
            return std::nullopt;
        collector.finishFile();
    }
    return rates;
}

} // namespace ace::pricelist
