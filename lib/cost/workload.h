#pragma once

#include "pricing/numberrules.h"
#include "pricing/pricebook.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ace {

// The values each number of a workload may take: the file reader and the workload editor
// share them, so a value the editor accepts can be saved and read back. The bounds are where a
// value becomes a typo rather than a workload: they keep absurd inputs (a 10-year "month", a
// million-vCPU task) from producing confident-looking estimates.
struct WorkloadRules
{
    static const NumberRule requestsPerMonth;
    static const NumberRule avgDurationMs;
    static const NumberRule peakToAverage;
    static const NumberRule functionMemoryMb;
    static const NumberRule functionEphemeralStorageMb;
    static const NumberRule taskVcpu;
    static const NumberRule taskMemoryGb;
    static const NumberRule taskEphemeralStorageGb;
    static const NumberRule fixedCount; // tasks or instances, when not sized from the load
    static const NumberRule minimumCount;
    static const NumberRule concurrencyPerVcpu;
    static const NumberRule targetUtilization; // a fraction
    static const NumberRule hoursPerMonth;
    static const NumberRule clusters;
};

// What the user wants to run, in the file format of DESIGN.md §4. The defaults are the
// design's example: resizing an uploaded image, the classic Lambda case.
struct FunctionSettings
{
    double memoryMb = 1536;
    double ephemeralStorageMb = 512;

    friend bool operator==(const FunctionSettings& a, const FunctionSettings& b)
    {
        return a.memoryMb == b.memoryMb && a.ephemeralStorageMb == b.ephemeralStorageMb;
    }
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
    double hoursPerMonth = 730;

    friend bool operator==(const ContainerSettings& a, const ContainerSettings& b)
    {
        return a.vcpu == b.vcpu && a.memoryGb == b.memoryGb &&
               a.ephemeralStorageGb == b.ephemeralStorageGb && a.tasks == b.tasks &&
               a.minTasks == b.minTasks && a.concurrencyPerVcpu == b.concurrencyPerVcpu &&
               a.targetUtilization == b.targetUtilization && a.hoursPerMonth == b.hoursPerMonth;
    }
};

struct InstanceSettings
{
    QString type = QStringLiteral("m5.large");
    // A number fixes the instance count; nullopt sizes it from the load.
    std::optional<int> count;
    int minCount = 1;
    double hoursPerMonth = 730;

    friend bool operator==(const InstanceSettings& a, const InstanceSettings& b)
    {
        return a.type == b.type && a.count == b.count && a.minCount == b.minCount &&
               a.hoursPerMonth == b.hoursPerMonth;
    }
};

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

    // Reads a workload object strictly: unknown keys, wrong types, a format or version this
    // program does not read, and out-of-range values throw a DataError naming `fileName` and
    // the field's path. Absent fields take the defaults above. The instance type is checked
    // against a price book by the cost model, not here.
    static Workload fromJson(const QJsonObject& json, const QString& fileName);
    // Reads a workload file; `displayName` is how messages name it (defaults to `path`).
    static Workload load(const QString& path, const QString& displayName = {});

    // Every field, defaults included, so a saved file documents itself.
    QJsonObject toJson() const;
    // Writes the file atomically: on failure the previous file is left as it was and the
    // result is a message naming the file ("PATH: cannot write: REASON").
    [[nodiscard]] std::optional<QString> save(const QString& path) const;

    friend bool operator==(const Workload& a, const Workload& b)
    {
        return a.name == b.name && a.region == b.region &&
               a.requestsPerMonth == b.requestsPerMonth && a.avgDurationMs == b.avgDurationMs &&
               a.peakToAverage == b.peakToAverage && a.architecture == b.architecture &&
               a.includeFreeTier == b.includeFreeTier && a.function == b.function &&
               a.container == b.container && a.instance == b.instance && a.clusters == b.clusters;
    }
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
