#pragma once

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

// One band of Lambda's tiered duration price. Bands are cumulative over the month's GB-s:
// a band applies up to `upToGbSeconds` (nullopt for the last, open-ended band).
struct DurationTier
{
    std::optional<double> upToGbSeconds;
    double perGbSecond = 0;
};

struct LambdaRates
{
    QString source;
    double perRequest = 0;
    std::array<QList<DurationTier>, 2> durationTiers; // indexed by Architecture
    double ephemeralStoragePerGbSecond = 0;
    double includedEphemeralStorageMb = 0;
    double freeRequests = 0;
    double freeGbSeconds = 0;
    double maxDurationSeconds = 0;
    double maxMemoryMb = 0;

    const QList<DurationTier>& tiers(Architecture architecture) const
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
};

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
    // The smallest valid size with at least this vCPU and memory (vCPU first, as AWS rounds);
    // nullptr when even the largest size is too small.
    const FargateTaskSize* smallestSizeFitting(double vcpu, double memoryGb) const;
    const FargateTaskSize& largestSize() const { return taskSizes.constLast(); }
};

// An orchestrator's own charge (ECS: none; EKS: per cluster-hour).
struct ControlPlaneRates
{
    QString source;
    double perClusterHour = 0;
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

// Where a group of rates comes from, shown to users next to every estimate.
struct RateSource
{
    QString group; // "lambda", "fargate", "ecs", "eks", "ec2"
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
//              taskSizes: [{vcpu, memoryGb: [ascending sizes]}] ascending by vcpu,
//              eksPodOverheadMb, eksArchitectures: [ids]
//   "controlPlanes": {serviceId: {source, perClusterHour}} for the orchestrators (ecs, eks)
//   "ec2":     instanceTypes: [{type, vcpu, memoryGib, architecture, perHour}]
// Every key is required and unknown keys are errors.
class PriceBook
{
public:
    // The Qt resource path of the built-in price book.
    static QString builtInPath();
    // Loads and validates a price book; throws DataError naming the file and JSON path.
    // `displayName` is how messages name the file (defaults to `path`).
    static PriceBook load(const QString& path, const QString& displayName = {});
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
};

} // namespace ace
