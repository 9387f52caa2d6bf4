#pragma once

#include "cost/workload.h"

#include <QCommandLineOption>
#include <QJsonObject>
#include <QList>

#include <functional>
#include <optional>
#include <vector>

class QCommandLineParser;
class QTextStream;

namespace ace {
class DataError;
class PriceBook;
class WorkloadField;
} // namespace ace

namespace ace::cli {

// The options that describe a workload on the command line: a workload file, and quick
// overrides of its most used fields (without a file they apply to the defaults).
class WorkloadOptions
{
public:
    WorkloadOptions();

    void addTo(QCommandLineParser& parser) const;
    // Whether the command line describes a workload at all (a file or a quick setting).
    bool anySet(const QCommandLineParser& parser) const;
    // The workload the options describe, validated like a file (errors name the file or
    // "command line" and the field), and for the price book's region. Prints why not and
    // returns nullopt when it is unusable.
    std::optional<Workload> read(const QCommandLineParser& parser, const PriceBook& prices,
                                 QTextStream& err) const;

private:
    // `error` in a field a quick setting set names the flag the user typed (--requests), not
    // the file format's field (requestsPerMonth).
    DataError namingTheFlag(const DataError& error, const QCommandLineParser& parser) const;

    // A quick setting: an option that sets one field of the workload file, and with it, where
    // one flag stands for several fields, the fields that follow from it.
    struct QuickSetting
    {
        QCommandLineOption option;
        const WorkloadField* field;
        // Sets the fields that follow from the value typed; empty for most settings.
        std::function<void(QJsonObject& file, const QString& typed)> alsoSets = {};
    };

    QCommandLineOption m_file;
    std::vector<QuickSetting> m_quickSettings;
};

} // namespace ace::cli
