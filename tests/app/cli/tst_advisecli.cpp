// `advise`, run as users run it: the ranking as text, JSON and Markdown, the costs it weighs,
// a user's rules, and bad answers files named with their field.
#include "jsonfixtures.h"
#include "programrun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ace::test;

class TestAdviseCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void textRanksTheOptionsWithReasonsAndCosts();
    void jsonListsTheRankingExcludedLast();
    void theCostsAreThoseOfTheCostCommand();
    void withoutAWorkloadCostsAreNotWeighed();
    void markdownHasTheRecommendationTableAndReasons();
    void aRulesFileOfTheUsersReplacesTheBuiltIn();
    void badInputExitsWithTwoNamingTheField_data();
    void badInputExitsWithTwoNamingTheField();
    void theWindowTakesAnswersAndRefusesBadOnesBeforeStarting();

private:
    static ProgramRun run(const QStringList& arguments)
    {
        return runProgram(QStringLiteral(ACE_PROGRAM), arguments);
    }
    QString answersFile(const QString& name, const QJsonObject& members)
    {
        QJsonObject file = members;
        file.insert(QStringLiteral("format"), QStringLiteral("aws-compute-explorer/answers"));
        file.insert(QStringLiteral("version"), 1);
        return writeJsonFile(m_folder.filePath(name), file);
    }
    static QString preset(const char* id)
    {
        return QStringLiteral(ACE_SOURCE_DIR "/resources/presets/%1.json").arg(QLatin1String(id));
    }

    QTemporaryDir m_folder;
    QString m_resizeAnswers;
    QString m_batchAnswers;
};

void TestAdviseCli::initTestCase()
{
    QVERIFY(m_folder.isValid());
    qputenv("COLUMNS", "100000");
    m_resizeAnswers = answersFile(QStringLiteral("resize.json"),
                                  {{QStringLiteral("maxRunMinutes"), 1},
                                   {QStringLiteral("packaging"), QStringLiteral("functions")},
                                   {QStringLiteral("traffic"), QStringLiteral("spiky")}});
    m_batchAnswers = answersFile(QStringLiteral("batch.json"),
                                 {{QStringLiteral("maxRunMinutes"), 120},
                                  {QStringLiteral("packaging"), QStringLiteral("containers")}});
    QVERIFY(!m_resizeAnswers.isEmpty() && !m_batchAnswers.isEmpty());
}

void TestAdviseCli::textRanksTheOptionsWithReasonsAndCosts()
{
    const ProgramRun result =
        run({QStringLiteral("advise"), QStringLiteral("--answers"), m_resizeAnswers,
             QStringLiteral("--workload"), preset("image-resize")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    QVERIFY2(result.out.contains(
                 QStringLiteral("Which option for \"Resize an image when it is uploaded\"")),
             qPrintable(result.out));
    const QRegularExpression firstRow(
        QStringLiteral("\\n *1 +Lambda functions +\\d+ +\\$2\\.73\\n"));
    QVERIFY2(firstRow.match(result.out).hasMatch(), qPrintable(result.out));
    QVERIFY(result.out.contains(QStringLiteral("+30 runs your functions as they are")));
    QVERIFY(result.out.contains(QStringLiteral("a month for your workload, the cheapest option")));
    QVERIFY(result.out.contains(QStringLiteral("Traffic: Spiky or unpredictable")));
    QVERIFY(result.out.contains(QStringLiteral("Rules and weights: built-in advice.json.")));
}

void TestAdviseCli::jsonListsTheRankingExcludedLast()
{
    const ProgramRun result =
        run({QStringLiteral("advise"), QStringLiteral("--answers"), m_batchAnswers,
             QStringLiteral("--workload"), preset("nightly-batch"), QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8()).object();
    QVERIFY(json.value(QStringLiteral("costWeighed")).toBool());
    QCOMPARE(json.value(QStringLiteral("answers"))
                 .toObject()
                 .value(QStringLiteral("maxRunMinutes"))
                 .toInt(),
             120);
    const QJsonArray ranking = json.value(QStringLiteral("ranking")).toArray();
    QCOMPARE(ranking.size(), 6);
    bool seenExcluded = false;
    int lastScore = std::numeric_limits<int>::max();
    for (const QJsonValue& value : ranking) {
        const QJsonObject entry = value.toObject();
        for (const char* key : {"option", "excluded", "score", "reasons", "monthlyTotal"})
            QVERIFY2(entry.contains(QLatin1String(key)), key);
        const bool excluded = entry.value(QStringLiteral("excluded")).toBool();
        QVERIFY(!seenExcluded || excluded);
        seenExcluded = excluded;
        if (!excluded) {
            QVERIFY(entry.value(QStringLiteral("score")).toInt() <= lastScore);
            lastScore = entry.value(QStringLiteral("score")).toInt();
        }
        QVERIFY(!entry.value(QStringLiteral("reasons")).toArray().isEmpty());
    }
    const QJsonObject lambda = ranking.last().toObject();
    QCOMPARE(lambda.value(QStringLiteral("option")).toString(), QStringLiteral("lambda"));
    QVERIFY(lambda.value(QStringLiteral("excluded")).toBool());
    QStringList rules;
    for (const QJsonValue& reason : lambda.value(QStringLiteral("reasons")).toArray())
        rules.append(reason[QStringLiteral("rule")].toString());
    // Both the answers (2 hours) and the workload (20-minute runs) rule Lambda out.
    QVERIFY2(rules.contains(QStringLiteral("lambda-15-minutes")) &&
                 rules.contains(QStringLiteral("workload")),
             qPrintable(rules.join(u',')));
}

void TestAdviseCli::theCostsAreThoseOfTheCostCommand()
{
    const QStringList workload = {QStringLiteral("--workload"), preset("always-on-api"),
                                  QStringLiteral("--requests"), QStringLiteral("20M")};
    const ProgramRun advice = run(QStringList{QStringLiteral("advise"), QStringLiteral("--answers"),
                                              m_resizeAnswers, QStringLiteral("--json")} +
                                  workload);
    const ProgramRun cost =
        run(QStringList{QStringLiteral("cost"), QStringLiteral("--json")} + workload);
    QCOMPARE(advice.exitCode, 0);
    QCOMPARE(cost.exitCode, 0);
    QHash<QString, double> totals;
    for (const QJsonValue& estimate :
         QJsonDocument::fromJson(cost.out.toUtf8())[QStringLiteral("estimates")].toArray()) {
        totals.insert(estimate[QStringLiteral("option")].toString(),
                      estimate[QStringLiteral("monthlyTotal")].toDouble());
    }
    const QJsonArray ranking =
        QJsonDocument::fromJson(advice.out.toUtf8())[QStringLiteral("ranking")].toArray();
    QCOMPARE(ranking.size(), totals.size());
    for (const QJsonValue& entry : ranking) {
        const QString option = entry[QStringLiteral("option")].toString();
        QCOMPARE(entry[QStringLiteral("monthlyTotal")].toDouble(), totals.value(option));
    }
}

void TestAdviseCli::withoutAWorkloadCostsAreNotWeighed()
{
    const ProgramRun text =
        run({QStringLiteral("advise"), QStringLiteral("--answers"), m_batchAnswers});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("costs not weighed")), qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral("not weighed")));
    const ProgramRun json = run({QStringLiteral("advise"), QStringLiteral("--answers"),
                                 m_batchAnswers, QStringLiteral("--json")});
    const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(object.value(QStringLiteral("costWeighed")).toBool(true), false);
    for (const QJsonValue& entry : object.value(QStringLiteral("ranking")).toArray()) {
        QVERIFY(entry[QStringLiteral("monthlyTotal")].isNull());
        for (const QJsonValue& reason : entry[QStringLiteral("reasons")].toArray())
            QVERIFY(reason[QStringLiteral("rule")].toString() != QLatin1String("cost"));
    }
}

void TestAdviseCli::markdownHasTheRecommendationTableAndReasons()
{
    const ProgramRun result =
        run({QStringLiteral("advise"), QStringLiteral("--answers"), m_resizeAnswers,
             QStringLiteral("--workload"), preset("image-resize"), QStringLiteral("--markdown")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith(QStringLiteral("## Which AWS compute option?\n\n"
                                                  "**Recommended: Lambda functions** (score ")),
             qPrintable(result.out));
    QVERIFY(result.out.contains(QStringLiteral("| Rank | Option | Score | Per month |\n")));
    QVERIFY(result.out.contains(QStringLiteral("| 1 | Lambda functions | ")));
    QVERIFY(result.out.contains(
        QStringLiteral("- How the code is packaged: Functions (code and its libraries)\n")));
    QVERIFY(result.out.contains(QStringLiteral("- +30: runs your functions as they are")));
    QVERIFY(result.out.contains(
        QStringLiteral("the workload \"Resize an image when it is uploaded\"")));
}

void TestAdviseCli::aRulesFileOfTheUsersReplacesTheBuiltIn()
{
    QJsonObject rules = resourceJson(QStringLiteral("advice.json"));
    rules.insert(
        QStringLiteral("rules"),
        QJsonArray{QJsonObject{
            {QStringLiteral("id"), QStringLiteral("house-rule")},
            {QStringLiteral("when"),
             QJsonObject{{QStringLiteral("packaging"), QJsonArray{QStringLiteral("functions")}}}},
            {QStringLiteral("points"), QJsonObject{{QStringLiteral("ecs-ec2"), 500}}},
            {QStringLiteral("reason"), QStringLiteral("our platform team runs ECS clusters")}}});
    const QString path = writeJsonFile(m_folder.filePath(QStringLiteral("house.json")), rules);
    const ProgramRun result =
        run({QStringLiteral("--advice"), path, QStringLiteral("advise"),
             QStringLiteral("--answers"), m_resizeAnswers, QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject top =
        QJsonDocument::fromJson(result.out.toUtf8())[QStringLiteral("ranking")][0].toObject();
    QCOMPARE(top.value(QStringLiteral("option")).toString(), QStringLiteral("ecs-ec2"));
    QCOMPARE(top.value(QStringLiteral("reasons"))[0][QStringLiteral("text")].toString(),
             QStringLiteral("our platform team runs ECS clusters"));
    QCOMPARE(QJsonDocument::fromJson(result.out.toUtf8())[QStringLiteral("rules")].toString(),
             path);
}

void TestAdviseCli::badInputExitsWithTwoNamingTheField_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no answers") << QStringList{QStringLiteral("advise")}
                                << "advise: --answers FILE is needed";
    QTest::newRow("json and markdown")
        << QStringList{QStringLiteral("advise"), QStringLiteral("--answers"),
                       QStringLiteral("a.json"), QStringLiteral("--json"),
                       QStringLiteral("--markdown")}
        << "advise: choose one of --json and --markdown";
    QTest::newRow("missing answers file")
        << QStringList{QStringLiteral("advise"), QStringLiteral("--answers"),
                       QStringLiteral("/nonexistent/a.json")}
        << "/nonexistent/a.json";
    QTest::newRow("unknown question")
        << QStringList{QStringLiteral("advise"), QStringLiteral("--answers"),
                       QStringLiteral("@typo")}
        << "@typo: maxRuntime: no such question in built-in advice.json";
    QTest::newRow("unknown choice")
        << QStringList{QStringLiteral("advise"), QStringLiteral("--answers"),
                       QStringLiteral("@choice")}
        << "@choice: traffic: \"bursty\" is not an answer to this question";
    QTest::newRow("bad rules file")
        << QStringList{QStringLiteral("--advice"), QStringLiteral("@rules"),
                       QStringLiteral("advise"), QStringLiteral("--answers"),
                       QStringLiteral("@choice")}
        << "@rules: cost.points: must be a whole number from 0 to 1000, found -1";
    QTest::newRow("bad workload") << QStringList{QStringLiteral("advise"),
                                                 QStringLiteral("--answers"),
                                                 QStringLiteral("@typo"),
                                                 QStringLiteral("--requests"),
                                                 QStringLiteral("lots")}
                                  << "--requests";
}

void TestAdviseCli::badInputExitsWithTwoNamingTheField()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QHash<QString, QString> files = {
        {QStringLiteral("@typo"),
         answersFile(QStringLiteral("typo.json"), {{QStringLiteral("maxRuntime"), 3}})},
        {QStringLiteral("@choice"),
         answersFile(QStringLiteral("choice.json"),
                     {{QStringLiteral("traffic"), QStringLiteral("bursty")}})},
    };
    QJsonObject rules = resourceJson(QStringLiteral("advice.json"));
    setJsonAt(rules, QStringLiteral("cost.points"), -1);
    const QString rulesPath =
        writeJsonFile(m_folder.filePath(QStringLiteral("badrules.json")), rules);
    for (QString& argument : arguments) {
        if (argument == QLatin1String("@rules"))
            argument = rulesPath;
        else if (files.contains(argument))
            argument = files.value(argument);
    }
    for (auto file = files.cbegin(); file != files.cend(); ++file)
        message.replace(file.key(), file.value());
    message.replace(QStringLiteral("@rules"), rulesPath);
    // The typo file is checked before the workload: use a good answers file there.
    if (arguments.contains(QStringLiteral("--requests")))
        arguments[2] = m_resizeAnswers;
    const ProgramRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

void TestAdviseCli::theWindowTakesAnswersAndRefusesBadOnesBeforeStarting()
{
    const QString picture = m_folder.filePath(QStringLiteral("advisor.png"));
    const ProgramRun shown =
        run({QStringLiteral("--screenshot"), picture, QStringLiteral("--size"),
             QStringLiteral("1024x700"), QStringLiteral("--answers"), m_resizeAnswers});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY(QFile::exists(picture));

    const QString typo =
        answersFile(QStringLiteral("window-typo.json"), {{QStringLiteral("gpus"), true}});
    const QString never = m_folder.filePath(QStringLiteral("never.png"));
    const ProgramRun refused =
        run({QStringLiteral("--screenshot"), never, QStringLiteral("--answers"), typo});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(typo + QStringLiteral(": gpus: no such question")),
             qPrintable(refused.err));
    QVERIFY(!QFile::exists(never));

    const ProgramRun badRules =
        run({QStringLiteral("--advice"), typo, QStringLiteral("--screenshot"), never});
    QCOMPARE(badRules.exitCode, 2);
    QVERIFY2(badRules.err.contains(typo + QStringLiteral(": format:")), qPrintable(badRules.err));
    QVERIFY(!QFile::exists(never));
}

QTEST_GUILESS_MAIN(TestAdviseCli)
#include "tst_advisecli.moc"
