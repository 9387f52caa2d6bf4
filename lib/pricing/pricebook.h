#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace ace {

// The processor architectures AWS prices separately.
enum class Architecture { X86_64, Arm64 };

// The id used in files: "x86_64" or "arm64".
QString architectureId(Architecture architecture);
std::optional<Architecture> architectureFromId(const QString& id);
// "x86_64, arm64", for messages that list the valid ids.
QString knownArchitectureIds();

// One band of a price tiered by monthly volume (Lambda's GB-s, API Gateway's requests, data
// transfer's GB). Bands are cumulative over the month's quantity: a band's rate applies up to
// `upTo` (nullopt for the last, open-ended band).
struct RateTier
{
    std::optional<double> upTo;
    double rate = 0; // per unit of the quantity
};

struct LambdaRates
{
    QString source;
    double perRequest = 0;
    std::array<QList<RateTier>, 2> durationTiers; // indexed by Architecture
    double ephemeralStoragePerGbSecond = 0;
    double includedEphemeralStorageMb = 0;
    double freeRequests = 0;
    double freeGbSeconds = 0;
    double maxDurationSeconds = 0;
    double maxMemoryMb = 0;

    const QList<RateTier>& tiers(Architecture architecture) const
    {
        return durationTiers[static_cast<size_t>(architecture)];
    }
};

struct FargateComputeRates
{
    double perVcpuSecond = 0;
    double perGbSecond = 0;
};

struct FargateTaskSize
{
    double vcpu = 0;
    double memoryGb = 0;
    // Listed on the Fargate pricing page but not in the ECS task-size docs nor the EKS pod
    // table (the 32-vCPU sizes in 2026): ECS tasks may use it, with a note; EKS pods may not.
    bool pricingPageOnly = false;
};

// What Fargate runs: an ECS task may take any listed size, an EKS pod only the sizes of the
// EKS pod table.
enum class FargateOrchestrator { Ecs, Eks };

struct FargateRates
{
    QString source;
    std::array<FargateComputeRates, 2> compute; // indexed by Architecture
    double storagePerGbSecond = 0;
    double includedStorageGb = 0;
    // Every valid task size, ordered by vCPU and then memory (smallest first).
    QList<FargateTaskSize> taskSizes;
    double eksPodOverheadMb = 0;
    QList<Architecture> eksArchitectures;

    const FargateComputeRates& rates(Architecture architecture) const
    {
        return compute[static_cast<size_t>(architecture)];
    }
    // The smallest valid size for `orchestrator` with at least this vCPU and memory (vCPU
    // first, as AWS rounds); nullptr when even the largest size is too small.
    const FargateTaskSize* smallestSizeFitting(FargateOrchestrator orchestrator, double vcpu,
                                               double memoryGb) const;
    // The largest size `orchestrator` may use.
    const FargateTaskSize& largestSize(FargateOrchestrator orchestrator) const;
};

// An orchestrator's own charge (ECS: none; EKS: per cluster-hour).
struct ControlPlaneRates
{
    QString source;
    double perClusterHour = 0;
    // The whole rate once a cluster's version has left standard support (EKS: $0.60, the
    // $0.10 plus $0.50); nullopt where the price book has none.
    std::optional<double> extendedSupportPerClusterHour;
};

struct InstanceType
{
    QString type;
    double vcpu = 0;
    double memoryGib = 0;
    Architecture architecture = Architecture::X86_64;
    double perHour = 0;
};

struct Ec2Rates
{
    QString source;
    QList<InstanceType> instanceTypes;

    const InstanceType* instanceType(const QString& type) const;
};

// Amazon API Gateway's request charges, by kind of API.
struct ApiGatewayRates
{
    QString source;
    // HTTP APIs count a request once per started step of its size (512 KB).
    double httpMeteringStepKb = 0;
    QList<RateTier> httpTiers; // per request, by requests a month
    QList<RateTier> restTiers;
};

// An Application Load Balancer: a charge per hour it exists and one per load balancer
// capacity unit (LCU) hour. An hour's LCUs are the largest of its four dimensions, each
// divided by what one LCU covers.
struct AlbRates
{
    QString source;
    double perHour = 0;
    double perLcuHour = 0;
    double newConnectionsPerSecondPerLcu = 0;
    double activeConnectionsPerLcu = 0;
    double processedGbPerHourPerLcu = 0; // instance, container and IP targets
    double processedGbPerHourPerLcuForLambda = 0;
    double ruleEvaluationsPerSecondPerLcu = 0;
    // Rules each request may be evaluated against before rule evaluations count.
    double freeRulesPerRequest = 0;
};

// What receives each request in front of the compute: API Gateway or a load balancer.
struct RequestPathRates
{
    ApiGatewayRates apiGateway;
    AlbRates alb;
};

// Data transfer out to the internet, per GB (1024³ bytes, as AWS bills) a month.
struct DataTransferRates
{
    QString source;
    // Free every month, counted before the first band (AWS bills the bands "beyond the global
    // free tier").
    double freeGbPerMonth = 0;
    QList<RateTier> outToInternetTiers; // per GB, by GB a month
};

// Where a group of rates comes from, shown to users next to every estimate.
struct RateSource
{
    QString group; // "lambda", "fargate", "ecs", "eks", "ec2", "api-gateway", "alb", ...
    QString url;
};

// Dated, sourced rates for one region: the built-in resources/prices/us-east-1.json or a
// user's file in the same format. Validated on loading, so the cost model can rely on every
// rate being a non-negative number and every table being ordered.
//
// The file: {"format": "aws-compute-explorer/prices", "version": 1, "region", "currency"
// (ISO 4217), "asOf" (YYYY-MM-DD), and one object per rate group, each with its "source" URL:
//   "lambda":  perRequest, duration: {x86_64: [tiers], arm64: [tiers]} where a tier is
//              {upToGbSeconds (cumulative; omitted on the last), perGbSecond},
//              ephemeralStoragePerGbSecond, includedEphemeralStorageMb,
//              freeTier: {requests, gbSeconds}, maxDurationSeconds, maxMemoryMb
//   "fargate": compute: {x86_64: {perVcpuSecond, perGbSecond}, arm64: {...}} (per second,
//              as AWS publishes them), storagePerGbSecond, includedStorageGb,
//              taskSizes: [{vcpu, memoryGb: [ascending sizes], pricingPageOnly (optional,
//              default false)}] ascending by vcpu, eksPodOverheadMb, eksArchitectures: [ids]
//   "controlPlanes": {serviceId: {source, perClusterHour, extendedSupportPerClusterHour
//              (optional)}} for the orchestrators (ecs, eks)
//   "ec2":     instanceTypes: [{type, vcpu, memoryGib, architecture, perHour}]
//   "requestPath" (optional): {apiGateway: {source, httpApi: {meteringStepKb, tiers},
//              restApi: {tiers}} where a tier is {upToRequests, perRequest}; alb: {source,
//              perHour, perLcuHour, lcu: {newConnectionsPerSecond, activeConnections,
//              processedGbPerHour, processedGbPerHourForLambda, ruleEvaluationsPerSecond,
//              freeRulesPerRequest}}}
//   "dataTransfer" (optional): {source, freeGbPerMonth, outToInternet: [{upToGb, perGb}]}
// Every key is required unless marked optional, and unknown keys are errors. Without an
// optional group the cost model leaves out the charges it prices, and says so.
class PriceBook
{
public:
    // The bounds the loader enforces: any rate per unit, and any size, tier bound or free
    // allowance.
    static constexpr double largestRate = 1e6;
    static constexpr double largestQuantity = 1e15;

    // The Qt resource path of the built-in price book.
    static QString builtInPath();
    // Loads and validates a price book; throws DataError naming the file and JSON path.
    // `displayName` is how messages name the file (defaults to `path`).
    static PriceBook load(const QString& path, const QString& displayName = {});
    // The same checks for a price book already in memory (an import's, before it is written).
    static PriceBook fromJson(const QJsonObject& book, const QString& displayName);
    static PriceBook loadBuiltIn();

    // How the file is named to users ("built-in prices/us-east-1.json" or the given path).
    const QString& sourceName() const { return m_sourceName; }
    const QString& region() const { return m_region; }
    const QString& currency() const { return m_currency; }
    // The date the rates were read, ISO 8601 ("2026-11-28").
    const QString& asOf() const { return m_asOf; }
    // One entry per rate group, in file order.
    QList<RateSource> rateSources() const;

    const LambdaRates& lambda() const { return m_lambda; }
    const FargateRates& fargate() const { return m_fargate; }
    const Ec2Rates& ec2() const { return m_ec2; }
    // The control-plane charge of an orchestrator service ("ecs", "eks"); nullptr for a
    // service that is not an orchestrator in this price book.
    const ControlPlaneRates* controlPlane(const QString& serviceId) const;
    // The optional groups: nullptr when the file has none.
    const RequestPathRates* requestPath() const
    {
        return m_requestPath ? &*m_requestPath : nullptr;
    }
    const DataTransferRates* dataTransfer() const
    {
        return m_dataTransfer ? &*m_dataTransfer : nullptr;
    }

private:
    friend class PriceBookReader;

    QString m_sourceName;
    QString m_region;
    QString m_currency;
    QString m_asOf;
    LambdaRates m_lambda;
    FargateRates m_fargate;
    QList<QPair<QString, ControlPlaneRates>> m_controlPlanes;
    Ec2Rates m_ec2;
    std::optional<RequestPathRates> m_requestPath;
    std::optional<DataTransferRates> m_dataTransfer;
};

} // namespace ace
