// Reading, validating and writing workload files (DESIGN.md §4).
#include "cost/workload.h"

#include "json/jsonreader.h"
#include "pricing/numberrules.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace ace {

namespace {

const QString workloadFormat = QStringLiteral("aws-compute-explorer/workload");
constexpr int workloadVersion = 1;

// Bounds beyond which a value is a typo rather than a workload: they keep absurd inputs
// (a 10-year "month", a million-vCPU task) from producing confident-looking estimates.
constexpr double maxRequestsPerMonth = 1e13;
constexpr double maxDurationMs = 24 * 3600 * 1000.0;
constexpr double maxPeakToAverage = 1000;
constexpr double maxHoursPerMonth = 744; // 31 days
constexpr double maxTaskVcpu = 192;
constexpr double maxTaskMemoryGb = 1024;
constexpr double maxCount = 100'000;
constexpr double maxClusters = 100;

const NumberRule hoursInAMonth = NumberRule::aboveAndAtMost(0, maxHoursPerMonth);
const NumberRule count = NumberRule::between(1, maxCount).whole();
const NumberRule minimumCount = NumberRule::between(0, maxCount).whole();

std::optional<int> readNullableCount(JsonObjectReader& reader, const QString& key,
                                     std::optional<int> fallback)
{
    const std::optional<double> value = reader.nullableNumber(
        key, fallback ? std::optional<double>(*fallback) : std::optional<double>());
    if (!value)
        return std::nullopt;
    requireNumber(*value, count, reader.locationOf(key));
    return static_cast<int>(*value);
}

int readCount(JsonObjectReader& reader, const QString& key, int fallback, const NumberRule& rule)
{
    return static_cast<int>(readNumber(reader, key, fallback, rule));
}

FunctionSettings readFunction(JsonObjectReader& reader, const FunctionSettings& defaults)
{
    FunctionSettings function;
    function.memoryMb = readNumber(reader, QStringLiteral("memoryMb"), defaults.memoryMb,
                                   NumberRule::between(128, 10240).whole());
    function.ephemeralStorageMb =
        readNumber(reader, QStringLiteral("ephemeralStorageMb"), defaults.ephemeralStorageMb,
                   NumberRule::between(512, 10240).whole());
    reader.finish();
    return function;
}

ContainerSettings readContainer(JsonObjectReader& reader, const ContainerSettings& defaults)
{
    ContainerSettings container;
    container.vcpu = readNumber(reader, QStringLiteral("vcpu"), defaults.vcpu,
                                NumberRule::aboveAndAtMost(0, maxTaskVcpu));
    container.memoryGb = readNumber(reader, QStringLiteral("memoryGb"), defaults.memoryGb,
                                    NumberRule::aboveAndAtMost(0, maxTaskMemoryGb));
    container.ephemeralStorageGb =
        readNumber(reader, QStringLiteral("ephemeralStorageGb"), defaults.ephemeralStorageGb,
                   NumberRule::between(20, 200));
    container.tasks = readNullableCount(reader, QStringLiteral("tasks"), defaults.tasks);
    container.minTasks =
        readCount(reader, QStringLiteral("minTasks"), defaults.minTasks, minimumCount);
    container.concurrencyPerVcpu =
        readNumber(reader, QStringLiteral("concurrencyPerVcpu"), defaults.concurrencyPerVcpu,
                   NumberRule::aboveAndAtMost(0, maxCount));
    container.targetUtilization =
        readNumber(reader, QStringLiteral("targetUtilization"), defaults.targetUtilization,
                   NumberRule::aboveAndAtMost(0, 1));
    container.hoursPerMonth =
        readNumber(reader, QStringLiteral("hoursPerMonth"), defaults.hoursPerMonth, hoursInAMonth);
    reader.finish();
    return container;
}

InstanceSettings readInstance(JsonObjectReader& reader, const InstanceSettings& defaults)
{
    InstanceSettings instance;
    instance.type = reader.string(QStringLiteral("type"), defaults.type);
    if (instance.type.isEmpty())
        reader.locationOf(QStringLiteral("type")).fail(QStringLiteral("must not be empty"));
    instance.count = readNullableCount(reader, QStringLiteral("count"), defaults.count);
    instance.minCount =
        readCount(reader, QStringLiteral("minCount"), defaults.minCount, minimumCount);
    instance.hoursPerMonth =
        readNumber(reader, QStringLiteral("hoursPerMonth"), defaults.hoursPerMonth, hoursInAMonth);
    reader.finish();
    return instance;
}

QJsonValue nullableCount(const std::optional<int>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

Workload Workload::fromJson(const QJsonObject& json, const QString& fileName)
{
    JsonObjectReader reader(json, JsonLocation(fileName));
    readFormatHeader(reader, workloadFormat, workloadVersion);
    const Workload defaults;
    Workload workload;
    workload.name = reader.string(QStringLiteral("name"), defaults.name);
    workload.region = reader.string(QStringLiteral("region"), defaults.region);
    if (workload.region.isEmpty())
        reader.locationOf(QStringLiteral("region")).fail(QStringLiteral("must not be empty"));
    workload.requestsPerMonth =
        readNumber(reader, QStringLiteral("requestsPerMonth"), defaults.requestsPerMonth,
                   NumberRule::between(0, maxRequestsPerMonth));
    workload.avgDurationMs =
        readNumber(reader, QStringLiteral("avgDurationMs"), defaults.avgDurationMs,
                   NumberRule::aboveAndAtMost(0, maxDurationMs));
    workload.peakToAverage =
        readNumber(reader, QStringLiteral("peakToAverage"), defaults.peakToAverage,
                   NumberRule::between(1, maxPeakToAverage));
    const QString architecture =
        reader.string(QStringLiteral("architecture"), architectureId(defaults.architecture));
    const auto knownArchitecture = architectureFromId(architecture);
    if (!knownArchitecture) {
        reader.locationOf(QStringLiteral("architecture"))
            .fail(QStringLiteral("\"%1\" is not one of %2")
                      .arg(architecture, knownArchitectureIds()));
    }
    workload.architecture = *knownArchitecture;
    workload.includeFreeTier =
        reader.boolean(QStringLiteral("includeFreeTier"), defaults.includeFreeTier);
    if (auto function = reader.optionalObject(QStringLiteral("function")))
        workload.function = readFunction(*function, defaults.function);
    if (auto container = reader.optionalObject(QStringLiteral("container")))
        workload.container = readContainer(*container, defaults.container);
    if (auto instance = reader.optionalObject(QStringLiteral("instance")))
        workload.instance = readInstance(*instance, defaults.instance);
    workload.clusters = readCount(reader, QStringLiteral("clusters"), defaults.clusters,
                                  NumberRule::between(1, maxClusters).whole());
    reader.finish();
    return workload;
}

Workload Workload::load(const QString& path, const QString& displayName)
{
    const QString name = displayName.isEmpty() ? path : displayName;
    return fromJson(readJsonObjectFile(path, name), name);
}

QJsonObject Workload::toJson() const
{
    return QJsonObject{
        {QStringLiteral("format"), workloadFormat},
        {QStringLiteral("version"), workloadVersion},
        {QStringLiteral("name"), name},
        {QStringLiteral("region"), region},
        {QStringLiteral("requestsPerMonth"), requestsPerMonth},
        {QStringLiteral("avgDurationMs"), avgDurationMs},
        {QStringLiteral("peakToAverage"), peakToAverage},
        {QStringLiteral("architecture"), architectureId(architecture)},
        {QStringLiteral("includeFreeTier"), includeFreeTier},
        {QStringLiteral("function"),
         QJsonObject{{QStringLiteral("memoryMb"), function.memoryMb},
                     {QStringLiteral("ephemeralStorageMb"), function.ephemeralStorageMb}}},
        {QStringLiteral("container"),
         QJsonObject{{QStringLiteral("vcpu"), container.vcpu},
                     {QStringLiteral("memoryGb"), container.memoryGb},
                     {QStringLiteral("ephemeralStorageGb"), container.ephemeralStorageGb},
                     {QStringLiteral("tasks"), nullableCount(container.tasks)},
                     {QStringLiteral("minTasks"), container.minTasks},
                     {QStringLiteral("concurrencyPerVcpu"), container.concurrencyPerVcpu},
                     {QStringLiteral("targetUtilization"), container.targetUtilization},
                     {QStringLiteral("hoursPerMonth"), container.hoursPerMonth}}},
        {QStringLiteral("instance"),
         QJsonObject{{QStringLiteral("type"), instance.type},
                     {QStringLiteral("count"), nullableCount(instance.count)},
                     {QStringLiteral("minCount"), instance.minCount},
                     {QStringLiteral("hoursPerMonth"), instance.hoursPerMonth}}},
        {QStringLiteral("clusters"), clusters},
    };
}

std::optional<QString> Workload::save(const QString& path) const
{
    QSaveFile file(path);
    const auto failure = [&path, &file]() -> std::optional<QString> {
        return path + QStringLiteral(": cannot write: ") + file.errorString();
    };
    if (!file.open(QIODevice::WriteOnly))
        return failure();
    const QByteArray data = QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
    if (file.write(data) != data.size())
        return failure();
    if (!file.commit())
        return failure();
    return std::nullopt;
}

QList<WorkloadPreset> builtInWorkloadPresets()
{
    const QDir folder(QStringLiteral(":/data/presets"));
    QList<WorkloadPreset> presets;
    for (const QFileInfo& file :
         folder.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = file.filePath();
        presets.append(
            {file.completeBaseName(),
             Workload::load(path, QStringLiteral("built-in presets/") + file.fileName()).name,
             path});
    }
    return presets;
}

} // namespace ace
