#include "cli/commandline.h"

#include "advisor/advicerules.h"
#include "advisor/answers.h"
#include "catalog/catalog.h"
#include "cli/advisecommand.h"
#include "cli/costcommands.h"
#include "cli/exportcommand.h"
#include "cli/listcommand.h"
#include "cli/optionvalues.h"
#include "cli/pricescommand.h"
#include "cli/texttable.h"
#include "cost/workload.h"
#include "export/imagefile.h"
#include "json/dataerror.h"
#include "models/comparisonmodel.h"
#include "pricing/pricebook.h"
#include "pricing/pricebooks.h"
#include "ui/application.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QHash>
#include <QTextStream>

#include <cstdio>
#include <optional>

namespace ace::cli {

namespace {

const QString programName = QStringLiteral("aws-compute-explorer");

// What the image suffixes --screenshot writes: QImageWriter takes more, these are promised.
const QString screenshotSuffixes = QStringLiteral(".png, .jpg or .bmp");

QString usageText()
{
    return QStringLiteral(
               "Usage:\n"
               "  %1 [--catalog FILE] [--prices FILE | --region REGION] [--workload FILE]\n"
               "      [--select ID] [--compare A,B] [--theme light|dark] [--size WxH]\n"
               "      [--advice FILE] [--answers FILE]\n"
               "                               start the GUI (--answers: with the advisor open)\n"
               "  %1 --screenshot FILE [--size WxH] [--select ID] [--compare A,B]\n"
               "      [--theme light|dark] [--workload FILE]\n"
               "                               render the main window to FILE (%2) and exit\n"
               "  %1 list [--json]\n"
               "                               services, deployment options, how they layer and\n"
               "                               who manages each layer\n"
               "  %1 cost [WORKLOAD] [--option ID]... [--json|--csv]\n"
               "                               monthly cost of each option for a workload\n"
               "  %1 breakeven [WORKLOAD] [--json]\n"
               "                               request volumes where the cheapest option changes\n"
               "  %1 export --view stack|responsibility|cost|compare -o FILE [WORKLOAD]\n"
               "      [--select ID] [--compare A,B] [--scale N | --width W --height H]\n"
               "      [--transparent] [--theme light|dark]\n"
               "                               write a view as a figure: PNG, SVG or PDF by\n"
               "                               FILE's suffix; --scale 1 to 4, or exact pixels\n"
               "  %1 prices import --region REGION FILE... [-o OUT.json]\n"
               "                               AWS Price List offer files (CSV or JSON) to a\n"
               "                               price book for REGION; without -o into the\n"
               "                               imported price books, where --region finds it\n"
               "  %1 prices download --region REGION [--offers A,B] [--endpoint URL]\n"
               "                               the current Price List files of REGION from AWS\n"
               "                               (kept in the cache, reused while their version\n"
               "                               is unchanged), imported as prices import does\n"
               "  %1 advise --answers FILE [WORKLOAD] [--json|--markdown]\n"
               "                               the deployment options ranked for your answers\n"
               "                               (and the workload's monthly costs), each with\n"
               "                               its reasons; options a hard limit rules out last\n"
               "  %1 prices list [--json]\n"
               "                               the built-in and imported price books: region,\n"
               "                               dates and where each rate comes from\n"
               "  %1 --help | --version\n"
               "\n"
               "WORKLOAD is --workload FILE (a workload saved by the window, or a preset) and/or\n"
               "quick settings:\n"
               "  --requests N --duration-ms MS --memory-mb MB --architecture x86_64|arm64\n"
               "  --no-free-tier   (N accepts 3000000, 3,000,000, 3e6 or 3M)\n"
               "  --response-kb KB the average response sent out to the internet, in KB\n"
               "  --door DOOR      what receives each request in front of Lambda: none,\n"
               "                   function-url, api-gateway-http, api-gateway-rest or alb;\n"
               "                   with function-url or an api-gateway door every other\n"
               "                   option gets an ALB, with alb or none every option gets DOOR\n"
               "\n"
               "Options (global ones go before the command):\n"
               "  --catalog FILE   use this catalog instead of the built-in one\n"
               "  --advice FILE    use these advisor questions, rules and weights instead of\n"
               "                   the built-in ones\n"
               "  --prices FILE    use this price book instead of the built-in us-east-1 one\n"
               "  --region REGION  use the price book of REGION (imported, or the built-in\n"
               "                   us-east-1 one); see prices list\n"
               "  --select ID      select (highlight) this deployment option or service\n"
               "  --compare A,B    compare two deployment options or services side by side\n"
               "                   (the export view compare needs it), e.g. lambda,ecs-fargate\n"
               "                   or ecs,eks; a service compares through one of its options\n"
               "  --theme THEME    light or dark (default: follow the system, or as last used)\n"
               "  --size WxH       window size in pixels, e.g. 1600x1000\n"
               "  --option ID      (cost) only this option; repeat for several\n"
               "  --json           machine-readable output\n"
               "  --csv            (cost) line items as CSV\n"
               "  -h, --help       show this help\n"
               "  --version        show the version\n"
               "\n"
               "Text output (list, cost, breakeven, advise) is as wide as the terminal, or "
               "COLUMNS.\n"
               "Exit status: 0 success, 1 the work could not be done, 2 bad usage or bad input.\n"
               "More, with the workload file format: man %1\n")
        .arg(programName, screenshotSuffixes);
}

// A value to show in "needs a value" messages, by option name ("VALUE" for an option left
// out here).
QString exampleValue(const QString& option)
{
    static const QHash<QString, QString> examples = {
        {QStringLiteral("requests"), QStringLiteral("3M")},
        {QStringLiteral("duration-ms"), QStringLiteral("120")},
        {QStringLiteral("memory-mb"), QStringLiteral("1536")},
        {QStringLiteral("architecture"), QStringLiteral("arm64")},
        {QStringLiteral("door"), QStringLiteral("api-gateway-http")},
        {QStringLiteral("response-kb"), QStringLiteral("10")},
        {QStringLiteral("option"), QStringLiteral("lambda")},
        {QStringLiteral("select"), QStringLiteral("lambda")},
        {QStringLiteral("compare"), QStringLiteral("lambda,ecs-fargate")},
        {QStringLiteral("theme"), QStringLiteral("dark")},
        {QStringLiteral("size"), QStringLiteral("1600x1000")},
        {QStringLiteral("screenshot"), QStringLiteral("window.png")},
        {QStringLiteral("view"), QStringLiteral("stack")},
        {QStringLiteral("o"), QStringLiteral("figure.png")},
        {QStringLiteral("output"), QStringLiteral("figure.png")},
        {QStringLiteral("scale"), QStringLiteral("2")},
        {QStringLiteral("width"), QStringLiteral("1600")},
        {QStringLiteral("height"), QStringLiteral("1000")},
        {QStringLiteral("workload"), QStringLiteral("workload.json")},
        {QStringLiteral("catalog"), QStringLiteral("catalog.json")},
        {QStringLiteral("advice"), QStringLiteral("advice.json")},
        {QStringLiteral("answers"), QStringLiteral("answers.json")},
        {QStringLiteral("prices"), QStringLiteral("prices.json")},
        {QStringLiteral("region"), QStringLiteral("eu-west-1")},
    };
    return examples.value(option, QStringLiteral("VALUE"));
}

// Why `parser` refused `arguments`, in the program's style ("--x: why"), not Qt's ("Unknown
// option 'x'.").
QString usageError(const QCommandLineParser& parser, const QStringList& arguments)
{
    const auto typed = [](const QString& name) -> QString {
        return (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    };
    if (!parser.unknownOptionNames().isEmpty())
        return typed(parser.unknownOptionNames().constFirst()) +
               QStringLiteral(": no such option; see --help");
    // The parser takes the next argument as an option's value whatever it looks like, so only
    // an option at the end can lack one.
    const QString last = arguments.constLast();
    if (arguments.size() > 1 && last.startsWith(u'-') && !last.contains(u'=')) {
        return QStringLiteral("%1: needs a value (e.g. %1 %2)")
            .arg(last, exampleValue(last.mid(last.startsWith(QLatin1String("--")) ? 2 : 1)));
    }
    for (const QString& argument : arguments.mid(1)) {
        if (argument.startsWith(u'-') && argument.contains(u'='))
            return argument.section(u'=', 0, 0) + QStringLiteral(": takes no value");
    }
    return parser.errorText();
}

// Loads the data file the user asked for, or the built-in one (Catalog or PriceBook); prints
// why not and returns nullopt when the file is unusable.
template <typename Data>
std::optional<Data> loadData(const QString& path, QTextStream& err)
{
    try {
        return path.isEmpty() ? Data::loadBuiltIn() : Data::load(path);
    } catch (const DataError& error) {
        err << programName << ": " << terminalText(error.toString()) << Qt::endl;
        return std::nullopt;
    }
}

// The options that come before any command: the data to load, and how the GUI starts.
struct GlobalOptions
{
    QCommandLineOption catalog{QStringLiteral("catalog"), {}, QStringLiteral("FILE")};
    QCommandLineOption advice{QStringLiteral("advice"), {}, QStringLiteral("FILE")};
    QCommandLineOption prices{QStringLiteral("prices"), {}, QStringLiteral("FILE")};
    QCommandLineOption region{QStringLiteral("region"), {}, QStringLiteral("REGION")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"), {}, QStringLiteral("FILE")};
    QCommandLineOption size{QStringLiteral("size"), {}, QStringLiteral("WxH")};
    QCommandLineOption select{QStringLiteral("select"), {}, QStringLiteral("ID")};
    QCommandLineOption compare{QStringLiteral("compare"), {}, QStringLiteral("A,B")};
    QCommandLineOption theme{QStringLiteral("theme"), {}, QStringLiteral("THEME")};
    QCommandLineOption workload{QStringLiteral("workload"), {}, QStringLiteral("FILE")};
    QCommandLineOption answers{QStringLiteral("answers"), {}, QStringLiteral("FILE")};
    QCommandLineOption help{QStringList{QStringLiteral("h"), QStringLiteral("help")}};
    QCommandLineOption version{QStringLiteral("version")};

    QList<QCommandLineOption> all() const
    {
        return {catalog, advice, prices,   region,  screenshot, size,   select,
                compare, theme,  workload, answers, help,       version};
    }
};

// Prints "program: --option: "value" reason" and returns nullopt, for option values that do
// not parse.
std::nullopt_t badValue(QTextStream& err, const QCommandLineOption& option, const QString& value,
                        const QString& reason)
{
    err << programName << ": --" << option.names().constFirst() << ": \"" << value << "\" "
        << reason << Qt::endl;
    return std::nullopt;
}

std::optional<ui::GuiOptions> readGuiOptions(const QCommandLineParser& parser,
                                             const GlobalOptions& global, const Catalog& catalog,
                                             QTextStream& err)
{
    ui::GuiOptions options;
    options.screenshotPath = parser.value(global.screenshot);
    if (parser.isSet(global.screenshot) && !ui::isWritableImagePath(options.screenshotPath)) {
        return badValue(err, global.screenshot, options.screenshotPath,
                        QStringLiteral("does not end in an image suffix this program writes "
                                       "(%1)")
                            .arg(screenshotSuffixes));
    }
    if (parser.isSet(global.size)) {
        const std::optional<QSize> size = parseSize(parser.value(global.size), 320);
        if (!size) {
            return badValue(err, global.size, parser.value(global.size),
                            QStringLiteral("is not WIDTHxHEIGHT with sides from 320 to 16384, "
                                           "e.g. 1600x1000"));
        }
        options.size = *size;
    }
    if (parser.isSet(global.select)) {
        options.select = comparableItem(catalog, parser.value(global.select));
        if (options.select.isNull()) {
            return badValue(err, global.select, parser.value(global.select),
                            QStringLiteral("is not an option or service id in ") +
                                catalog.sourceName());
        }
    }
    if (parser.isSet(global.compare)) {
        const QString ids = parser.value(global.compare);
        const ComparisonWays compared = parseComparison(catalog, ids);
        if (compared.ways.isEmpty())
            return badValue(err, global.compare, ids, compared.error);
        // The window resolves the ids the same way, and keeps them to offer the other ways.
        options.compareFirst = ids.section(u',', 0, 0);
        options.compareSecond = ids.section(u',', 1, 1);
    }
    if (parser.isSet(global.theme)) {
        options.theme = parseThemeKind(parser.value(global.theme));
        if (!options.theme) {
            return badValue(err, global.theme, parser.value(global.theme),
                            QStringLiteral("is not light or dark"));
        }
    }
    if (parser.isSet(global.workload)) {
        // Checked here, so a bad file is exit status 2 before any window appears.
        try {
            Workload::load(parser.value(global.workload));
        } catch (const DataError& error) {
            err << programName << ": " << terminalText(error.toString()) << Qt::endl;
            return std::nullopt;
        }
        options.workloadPath = parser.value(global.workload);
    }
    // The advisor's files are checked here too, against the catalog, for the same reason; the
    // built-in rules only when answers are given for them (the window loads them itself, and
    // a user's catalog without their options just leaves the advisor out).
    options.advicePath = parser.value(global.advice);
    if (!options.advicePath.isEmpty() || parser.isSet(global.answers)) {
        try {
            const AdviceRules rules = options.advicePath.isEmpty()
                                          ? AdviceRules::loadBuiltIn(catalog)
                                          : AdviceRules::load(options.advicePath, catalog);
            if (parser.isSet(global.answers)) {
                Answers::load(parser.value(global.answers), rules);
                options.answersPath = parser.value(global.answers);
            }
        } catch (const DataError& error) {
            err << programName << ": " << terminalText(error.toString()) << Qt::endl;
            return std::nullopt;
        }
    }
    return options;
}

// The price book file --prices or --region names (empty for the built-in one); prints why not
// and returns nullopt for a region without a price book.
std::optional<QString> priceBookPath(const QCommandLineParser& parser, const GlobalOptions& global,
                                     QTextStream& err)
{
    if (!parser.isSet(global.region))
        return parser.value(global.prices);
    const QString region = parser.value(global.region);
    if (parser.isSet(global.prices)) {
        return badValue(err, global.region, region,
                        QStringLiteral("and --prices both choose the price book: give one"));
    }
    const QList<AvailablePriceBook> books = availablePriceBooks();
    if (const AvailablePriceBook* book = priceBookForRegion(books, region))
        return book->builtIn ? QString() : book->path;
    QStringList regions;
    for (const AvailablePriceBook& book : books)
        regions.append(book.region);
    return badValue(err, global.region, region,
                    QStringLiteral("has no price book (there are: %1); import one with "
                                   "\"%2 prices import --region %3 FILE...\"")
                        .arg(regions.join(QStringLiteral(", ")), programName, region));
}

// The commands after the global options. A command that draws (export) needs a GUI
// application object, but never a display: it renders offscreen.
struct Command
{
    const char16_t* name;
    int (*run)(const QStringList& arguments, const CommandContext& context);
    bool draws;
};

constexpr Command commands[] = {
    {u"list", runList, false},           {u"cost", runCost, false},
    {u"breakeven", runBreakEven, false}, {u"export", runExport, true},
    {u"prices", runPrices, false},       {u"advise", runAdvise, false},
};

const Command* findCommand(const QString& name)
{
    for (const Command& command : commands) {
        if (name == QStringView(command.name))
            return &command;
    }
    return nullptr;
}

} // namespace

bool parseCommandArguments(QCommandLineParser& parser, const QStringList& arguments,
                           QTextStream& err, bool takesArguments)
{
    const QString& command = arguments.constFirst();
    if (!parser.parse(arguments)) {
        err << programName << " " << command << ": " << usageError(parser, arguments) << Qt::endl;
        return false;
    }
    if (!takesArguments && !parser.positionalArguments().isEmpty()) {
        err << programName << " " << command << ": unexpected argument \""
            << parser.positionalArguments().constFirst() << "\"" << Qt::endl;
        return false;
    }
    return true;
}

int main(int argc, char* argv[])
{
    QCoreApplication::setApplicationName(programName);
    QCoreApplication::setApplicationVersion(QStringLiteral(ACE_VERSION));
    QCoreApplication::setOrganizationName(programName);

    QTextStream out(stdout);
    QTextStream err(stderr);

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    // Global options come before the command; everything after the command is its own.
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const GlobalOptions global;
    parser.addOptions(global.all());
    if (!parser.parse(arguments)) {
        err << programName << ": " << usageError(parser, arguments) << Qt::endl;
        return ExitBadInput;
    }
    if (parser.isSet(global.help)) {
        out << usageText();
        return ExitSuccess;
    }
    if (parser.isSet(global.version)) {
        out << programName << " " << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitSuccess;
    }

    const std::optional<Catalog> catalog = loadData<Catalog>(parser.value(global.catalog), err);
    if (!catalog)
        return ExitBadInput;
    const std::optional<QString> pricesPath = priceBookPath(parser, global, err);
    if (!pricesPath)
        return ExitBadInput;
    const std::optional<PriceBook> prices = loadData<PriceBook>(*pricesPath, err);
    if (!prices)
        return ExitBadInput;

    const QStringList commandArguments = parser.positionalArguments();
    if (commandArguments.isEmpty()) {
        const std::optional<ui::GuiOptions> options = readGuiOptions(parser, global, *catalog, err);
        return options ? ui::runGui(argc, argv, *catalog, *prices, *options, err) : ExitBadInput;
    }
    const Command* command = findCommand(commandArguments.constFirst());
    if (!command) {
        err << programName << ": unknown command \"" << commandArguments.constFirst()
            << "\"; see --help" << Qt::endl;
        return ExitBadInput;
    }
    const QString advicePath = parser.value(global.advice);
    const CommandContext context{*catalog, *prices, advicePath, out, err};
    if (command->draws) {
        // Drawing into files needs no display: without a platform chosen, use the offscreen
        // one, so export works on servers and in CI.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        return command->run(commandArguments, context);
    }
    QCoreApplication app(argc, argv);
    return command->run(commandArguments, context);
}

} // namespace ace::cli
