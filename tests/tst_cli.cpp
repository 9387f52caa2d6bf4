// The command line, run as users run it: output shapes, exit statuses and error messages.
#include "jsonfixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runProgram(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(ACE_PROGRAM), arguments);
    Run run;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void versionAndHelp();
    void listPrintsTheLayeringAsATable();
    void listJsonTellsTheLayeringStory();
    void listWithAUserCatalog();
    void badUsageExitsWithTwo_data();
    void badUsageExitsWithTwo();
    void badCatalogNamesTheFileAndField();

private:
    QTemporaryDir m_dir;
};

void TestCli::versionAndHelp()
{
    const Run version = runProgram({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, QStringLiteral("aws-compute-explorer " ACE_VERSION "\n"));

    const Run help = runProgram({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.startsWith(QStringLiteral("Usage:")));
    QVERIFY(help.out.contains(QStringLiteral("list [--json]")));
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

void TestCli::badUsageExitsWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown command")
        << QStringList{QStringLiteral("lsit")} << "aws-compute-explorer: unknown command \"lsit\"";
    QTest::newRow("unknown global option")
        << QStringList{QStringLiteral("--colour"), QStringLiteral("list")}
        << "aws-compute-explorer: Unknown option 'colour'";
    QTest::newRow("unknown command option")
        << QStringList{QStringLiteral("list"), QStringLiteral("--yaml")}
        << "aws-compute-explorer list: Unknown option 'yaml'";
    QTest::newRow("stray argument") << QStringList{QStringLiteral("list"), QStringLiteral("ec2")}
                                    << "aws-compute-explorer list: unexpected argument \"ec2\"";
    QTest::newRow("catalog without a file") << QStringList{QStringLiteral("--catalog")}
                                            << "aws-compute-explorer: Missing value after "
                                               "'--catalog'";
}

void TestCli::badUsageExitsWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = runProgram(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(message), qPrintable(run.err));
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
