#include "cli/workloadoptions.h"

#include "cli/texttable.h"
#include "cost/quantitytext.h"
#include "cost/workloadfields.h"
#include "json/dataerror.h"
#include "pricing/pricebook.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <algorithm>

namespace ace::cli {

namespace {

const QString commandLineSource = QStringLiteral("command line");

QString flagOf(const QCommandLineOption& option)
{
    return QStringLiteral("--") + option.names().constFirst();
}

// The value a quick setting puts into the workload file, for the file reader to check like
// any file's value.
QJsonValue fileValueOf(const QCommandLineOption& option, const WorkloadField& field,
                       const QCommandLineParser& parser)
{
    // A switch (--no-free-tier) turns its field off.
    if (option.valueName().isEmpty())
        return false;
    const QString typed = parser.value(option);
    if (!dynamic_cast<const WorkloadNumberField*>(&field))
        return typed;
    const std::optional<double> value = parseQuantity(typed);
    if (!value) {
        throw DataError(
            commandLineSource, flagOf(option),
            QStringLiteral("\"%1\" is not a number (e.g. 3e6, 3M, 3,000,000)").arg(typed));
    }
    return *value;
}

void setInFile(QJsonObject& file, const WorkloadField& field, const QJsonValue& value)
{
    if (field.group().isEmpty()) {
        file.insert(field.member(), value);
        return;
    }
    QJsonObject group = file.value(field.group()).toObject();
    group.insert(field.member(), value);
    file.insert(field.group(), group);
}

// --door names the door in front of Lambda; the other options get the same door when it can
// stand in front of them (none, alb), and a load balancer when it cannot (a function URL or
// API Gateway), each in place of a door of its own from the file.
void setTheOtherOptionsDoors(QJsonObject& file, const QString& typed)
{
    const std::optional<RequestDoor> door = requestDoorFromId(typed);
    if (!door)
        return; // the file reader refuses the Lambda door, naming --door
    const RequestDoor othersDoor = doorFits(*door, false) ? *door : RequestDoor::Alb;
    setInFile(file, workloadField(&Workload::requestPath, &RequestPathSettings::defaultDoor),
              requestDoorId(othersDoor));
    for (const RequestPathOption& option : requestPathOptions()) {
        if (!option.lambda)
            setInFile(file, workloadField(&Workload::requestPath, option.door), QJsonValue::Null);
    }
}

} // namespace

WorkloadOptions::WorkloadOptions()
    : m_file(QStringLiteral("workload"), {}, QStringLiteral("FILE"))
    , m_quickSettings{
          {QCommandLineOption(QStringLiteral("requests"), {}, QStringLiteral("N")),
           &workloadField(&Workload::requestsPerMonth)},
          {QCommandLineOption(QStringLiteral("duration-ms"), {}, QStringLiteral("MS")),
           &workloadField(&Workload::avgDurationMs)},
          {QCommandLineOption(QStringLiteral("memory-mb"), {}, QStringLiteral("MB")),
           &workloadField(&Workload::function, &FunctionSettings::memoryMb)},
          {QCommandLineOption(QStringLiteral("architecture"), {}, QStringLiteral("ARCH")),
           &workloadField(&Workload::architecture)},
          {QCommandLineOption(QStringLiteral("no-free-tier")),
           &workloadField(&Workload::includeFreeTier)},
          {QCommandLineOption(QStringLiteral("door"), {}, QStringLiteral("DOOR")),
           &workloadField(&Workload::requestPath, &RequestPathSettings::lambda),
           setTheOtherOptionsDoors},
          {QCommandLineOption(QStringLiteral("response-kb"), {}, QStringLiteral("KB")),
           &workloadField(&Workload::traffic, &TrafficSettings::avgResponseKb)},
      }
{}

void WorkloadOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOption(m_file);
    for (const QuickSetting& setting : m_quickSettings)
        parser.addOption(setting.option);
}

DataError WorkloadOptions::namingTheFlag(const DataError& error,
                                         const QCommandLineParser& parser) const
{
    if (error.file() != commandLineSource)
        return error;
    for (const QuickSetting& setting : m_quickSettings) {
        if (error.location() == setting.field->key() && parser.isSet(setting.option))
            return DataError(commandLineSource, flagOf(setting.option), error.message());
    }
    return error;
}

bool WorkloadOptions::anySet(const QCommandLineParser& parser) const
{
    return parser.isSet(m_file) || std::any_of(m_quickSettings.cbegin(), m_quickSettings.cend(),
                                               [&parser](const QuickSetting& setting) {
                                                   return parser.isSet(setting.option);
                                               });
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
        // A workload changed by quick settings is no longer the one its name describes (the
        // defaults are named after a preset the user never chose): the name says what was
        // given, as it was typed.
        QStringList given;
        for (const QuickSetting& setting : m_quickSettings) {
            const QCommandLineOption& option = setting.option;
            if (!parser.isSet(option))
                continue;
            setInFile(json, *setting.field, fileValueOf(option, *setting.field, parser));
            if (setting.alsoSets)
                setting.alsoSets(json, parser.value(option));
            given.append(option.valueName().isEmpty()
                             ? flagOf(option)
                             : flagOf(option) + u' ' + parser.value(option));
        }
        if (!given.isEmpty()) {
            const QString settings = given.join(u' ');
            setInFile(json, workloadField(&Workload::name),
                      parser.isSet(m_file)
                          ? QStringLiteral("%1, with %2").arg(base.name, settings)
                          : QStringLiteral("Default workload with %1").arg(settings));
        }

        const bool overridden = json != base.toJson();
        const QString source =
            !overridden && parser.isSet(m_file) ? parser.value(m_file) : commandLineSource;
        const Workload workload = Workload::fromJson(json, source);
        if (workload.region != prices.region()) {
            throw DataError(source, workloadField(&Workload::region).key(),
                            QStringLiteral("\"%1\" has no prices here: %2 is for %3 (load "
                                           "another with --prices)")
                                .arg(workload.region, prices.sourceName(), prices.region()));
        }
        return workload;
    } catch (const DataError& error) {
        err << program << ": " << terminalText(namingTheFlag(error, parser).toString()) << Qt::endl;
        return std::nullopt;
    }
}

} // namespace ace::cli
