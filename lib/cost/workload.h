#pragma once

#include "pricing/pricebook.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

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
