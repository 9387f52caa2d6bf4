#include "cli/advisecommand.h"

#include "advisor/advice.h"
#include "advisor/advicerules.h"
#include "advisor/answers.h"
#include "catalog/catalog.h"
#include "cli/costcommands.h"
#include "cli/texttable.h"
#include "cli/workloadoptions.h"
#include "cost/costresults.h"
#include "cost/quantitytext.h"
#include "json/dataerror.h"
#include "pricing/pricebook.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

#include <optional>

namespace ace::cli {

namespace {

QString adviceAsText(const Advice& advice, const AdviceRules& rules, const Answers& answers,
                     const QString& answersPath, const std::optional<Workload>& workload,
                     const PriceBook& prices, int width)
{
    QString text;
    if (workload) {
        text = workloadHeader(QStringLiteral("Which option for"), *workload, prices, width);
    } else {
        text = wrapText(QStringLiteral("Which option (costs not weighed: give --workload FILE or "
                                       "quick settings such as --requests to weigh each option's "
                                       "monthly cost)"),
                        width) +
               u'\n';
    }
    TextTable table({QStringLiteral("RANK"), QStringLiteral("OPTION"), QStringLiteral("SCORE"),
                     QStringLiteral("PER MONTH")});
    for (qsizetype i = 0; i < advice.ranking.size(); ++i) {
        const OptionAdvice& option = advice.ranking.at(i);
        table.addRow({rankText(advice, i), option.optionName, scoreText(option),
                      monthlyCostText(advice, option)});
    }
    text += table.toString(width);
    for (const OptionAdvice& option : advice.ranking) {
        text += u'\n' +
                wrapText(QStringLiteral("%1 (%2): %3")
                             .arg(option.optionName, option.optionId,
                                  option.excluded ? QStringLiteral("excluded")
                                                  : QStringLiteral("score %1").arg(option.score)),
                         width);
        if (option.reasons.isEmpty())
            text += wrapText(QStringLiteral("no rule applies to the answers given"), width,
                             QStringLiteral("  "), QStringLiteral("  "));
        for (const AdviceReason& reason : option.reasons) {
            const QString amount = reasonAmountText(reason);
            text += wrapText(reason.excludes ? reason.text : amount + u' ' + reason.text, width,
                             QStringLiteral("  * "), QStringLiteral("    "));
        }
    }
    QStringList given;
    for (const AdviceQuestion& question : rules.questions()) {
        if (answers.isAnswered(question.id)) {
            given.append(question.text + QStringLiteral(": ") +
                         answerText(question, answers.value(question.id)));
        }
    }
    text += u'\n' +
            wrapText(QStringLiteral("Answers (%1): %2.")
                         .arg(answersPath, given.isEmpty() ? QStringLiteral("none")
                                                           : given.join(QStringLiteral("; "))),
                     width) +
            wrapText(QStringLiteral("Rules and weights: %1.").arg(rules.sourceName()), width);
    return text;
}

} // namespace

int runAdvise(const QStringList& arguments, const CommandContext& context)
{
    const QString program = QCoreApplication::applicationName();
    QCommandLineParser parser;
    const WorkloadOptions workloadOptions;
    workloadOptions.addTo(parser);
    const QCommandLineOption answersOption(QStringLiteral("answers"), {}, QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    const QCommandLineOption markdownOption(QStringLiteral("markdown"));
    parser.addOptions({answersOption, jsonOption, markdownOption});
    if (!parseCommandArguments(parser, arguments, context.err))
        return ExitBadInput;
    if (!parser.isSet(answersOption)) {
        context.err << program << " advise: --answers FILE is needed (an answers file: see --help)"
                    << Qt::endl;
        return ExitBadInput;
    }
    if (parser.isSet(jsonOption) && parser.isSet(markdownOption)) {
        context.err << program << " advise: choose one of --json and --markdown" << Qt::endl;
        return ExitBadInput;
    }
    std::optional<AdviceRules> rules;
    std::optional<Answers> answers;
    try {
        rules = context.advicePath.isEmpty()
                    ? AdviceRules::loadBuiltIn(context.catalog)
                    : AdviceRules::load(context.advicePath, context.catalog);
        answers = Answers::load(parser.value(answersOption), *rules);
    } catch (const DataError& error) {
        context.err << program << ": " << terminalText(error.toString()) << Qt::endl;
        return ExitBadInput;
    }
    std::optional<Workload> workload;
    std::optional<CostResults> costs;
    if (workloadOptions.anySet(parser)) {
        workload = workloadOptions.read(parser, context.prices, context.err);
        if (!workload)
            return ExitBadInput;
        // The estimates are all the advice weighs: no sweep or break-evens.
        costs.emplace();
        costs->workload = *workload;
        costs->currency = context.prices.currency();
        costs->estimates = estimateAll(context.catalog, *workload, context.prices);
    }
    const Advice advice = advise(context.catalog, *rules, *answers, costs ? &*costs : nullptr);

    if (parser.isSet(jsonOption)) {
        QJsonObject json = adviceToJson(advice, *rules);
        json.insert(QStringLiteral("answers"), answers->toJson());
        if (workload) {
            json.insert(QStringLiteral("priceBook"), priceBookProvenanceJson(context.prices));
            json.insert(QStringLiteral("workload"), workload->toJson());
        }
        context.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    } else if (parser.isSet(markdownOption)) {
        const QString costBasis =
            workload ? adviceCostBasis(workload->name, context.prices) : QString();
        context.out << adviceToMarkdown(advice, *rules, *answers, costBasis);
    } else {
        context.out << adviceAsText(advice, *rules, *answers, parser.value(answersOption), workload,
                                    context.prices, terminalWidth());
    }
    return ExitSuccess;
}

} // namespace ace::cli
