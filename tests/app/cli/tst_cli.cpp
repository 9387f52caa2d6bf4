// The command line, run as users run it: output shapes, exit statuses and error messages.
#include "jsonfixtures.h"
#include "programrun.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = ace::test::ProgramRun;

Run runProgram(const QStringList& arguments)
{
    return ace::test::runProgram(QStringLiteral(ACE_PROGRAM), arguments);
}

// Sets (or, given a null value, unsets) an environment variable that the program inherits, for
// the life of the object.
class ScopedEnvironment
{
public:
    ScopedEnvironment(const char* name, const QByteArray& value)
        : m_name(name)
        , m_wasSet(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        value.isNull() ? qunsetenv(name) : qputenv(name, value);
    }
    ~ScopedEnvironment() { m_wasSet ? qputenv(m_name, m_old) : qunsetenv(m_name); }
    Q_DISABLE_COPY_MOVE(ScopedEnvironment)

private:
    const char* m_name;
    bool m_wasSet;
    QByteArray m_old;
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    // Text output one line per row and paragraph, as the tests of its content expect
    // (textWrapsToTheTerminalWidth tests narrower terminals).
    const ScopedEnvironment m_wideTerminal{"COLUMNS", "100000"};

private slots:
    void compareTakesServicesInTheWindow_data();
    void compareTakesServicesInTheWindow();
    void quickSettingsDoNotClaimThePresetsName_data();
    void quickSettingsDoNotClaimThePresetsName();
    void fixedCapacityTooSmallIsNotFeasible();
    void costCountsWithSeparatorsAndPlurals();
    void versionAndHelp();
    void listPrintsTheLayeringAsATable();
    void listJsonTellsTheLayeringStory();
    void listWithAUserCatalog();
    void textWrapsToTheTerminalWidth_data();
    void textWrapsToTheTerminalWidth();
    void badUsageOrInputExitsWithTwo_data();
    void badUsageOrInputExitsWithTwo();
    void usageErrorsNameTheOptionAsTyped_data();
    void usageErrorsNameTheOptionAsTyped();
    void badWorkloadFileFieldKeepsItsNameBesideQuickSettings();
    void badCatalogNamesTheFileAndField();
    void costJsonFollowsTheEstimateFormat();
    void costTableShowsTotalsLineItemsAndNotes();
    void costCsvHasOneRowPerLineItem();
    void costShowsTheWholeBillByKind();
    void costQuickOptionsMapOntoTheWorkload();
    void breakEvenCrossingsAgreeWithCost();
    void screenshotRendersTheWindowAtTheAskedSize();
    void screenshotRefusesBadOptions_data();
    void screenshotRefusesBadOptions();
    void screenshotThatCannotBeWrittenExitsWithOne();
    void screenshotWithComparePicturesTheComparison();
    void guiRefusesABadCompareBeforeStarting();
    void breakEvenReportsANearTieOnce();
    void costCsvNumbersAreShortestRoundTrips();
    void doorFlagPutsADoorInFrontOfEveryOption_data();
    void doorFlagPutsADoorInFrontOfEveryOption();
    void responseKbSetsTheResponseSize();
    void presetsRoundTripThroughTheCommandLine_data();
    void presetsRoundTripThroughTheCommandLine();
    void pricesImportWritesABookThatRegionPicks();
    void pricesImportWithOutputWritesThere();
    void pricesImportShowsProgressOnlyOnATerminal();
    void pricesImportBadInputWritesNothing_data();
    void pricesImportBadInputWritesNothing();
    void pricesListShowsBuiltInAndImported();
    void regionWithoutABookOrWithPricesIsRefused();
    void aPriceBookWithoutControlPlanesIsNamedInEveryCommand();
    void controlCharactersFromFilesAreEscapedOnTheTerminal();
    void aLoadBeyondAnyFleetIsNotFeasible();

private:
    QTemporaryDir m_dir;
};

void TestCli::compareTakesServicesInTheWindow_data()
{
    QTest::addColumn<QString>("pair");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("ECS or EKS?") << "ecs,eks" << 0 << QString();
    QTest::newRow("Fargate or Lambda?") << "fargate,lambda" << 0 << QString();
    QTest::newRow("a service and an option") << "eks,ecs-fargate" << 0 << QString();
    QTest::newRow("a service with itself")
        << "eks,eks" << 2
        << "aws-compute-explorer: --compare: \"eks,eks\" compares Amazon EKS with itself";
    QTest::newRow("an unknown service")
        << "ecs,app-runner" << 2
        << "aws-compute-explorer: --compare: \"ecs,app-runner\" names \"app-runner\", which is "
           "not an option or service id in built-in catalog.json (options: ec2, ecs-ec2, "
           "eks-ec2, ecs-fargate, eks-fargate, lambda; services: ec2, ecs, eks, fargate, lambda)";
}

void TestCli::compareTakesServicesInTheWindow()
{
    QFETCH(QString, pair);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString path = m_dir.filePath(QStringLiteral("services-%1.png").arg(pair));
    const Run run = runProgram({QStringLiteral("--screenshot"), path, QStringLiteral("--compare"),
                                pair, QStringLiteral("--size"), QStringLiteral("1024x700")});
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(QFile::exists(path), exitCode == 0);
    if (exitCode == 0)
        QCOMPARE(QImage(path).size(), QSize(1024, 700));
    else
        QVERIFY2(run.err.startsWith(message), qPrintable(run.err));
}

void TestCli::quickSettingsDoNotClaimThePresetsName_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("name");
    const QString nightly = QStringLiteral(ACE_SOURCE_DIR "/resources/presets/nightly-batch.json");
    QTest::newRow("the defaults") << QStringList() << "Resize an image when it is uploaded";
    // 3M is the default's own volume: given on the command line, it is still not the preset.
    QTest::newRow("the defaults with --requests")
        << QStringList{QStringLiteral("--requests"), QStringLiteral("3M")}
        << "Default workload with --requests 3M";
    QTest::newRow("the defaults with several settings")
        << QStringList{QStringLiteral("--requests"), QStringLiteral("30M"),
                       QStringLiteral("--duration-ms"), QStringLiteral("250"),
                       QStringLiteral("--no-free-tier")}
        << "Default workload with --requests 30M --duration-ms 250 --no-free-tier";
    QTest::newRow("the defaults with the bill's settings")
        << QStringList{QStringLiteral("--door"), QStringLiteral("api-gateway-http"),
                       QStringLiteral("--response-kb"), QStringLiteral("10")}
        << "Default workload with --door api-gateway-http --response-kb 10";
    QTest::newRow("a file") << QStringList{QStringLiteral("--workload"), nightly}
                            << "Nightly batch job";
    QTest::newRow("a file with --requests")
        << QStringList{QStringLiteral("--workload"), nightly, QStringLiteral("--requests"),
                       QStringLiteral("40")}
        << "Nightly batch job, with --requests 40";
}

void TestCli::quickSettingsDoNotClaimThePresetsName()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, name);
    const Run text = runProgram(QStringList{QStringLiteral("cost")} + arguments);
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out.section(u'\n', 0, 0), QStringLiteral("Monthly cost of \"%1\"").arg(name));
}

void TestCli::fixedCapacityTooSmallIsNotFeasible()
{
    // The nightly batch fixes 1 task and 1 instance for 10 hours: at most 60 runs of 1,200 s.
    const QString nightly = QStringLiteral(ACE_SOURCE_DIR "/resources/presets/nightly-batch.json");
    const Run cost = runProgram({QStringLiteral("cost"), QStringLiteral("--workload"), nightly,
                                 QStringLiteral("--requests"), QStringLiteral("1M"),
                                 QStringLiteral("--option"), QStringLiteral("ec2")});
    QCOMPARE(cost.exitCode, 0);
    QVERIFY2(cost.out.contains(QStringLiteral(
                 "1 m5.large instance of 2 vCPU × 10 h a month can serve at most 60 requests of "
                 "1,200 s at 100% target utilization (1 in flight per vCPU); this workload has "
                 "1,000,000")),
             qPrintable(cost.out));
    QVERIFY(!cost.out.contains(QStringLiteral("$0.96")));
    // The sweep starts at 1,000 requests, beyond every option's capacity (and Lambda's 900 s).
    const Run none =
        runProgram({QStringLiteral("breakeven"), QStringLiteral("--workload"), nightly});
    QCOMPARE(none.exitCode, 0);
    QVERIFY2(none.out.contains(QStringLiteral("No option can run this workload from 1,000 to "
                                              "10,000,000,000 requests a month.")),
             qPrintable(none.out));
    // With 1 s runs the capacity (72,000) lies inside the sweep: EC2 stops being the cheapest
    // exactly one request above it.
    const Run crossing =
        runProgram({QStringLiteral("breakeven"), QStringLiteral("--workload"), nightly,
                    QStringLiteral("--duration-ms"), QStringLiteral("1000"),
                    QStringLiteral("--no-free-tier"), QStringLiteral("--json")});
    QCOMPARE(crossing.exitCode, 0);
    const QJsonArray crossings = QJsonDocument::fromJson(crossing.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("crossings"))
                                     .toArray();
    QVERIFY(!crossings.isEmpty());
    const QJsonObject last = crossings.last().toObject();
    QCOMPARE(last.value(QStringLiteral("requestsPerMonth")).toDouble(), 72001.0);
    QCOMPARE(last.value(QStringLiteral("cheapestBelow")).toString(), QStringLiteral("ec2"));
}

void TestCli::costCountsWithSeparatorsAndPlurals()
{
    const Run run =
        runProgram({QStringLiteral("cost"), QStringLiteral("--requests"), QStringLiteral("10B"),
                    QStringLiteral("--option"), QStringLiteral("ecs-ec2")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("1,957 tasks, 979 × m5.large, room for 2 per "
                                             "instance")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("; 1,957 tasks → 979 instances (minimum 1)")),
             qPrintable(run.out));
    QVERIFY2(!run.out.contains(QStringLiteral("(s)")), qPrintable(run.out));
}

void TestCli::versionAndHelp()
{
    const Run version = runProgram({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, QStringLiteral("aws-compute-explorer " ACE_VERSION "\n"));

    const Run help = runProgram({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.startsWith(QStringLiteral("Usage:")));
    for (const QString& command :
         {QStringLiteral(" list "), QStringLiteral(" cost "), QStringLiteral(" breakeven "),
          QStringLiteral(" export "), QStringLiteral(" --screenshot "),
          QStringLiteral(" prices import --region REGION FILE... [-o OUT.json]"),
          QStringLiteral(" prices list [--json]"),
          QStringLiteral("  --region REGION  use the price book of REGION")}) {
        QVERIFY2(help.out.contains(command), qPrintable(command));
    }
    QVERIFY(help.out.contains(QStringLiteral("--screenshot FILE [--size WxH] [--select ID] "
                                             "[--compare A,B]")));
    QVERIFY(help.out.contains(QStringLiteral("  --compare A,B    compare two deployment options")));
    // The suffixes --screenshot accepts, as its error message and the README give them.
    QVERIFY(
        help.out.contains(QStringLiteral("render the main window to FILE (.png, .jpg or .bmp)")));
    // A .deb has the man page, not the README.
    // The door's flag says what it does to the options other than Lambda.
    QVERIFY(help.out.contains(QStringLiteral("--door DOOR      what receives each request in "
                                             "front of Lambda")));
    QVERIFY(help.out.contains(QStringLiteral("every other\n                   option gets an "
                                             "ALB, with alb or none every option gets DOOR")));
    QVERIFY(help.out.contains(QStringLiteral("--response-kb KB the average response")));
    QVERIFY(help.out.contains(QStringLiteral("man aws-compute-explorer")));
    QVERIFY(!help.out.contains(QStringLiteral("README")));
    QVERIFY(help.out.contains(QStringLiteral("as wide as the terminal, or COLUMNS")));
    QVERIFY(help.err.isEmpty());
}

void TestCli::listPrintsTheLayeringAsATable()
{
    const Run run = runProgram({QStringLiteral("list")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    QVERIFY(run.out.contains(QStringLiteral("Services (built-in catalog.json)")));
    QVERIFY(run.out.contains(QStringLiteral("ecs → fargate → AWS infrastructure")));
    QVERIFY(run.out.contains(QStringLiteral("eks → ec2 → AWS infrastructure")));
    // The responsibility matrix: the guest OS row reads You for the EC2-based options and AWS
    // for Fargate and Lambda.
    const QStringList lines = run.out.split(u'\n');
    const auto guestOs = std::find_if(lines.cbegin(), lines.cend(), [](const QString& line) {
        return line.trimmed().startsWith(QStringLiteral("Guest OS"));
    });
    QVERIFY(guestOs != lines.cend());
    QCOMPARE(guestOs->simplified(), QStringLiteral("Guest OS You You You AWS AWS AWS"));
    for (const QString& line : lines)
        QVERIFY2(!line.endsWith(u' '), qPrintable(line));
}

void TestCli::listJsonTellsTheLayeringStory()
{
    const Run run = runProgram({QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);

    const QJsonArray services = root.value(QStringLiteral("services")).toArray();
    QCOMPARE(services.size(), 5);
    QJsonObject ecs;
    for (const QJsonValue& service : services) {
        QVERIFY(!service[QStringLiteral("id")].toString().isEmpty());
        if (service[QStringLiteral("id")] == QStringLiteral("ecs"))
            ecs = service.toObject();
    }
    QCOMPARE(ecs.value(QStringLiteral("runsOn")).toArray(),
             (QJsonArray{QStringLiteral("ec2"), QStringLiteral("fargate")}));
    QCOMPARE(ecs.value(QStringLiteral("usedByOptions")).toArray(),
             (QJsonArray{QStringLiteral("ecs-ec2"), QStringLiteral("ecs-fargate")}));

    const QJsonArray options = root.value(QStringLiteral("options")).toArray();
    QCOMPARE(options.size(), 6);
    QHash<QString, QJsonArray> stacks;
    for (const QJsonValue& option : options)
        stacks.insert(option[QStringLiteral("id")].toString(),
                      option[QStringLiteral("stack")].toArray());
    QCOMPARE(stacks.value(QStringLiteral("eks-fargate")),
             (QJsonArray{QStringLiteral("eks"), QStringLiteral("fargate")}));
    QCOMPARE(stacks.value(QStringLiteral("lambda")), QJsonArray{QStringLiteral("lambda")});
    QCOMPARE(options
                 .at(0)[QStringLiteral("responsibility")][QStringLiteral("guest-os")]
                       [QStringLiteral("who")]
                 .toString(),
             QStringLiteral("customer"));

    const QJsonArray layers = root.value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 10);
    QCOMPARE(layers.first()[QStringLiteral("id")].toString(), QStringLiteral("hardware"));
}

void TestCli::listWithAUserCatalog()
{
    QJsonObject json = ace::test::resourceJson(QStringLiteral("catalog.json"));
    ace::test::setJsonAt(json, QStringLiteral("options[0].name"), QStringLiteral("Plain EC2"));
    const QString path =
        ace::test::writeJsonFile(m_dir.filePath(QStringLiteral("mine.json")), json);
    const Run run = runProgram({QStringLiteral("--catalog"), path, QStringLiteral("list")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("Plain EC2")));
    QVERIFY(run.out.contains(QStringLiteral("Services (") + path + u')'));
}

namespace {

// The words of a text, hyphenated words in parts ("ecs-", "fargate"), without the rules under
// table headers: what must survive any wrapping, in any order.
QStringList wordsOf(const QString& text)
{
    static const QRegularExpression rule(QStringLiteral("^[- ]+$"));
    static const QRegularExpression afterHyphen(QStringLiteral("(?<=-)(?=.)"));
    QStringList words;
    for (const QString& line : text.split(u'\n')) {
        if (rule.match(line).hasMatch())
            continue;
        for (const QString& word : line.split(u' ', Qt::SkipEmptyParts))
            words += word.split(afterHyphen);
    }
    words.sort();
    return words;
}

} // namespace

void TestCli::textWrapsToTheTerminalWidth_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QByteArray>("columns");
    QTest::addColumn<int>("width");
    const QString kubernetes = QStringLiteral(" --workload " ACE_SOURCE_DIR
                                              "/resources/presets/kubernetes-microservices.json");
    const QStringList runs = {QStringLiteral("list"), QStringLiteral("cost"),
                              QStringLiteral("cost") + kubernetes,
                              QStringLiteral("breakeven --duration-ms 1000000"),
                              QStringLiteral("breakeven") + kubernetes};
    for (const QString& arguments : runs) {
        const QByteArray name = arguments.section(u' ', 0, 0).toUtf8();
        const auto row = [&](const char* what, const QByteArray& columns, int width) {
            QTest::addRow("%s %s, %s", name.constData(),
                          arguments.contains(QStringLiteral("kubernetes")) ? "kubernetes"
                          : arguments.contains(u' ')                       ? "near tie"
                                                                           : "default",
                          what)
                << arguments << columns << width;
        };
        row("COLUMNS=60", "60", 60);
        row("COLUMNS=80", "80", 80);
        row("COLUMNS=200", "200", 200);
        // The tests' standard output is a pipe, not a terminal.
        row("no COLUMNS, no terminal", QByteArray(), 100);
        row("COLUMNS not a number", "wide", 100);
        row("COLUMNS too narrow to be meant", "5", 100);
    }
}

void TestCli::textWrapsToTheTerminalWidth()
{
    QFETCH(QString, arguments);
    QFETCH(QByteArray, columns);
    QFETCH(int, width);
    const QStringList argumentList = arguments.split(u' ');
    const Run unwrapped = [&] {
        const ScopedEnvironment wide("COLUMNS", "100000");
        return runProgram(argumentList);
    }();
    QCOMPARE(unwrapped.exitCode, 0);
    const ScopedEnvironment environment("COLUMNS", columns);
    const Run run = runProgram(argumentList);
    QCOMPARE(run.exitCode, 0);

    const auto longestLine = [](const QString& text) {
        qsizetype longest = 0;
        for (const QString& line : text.split(u'\n'))
            longest = std::max(longest, line.size());
        return longest;
    };
    for (const QString& line : run.out.split(u'\n')) {
        QVERIFY2(line.size() <= width, qPrintable(line));
        QVERIFY2(!line.endsWith(u' '), qPrintable(line));
    }
    // What fits is shown as it is; what does not gets lines that use the width.
    if (longestLine(unwrapped.out) <= width)
        QCOMPARE(run.out, unwrapped.out);
    else
        QVERIFY(longestLine(run.out) > width - 5);
    // Every word is there, none cut.
    QCOMPARE(wordsOf(run.out), wordsOf(unwrapped.out));
}

void TestCli::badUsageOrInputExitsWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown command")
        << QStringList{QStringLiteral("lsit")} << "aws-compute-explorer: unknown command \"lsit\"";
    QTest::newRow("stray argument") << QStringList{QStringLiteral("list"), QStringLiteral("ec2")}
                                    << "aws-compute-explorer list: unexpected argument \"ec2\"";
    QTest::newRow("unknown option id")
        << QStringList{QStringLiteral("cost"), QStringLiteral("--option"), QStringLiteral("ec3")}
        << "aws-compute-explorer cost: --option: \"ec3\" is not an option id";
    QTest::newRow("not a number")
        << QStringList{QStringLiteral("cost"), QStringLiteral("--requests"), QStringLiteral("many")}
        << "aws-compute-explorer: command line: --requests: \"many\" is not a number";
    // A quick setting out of range names the flag typed, not the workload file's field.
    QTest::newRow("negative requests")
        << QStringList{QStringLiteral("breakeven"), QStringLiteral("--requests"),
                       QStringLiteral("-5")}
        << "aws-compute-explorer: command line: --requests: must be between 0 and "
           "10,000,000,000,000, found -5\n";
    QTest::newRow("too many requests")
        << QStringList{QStringLiteral("cost"), QStringLiteral("--requests"), QStringLiteral("1e20")}
        << "aws-compute-explorer: command line: --requests: must be between 0 and "
           "10,000,000,000,000, found 1e+20\n";
    QTest::newRow("too much memory")
        << QStringList{QStringLiteral("cost"), QStringLiteral("--memory-mb"),
                       QStringLiteral("20000")}
        << "aws-compute-explorer: command line: --memory-mb: must be a whole number between 128 "
           "and 10,240, found 20,000\n";
    QTest::newRow("no duration")
        << QStringList{QStringLiteral("breakeven"), QStringLiteral("--duration-ms"),
                       QStringLiteral("0")}
        << "aws-compute-explorer: command line: --duration-ms: must be greater than 0";
    QTest::newRow("unknown architecture")
        << QStringList{QStringLiteral("cost"), QStringLiteral("--requests"), QStringLiteral("3M"),
                       QStringLiteral("--architecture"), QStringLiteral("sparc")}
        << "aws-compute-explorer: command line: --architecture: \"sparc\" is not one of";
    QTest::newRow("unknown door")
        << QStringList{QStringLiteral("cost"), QStringLiteral("--door"),
                       QStringLiteral("api-gateway")}
        << "aws-compute-explorer: command line: --door: \"api-gateway\" is not one of none, "
           "function-url, api-gateway-http, api-gateway-rest, alb\n";
    QTest::newRow("negative response")
        << QStringList{QStringLiteral("breakeven"), QStringLiteral("--response-kb"),
                       QStringLiteral("-1")}
        << "aws-compute-explorer: command line: --response-kb: must be between 0 and 1,048,576, "
           "found -1\n";
    QTest::newRow("response not a number")
        << QStringList{QStringLiteral("cost"), QStringLiteral("--response-kb"),
                       QStringLiteral("big")}
        << "aws-compute-explorer: command line: --response-kb: \"big\" is not a number";
    QTest::newRow("missing workload file")
        << QStringList{QStringLiteral("cost"), QStringLiteral("--workload"),
                       QStringLiteral("/nonexistent/w.json")}
        << "aws-compute-explorer: /nonexistent/w.json: cannot read: ";
    QTest::newRow("both formats") << QStringList{QStringLiteral("cost"), QStringLiteral("--json"),
                                                 QStringLiteral("--csv")}
                                  << "aws-compute-explorer cost: choose one of --json and --csv";
    QTest::newRow("bad price book")
        << QStringList{QStringLiteral("--prices"), QStringLiteral("/nonexistent/p.json"),
                       QStringLiteral("cost")}
        << "aws-compute-explorer: /nonexistent/p.json: cannot read: ";
    // Issue 17: /dev/zero was read until memory ran out (abort, 134).
    QTest::newRow("a device as the catalog")
        << QStringList{QStringLiteral("--catalog"), QStringLiteral("/dev/zero"),
                       QStringLiteral("list")}
        << "aws-compute-explorer: /dev/zero: not a regular file (a folder, device, FIFO or "
           "socket)\n";
}

void TestCli::badUsageOrInputExitsWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = runProgram(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(message), qPrintable(run.err));
}

void TestCli::usageErrorsNameTheOptionAsTyped_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("message");
    const auto row = [](const char* arguments, const char* message) {
        QTest::newRow(arguments) << QString::fromUtf8(arguments)
                                 << QStringLiteral("aws-compute-explorer") +
                                        QString::fromUtf8(message);
    };
    row("--frobnicate", ": --frobnicate: no such option; see --help");
    row("--colour list", ": --colour: no such option; see --help");
    row("-q", ": -q: no such option; see --help");
    row("--catalog", ": --catalog: needs a value (e.g. --catalog catalog.json)");
    row("--prices", ": --prices: needs a value (e.g. --prices prices.json)");
    row("--screenshot", ": --screenshot: needs a value (e.g. --screenshot window.png)");
    row("--version=2", ": --version: takes no value");
    row("list --yaml", " list: --yaml: no such option; see --help");
    row("list --json=yes", " list: --json: takes no value");
    row("cost --frobnicate", " cost: --frobnicate: no such option; see --help");
    row("cost --requests", " cost: --requests: needs a value (e.g. --requests 3M)");
    row("cost --option", " cost: --option: needs a value (e.g. --option lambda)");
    row("cost --requests 3M --memory-mb",
        " cost: --memory-mb: needs a value (e.g. --memory-mb 1536)");
    row("cost --door", " cost: --door: needs a value (e.g. --door api-gateway-http)");
    row("export --view cost -o x.png --response-kb",
        " export: --response-kb: needs a value (e.g. --response-kb 10)");
    row("breakeven --csv", " breakeven: --csv: no such option; see --help");
    row("breakeven --duration-ms",
        " breakeven: --duration-ms: needs a value (e.g. --duration-ms 120)");
    row("breakeven --workload",
        " breakeven: --workload: needs a value (e.g. --workload workload.json)");
    row("export --view stack --frobnicate", " export: --frobnicate: no such option; see --help");
    row("export --view stack -o", " export: -o: needs a value (e.g. -o figure.png)");
    row("export --view stack -o x.png --scale", " export: --scale: needs a value (e.g. --scale 2)");
    row("export --view stack -o x.png --transparent=no", " export: --transparent: takes no value");
}

void TestCli::usageErrorsNameTheOptionAsTyped()
{
    QFETCH(QString, arguments);
    QFETCH(QString, message);
    const Run run = runProgram(arguments.split(u' '));
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    // The export command draws, and Qt may warn about its runtime directory first.
    QCOMPARE(run.err.split(u'\n').filter(QStringLiteral("aws-compute-explorer")).join(u'\n'),
             message);
}

void TestCli::badWorkloadFileFieldKeepsItsNameBesideQuickSettings()
{
    QJsonObject json = ace::test::resourceJson(QStringLiteral("presets/image-resize.json"));
    ace::test::setJsonAt(json, QStringLiteral("function.memoryMb"), 64);
    const QString path =
        ace::test::writeJsonFile(m_dir.filePath(QStringLiteral("small.json")), json);
    // The file, not a flag, holds the bad value, so the message names the file and its field.
    const Run run = runProgram({QStringLiteral("cost"), QStringLiteral("--workload"), path,
                                QStringLiteral("--requests"), QStringLiteral("3M")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith(QStringLiteral("aws-compute-explorer: ") + path +
                                QStringLiteral(": function.memoryMb: must be a whole number")),
             qPrintable(run.err));
}

void TestCli::badCatalogNamesTheFileAndField()
{
    QJsonObject json = ace::test::resourceJson(QStringLiteral("catalog.json"));
    ace::test::setJsonAt(json, QStringLiteral("services[2].runsOn[1]"), QStringLiteral("fargat"));
    const QString path = ace::test::writeJsonFile(m_dir.filePath(QStringLiteral("bad.json")), json);
    const Run run = runProgram({QStringLiteral("--catalog"), path, QStringLiteral("list")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.err, QStringLiteral("aws-compute-explorer: ") + path +
                          QStringLiteral(": services[2].runsOn[1]: unknown service \"fargat\"\n"));

    const Run missing =
        runProgram({QStringLiteral("--catalog"), m_dir.filePath(QStringLiteral("none.json")),
                    QStringLiteral("list")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QStringLiteral("none.json: cannot read: ")),
             qPrintable(missing.err));
}

namespace {

QJsonObject runJson(const QStringList& arguments)
{
    const Run run = runProgram(arguments);
    if (run.exitCode != 0)
        return {};
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

QJsonObject estimateFor(const QJsonObject& cost, const QString& option)
{
    for (const QJsonValue& estimate : cost.value(QStringLiteral("estimates")).toArray()) {
        if (estimate[QStringLiteral("option")].toString() == option)
            return estimate.toObject();
    }
    return {};
}

// The cheapest feasible option of a `cost --json` result (ties: the first listed).
QString cheapestIn(const QJsonObject& cost)
{
    QString cheapest;
    double lowest = 0;
    for (const QJsonValue& estimate : cost.value(QStringLiteral("estimates")).toArray()) {
        const QJsonValue total = estimate[QStringLiteral("monthlyTotal")];
        if (total.isDouble() && (cheapest.isEmpty() || total.toDouble() < lowest)) {
            cheapest = estimate[QStringLiteral("option")].toString();
            lowest = total.toDouble();
        }
    }
    return cheapest;
}

} // namespace

void TestCli::costJsonFollowsTheEstimateFormat()
{
    // The image-resize preset is DESIGN.md's example: 3M requests of 120 ms at 1536 MB.
    const QString workload = QStringLiteral(ACE_SOURCE_DIR "/resources/presets/image-resize.json");
    const QJsonObject cost = runJson(
        {QStringLiteral("cost"), QStringLiteral("--workload"), workload, QStringLiteral("--json")});
    const QJsonObject priceBook = cost.value(QStringLiteral("priceBook")).toObject();
    QCOMPARE(priceBook.value(QStringLiteral("region")).toString(), QStringLiteral("us-east-1"));
    QCOMPARE(priceBook.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
    QCOMPARE(priceBook.value(QStringLiteral("asOf")).toString(), QStringLiteral("2026-11-28"));
    QCOMPARE(cost.value(QStringLiteral("estimates")).toArray().size(), 6);

    // By hand: (3M - 1M free) × $0.20/M = $0.40; 3M × 0.12 s × 1.5 GB = 540,000 GB-s, less
    // 400,000 free = 140,000 GB-s × $0.0000166667 = $2.333338.
    const QJsonObject lambda = estimateFor(cost, QStringLiteral("lambda"));
    QCOMPARE(lambda.value(QStringLiteral("feasible")).toBool(), true);
    QVERIFY(qAbs(lambda.value(QStringLiteral("monthlyTotal")).toDouble() - 2.733338) < 1e-9);
    const QJsonObject requests =
        lambda.value(QStringLiteral("lineItems")).toArray().at(0).toObject();
    QCOMPARE(requests.value(QStringLiteral("kind")).toString(), QStringLiteral("requests"));
    QCOMPARE(requests.value(QStringLiteral("quantity")).toDouble(), 2000000.0);
    QVERIFY(qAbs(requests.value(QStringLiteral("amount")).toDouble() - 0.4) < 1e-12);
    // The cluster fee is told by its kind, not its label.
    const QJsonArray eksItems = estimateFor(cost, QStringLiteral("eks-fargate"))
                                    .value(QStringLiteral("lineItems"))
                                    .toArray();
    QCOMPARE(eksItems.last().toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("control-plane"));
    QCOMPARE(eksItems.last().toObject().value(QStringLiteral("amount")).toDouble(), 73.0);
    for (const QString& key :
         {QStringLiteral("label"), QStringLiteral("unit"), QStringLiteral("rate")}) {
        QVERIFY2(requests.contains(key), qPrintable(key));
    }
    QVERIFY(!lambda.value(QStringLiteral("notes")).toArray().isEmpty());
    QVERIFY(lambda.value(QStringLiteral("capacity")).isObject());
}

void TestCli::costTableShowsTotalsLineItemsAndNotes()
{
    const Run run = runProgram({QStringLiteral("cost")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QStringLiteral(
                 "Monthly cost of \"Resize an image when it is uploaded\"\n"
                 "  3,000,000 requests/month, 120 ms average, peak 3× average, x86_64, free "
                 "tier included\n"
                 "Prices: us-east-1 (USD), as of 2026-11-28")),
             qPrintable(run.out));
    // Lambda is the cheapest for this workload, so it heads the table.
    const QStringList lines = run.out.split(u'\n');
    const qsizetype rule = lines.indexOf(QRegularExpression(QStringLiteral("^  -+  -+.*")));
    QVERIFY(rule > 0);
    QCOMPARE(lines.at(rule + 1).simplified(), QStringLiteral("Lambda functions $2.73"));
    QVERIFY(run.out.contains(QStringLiteral("Lambda functions (lambda): $2.73 a month")));
    QVERIFY(run.out.contains(QStringLiteral("  * ")));
}

void TestCli::costCsvHasOneRowPerLineItem()
{
    const Run run = runProgram({QStringLiteral("cost"), QStringLiteral("--option"),
                                QStringLiteral("lambda"), QStringLiteral("--option"),
                                QStringLiteral("eks-fargate"), QStringLiteral("--csv")});
    QCOMPARE(run.exitCode, 0);
    const QStringList rows = run.out.trimmed().split(u'\n');
    QCOMPARE(rows.constFirst(),
             QStringLiteral("option,name,feasible,item,quantity,unit,rate,amount,kind"));
    QVERIFY(rows.size() >= 4);
    QVERIFY(rows.at(1).startsWith(QStringLiteral("lambda,Lambda functions,true,")));
    for (const QString& row : rows.mid(1)) {
        QVERIFY2(row.startsWith(QStringLiteral("lambda,")) ||
                     row.startsWith(QStringLiteral("eks-fargate,")),
                 qPrintable(row));
        QCOMPARE(row.count(u','), 8);
    }
    QVERIFY2(rows.at(1).endsWith(QStringLiteral(",requests")), qPrintable(rows.at(1)));
    QVERIFY2(rows.constLast().startsWith(QStringLiteral("eks-fargate,")) &&
                 rows.constLast().endsWith(QStringLiteral(",control-plane")),
             qPrintable(rows.constLast()));
}

void TestCli::costShowsTheWholeBillByKind()
{
    // API Gateway's HTTP API in front of Lambda, a load balancer in front of the rest, 10 KB
    // responses, a Savings Plan or Spot on every family, EKS in extended support.
    const QString workload = QStringLiteral(ACE_SOURCE_DIR "/tests/data/http-api-whole-bill.json");
    const QJsonObject cost =
        runJson({QStringLiteral("cost"), QStringLiteral("--workload"), workload,
                 QStringLiteral("--option"), QStringLiteral("lambda"), QStringLiteral("--option"),
                 QStringLiteral("ecs-fargate"), QStringLiteral("--json")});
    QSet<QString> kinds;
    for (const QString& option : {QStringLiteral("lambda"), QStringLiteral("ecs-fargate")}) {
        double sum = 0;
        for (const QJsonValue& item :
             estimateFor(cost, option).value(QStringLiteral("lineItems")).toArray()) {
            const QString kind = item[QStringLiteral("kind")].toString();
            kinds.insert(kind);
            const double amount = item[QStringLiteral("amount")].toDouble();
            // Only a discount is negative, and its rate is minus the fraction taken off.
            QCOMPARE(amount < 0, kind == QLatin1String("discount"));
            if (kind == QLatin1String("discount"))
                QVERIFY(item[QStringLiteral("rate")].toDouble() < 0);
            sum += amount;
        }
        const double total =
            estimateFor(cost, option).value(QStringLiteral("monthlyTotal")).toDouble();
        QVERIFY(std::abs(sum - total) < 1e-9 * total);
    }
    for (const char* kind :
         {"requests", "duration", "compute", "request-path", "data-transfer", "discount"})
        QVERIFY2(kinds.contains(QLatin1String(kind)), kind);
    const QJsonObject sources = cost.value(QStringLiteral("priceBook"))
                                    .toObject()
                                    .value(QStringLiteral("rateSources"))
                                    .toObject();
    for (const char* group : {"api-gateway", "alb", "data-transfer"})
        QVERIFY2(sources.contains(QLatin1String(group)), group);

    // The same rows in CSV, each ending in its kind; the table writes the discount's rate as a
    // percentage and its amount with a leading minus.
    const Run csv = runProgram({QStringLiteral("cost"), QStringLiteral("--workload"), workload,
                                QStringLiteral("--option"), QStringLiteral("ecs-fargate"),
                                QStringLiteral("--csv")});
    QCOMPARE(csv.exitCode, 0);
    for (const char* kind : {",request-path", ",data-transfer", ",discount"})
        QVERIFY2(csv.out.contains(QLatin1String(kind) + QStringLiteral("\n")), kind);
    const Run table = runProgram({QStringLiteral("cost"), QStringLiteral("--workload"), workload,
                                  QStringLiteral("--option"), QStringLiteral("ecs-fargate")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains(QStringLiteral("-60%")) &&
                 table.out.contains(QStringLiteral("-$21.62")),
             qPrintable(table.out));
}

void TestCli::costQuickOptionsMapOntoTheWorkload()
{
    // AWS's 1 ms billing example: 60M invocations of 28 ms at 1024 MB, no free tier:
    // requests 60 × $0.20 = $12.00; 60M × 0.028 s × 1 GB = 1,680,000 GB-s × $0.0000166667 =
    // $28.000056.
    const QJsonObject cost = runJson(
        {QStringLiteral("cost"), QStringLiteral("--requests"), QStringLiteral("60M"),
         QStringLiteral("--duration-ms"), QStringLiteral("28"), QStringLiteral("--memory-mb"),
         QStringLiteral("1,024"), QStringLiteral("--no-free-tier"), QStringLiteral("--option"),
         QStringLiteral("lambda"), QStringLiteral("--json")});
    const QJsonObject lambda = estimateFor(cost, QStringLiteral("lambda"));
    QVERIFY(qAbs(lambda.value(QStringLiteral("monthlyTotal")).toDouble() - 40.000056) < 1e-6);
    const QJsonObject workload = cost.value(QStringLiteral("workload")).toObject();
    QCOMPARE(workload.value(QStringLiteral("requestsPerMonth")).toDouble(), 60e6);
    QCOMPARE(workload.value(QStringLiteral("includeFreeTier")).toBool(), false);
}

void TestCli::breakEvenCrossingsAgreeWithCost()
{
    // An always-on API: Lambda is cheapest at low volumes, always-on capacity at high ones.
    const QString workload = QStringLiteral(ACE_SOURCE_DIR "/resources/presets/always-on-api.json");
    const QJsonObject result = runJson({QStringLiteral("breakeven"), QStringLiteral("--workload"),
                                        workload, QStringLiteral("--json")});
    const QJsonArray crossings = result.value(QStringLiteral("crossings")).toArray();
    QVERIFY(!crossings.isEmpty());
    double previous = 0;
    for (const QJsonValue& crossing : crossings) {
        const double requests = crossing[QStringLiteral("requestsPerMonth")].toDouble();
        QVERIFY(requests > previous);
        previous = requests;
        // Just below the crossing one option is cheapest, at it the other: ask `cost`.
        const auto cheapestAt = [&workload](double n) {
            return cheapestIn(runJson({QStringLiteral("cost"), QStringLiteral("--workload"),
                                       workload, QStringLiteral("--requests"),
                                       QString::number(n, 'f', 0), QStringLiteral("--json")}));
        };
        QCOMPARE(cheapestAt(requests - 1), crossing[QStringLiteral("cheapestBelow")].toString());
        QCOMPARE(cheapestAt(requests), crossing[QStringLiteral("cheapestAbove")].toString());
    }
    const Run text =
        runProgram({QStringLiteral("breakeven"), QStringLiteral("--workload"), workload});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("from 1,000")), qPrintable(text.out));
    const Run none = runProgram({QStringLiteral("breakeven")});
    QVERIFY2(none.out.contains(QStringLiteral("The cheapest option is the same from 1,000 to "
                                              "10,000,000,000 requests a month.")),
             qPrintable(none.out));
}

void TestCli::screenshotRendersTheWindowAtTheAskedSize()
{
    const QString path = m_dir.filePath(QStringLiteral("window.png"));
    const Run run =
        runProgram({QStringLiteral("--screenshot"), path, QStringLiteral("--size"),
                    QStringLiteral("900x600"), QStringLiteral("--select"), QStringLiteral("lambda"),
                    QStringLiteral("--theme"), QStringLiteral("dark")});
    QCOMPARE(run.exitCode, 0);
    const QImage image(path);
    QCOMPARE(image.size(), QSize(900, 600));
    // The dark theme: the window's surface is dark at the status bar's left end.
    QVERIFY(image.pixelColor(3, image.height() - 3).lightnessF() < 0.3);

    const QString light = m_dir.filePath(QStringLiteral("light.png"));
    QCOMPARE(
        runProgram({QStringLiteral("--screenshot"), light, QStringLiteral("--size"),
                    QStringLiteral("900x600"), QStringLiteral("--theme"), QStringLiteral("light")})
            .exitCode,
        0);
    const QImage lightImage(light);
    QVERIFY(lightImage.pixelColor(3, lightImage.height() - 3).lightnessF() > 0.7);
}

void TestCli::screenshotRefusesBadOptions_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown id") << QStringList{QStringLiteral("--select"), QStringLiteral("ec3")}
                                << "aws-compute-explorer: --select: \"ec3\" is not an option or "
                                   "service id in built-in catalog.json";
    QTest::newRow("bad size") << QStringList{QStringLiteral("--size"), QStringLiteral("900")}
                              << "aws-compute-explorer: --size: \"900\" is not WIDTHxHEIGHT";
    QTest::newRow("absurd size")
        << QStringList{QStringLiteral("--size"), QStringLiteral("90000x600")}
        << "aws-compute-explorer: --size: \"90000x600\" is not WIDTHxHEIGHT";
    QTest::newRow("bad theme") << QStringList{QStringLiteral("--theme"), QStringLiteral("blue")}
                               << "aws-compute-explorer: --theme: \"blue\" is not light or dark";
    const auto compare = [](const char* value) {
        return QStringList{QStringLiteral("--compare"), QString::fromUtf8(value)};
    };
    QTest::newRow("compare one option")
        << compare("lambda")
        << "aws-compute-explorer: --compare: \"lambda\" is not two ids separated by a comma";
    QTest::newRow("compare with itself") << compare("lambda,lambda")
                                         << "aws-compute-explorer: --compare: \"lambda,lambda\" "
                                            "compares an option with itself";
    QTest::newRow("compare unknown id")
        << compare("lambda,nope")
        << "aws-compute-explorer: --compare: \"lambda,nope\" names \"nope\", which is not an "
           "option or service id in built-in catalog.json (options: ec2, ";
    QTest::newRow("compare three")
        << compare("a,b,c")
        << "aws-compute-explorer: --compare: \"a,b,c\" is not two ids separated by a comma";
    QTest::newRow("compare empty")
        << compare("")
        << "aws-compute-explorer: --compare: \"\" is not two ids separated by a comma";
}

void TestCli::screenshotRefusesBadOptions()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    const QString path = m_dir.filePath(QStringLiteral("refused.png"));
    const Run run = runProgram(QStringList{QStringLiteral("--screenshot"), path} + options);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith(message), qPrintable(run.err));
    QVERIFY(!QFile::exists(path));

    const Run suffix =
        runProgram({QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("x.docx"))});
    QCOMPARE(suffix.exitCode, 2);
    QVERIFY2(suffix.err.contains(QStringLiteral("does not end in an image suffix this program "
                                                "writes (.png, .jpg or .bmp)")),
             qPrintable(suffix.err));
}

void TestCli::screenshotThatCannotBeWrittenExitsWithOne()
{
    const QString path = m_dir.filePath(QStringLiteral("no-such-folder/window.png"));
    const Run run = runProgram({QStringLiteral("--screenshot"), path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(path + QStringLiteral(": cannot write")), qPrintable(run.err));
    QVERIFY(!QFile::exists(path));
}

void TestCli::screenshotWithComparePicturesTheComparison()
{
    const QString compared = m_dir.filePath(QStringLiteral("compared.png"));
    const Run run = runProgram({QStringLiteral("--screenshot"), compared,
                                QStringLiteral("--compare"), QStringLiteral("lambda,ecs-fargate"),
                                QStringLiteral("--size"), QStringLiteral("1400x900"),
                                QStringLiteral("--theme"), QStringLiteral("light")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QImage image(compared);
    QCOMPARE(image.size(), QSize(1400, 900));

    const QString plain = m_dir.filePath(QStringLiteral("not-compared.png"));
    QCOMPARE(
        runProgram({QStringLiteral("--screenshot"), plain, QStringLiteral("--size"),
                    QStringLiteral("1400x900"), QStringLiteral("--theme"), QStringLiteral("light")})
            .exitCode,
        0);
    // The comparison tints what differs (the light theme's #fff4b8: layers managed
    // differently, differing attributes); the explorer alone shows no such tint.
    const auto tinted = [](const QImage& picture) {
        const QColor tint(0xff, 0xf4, 0xb8);
        int count = 0;
        for (int y = 0; y < picture.height(); ++y) {
            for (int x = 0; x < picture.width(); ++x) {
                const QColor pixel = picture.pixelColor(x, y);
                count += std::abs(pixel.red() - tint.red()) <= 4 &&
                                 std::abs(pixel.green() - tint.green()) <= 4 &&
                                 std::abs(pixel.blue() - tint.blue()) <= 4
                             ? 1
                             : 0;
            }
        }
        return count;
    };
    const int comparedTint = tinted(image);
    QVERIFY2(comparedTint > 5000, qPrintable(QString::number(comparedTint)));
    QCOMPARE(tinted(QImage(plain)), 0);
}

void TestCli::guiRefusesABadCompareBeforeStarting()
{
    const Run run = runProgram({QStringLiteral("--compare"), QStringLiteral("ec2,ec2")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith(QStringLiteral("aws-compute-explorer: --compare: \"ec2,ec2\"")),
             qPrintable(run.err));
}

void TestCli::breakEvenReportsANearTieOnce()
{
    // Fargate tasks and m5.large instances take turns as the cheapest from 440,737,501 requests
    // (about 50 changes before near ties were merged).
    // The preset as it was in version 1 (compute alone): its request path narrows the gap.
    const QString workload =
        QStringLiteral(ACE_SOURCE_DIR "/tests/data/version1-presets/kubernetes-microservices.json");
    const QJsonObject result = runJson({QStringLiteral("breakeven"), QStringLiteral("--workload"),
                                        workload, QStringLiteral("--json")});
    const QJsonArray crossings = result.value(QStringLiteral("crossings")).toArray();
    QCOMPARE(crossings.size(), 2);
    QCOMPARE(crossings.at(1)[QStringLiteral("requestsPerMonth")].toDouble(), 4618162505.0);
    const QJsonArray nearTies = result.value(QStringLiteral("nearTies")).toArray();
    QCOMPARE(nearTies.size(), 1);
    const QJsonObject tie = nearTies.at(0).toObject();
    QCOMPARE(tie.value(QStringLiteral("options")).toArray(),
             QJsonArray({QStringLiteral("ec2"), QStringLiteral("ecs-fargate")}));
    QCOMPARE(tie.value(QStringLiteral("fromRequestsPerMonth")).toDouble(), 440737501.0);
    QCOMPARE(tie.value(QStringLiteral("toRequestsPerMonth")).toDouble(), 4618162505.0);
    const double gap = tie.value(QStringLiteral("maxGapPercent")).toDouble();
    QVERIFY2(gap > 20 && gap < 40, qPrintable(QString::number(gap)));

    const Run text = runProgram(
        {QStringLiteral("breakeven"), QStringLiteral("--duration-ms"), QStringLiteral("1000000")});
    QCOMPARE(text.exitCode, 0);
    const QStringList rows = text.out.split(u'\n').filter(QStringLiteral("  from "));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).simplified(), QStringLiteral("from 1,000 EC2 instances"));
    QCOMPARE(rows.at(1).simplified(),
             QStringLiteral("from 1,227 EC2 instances or ECS on Fargate (near tie)"));
    QCOMPARE(rows.at(2).simplified(), QStringLiteral("from 21,463 EC2 instances"));
    QVERIFY2(text.out.contains(QStringLiteral("From 1,227 to 21,463 requests a month, EC2 "
                                              "instances and ECS on Fargate take turns as the "
                                              "cheapest, at most ")),
             qPrintable(text.out));
}

void TestCli::costCsvNumbersAreShortestRoundTrips()
{
    const Run run =
        runProgram({QStringLiteral("cost"), QStringLiteral("--option"), QStringLiteral("ec2"),
                    QStringLiteral("--option"), QStringLiteral("lambda"), QStringLiteral("--csv")});
    QCOMPARE(run.exitCode, 0);
    // 730 h × $0.096 = $70.08, printed as such rather than 70.079999999999998.
    QVERIFY2(run.out.contains(
                 QStringLiteral("ec2,EC2 instances,true,m5.large instances,730,instance-hours,"
                                "0.096,70.08,compute\n")),
             qPrintable(run.out));
    for (const QString& row : run.out.trimmed().split(u'\n').mid(1)) {
        for (const QString& field : row.split(u',').mid(4)) {
            bool isNumber = false;
            const double value = field.toDouble(&isNumber);
            if (!isNumber)
                continue;
            // No exponent, and no shorter text would read back as the same double.
            QVERIFY2(!field.contains(u'e'), qPrintable(row));
            if (field.contains(u'.'))
                QVERIFY2(field.chopped(1).toDouble() != value, qPrintable(field));
        }
    }
}

void TestCli::doorFlagPutsADoorInFrontOfEveryOption_data()
{
    QTest::addColumn<QString>("door");
    QTest::addColumn<QString>("othersDoor");
    // A door only Lambda can have puts a load balancer in front of the others.
    QTest::newRow("function URL") << "function-url"
                                  << "alb";
    QTest::newRow("HTTP API") << "api-gateway-http"
                              << "alb";
    QTest::newRow("REST API") << "api-gateway-rest"
                              << "alb";
    // A door any option can have goes in front of every one.
    QTest::newRow("load balancer") << "alb"
                                   << "alb";
    QTest::newRow("none") << "none"
                          << "none";
}

void TestCli::doorFlagPutsADoorInFrontOfEveryOption()
{
    QFETCH(QString, door);
    QFETCH(QString, othersDoor);
    // A file that gives the options doors of their own: the flag replaces them all.
    QTemporaryDir folder;
    QJsonObject file = ace::test::resourceJson(QStringLiteral("presets/always-on-api.json"));
    ace::test::setJsonAt(file, QStringLiteral("requestPath.ecs-fargate"), QStringLiteral("none"));
    ace::test::setJsonAt(file, QStringLiteral("requestPath.ec2"), QStringLiteral("alb"));
    const QString path = ace::test::writeJsonFile(folder.filePath(QStringLiteral("w.json")), file);
    QVERIFY(!path.isEmpty());
    for (const QString& command : {QStringLiteral("cost"), QStringLiteral("breakeven")}) {
        const QJsonObject result =
            runJson({command, QStringLiteral("--workload"), path, QStringLiteral("--door"), door,
                     QStringLiteral("--json")});
        QVERIFY2(!result.isEmpty(), qPrintable(command));
        const QJsonObject workload = result.value(QStringLiteral("workload")).toObject();
        const QJsonObject requestPath = workload.value(QStringLiteral("requestPath")).toObject();
        QCOMPARE(requestPath.value(QStringLiteral("lambda")).toString(), door);
        QCOMPARE(requestPath.value(QStringLiteral("default")).toString(), othersDoor);
        for (const QString& option :
             {QStringLiteral("ec2"), QStringLiteral("ecs-ec2"), QStringLiteral("eks-ec2"),
              QStringLiteral("ecs-fargate"), QStringLiteral("eks-fargate")})
            QVERIFY2(requestPath.value(option).isNull(), qPrintable(option));
        QCOMPARE(workload.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Always-on JSON API, with --door ") + door);
    }
}

void TestCli::responseKbSetsTheResponseSize()
{
    const QJsonObject cost =
        runJson({QStringLiteral("cost"), QStringLiteral("--response-kb"), QStringLiteral("12.5"),
                 QStringLiteral("--option"), QStringLiteral("lambda"), QStringLiteral("--json")});
    const QJsonObject workload = cost.value(QStringLiteral("workload")).toObject();
    const QJsonObject traffic = workload.value(QStringLiteral("traffic")).toObject();
    QCOMPARE(traffic.value(QStringLiteral("avgResponseKb")).toDouble(), 12.5);
    // Nothing else of the bill changes.
    QCOMPARE(traffic.value(QStringLiteral("avgRequestKb")).toDouble(), 1.0);
    QCOMPARE(workload.value(QStringLiteral("requestPath"))[QStringLiteral("default")].toString(),
             QStringLiteral("none"));
    // Export takes it too.
    QTemporaryDir folder;
    const Run exported =
        runProgram({QStringLiteral("export"), QStringLiteral("--view"), QStringLiteral("cost"),
                    QStringLiteral("-o"), folder.filePath(QStringLiteral("c.png")),
                    QStringLiteral("--response-kb"), QStringLiteral("20"), QStringLiteral("--door"),
                    QStringLiteral("api-gateway-http")});
    QCOMPARE(exported.exitCode, 0);
    QVERIFY(QFile::exists(folder.filePath(QStringLiteral("c.png"))));
}

void TestCli::presetsRoundTripThroughTheCommandLine_data()
{
    QTest::addColumn<QString>("preset");
    for (const char* preset :
         {"image-resize", "always-on-api", "kubernetes-microservices", "nightly-batch"})
        QTest::newRow(preset) << QString::fromUtf8(preset);
}

void TestCli::presetsRoundTripThroughTheCommandLine()
{
    QFETCH(QString, preset);
    // Each preset is a whole version-2 file: what `cost` read is what the file says, field by
    // field, with none left to a default.
    const QString relative = QStringLiteral("presets/%1.json").arg(preset);
    const QJsonObject file = ace::test::resourceJson(relative);
    QCOMPARE(file.value(QStringLiteral("version")).toInt(), 2);
    const QJsonObject cost = runJson({QStringLiteral("cost"), QStringLiteral("--workload"),
                                      QStringLiteral(ACE_SOURCE_DIR "/resources/") + relative,
                                      QStringLiteral("--json")});
    QCOMPARE(cost.value(QStringLiteral("workload")).toObject(), file);
}

namespace {

QString priceListFixture(const QString& name)
{
    return QStringLiteral(ACE_SOURCE_DIR "/tests/data/price-list/") + name;
}

// The files of a whole us-east-1 price book (see tests/data/price-list/README.md).
QStringList usEast1OfferFiles()
{
    QStringList files;
    for (const char* name : {"ec2-us-east-1.query-api-m5.large.json", "ec2-us-east-1.sample.json",
                             "ecs-us-east-1.sample.json", "lambda-us-east-1.constructed.csv",
                             "eks-us-east-1.constructed.json"})
        files.append(priceListFixture(QString::fromLatin1(name)));
    return files;
}

} // namespace

void TestCli::pricesImportWritesABookThatRegionPicks()
{
    const QTemporaryDir data;
    const ScopedEnvironment dataHome("XDG_DATA_HOME", data.path().toUtf8());
    const QString written = data.filePath(
        QStringLiteral("aws-compute-explorer/aws-compute-explorer/prices/us-east-1.json"));
    const Run import =
        runProgram(QStringList{QStringLiteral("prices"), QStringLiteral("import"),
                               QStringLiteral("--region"), QStringLiteral("us-east-1")} +
                   usEast1OfferFiles());
    QCOMPARE(import.err, QString());
    QCOMPARE(import.exitCode, 0);
    QVERIFY2(
        import.out.startsWith(QStringLiteral("Wrote %1: us-east-1, USD, as of 2021-02-05, 2 EC2 "
                                             "instance types\n")
                                  .arg(written)),
        qPrintable(import.out));
    QVERIFY(import.out.contains(
        QStringLiteral("ec2-us-east-1.sample.json (AmazonEC2 20240528203522, JSON)")));
    QVERIFY(
        import.out.contains(QStringLiteral("Not in the files (estimates that need them say "
                                           "\"not included\"):\n  API Gateway HTTP API requests")));
    QVERIFY(QFile::exists(written));

    // --region picks the imported book, before the built-in one of the same region.
    const Run cost = runProgram({QStringLiteral("--region"), QStringLiteral("us-east-1"),
                                 QStringLiteral("cost"), QStringLiteral("--json")});
    QCOMPARE(cost.exitCode, 0);
    const QJsonObject priceBook =
        QJsonDocument::fromJson(cost.out.toUtf8()).object()[QStringLiteral("priceBook")].toObject();
    QCOMPARE(priceBook[QStringLiteral("source")].toString(), written);
    QCOMPARE(priceBook[QStringLiteral("asOf")].toString(), QStringLiteral("2021-02-05"));
    QVERIFY(priceBook[QStringLiteral("rateSources")][QStringLiteral("ec2")].toString().contains(
        QStringLiteral("AmazonEC2/20210205204500/us-east-1/index.json#published=")));
}

void TestCli::pricesImportShowsProgressOnlyOnATerminal()
{
    // On a terminal (script(1) gives the program one), a line of progress rewritten in place
    // and erased before the summary; into a pipe (every other test), nothing on stderr.
    const QString output = m_dir.filePath(QStringLiteral("imported/progress.json"));
    QStringList command = QStringList{QStringLiteral(ACE_PROGRAM),
                                      QStringLiteral("prices"),
                                      QStringLiteral("import"),
                                      QStringLiteral("--region"),
                                      QStringLiteral("us-east-1"),
                                      QStringLiteral("-o"),
                                      output} +
                          usEast1OfferFiles();
    for (QString& word : command)
        word = u'\'' + word + u'\'';
    const Run onTerminal =
        ace::test::runProgram(QStringLiteral("script"), {QStringLiteral("-qec"), command.join(u' '),
                                                         QStringLiteral("/dev/null")});
    QCOMPARE(onTerminal.exitCode, 0);
    const QString erase = QStringLiteral("\r\x1b[K");
    const qsizetype progress = onTerminal.out.indexOf(QRegularExpression(
        QStringLiteral("\r\x1b\\[KImporting: [0-9.]+ kB of [0-9.]+ kB \\([0-9]+%\\), reading ")));
    QVERIFY2(progress >= 0, qPrintable(onTerminal.out));
    QVERIFY(
        onTerminal.out.contains(QStringLiteral(", reading ec2-us-east-1.query-api-m5.large.json")));
    // The summary starts at the beginning of a line the progress has been erased from.
    QVERIFY(onTerminal.out.indexOf(erase + QStringLiteral("Wrote ") + output) > progress);
}

void TestCli::pricesImportWithOutputWritesThere()
{
    const QString output = m_dir.filePath(QStringLiteral("imported/book.json"));
    const Run import = runProgram(
        QStringList{QStringLiteral("prices"), QStringLiteral("import"), QStringLiteral("--region"),
                    QStringLiteral("us-east-1"), QStringLiteral("-o"), output} +
        usEast1OfferFiles());
    QCOMPARE(import.exitCode, 0);
    const Run cost = runProgram({QStringLiteral("--prices"), output, QStringLiteral("cost")});
    QCOMPARE(cost.exitCode, 0);
    QVERIFY(cost.out.contains(output));
}

void TestCli::pricesImportBadInputWritesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString ecs = priceListFixture(QStringLiteral("ecs-us-east-1.sample.json"));
    QTest::newRow("another region")
        << QStringList{QStringLiteral("--region"), QStringLiteral("eu-west-1"), ecs}
        << QStringLiteral("aws-compute-explorer prices import: %1: an offer for us-east-1, not for "
                          "eu-west-1 (the region asked for)\n")
               .arg(ecs);
    const QString index = priceListFixture(QStringLiteral("offer-index.sample.json"));
    QTest::newRow("not an offer file")
        << QStringList{QStringLiteral("--region"), QStringLiteral("us-east-1"), index}
        << QStringLiteral("aws-compute-explorer prices import: %1: not an AWS Price List offer "
                          "file (no \"offerCode\" before \"products\")\n")
               .arg(index);
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("--regoin"), QStringLiteral("eu-west-1"), ecs}
        << QStringLiteral("aws-compute-explorer prices import: --regoin: no such option; see "
                          "--help\n");
    QTest::newRow("no region") << QStringList{ecs}
                               << QStringLiteral("aws-compute-explorer prices import: --region: "
                                                 "needs the region the files are for (e.g. "
                                                 "--region eu-west-1)\n");
    QTest::newRow("no files") << QStringList{QStringLiteral("--region"),
                                             QStringLiteral("eu-west-1")}
                              << QStringLiteral(
                                     "aws-compute-explorer prices import: no offer files "
                                     "(e.g. AmazonEC2 and AWSLambda index.csv or "
                                     "index.json of eu-west-1)\n");
}

void TestCli::pricesImportBadInputWritesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString output = m_dir.filePath(QStringLiteral("never.json"));
    const Run run = runProgram(QStringList{QStringLiteral("prices"), QStringLiteral("import"),
                                           QStringLiteral("-o"), output} +
                               arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, message);
    QCOMPARE(run.out, QString());
    QVERIFY(!QFile::exists(output));
}

void TestCli::pricesListShowsBuiltInAndImported()
{
    const QTemporaryDir data;
    const ScopedEnvironment dataHome("XDG_DATA_HOME", data.path().toUtf8());
    const Run before = runProgram({QStringLiteral("prices"), QStringLiteral("list")});
    QCOMPARE(before.exitCode, 0);
    QVERIFY(before.out.contains(QRegularExpression(
        QStringLiteral("us-east-1 +USD +2026-11-28 +built in +built-in prices/us-east-1.json\n"))));
    QVERIFY(
        before.out.contains(QStringLiteral("  lambda: https://aws.amazon.com/lambda/pricing/\n")));

    QCOMPARE(runProgram(QStringList{QStringLiteral("prices"), QStringLiteral("import"),
                                    QStringLiteral("--region"), QStringLiteral("us-east-1")} +
                        usEast1OfferFiles())
                 .exitCode,
             0);
    const Run after =
        runProgram({QStringLiteral("prices"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(after.exitCode, 0);
    const QJsonObject list = QJsonDocument::fromJson(after.out.toUtf8()).object();
    const QJsonArray books = list[QStringLiteral("priceBooks")].toArray();
    QCOMPARE(books.size(), 2);
    QCOMPARE(books[0][QStringLiteral("builtIn")].toBool(), true);
    QCOMPARE(books[1][QStringLiteral("builtIn")].toBool(), false);
    QCOMPARE(books[1][QStringLiteral("region")].toString(), QStringLiteral("us-east-1"));
    QCOMPARE(books[1][QStringLiteral("asOf")].toString(), QStringLiteral("2021-02-05"));
    QVERIFY(books[1][QStringLiteral("sources")][0][QStringLiteral("url")].toString().contains(
        QStringLiteral("AWSLambda/20261120100000")));
    QVERIFY(list[QStringLiteral("importedFolder")].toString().startsWith(data.path()));
}

void TestCli::regionWithoutABookOrWithPricesIsRefused()
{
    const QTemporaryDir data;
    const ScopedEnvironment dataHome("XDG_DATA_HOME", data.path().toUtf8());
    const Run none = runProgram(
        {QStringLiteral("--region"), QStringLiteral("eu-west-1"), QStringLiteral("cost")});
    QCOMPARE(none.exitCode, 2);
    QCOMPARE(none.err,
             QStringLiteral("aws-compute-explorer: --region: \"eu-west-1\" has no price book "
                            "(there are: us-east-1); import one with \"aws-compute-explorer "
                            "prices import --region eu-west-1 FILE...\"\n"));
    const Run both =
        runProgram({QStringLiteral("--region"), QStringLiteral("us-east-1"),
                    QStringLiteral("--prices"), QStringLiteral("x.json"), QStringLiteral("cost")});
    QCOMPARE(both.exitCode, 2);
    QCOMPARE(both.err,
             QStringLiteral("aws-compute-explorer: --region: \"us-east-1\" and --prices both "
                            "choose the price book: give one\n"));
    const Run builtIn = runProgram(
        {QStringLiteral("--region"), QStringLiteral("us-east-1"), QStringLiteral("cost")});
    QCOMPARE(builtIn.exitCode, 0);
    QVERIFY(builtIn.out.contains(QStringLiteral("built-in prices/us-east-1.json")));
}

void TestCli::aPriceBookWithoutControlPlanesIsNamedInEveryCommand()
{
    // Issue 17: a price book without control-plane rates crashed cost, breakeven, export and
    // the window, and priced ECS on EC2 as plain EC2.
    QJsonObject json = ace::test::resourceJson(QStringLiteral("prices/us-east-1.json"));
    json.insert(QStringLiteral("controlPlanes"), QJsonObject{});
    const QString prices =
        ace::test::writeJsonFile(m_dir.filePath(QStringLiteral("no-control-planes.json")), json);
    const QStringList withPrices = {QStringLiteral("--prices"), prices};

    const Run cost =
        runProgram(withPrices + QStringList{QStringLiteral("cost"), QStringLiteral("--json")});
    QCOMPARE(cost.exitCode, 0);
    const QJsonArray estimates = QJsonDocument::fromJson(cost.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("estimates"))
                                     .toArray();
    QCOMPARE(estimates.size(), 6);
    for (const QJsonValue& value : estimates) {
        const QJsonObject estimate = value.toObject();
        const QString option = estimate.value(QStringLiteral("option")).toString();
        QVERIFY2(estimate.value(QStringLiteral("feasible")).toBool(), qPrintable(option));
        if (!option.contains(u'-'))
            continue; // ec2 and lambda have no orchestrator
        const QString orchestrator = option.section(u'-', 0, 0);
        QVERIFY2(estimate.value(QStringLiteral("notes"))
                     .toArray()
                     .contains(QStringLiteral("Not included: the %1 control plane (this price "
                                              "book has no \"controlPlanes.%2\" rates)")
                                   .arg(orchestrator.toUpper(), orchestrator)),
                 qPrintable(option));
        if (option.endsWith(QLatin1String("-ec2"))) {
            // Bin-packed, as with the orchestrator's rate.
            QVERIFY2(estimate.value(QStringLiteral("capacity"))
                         .toObject()
                         .contains(QStringLiteral("tasksPerInstance")),
                     qPrintable(option));
        }
    }

    QCOMPARE(runProgram(withPrices + QStringList{QStringLiteral("breakeven")}).exitCode, 0);
    const QString figure = m_dir.filePath(QStringLiteral("no-control-planes.png"));
    QCOMPARE(
        runProgram(withPrices + QStringList{QStringLiteral("export"), QStringLiteral("--view"),
                                            QStringLiteral("cost"), QStringLiteral("-o"), figure})
            .exitCode,
        0);
    QVERIFY(!QImage(figure).isNull());
    const QString window = m_dir.filePath(QStringLiteral("no-control-planes-window.png"));
    QCOMPARE(runProgram(withPrices + QStringList{QStringLiteral("--screenshot"), window,
                                                 QStringLiteral("--select"),
                                                 QStringLiteral("eks-fargate")})
                 .exitCode,
             0);
    QVERIFY(!QImage(window).isNull());
}

void TestCli::controlCharactersFromFilesAreEscapedOnTheTerminal()
{
    // Issue 17: a workload's name with an escape sequence and a line break reached the terminal
    // raw: it could recolour it, move the cursor or forge lines of the table.
    const QString name = QStringLiteral("red\x1b[31m\nforged line\u202e");
    QJsonObject json{{QStringLiteral("format"), QStringLiteral("aws-compute-explorer/workload")},
                     {QStringLiteral("version"), 1},
                     {QStringLiteral("name"), name}};
    const QString workload =
        ace::test::writeJsonFile(m_dir.filePath(QStringLiteral("escapes.json")), json);
    const Run text = runProgram({QStringLiteral("cost"), QStringLiteral("--workload"), workload});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("\"red\\x1b[31m\\nforged line\\u202e\"")),
             qPrintable(text.out));
    QVERIFY(!text.out.contains(QChar(0x1b)));
    QVERIFY(!text.out.contains(QChar(0x202e)));
    QVERIFY(!text.out.contains(QStringLiteral("\nforged line")));

    // JSON escapes them itself: the name comes back as it was.
    const Run jsonRun = runProgram(
        {QStringLiteral("cost"), QStringLiteral("--workload"), workload, QStringLiteral("--json")});
    QCOMPARE(jsonRun.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(jsonRun.out.toUtf8())
                 .object()
                 .value(QStringLiteral("workload"))
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             name);

    // Messages quote what the file says, escaped the same way.
    json.insert(QStringLiteral("\x1b[2Jkey"), 1);
    ace::test::writeJsonFile(workload, json);
    const Run bad = runProgram({QStringLiteral("cost"), QStringLiteral("--workload"), workload});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.endsWith(QStringLiteral(": \\x1b[2Jkey: unknown key\n")), qPrintable(bad.err));
}

void TestCli::aLoadBeyondAnyFleetIsNotFeasible()
{
    // Issue 17: a count far beyond int, cast to int, priced this "1 task, $36.04", and
    // breakeven reported a crossing that was not there.
    const QStringList dayLong = {QStringLiteral("--requests"), QStringLiteral("1e13"),
                                 QStringLiteral("--duration-ms"), QStringLiteral("86400000")};
    const Run cost = runProgram(QStringList{QStringLiteral("cost"), QStringLiteral("--option"),
                                            QStringLiteral("ecs-fargate")} +
                                dayLong);
    QCOMPARE(cost.exitCode, 0);
    QVERIFY2(cost.out.contains(QStringLiteral("ECS on Fargate (ecs-fargate): not feasible\n"
                                              "  * The load needs 1,409,001,956,948 tasks of 1 "
                                              "vCPU, more than 1,000,000, beyond any real fleet")),
             qPrintable(cost.out));
    QVERIFY(!cost.out.contains(u'$'));

    // EC2 instances run a day-long request at 1,000 a month, and no option at 10 billion.
    const Run breakEven = runProgram(QStringList{QStringLiteral("breakeven")} + dayLong);
    QCOMPARE(breakEven.exitCode, 0);
    QVERIFY2(breakEven.out.contains(QStringLiteral("from 1,000      EC2 instances")),
             qPrintable(breakEven.out));
    QVERIFY2(breakEven.out.contains(QStringLiteral(
                 "The cheapest option is the same from 1,000 requests a month for as long as one "
                 "can run this workload; at 10,000,000,000 none can.")),
             qPrintable(breakEven.out));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
