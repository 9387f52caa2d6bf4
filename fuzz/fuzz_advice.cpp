// Advisor rules files (--advice): any bytes either load into rules that rank every option
// consistently, whatever is answered, or are refused with a DataError.
#include "adviceinvariants.h"
#include "advisor/advice.h"
#include "advisor/advicerules.h"
#include "advisor/answers.h"
#include "catalog/catalog.h"
#include "cost/costresults.h"
#include "fuzzinput.h"
#include "pricing/pricebook.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ace;
    static const Catalog catalog = Catalog::loadBuiltIn();
    static const CostResults costs =
        computeCostResults(catalog, Workload(), PriceBook::loadBuiltIn(), {}, 8);
    const std::optional<AdviceRules> rules = fuzz::loadInput(
        data, size, QStringLiteral("advice.json"), [](const QString& path, const QString& name) {
            return AdviceRules::load(path, catalog, name);
        });
    if (!rules)
        return 0;
    fuzz::requireConsistentAdvice(advise(catalog, *rules, Answers(), nullptr), catalog, false);
    // Each rule's conditions met in turn, and all of them at once (later rules overwrite
    // earlier answers to the same question).
    Answers everything;
    for (const AdviceRule& rule : rules->rules()) {
        Answers answers;
        for (const AnswerCondition& condition : rule.when) {
            const QJsonValue value = !condition.choices.isEmpty()
                                         ? QJsonValue(condition.choices.constFirst())
                                     : condition.yes ? QJsonValue(*condition.yes)
                                                     : QJsonValue(*condition.above + 1);
            answers.set(condition.questionId, value);
            everything.set(condition.questionId, value);
        }
        fuzz::requireConsistentAdvice(advise(catalog, *rules, answers, &costs), catalog, true);
    }
    fuzz::requireConsistentAdvice(advise(catalog, *rules, everything, &costs), catalog, true);
    return 0;
}
