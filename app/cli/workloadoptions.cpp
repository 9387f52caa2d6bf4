#include "cli/workloadoptions.h"

#include "cost/quantitytext.h"
#include "json/dataerror.h"
#include "pricing/pricebook.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace ace::cli {

namespace {
const QString commandLineSource = QStringLiteral("command line");
} // namespace

WorkloadOptions::WorkloadOptions()
    : m_file(QStringLiteral("workload"), {}, QStringLiteral("FILE"))
    , m_requests(QStringLiteral("requests"), {}, QStringLiteral("N"))
    , m_durationMs(QStringLiteral("duration-ms"), {}, QStringLiteral("MS"))
    , m_memoryMb(QStringLiteral("memory-mb"), {}, QStringLiteral("MB"))
    , m_architecture(QStringLiteral("architecture"), {}, QStringLiteral("ARCH"))
    , m_noFreeTier(QStringLiteral("no-free-tier"))
{}

void WorkloadOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({m_file, m_requests, m_durationMs, m_memoryMb, m_architecture, m_noFreeTier});
}

DataError WorkloadOptions::namingTheFlag(const DataError& error,
                                         const QCommandLineParser& parser) const
{
    // The workload fields the quick settings set, as the file format's errors locate them.
    const std::pair<const QCommandLineOption*, QLatin1String> fields[] = {
        {&m_requests, QLatin1String("requestsPerMonth")},
        {&m_durationMs, QLatin1String("avgDurationMs")},
        {&m_memoryMb, QLatin1String("function.memoryMb")},
        {&m_architecture, QLatin1String("architecture")},
    };
    if (error.file() != commandLineSource)
        return error;
    for (const auto& [option, location] : fields) {
        if (error.location() == location && parser.isSet(*option)) {
            return DataError(commandLineSource, QStringLiteral("--") + option->names().constFirst(),
                             error.message());
        }
    }
    return error;
}

std::optional<Workload> WorkloadOptions::read(const QCommandLineParser& parser,
                                              const PriceBook& prices, QTextStream& err) const
{
    const QString program = QCoreApplication::applicationName();
    try {
        const Workload base =
            parser.isSet(m_file) ? Workload::load(parser.value(m_file)) : Workload();
        // Overrides go through the file format, so they are validated exactly like a file.
        QJsonObject json = base.toJson();
        const auto setNumber = [&](const QCommandLineOption& option, const QString& key,
                                   QJsonObject& object) {
            if (!parser.isSet(option))
                return;
            const std::optional<double> value = parseQuantity(parser.value(option));
            if (!value) {
                throw DataError(commandLineSource,
                                QStringLiteral("--") + option.names().constFirst(),
                                QStringLiteral("\"%1\" is not a number (e.g. 3e6, 3M, 3,000,000)")
                                    .arg(parser.value(option)));
            }
            object.insert(key, *value);
        };
        setNumber(m_requests, QStringLiteral("requestsPerMonth"), json);
        setNumber(m_durationMs, QStringLiteral("avgDurationMs"), json);
        QJsonObject function = json.value(QStringLiteral("function")).toObject();
        setNumber(m_memoryMb, QStringLiteral("memoryMb"), function);
        json.insert(QStringLiteral("function"), function);
        if (parser.isSet(m_architecture))
            json.insert(QStringLiteral("architecture"), parser.value(m_architecture));
        if (parser.isSet(m_noFreeTier))
            json.insert(QStringLiteral("includeFreeTier"), false);
        // A workload changed by quick settings is no longer the one its name describes (the
        // defaults are named after a preset the user never chose): the name says what was
        // given, as it was typed.
        QStringList settings;
        for (const QCommandLineOption* option :
             {&m_requests, &m_durationMs, &m_memoryMb, &m_architecture, &m_noFreeTier}) {
            if (!parser.isSet(*option))
                continue;
            const QString flag = QStringLiteral("--") + option->names().constFirst();
            settings.append(option->valueName().isEmpty() ? flag
                                                          : flag + u' ' + parser.value(*option));
        }
        if (!settings.isEmpty()) {
            const QString given = settings.join(QStringLiteral(" "));
            json.insert(QStringLiteral("name"),
                        parser.isSet(m_file)
                            ? QStringLiteral("%1, with %2").arg(base.name, given)
                            : QStringLiteral("Default workload with %1").arg(given));
        }

        const bool overridden = json != base.toJson();
        const QString source =
            !overridden && parser.isSet(m_file) ? parser.value(m_file) : commandLineSource;
        const Workload workload = Workload::fromJson(json, source);
        if (workload.region != prices.region()) {
            throw DataError(source, QStringLiteral("region"),
                            QStringLiteral("\"%1\" has no prices here: %2 is for %3 (load "
                                           "another with --prices)")
                                .arg(workload.region, prices.sourceName(), prices.region()));
        }
        return workload;
    } catch (const DataError& error) {
        err << program << ": " << namingTheFlag(error, parser).toString() << Qt::endl;
        return std::nullopt;
    }
}

} // namespace ace::cli
