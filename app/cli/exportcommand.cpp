#include "cli/exportcommand.h"

#include "catalog/catalog.h"
#include "cli/optionvalues.h"
#include "cli/workloadoptions.h"
#include "export/compareexportview.h"
#include "export/figure.h"
#include "models/comparisonmodel.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace ace::cli {

namespace {

struct ExportCommandOptions
{
    QCommandLineOption view{QStringLiteral("view"), {}, QStringLiteral("ID")};
    QCommandLineOption output{
        QStringList{QStringLiteral("o"), QStringLiteral("output")}, {}, QStringLiteral("FILE")};
    QCommandLineOption select{QStringLiteral("select"), {}, QStringLiteral("ID")};
    QCommandLineOption compare{QStringLiteral("compare"), {}, QStringLiteral("A,B")};
    QCommandLineOption scale{QStringLiteral("scale"), {}, QStringLiteral("N")};
    QCommandLineOption width{QStringLiteral("width"), {}, QStringLiteral("W")};
    QCommandLineOption height{QStringLiteral("height"), {}, QStringLiteral("H")};
    QCommandLineOption transparent{QStringLiteral("transparent")};
    QCommandLineOption theme{QStringLiteral("theme"), {}, QStringLiteral("THEME")};

    QList<QCommandLineOption> all() const
    {
        return {view, output, select, compare, scale, width, height, transparent, theme};
    }
};

// What the command line asks for, checked.
struct ExportRequest
{
    QString viewId;
    QString path;
    exports::ExportFormat format = exports::ExportFormat::Png;
    exports::ExportSize size;
    exports::ExportOptions options;
};

// Reports bad usage as "program export: MESSAGE" and returns nullopt.
std::nullopt_t badUsage(QTextStream& err, const QString& message)
{
    err << QCoreApplication::applicationName() << " export: " << message << Qt::endl;
    return std::nullopt;
}

// Reports a value that is not accepted as "program export: --option: "value" reason".
std::nullopt_t badValue(QTextStream& err, const QCommandLineOption& option, const QString& value,
                        const QString& reason)
{
    return badUsage(err, QStringLiteral("--") + option.names().constLast() +
                             QStringLiteral(": \"") + value + QStringLiteral("\" ") + reason);
}

std::optional<int> parseScale(const QString& text)
{
    bool ok = false;
    const int scale = text.toInt(&ok);
    return ok && scale >= 1 && scale <= exports::maximumScale ? std::optional(scale) : std::nullopt;
}

// One side of an exact size, within the limits that --size of the GUI has, from 1 pixel up.
bool isPixelSide(const QString& text)
{
    return parseSize(text + u'x' + text, 1).has_value();
}

std::optional<ExportRequest> readRequest(const QCommandLineParser& parser,
                                         const ExportCommandOptions& options,
                                         const WorkloadOptions& workloadOptions,
                                         const CommandContext& context)
{
    QTextStream& err = context.err;
    ExportRequest request;
    QStringList viewIds;
    for (const exports::ExportViewInfo& view : exports::exportViews())
        viewIds.append(view.id);
    if (!parser.isSet(options.view))
        return badUsage(err, QStringLiteral("--view is required: one of ") + viewIds.join(u", "));
    request.viewId = parser.value(options.view);
    if (!viewIds.contains(request.viewId)) {
        return badValue(err, options.view, request.viewId,
                        QStringLiteral("is not one of ") + viewIds.join(u", "));
    }

    if (!parser.isSet(options.output))
        return badUsage(err, QStringLiteral("-o FILE is required (.png, .svg or .pdf)"));
    request.path = parser.value(options.output);
    const std::optional<exports::ExportFormat> format = exports::exportFormatOf(request.path);
    if (!format) {
        return badValue(err, options.output, request.path,
                        QStringLiteral("does not end in .png, .svg or .pdf"));
    }
    request.format = *format;

    if (parser.isSet(options.select)) {
        request.options.select = comparableItem(context.catalog, parser.value(options.select));
        if (request.options.select.isNull()) {
            return badValue(err, options.select, parser.value(options.select),
                            QStringLiteral("is not an option or service id in ") +
                                context.catalog.sourceName());
        }
    }
    // The comparison needs its pair, and only the comparison takes one.
    const bool comparing = request.viewId == QStringView(exports::CompareExportView::viewId);
    if (comparing && !parser.isSet(options.compare))
        return badUsage(err, QStringLiteral("--view compare needs --compare A,B, e.g. "
                                            "--compare lambda,ecs-fargate"));
    if (parser.isSet(options.compare)) {
        if (!comparing)
            return badUsage(err, QStringLiteral("--compare goes with --view compare only"));
        const ComparisonWays compared =
            parseComparison(context.catalog, parser.value(options.compare));
        if (compared.ways.isEmpty())
            return badValue(err, options.compare, parser.value(options.compare), compared.error);
        request.options.compared = compared.ways.constFirst();
    }
    if (parser.isSet(options.theme)) {
        const std::optional<ui::Theme::Kind> theme = parseThemeKind(parser.value(options.theme));
        if (!theme) {
            return badValue(err, options.theme, parser.value(options.theme),
                            QStringLiteral("is not light or dark"));
        }
        request.options.theme = *theme;
    }
    const std::optional<Workload> workload =
        workloadOptions.read(parser, context.prices, context.err);
    if (!workload)
        return std::nullopt;
    request.options.workload = *workload;
    request.options.transparent = parser.isSet(options.transparent);
    if (request.options.transparent && request.format == exports::ExportFormat::Pdf)
        return badUsage(err, QStringLiteral("--transparent: PDF pages are never transparent; "
                                            "use .png or .svg"));

    const bool exact = parser.isSet(options.width) || parser.isSet(options.height);
    if (exact && parser.isSet(options.scale))
        return badUsage(err, QStringLiteral("choose one of --scale and --width/--height"));
    if (exact) {
        for (const QCommandLineOption* side : {&options.width, &options.height}) {
            if (!parser.isSet(*side)) {
                return badUsage(err, QStringLiteral("--width and --height go together; --") +
                                         side->names().constFirst() +
                                         QStringLiteral(" is missing"));
            }
            if (!isPixelSide(parser.value(*side))) {
                return badValue(err, *side, parser.value(*side),
                                QStringLiteral("is not a number of pixels from 1 to %1")
                                    .arg(exports::maximumSide));
            }
        }
        request.size.pixels =
            QSize(parser.value(options.width).toInt(), parser.value(options.height).toInt());
    } else if (parser.isSet(options.scale)) {
        const std::optional<int> scale = parseScale(parser.value(options.scale));
        if (!scale) {
            return badValue(
                err, options.scale, parser.value(options.scale),
                QStringLiteral("is not a whole number from 1 to %1").arg(exports::maximumScale));
        }
        request.size.scale = *scale;
    }
    return request;
}

} // namespace

int runExport(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    const ExportCommandOptions options;
    parser.addOptions(options.all());
    const WorkloadOptions workloadOptions;
    workloadOptions.addTo(parser);
    if (!parseCommandArguments(parser, arguments, context.err))
        return ExitBadInput;
    const std::optional<ExportRequest> request =
        readRequest(parser, options, workloadOptions, context);
    if (!request)
        return ExitBadInput;

    const std::unique_ptr<exports::ExportView> view =
        exports::createExportView(request->viewId, context.catalog, context.prices);
    exports::Figure figure(*view, context.catalog, context.prices, request->options);
    const QSize pixels = request->size.resolve(figure.naturalSize());
    if (pixels.width() > exports::maximumSide || pixels.height() > exports::maximumSide) {
        context.err << QCoreApplication::applicationName() << " export: --scale: \""
                    << request->size.scale << "\" makes the figure " << pixels.width() << "x"
                    << pixels.height() << " pixels, more than " << exports::maximumSide << " a side"
                    << Qt::endl;
        return ExitBadInput;
    }
    const QString error = figure.write(request->path, request->format, pixels);
    if (!error.isEmpty()) {
        context.err << QCoreApplication::applicationName() << ": " << error << Qt::endl;
        return ExitFailure;
    }
    return ExitSuccess;
}

} // namespace ace::cli
