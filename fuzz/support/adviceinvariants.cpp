#include "adviceinvariants.h"

#include "advisor/advice.h"
#include "catalog/catalog.h"
#include "fuzzinput.h"

namespace ace::fuzz {

void requireConsistentAdvice(const Advice& advice, const Catalog& catalog, bool costWeighed)
{
    ACE_FUZZ_REQUIRE(advice.costWeighed == costWeighed, QString());
    ACE_FUZZ_REQUIRE(advice.ranking.size() == catalog.options().size(),
                     QString::number(advice.ranking.size()));
    const auto catalogIndex = [&catalog](const QString& optionId) {
        for (qsizetype i = 0; i < catalog.options().size(); ++i) {
            if (catalog.options().at(i).id == optionId)
                return i;
        }
        return qsizetype(-1);
    };
    QSet<QString> seen;
    for (qsizetype i = 0; i < advice.ranking.size(); ++i) {
        const OptionAdvice& option = advice.ranking.at(i);
        ACE_FUZZ_REQUIRE(catalogIndex(option.optionId) >= 0 && !seen.contains(option.optionId),
                         option.optionId);
        seen.insert(option.optionId);
        int sum = 0;
        for (const AdviceReason& reason : option.reasons) {
            ACE_FUZZ_REQUIRE(reason.excludes == option.excluded, option.optionId);
            ACE_FUZZ_REQUIRE(!reason.excludes || reason.points == 0, option.optionId);
            sum += reason.points;
        }
        ACE_FUZZ_REQUIRE(option.score == sum, option.optionId);
        ACE_FUZZ_REQUIRE(!option.excluded || !option.reasons.isEmpty(), option.optionId);
        if (i == 0)
            continue;
        const OptionAdvice& before = advice.ranking.at(i - 1);
        ACE_FUZZ_REQUIRE(!before.excluded || option.excluded, option.optionId);
        if (before.excluded == option.excluded) {
            const bool tie = option.excluded || before.score == option.score;
            ACE_FUZZ_REQUIRE(option.excluded || before.score >= option.score, option.optionId);
            ACE_FUZZ_REQUIRE(!tie || catalogIndex(before.optionId) < catalogIndex(option.optionId),
                             option.optionId);
        }
    }
    const OptionAdvice* top = advice.top();
    ACE_FUZZ_REQUIRE(!top || top == &advice.ranking.constFirst(), QString());
}

} // namespace ace::fuzz
