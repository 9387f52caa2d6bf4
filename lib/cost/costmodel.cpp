// The per-option cost model of DESIGN.md §6. Each model is written once, as a template over an
// "output": DetailedOutput records line items, capacity and notes for people to read;
// TotalOnlyOutput only adds up amounts, so sweeps pay for no strings at all.
#include "cost/costmodel.h"

#include "catalog/catalog.h"
#include "cost/quantitytext.h"
#include "pricing/numberrules.h"
#include "pricing/pricebook.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <type_traits>

namespace ace {

namespace {

constexpr double secondsPerHour = 3600;
constexpr double mbPerGb = 1024;
constexpr double msPerSecond = 1000;
// Data sizes are in KB of 1,024 bytes and GB of 1,024³ bytes, as AWS bills data.
constexpr double kbPerGb = 1024.0 * 1024.0;

// Memory kept back on every EC2 instance for the OS, the container agent (ECS agent or
// kubelet) and the runtime before tasks are packed onto it: the larger of 10% of the
// instance's memory and 256 MiB, a common planning reserve (facts §5).
constexpr double instanceMemoryReserveFraction = 0.10;
constexpr double instanceMemoryReserveMinimumGib = 0.25;

// Lambda's default limit of concurrent executions per account and region (facts §1). It can
// be raised, so a workload above it gets a note rather than being called infeasible.
constexpr double defaultLambdaConcurrency = 1000;

// Capacity is counted in whole tasks and instances. Quotients such as 2 / 0.1 or a load that
// is an exact multiple of a task come out of floating point a hair off the integer; rounding
// them the wrong way would buy a whole extra instance.
double ceilCount(double value)
{
    return std::ceil(value - 1e-9 * std::max(1.0, std::abs(value)));
}

double floorCount(double value)
{
    return std::floor(value + 1e-9 * std::max(1.0, std::abs(value)));
}

template <typename Label>
QString textOf(Label&& label)
{
    if constexpr (std::is_invocable_v<Label>)
        return label();
    else
        return QString(std::forward<Label>(label));
}

class DetailedOutput
{
public:
    explicit DetailedOutput(Estimate& estimate)
        : m_estimate(estimate)
    {}

    template <typename Label>
    void add(LineItemKind kind, Label&& label, double quantity, const QString& unit, double rate)
    {
        m_estimate.lineItems.append(
            {kind, textOf(std::forward<Label>(label)), quantity, unit, rate, quantity * rate});
    }
    template <typename MakeNote>
    void note(MakeNote&& makeNote)
    {
        m_estimate.notes.append(makeNote());
    }
    template <typename MakeReason>
    void infeasible(MakeReason&& makeReason)
    {
        m_estimate.feasible = false;
        m_estimate.notes.append(makeReason());
    }
    template <typename SetCapacity>
    void capacity(SetCapacity&& setCapacity)
    {
        setCapacity(m_estimate.capacity);
    }
    bool feasible() const { return m_estimate.feasible; }
    // The sum of the line items of `kind` so far.
    double amountOf(LineItemKind kind) const
    {
        double sum = 0;
        for (const LineItem& item : std::as_const(m_estimate.lineItems)) {
            if (item.kind == kind)
                sum += item.amount;
        }
        return sum;
    }

private:
    Estimate& m_estimate;
};

class TotalOnlyOutput
{
public:
    template <typename Label>
    void add(LineItemKind kind, Label&&, double quantity, const QString&, double rate)
    {
        m_total += quantity * rate;
        m_amounts[static_cast<size_t>(kind)] += quantity * rate;
    }
    template <typename MakeNote>
    void note(MakeNote&&)
    {}
    template <typename MakeReason>
    void infeasible(MakeReason&&)
    {
        m_feasible = false;
    }
    template <typename SetCapacity>
    void capacity(SetCapacity&&)
    {}
    bool feasible() const { return m_feasible; }
    double amountOf(LineItemKind kind) const { return m_amounts[static_cast<size_t>(kind)]; }
    std::optional<double> total() const
    {
        return m_feasible && std::isfinite(m_total) ? std::optional<double>(m_total) : std::nullopt;
    }

private:
    // Summed in the order the amounts come, as the detailed estimate's total is, so the two
    // agree to the last bit and break-evens fall where the estimates say.
    double m_total = 0;
    std::array<double, lineItemKindCount> m_amounts{};
    bool m_feasible = true;
};

QString architectureIds(const QList<Architecture>& architectures)
{
    QStringList ids;
    for (Architecture architecture : architectures)
        ids.append(architectureId(architecture));
    return ids.join(u'/');
}

// "1 task", "1,631 tasks": task, pod, instance and cluster take a plain "s" in the plural.
QString counted(double count, const QString& singular)
{
    return formatGroupedNumber(count) + u' ' +
           (count == 1 ? singular : singular + QStringLiteral("s"));
}

// ---- Tiered prices -----------------------------------------------------------------------

// "Duration", "Duration, tier 2", ...: the first band carries the plain name.
QString tierLabel(const QString& name, qsizetype tierIndex)
{
    return tierIndex == 0 ? name : QStringLiteral("%1, tier %2").arg(name).arg(tierIndex + 1);
}

// Bills `quantity` (the month's total) through cumulative `tiers`, one line item per band
// billed. `free` is the first of the month's quantity and bills nothing: it comes out of the
// lowest bands. The first band's line is always there, so a bill with nothing due still shows
// its rate. `labelOf(tierIndex)` names a band's line.
template <typename Output, typename LabelOf>
void addTiered(Output& out, LineItemKind kind, const QList<RateTier>& tiers, double quantity,
               double free, const QString& unit, LabelOf&& labelOf)
{
    double tierStart = 0;
    for (qsizetype i = 0; i < tiers.size(); ++i) {
        const double tierEnd = tiers.at(i).upTo.value_or(std::numeric_limits<double>::infinity());
        const auto inTier = [&](double amount) {
            return std::clamp(amount, tierStart, tierEnd) - tierStart;
        };
        const double billable = inTier(quantity) - inTier(free);
        if (i == 0 || billable > 0)
            out.add(
                kind, [&] { return labelOf(i); }, billable, unit, tiers.at(i).rate);
        if (quantity <= tierEnd)
            break;
        tierStart = tierEnd;
    }
}

// ---- Sizing from load (Little's law) ------------------------------------------------------

struct LoadAtPeak
{
    double averagePerSecond = 0;
    double inFlight = 0;
    double vcpusNeeded = 0;
};

LoadAtPeak loadAtPeak(const Workload& workload)
{
    LoadAtPeak load;
    load.averagePerSecond = workload.requestsPerMonth / (hoursInAMonth * secondsPerHour);
    load.inFlight =
        load.averagePerSecond * workload.peakToAverage * workload.avgDurationMs / msPerSecond;
    load.vcpusNeeded = load.inFlight / workload.container.concurrencyPerVcpu /
                       workload.container.targetUtilization;
    return load;
}

QString describeLoad(const Workload& workload, const LoadAtPeak& load)
{
    return QStringLiteral("%1 requests/s on average × %2 at peak × %3 s = %4 in flight (Little's "
                          "law); ÷ %5 per vCPU ÷ %6 target utilization = %7 vCPU needed")
        .arg(formatGroupedNumber(load.averagePerSecond, 4),
             formatGroupedNumber(workload.peakToAverage),
             formatGroupedNumber(workload.avgDurationMs / msPerSecond),
             formatGroupedNumber(load.inFlight, 4),
             formatGroupedNumber(workload.container.concurrencyPerVcpu),
             formatGroupedNumber(workload.container.targetUtilization),
             formatGroupedNumber(load.vcpusNeeded, 4));
}

// Fixed capacity (DESIGN.md §6): `units` tasks or instances of `vcpuEach` vCPU running `hours`
// a month offer vCPU-seconds; at the target utilization, with the requests in flight per vCPU
// of the sizing model, they serve at most this many requests of the workload's duration.
double mostRequestsServed(const Workload& workload, int units, double vcpuEach, double hours)
{
    const double vcpuSeconds = units * vcpuEach * hours * secondsPerHour;
    return floorCount(vcpuSeconds * workload.container.targetUtilization *
                      workload.container.concurrencyPerVcpu /
                      (workload.avgDurationMs / msPerSecond));
}

// False, with the numbers as the reason, when the fixed capacity cannot do the month's work.
// `unitWord` is what is counted ("task", "m5.large instance").
template <typename Output>
bool fixedCapacitySuffices(const Workload& workload, int units, const QString& unitWord,
                           double vcpuEach, double hours, Output& out)
{
    const double most = mostRequestsServed(workload, units, vcpuEach, hours);
    if (workload.requestsPerMonth <= most)
        return true;
    out.infeasible([&] {
        return QStringLiteral("%1 of %2 vCPU × %3 h a month can serve at most %4 requests of %5 "
                              "s at %6% target utilization (%7 in flight per vCPU); this "
                              "workload has %8")
            .arg(counted(units, unitWord), formatGroupedNumber(vcpuEach),
                 formatGroupedNumber(hours), formatGroupedNumber(most),
                 formatGroupedNumber(workload.avgDurationMs / msPerSecond),
                 formatGroupedNumber(workload.container.targetUtilization * 100),
                 formatGroupedNumber(workload.container.concurrencyPerVcpu),
                 formatGroupedNumber(workload.requestsPerMonth));
    });
    return false;
}

// Enough units (tasks or instances) of `vcpuEach` for the peak load, never fewer than
// `minimum`; nullopt, with the number needed as the reason, beyond any real fleet. Counted in
// double, so no load, however absurd, overflows the count.
template <typename Output>
std::optional<int> countForLoad(const Workload& workload, double vcpuEach, int minimum,
                                const QString& unitWord, Output& out)
{
    const LoadAtPeak load = loadAtPeak(workload);
    const double exactCount = load.vcpusNeeded / vcpuEach;
    if (!(exactCount <= largestFleet)) {
        out.infeasible([&] {
            return QStringLiteral("The load needs %1 of %2 vCPU, more than %3, beyond any real "
                                  "fleet: %4")
                .arg(counted(std::ceil(exactCount), unitWord), formatGroupedNumber(vcpuEach),
                     formatGroupedNumber(largestFleet), describeLoad(workload, load));
        });
        return std::nullopt;
    }
    const int units = static_cast<int>(std::max<double>(minimum, ceilCount(exactCount)));
    out.note([&] {
        return QStringLiteral("%1 of %2 vCPU sized from load (minimum %3): %4")
            .arg(counted(units, unitWord), formatGroupedNumber(vcpuEach),
                 formatGroupedNumber(minimum), describeLoad(workload, load));
    });
    return units;
}

// The number of ECS tasks or EKS pods: fixed by the workload (nullopt when too few for the
// load), or enough task vCPUs for the peak load (never fewer than minTasks).
template <typename Output>
std::optional<int> taskCount(const Workload& workload, const QString& taskWord, Output& out)
{
    const ContainerSettings& container = workload.container;
    if (container.tasks) {
        if (!fixedCapacitySuffices(workload, *container.tasks, taskWord, container.vcpu,
                                   container.hoursPerMonth, out))
            return std::nullopt;
        out.note([&] {
            return QStringLiteral("%1 (fixed in the workload)")
                .arg(counted(*container.tasks, taskWord));
        });
        return *container.tasks;
    }
    return countForLoad(workload, container.vcpu, container.minTasks, taskWord, out);
}

// ---- Lambda ------------------------------------------------------------------------------

template <typename Output>
void costLambda(const Workload& workload, const PriceBook& prices, Output& out)
{
    const LambdaRates& lambda = prices.lambda();
    // Lambda bills every invocation's duration rounded up to the next millisecond.
    const double billedMs = std::ceil(workload.avgDurationMs);
    const double memoryMb = workload.function.memoryMb;
    if (billedMs / msPerSecond > lambda.maxDurationSeconds) {
        out.infeasible([&] {
            return QStringLiteral("Lambda stops an invocation after %1 s; this workload's "
                                  "requests take %2 s")
                .arg(formatGroupedNumber(lambda.maxDurationSeconds),
                     formatGroupedNumber(billedMs / msPerSecond));
        });
    }
    if (memoryMb > lambda.maxMemoryMb) {
        out.infeasible([&] {
            return QStringLiteral("Lambda functions have at most %1 MB of memory; this workload "
                                  "asks for %2 MB")
                .arg(formatGroupedNumber(lambda.maxMemoryMb), formatGroupedNumber(memoryMb));
        });
    }
    if (!out.feasible())
        return;

    const double requests = workload.requestsPerMonth;
    const double freeRequests =
        workload.includeFreeTier ? std::min(requests, lambda.freeRequests) : 0;
    out.add(LineItemKind::Requests, QStringLiteral("Requests"), requests - freeRequests,
            QStringLiteral("requests"), lambda.perRequest);

    // Multiplying before dividing keeps whole inputs exact (3M × 120 ms × 1536 MB is exactly
    // 540,000 GB-s), so published examples come out to the cent without rounding luck.
    const double gbSeconds = requests * billedMs * memoryMb / (msPerSecond * mbPerGb);
    const double freeGbSeconds =
        workload.includeFreeTier ? std::min(gbSeconds, lambda.freeGbSeconds) : 0;
    // Tiers count the month's total GB-s; the free allowance is the first GB-s of the month,
    // so it comes out of the cheapest band that would otherwise bill it, the first.
    addTiered(out, LineItemKind::Duration, lambda.tiers(workload.architecture), gbSeconds,
              freeGbSeconds, QStringLiteral("GB-s"),
              [](qsizetype tier) { return tierLabel(QStringLiteral("Duration"), tier); });
    out.note([&] {
        return QStringLiteral("%1 requests × %2 ms billed per invocation (rounded up to 1 ms) × "
                              "%3 MB = %4 GB-s on %5")
            .arg(formatGroupedNumber(requests), formatGroupedNumber(billedMs),
                 formatGroupedNumber(memoryMb), formatGroupedNumber(gbSeconds),
                 architectureId(workload.architecture));
    });
    if (workload.includeFreeTier) {
        out.note([&] {
            return QStringLiteral("%1 requests and %2 GB-s free tier applied")
                .arg(formatGroupedNumber(freeRequests), formatGroupedNumber(freeGbSeconds));
        });
    } else {
        out.note(
            [] { return QStringLiteral("Free tier not applied (switched off in the workload)"); });
    }

    const double concurrentAtPeak = loadAtPeak(workload).inFlight;
    if (concurrentAtPeak > defaultLambdaConcurrency) {
        out.note([&] {
            return QStringLiteral("About %1 invocations run at once at peak, above Lambda's "
                                  "default quota of %2 concurrent executions per account (new "
                                  "accounts may start lower): ask AWS to raise it")
                .arg(formatGroupedNumber(std::round(concurrentAtPeak)),
                     formatGroupedNumber(defaultLambdaConcurrency));
        });
    }

    const double extraStorageMb =
        workload.function.ephemeralStorageMb - lambda.includedEphemeralStorageMb;
    if (extraStorageMb > 0) {
        const double storageGbSeconds =
            requests * billedMs * extraStorageMb / (msPerSecond * mbPerGb);
        out.add(LineItemKind::Storage, QStringLiteral("Ephemeral storage"), storageGbSeconds,
                QStringLiteral("GB-s"), lambda.ephemeralStoragePerGbSecond);
        out.note([&] {
            return QStringLiteral("Ephemeral storage above the included %1 MB: %2 MB per "
                                  "invocation (the free tier does not cover storage)")
                .arg(formatGroupedNumber(lambda.includedEphemeralStorageMb),
                     formatGroupedNumber(extraStorageMb));
        });
    }
}

// ---- Orchestrators -----------------------------------------------------------------------

bool isKubernetes(const DeploymentOption& option)
{
    return option.uses(QStringLiteral("eks"));
}

bool isLambda(const DeploymentOption& option)
{
    return option.uses(QStringLiteral("lambda"));
}

// The orchestrator in an option's stack ("ecs", "eks"): the service right above the capacity
// (Fargate or EC2) it schedules onto. Empty when the option has none. Read from the stack, not
// from the price book, so a book without the orchestrator's rate cannot turn ECS on EC2 into
// plain EC2.
QString orchestratorOf(const DeploymentOption& option)
{
    const QString& bottom = option.stack.constLast();
    const bool capacity = bottom == QLatin1String("fargate") || bottom == QLatin1String("ec2");
    if (isLambda(option) || !capacity || option.stack.size() < 2)
        return {};
    return option.stack.at(option.stack.size() - 2);
}

// A charge the price book has no rates for: left out of the bill, and the estimate says so.
template <typename Output>
void cannotPrice(const QString& charge, const QString& group, Output& out)
{
    out.note([&] {
        return QStringLiteral("Not included: %1 (this price book has no \"%2\" rates)")
            .arg(charge, group);
    });
}

// The control plane of the option's orchestrator, from the price book: whatever capacity the
// orchestrator runs on, its fee is the same, so it is added once after the compute model.
template <typename Output>
void costControlPlane(const DeploymentOption& option, const Workload& workload,
                      const PriceBook& prices, Output& out)
{
    const QString orchestrator = orchestratorOf(option);
    if (orchestrator.isEmpty())
        return;
    const ControlPlaneRates* ratesOrNone = prices.controlPlane(orchestrator);
    if (!ratesOrNone) {
        cannotPrice(QStringLiteral("the %1 control plane").arg(orchestrator.toUpper()),
                    QStringLiteral("controlPlanes.") + orchestrator, out);
        return;
    }
    const ControlPlaneRates& rates = *ratesOrNone;
    if (rates.perClusterHour <= 0) {
        out.note([&] {
            return QStringLiteral(
                       "%1 has no charge of its own: you pay for the capacity it runs on")
                .arg(orchestrator.toUpper());
        });
        return;
    }
    // EKS bills a cluster whose Kubernetes version has left standard support at a higher rate.
    const bool extendedSupport =
        isKubernetes(option) && workload.eksSupport == EksSupport::Extended;
    const std::optional<double>& extendedRate = rates.extendedSupportPerClusterHour;
    const bool pricedExtended = extendedSupport && extendedRate;
    // Explicitly QString: a QStringBuilder would outlive the temporaries it refers to.
    out.add(
        LineItemKind::ControlPlane,
        [&]() -> QString {
            return orchestrator.toUpper() + QStringLiteral(" clusters") +
                   (pricedExtended ? QStringLiteral(", extended support") : QString());
        },
        workload.clusters* hoursInAMonth, QStringLiteral("cluster-hours"),
        pricedExtended ? *extendedRate : rates.perClusterHour);
    out.capacity([&](Capacity& capacity) { capacity.clusters = workload.clusters; });
    out.note([&] {
        return QStringLiteral("%1 billed for all %2 hours of the month")
            .arg(counted(workload.clusters, orchestrator.toUpper() + QStringLiteral(" cluster")),
                 formatGroupedNumber(hoursInAMonth));
    });
    if (!isKubernetes(option))
        return;
    if (extendedSupport && !extendedRate) {
        out.note([] {
            return QStringLiteral("This price book has no extended-support rate: the clusters are "
                                  "priced at the standard-support rate");
        });
    } else if (extendedRate) {
        out.note([&] {
            const QString rule = QStringLiteral(
                "each Kubernetes version has 14 months of standard support on EKS; a cluster "
                "still on it then moves to extended support, which is on by default for clusters "
                "created through the API");
            return pricedExtended
                       ? QStringLiteral("Extended support at %1 per cluster-hour in all: %2")
                             .arg(moneyRate(*extendedRate, prices.currency()), rule)
                       : QStringLiteral("Standard support at %1 per cluster-hour: %2, at %3")
                             .arg(moneyRate(rates.perClusterHour, prices.currency()), rule,
                                  moneyRate(*extendedRate, prices.currency()));
        });
    }
}

// ---- Fargate -----------------------------------------------------------------------------

template <typename Output>
void costFargate(const DeploymentOption& option, const Workload& workload, const PriceBook& prices,
                 Output& out)
{
    const FargateRates& fargate = prices.fargate();
    const ContainerSettings& container = workload.container;
    const bool kubernetes = isKubernetes(option);
    if (orchestratorOf(option).isEmpty()) {
        out.infeasible([&] {
            return QStringLiteral("Nothing schedules %1 onto Fargate: Fargate runs ECS tasks and "
                                  "EKS pods, and the stack (%2) has neither")
                .arg(option.name, option.stack.join(QStringLiteral(" on ")));
        });
        return;
    }
    if (kubernetes && !fargate.eksArchitectures.contains(workload.architecture)) {
        out.infeasible([&] {
            return QStringLiteral("EKS on Fargate runs %1 pods only; the workload is %2")
                .arg(architectureIds(fargate.eksArchitectures),
                     architectureId(workload.architecture));
        });
        return;
    }
    // EKS adds its per-pod agents' memory to every pod before choosing the Fargate size.
    const double overheadGb = kubernetes ? fargate.eksPodOverheadMb / mbPerGb : 0;
    const double requestedMemoryGb = container.memoryGb + overheadGb;
    const FargateOrchestrator orchestrator =
        kubernetes ? FargateOrchestrator::Eks : FargateOrchestrator::Ecs;
    const FargateTaskSize* size =
        fargate.smallestSizeFitting(orchestrator, container.vcpu, requestedMemoryGb);
    if (!size) {
        out.infeasible([&] {
            const FargateTaskSize& largest = fargate.largestSize(orchestrator);
            return QStringLiteral("The largest Fargate %1 is %2 vCPU / %3 GB; this one needs %4 "
                                  "vCPU / %5 GB")
                .arg(kubernetes ? QStringLiteral("pod on EKS") : QStringLiteral("task"),
                     formatGroupedNumber(largest.vcpu), formatGroupedNumber(largest.memoryGb),
                     formatGroupedNumber(container.vcpu), formatGroupedNumber(requestedMemoryGb));
        });
        return;
    }
    const QString taskWord = kubernetes ? QStringLiteral("pod") : QStringLiteral("task");
    if (kubernetes) {
        out.note([&] {
            return QStringLiteral("EKS on Fargate adds %1 MB to each pod for kubelet, kube-proxy "
                                  "and containerd: %2 GB + %1 MB = %3 GB before rounding")
                .arg(formatGroupedNumber(fargate.eksPodOverheadMb),
                     formatGroupedNumber(container.memoryGb),
                     formatGroupedNumber(requestedMemoryGb));
        });
    }
    if (size->vcpu != container.vcpu || size->memoryGb != requestedMemoryGb) {
        out.note([&] {
            return QStringLiteral("Fargate size rounded up from %1 vCPU / %2 GB to the valid size "
                                  "%3 vCPU / %4 GB, which is what is billed")
                .arg(formatGroupedNumber(container.vcpu), formatGroupedNumber(requestedMemoryGb),
                     formatGroupedNumber(size->vcpu), formatGroupedNumber(size->memoryGb));
        });
    }
    if (size->pricingPageOnly) {
        out.note([&] {
            return QStringLiteral("%1 vCPU / %2 GB is listed on the Fargate pricing page; the ECS "
                                  "task-size docs stop at %3 vCPU")
                .arg(formatGroupedNumber(size->vcpu), formatGroupedNumber(size->memoryGb),
                     formatGroupedNumber(fargate.largestSize(FargateOrchestrator::Eks).vcpu));
        });
    }
    const std::optional<int> taskCountOrNone = taskCount(workload, taskWord, out);
    if (!taskCountOrNone)
        return;
    const int tasks = *taskCountOrNone;
    const double taskHours = tasks * container.hoursPerMonth;
    const FargateComputeRates& rates = fargate.rates(workload.architecture);
    // AWS publishes Fargate rates per second; the line items show them per hour.
    out.add(LineItemKind::Compute, QStringLiteral("Fargate vCPU"), taskHours * size->vcpu,
            QStringLiteral("vCPU-hours"), rates.perVcpuSecond * secondsPerHour);
    out.add(LineItemKind::Compute, QStringLiteral("Fargate memory"), taskHours * size->memoryGb,
            QStringLiteral("GB-hours"), rates.perGbSecond * secondsPerHour);
    const double extraStorageGb = container.ephemeralStorageGb - fargate.includedStorageGb;
    if (extraStorageGb > 0) {
        out.add(LineItemKind::Storage, QStringLiteral("Fargate ephemeral storage"),
                taskHours * extraStorageGb, QStringLiteral("GB-hours"),
                fargate.storagePerGbSecond * secondsPerHour);
        out.note([&] {
            return QStringLiteral("Ephemeral storage above the included %1 GB: %2 GB per task")
                .arg(formatGroupedNumber(fargate.includedStorageGb),
                     formatGroupedNumber(extraStorageGb));
        });
    }
    out.note([&] {
        return QStringLiteral("Each %1 runs %2 hours a month on %3")
            .arg(taskWord, formatGroupedNumber(container.hoursPerMonth),
                 architectureId(workload.architecture));
    });
    out.capacity([&](Capacity& capacity) {
        capacity.tasks = tasks;
        capacity.taskVcpu = size->vcpu;
        capacity.taskMemoryGb = size->memoryGb;
    });
}

// ---- EC2 ---------------------------------------------------------------------------------

// How many tasks fit on one instance, by vCPU and by memory after the reserve.
struct Packing
{
    double reservedGib = 0;
    double usableGib = 0;
    // Whole tasks, at most largestFleet: a tiny task on a big instance is no overflow.
    double byVcpu = 0;
    double byMemory = 0;
    int tasksPerInstance() const { return static_cast<int>(std::min(byVcpu, byMemory)); }
};

Packing packingOf(const InstanceType& instance, const ContainerSettings& container)
{
    Packing packing;
    packing.reservedGib = std::max(instance.memoryGib * instanceMemoryReserveFraction,
                                   instanceMemoryReserveMinimumGib);
    packing.usableGib = std::max(0.0, instance.memoryGib - packing.reservedGib);
    packing.byVcpu = std::min(largestFleet, floorCount(instance.vcpu / container.vcpu));
    packing.byMemory = std::min(largestFleet, floorCount(packing.usableGib / container.memoryGb));
    return packing;
}

// Instances for an orchestrated option: the tasks bin-packed onto the instance type. All
// tasks are the same size, so the packing is a quotient per dimension. Nullopt if infeasible.
template <typename Output>
std::optional<int> instancesForTasks(const DeploymentOption& option, const Workload& workload,
                                     const InstanceType& instance, Output& out)
{
    const ContainerSettings& container = workload.container;
    const Packing packing = packingOf(instance, container);
    const QString taskWord = isKubernetes(option) ? QStringLiteral("pod") : QStringLiteral("task");
    if (packing.tasksPerInstance() < 1) {
        out.infeasible([&] {
            return QStringLiteral("One %1 (%2 vCPU, %3 GB) does not fit on a %4 (%5 vCPU, %6 GiB "
                                  "usable after %7 GiB reserved for the OS and agent)")
                .arg(taskWord, formatGroupedNumber(container.vcpu),
                     formatGroupedNumber(container.memoryGb), instance.type,
                     formatGroupedNumber(instance.vcpu), formatGroupedNumber(packing.usableGib),
                     formatGroupedNumber(packing.reservedGib));
        });
        return std::nullopt;
    }
    const std::optional<int> taskCountOrNone = taskCount(workload, taskWord, out);
    if (!taskCountOrNone)
        return std::nullopt;
    const int tasks = *taskCountOrNone;
    const int needed =
        static_cast<int>(ceilCount(static_cast<double>(tasks) / packing.tasksPerInstance()));
    int instances = needed;
    if (workload.instance.count) {
        instances = *workload.instance.count;
        if (instances < needed) {
            out.infeasible([&] {
                return QStringLiteral("%1 need %2, but the workload fixes the count at %3")
                    .arg(counted(tasks, taskWord),
                         counted(needed, instance.type + QStringLiteral(" instance")),
                         formatGroupedNumber(instances));
            });
            return std::nullopt;
        }
    } else {
        instances = std::max(workload.instance.minCount, needed);
    }
    out.note([&] {
        return QStringLiteral(
                   "%1 GiB of each %2's %3 GiB reserved for the OS and agent (the larger "
                   "of 10% and 256 MiB), %4 GiB left for %5")
            .arg(formatGroupedNumber(packing.reservedGib), instance.type,
                 formatGroupedNumber(instance.memoryGib), formatGroupedNumber(packing.usableGib),
                 taskWord + QStringLiteral("s"));
    });
    out.note([&] {
        return QStringLiteral("Bin-packing: %1 per %2 (%3 by vCPU, %4 by memory); %5 → %6%7")
            .arg(counted(packing.tasksPerInstance(), taskWord), instance.type,
                 formatGroupedNumber(packing.byVcpu), formatGroupedNumber(packing.byMemory),
                 counted(tasks, taskWord), counted(instances, QStringLiteral("instance")),
                 workload.instance.count
                     ? QStringLiteral(" (count fixed in the workload)")
                     : QStringLiteral(" (minimum %1)").arg(workload.instance.minCount));
    });
    out.capacity([&](Capacity& capacity) {
        capacity.tasks = tasks;
        capacity.tasksPerInstance = packing.tasksPerInstance();
    });
    return instances;
}

// Instances for plain EC2: fixed (nullopt when too few for the load), or enough instance vCPUs
// for the peak load.
template <typename Output>
std::optional<int> instancesForLoad(const Workload& workload, const InstanceType& instance,
                                    Output& out)
{
    if (workload.instance.count) {
        if (!fixedCapacitySuffices(workload, *workload.instance.count,
                                   instance.type + QStringLiteral(" instance"), instance.vcpu,
                                   workload.instance.hoursPerMonth, out))
            return std::nullopt;
        out.note([&] {
            return QStringLiteral("%1 (fixed in the workload)")
                .arg(counted(*workload.instance.count, QStringLiteral("instance")));
        });
        return *workload.instance.count;
    }
    return countForLoad(workload, instance.vcpu, workload.instance.minCount,
                        instance.type + QStringLiteral(" instance"), out);
}

// The instance type of `architecture` in the price book most like `instance`, to suggest when
// the chosen type does not run the workload's architecture: of the same family class (the
// first letter of the name: m general purpose, c compute, r memory, t burstable) if the book
// has one, then closest in size (vCPU and memory compared as ratios), then the book's order.
// Null when the book has none.
const InstanceType* nearestInstanceType(const Ec2Rates& rates, const InstanceType& instance,
                                        Architecture architecture)
{
    const InstanceType* nearest = nullptr;
    double nearestDistance = 0;
    for (const InstanceType& candidate : rates.instanceTypes) {
        if (candidate.architecture != architecture)
            continue;
        // A family class differs by more than any size does.
        const double otherClass = candidate.type.front() == instance.type.front() ? 0 : 1000;
        const double distance = otherClass + std::abs(std::log2(candidate.vcpu / instance.vcpu)) +
                                std::abs(std::log2(candidate.memoryGib / instance.memoryGib));
        if (!nearest || distance < nearestDistance) {
            nearest = &candidate;
            nearestDistance = distance;
        }
    }
    return nearest;
}

template <typename Output>
void costEc2(const DeploymentOption& option, const Workload& workload, const PriceBook& prices,
             Output& out)
{
    const InstanceType* instance = prices.ec2().instanceType(workload.instance.type);
    if (!instance) {
        out.infeasible([&] {
            return QStringLiteral("Unknown instance type \"%1\": the price book has no rate for it")
                .arg(workload.instance.type);
        });
        return;
    }
    if (instance->architecture != workload.architecture) {
        out.infeasible([&] {
            QString reason = QStringLiteral("%1 is an %2 instance type but the workload is %3")
                                 .arg(instance->type, architectureId(instance->architecture),
                                      architectureId(workload.architecture));
            if (const InstanceType* alike =
                    nearestInstanceType(prices.ec2(), *instance, workload.architecture)) {
                reason += QStringLiteral(": choose an %1 type such as %2")
                              .arg(architectureId(workload.architecture), alike->type);
            }
            return reason;
        });
        return;
    }
    const QString orchestrator = orchestratorOf(option);
    const std::optional<int> instances = orchestrator.isEmpty()
                                             ? instancesForLoad(workload, *instance, out)
                                             : instancesForTasks(option, workload, *instance, out);
    if (!instances)
        return;
    out.add(
        LineItemKind::Compute,
        [&]() -> QString { return instance->type + QStringLiteral(" instances"); },
        *instances* workload.instance.hoursPerMonth, QStringLiteral("instance-hours"),
        instance->perHour);
    out.note([&] {
        return QStringLiteral("Each instance runs %1 hours a month, on-demand Linux pricing")
            .arg(formatGroupedNumber(workload.instance.hoursPerMonth));
    });
    if (instance->type.startsWith(u't')) {
        out.note([] {
            return QStringLiteral("T-family instances run in unlimited credit mode: sustained CPU "
                                  "above the baseline costs extra and is not included");
        });
    }
    out.capacity([&](Capacity& capacity) {
        capacity.instanceType = instance->type;
        capacity.instances = *instances;
    });
}

// ---- Request path, data transfer and purchase ------------------------------------------

// API Gateway in front of a Lambda function: HTTP APIs count a request once per started
// metering step of its size; REST APIs count each request once.
template <typename Output>
void costApiGateway(RequestDoor door, const Workload& workload, const ApiGatewayRates& rates,
                    Output& out)
{
    const bool http = door == RequestDoor::ApiGatewayHttp;
    const double stepsPerRequest =
        http ? std::max(1.0, ceilCount(workload.traffic.avgRequestKb / rates.httpMeteringStepKb))
             : 1;
    const double metered = workload.requestsPerMonth * stepsPerRequest;
    const QString name = http ? QStringLiteral("API Gateway HTTP API requests")
                              : QStringLiteral("API Gateway REST API requests");
    addTiered(out, LineItemKind::RequestPath, http ? rates.httpTiers : rates.restTiers, metered, 0,
              QStringLiteral("requests"), [&](qsizetype tier) { return tierLabel(name, tier); });
    if (http) {
        out.note([&] {
            return QStringLiteral("HTTP APIs meter requests in %1 KB steps: each %2 KB request "
                                  "counts as %3")
                .arg(formatGroupedNumber(rates.httpMeteringStepKb),
                     formatGroupedNumber(workload.traffic.avgRequestKb),
                     formatGroupedNumber(stepsPerRequest));
        });
    }
    out.note([] {
        return QStringLiteral("API Gateway's free tier (1M calls a month) is for new accounts' "
                              "first 12 months only and is not applied");
    });
}

// An Application Load Balancer: every hour of the month, plus its capacity units priced on the
// average hour. An hour's LCUs are the largest of its four dimensions.
template <typename Output>
void costAlb(const DeploymentOption& option, const Workload& workload, const AlbRates& rates,
             Output& out)
{
    const TrafficSettings& traffic = workload.traffic;
    const double perSecond = workload.requestsPerMonth / (hoursInAMonth * secondsPerHour);
    const double newConnectionsPerSecond = perSecond / traffic.requestsPerConnection;
    // The requests in flight in the average hour (Little's law), each on its connection.
    const double activeConnections = perSecond * workload.avgDurationMs / msPerSecond;
    const double processedGbPerHour =
        perSecond * secondsPerHour * (traffic.avgRequestKb + traffic.avgResponseKb) / kbPerGb;
    const double gbPerLcu =
        isLambda(option) ? rates.processedGbPerHourPerLcuForLambda : rates.processedGbPerHourPerLcu;
    const double ruleEvaluationsPerSecond =
        perSecond *
        std::max(0.0, workload.requestPath.albRulesPerRequest - rates.freeRulesPerRequest);
    const double byConnections = newConnectionsPerSecond / rates.newConnectionsPerSecondPerLcu;
    const double byActive = activeConnections / rates.activeConnectionsPerLcu;
    const double byBytes = processedGbPerHour / gbPerLcu;
    const double byRules = ruleEvaluationsPerSecond / rates.ruleEvaluationsPerSecondPerLcu;
    const double lcus = std::max({byConnections, byActive, byBytes, byRules});

    out.add(LineItemKind::RequestPath, QStringLiteral("Application Load Balancer"), hoursInAMonth,
            QStringLiteral("ALB-hours"), rates.perHour);
    out.add(LineItemKind::RequestPath, QStringLiteral("Load balancer capacity units"),
            lcus * hoursInAMonth, QStringLiteral("LCU-hours"), rates.perLcuHour);
    out.note([&] {
        return QStringLiteral(
                   "LCUs of the average hour, the largest of: %1 new connections/s ÷ %2 = %3; %4 "
                   "active connections ÷ %5 = %6; %7 GB processed an hour ÷ %8 = %9; %10 rule "
                   "evaluations/s beyond the first %11 rules ÷ %12 = %13. AWS bills each hour's "
                   "own peak, so spiky traffic pays more than shown")
            .arg(formatGroupedNumber(newConnectionsPerSecond, 4),
                 formatGroupedNumber(rates.newConnectionsPerSecondPerLcu),
                 formatGroupedNumber(byConnections, 4), formatGroupedNumber(activeConnections, 4),
                 formatGroupedNumber(rates.activeConnectionsPerLcu),
                 formatGroupedNumber(byActive, 4), formatGroupedNumber(processedGbPerHour, 4),
                 formatGroupedNumber(gbPerLcu), formatGroupedNumber(byBytes, 4))
            .arg(formatGroupedNumber(ruleEvaluationsPerSecond, 4),
                 formatGroupedNumber(rates.freeRulesPerRequest),
                 formatGroupedNumber(rates.ruleEvaluationsPerSecondPerLcu),
                 formatGroupedNumber(byRules, 4));
    });
}

// False, with the reason, when the option's door cannot stand in front of it. The workload
// reader refuses such a door for the built-in options; another catalog's container option can
// still get it as the default. Checked before the compute model, so it is the only reason.
template <typename Output>
bool doorFitsOption(const DeploymentOption& option, const Workload& workload, Output& out)
{
    const RequestDoor door = workload.requestPath.doorOf(option.id);
    if (doorFits(door, isLambda(option)))
        return true;
    out.infeasible([&] {
        return QStringLiteral("%1 cannot stand in front of %2: function URLs and API Gateway are "
                              "for Lambda (containers behind API Gateway need a VPC link and a "
                              "load balancer, which this estimate leaves out)")
            .arg(requestDoorId(door), option.name);
    });
    return false;
}

// What receives each request in front of the option (a door that fits it), and its charge.
template <typename Output>
void costRequestPath(const DeploymentOption& option, const Workload& workload,
                     const PriceBook& prices, Output& out)
{
    const RequestDoor door = workload.requestPath.doorOf(option.id);
    if (door == RequestDoor::None)
        return;
    if (door == RequestDoor::FunctionUrl) {
        out.note([] {
            return QStringLiteral("Requests arrive through a Lambda function URL, which has no "
                                  "charge of its own");
        });
        return;
    }
    const RequestPathRates* rates = prices.requestPath();
    if (!rates) {
        cannotPrice(door == RequestDoor::Alb ? QStringLiteral("the Application Load Balancer")
                                             : QStringLiteral("API Gateway's requests"),
                    QStringLiteral("requestPath"), out);
        return;
    }
    if (door == RequestDoor::Alb)
        costAlb(option, workload, rates->alb, out);
    else
        costApiGateway(door, workload, rates->apiGateway, out);
}

// Data transfer out to the internet: every option sends its responses alike. The free GB come
// off the month's total before the bands, which AWS counts "beyond the global free tier".
template <typename Output>
void costDataTransfer(const Workload& workload, const PriceBook& prices, Output& out)
{
    if (workload.traffic.avgResponseKb <= 0)
        return;
    const double gb = workload.requestsPerMonth * workload.traffic.avgResponseKb / kbPerGb;
    const DataTransferRates* rates = prices.dataTransfer();
    if (!rates) {
        cannotPrice(QStringLiteral("data transfer out (%1 GB)").arg(formatGroupedNumber(gb)),
                    QStringLiteral("dataTransfer"), out);
        return;
    }
    const double freeGb = workload.includeFreeTier ? std::min(gb, rates->freeGbPerMonth) : 0;
    addTiered(out, LineItemKind::DataTransfer, rates->outToInternetTiers, gb - freeGb, 0,
              QStringLiteral("GB"),
              [](qsizetype tier) { return tierLabel(QStringLiteral("Data transfer out"), tier); });
    out.note([&] {
        return QStringLiteral("%1 requests × %2 KB = %3 GB out to the internet a month%4")
            .arg(formatGroupedNumber(workload.requestsPerMonth),
                 formatGroupedNumber(workload.traffic.avgResponseKb), formatGroupedNumber(gb),
                 workload.includeFreeTier
                     ? QStringLiteral(", less %1 GB free (AWS's 100 GB a month, shared by "
                                      "every service and region of the account)")
                           .arg(formatGroupedNumber(freeGb))
                     : QStringLiteral(" (free allowance not applied)"));
    });
}

struct PurchaseName
{
    PurchaseKind kind;
    const char16_t* name;
};

// The kinds that discount (on-demand never reaches a discount line).
constexpr PurchaseName purchaseNames[] = {{PurchaseKind::SavingsPlan, u"Savings Plan"},
                                          {PurchaseKind::Spot, u"Spot"},
                                          {PurchaseKind::Reserved, u"Reserved Instance"}};

QString purchaseName(PurchaseKind kind)
{
    for (const PurchaseName& entry : purchaseNames) {
        if (entry.kind == kind)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

// What the option's compute runs on, for its purchase: Lambda, Fargate or EC2 instances.
CapacityFamily capacityFamilyOf(const DeploymentOption& option)
{
    if (isLambda(option))
        return CapacityFamily::Lambda;
    return option.stack.constLast() == QLatin1String("fargate") ? CapacityFamily::Fargate
                                                                : CapacityFamily::Ec2;
}

// The user's purchase discount off the on-demand compute (for Lambda its duration: requests
// and storage are never discounted), as one negative line item: its quantity is the
// on-demand amount discounted and its rate minus the discount's fraction, so that quantity ×
// rate = amount still holds.
template <typename Output>
void costPurchase(const DeploymentOption& option, const Workload& workload, const PriceBook& prices,
                  Output& out)
{
    const CapacityFamily family = capacityFamilyOf(option);
    const Purchase& purchase = workload.purchase.of(family);
    if (purchase.kind == PurchaseKind::OnDemand || purchase.discountPercent <= 0)
        return;
    if (purchase.kind == PurchaseKind::Spot && isKubernetes(option) &&
        family == CapacityFamily::Fargate) {
        out.note([] {
            return QStringLiteral("Fargate Spot is for ECS only: EKS on Fargate is priced on "
                                  "demand");
        });
        return;
    }
    const std::optional<double> most = maxDiscountPercent(family, purchase.kind);
    if (!most) {
        // The workload reader refuses a kind AWS does not sell; a program-made one is priced
        // as what it can be.
        out.note([&] {
            return QStringLiteral("AWS does not sell %1 for this option: priced on demand")
                .arg(purchaseName(purchase.kind));
        });
        return;
    }
    const LineItemKind discounted =
        family == CapacityFamily::Lambda ? LineItemKind::Duration : LineItemKind::Compute;
    out.add(
        LineItemKind::Discount,
        [&] {
            return QStringLiteral("%1 discount, %2%")
                .arg(purchaseName(purchase.kind), formatGroupedNumber(purchase.discountPercent));
        },
        out.amountOf(discounted),
        prices.currency() + (family == CapacityFamily::Lambda
                                 ? QStringLiteral(" of on-demand duration")
                                 : QStringLiteral(" of on-demand compute")),
        -purchase.discountPercent / 100);
    out.note([&] {
        return QStringLiteral("The %1% %2 discount is your assumption, not a published rate (AWS "
                              "gives up to %3%): %4")
            .arg(formatGroupedNumber(purchase.discountPercent), purchaseName(purchase.kind),
                 formatGroupedNumber(*most),
                 purchase.kind == PurchaseKind::Spot
                     ? QStringLiteral("Spot prices move with supply and demand")
                     : QStringLiteral("the real rate depends on the term, the payment and the "
                                      "capacity bought"));
    });
}

// ---- Dispatch ----------------------------------------------------------------------------

// The compute model of the option's stack: what runs the code.
template <typename Output>
void costCompute(const DeploymentOption& option, const Workload& workload, const PriceBook& prices,
                 Output& out)
{
    const QString& bottom = option.stack.constLast();
    if (isLambda(option))
        costLambda(workload, prices, out);
    else if (bottom == QLatin1String("fargate"))
        costFargate(option, workload, prices, out);
    else if (bottom == QLatin1String("ec2"))
        costEc2(option, workload, prices, out);
    else
        out.infeasible([&] {
            return QStringLiteral("No cost model for a stack of %1")
                .arg(option.stack.join(QStringLiteral(" on ")));
        });
}

// The compute model (once the option's door fits it), then the charges that apply to every
// option they fit, whatever computes it: the orchestrator's control plane, the request path, data
// transfer out, and last the purchase discount off the compute billed before it. An option the
// compute model finds infeasible has no bill to add them to.
template <typename Output>
void costOption(const DeploymentOption& option, const Workload& workload, const PriceBook& prices,
                Output& out)
{
    if (!doorFitsOption(option, workload, out))
        return;
    costCompute(option, workload, prices, out);
    if (!out.feasible())
        return;
    costControlPlane(option, workload, prices, out);
    costRequestPath(option, workload, prices, out);
    costDataTransfer(workload, prices, out);
    costPurchase(option, workload, prices, out);
}

QJsonObject capacityToJson(const Capacity& capacity)
{
    QJsonObject json;
    const auto insertIfSet = [&json](const QString& key, const auto& value) {
        if (value)
            json.insert(key, *value);
    };
    insertIfSet(QStringLiteral("tasks"), capacity.tasks);
    insertIfSet(QStringLiteral("taskVcpu"), capacity.taskVcpu);
    insertIfSet(QStringLiteral("taskMemoryGb"), capacity.taskMemoryGb);
    if (!capacity.instanceType.isEmpty())
        json.insert(QStringLiteral("instanceType"), capacity.instanceType);
    insertIfSet(QStringLiteral("instances"), capacity.instances);
    insertIfSet(QStringLiteral("tasksPerInstance"), capacity.tasksPerInstance);
    insertIfSet(QStringLiteral("clusters"), capacity.clusters);
    return json;
}

} // namespace

namespace {

std::atomic<quint64> evaluations{0};

} // namespace

quint64 costModelEvaluations()
{
    return evaluations.load(std::memory_order_relaxed);
}

Estimate estimateOption(const DeploymentOption& option, const Workload& workload,
                        const PriceBook& prices)
{
    evaluations.fetch_add(1, std::memory_order_relaxed);
    Estimate estimate;
    estimate.optionId = option.id;
    estimate.optionName = option.name;
    DetailedOutput out(estimate);
    costOption(option, workload, prices, out);
    if (workload.region != prices.region()) {
        estimate.notes.append(QStringLiteral("The workload is for %1 but these rates are for %2")
                                  .arg(workload.region, prices.region()));
    }
    if (estimate.feasible) {
        double total = 0;
        for (const LineItem& item : std::as_const(estimate.lineItems))
            total += item.amount;
        // The loaders bound every rate and quantity, so this is a last guard: an estimate is
        // feasible exactly when it has a total.
        if (std::isfinite(total))
            estimate.monthlyTotal = total;
        else
            out.infeasible([] {
                return QStringLiteral("The total is too large to compute: a rate or quantity is "
                                      "beyond any real bill");
            });
    }
    if (!estimate.feasible) {
        // A partial bill would read like a price; an infeasible option has none.
        estimate.lineItems.clear();
        estimate.capacity = {};
    }
    return estimate;
}

QList<Estimate> estimateAll(const Catalog& catalog, const Workload& workload,
                            const PriceBook& prices)
{
    QList<Estimate> estimates;
    estimates.reserve(catalog.options().size());
    for (const DeploymentOption& option : catalog.options())
        estimates.append(estimateOption(option, workload, prices));
    return estimates;
}

std::optional<double> estimateMonthlyTotal(const DeploymentOption& option, const Workload& workload,
                                           const PriceBook& prices)
{
    evaluations.fetch_add(1, std::memory_order_relaxed);
    TotalOnlyOutput out;
    costOption(option, workload, prices, out);
    return out.total();
}

QString lineItemRateText(const LineItem& item, const QString& currency)
{
    if (item.kind == LineItemKind::Discount)
        return formatGroupedNumber(item.rate * 100) + u'%';
    return moneyRate(item.rate, currency);
}

QString infeasibleReasonOf(const Estimate& estimate)
{
    return estimate.feasible ? QString() : estimate.notes.join(u' ');
}

QString lineItemKindId(LineItemKind kind)
{
    return QString::fromUtf16(lineItemKinds[static_cast<int>(kind)].id);
}

QString lineItemKindName(LineItemKind kind)
{
    return QCoreApplication::translate("LineItemKind", lineItemKinds[static_cast<int>(kind)].name);
}

QJsonObject estimateToJson(const Estimate& estimate)
{
    QJsonArray lineItems;
    for (const LineItem& item : estimate.lineItems) {
        lineItems.append(QJsonObject{{QStringLiteral("kind"), lineItemKindId(item.kind)},
                                     {QStringLiteral("label"), item.label},
                                     {QStringLiteral("quantity"), item.quantity},
                                     {QStringLiteral("unit"), item.unit},
                                     {QStringLiteral("rate"), item.rate},
                                     {QStringLiteral("amount"), item.amount}});
    }
    return QJsonObject{
        {QStringLiteral("option"), estimate.optionId},
        {QStringLiteral("name"), estimate.optionName},
        {QStringLiteral("feasible"), estimate.feasible},
        {QStringLiteral("monthlyTotal"),
         estimate.monthlyTotal ? QJsonValue(*estimate.monthlyTotal) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("lineItems"), lineItems},
        {QStringLiteral("capacity"), capacityToJson(estimate.capacity)},
        {QStringLiteral("notes"), QJsonArray::fromStringList(estimate.notes)},
    };
}

QJsonObject priceBookProvenanceJson(const PriceBook& prices)
{
    QJsonObject rateSources;
    for (const RateSource& source : prices.rateSources())
        rateSources.insert(source.group, source.url);
    return QJsonObject{{QStringLiteral("region"), prices.region()},
                       {QStringLiteral("currency"), prices.currency()},
                       {QStringLiteral("asOf"), prices.asOf()},
                       {QStringLiteral("source"), prices.sourceName()},
                       {QStringLiteral("rateSources"), rateSources}};
}

} // namespace ace
