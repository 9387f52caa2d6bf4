// Answers files (advise --answers, the Advisor's Open…): any bytes either load into answers that
// save and read back the same and rank every option consistently, or are refused with a
// DataError.
#include "adviceinvariants.h"
#include "advisor/advice.h"
#include "advisor/advicerules.h"
#include "advisor/answers.h"
#include "catalog/catalog.h"
#include "cost/costresults.h"
#include "fuzzinput.h"
#include "json/dataerror.h"
#include "pricing/pricebook.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ace;
    static const Catalog catalog = Catalog::loadBuiltIn();
    static const AdviceRules rules = AdviceRules::loadBuiltIn(catalog);
    static const CostResults costs =
        computeCostResults(catalog, Workload(), PriceBook::loadBuiltIn(), {}, 8);
    const std::optional<Answers> answers = fuzz::loadInput(
        data, size, QStringLiteral("answers.json"),
        [](const QString& path, const QString& name) { return Answers::load(path, rules, name); });
    if (!answers)
        return 0;
    const QJsonObject saved = answers->toJson();
    try {
        const Answers reread =
            Answers::fromJson(saved, rules, QStringLiteral("saved answers.json"));
        ACE_FUZZ_REQUIRE(reread == *answers,
                         QString::fromUtf8(QJsonDocument(saved).toJson(QJsonDocument::Compact)));
    } catch (const DataError& error) {
        fuzz::invariantFailed(__FILE__, __LINE__, "saved answers read back", error.toString());
    }
    fuzz::requireConsistentAdvice(advise(catalog, rules, *answers, nullptr), catalog, false);
    fuzz::requireConsistentAdvice(advise(catalog, rules, *answers, &costs), catalog, true);
    return 0;
}
