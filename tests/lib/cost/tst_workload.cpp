// Workload files: the defaults of DESIGN.md §4, strict validation naming the field, lossless
// round trips, atomic saves, and the built-in presets; the table of workload fields that reads,
// writes and compares them.
#include "cost/workload.h"
#include "cost/workloadfields.h"
#include "json/dataerror.h"
#include "jsonfixtures.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <climits>
#include <iterator>
#include <stdexcept>

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

// A workload file written by hand, not by the program: every key of DESIGN.md §4, each set to
// a value other than its default.
QJsonObject everyKeyChanged()
{
    return QJsonDocument::fromJson(R"({
        "format": "aws-compute-explorer/workload", "version": 1,
        "name": "Thumbnailer",
        "region": "eu-west-1",
        "requestsPerMonth": 123456789.25,
        "avgDurationMs": 0.1,
        "peakToAverage": 1.7,
        "architecture": "arm64",
        "includeFreeTier": false,
        "function": { "memoryMb": 10240, "ephemeralStorageMb": 2048 },
        "container": { "vcpu": 0.25, "memoryGb": 0.5, "ephemeralStorageGb": 21.5,
                       "tasks": 7, "minTasks": 0, "concurrencyPerVcpu": 12.5,
                       "targetUtilization": 0.25, "hoursPerMonth": 0.5 },
        "instance": { "type": "c7g.large", "count": 9, "minCount": 2, "hoursPerMonth": 744 },
        "clusters": 4
    })")
        .object();
}

// The keys of a workload file as messages name them ("container.vcpu"), without the header.
QStringList fieldKeysOf(const QJsonObject& file)
{
    QStringList keys;
    for (auto member = file.begin(); member != file.end(); ++member) {
        if (member.key() == QLatin1String("format") || member.key() == QLatin1String("version"))
            continue;
        if (!member.value().isObject()) {
            keys.append(member.key());
            continue;
        }
        const QJsonObject group = member.value().toObject();
        for (auto inner = group.begin(); inner != group.end(); ++inner)
            keys.append(member.key() + u'.' + inner.key());
    }
    keys.sort();
    return keys;
}

QStringList tableKeys()
{
    QStringList keys;
    for (const WorkloadField* field : workloadFields())
        keys.append(field->key());
    keys.sort();
    return keys;
}

QJsonValue valueIn(const QJsonObject& file, const WorkloadField& field)
{
    return field.group().isEmpty() ? file.value(field.member())
                                   : file.value(field.group()).toObject().value(field.member());
}

// The error reading `value` into the field at `key` of a default workload file; empty when the
// value is read.
QString readingError(const QString& key, const QJsonValue& value)
{
    QJsonObject json = header();
    test::setJsonAt(json, key, value);
    try {
        Workload::fromJson(json, QStringLiteral("w.json"));
        return {};
    } catch (const DataError& error) {
        return error.toString();
    }
}

} // namespace

class TestWorkload : public QObject
{
    Q_OBJECT

private slots:
    void headerOnlyFileHasTheDesignDefaults();
    void designExampleFileEqualsTheDefaults();
    void readsAndWritesEveryKey();
    void fileKeysAreTheTableKeys();
    void everyMemberHasARow();
    void fieldsOfAnObjectAreNextToEachOther();
    void changingAnyFieldMakesWorkloadsUnequal_data();
    void changingAnyFieldMakesWorkloadsUnequal();
    void rejectsABrokenField_data();
    void rejectsABrokenField();
    void roundTripsThroughAFile_data();
    void roundTripsThroughAFile();
    void failedSaveKeepsTheOldFile();
    void saveThatCannotStartKeepsTheOldFile();
    void saveIntoAMissingFolderFails();
    void presetsAllLoad();
    void savedFileListsTheKeysInTheDocumentedOrder();
    void everyNumberKeepsItsRule_data();
    void everyNumberKeepsItsRule();

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

void TestWorkload::readsAndWritesEveryKey()
{
    const QJsonObject file = everyKeyChanged();
    const Workload workload = Workload::fromJson(file, QStringLiteral("w.json"));
    // Member by member, not through the table, so that a row that reads into the wrong member
    // is found.
    QCOMPARE(workload.name, QStringLiteral("Thumbnailer"));
    QCOMPARE(workload.region, QStringLiteral("eu-west-1"));
    QCOMPARE(workload.requestsPerMonth, 123456789.25);
    QCOMPARE(workload.avgDurationMs, 0.1);
    QCOMPARE(workload.peakToAverage, 1.7);
    QCOMPARE(workload.architecture, Architecture::Arm64);
    QCOMPARE(workload.includeFreeTier, false);
    QCOMPARE(workload.function.memoryMb, 10240.0);
    QCOMPARE(workload.function.ephemeralStorageMb, 2048.0);
    QCOMPARE(workload.container.vcpu, 0.25);
    QCOMPARE(workload.container.memoryGb, 0.5);
    QCOMPARE(workload.container.ephemeralStorageGb, 21.5);
    QCOMPARE(workload.container.tasks, 7);
    QCOMPARE(workload.container.minTasks, 0);
    QCOMPARE(workload.container.concurrencyPerVcpu, 12.5);
    QCOMPARE(workload.container.targetUtilization, 0.25);
    QCOMPARE(workload.container.hoursPerMonth, 0.5);
    QCOMPARE(workload.instance.type, QStringLiteral("c7g.large"));
    QCOMPARE(workload.instance.count, 9);
    QCOMPARE(workload.instance.minCount, 2);
    QCOMPARE(workload.instance.hoursPerMonth, 744.0);
    QCOMPARE(workload.clusters, 4);

    // Every field differs from its default, and the file comes back as it was written.
    const Workload defaults;
    for (const WorkloadField* field : workloadFields())
        QVERIFY2(!field->equal(workload, defaults), qPrintable(field->key()));
    QCOMPARE(workload.toJson(), file);
    const QString path = m_dir.filePath(QStringLiteral("every-key.json"));
    QCOMPARE(workload.save(path), std::nullopt);
    QCOMPARE(QJsonDocument::fromJson(contentsOf(path)).object(), file);
}

void TestWorkload::fileKeysAreTheTableKeys()
{
    // Three lists that must agree: what the program writes, what the table has and the file
    // written by hand above.
    const QStringList written = fieldKeysOf(Workload().toJson());
    QCOMPARE(tableKeys(), written);
    QCOMPARE(fieldKeysOf(everyKeyChanged()), written);
}

void TestWorkload::everyMemberHasARow()
{
    // Structured bindings must name every member, or this does not compile: a member added to
    // Workload, or to one of its groups, stops the build here until it is listed, and then
    // fails the test until it has its row in the table.
    const Workload workload;
    const auto& [name, region, requestsPerMonth, avgDurationMs, peakToAverage, architecture,
                 includeFreeTier, function, container, instance, clusters] = workload;
    const auto& [memoryMb, ephemeralStorageMb] = function;
    const auto& [vcpu, taskMemoryGb, taskStorageGb, tasks, minTasks, concurrencyPerVcpu,
                 targetUtilization, taskHours] = container;
    const auto& [type, count, minCount, instanceHours] = instance;
    const void* const members[] = {&name,
                                   &region,
                                   &requestsPerMonth,
                                   &avgDurationMs,
                                   &peakToAverage,
                                   &architecture,
                                   &includeFreeTier,
                                   &memoryMb,
                                   &ephemeralStorageMb,
                                   &vcpu,
                                   &taskMemoryGb,
                                   &taskStorageGb,
                                   &tasks,
                                   &minTasks,
                                   &concurrencyPerVcpu,
                                   &targetUtilization,
                                   &taskHours,
                                   &type,
                                   &count,
                                   &minCount,
                                   &instanceHours,
                                   &clusters};
    QStringList keys;
    for (const void* member : members) {
        try {
            keys.append(workloadFieldAt(workload, member).key());
        } catch (const std::logic_error&) {
            QFAIL(qPrintable(
                QStringLiteral("member %1 of the bindings above has no row").arg(keys.size() + 1)));
        }
    }
    keys.sort();
    QCOMPARE(keys, tableKeys());
    QCOMPARE(workloadFields().size(), std::size(members));
}

void TestWorkload::fieldsOfAnObjectAreNextToEachOther()
{
    // The reader checks an object for unknown keys when it leaves it, and the writer opens
    // an object once: each object's fields must come together (top-level fields may come
    // between objects).
    QStringList objectsLeft;
    QString object;
    for (const WorkloadField* field : workloadFields()) {
        if (field->group() == object)
            continue;
        QVERIFY2(!objectsLeft.contains(field->group()), qPrintable(field->key()));
        if (!object.isEmpty())
            objectsLeft.append(object);
        object = field->group();
    }
    QCOMPARE(objectsLeft, (QStringList{QStringLiteral("function"), QStringLiteral("container"),
                                       QStringLiteral("instance")}));
}

void TestWorkload::changingAnyFieldMakesWorkloadsUnequal_data()
{
    QTest::addColumn<QString>("key");
    for (const WorkloadField* field : workloadFields())
        QTest::newRow(qPrintable(field->key())) << field->key();
}

void TestWorkload::changingAnyFieldMakesWorkloadsUnequal()
{
    QFETCH(QString, key);
    const auto& fields = workloadFields();
    const auto changed = std::find_if(fields.begin(), fields.end(),
                                      [&key](const WorkloadField* f) { return f->key() == key; });
    QVERIFY(changed != fields.end());
    QJsonObject json = header();
    test::setJsonAt(json, key, valueIn(everyKeyChanged(), **changed));
    const Workload workload = Workload::fromJson(json, QStringLiteral("w.json"));
    const Workload defaults;
    QVERIFY(!(workload == defaults));
    QVERIFY(workload != defaults);
    QVERIFY(!(defaults == workload));
    QVERIFY(workload == workload);
    // Only that field changed: no two rows share a member.
    for (const WorkloadField* field : fields)
        QCOMPARE(field->equal(workload, defaults), field != *changed);
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

void TestWorkload::everyNumberKeepsItsRule_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<NumberRule>("rule");
    for (const WorkloadField* field : workloadFields()) {
        if (const auto* number = dynamic_cast<const WorkloadNumberField*>(field))
            QTest::newRow(qPrintable(field->key())) << field->key() << number->rule();
    }
}

// The editor refuses what a field's rule refuses and the reader must agree, value for value,
// with a message that names the field (rejectsABrokenField checks the limits themselves).
void TestWorkload::everyNumberKeepsItsRule()
{
    QFETCH(QString, key);
    QFETCH(NumberRule, rule);
    QCOMPARE(readingError(key, rule.min).isEmpty(), rule.minInclusive);
    QCOMPARE(readingError(key, rule.max).isEmpty(), rule.maxInclusive);
    // Numbers as messages write them: grouped, up to 10 decimals.
    const auto refusal = [&key, &rule](double value) {
        return QStringLiteral("w.json: %1: must be %2, found %3")
            .arg(key, rule.describe(), formatGroupedNumber(value, 10));
    };
    for (const double outside : {rule.min - 1, rule.max * 1.5 + 1})
        QCOMPARE(readingError(key, outside), refusal(outside));
    if (rule.wholeNumber)
        QCOMPARE(readingError(key, rule.min + 0.5), refusal(rule.min + 0.5));
}

QTEST_GUILESS_MAIN(TestWorkload)
#include "tst_workload.moc"
