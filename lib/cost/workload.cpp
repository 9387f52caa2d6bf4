// Reading, validating and writing workload files (DESIGN.md §4).
#include "cost/workload.h"

#include "json/jsonreader.h"
#include "pricing/numberrules.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <vector>

namespace ace {

namespace {
constexpr double maxCount = 100'000;
} // namespace

const NumberRule WorkloadRules::requestsPerMonth = NumberRule::between(0, 1e13);
const NumberRule WorkloadRules::avgDurationMs = NumberRule::aboveAndAtMost(0, 24 * 3600 * 1000.0);
const NumberRule WorkloadRules::peakToAverage = NumberRule::between(1, 1000);
const NumberRule WorkloadRules::functionMemoryMb = NumberRule::between(128, 10240).whole();
const NumberRule WorkloadRules::functionEphemeralStorageMb =
    NumberRule::between(512, 10240).whole();
const NumberRule WorkloadRules::taskVcpu = NumberRule::aboveAndAtMost(0, 192);
const NumberRule WorkloadRules::taskMemoryGb = NumberRule::aboveAndAtMost(0, 1024);
const NumberRule WorkloadRules::taskEphemeralStorageGb = NumberRule::between(20, 200);
const NumberRule WorkloadRules::fixedCount = NumberRule::between(1, maxCount).whole();
const NumberRule WorkloadRules::minimumCount = NumberRule::between(0, maxCount).whole();
const NumberRule WorkloadRules::concurrencyPerVcpu = NumberRule::aboveAndAtMost(0, maxCount);
const NumberRule WorkloadRules::targetUtilization = NumberRule::aboveAndAtMost(0, 1);
// 31 days.
const NumberRule WorkloadRules::hoursPerMonth = NumberRule::aboveAndAtMost(0, 744);
const NumberRule WorkloadRules::clusters = NumberRule::between(1, 100).whole();

namespace {

const QString workloadFormat = QStringLiteral("aws-compute-explorer/workload");
constexpr int workloadVersion = 1;

std::optional<int> readNullableCount(JsonObjectReader& reader, const QString& key,
                                     std::optional<int> fallback)
{
    const std::optional<double> value = reader.nullableNumber(
        key, fallback ? std::optional<double>(*fallback) : std::optional<double>());
    if (!value)
        return std::nullopt;
    requireNumber(*value, WorkloadRules::fixedCount, reader.locationOf(key));
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
                                   WorkloadRules::functionMemoryMb);
    function.ephemeralStorageMb =
        readNumber(reader, QStringLiteral("ephemeralStorageMb"), defaults.ephemeralStorageMb,
                   WorkloadRules::functionEphemeralStorageMb);
    reader.finish();
    return function;
}

ContainerSettings readContainer(JsonObjectReader& reader, const ContainerSettings& defaults)
{
    ContainerSettings container;
    container.vcpu =
        readNumber(reader, QStringLiteral("vcpu"), defaults.vcpu, WorkloadRules::taskVcpu);
    container.memoryGb = readNumber(reader, QStringLiteral("memoryGb"), defaults.memoryGb,
                                    WorkloadRules::taskMemoryGb);
    container.ephemeralStorageGb =
        readNumber(reader, QStringLiteral("ephemeralStorageGb"), defaults.ephemeralStorageGb,
                   WorkloadRules::taskEphemeralStorageGb);
    container.tasks = readNullableCount(reader, QStringLiteral("tasks"), defaults.tasks);
    container.minTasks = readCount(reader, QStringLiteral("minTasks"), defaults.minTasks,
                                   WorkloadRules::minimumCount);
    container.concurrencyPerVcpu =
        readNumber(reader, QStringLiteral("concurrencyPerVcpu"), defaults.concurrencyPerVcpu,
                   WorkloadRules::concurrencyPerVcpu);
    container.targetUtilization =
        readNumber(reader, QStringLiteral("targetUtilization"), defaults.targetUtilization,
                   WorkloadRules::targetUtilization);
    container.hoursPerMonth = readNumber(reader, QStringLiteral("hoursPerMonth"),
                                         defaults.hoursPerMonth, WorkloadRules::hoursPerMonth);
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
    instance.minCount = readCount(reader, QStringLiteral("minCount"), defaults.minCount,
                                  WorkloadRules::minimumCount);
    instance.hoursPerMonth = readNumber(reader, QStringLiteral("hoursPerMonth"),
                                        defaults.hoursPerMonth, WorkloadRules::hoursPerMonth);
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
                   WorkloadRules::requestsPerMonth);
    workload.avgDurationMs = readNumber(reader, QStringLiteral("avgDurationMs"),
                                        defaults.avgDurationMs, WorkloadRules::avgDurationMs);
    workload.peakToAverage = readNumber(reader, QStringLiteral("peakToAverage"),
                                        defaults.peakToAverage, WorkloadRules::peakToAverage);
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
    workload.clusters =
        readCount(reader, QStringLiteral("clusters"), defaults.clusters, WorkloadRules::clusters);
    reader.finish();
    return workload;
}

Workload Workload::load(const QString& path, const QString& displayName)
{
    const QString name = displayName.isEmpty() ? path : displayName;
    return fromJson(readJsonObjectFile(path, name), name);
}

namespace {

// A member of a workload file. QJsonObject sorts its keys; a saved file reads best in the
// documented order (DESIGN.md §4), format and version first, so the order is kept here.
struct Member
{
    QString key;
    QJsonValue value;            // a number, string, boolean or null
    std::vector<Member> members; // instead, a nested object
};

std::vector<Member> membersOf(const Workload& workload)
{
    const FunctionSettings& function = workload.function;
    const ContainerSettings& container = workload.container;
    const InstanceSettings& instance = workload.instance;
    return {
        {QStringLiteral("format"), workloadFormat, {}},
        {QStringLiteral("version"), workloadVersion, {}},
        {QStringLiteral("name"), workload.name, {}},
        {QStringLiteral("region"), workload.region, {}},
        {QStringLiteral("requestsPerMonth"), workload.requestsPerMonth, {}},
        {QStringLiteral("avgDurationMs"), workload.avgDurationMs, {}},
        {QStringLiteral("peakToAverage"), workload.peakToAverage, {}},
        {QStringLiteral("architecture"), architectureId(workload.architecture), {}},
        {QStringLiteral("includeFreeTier"), workload.includeFreeTier, {}},
        {QStringLiteral("function"),
         {},
         {{QStringLiteral("memoryMb"), function.memoryMb, {}},
          {QStringLiteral("ephemeralStorageMb"), function.ephemeralStorageMb, {}}}},
        {QStringLiteral("container"),
         {},
         {{QStringLiteral("vcpu"), container.vcpu, {}},
          {QStringLiteral("memoryGb"), container.memoryGb, {}},
          {QStringLiteral("ephemeralStorageGb"), container.ephemeralStorageGb, {}},
          {QStringLiteral("tasks"), nullableCount(container.tasks), {}},
          {QStringLiteral("minTasks"), container.minTasks, {}},
          {QStringLiteral("concurrencyPerVcpu"), container.concurrencyPerVcpu, {}},
          {QStringLiteral("targetUtilization"), container.targetUtilization, {}},
          {QStringLiteral("hoursPerMonth"), container.hoursPerMonth, {}}}},
        {QStringLiteral("instance"),
         {},
         {{QStringLiteral("type"), instance.type, {}},
          {QStringLiteral("count"), nullableCount(instance.count), {}},
          {QStringLiteral("minCount"), instance.minCount, {}},
          {QStringLiteral("hoursPerMonth"), instance.hoursPerMonth, {}}}},
        {QStringLiteral("clusters"), workload.clusters, {}},
    };
}

QJsonObject objectOf(const std::vector<Member>& members)
{
    QJsonObject object;
    for (const Member& member : members)
        object.insert(member.key, member.members.empty() ? member.value : objectOf(member.members));
    return object;
}

// Indented as QJsonDocument indents, with the members in their order.
void writeObject(QByteArray& text, const std::vector<Member>& members, int depth)
{
    const QByteArray indent((depth + 1) * 4, ' ');
    text += "{\n";
    for (std::size_t i = 0; i < members.size(); ++i) {
        const Member& member = members[i];
        // A one-element array formats the value as QJsonDocument does (escapes, numbers).
        const QByteArray key = QJsonDocument(QJsonArray{member.key}).toJson(QJsonDocument::Compact);
        text += indent + key.mid(1, key.size() - 2) + ": ";
        if (member.members.empty()) {
            const QByteArray value =
                QJsonDocument(QJsonArray{member.value}).toJson(QJsonDocument::Compact);
            text += value.mid(1, value.size() - 2);
        } else {
            writeObject(text, member.members, depth + 1);
        }
        text += i + 1 < members.size() ? ",\n" : "\n";
    }
    text += QByteArray(depth * 4, ' ') + '}';
}

} // namespace

QJsonObject Workload::toJson() const
{
    return objectOf(membersOf(*this));
}

std::optional<QString> Workload::save(const QString& path) const
{
    QSaveFile file(path);
    const auto failure = [&path, &file]() -> std::optional<QString> {
        return path + QStringLiteral(": cannot write: ") + file.errorString();
    };
    if (!file.open(QIODevice::WriteOnly))
        return failure();
    QByteArray data;
    writeObject(data, membersOf(*this), 0);
    data += '\n';
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
