// The advisor's two files: the rules (resources/advice.json or a user's) and a user's answers.
// Both are strict: every mistake names the file and the field.
#include "advisor/advicerules.h"
#include "advisor/answers.h"
#include "catalog/catalog.h"
#include "json/dataerror.h"
#include "jsonfixtures.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ace;
using namespace ace::test;

class TestAdviceFiles : public QObject
{
    Q_OBJECT

private slots:
    void theBuiltInRulesLoad();
    void badRulesNameTheField_data();
    void badRulesNameTheField();
    void answersReadEveryKind();
    void badAnswersNameTheField_data();
    void badAnswersNameTheField();
    void answersSaveAndReadBack();

private:
    const Catalog m_catalog = Catalog::loadBuiltIn();
};

void TestAdviceFiles::theBuiltInRulesLoad()
{
    const AdviceRules rules = AdviceRules::loadBuiltIn(m_catalog);
    QCOMPARE(rules.sourceName(), QStringLiteral("built-in advice.json"));
    // The questions, each explained.
    for (const char* id : {"maxRunMinutes", "packaging", "kubernetes", "traffic", "operate", "gpu",
                           "largerThanFargate", "coldStartSensitive", "architecture", "windows"}) {
        const AdviceQuestion* question = rules.question(QString::fromLatin1(id));
        QVERIFY2(question, id);
        QVERIFY(!question->text.isEmpty() && !question->explanation.isEmpty());
    }
    QCOMPARE(rules.question(QStringLiteral("traffic"))->choiceLabel(QStringLiteral("idle-mostly")),
             QStringLiteral("Idle most of the time"));
    QVERIFY(rules.costPoints() > 0);
    QVERIFY(rules.rules().size() > 20);
    // Every option is named by some rule.
    for (const DeploymentOption& option : m_catalog.options()) {
        QVERIFY2(std::any_of(rules.rules().cbegin(), rules.rules().cend(),
                             [&option](const AdviceRule& rule) {
                                 return rule.excludes.contains(option.id) ||
                                        rule.pointsByOption.contains(option.id);
                             }),
                 qPrintable(option.id));
    }
}

void TestAdviceFiles::badRulesNameTheField_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option in exclude")
        << "rules[0].exclude[0]" << QJsonValue(QStringLiteral("app-runner"))
        << "advice.json: rules[0].exclude[0]: no deployment option \"app-runner\" in built-in "
           "catalog.json";
    QTest::newRow("unknown option in points")
        << "rules[13].points.beanstalk" << QJsonValue(5)
        << "rules[13].points.beanstalk: no deployment option \"beanstalk\"";
    QTest::newRow("fractional points")
        << "rules[13].points.lambda" << QJsonValue(2.5)
        << "rules[13].points.lambda: must be a whole number from -1000 to 1000, not 0, found 2.5";
    QTest::newRow("zero points") << "rules[13].points.lambda" << QJsonValue(0) << "not 0, found 0";
    QTest::newRow("unknown question in when")
        << "rules[0].when.runMinutes" << QJsonValue(QJsonObject{{QStringLiteral("above"), 1}})
        << "rules[0].when.runMinutes: no question \"runMinutes\" in this file";
    QTest::newRow("unknown choice in when")
        << "rules[13].when.packaging[0]" << QJsonValue(QStringLiteral("jars"))
        << "rules[13].when.packaging[0]: \"jars\" is not a choice of packaging (known: functions, "
           "containers, machines)";
    QTest::newRow("yes-no condition not a boolean")
        << "rules[6].when.gpu" << QJsonValue(QStringLiteral("yes"))
        << "rules[6].when.gpu: must be true or false, found a string";
    QTest::newRow("number condition without above")
        << "rules[0].when.maxRunMinutes" << QJsonValue(QJsonObject{{QStringLiteral("below"), 1}})
        << "rules[0].when.maxRunMinutes";
    QTest::newRow("both exclude and points")
        << "rules[0].points" << QJsonValue(QJsonObject{{QStringLiteral("ec2"), 1}})
        << "rules[0]: needs either \"exclude\" (a hard limit) or \"points\" (a soft criterion), "
           "not both";
    QTest::newRow("neither exclude nor points")
        << "rules[0].exclude" << QJsonValue(QJsonValue::Undefined) << "not neither";
    QTest::newRow("reason quotes an unasked question")
        << "rules[0].reason" << QJsonValue(QStringLiteral("too long for {memoryGb}"))
        << "rules[0].reason: quotes {memoryGb}, which is not a question in this rule's \"when\"";
    QTest::newRow("duplicate rule id")
        << "rules[1].id" << QJsonValue(QStringLiteral("lambda-15-minutes"))
        << "rules[1].id: duplicate rule id \"lambda-15-minutes\"";
    QTest::newRow("question kind unknown")
        << "questions[0].kind" << QJsonValue(QStringLiteral("slider"))
        << "questions[0].kind: unknown kind \"slider\" (known: choice, yes-no, number)";
    QTest::newRow("question lists any")
        << "questions[1].choices[0].id" << QJsonValue(QStringLiteral("any"))
        << "questions[1].choices[0].id: \"any\" is every question's \"no preference\"";
    QTest::newRow("number range upside down")
        << "questions[0].maximum" << QJsonValue(-1)
        << "questions[0].maximum: must be more than minimum (0), found -1";
    QTest::newRow("question id not camelCase")
        << "questions[0].id" << QJsonValue(QStringLiteral("max-run"))
        << "questions[0].id: \"max-run\" is not a valid id";
    QTest::newRow("cost points negative")
        << "cost.points" << QJsonValue(-3) << "cost.points: must be a whole number from 0 to 1000";
    QTest::newRow("unknown member")
        << "rules[2].weight" << QJsonValue(3) << "rules[2].weight: unknown key";
}

void TestAdviceFiles::badRulesNameTheField()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    QJsonObject file = resourceJson(QStringLiteral("advice.json"));
    setJsonAt(file, path, value);
    try {
        AdviceRules::fromJson(file, m_catalog, QStringLiteral("advice.json"));
        QFAIL("loaded");
    } catch (const DataError& error) {
        QVERIFY2(error.toString().contains(message), qPrintable(error.toString()));
    }
}

void TestAdviceFiles::answersReadEveryKind()
{
    const AdviceRules rules = AdviceRules::loadBuiltIn(m_catalog);
    const QJsonObject file{
        {QStringLiteral("format"), QStringLiteral("aws-compute-explorer/answers")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("maxRunMinutes"), 20},
        {QStringLiteral("packaging"), QStringLiteral("containers")},
        {QStringLiteral("kubernetes"), QStringLiteral("any")},
        {QStringLiteral("gpu"), false},
        {QStringLiteral("windows"), QJsonValue::Null}};
    const Answers answers = Answers::fromJson(file, rules, QStringLiteral("answers.json"));
    QCOMPARE(answers.value(QStringLiteral("maxRunMinutes")).toDouble(), 20.0);
    QCOMPARE(answers.value(QStringLiteral("packaging")).toString(), QStringLiteral("containers"));
    QCOMPARE(answers.value(QStringLiteral("gpu")), QJsonValue(false));
    // "any" and null are "don't know": no answer.
    QVERIFY(!answers.isAnswered(QStringLiteral("kubernetes")));
    QVERIFY(!answers.isAnswered(QStringLiteral("windows")));
    QVERIFY(!answers.isAnswered(QStringLiteral("traffic")));
    QVERIFY(answers.value(QStringLiteral("traffic")).isUndefined());
    QCOMPARE(answerText(*rules.question(QStringLiteral("maxRunMinutes")),
                        answers.value(QStringLiteral("maxRunMinutes"))),
             QStringLiteral("20 minutes"));
    QCOMPARE(answerText(*rules.question(QStringLiteral("packaging")),
                        answers.value(QStringLiteral("packaging"))),
             QStringLiteral("Container images"));
    QCOMPARE(answerText(*rules.question(QStringLiteral("windows")), {}),
             QStringLiteral("don't know"));
    QCOMPARE(answerText(*rules.question(QStringLiteral("maxRunMinutes")), 1),
             QStringLiteral("1 minute"));
    QCOMPARE(answerText(*rules.question(QStringLiteral("memoryGb")), 1), QStringLiteral("1 GB"));
}

void TestAdviceFiles::badAnswersNameTheField_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown question") << "maxRuntime" << QJsonValue(3)
                                      << "answers.json: maxRuntime: no such question in built-in "
                                         "advice.json (known: maxRunMinutes, ";
    QTest::newRow("unknown choice")
        << "traffic" << QJsonValue(QStringLiteral("bursty"))
        << "answers.json: traffic: \"bursty\" is not an answer to this question (known: steady, "
           "spiky, idle-mostly, any)";
    QTest::newRow("number out of range")
        << "maxRunMinutes" << QJsonValue(-5)
        << "answers.json: maxRunMinutes: must be from 0 to 525600 minutes, found -5";
    QTest::newRow("number as text")
        << "memoryGb" << QJsonValue(QStringLiteral("12"))
        << "answers.json: memoryGb: must be a number of GB or null (don't know), found a string";
    QTest::newRow("yes-no as text")
        << "gpu" << QJsonValue(QStringLiteral("no"))
        << "answers.json: gpu: must be true, false or null (don't know), found a string";
    QTest::newRow("wrong format") << "format"
                                  << QJsonValue(QStringLiteral("aws-compute-explorer/workload"))
                                  << "answers.json: format:";
}

void TestAdviceFiles::badAnswersNameTheField()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, message);
    const AdviceRules rules = AdviceRules::loadBuiltIn(m_catalog);
    QJsonObject file{{QStringLiteral("format"), QStringLiteral("aws-compute-explorer/answers")},
                     {QStringLiteral("version"), 1}};
    file.insert(key, value);
    try {
        Answers::fromJson(file, rules, QStringLiteral("answers.json"));
        QFAIL("loaded");
    } catch (const DataError& error) {
        QVERIFY2(error.toString().contains(message), qPrintable(error.toString()));
    }
}

void TestAdviceFiles::answersSaveAndReadBack()
{
    const AdviceRules rules = AdviceRules::loadBuiltIn(m_catalog);
    Answers answers;
    answers.set(QStringLiteral("traffic"), QStringLiteral("spiky"));
    answers.set(QStringLiteral("coldStartSensitive"), true);
    answers.set(QStringLiteral("memoryGb"), 3.5);
    answers.set(QStringLiteral("kubernetes"), QStringLiteral("any")); // no answer
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("answers.json"));
    QCOMPARE(answers.save(path), std::nullopt);
    const Answers reread = Answers::load(path, rules);
    QCOMPARE(reread, answers);
    QVERIFY(!reread.isAnswered(QStringLiteral("kubernetes")));
    // A save that cannot happen says why, and leaves nothing behind.
    const auto error = answers.save(folder.filePath(QStringLiteral("missing/answers.json")));
    QVERIFY(error);
    QVERIFY(!QFile::exists(folder.filePath(QStringLiteral("missing/answers.json"))));
}

QTEST_APPLESS_MAIN(TestAdviceFiles)
#include "tst_advicefiles.moc"
