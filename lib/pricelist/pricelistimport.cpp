// From collected offer rates to a price book in the app's format (see pricelistimport.h).
#include "pricelist/pricelistimport.h"

#include "files/safefile.h"
#include "json/dataerror.h"
#include "pricelist/offermapping.h"
#include "pricing/pricebook.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace ace::pricelist {

namespace {

constexpr size_t x86 = static_cast<size_t>(Architecture::X86_64);
constexpr size_t arm = static_cast<size_t>(Architecture::Arm64);
constexpr double secondsPerHour = 3600;

// What a price list does not hold because it is no price: service limits, sizes, what an LCU
// covers, the global free tiers' size. Taken from the built-in price book, the same in every
// region.
QJsonObject builtInBook()
{
    QFile file(PriceBook::builtInPath());
    file.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonArray tiersToJson(const QList<RateTier>& tiers, const QString& upToKey, const QString& rateKey,
                       double scale = 1)
{
    QJsonArray array;
    for (const RateTier& tier : tiers) {
        QJsonObject object;
        if (tier.upTo)
            object.insert(upToKey, *tier.upTo);
        object.insert(rateKey, tier.rate * scale);
        array.append(object);
    }
    return array;
}

QJsonObject sub(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toObject();
}

// Builds the price book, noting what the files lacked.
class PriceBookBuilder
{
public:
    explicit PriceBookBuilder(const CollectedRates& rates)
        : m_rates(rates)
        , m_builtIn(builtInBook())
    {}

    QJsonObject build()
    {
        QJsonObject book{{QStringLiteral("format"), m_builtIn.value(QStringLiteral("format"))},
                         {QStringLiteral("version"), m_builtIn.value(QStringLiteral("version"))},
                         {QStringLiteral("region"), m_rates.region},
                         {QStringLiteral("currency"), m_rates.currency},
                         {QStringLiteral("asOf"), asOf()}};
        book.insert(QStringLiteral("lambda"), lambda());
        book.insert(QStringLiteral("fargate"), fargate());
        book.insert(QStringLiteral("controlPlanes"), controlPlanes());
        book.insert(QStringLiteral("ec2"), ec2());
        if (!m_computeMissing.isEmpty()) {
            QStringList files;
            for (const OfferSource& source : m_rates.sources)
                files.append(source.file);
            throw DataError(files.join(QStringLiteral(", ")), {},
                            QStringLiteral("no price book written: the files lack rates every "
                                           "price book needs for %1: %2 (add the region's "
                                           "AmazonEC2, AWSLambda, AmazonECS and AmazonEKS offer "
                                           "files)")
                                .arg(m_rates.region, m_computeMissing.join(QStringLiteral(", "))));
        }
        const QJsonObject requestPathGroup = requestPath();
        if (!requestPathGroup.isEmpty())
            book.insert(QStringLiteral("requestPath"), requestPathGroup);
        const QJsonObject transfer = dataTransfer();
        if (!transfer.isEmpty())
            book.insert(QStringLiteral("dataTransfer"), transfer);
        return book;
    }

    QStringList missing() const { return m_computeMissing + m_optionalMissing; }

private:
    QString asOf() const
    {
        QString oldest;
        for (const OfferSource& source : m_rates.sources) {
            const QString date = source.publicationDate.left(10);
            if (oldest.isEmpty() || date < oldest)
                oldest = date;
        }
        return oldest;
    }

    QString source(int index) const
    {
        return index < 0 ? QString() : m_rates.sources.at(index).url(m_rates.region);
    }

    // The tiers of a meter, or nullopt (noted as missing) when the files had none.
    std::optional<QList<RateTier>> tiers(const Meter& meter, const QString& what,
                                         QStringList& missing)
    {
        if (meter.isEmpty()) {
            missing.append(what);
            return std::nullopt;
        }
        return meter.tiers(what);
    }

    std::optional<double> rate(const Meter& meter, const QString& what, QStringList& missing)
    {
        if (meter.isEmpty()) {
            missing.append(what);
            return std::nullopt;
        }
        return meter.rate();
    }

    QJsonObject lambda()
    {
        const QJsonObject builtIn = sub(m_builtIn, "lambda");
        QJsonObject lambda = builtIn;
        int sourceIndex = m_rates.lambdaRequests[x86].source;
        // Arm requests cost the same as x86 ones in every region AWS lists; the price book has
        // one request rate, so the x86 one is it.
        if (const auto perRequest = rate(m_rates.lambdaRequests[x86],
                                         QStringLiteral("Lambda requests"), m_computeMissing))
            lambda.insert(QStringLiteral("perRequest"), *perRequest);
        QJsonObject duration;
        const QString names[] = {QStringLiteral("x86_64"), QStringLiteral("arm64")};
        for (const size_t architecture : {x86, arm}) {
            const auto tiers =
                this->tiers(m_rates.lambdaDuration[architecture],
                            QStringLiteral("Lambda duration tiers (%1)").arg(names[architecture]),
                            m_computeMissing);
            if (tiers) {
                duration.insert(names[architecture],
                                tiersToJson(*tiers, QStringLiteral("upToGbSeconds"),
                                            QStringLiteral("perGbSecond")));
                if (sourceIndex < 0)
                    sourceIndex = m_rates.lambdaDuration[architecture].source;
            }
        }
        lambda.insert(QStringLiteral("duration"), duration);
        if (const auto storage = rate(m_rates.lambdaStorage[x86],
                                      QStringLiteral("Lambda ephemeral storage"), m_computeMissing))
            lambda.insert(QStringLiteral("ephemeralStoragePerGbSecond"), *storage);
        QJsonObject freeTier = sub(builtIn, "freeTier");
        if (m_rates.lambdaFreeRequests)
            freeTier.insert(QStringLiteral("requests"), *m_rates.lambdaFreeRequests);
        if (m_rates.lambdaFreeGbSeconds)
            freeTier.insert(QStringLiteral("gbSeconds"), *m_rates.lambdaFreeGbSeconds);
        lambda.insert(QStringLiteral("freeTier"), freeTier);
        lambda.insert(QStringLiteral("source"), source(sourceIndex));
        return lambda;
    }

    QJsonObject fargate()
    {
        QJsonObject fargate = sub(m_builtIn, "fargate");
        QJsonObject compute;
        const QString names[] = {QStringLiteral("x86_64"), QStringLiteral("arm64")};
        int sourceIndex = -1;
        for (const size_t architecture : {x86, arm}) {
            const auto vcpu = rate(m_rates.fargateVcpuHour[architecture],
                                   QStringLiteral("Fargate vCPU (%1)").arg(names[architecture]),
                                   m_computeMissing);
            const auto memory = rate(m_rates.fargateGbHour[architecture],
                                     QStringLiteral("Fargate memory (%1)").arg(names[architecture]),
                                     m_computeMissing);
            if (vcpu && memory) {
                // The files price per hour; the price book per second, as AWS's pages do.
                compute.insert(
                    names[architecture],
                    QJsonObject{{QStringLiteral("perVcpuSecond"), *vcpu / secondsPerHour},
                                {QStringLiteral("perGbSecond"), *memory / secondsPerHour}});
                if (sourceIndex < 0)
                    sourceIndex = m_rates.fargateVcpuHour[architecture].source;
            }
        }
        fargate.insert(QStringLiteral("compute"), compute);
        if (const auto storage =
                rate(m_rates.fargateStorageGbHour, QStringLiteral("Fargate ephemeral storage"),
                     m_computeMissing))
            fargate.insert(QStringLiteral("storagePerGbSecond"), *storage / secondsPerHour);
        fargate.insert(QStringLiteral("source"), source(sourceIndex));
        return fargate;
    }

    QJsonObject controlPlanes()
    {
        const QJsonObject builtIn = sub(m_builtIn, "controlPlanes");
        // ECS has no control-plane charge in any region; its source is the ECS offer read.
        QJsonObject ecs = sub(builtIn, "ecs");
        if (m_rates.ecsSource >= 0)
            ecs.insert(QStringLiteral("source"), source(m_rates.ecsSource));
        QJsonObject eks{{QStringLiteral("source"), source(m_rates.eksPerClusterHour.source)}};
        if (const auto perCluster = rate(m_rates.eksPerClusterHour,
                                         QStringLiteral("EKS cluster fee"), m_computeMissing)) {
            eks.insert(QStringLiteral("perClusterHour"), *perCluster);
            // Extended support is charged on top of the standard fee ($0.10 + $0.50 in
            // us-east-1); the price book holds the whole rate.
            if (const auto extended =
                    rate(m_rates.eksExtendedSupportHour, QStringLiteral("EKS extended support fee"),
                         m_optionalMissing))
                eks.insert(QStringLiteral("extendedSupportPerClusterHour"),
                           *perCluster + *extended);
        }
        return {{QStringLiteral("ecs"), ecs}, {QStringLiteral("eks"), eks}};
    }

    QJsonObject ec2()
    {
        QJsonArray types;
        for (const InstanceType& instance : m_rates.instanceTypes) {
            types.append(
                QJsonObject{{QStringLiteral("type"), instance.type},
                            {QStringLiteral("vcpu"), instance.vcpu},
                            {QStringLiteral("memoryGib"), instance.memoryGib},
                            {QStringLiteral("architecture"), architectureId(instance.architecture)},
                            {QStringLiteral("perHour"), instance.perHour}});
        }
        if (types.isEmpty())
            m_computeMissing.append(QStringLiteral("EC2 instance types (Linux, on demand)"));
        return {{QStringLiteral("source"), source(m_rates.ec2Source)},
                {QStringLiteral("instanceTypes"), types}};
    }

    // API Gateway and ALB: both or neither (the price book's requestPath needs both; without
    // it the cost model says their charges are not included).
    QJsonObject requestPath()
    {
        const QJsonObject builtIn = sub(m_builtIn, "requestPath");
        const auto http = tiers(m_rates.apiGatewayHttpRequests,
                                QStringLiteral("API Gateway HTTP API requests"), m_optionalMissing);
        const auto rest = tiers(m_rates.apiGatewayRestRequests,
                                QStringLiteral("API Gateway REST API requests"), m_optionalMissing);
        const auto hour = rate(m_rates.albHour, QStringLiteral("ALB hours"), m_optionalMissing);
        const auto lcu =
            rate(m_rates.albLcuHour, QStringLiteral("ALB LCU-hours"), m_optionalMissing);
        if (!http || !rest || !hour || !lcu)
            return {};
        QJsonObject apiGateway = sub(builtIn, "apiGateway");
        apiGateway.insert(QStringLiteral("source"), source(m_rates.apiGatewayHttpRequests.source));
        QJsonObject httpApi = sub(apiGateway, "httpApi");
        httpApi.insert(QStringLiteral("tiers"), tiersToJson(*http, QStringLiteral("upToRequests"),
                                                            QStringLiteral("perRequest")));
        apiGateway.insert(QStringLiteral("httpApi"), httpApi);
        apiGateway.insert(
            QStringLiteral("restApi"),
            QJsonObject{{QStringLiteral("tiers"), tiersToJson(*rest, QStringLiteral("upToRequests"),
                                                              QStringLiteral("perRequest"))}});
        QJsonObject alb = sub(builtIn, "alb");
        alb.insert(QStringLiteral("source"), source(m_rates.albHour.source));
        alb.insert(QStringLiteral("perHour"), *hour);
        alb.insert(QStringLiteral("perLcuHour"), *lcu);
        return {{QStringLiteral("apiGateway"), apiGateway}, {QStringLiteral("alb"), alb}};
    }

    QJsonObject dataTransfer()
    {
        const auto out =
            tiers(m_rates.dataTransferOut, QStringLiteral("data transfer out to the internet"),
                  m_optionalMissing);
        if (!out)
            return {};
        QJsonObject transfer = sub(m_builtIn, "dataTransfer");
        transfer.insert(QStringLiteral("source"), source(m_rates.dataTransferOut.source));
        transfer.insert(QStringLiteral("outToInternet"),
                        tiersToJson(*out, QStringLiteral("upToGb"), QStringLiteral("perGb")));
        return transfer;
    }

    const CollectedRates& m_rates;
    const QJsonObject m_builtIn;
    QStringList m_computeMissing;
    QStringList m_optionalMissing;
};

// Loads the book as the app will, so an import never writes a file the app refuses.
void checkLoads(const QJsonObject& book)
{
    PriceBook::fromJson(book, QStringLiteral("the imported price book"));
}

} // namespace

ImportResult importPriceList(const QStringList& files, const QString& region,
                             const std::function<bool(const ImportProgress&)>& progress)
{
    qint64 total = 0;
    QList<qint64> startOf;
    for (const QString& file : files) {
        startOf.append(total);
        total += QFileInfo(file).size();
    }
    const auto fileProgress = [&](int index, const CollectProgress& read) {
        return !progress || progress({startOf.at(index) + read.bytesRead, total, files.at(index)});
    };
    const std::optional<CollectedRates> rates = collectRates(files, region, fileProgress);
    if (!rates)
        throw ImportCancelled();
    PriceBookBuilder builder(*rates);
    ImportResult result;
    result.priceBook = builder.build();
    result.missing = builder.missing();
    for (const OfferSource& source : rates->sources)
        result.files.append(source.describe());
    checkLoads(result.priceBook);
    return result;
}

std::optional<QString> writePriceBook(const QJsonObject& priceBook, const QString& path)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return QStringLiteral("%1: cannot create the folder %2").arg(path, info.absolutePath());
    return files::writeFileAtomically(path,
                                      QJsonDocument(priceBook).toJson(QJsonDocument::Indented));
}

} // namespace ace::pricelist
