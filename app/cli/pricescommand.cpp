#include "cli/pricescommand.h"

#include "cli/pricesdownload.h"
#include "cli/progressline.h"
#include "cli/texttable.h"
#include "json/dataerror.h"
#include "pricelist/pricelistimport.h"
#include "pricing/pricebook.h"
#include "pricing/pricebooks.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

namespace ace::cli {

namespace {

const QString commandName = QStringLiteral("aws-compute-explorer prices");

int runImport(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption regionOption(QStringLiteral("region"), {}, QStringLiteral("REGION"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")}, {},
                                          QStringLiteral("FILE"));
    parser.addOptions({regionOption, outputOption});
    QTextStream& err = context.err;
    if (!parseCommandArguments(parser, arguments, err, true))
        return ExitBadInput;
    const QString region = parser.value(regionOption);
    if (region.isEmpty()) {
        err << commandName << " import: --region: needs the region the files are for (e.g. "
            << "--region eu-west-1)" << Qt::endl;
        return ExitBadInput;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err << commandName << " import: no offer files (e.g. AmazonEC2 and AWSLambda "
            << "index.csv or index.json of " << region << ")" << Qt::endl;
        return ExitBadInput;
    }
    const QString output =
        parser.isSet(outputOption) ? parser.value(outputOption) : importedPriceBookPath(region);

    pricelist::ImportResult result;
    ProgressLine progressLine(err);
    try {
        result = pricelist::importPriceList(
            files, region, [&progressLine](const pricelist::ImportProgress& progress) {
                progressLine.update(
                    QStringLiteral("Importing: %1 of %2 (%3%), reading %4")
                        .arg(dataSizeText(progress.bytesRead), dataSizeText(progress.bytesTotal))
                        .arg(progress.bytesRead * 100 / std::max<qint64>(progress.bytesTotal, 1))
                        .arg(QFileInfo(progress.file).fileName()));
                return true;
            });
    } catch (const DataError& error) {
        progressLine.clear();
        err << commandName << " import: " << terminalText(error.toString()) << Qt::endl;
        return ExitBadInput;
    }
    progressLine.clear();
    if (const auto problem = pricelist::writePriceBook(result.priceBook, output)) {
        err << commandName << " import: " << *problem << Qt::endl;
        return ExitFailure;
    }
    const QJsonObject& book = result.priceBook;
    const qsizetype types =
        book[QStringLiteral("ec2")][QStringLiteral("instanceTypes")].toArray().size();
    context.out << "Wrote " << output << ": " << region << ", "
                << book[QStringLiteral("currency")].toString() << ", as of "
                << book[QStringLiteral("asOf")].toString() << ", " << types
                << (types == 1 ? " EC2 instance type\n" : " EC2 instance types\n");
    context.out << "Read:\n";
    for (const QString& file : result.files)
        context.out << "  " << file << '\n';
    if (!result.missing.isEmpty()) {
        context.out << "Not in the files (estimates that need them say \"not included\"):\n";
        for (const QString& missing : result.missing)
            context.out << "  " << missing << '\n';
    }
    context.out.flush();
    return ExitSuccess;
}

QJsonObject bookToJson(const AvailablePriceBook& book, const PriceBook& loaded)
{
    QJsonArray sources;
    for (const RateSource& source : loaded.rateSources()) {
        sources.append(QJsonObject{{QStringLiteral("group"), source.group},
                                   {QStringLiteral("url"), source.url}});
    }
    return {{QStringLiteral("region"), book.region}, {QStringLiteral("currency"), book.currency},
            {QStringLiteral("asOf"), book.asOf},     {QStringLiteral("builtIn"), book.builtIn},
            {QStringLiteral("path"), book.path},     {QStringLiteral("sources"), sources}};
}

int runPriceList(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    parser.addOption(jsonOption);
    if (!parseCommandArguments(parser, arguments, context.err))
        return ExitBadInput;

    QStringList problems;
    const QList<AvailablePriceBook> books = availablePriceBooks(&problems);
    for (const QString& problem : problems)
        context.err << commandName << " list: skipped " << problem << Qt::endl;
    const int width = terminalWidth();
    QJsonArray json;
    TextTable table({QStringLiteral("REGION"), QStringLiteral("CURRENCY"), QStringLiteral("AS OF"),
                     QStringLiteral("KIND"), QStringLiteral("FILE")});
    QString sourcesText;
    for (const AvailablePriceBook& book : books) {
        const PriceBook loaded = PriceBook::load(book.path, book.sourceName);
        json.append(bookToJson(book, loaded));
        table.addRow({book.region, book.currency, book.asOf,
                      book.builtIn ? QStringLiteral("built in") : QStringLiteral("imported"),
                      book.sourceName});
        sourcesText += wrapText(
            QStringLiteral("Sources of %1 (%2):").arg(book.region, book.sourceName), width);
        // Addresses whole, one a line, so they can be copied.
        for (const RateSource& source : loaded.rateSources())
            sourcesText += QStringLiteral("  %1: %2\n").arg(source.group, source.url);
    }
    if (parser.isSet(jsonOption)) {
        context.out << QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("importedFolder"), importedPriceBookFolder()},
                                      {QStringLiteral("priceBooks"), json}})
                .toJson(QJsonDocument::Indented));
    } else {
        context.out << table.toString(width) << '\n'
                    << sourcesText << '\n'
                    << wrapText(QStringLiteral("Imported price books are in ") +
                                    importedPriceBookFolder(),
                                width);
    }
    return ExitSuccess;
}

} // namespace

int runPrices(const QStringList& arguments, const CommandContext& context)
{
    const QString subcommand = arguments.value(1);
    // The subcommand's own arguments, named as messages name it ("prices import").
    QStringList rest = arguments.mid(1);
    if (!rest.isEmpty())
        rest.first() = arguments.constFirst() + u' ' + subcommand;
    if (subcommand == QLatin1String("import"))
        return runImport(rest, context);
    if (subcommand == QLatin1String("list"))
        return runPriceList(rest, context);
    if (subcommand == QLatin1String("download"))
        return runPricesDownload(rest, context);
    context.err << commandName << ": "
                << (subcommand.isEmpty()
                        ? QStringLiteral("needs import, download or list")
                        : QStringLiteral("unknown subcommand \"%1\" (import, download or "
                                         "list)")
                              .arg(subcommand))
                << "; see --help" << Qt::endl;
    return ExitBadInput;
}

} // namespace ace::cli
