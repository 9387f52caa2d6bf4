#pragma once

#include "pricing/pricebook.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace ace {

// AWS's calculators count a month as 730 hours; capacity that exists all month (an EKS
// cluster, an always-on task or instance) is billed for that many, and average request rates
// are spread over it.
constexpr double hoursInAMonth = 730;

// What the user wants to run, in the file format of DESIGN.md §4. The members' initializers
// are the defaults: the design's example, resizing an uploaded image, the classic Lambda
// case. Each member has a row in the table of workloadFields() (cost/workloadfields.h), which
// reads, writes and compares it.
struct FunctionSettings
{
    double memoryMb = 1536;
    double ephemeralStorageMb = 512;
};

struct ContainerSettings
{
    double vcpu = 1;
    double memoryGb = 2;
    double ephemeralStorageGb = 20;
    // A number fixes the task count; nullopt sizes it from the load.
    std::optional<int> tasks;
    int minTasks = 1;
    double concurrencyPerVcpu = 1;
    double targetUtilization = 0.7;
    double hoursPerMonth = hoursInAMonth;
};

struct InstanceSettings
{
    QString type = QStringLiteral("m5.large");
    // A number fixes the instance count; nullopt sizes it from the load.
    std::optional<int> count;
    int minCount = 1;
    double hoursPerMonth = hoursInAMonth;
};

// What receives each request in front of an option's compute (DESIGN.md §6): nothing (the
// requests reach the option some other way: a queue, a schedule, an upload event), a Lambda
// function URL, an API Gateway HTTP or REST API, or an Application Load Balancer.
enum class RequestDoor { None, FunctionUrl, ApiGatewayHttp, ApiGatewayRest, Alb };

QString requestDoorId(RequestDoor door); // "none", "function-url", "api-gateway-http", ...
std::optional<RequestDoor> requestDoorFromId(const QString& id);
QString knownRequestDoorIds(); // for messages: "none, function-url, ..."
// Whether `door` can stand in front of an option: function URLs and API Gateway only in front
// of Lambda (containers behind API Gateway need a VPC link and a load balancer, which the
// model leaves out); a load balancer, or nothing, in front of any option.
bool doorFits(RequestDoor door, bool lambdaOption);

struct RequestPathSettings
{
    // The door of every option without one of its own below.
    RequestDoor defaultDoor = RequestDoor::None;
    // The doors of the built-in deployment options, by option id (requestPathOptions());
    // nullopt takes the default. Options of another catalog take the default.
    std::optional<RequestDoor> ec2;
    std::optional<RequestDoor> ecsEc2;
    std::optional<RequestDoor> eksEc2;
    std::optional<RequestDoor> ecsFargate;
    std::optional<RequestDoor> eksFargate;
    std::optional<RequestDoor> lambda;
    // Rules a load balancer evaluates for each request (AWS counts the first 10 free).
    int albRulesPerRequest = 10;

    // The door in front of the option `optionId`.
    RequestDoor doorOf(const QString& optionId) const;
};

// An option id of the built-in catalog with its own door, and where that door is kept.
struct RequestPathOption
{
    QStringView optionId;
    std::optional<RequestDoor> RequestPathSettings::*door;
    bool lambda; // whether the option runs on Lambda (doorFits)
};
// Every option id with a door of its own, in catalog order.
const std::vector<RequestPathOption>& requestPathOptions();

// The size of what goes in and out with each request, for the request path and data transfer.
// KB are 1,024 bytes and GB 1,024³ bytes, as AWS bills data.
struct TrafficSettings
{
    double avgRequestKb = 1;
    // 0 (the default) sends nothing back out to the internet: no data transfer is billed.
    double avgResponseKb = 0;
    // Requests each new connection carries (keep-alive), for a load balancer's connections.
    double requestsPerConnection = 1;
};

// How the capacity of a kind is bought. The discount is the user's own rate: AWS publishes
// only the most each kind gives (maxDiscountPercent), not a rate per instance or term.
enum class PurchaseKind { OnDemand, SavingsPlan, Spot, Reserved };

QString purchaseKindId(PurchaseKind kind); // "on-demand", "savings-plan", "spot", "reserved"
std::optional<PurchaseKind> purchaseKindFromId(const QString& id);
QString knownPurchaseKindIds();

// What a purchase applies to: EC2 instances (also under ECS and EKS), Fargate, Lambda.
enum class CapacityFamily { Ec2, Fargate, Lambda };

struct Purchase
{
    PurchaseKind kind = PurchaseKind::OnDemand;
    double discountPercent = 0; // off the on-demand compute rate
};

struct PurchaseSettings
{
    Purchase ec2;
    Purchase fargate;
    Purchase lambda;

    const Purchase& of(CapacityFamily family) const;
};

// The most AWS publishes off on-demand for `kind` on `family` ("up to": EC2 Savings Plans and
// Reserved Instances 72 %, Spot 90 %; Fargate Savings Plans 50 %, Spot 70 %; Lambda Savings
// Plans 17 %; on-demand 0), or nullopt when AWS does not sell that kind for it (Reserved
// Instances are EC2's alone; there is no Lambda Spot).
std::optional<double> maxDiscountPercent(CapacityFamily family, PurchaseKind kind);
// The kind of purchase that gives `family` the most (Spot for EC2 and Fargate, Savings Plans
// for Lambda), and that most: the limit of a discount whatever its kind.
PurchaseKind mostDiscountedKind(CapacityFamily family);

// Whether the EKS clusters are in standard support ($0.10 a cluster-hour) or, once their
// Kubernetes version is older than 14 months, extended support ($0.60 in all).
enum class EksSupport { Standard, Extended };

QString eksSupportId(EksSupport support); // "standard", "extended"
std::optional<EksSupport> eksSupportFromId(const QString& id);
QString knownEksSupportIds();

struct Workload
{
    QString name = QStringLiteral("Resize an image when it is uploaded");
    QString region = QStringLiteral("us-east-1");
    double requestsPerMonth = 3'000'000;
    double avgDurationMs = 120;
    double peakToAverage = 3;
    Architecture architecture = Architecture::X86_64;
    bool includeFreeTier = true;
    FunctionSettings function;
    ContainerSettings container;
    InstanceSettings instance;
    int clusters = 1;
    // Version 2 of the file: the whole bill. The defaults leave them out of it (no door, no
    // response sent out, on demand, standard support), so a version-1 file costs what it did.
    RequestPathSettings requestPath;
    TrafficSettings traffic;
    PurchaseSettings purchase;
    EksSupport eksSupport = EksSupport::Standard;

    // Reads a workload object strictly: unknown keys, wrong types, a format or version this
    // program does not read, a field newer than the file's version, out-of-range values, a
    // door that does not fit its option and a discount above what its kind gives throw a
    // DataError naming `fileName` and the field's path. Absent fields take the defaults above.
    // The instance type is checked against a price book by the cost model, not here.
    static Workload fromJson(const QJsonObject& json, const QString& fileName);
    // Reads a workload file; `displayName` is how messages name it (defaults to `path`).
    static Workload load(const QString& path, const QString& displayName = {});

    // Every field, defaults included, so a saved file documents itself.
    QJsonObject toJson() const;
    // Writes the file atomically: on failure the previous file is left as it was and the
    // result is a message naming the file ("PATH: cannot write: REASON").
    [[nodiscard]] std::optional<QString> save(const QString& path) const;

    // Field by field through workloadFields(), the table that reads and writes the file, so
    // that no field can be left out of the comparison: a hand list of members is where a new
    // field gets forgotten, and a field missing from the table is missing from the file too,
    // which the round-trip test over every key of the format finds.
    friend bool operator==(const Workload& a, const Workload& b);
    friend bool operator!=(const Workload& a, const Workload& b) { return !(a == b); }
};

// A workload shipped with the program, under :/data/presets/.
struct WorkloadPreset
{
    QString id;   // the file's base name, e.g. "image-resize"
    QString name; // the workload's name, e.g. "Resize an image when it is uploaded"
    QString path; // the resource path, loadable with Workload::load
};

// The built-in presets, ordered by id.
QList<WorkloadPreset> builtInWorkloadPresets();

} // namespace ace
