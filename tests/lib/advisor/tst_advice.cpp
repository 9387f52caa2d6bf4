// The advisor's ranking: each rule alone, the decision guides' scenarios (tests/lib/advisor/data/
// scenarios.json), the hard limits, the cost criterion, ties and determinism.
#include "advisor/advice.h"
#include "advisor/advicerules.h"
#include "advisor/answers.h"
#include "catalog/catalog.h"
#include "cost/costresults.h"
#include "cost/quantitytext.h"
#include "json/jsonreader.h"
#include "jsonfixtures.h"
#include "optionids.h"
#include "pricing/pricebook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace ace;
using namespace ace::test;

class TestAdvice : public QObject
{
    Q_OBJECT

private slots:
    void scenarios_data();
    void scenarios();
    void eachRuleAppliesAlone_data();
    void eachRuleAppliesAlone();
    void unansweredQuestionsApplyNoRule();
    void aRuleNeedsEveryCondition();
    void theRunLimitIsFifteenMinutes_data();
    void theRunLimitIsFifteenMinutes();
    void nothingBringsAnExcludedOptionBack();
    void anOptionTheWorkloadCannotRunIsExcluded();
    void costScoresTheCheapestHighest();
    void tiesGoInCatalogOrder();
    void theSameAnswersGiveTheSameRanking();
    void operatingNothingNeverPutsInstancesFirst();
    void jsonListsTheRankingInOrder();

private:
    static Answers answersFrom(const QJsonObject& members, const AdviceRules& rules)
    {
        QJsonObject file = members;
        file.insert(QStringLiteral("format"), QStringLiteral("aws-compute-explorer/answers"));
        file.insert(QStringLiteral("version"), 1);
        return Answers::fromJson(file, rules, QStringLiteral("answers.json"));
    }
    CostResults costsOf(const QString& presetId) const
    {
        const Workload workload =
            Workload::load(QStringLiteral(":/data/presets/%1.json").arg(presetId));
        return computeCostResults(m_catalog, workload, m_prices, {}, 20);
    }
    // Rules of this test's own: two questions, and the rules given.
    AdviceRules smallRules(const QJsonArray& rules) const
    {
        QJsonObject file = resourceJson(QStringLiteral("advice.json"));
        file.insert(QStringLiteral("rules"), rules);
        return AdviceRules::fromJson(file, m_catalog, QStringLiteral("small.json"));
    }
    static const AdviceReason* reasonOf(const OptionAdvice& option, const QString& ruleId)
    {
        for (const AdviceReason& reason : option.reasons) {
            if (reason.ruleId == ruleId)
                return &reason;
        }
        return nullptr;
    }

    const Catalog m_catalog = Catalog::loadBuiltIn();
    const PriceBook m_prices = PriceBook::loadBuiltIn();
    const AdviceRules m_rules = AdviceRules::loadBuiltIn(m_catalog);
};

void TestAdvice::scenarios_data()
{
    QTest::addColumn<QJsonObject>("scenario");
    const QJsonObject file =
        readJsonObjectFile(QStringLiteral(ACE_SOURCE_DIR "/tests/lib/advisor/data/scenarios.json"),
                           QStringLiteral("scenarios.json"));
    const QJsonArray cases = file.value(QStringLiteral("cases")).toArray();
    QVERIFY(cases.size() >= 10);
    for (const QJsonValue& scenario : cases) {
        QTest::newRow(scenario[QStringLiteral("name")].toString().toUtf8().constData())
            << scenario.toObject();
    }
}

void TestAdvice::scenarios()
{
    QFETCH(QJsonObject, scenario);
    const Answers answers =
        answersFrom(scenario.value(QStringLiteral("answers")).toObject(), m_rules);
    const QString presetId = scenario.value(QStringLiteral("workload")).toString();
    std::optional<CostResults> costs;
    if (!presetId.isEmpty())
        costs = costsOf(presetId);
    const Advice advice = advise(m_catalog, m_rules, answers, costs ? &*costs : nullptr);
    QCOMPARE(advice.ranking.size(), m_catalog.options().size());
    QVERIFY(advice.top());
    const auto ids = [&scenario](const char* key) {
        QStringList list;
        for (const QJsonValue& id : scenario.value(QLatin1String(key)).toArray())
            list.append(id.toString());
        return list;
    };
    if (scenario.contains(QStringLiteral("first")))
        QCOMPARE(advice.top()->optionId, scenario.value(QStringLiteral("first")).toString());
    if (scenario.contains(QStringLiteral("firstAmong")))
        QVERIFY2(ids("firstAmong").contains(advice.top()->optionId),
                 qPrintable(advice.top()->optionId));
    for (const QString& id : ids("excluded")) {
        QVERIFY2(advice.adviceFor(id)->excluded, qPrintable(id));
        QVERIFY(!advice.adviceFor(id)->reasons.isEmpty());
    }
    for (const QString& id : ids("notExcluded"))
        QVERIFY2(!advice.adviceFor(id)->excluded, qPrintable(id));
}

void TestAdvice::eachRuleAppliesAlone_data()
{
    QTest::addColumn<QString>("ruleId");
    for (const AdviceRule& rule : m_rules.rules())
        QTest::newRow(rule.id.toUtf8().constData()) << rule.id;
}

void TestAdvice::eachRuleAppliesAlone()
{
    QFETCH(QString, ruleId);
    const auto rule = std::find_if(m_rules.rules().cbegin(), m_rules.rules().cend(),
                                   [&ruleId](const AdviceRule& each) { return each.id == ruleId; });
    // The least answers that meet the rule: its own conditions, nothing else.
    Answers answers;
    for (const AnswerCondition& condition : rule->when) {
        if (!condition.choices.isEmpty())
            answers.set(condition.questionId, condition.choices.constFirst());
        else if (condition.yes)
            answers.set(condition.questionId, *condition.yes);
        else
            answers.set(condition.questionId, *condition.above + 1);
    }
    const Advice advice = advise(m_catalog, m_rules, answers, nullptr);
    for (const OptionAdvice& option : advice.ranking) {
        const AdviceReason* reason = reasonOf(option, ruleId);
        if (rule->excludes.contains(option.optionId)) {
            QVERIFY2(option.excluded && reason && reason->excludes, qPrintable(option.optionId));
            QCOMPARE(option.score, 0);
        } else if (rule->pointsByOption.contains(option.optionId) && !option.excluded) {
            QVERIFY2(reason, qPrintable(option.optionId));
            QCOMPARE(reason->points, rule->pointsByOption.value(option.optionId));
            QVERIFY(!reason->text.contains(u'{'));
        } else {
            QVERIFY2(!reason, qPrintable(option.optionId));
        }
    }
    // Not answered, the rule applies to nobody.
    const Advice unanswered = advise(m_catalog, m_rules, Answers(), nullptr);
    for (const OptionAdvice& option : unanswered.ranking)
        QVERIFY(!reasonOf(option, ruleId));
}

void TestAdvice::unansweredQuestionsApplyNoRule()
{
    const Advice advice = advise(m_catalog, m_rules, Answers(), nullptr);
    QCOMPARE(advice.ranking.size(), m_catalog.options().size());
    for (qsizetype i = 0; i < advice.ranking.size(); ++i) {
        QCOMPARE(advice.ranking.at(i).optionId, m_catalog.options().at(i).id);
        QCOMPARE(advice.ranking.at(i).score, 0);
        QVERIFY(advice.ranking.at(i).reasons.isEmpty());
        QVERIFY(!advice.ranking.at(i).monthlyTotal);
    }
    QVERIFY(!advice.costWeighed);
}

void TestAdvice::aRuleNeedsEveryCondition()
{
    const AdviceRules rules = smallRules(QJsonArray{QJsonObject{
        {QStringLiteral("id"), QStringLiteral("both")},
        {QStringLiteral("when"),
         QJsonObject{{QStringLiteral("gpu"), true},
                     {QStringLiteral("traffic"), QJsonArray{QStringLiteral("steady")}}}},
        {QStringLiteral("points"), QJsonObject{{optionids::ec2, 7}}},
        {QStringLiteral("reason"), QStringLiteral("both hold")}}});
    Answers answers;
    answers.set(QStringLiteral("gpu"), true);
    QCOMPARE(advise(m_catalog, rules, answers, nullptr).adviceFor(optionids::ec2)->score, 0);
    answers.set(QStringLiteral("traffic"), QStringLiteral("spiky"));
    QCOMPARE(advise(m_catalog, rules, answers, nullptr).adviceFor(optionids::ec2)->score, 0);
    answers.set(QStringLiteral("traffic"), QStringLiteral("steady"));
    const Advice advice = advise(m_catalog, rules, answers, nullptr);
    QCOMPARE(advice.adviceFor(optionids::ec2)->score, 7);
    QCOMPARE(advice.top()->optionId, optionids::ec2);
}

void TestAdvice::theRunLimitIsFifteenMinutes_data()
{
    QTest::addColumn<double>("minutes");
    QTest::addColumn<bool>("excluded");
    QTest::newRow("1 minute") << 1.0 << false;
    QTest::newRow("15 minutes") << 15.0 << false;
    QTest::newRow("15.5 minutes") << 15.5 << true;
    QTest::newRow("2 hours") << 120.0 << true;
}

void TestAdvice::theRunLimitIsFifteenMinutes()
{
    QFETCH(double, minutes);
    QFETCH(bool, excluded);
    Answers answers;
    answers.set(QStringLiteral("maxRunMinutes"), minutes);
    const Advice advice = advise(m_catalog, m_rules, answers, nullptr);
    const OptionAdvice* lambda = advice.adviceFor(optionids::lambda);
    QCOMPARE(lambda->excluded, excluded);
    if (excluded) {
        QCOMPARE(advice.ranking.constLast().optionId, optionids::lambda);
        QVERIFY2(lambda->reasons.constFirst().text.contains(QStringLiteral("15 minutes")) &&
                     lambda->reasons.constFirst().text.contains(QString::number(minutes)),
                 qPrintable(lambda->reasons.constFirst().text));
    }
}

void TestAdvice::nothingBringsAnExcludedOptionBack()
{
    // Everything favours Lambda but the GPU.
    const Answers answers =
        answersFrom(QJsonObject{{QStringLiteral("gpu"), true},
                                {QStringLiteral("packaging"), QStringLiteral("functions")},
                                {QStringLiteral("traffic"), QStringLiteral("idle-mostly")},
                                {QStringLiteral("operate"), QStringLiteral("nothing")}},
                    m_rules);
    const CostResults costs = costsOf(QStringLiteral("image-resize"));
    const Advice advice = advise(m_catalog, m_rules, answers, &costs);
    const OptionAdvice* lambda = advice.adviceFor(optionids::lambda);
    QVERIFY(lambda->excluded);
    QCOMPARE(lambda->score, 0);
    QVERIFY(!lambda->reasons.isEmpty());
    for (const AdviceReason& reason : lambda->reasons)
        QVERIFY2(reason.excludes, qPrintable(reason.text));
    // Excluded options come last, after every option that is not.
    bool seenExcluded = false;
    for (const OptionAdvice& option : advice.ranking) {
        seenExcluded = seenExcluded || option.excluded;
        QCOMPARE(option.excluded, seenExcluded);
    }
    QVERIFY(!advice.top()->excluded);
}

void TestAdvice::anOptionTheWorkloadCannotRunIsExcluded()
{
    // A 20-minute job: the cost model finds Lambda infeasible, whatever the answers say.
    const CostResults costs = costsOf(QStringLiteral("nightly-batch"));
    QVERIFY(!costs.estimateOf(optionids::lambda)->feasible);
    const Advice advice = advise(m_catalog, m_rules, Answers(), &costs);
    const OptionAdvice* lambda = advice.adviceFor(optionids::lambda);
    QVERIFY(lambda->excluded);
    QCOMPARE(lambda->reasons.constFirst().ruleId, workloadRuleId);
    QVERIFY2(lambda->reasons.constFirst().text.contains(
                 infeasibleReasonOf(*costs.estimateOf(optionids::lambda))),
             qPrintable(lambda->reasons.constFirst().text));
}

void TestAdvice::costScoresTheCheapestHighest()
{
    const CostResults costs = costsOf(QStringLiteral("always-on-api"));
    const Advice advice = advise(m_catalog, m_rules, Answers(), &costs);
    QVERIFY(advice.costWeighed);
    QCOMPARE(advice.currency, costs.currency);
    double cheapest = std::numeric_limits<double>::infinity();
    for (const Estimate& estimate : costs.estimates)
        cheapest = std::min(cheapest, estimate.monthlyTotal.value_or(cheapest));
    QVERIFY(cheapest > 0);
    for (const OptionAdvice& option : advice.ranking) {
        const Estimate* estimate = costs.estimateOf(option.optionId);
        QCOMPARE(option.monthlyTotal, estimate->monthlyTotal);
        const AdviceReason* reason = reasonOf(option, costRuleId);
        QVERIFY(reason);
        const int expected =
            int(std::lround(m_rules.costPoints() * cheapest / *estimate->monthlyTotal));
        QCOMPARE(reason->points, expected);
        QCOMPARE(option.score, expected); // nothing else is answered
        QVERIFY2(reason->text.contains(money(*estimate->monthlyTotal, costs.currency)),
                 qPrintable(reason->text));
    }
    // With nothing answered the ranking is by cost: the totals never go down.
    for (qsizetype i = 1; i < advice.ranking.size(); ++i)
        QVERIFY(*advice.ranking.at(i - 1).monthlyTotal <=
                *advice.ranking.at(i).monthlyTotal * 1.05);
    QCOMPARE(advice.top()->reasons.constFirst().points, m_rules.costPoints());
}

void TestAdvice::tiesGoInCatalogOrder()
{
    const AdviceRules rules = smallRules(QJsonArray{QJsonObject{
        {QStringLiteral("id"), QStringLiteral("tie")},
        {QStringLiteral("when"), QJsonObject{{QStringLiteral("gpu"), false}}},
        {QStringLiteral("points"), QJsonObject{{optionids::eksFargate, 5}, {optionids::ecsEc2, 5}}},
        {QStringLiteral("reason"), QStringLiteral("equal")}}});
    Answers answers;
    answers.set(QStringLiteral("gpu"), false);
    const Advice advice = advise(m_catalog, rules, answers, nullptr);
    QCOMPARE(advice.leaders(2), (QStringList{optionids::ecsEc2, optionids::eksFargate}));
    // In a catalog listing them the other way round, the order follows it.
    const Catalog reversed =
        m_catalog.withOnlyOptions({optionids::eksFargate, optionids::lambda, optionids::ecsEc2});
    const Advice reversedAdvice = advise(reversed, rules, answers, nullptr);
    QCOMPARE(reversedAdvice.leaders(3),
             (QStringList{optionids::eksFargate, optionids::ecsEc2, optionids::lambda}));
}

void TestAdvice::theSameAnswersGiveTheSameRanking()
{
    const Answers answers =
        answersFrom(QJsonObject{{QStringLiteral("traffic"), QStringLiteral("steady")},
                                {QStringLiteral("packaging"), QStringLiteral("containers")}},
                    m_rules);
    const CostResults costs = costsOf(QStringLiteral("kubernetes-microservices"));
    const QJsonObject first = adviceToJson(advise(m_catalog, m_rules, answers, &costs), m_rules);
    for (int run = 0; run < 5; ++run)
        QCOMPARE(adviceToJson(advise(m_catalog, m_rules, answers, &costs), m_rules), first);
    // Read back from its own file, the answers rank the same.
    const Answers reread =
        Answers::fromJson(answers.toJson(), m_rules, QStringLiteral("again.json"));
    QCOMPARE(reread, answers);
    QCOMPARE(adviceToJson(advise(m_catalog, m_rules, reread, &costs), m_rules), first);
}

void TestAdvice::operatingNothingNeverPutsInstancesFirst()
{
    // Every combination of the other choice and yes/no answers, each with every preset's costs:
    // while a serverless option is not excluded, no option on EC2 instances comes first.
    QList<std::optional<CostResults>> costs = {std::nullopt};
    for (const char* id :
         {"image-resize", "always-on-api", "kubernetes-microservices", "nightly-batch"})
        costs.append(costsOf(QString::fromLatin1(id)));
    QList<const AdviceQuestion*> others;
    for (const AdviceQuestion& question : m_rules.questions()) {
        if (question.kind != AdviceQuestion::Kind::Number &&
            question.id != QLatin1String("operate"))
            others.append(&question);
    }
    const auto valuesOf = [](const AdviceQuestion& question) {
        QList<QJsonValue> values = {QJsonValue::Undefined};
        if (question.kind == AdviceQuestion::Kind::YesNo)
            values << true << false;
        for (const AdviceQuestion::Choice& choice : question.choices)
            values.append(choice.id);
        return values;
    };
    const QStringList onInstances = {optionids::ec2, optionids::ecsEc2, optionids::eksEc2};
    int checked = 0;
    QList<int> position(others.size(), 0);
    for (bool more = true; more;) {
        Answers answers;
        answers.set(QStringLiteral("operate"), QStringLiteral("nothing"));
        for (qsizetype i = 0; i < others.size(); ++i)
            answers.set(others.at(i)->id, valuesOf(*others.at(i)).at(position.at(i)));
        for (const std::optional<CostResults>& cost : costs) {
            const Advice advice = advise(m_catalog, m_rules, answers, cost ? &*cost : nullptr);
            const bool serverlessLeft = std::any_of(
                advice.ranking.cbegin(), advice.ranking.cend(), [&](const OptionAdvice& option) {
                    return !option.excluded && !onInstances.contains(option.optionId);
                });
            if (serverlessLeft) {
                QVERIFY2(
                    !onInstances.contains(advice.top()->optionId),
                    QJsonDocument(answers.toJson()).toJson(QJsonDocument::Compact).constData());
            }
            ++checked;
        }
        // The next combination, like an odometer.
        more = false;
        for (qsizetype i = 0; i < others.size() && !more; ++i) {
            if (++position[i] < valuesOf(*others.at(i)).size())
                more = true;
            else
                position[i] = 0;
        }
    }
    QVERIFY(checked > 10'000);
}

void TestAdvice::jsonListsTheRankingInOrder()
{
    const Answers answers =
        answersFrom(QJsonObject{{QStringLiteral("maxRunMinutes"), 30}}, m_rules);
    const CostResults costs = costsOf(QStringLiteral("image-resize"));
    const Advice advice = advise(m_catalog, m_rules, answers, &costs);
    const QJsonObject json = adviceToJson(advice, m_rules);
    QCOMPARE(json.value(QStringLiteral("rules")).toString(),
             QStringLiteral("built-in advice.json"));
    QCOMPARE(json.value(QStringLiteral("costWeighed")).toBool(), true);
    const QJsonArray ranking = json.value(QStringLiteral("ranking")).toArray();
    QCOMPARE(ranking.size(), advice.ranking.size());
    for (qsizetype i = 0; i < ranking.size(); ++i) {
        const QJsonObject entry = ranking.at(i).toObject();
        const OptionAdvice& option = advice.ranking.at(i);
        QCOMPARE(entry.value(QStringLiteral("option")).toString(), option.optionId);
        QCOMPARE(entry.value(QStringLiteral("excluded")).toBool(), option.excluded);
        QCOMPARE(entry.value(QStringLiteral("score")).toInt(), option.score);
        QCOMPARE(entry.value(QStringLiteral("reasons")).toArray().size(), option.reasons.size());
    }
    const QJsonObject last = ranking.last().toObject();
    QCOMPARE(last.value(QStringLiteral("option")).toString(), optionids::lambda);
    QVERIFY(last.value(QStringLiteral("excluded")).toBool());
    const QJsonObject why = last.value(QStringLiteral("reasons")).toArray().first().toObject();
    QCOMPARE(why.value(QStringLiteral("rule")).toString(), QStringLiteral("lambda-15-minutes"));
    QVERIFY(why.value(QStringLiteral("excludes")).toBool());
}

QTEST_APPLESS_MAIN(TestAdvice)
#include "tst_advice.moc"
