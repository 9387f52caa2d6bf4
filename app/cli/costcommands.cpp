#include "cli/costcommands.h"

#include "catalog/catalog.h"
#include "cli/texttable.h"
#include "cli/workloadoptions.h"
#include "cost/breakeven.h"
#include "cost/costmodel.h"
#include "cost/quantitytext.h"
#include "pricing/pricebook.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>

namespace ace::cli {

namespace {

QString workloadSummary(const Workload& workload)
{
    return QStringLiteral("%1 requests/month, %2 ms average, peak %3× average, %4, %5")
        .arg(groupedNumber(workload.requestsPerMonth), groupedNumber(workload.avgDurationMs, 3),
             groupedNumber(workload.peakToAverage, 2), architectureId(workload.architecture),
             workload.includeFreeTier ? QStringLiteral("free tier included")
                                      : QStringLiteral("no free tier"));
}

} // namespace

QString workloadHeader(const QString& title, const Workload& workload, const PriceBook& prices,
                       int width)
{
    const QString indent = QStringLiteral("  ");
    return wrapText(QStringLiteral("%1 \"%2\"").arg(title, workload.name), width) +
           wrapText(workloadSummary(workload), width, indent, indent) +
           wrapText(
               QStringLiteral("Prices: %1 (%2), as of %3, %4")
                   .arg(prices.region(), prices.currency(), prices.asOf(), prices.sourceName()),
               width) +
           u'\n';
}

namespace {

// "1 task", "3 tasks".
QString counted(int count, const QString& singular, const QString& plural)
{
    return groupedNumber(count) + u' ' + (count == 1 ? singular : plural);
}

QString capacityText(const Capacity& capacity)
{
    QStringList parts;
    if (capacity.tasks) {
        QString tasks = counted(*capacity.tasks, QStringLiteral("task"), QStringLiteral("tasks"));
        if (capacity.taskVcpu && capacity.taskMemoryGb) {
            tasks += QStringLiteral(" of %1 vCPU / %2 GB")
                         .arg(groupedNumber(*capacity.taskVcpu, 2),
                              groupedNumber(*capacity.taskMemoryGb, 2));
        }
        parts.append(tasks);
    }
    if (capacity.instances) {
        parts.append(QStringLiteral("%1 × %2").arg(groupedNumber(*capacity.instances),
                                                   capacity.instanceType));
        if (capacity.tasksPerInstance) {
            parts.append(QStringLiteral("room for %1 per instance")
                             .arg(groupedNumber(*capacity.tasksPerInstance)));
        }
    }
    if (capacity.clusters) {
        parts.append(
            counted(*capacity.clusters, QStringLiteral("cluster"), QStringLiteral("clusters")));
    }
    return parts.join(QStringLiteral(", "));
}

// Cheapest first; infeasible options last, in catalog order.
QList<Estimate> byTotal(QList<Estimate> estimates)
{
    std::stable_sort(estimates.begin(), estimates.end(), [](const Estimate& a, const Estimate& b) {
        if (a.monthlyTotal && b.monthlyTotal)
            return *a.monthlyTotal < *b.monthlyTotal;
        return a.monthlyTotal.has_value() && !b.monthlyTotal.has_value();
    });
    return estimates;
}

QString estimatesAsText(const QList<Estimate>& estimates, const Workload& workload,
                        const PriceBook& prices, int width)
{
    const QString currency = prices.currency();
    TextTable summary(
        {QStringLiteral("OPTION"), QStringLiteral("PER MONTH"), QStringLiteral("CAPACITY")});
    QString details;
    for (const Estimate& estimate : estimates) {
        summary.addRow({estimate.optionName,
                        estimate.monthlyTotal ? money(*estimate.monthlyTotal, currency)
                                              : QStringLiteral("not feasible"),
                        capacityText(estimate.capacity)});
        details +=
            u'\n' + wrapText(estimate.optionName + QStringLiteral(" (") + estimate.optionId +
                                 QStringLiteral("): ") +
                                 (estimate.monthlyTotal ? money(*estimate.monthlyTotal, currency) +
                                                              QStringLiteral(" a month")
                                                        : QStringLiteral("not feasible")),
                             width);
        if (!estimate.lineItems.isEmpty()) {
            TextTable items({QStringLiteral("ITEM"), QStringLiteral("QUANTITY"),
                             QStringLiteral("RATE"), QStringLiteral("AMOUNT")});
            for (const LineItem& item : estimate.lineItems) {
                items.addRow({item.label, groupedNumber(item.quantity, 3) + u' ' + item.unit,
                              lineItemRateText(item, currency), money(item.amount, currency)});
            }
            details += items.toString(width);
        }
        for (const QString& note : estimate.notes)
            details += wrapText(note, width, QStringLiteral("  * "), QStringLiteral("    "));
    }
    return workloadHeader(QStringLiteral("Monthly cost of"), workload, prices, width) +
           summary.toString(width) + details;
}

// RFC 4180: quote fields that contain separators, quotes or line breaks.
QString csvField(const QString& field)
{
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n'))
        return field;
    return u'"' + QString(field).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
}

// The shortest text that reads back as the same double (0.096, not 0.096000000000000002),
// without an exponent (2000000, not 2e+06).
QString csvNumber(double value)
{
    return QString::number(value, 'f', QLocale::FloatingPointShortest);
}

QString estimatesAsCsv(const QList<Estimate>& estimates)
{
    QString csv = QStringLiteral("option,name,feasible,item,quantity,unit,rate,amount,kind\n");
    for (const Estimate& estimate : estimates) {
        const QString prefix =
            csvField(estimate.optionId) + u',' + csvField(estimate.optionName) + u',' +
            (estimate.feasible ? QStringLiteral("true") : QStringLiteral("false"));
        // An infeasible option keeps a row, so it is never silently missing.
        if (estimate.lineItems.isEmpty())
            csv += prefix + QStringLiteral(",,,,,,\n");
        for (const LineItem& item : estimate.lineItems) {
            csv += prefix + u',' + csvField(item.label) + u',' + csvNumber(item.quantity) + u',' +
                   csvField(item.unit) + u',' + csvNumber(item.rate) + u',' +
                   csvNumber(item.amount) + u',' + lineItemKindId(item.kind) + u'\n';
        }
    }
    return csv;
}

QString toJsonText(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

} // namespace

int runCost(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    const WorkloadOptions workloadOptions;
    workloadOptions.addTo(parser);
    const QCommandLineOption optionOption(QStringLiteral("option"), {}, QStringLiteral("ID"));
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    const QCommandLineOption csvOption(QStringLiteral("csv"));
    parser.addOptions({optionOption, jsonOption, csvOption});
    if (!parseCommandArguments(parser, arguments, context.err))
        return ExitBadInput;
    if (parser.isSet(jsonOption) && parser.isSet(csvOption)) {
        context.err << QCoreApplication::applicationName()
                    << " cost: choose one of --json and --csv" << Qt::endl;
        return ExitBadInput;
    }
    const std::optional<Workload> workload =
        workloadOptions.read(parser, context.prices, context.err);
    if (!workload)
        return ExitBadInput;

    QList<Estimate> estimates;
    const QStringList chosen = parser.values(optionOption);
    if (chosen.isEmpty()) {
        estimates = estimateAll(context.catalog, *workload, context.prices);
    } else {
        for (const QString& id : chosen) {
            const DeploymentOption* option = context.catalog.option(id);
            if (!option) {
                context.err << QCoreApplication::applicationName() << " cost: --option: \"" << id
                            << "\" is not an option id in " << context.catalog.sourceName()
                            << Qt::endl;
                return ExitBadInput;
            }
            estimates.append(estimateOption(*option, *workload, context.prices));
        }
    }

    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const Estimate& estimate : estimates)
            array.append(estimateToJson(estimate));
        context.out << toJsonText(
            {{QStringLiteral("priceBook"), priceBookProvenanceJson(context.prices)},
             {QStringLiteral("workload"), workload->toJson()},
             {QStringLiteral("estimates"), array}});
    } else if (parser.isSet(csvOption)) {
        context.out << estimatesAsCsv(estimates);
    } else {
        context.out << estimatesAsText(byTotal(estimates), *workload, context.prices,
                                       terminalWidth());
    }
    return ExitSuccess;
}

int runBreakEven(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    const WorkloadOptions workloadOptions;
    workloadOptions.addTo(parser);
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    parser.addOption(jsonOption);
    if (!parseCommandArguments(parser, arguments, context.err))
        return ExitBadInput;
    const std::optional<Workload> workload =
        workloadOptions.read(parser, context.prices, context.err);
    if (!workload)
        return ExitBadInput;

    constexpr double from = fewestRequestsPerMonth;
    constexpr double to = mostRequestsPerMonth;
    const BreakEvens breakEvens =
        findBreakEvensAndNearTies(context.catalog, *workload, context.prices, from, to);

    if (parser.isSet(jsonOption)) {
        QJsonArray crossings;
        for (const Crossing& crossing : breakEvens.crossings) {
            crossings.append(QJsonObject{
                {QStringLiteral("requestsPerMonth"), double(crossing.requestsPerMonth)},
                {QStringLiteral("cheapestBelow"), crossing.cheapestBelow},
                {QStringLiteral("cheapestAbove"), crossing.cheapestAbove},
            });
        }
        QJsonArray nearTies;
        for (const NearTie& tie : breakEvens.nearTies) {
            nearTies.append(QJsonObject{
                {QStringLiteral("options"), QJsonArray::fromStringList(tie.optionIds)},
                {QStringLiteral("fromRequestsPerMonth"), double(tie.fromRequestsPerMonth)},
                {QStringLiteral("toRequestsPerMonth"), double(tie.toRequestsPerMonth)},
                {QStringLiteral("maxGapPercent"), tie.maxGapPercent},
            });
        }
        context.out << toJsonText(
            {{QStringLiteral("priceBook"), priceBookProvenanceJson(context.prices)},
             {QStringLiteral("workload"), workload->toJson()},
             {QStringLiteral("crossings"), crossings},
             {QStringLiteral("nearTies"), nearTies}});
        return ExitSuccess;
    }

    const auto cheapestAt = [&](qint64 requests) {
        const QString id = cheapestOptionAt(context.catalog, *workload, context.prices, requests);
        return id.isEmpty() ? QStringLiteral("no feasible option")
                            : context.catalog.option(id)->name;
    };
    // One row where each lasting change or near tie starts, and one where a near tie ends.
    QList<std::pair<qint64, QString>> rows = {{qint64(from), cheapestAt(qint64(from))}};
    for (const Crossing& crossing : breakEvens.crossings)
        rows.append({crossing.requestsPerMonth, cheapestAt(crossing.requestsPerMonth)});
    for (const NearTie& tie : breakEvens.nearTies) {
        rows.append({tie.fromRequestsPerMonth,
                     nearTieOptionNames(tie, context.catalog) + QStringLiteral(" (near tie)")});
        const qint64 end = tie.toRequestsPerMonth;
        if (std::none_of(rows.cbegin(), rows.cend(),
                         [end](const auto& row) { return row.first == end; })) {
            rows.append({end, cheapestAt(end)});
        }
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    TextTable table({QStringLiteral("REQUESTS/MONTH"), QStringLiteral("CHEAPEST")});
    for (const auto& [requests, cheapest] : std::as_const(rows))
        table.addRow({QStringLiteral("from ") + groupedNumber(double(requests)), cheapest});
    const int width = terminalWidth();
    context.out << workloadHeader(QStringLiteral("Cheapest option by request volume for"),
                                  *workload, context.prices, width)
                << table.toString(width);
    for (const NearTie& tie : breakEvens.nearTies) {
        context.out << u'\n' + wrapText(nearTieSentence(tie, context.catalog), width);
    }
    if (breakEvens.crossings.isEmpty() && breakEvens.nearTies.isEmpty()) {
        // A volume where no option is feasible has no cheapest option to cross to: fixed
        // capacity too small, or a load beyond any fleet, can leave none at either end.
        const bool noneAtFirst =
            cheapestOptionAt(context.catalog, *workload, context.prices, qint64(from)).isEmpty();
        const bool noneAtLast =
            cheapestOptionAt(context.catalog, *workload, context.prices, qint64(to)).isEmpty();
        QString sentence;
        if (noneAtFirst && noneAtLast)
            sentence = QStringLiteral("No option can run this workload from %1 to %2 requests a "
                                      "month.");
        else if (noneAtFirst)
            sentence = QStringLiteral("No option can run this workload at %1 requests a month; "
                                      "where one can, up to %2, the cheapest is the same.");
        else if (noneAtLast)
            sentence = QStringLiteral("The cheapest option is the same from %1 requests a month "
                                      "for as long as one can run this workload; at %2 none "
                                      "can.");
        else
            sentence = QStringLiteral("The cheapest option is the same from %1 to %2 requests a "
                                      "month.");
        context.out << u'\n' +
                           wrapText(sentence.arg(groupedNumber(from), groupedNumber(to)), width);
    }
    return ExitSuccess;
}

} // namespace ace::cli
