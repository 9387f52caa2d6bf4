// Workload files: the defaults of DESIGN.md §4, strict validation naming the field, lossless
// round trips, atomic saves, and the built-in presets.
#include "cost/workload.h"
#include "json/dataerror.h"
#include "jsonfixtures.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <climits>

Q_DECLARE_METATYPE(ace::NumberRule)

using namespace ace;

namespace {

QJsonObject header()
{
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("aws-compute-explorer/workload")},
                       {QStringLiteral("version"), 1}};
}

QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestWorkload : public QObject
{
    Q_OBJECT

private slots:
    void headerOnlyFileHasTheDesignDefaults();
    void designExampleFileEqualsTheDefaults();
    void readsEveryField();
    void rejectsABrokenField_data();
    void rejectsABrokenField();
    void roundTripsThroughAFile_data();
    void roundTripsThroughAFile();
    void failedSaveKeepsTheOldFile();
    void saveThatCannotStartKeepsTheOldFile();
    void saveIntoAMissingFolderFails();
    void presetsAllLoad();
    void savedFileListsTheKeysInTheDocumentedOrder();
    void readerKeepsThePublishedRules_data();
    void readerKeepsThePublishedRules();

private:
    QTemporaryDir m_dir;
};

void TestWorkload::headerOnlyFileHasTheDesignDefaults()
{
    const Workload workload = Workload::fromJson(header(), QStringLiteral("minimal.json"));
    QCOMPARE(workload.name, QStringLiteral("Resize an image when it is uploaded"));
    QCOMPARE(workload.region, QStringLiteral("us-east-1"));
    QCOMPARE(workload.requestsPerMonth, 3e6);
    QCOMPARE(workload.avgDurationMs, 120.0);
    QCOMPARE(workload.peakToAverage, 3.0);
    QCOMPARE(workload.architecture, Architecture::X86_64);
    QCOMPARE(workload.includeFreeTier, true);
    QCOMPARE(workload.function.memoryMb, 1536.0);
    QCOMPARE(workload.function.ephemeralStorageMb, 512.0);
    QCOMPARE(workload.container.vcpu, 1.0);
    QCOMPARE(workload.container.memoryGb, 2.0);
    QCOMPARE(workload.container.ephemeralStorageGb, 20.0);
    QCOMPARE(workload.container.tasks, std::nullopt);
    QCOMPARE(workload.container.minTasks, 1);
    QCOMPARE(workload.container.concurrencyPerVcpu, 1.0);
    QCOMPARE(workload.container.targetUtilization, 0.7);
    QCOMPARE(workload.container.hoursPerMonth, 730.0);
    QCOMPARE(workload.instance.type, QStringLiteral("m5.large"));
    QCOMPARE(workload.instance.count, std::nullopt);
    QCOMPARE(workload.instance.minCount, 1);
    QCOMPARE(workload.instance.hoursPerMonth, 730.0);
    QCOMPARE(workload.clusters, 1);
    QVERIFY(workload == Workload());
}

void TestWorkload::designExampleFileEqualsTheDefaults()
{
    // resources/presets/image-resize.json is DESIGN.md §4's example, value for value.
    const QString path = QStringLiteral(ACE_SOURCE_DIR "/resources/presets/image-resize.json");
    QVERIFY(Workload::load(path) == Workload());
}

void TestWorkload::readsEveryField()
{
    QJsonObject json = header();
    test::setJsonAt(json, QStringLiteral("name"), QStringLiteral("Thumbnailer"));
    test::setJsonAt(json, QStringLiteral("architecture"), QStringLiteral("arm64"));
    test::setJsonAt(json, QStringLiteral("includeFreeTier"), false);
    test::setJsonAt(json, QStringLiteral("function.memoryMb"), 2048);
    test::setJsonAt(json, QStringLiteral("container.tasks"), 4);
    test::setJsonAt(json, QStringLiteral("instance.type"), QStringLiteral("m7g.large"));
    test::setJsonAt(json, QStringLiteral("instance.count"), 2);
    test::setJsonAt(json, QStringLiteral("clusters"), 3);
    const Workload workload = Workload::fromJson(json, QStringLiteral("w.json"));
    QCOMPARE(workload.name, QStringLiteral("Thumbnailer"));
    QCOMPARE(workload.architecture, Architecture::Arm64);
    QCOMPARE(workload.includeFreeTier, false);
    QCOMPARE(workload.function.memoryMb, 2048.0);
    QCOMPARE(workload.function.ephemeralStorageMb, 512.0); // the sibling keeps its default
    QCOMPARE(workload.container.tasks, 4);
    QCOMPARE(workload.instance.type, QStringLiteral("m7g.large"));
    QCOMPARE(workload.instance.count, 2);
    QCOMPARE(workload.clusters, 3);
}

void TestWorkload::rejectsABrokenField_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("error");

    const QJsonValue removed(QJsonValue::Undefined);
    QTest::newRow("missing format")
        << "format" << removed << "w.json: format: required but missing";
    QTest::newRow("wrong format") << "format"
                                  << QJsonValue(QStringLiteral("aws-compute-explorer/prices"))
                                  << "w.json: format: expected \"aws-compute-explorer/workload\", "
                                     "found \"aws-compute-explorer/prices\"";
    QTest::newRow("missing version")
        << "version" << removed << "w.json: version: required but missing";
    QTest::newRow("newer version") << "version" << QJsonValue(2)
                                   << "w.json: version: version 2 was written by a newer program "
                                      "(this program reads version 1)";
    QTest::newRow("older version") << "version" << QJsonValue(0)
                                   << "w.json: version: version 0 is not supported (this program "
                                      "reads version 1)";
    QTest::newRow("unknown key") << "requestsPerMonh" << QJsonValue(5)
                                 << "w.json: requestsPerMonh: unknown key";
    QTest::newRow("unknown nested key")
        << "container.cpu" << QJsonValue(2) << "w.json: container.cpu: unknown key";
    QTest::newRow("name not a string")
        << "name" << QJsonValue(7) << "w.json: name: expected a string, found a number";
    QTest::newRow("empty region") << "region" << QJsonValue(QString())
                                  << "w.json: region: must not be empty";
    QTest::newRow("negative requests")
        << "requestsPerMonth" << QJsonValue(-1)
        << "w.json: requestsPerMonth: must be between 0 and 10,000,000,000,000, found -1";
    QTest::newRow("requests as a string")
        << "requestsPerMonth" << QJsonValue(QStringLiteral("3M"))
        << "w.json: requestsPerMonth: expected a number, found a string";
    QTest::newRow("zero duration")
        << "avgDurationMs" << QJsonValue(0)
        << "w.json: avgDurationMs: must be greater than 0 and at most 86,400,000, found 0";
    QTest::newRow("peak below average")
        << "peakToAverage" << QJsonValue(0.5)
        << "w.json: peakToAverage: must be between 1 and 1,000, found 0.5";
    QTest::newRow("unknown architecture")
        << "architecture" << QJsonValue(QStringLiteral("x86"))
        << "w.json: architecture: \"x86\" is not one of x86_64, arm64";
    QTest::newRow("free tier as a string")
        << "includeFreeTier" << QJsonValue(QStringLiteral("yes"))
        << "w.json: includeFreeTier: expected true or false, found a string";
    QTest::newRow("function not an object")
        << "function" << QJsonValue(1536) << "w.json: function: expected an object, found a number";
    QTest::newRow("memory too small")
        << "function.memoryMb" << QJsonValue(64)
        << "w.json: function.memoryMb: must be a whole number between 128 and 10,240, found 64";
    QTest::newRow("memory too large")
        << "function.memoryMb" << QJsonValue(10241)
        << "w.json: function.memoryMb: must be a whole number between 128 and 10,240, found 10,241";
    QTest::newRow("fractional memory")
        << "function.memoryMb" << QJsonValue(1536.5)
        << "w.json: function.memoryMb: must be a whole number between 128 and 10,240, found "
           "1,536.5";
    QTest::newRow("function storage below included")
        << "function.ephemeralStorageMb" << QJsonValue(256)
        << "w.json: function.ephemeralStorageMb: must be a whole number between 512 and 10,240, "
           "found 256";
    QTest::newRow("zero vCPU") << "container.vcpu" << QJsonValue(0)
                               << "w.json: container.vcpu: must be greater than 0 and at most "
                                  "192, found 0";
    QTest::newRow("negative memory")
        << "container.memoryGb" << QJsonValue(-2)
        << "w.json: container.memoryGb: must be greater than 0 and at most 1,024, found -2";
    QTest::newRow("container storage")
        << "container.ephemeralStorageGb" << QJsonValue(500)
        << "w.json: container.ephemeralStorageGb: must be between 20 and 200, found 500";
    QTest::newRow("zero tasks")
        << "container.tasks" << QJsonValue(0)
        << "w.json: container.tasks: must be a whole number between 1 and 100,000, found 0";
    QTest::newRow("fractional tasks")
        << "container.tasks" << QJsonValue(2.5)
        << "w.json: container.tasks: must be a whole number between 1 and 100,000, found 2.5";
    QTest::newRow("tasks as a string")
        << "container.tasks" << QJsonValue(QStringLiteral("auto"))
        << "w.json: container.tasks: expected a number or null, found a string";
    QTest::newRow("negative minimum tasks")
        << "container.minTasks" << QJsonValue(-1)
        << "w.json: container.minTasks: must be a whole number between 0 and 100,000, found -1";
    QTest::newRow("zero concurrency")
        << "container.concurrencyPerVcpu" << QJsonValue(0)
        << "w.json: container.concurrencyPerVcpu: must be greater than 0 and at most 100,000, "
           "found 0";
    QTest::newRow("utilization above 1")
        << "container.targetUtilization" << QJsonValue(70)
        << "w.json: container.targetUtilization: must be greater than 0 and at most 1, found 70";
    QTest::newRow("zero utilization")
        << "container.targetUtilization" << QJsonValue(0)
        << "w.json: container.targetUtilization: must be greater than 0 and at most 1, found 0";
    QTest::newRow("container hours beyond a month")
        << "container.hoursPerMonth" << QJsonValue(745)
        << "w.json: container.hoursPerMonth: must be greater than 0 and at most 744, found 745";
    QTest::newRow("empty instance type")
        << "instance.type" << QJsonValue(QString()) << "w.json: instance.type: must not be empty";
    QTest::newRow("zero instances")
        << "instance.count" << QJsonValue(0)
        << "w.json: instance.count: must be a whole number between 1 and 100,000, found 0";
    QTest::newRow("fractional minimum instances")
        << "instance.minCount" << QJsonValue(1.5)
        << "w.json: instance.minCount: must be a whole number between 0 and 100,000, found 1.5";
    QTest::newRow("instance hours zero")
        << "instance.hoursPerMonth" << QJsonValue(0)
        << "w.json: instance.hoursPerMonth: must be greater than 0 and at most 744, found 0";
    QTest::newRow("zero clusters")
        << "clusters" << QJsonValue(0)
        << "w.json: clusters: must be a whole number between 1 and 100, found 0";
}

void TestWorkload::rejectsABrokenField()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);
    QJsonObject json = Workload().toJson();
    test::setJsonAt(json, path, value);
    try {
        Workload::fromJson(json, QStringLiteral("w.json"));
        QFAIL("a broken workload was accepted");
    } catch (const DataError& dataError) {
        QCOMPARE(dataError.toString(), error);
    }
}

void TestWorkload::roundTripsThroughAFile_data()
{
    QTest::addColumn<Workload>("workload");

    QTest::newRow("defaults") << Workload();
    Workload everythingChanged;
    everythingChanged.name = QStringLiteral("Ünïcode name, \"quoted\"");
    everythingChanged.region = QStringLiteral("eu-west-1");
    everythingChanged.requestsPerMonth = 123456789.25;
    everythingChanged.avgDurationMs = 0.1;
    everythingChanged.peakToAverage = 1.7;
    everythingChanged.architecture = Architecture::Arm64;
    everythingChanged.includeFreeTier = false;
    everythingChanged.function = {10240, 2048};
    everythingChanged.container.vcpu = 0.25;
    everythingChanged.container.memoryGb = 0.5;
    everythingChanged.container.ephemeralStorageGb = 21.5;
    everythingChanged.container.tasks = 7;
    everythingChanged.container.minTasks = 0;
    everythingChanged.container.concurrencyPerVcpu = 12.5;
    everythingChanged.container.targetUtilization = 1.0 / 3.0;
    everythingChanged.container.hoursPerMonth = 0.5;
    everythingChanged.instance = {QStringLiteral("c7g.large"), 9, 2, 744};
    everythingChanged.clusters = 4;
    QTest::newRow("everything changed") << everythingChanged;
}

void TestWorkload::roundTripsThroughAFile()
{
    QFETCH(Workload, workload);
    const QString path = m_dir.filePath(QStringLiteral("round-trip.json"));
    QCOMPARE(workload.save(path), std::nullopt);
    const Workload loaded = Workload::load(path);
    QVERIFY(loaded == workload);
    QVERIFY(!(loaded != workload));
}

void TestWorkload::failedSaveKeepsTheOldFile()
{
    // QSaveFile writes next to the target and renames over it; when that cannot happen (here
    // the target is a folder, which no rename can replace) the old contents must survive.
    QDir dir(m_dir.path());
    QVERIFY(dir.mkpath(QStringLiteral("occupied.json")));
    const QString blocked = dir.filePath(QStringLiteral("occupied.json"));
    QVERIFY(test::writeJsonFile(dir.filePath(QStringLiteral("occupied.json/inside.json")), header())
                .size() > 0);
    const std::optional<QString> error = Workload().save(blocked);
    QVERIFY(error);
    QVERIFY2(error->startsWith(blocked + QStringLiteral(": cannot write: ")), qPrintable(*error));
    QVERIFY(QFileInfo(blocked).isDir());
}

void TestWorkload::saveThatCannotStartKeepsTheOldFile()
{
    // A file name of the longest length a folder allows: the file itself can be written, but
    // the temporary file a save writes first (its name plus a suffix) cannot, for any user,
    // root included, so the save fails before it touches the old file.
    const QString path = m_dir.filePath(QString(NAME_MAX - 5, u'w') + QStringLiteral(".json"));
    Workload original;
    original.name = QStringLiteral("Original");
    QCOMPARE(original.save(path), std::nullopt);
    const QByteArray before = contentsOf(path);
    QVERIFY(!before.isEmpty());

    Workload changed;
    changed.name = QStringLiteral("Changed");
    const std::optional<QString> error = changed.save(path);
    QVERIFY(error);
    QVERIFY2(error->startsWith(path + QStringLiteral(": cannot write: ")), qPrintable(*error));
    QCOMPARE(contentsOf(path), before);
}

void TestWorkload::saveIntoAMissingFolderFails()
{
    const QString path = m_dir.filePath(QStringLiteral("no/such/folder/w.json"));
    const std::optional<QString> error = Workload().save(path);
    QVERIFY(error);
    QVERIFY2(error->startsWith(path + QStringLiteral(": cannot write: ")), qPrintable(*error));
    QVERIFY(!QFile::exists(path));
}

void TestWorkload::presetsAllLoad()
{
    const QList<WorkloadPreset> presets = builtInWorkloadPresets();
    QStringList ids;
    QStringList names;
    for (const WorkloadPreset& preset : presets) {
        ids.append(preset.id);
        names.append(preset.name);
        QCOMPARE(Workload::load(preset.path).name, preset.name);
    }
    QCOMPARE(ids, (QStringList{QStringLiteral("always-on-api"), QStringLiteral("image-resize"),
                               QStringLiteral("kubernetes-microservices"),
                               QStringLiteral("nightly-batch")}));
    QCOMPARE(names, (QStringList{QStringLiteral("Always-on JSON API"),
                                 QStringLiteral("Resize an image when it is uploaded"),
                                 QStringLiteral("Kubernetes microservices"),
                                 QStringLiteral("Nightly batch job")}));
    // The nightly batch job is the one Lambda cannot run: 20 minutes per request.
    const Workload nightly = Workload::load(presets.at(3).path);
    QVERIFY(nightly.avgDurationMs > 900 * 1000);
}

namespace {

// The keys of a JSON text, nested ones included, in the order they are written.
QStringList keysInOrder(const QByteArray& json)
{
    QStringList keys;
    const QRegularExpression key(QStringLiteral("\"(\\w+)\"\\s*:"));
    for (const QRegularExpressionMatch& match : key.globalMatch(QString::fromUtf8(json)))
        keys.append(match.captured(1));
    return keys;
}

} // namespace

void TestWorkload::savedFileListsTheKeysInTheDocumentedOrder()
{
    // The design's example (DESIGN.md §4) is the built-in preset, keys in the design's order.
    const QByteArray example =
        contentsOf(QStringLiteral(ACE_SOURCE_DIR "/resources/presets/image-resize.json"));
    QCOMPARE(
        keysInOrder(example).mid(0, 3),
        (QStringList{QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("name")}));
    const QString path = m_dir.filePath(QStringLiteral("ordered.json"));
    Workload workload;
    workload.name = QStringLiteral("Quotes \" and \\ backslashes: ünïcode");
    workload.container.tasks = 3;
    QCOMPARE(workload.save(path), std::nullopt);
    const QByteArray saved = contentsOf(path);
    QCOMPARE(keysInOrder(saved), keysInOrder(example));
    // Still JSON, and the same workload.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(saved, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.object(), workload.toJson());
    QVERIFY(Workload::load(path) == workload);
}

void TestWorkload::readerKeepsThePublishedRules_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<NumberRule>("rule");
    QTest::newRow("requests") << "requestsPerMonth" << WorkloadRules::requestsPerMonth;
    QTest::newRow("duration") << "avgDurationMs" << WorkloadRules::avgDurationMs;
    QTest::newRow("peak") << "peakToAverage" << WorkloadRules::peakToAverage;
    QTest::newRow("function memory") << "function.memoryMb" << WorkloadRules::functionMemoryMb;
    QTest::newRow("function storage")
        << "function.ephemeralStorageMb" << WorkloadRules::functionEphemeralStorageMb;
    QTest::newRow("vcpu") << "container.vcpu" << WorkloadRules::taskVcpu;
    QTest::newRow("task memory") << "container.memoryGb" << WorkloadRules::taskMemoryGb;
    QTest::newRow("task storage") << "container.ephemeralStorageGb"
                                  << WorkloadRules::taskEphemeralStorageGb;
    QTest::newRow("tasks") << "container.tasks" << WorkloadRules::fixedCount;
    QTest::newRow("minimum tasks") << "container.minTasks" << WorkloadRules::minimumCount;
    QTest::newRow("in flight") << "container.concurrencyPerVcpu"
                               << WorkloadRules::concurrencyPerVcpu;
    QTest::newRow("utilization") << "container.targetUtilization"
                                 << WorkloadRules::targetUtilization;
    QTest::newRow("task hours") << "container.hoursPerMonth" << WorkloadRules::hoursPerMonth;
    QTest::newRow("instances") << "instance.count" << WorkloadRules::fixedCount;
    QTest::newRow("minimum instances") << "instance.minCount" << WorkloadRules::minimumCount;
    QTest::newRow("instance hours") << "instance.hoursPerMonth" << WorkloadRules::hoursPerMonth;
    QTest::newRow("clusters") << "clusters" << WorkloadRules::clusters;
}

// The editor refuses what the rules refuse; the file reader must agree, value for value.
void TestWorkload::readerKeepsThePublishedRules()
{
    QFETCH(QString, path);
    QFETCH(NumberRule, rule);
    const auto reads = [&path](double value) {
        QJsonObject json = header();
        test::setJsonAt(json, path, value);
        try {
            Workload::fromJson(json, QStringLiteral("w.json"));
            return true;
        } catch (const DataError&) {
            return false;
        }
    };
    QCOMPARE(reads(rule.min), rule.minInclusive);
    QCOMPARE(reads(rule.max), rule.maxInclusive);
    QVERIFY(!reads(rule.min - 1));
    QVERIFY(!reads(rule.max * 1.5 + 1));
    if (rule.wholeNumber)
        QVERIFY(!reads(rule.min + 0.5));
}

QTEST_GUILESS_MAIN(TestWorkload)
#include "tst_workload.moc"
