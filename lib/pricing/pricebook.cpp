// Loading and validating price book files (the format is described in pricebook.h).
#include "pricing/pricebook.h"

#include "json/jsonreader.h"
#include "pricing/numberrules.h"

#include <QDate>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace ace {

namespace {

const QString priceBookFormat = QStringLiteral("aws-compute-explorer/prices");
constexpr int priceBookVersion = 1;

struct ArchitectureName
{
    Architecture value;
    const char16_t* id;
};

constexpr ArchitectureName architectureNames[] = {
    {Architecture::X86_64, u"x86_64"},
    {Architecture::Arm64, u"arm64"},
};

// Upper bounds keep every product of a rate and a workload's quantity finite: no real rate is
// a million per unit, no size, tier bound or allowance 10^15 units.
const NumberRule rate = NumberRule::between(0, PriceBook::largestRate);
const NumberRule positive = NumberRule::aboveAndAtMost(0, PriceBook::largestQuantity);
const NumberRule quantity = NumberRule::between(0, PriceBook::largestQuantity);

Architecture readArchitecture(const QString& id, const JsonLocation& where)
{
    const auto architecture = architectureFromId(id);
    if (!architecture) {
        where.fail(QStringLiteral("unknown architecture \"%1\" (expected %2)")
                       .arg(id, knownArchitectureIds()));
    }
    return *architecture;
}

// Reads an object keyed by architecture id that must name every architecture exactly once.
template <typename T, typename ReadValue>
std::array<T, 2> readPerArchitecture(JsonObjectReader& parent, const QString& key,
                                     ReadValue readValue)
{
    JsonObjectReader reader = parent.object(key);
    std::array<T, 2> values{};
    QSet<Architecture> seen;
    for (const QString& id : reader.takeKeys()) {
        const JsonLocation where = reader.locationOf(id);
        const Architecture architecture = readArchitecture(id, where);
        seen.insert(architecture);
        values[static_cast<size_t>(architecture)] = readValue(reader, id, where);
    }
    for (const auto& name : architectureNames) {
        if (!seen.contains(name.value)) {
            reader.location().fail(QStringLiteral("no entry for architecture \"%1\"")
                                       .arg(QString::fromUtf16(name.id)));
        }
    }
    return values;
}

QString readSource(JsonObjectReader& reader)
{
    static const QRegularExpression webAddress(QStringLiteral("^https?://\\S+$"));
    const QString url = reader.string(QStringLiteral("source"));
    if (!webAddress.match(url).hasMatch()) {
        reader.locationOf(QStringLiteral("source"))
            .fail(QStringLiteral("\"%1\" is not an http(s) address").arg(url));
    }
    return url;
}

} // namespace

QString architectureId(Architecture architecture)
{
    for (const auto& name : architectureNames) {
        if (name.value == architecture)
            return QString::fromUtf16(name.id);
    }
    return {};
}

std::optional<Architecture> architectureFromId(const QString& id)
{
    for (const auto& name : architectureNames) {
        if (id == QStringView(name.id))
            return name.value;
    }
    return std::nullopt;
}

QString knownArchitectureIds()
{
    QStringList ids;
    for (const auto& name : architectureNames)
        ids.append(QString::fromUtf16(name.id));
    return ids.join(QStringLiteral(", "));
}

namespace {

bool offersSize(FargateOrchestrator orchestrator, const FargateTaskSize& size)
{
    return orchestrator == FargateOrchestrator::Ecs || !size.pricingPageOnly;
}

} // namespace

const FargateTaskSize* FargateRates::smallestSizeFitting(FargateOrchestrator orchestrator,
                                                         double vcpu, double memoryGb) const
{
    const auto it =
        std::find_if(taskSizes.cbegin(), taskSizes.cend(), [=](const FargateTaskSize& size) {
            return offersSize(orchestrator, size) && size.vcpu >= vcpu && size.memoryGb >= memoryGb;
        });
    return it == taskSizes.cend() ? nullptr : &*it;
}

const FargateTaskSize& FargateRates::largestSize(FargateOrchestrator orchestrator) const
{
    const auto it = std::find_if(
        taskSizes.crbegin(), taskSizes.crend(),
        [orchestrator](const FargateTaskSize& size) { return offersSize(orchestrator, size); });
    // Loading ensures every orchestrator has a size; the fallback only keeps this total.
    return it == taskSizes.crend() ? taskSizes.constLast() : *it;
}

const InstanceType* Ec2Rates::instanceType(const QString& type) const
{
    const auto it =
        std::find_if(instanceTypes.cbegin(), instanceTypes.cend(),
                     [&type](const InstanceType& instance) { return instance.type == type; });
    return it == instanceTypes.cend() ? nullptr : &*it;
}

// Builds a PriceBook from a JSON object, one rate group at a time.
class PriceBookReader
{
public:
    explicit PriceBookReader(JsonObjectReader root)
        : m_root(std::move(root))
    {}

    PriceBook read(QString sourceName)
    {
        m_book.m_sourceName = std::move(sourceName);
        readHeader();
        readLambda();
        readFargate();
        readControlPlanes();
        readEc2();
        readRequestPath();
        readDataTransfer();
        m_root.finish();
        return std::move(m_book);
    }

private:
    void readHeader()
    {
        readFormatHeader(m_root, priceBookFormat, priceBookVersion);
        m_book.m_region = m_root.string(QStringLiteral("region"));
        if (m_book.m_region.isEmpty())
            m_root.locationOf(QStringLiteral("region")).fail(QStringLiteral("must not be empty"));
        m_book.m_currency = m_root.string(QStringLiteral("currency"));
        static const QRegularExpression currencyCode(QStringLiteral("^[A-Z]{3}$"));
        if (!currencyCode.match(m_book.m_currency).hasMatch()) {
            m_root.locationOf(QStringLiteral("currency"))
                .fail(QStringLiteral("\"%1\" is not a three-letter currency code")
                          .arg(m_book.m_currency));
        }
        m_book.m_asOf = m_root.string(QStringLiteral("asOf"));
        if (!QDate::fromString(m_book.m_asOf, Qt::ISODate).isValid()) {
            m_root.locationOf(QStringLiteral("asOf"))
                .fail(QStringLiteral("\"%1\" is not a date (YYYY-MM-DD)").arg(m_book.m_asOf));
        }
    }

    // Bands of a tiered price: [{<upToKey> (cumulative, ascending; omitted on the last),
    // <rateKey>}].
    static QList<RateTier> readTiers(JsonObjectReader& parent, const QString& key,
                                     const QString& upToKey, const QString& rateKey)
    {
        QList<RateTier> tiers;
        parent.forEachElement(key, [&](const QJsonValue& value, const JsonLocation& at) {
            JsonObjectReader reader(value, at);
            RateTier tier;
            if (reader.has(upToKey)) {
                tier.upTo = readNumber(reader, upToKey, positive);
                if (!tiers.isEmpty() && tiers.constLast().upTo &&
                    *tier.upTo <= *tiers.constLast().upTo) {
                    reader.locationOf(upToKey).fail(
                        QStringLiteral("tiers must be in ascending order"));
                }
            }
            if (!tiers.isEmpty() && !tiers.constLast().upTo)
                at.fail(QStringLiteral("only the last tier may be open-ended"));
            tier.rate = readNumber(reader, rateKey, rate);
            reader.finish();
            tiers.append(tier);
        });
        const JsonLocation where = parent.locationOf(key);
        if (tiers.isEmpty())
            where.fail(QStringLiteral("no tiers"));
        if (tiers.constLast().upTo) {
            where.element(tiers.size() - 1)
                .fail(QStringLiteral("the last tier must be open-ended (no \"%1\")").arg(upToKey));
        }
        return tiers;
    }

    void readLambda()
    {
        JsonObjectReader reader = m_root.object(QStringLiteral("lambda"));
        LambdaRates& lambda = m_book.m_lambda;
        lambda.source = readSource(reader);
        lambda.perRequest = readNumber(reader, QStringLiteral("perRequest"), rate);
        lambda.durationTiers = readPerArchitecture<QList<RateTier>>(
            reader, QStringLiteral("duration"),
            [](JsonObjectReader& parent, const QString& key, const JsonLocation&) {
                return readTiers(parent, key, QStringLiteral("upToGbSeconds"),
                                 QStringLiteral("perGbSecond"));
            });
        lambda.ephemeralStoragePerGbSecond =
            readNumber(reader, QStringLiteral("ephemeralStoragePerGbSecond"), rate);
        lambda.includedEphemeralStorageMb =
            readNumber(reader, QStringLiteral("includedEphemeralStorageMb"), quantity);
        JsonObjectReader freeTier = reader.object(QStringLiteral("freeTier"));
        lambda.freeRequests = readNumber(freeTier, QStringLiteral("requests"), quantity);
        lambda.freeGbSeconds = readNumber(freeTier, QStringLiteral("gbSeconds"), quantity);
        freeTier.finish();
        lambda.maxDurationSeconds =
            readNumber(reader, QStringLiteral("maxDurationSeconds"), positive);
        lambda.maxMemoryMb = readNumber(reader, QStringLiteral("maxMemoryMb"), positive);
        reader.finish();
    }

    void readFargate()
    {
        JsonObjectReader reader = m_root.object(QStringLiteral("fargate"));
        FargateRates& fargate = m_book.m_fargate;
        fargate.source = readSource(reader);
        fargate.compute = readPerArchitecture<FargateComputeRates>(
            reader, QStringLiteral("compute"),
            [](JsonObjectReader& parent, const QString& key, const JsonLocation&) {
                JsonObjectReader rates = parent.object(key);
                FargateComputeRates compute;
                compute.perVcpuSecond = readNumber(rates, QStringLiteral("perVcpuSecond"), rate);
                compute.perGbSecond = readNumber(rates, QStringLiteral("perGbSecond"), rate);
                rates.finish();
                return compute;
            });
        fargate.storagePerGbSecond = readNumber(reader, QStringLiteral("storagePerGbSecond"), rate);
        fargate.includedStorageGb =
            readNumber(reader, QStringLiteral("includedStorageGb"), quantity);
        readTaskSizes(reader);
        fargate.eksPodOverheadMb = readNumber(reader, QStringLiteral("eksPodOverheadMb"), quantity);
        reader.forEachElement(QStringLiteral("eksArchitectures"),
                              [&fargate](const QJsonValue& value, const JsonLocation& where) {
                                  fargate.eksArchitectures.append(
                                      readArchitecture(requireString(value, where), where));
                              });
        reader.finish();
    }

    void readTaskSizes(JsonObjectReader& fargateReader)
    {
        QList<FargateTaskSize>& sizes = m_book.m_fargate.taskSizes;
        fargateReader.forEachElement(QStringLiteral("taskSizes"), [&sizes](const QJsonValue& value,
                                                                           const JsonLocation& at) {
            JsonObjectReader reader(value, at);
            const double vcpu = readNumber(reader, QStringLiteral("vcpu"), positive);
            if (!sizes.isEmpty() && vcpu <= sizes.constLast().vcpu) {
                reader.locationOf(QStringLiteral("vcpu"))
                    .fail(QStringLiteral("task sizes must be in ascending order of vCPU"));
            }
            double previousMemory = 0;
            const qsizetype firstOfRow = sizes.size();
            reader.forEachElement(QStringLiteral("memoryGb"), [&](const QJsonValue& memory,
                                                                  const JsonLocation& where) {
                if (!memory.isDouble()) {
                    where.fail(QStringLiteral("expected a number, found ") +
                               describeJsonType(memory));
                }
                const double memoryGb = memory.toDouble();
                requireNumber(memoryGb, positive, where);
                if (memoryGb <= previousMemory) {
                    where.fail(QStringLiteral("memory sizes must be in ascending order"));
                }
                previousMemory = memoryGb;
                sizes.append({vcpu, memoryGb, false});
            });
            if (previousMemory == 0)
                reader.locationOf(QStringLiteral("memoryGb")).fail(QStringLiteral("no sizes"));
            const bool pricingPageOnly = reader.boolean(QStringLiteral("pricingPageOnly"), false);
            for (qsizetype i = firstOfRow; i < sizes.size(); ++i)
                sizes[i].pricingPageOnly = pricingPageOnly;
            reader.finish();
        });
        if (sizes.isEmpty())
            fargateReader.locationOf(QStringLiteral("taskSizes")).fail(QStringLiteral("no sizes"));
        if (std::all_of(sizes.cbegin(), sizes.cend(),
                        [](const FargateTaskSize& size) { return size.pricingPageOnly; })) {
            fargateReader.locationOf(QStringLiteral("taskSizes"))
                .fail(QStringLiteral("every size is pricingPageOnly: EKS pods would have none"));
        }
    }

    void readControlPlanes()
    {
        JsonObjectReader reader = m_root.object(QStringLiteral("controlPlanes"));
        for (const QString& serviceId : reader.takeKeys()) {
            JsonObjectReader entry(reader.object(serviceId));
            ControlPlaneRates rates;
            rates.source = readSource(entry);
            rates.perClusterHour = readNumber(entry, QStringLiteral("perClusterHour"), rate);
            if (entry.has(QStringLiteral("extendedSupportPerClusterHour"))) {
                rates.extendedSupportPerClusterHour =
                    readNumber(entry, QStringLiteral("extendedSupportPerClusterHour"), rate);
            }
            entry.finish();
            m_book.m_controlPlanes.append({serviceId, rates});
        }
    }

    void readEc2()
    {
        JsonObjectReader reader = m_root.object(QStringLiteral("ec2"));
        Ec2Rates& ec2 = m_book.m_ec2;
        ec2.source = readSource(reader);
        QSet<QString> seen;
        reader.forEachElement(
            QStringLiteral("instanceTypes"), [&](const QJsonValue& value, const JsonLocation& at) {
                JsonObjectReader entry(value, at);
                InstanceType instance;
                instance.type = entry.string(QStringLiteral("type"));
                if (seen.contains(instance.type)) {
                    entry.locationOf(QStringLiteral("type"))
                        .fail(QStringLiteral("duplicate instance type \"%1\"").arg(instance.type));
                }
                seen.insert(instance.type);
                instance.vcpu = readNumber(entry, QStringLiteral("vcpu"), positive);
                instance.memoryGib = readNumber(entry, QStringLiteral("memoryGib"), positive);
                instance.architecture =
                    readArchitecture(entry.string(QStringLiteral("architecture")),
                                     entry.locationOf(QStringLiteral("architecture")));
                instance.perHour = readNumber(entry, QStringLiteral("perHour"), rate);
                entry.finish();
                ec2.instanceTypes.append(instance);
            });
        if (ec2.instanceTypes.isEmpty()) {
            reader.locationOf(QStringLiteral("instanceTypes"))
                .fail(QStringLiteral("no instance types"));
        }
        reader.finish();
    }

    void readRequestPath()
    {
        std::optional<JsonObjectReader> reader =
            m_root.optionalObject(QStringLiteral("requestPath"));
        if (!reader)
            return;
        RequestPathRates& path = m_book.m_requestPath.emplace();

        JsonObjectReader apiGatewayReader = reader->object(QStringLiteral("apiGateway"));
        ApiGatewayRates& apiGateway = path.apiGateway;
        apiGateway.source = readSource(apiGatewayReader);
        JsonObjectReader http = apiGatewayReader.object(QStringLiteral("httpApi"));
        apiGateway.httpMeteringStepKb =
            readNumber(http, QStringLiteral("meteringStepKb"), positive);
        apiGateway.httpTiers = readRequestTiers(http);
        http.finish();
        JsonObjectReader rest = apiGatewayReader.object(QStringLiteral("restApi"));
        apiGateway.restTiers = readRequestTiers(rest);
        rest.finish();
        apiGatewayReader.finish();

        JsonObjectReader albReader = reader->object(QStringLiteral("alb"));
        AlbRates& alb = path.alb;
        alb.source = readSource(albReader);
        alb.perHour = readNumber(albReader, QStringLiteral("perHour"), rate);
        alb.perLcuHour = readNumber(albReader, QStringLiteral("perLcuHour"), rate);
        JsonObjectReader lcu = albReader.object(QStringLiteral("lcu"));
        alb.newConnectionsPerSecondPerLcu =
            readNumber(lcu, QStringLiteral("newConnectionsPerSecond"), positive);
        alb.activeConnectionsPerLcu =
            readNumber(lcu, QStringLiteral("activeConnections"), positive);
        alb.processedGbPerHourPerLcu =
            readNumber(lcu, QStringLiteral("processedGbPerHour"), positive);
        alb.processedGbPerHourPerLcuForLambda =
            readNumber(lcu, QStringLiteral("processedGbPerHourForLambda"), positive);
        alb.ruleEvaluationsPerSecondPerLcu =
            readNumber(lcu, QStringLiteral("ruleEvaluationsPerSecond"), positive);
        alb.freeRulesPerRequest = readNumber(lcu, QStringLiteral("freeRulesPerRequest"), quantity);
        lcu.finish();
        albReader.finish();
        reader->finish();
    }

    static QList<RateTier> readRequestTiers(JsonObjectReader& api)
    {
        return readTiers(api, QStringLiteral("tiers"), QStringLiteral("upToRequests"),
                         QStringLiteral("perRequest"));
    }

    void readDataTransfer()
    {
        std::optional<JsonObjectReader> reader =
            m_root.optionalObject(QStringLiteral("dataTransfer"));
        if (!reader)
            return;
        DataTransferRates& transfer = m_book.m_dataTransfer.emplace();
        transfer.source = readSource(*reader);
        transfer.freeGbPerMonth = readNumber(*reader, QStringLiteral("freeGbPerMonth"), quantity);
        transfer.outToInternetTiers = readTiers(*reader, QStringLiteral("outToInternet"),
                                                QStringLiteral("upToGb"), QStringLiteral("perGb"));
        reader->finish();
    }

    JsonObjectReader m_root;
    PriceBook m_book;
};

QString PriceBook::builtInPath()
{
    return QStringLiteral(":/data/prices/us-east-1.json");
}

PriceBook PriceBook::load(const QString& path, const QString& displayName)
{
    const QString name = displayName.isEmpty() ? path : displayName;
    return fromJson(readJsonObjectFile(path, name), name);
}

PriceBook PriceBook::fromJson(const QJsonObject& book, const QString& displayName)
{
    return PriceBookReader(JsonObjectReader(book, JsonLocation(displayName))).read(displayName);
}

PriceBook PriceBook::loadBuiltIn()
{
    return load(builtInPath(), QStringLiteral("built-in prices/us-east-1.json"));
}

QList<RateSource> PriceBook::rateSources() const
{
    QList<RateSource> sources = {{QStringLiteral("lambda"), m_lambda.source},
                                 {QStringLiteral("fargate"), m_fargate.source}};
    for (const auto& [serviceId, rates] : m_controlPlanes)
        sources.append({serviceId, rates.source});
    sources.append({QStringLiteral("ec2"), m_ec2.source});
    if (m_requestPath) {
        sources.append({QStringLiteral("api-gateway"), m_requestPath->apiGateway.source});
        sources.append({QStringLiteral("alb"), m_requestPath->alb.source});
    }
    if (m_dataTransfer)
        sources.append({QStringLiteral("data-transfer"), m_dataTransfer->source});
    return sources;
}

const ControlPlaneRates* PriceBook::controlPlane(const QString& serviceId) const
{
    for (const auto& [id, rates] : m_controlPlanes) {
        if (id == serviceId)
            return &rates;
    }
    return nullptr;
}

} // namespace ace
