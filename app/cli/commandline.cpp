#include "cli/commandline.h"

#include "catalog/catalog.h"
#include "cli/listcommand.h"
#include "ui/mainwindow.h"

#include "json/dataerror.h"
#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>
#include <cstdio>
#include <optional>

namespace ace::cli {

namespace {

const QString programName = QStringLiteral("aws-compute-explorer");

QString usageText()
{
    return QStringLiteral(
               "Usage:\n"
               "  %1 [--catalog FILE]          start the GUI\n"
               "  %1 [--catalog FILE] list [--json]\n"
               "                               services, deployment options, how they layer and\n"
               "                               who manages each layer\n"
               "  %1 --help | --version\n"
               "\n"
               "Options:\n"
               "  --catalog FILE   use this catalog instead of the built-in one\n"
               "  --json           (list) machine-readable output\n"
               "  -h, --help       show this help\n"
               "  --version        show the version\n"
               "\n"
               "Exit status: 0 success, 1 the work could not be done, 2 bad usage or bad input.\n")
        .arg(programName);
}

// Loads the catalog the user asked for, or the built-in one; prints why not and returns nullopt
// when the file is unusable.
std::optional<Catalog> loadCatalog(const QString& path, QTextStream& err)
{
    try {
        return path.isEmpty() ? Catalog::loadBuiltIn() : Catalog::load(path);
    } catch (const DataError& error) {
        err << programName << ": " << error.toString() << Qt::endl;
        return std::nullopt;
    }
}

int runConsoleCommand(const QStringList& commandArguments, const Catalog& catalog, QTextStream& out,
                      QTextStream& err)
{
    const CommandContext context{catalog, out, err};
    const QString& command = commandArguments.constFirst();
    if (command == QLatin1String("list"))
        return runList(commandArguments, context);
    err << programName << ": unknown command \"" << command << "\"; see --help" << Qt::endl;
    return ExitBadInput;
}

} // namespace

bool parseCommandArguments(QCommandLineParser& parser, const QStringList& arguments,
                           QTextStream& err)
{
    const QString& command = arguments.constFirst();
    if (!parser.parse(arguments)) {
        err << programName << " " << command << ": " << parser.errorText() << Qt::endl;
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
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
    const QCommandLineOption catalogOption(QStringLiteral("catalog"), {}, QStringLiteral("FILE"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption versionOption(QStringLiteral("version"));
    parser.addOptions({catalogOption, helpOption, versionOption});
    if (!parser.parse(arguments)) {
        err << programName << ": " << parser.errorText() << "; see --help" << Qt::endl;
        return ExitBadInput;
    }
    if (parser.isSet(helpOption)) {
        out << usageText();
        return ExitSuccess;
    }
    if (parser.isSet(versionOption)) {
        out << programName << " " << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitSuccess;
    }

    const std::optional<Catalog> catalog = loadCatalog(parser.value(catalogOption), err);
    if (!catalog)
        return ExitBadInput;

    const QStringList commandArguments = parser.positionalArguments();
    if (commandArguments.isEmpty()) {
        QApplication app(argc, argv);
        ui::MainWindow window(*catalog);
        window.show();
        return QApplication::exec();
    }
    QCoreApplication app(argc, argv);
    return runConsoleCommand(commandArguments, *catalog, out, err);
}

} // namespace ace::cli
