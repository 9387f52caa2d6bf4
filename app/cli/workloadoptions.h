#pragma once

#include "cost/workload.h"

#include <QCommandLineOption>
#include <QList>

#include <optional>

class QCommandLineParser;
class QTextStream;

namespace ace {
class DataError;
class PriceBook;
} // namespace ace

namespace ace::cli {

// The options that describe a workload on the command line: a workload file, and quick
// overrides of its most used fields (without a file they apply to the defaults).
class WorkloadOptions
{
public:
    WorkloadOptions();

    void addTo(QCommandLineParser& parser) const;
    // The workload the options describe, validated like a file (errors name the file or
    // "command line" and the field), and for the price book's region. Prints why not and
    // returns nullopt when it is unusable.
    std::optional<Workload> read(const QCommandLineParser& parser, const PriceBook& prices,
                                 QTextStream& err) const;

private:
    // `error` in a field a quick setting set names the flag the user typed (--requests), not
    // the file format's field (requestsPerMonth).
    DataError namingTheFlag(const DataError& error, const QCommandLineParser& parser) const;

    QCommandLineOption m_file;
    QCommandLineOption m_requests;
    QCommandLineOption m_durationMs;
    QCommandLineOption m_memoryMb;
    QCommandLineOption m_architecture;
    QCommandLineOption m_noFreeTier;
};

} // namespace ace::cli
