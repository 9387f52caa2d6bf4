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

#include <iterator>
#include <stdexcept>

Q_DECLARE_METATYPE(ace::NumberRule)

using namespace ace;

namespace {

QJsonObject header()
{
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("aws-compute-explorer/workload")},
                       {QStringLiteral("version"), 2}};
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
        "format": "aws-compute-explorer/workload", "version": 2,
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
        "clusters": 4,
        "requestPath": { "default": "alb", "ec2": "none", "ecs-ec2": "alb", "eks-ec2": "none",
                         "ecs-fargate": "none", "eks-fargate": "alb",
                         "lambda": "api-gateway-rest", "albRulesPerRequest": 25 },
        "traffic": { "avgRequestKb": 2.5, "avgResponseKb": 20, "requestsPerConnection": 4 },
        "purchase": { "ec2": { "kind": "reserved", "discountPercent": 40 },
                      "fargate": { "kind": "spot", "discountPercent": 70 },
                      "lambda": { "kind": "savings-plan", "discountPercent": 17 } },
        "eksSupport": "extended"
    })")
        .object();
}

// The keys of the values in `object`, as messages name them ("container.vcpu",
// "purchase.ec2.kind"), each after `prefix`.
void appendKeysOf(const QJsonObject& object, const QString& prefix, QStringList& keys)
{
    for (auto member = object.begin(); member != object.end(); ++member) {
        if (member.value().isObject())
            appendKeysOf(member.value().toObject(), prefix + member.key() + u'.', keys);
        else
            keys.append(prefix + member.key());
    }
}

// The keys of a workload file as messages name them, without the header.
QStringList fieldKeysOf(QJsonObject file)
{
    file.remove(QStringLiteral("format"));
    file.remove(QStringLiteral("version"));
    QStringList keys;
    appendKeysOf(file, {}, keys);
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

const WorkloadField& workloadFieldWithKey(const QString& key)
{
    for (const WorkloadField* field : workloadFields()) {
        if (field->key() == key)
            return *field;
    }
    qFatal("no workload field %s", qPrintable(key));
}

QJsonValue valueIn(const QJsonObject& file, const WorkloadField& field)
{
    QJsonObject object = file;
    for (const QString& name : field.group().split(u'.', Qt::SkipEmptyParts))
        object = object.value(name).toObject();
    return object.value(field.member());
}

// The error reading `value` into the field at `key` of a default workload file; empty when the
// value is read.
QString readingError(const QString& key, const QJsonValue& value)
{
    QJsonObject json = header();
    // A discount is read with the kind that gives its family the most, so that its own rule
    // is what refuses it.
    const struct
    {
        const char* key;
        CapacityFamily family;
    } discounts[] = {{"purchase.ec2.discountPercent", CapacityFamily::Ec2},
                     {"purchase.fargate.discountPercent", CapacityFamily::Fargate},
                     {"purchase.lambda.discountPercent", CapacityFamily::Lambda}};
    for (const auto& discount : discounts) {
        if (key == QLatin1String(discount.key)) {
            test::setJsonAt(json, key.section(u'.', 0, -2) + QStringLiteral(".kind"),
                            purchaseKindId(mostDiscountedKind(discount.family)));
        }
    }
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
    void versionOneFilesReadWithTheBillLeftOut();
    void versionOneFilesMayNotHaveVersionTwoFields();
    void anOptionWithoutADoorTakesTheDefault();
    void discountsUpToWhatTheirKindGives_data();
    void discountsUpToWhatTheirKindGives();

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
    QCOMPARE(workload.requestPath.defaultDoor, RequestDoor::Alb);
    QCOMPARE(workload.requestPath.ec2, RequestDoor::None);
    QCOMPARE(workload.requestPath.ecsEc2, RequestDoor::Alb);
    QCOMPARE(workload.requestPath.eksEc2, RequestDoor::None);
    QCOMPARE(workload.requestPath.ecsFargate, RequestDoor::None);
    QCOMPARE(workload.requestPath.eksFargate, RequestDoor::Alb);
    QCOMPARE(workload.requestPath.lambda, RequestDoor::ApiGatewayRest);
    QCOMPARE(workload.requestPath.albRulesPerRequest, 25);
    QCOMPARE(workload.traffic.avgRequestKb, 2.5);
    QCOMPARE(workload.traffic.avgResponseKb, 20.0);
    QCOMPARE(workload.traffic.requestsPerConnection, 4.0);
    QCOMPARE(workload.purchase.ec2.kind, PurchaseKind::Reserved);
    QCOMPARE(workload.purchase.ec2.discountPercent, 40.0);
    QCOMPARE(workload.purchase.fargate.kind, PurchaseKind::Spot);
    QCOMPARE(workload.purchase.fargate.discountPercent, 70.0);
    QCOMPARE(workload.purchase.lambda.kind, PurchaseKind::SavingsPlan);
    QCOMPARE(workload.purchase.lambda.discountPercent, 17.0);
    QCOMPARE(workload.eksSupport, EksSupport::Extended);

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
                 includeFreeTier, function, container, instance, clusters, requestPath, traffic,
                 purchase, eksSupport] = workload;
    const auto& [memoryMb, ephemeralStorageMb] = function;
    const auto& [vcpu, taskMemoryGb, taskStorageGb, tasks, minTasks, concurrencyPerVcpu,
                 targetUtilization, taskHours] = container;
    const auto& [type, count, minCount, instanceHours] = instance;
    const auto& [defaultDoor, ec2Door, ecsEc2Door, eksEc2Door, ecsFargateDoor, eksFargateDoor,
                 lambdaDoor, albRulesPerRequest] = requestPath;
    const auto& [avgRequestKb, avgResponseKb, requestsPerConnection] = traffic;
    const auto& [ec2Purchase, fargatePurchase, lambdaPurchase] = purchase;
    const auto& [ec2Kind, ec2Discount] = ec2Purchase;
    const auto& [fargateKind, fargateDiscount] = fargatePurchase;
    const auto& [lambdaKind, lambdaDiscount] = lambdaPurchase;
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
                                   &clusters,
                                   &defaultDoor,
                                   &ec2Door,
                                   &ecsEc2Door,
                                   &eksEc2Door,
                                   &ecsFargateDoor,
                                   &eksFargateDoor,
                                   &lambdaDoor,
                                   &albRulesPerRequest,
                                   &avgRequestKb,
                                   &avgResponseKb,
                                   &requestsPerConnection,
                                   &ec2Kind,
                                   &ec2Discount,
                                   &fargateKind,
                                   &fargateDiscount,
                                   &lambdaKind,
                                   &lambdaDiscount,
                                   &eksSupport};
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
    QCOMPARE(objectsLeft,
             (QStringList{QStringLiteral("function"), QStringLiteral("container"),
                          QStringLiteral("instance"), QStringLiteral("requestPath"),
                          QStringLiteral("traffic"), QStringLiteral("purchase.ec2"),
                          QStringLiteral("purchase.fargate"), QStringLiteral("purchase.lambda")}));
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
    // A discount comes with a kind of purchase that gives one (on demand gives none): the
    // kind is changed first, in the workload compared with too.
    if (key.endsWith(QLatin1String(".discountPercent"))) {
        const QString kindKey = key.section(u'.', 0, -2) + QStringLiteral(".kind");
        test::setJsonAt(json, kindKey, valueIn(everyKeyChanged(), workloadFieldWithKey(kindKey)));
    }
    const Workload defaults = Workload::fromJson(json, QStringLiteral("w.json"));
    test::setJsonAt(json, key, valueIn(everyKeyChanged(), **changed));
    const Workload workload = Workload::fromJson(json, QStringLiteral("w.json"));
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
    QTest::newRow("newer version") << "version" << QJsonValue(3)
                                   << "w.json: version: version 3 was written by a newer program "
                                      "(this program reads versions 1 to 2)";
    QTest::newRow("older version") << "version" << QJsonValue(0)
                                   << "w.json: version: version 0 is not supported (this program "
                                      "reads versions 1 to 2)";
    QTest::newRow("unknown door")
        << "requestPath.lambda" << QJsonValue(QStringLiteral("nginx"))
        << "w.json: requestPath.lambda: \"nginx\" is not one of none, function-url, "
           "api-gateway-http, api-gateway-rest, alb";
    QTest::newRow("API Gateway before a container")
        << "requestPath.ecs-fargate" << QJsonValue(QStringLiteral("api-gateway-http"))
        << "w.json: requestPath.ecs-fargate: api-gateway-http cannot stand in front of "
           "ecs-fargate: function URLs and API Gateway are for Lambda (containers behind API "
           "Gateway need a VPC link and a load balancer); use none or alb";
    QTest::newRow("function URL as everyone's door")
        << "requestPath.default" << QJsonValue(QStringLiteral("function-url"))
        << "w.json: requestPath.default: function-url cannot stand in front of ec2, ecs-ec2, "
           "eks-ec2, ecs-fargate, eks-fargate (function URLs and API Gateway are for Lambda): "
           "give those options a door of their own, none or alb";
    QTest::newRow("reserved Fargate")
        << "purchase.fargate.kind" << QJsonValue(QStringLiteral("reserved"))
        << "w.json: purchase.fargate.kind: AWS does not sell reserved for Fargate (it sells "
           "on-demand, savings-plan, spot)";
    QTest::newRow("Lambda on Spot")
        << "purchase.lambda.kind" << QJsonValue(QStringLiteral("spot"))
        << "w.json: purchase.lambda.kind: AWS does not sell spot for Lambda (it sells "
           "on-demand, savings-plan)";
    QTest::newRow("a discount on demand")
        << "purchase.ec2.discountPercent" << QJsonValue(5)
        << "w.json: purchase.ec2.discountPercent: at most 0 for on-demand on EC2 (the most AWS "
           "publishes), found 5";
    QTest::newRow("discount above the family's most")
        << "purchase.lambda.discountPercent" << QJsonValue(20)
        << "w.json: purchase.lambda.discountPercent: must be between 0 and 17, found 20";
    QTest::newRow("unknown EKS support")
        << "eksSupport" << QJsonValue(QStringLiteral("premium"))
        << "w.json: eksSupport: \"premium\" is not one of standard, extended";
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
    // Issue 17: rounded to ten decimals, these read "must be at most 1, found 1" and "found
    // -0"; a utilization of 1e-30 was accepted and is (it is greater than 0), but never shown
    // as 0.
    QTest::newRow("utilization a hair above 1")
        << "container.targetUtilization" << QJsonValue(1.00000000001)
        << "w.json: container.targetUtilization: must be greater than 0 and at most 1, found "
           "1.00000000001";
    QTest::newRow("utilization a hair below 0")
        << "container.targetUtilization" << QJsonValue(-1e-11)
        << "w.json: container.targetUtilization: must be greater than 0 and at most 1, found "
           "-1e-11";
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
    // A save writes next to the target and renames over it; when that cannot happen (here
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
    // A read-only file is refused for any user, root included, before it is touched.
    const QString path = m_dir.filePath(QStringLiteral("read-only.json"));
    Workload original;
    original.name = QStringLiteral("Original");
    QCOMPARE(original.save(path), std::nullopt);
    const QByteArray before = contentsOf(path);
    QVERIFY(!before.isEmpty());
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));

    Workload changed;
    changed.name = QStringLiteral("Changed");
    QCOMPARE(changed.save(path), path + QStringLiteral(": cannot write: it is read-only"));
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

void TestWorkload::versionOneFilesReadWithTheBillLeftOut()
{
    QJsonObject json = everyKeyChanged();
    for (const char* key : {"requestPath", "traffic", "purchase", "eksSupport"})
        json.remove(QLatin1String(key));
    json.insert(QStringLiteral("version"), 1);
    const Workload workload = Workload::fromJson(json, QStringLiteral("w.json"));
    QCOMPARE(workload.requestsPerMonth, 123456789.25);
    const Workload defaults;
    QCOMPARE(workload.requestPath.doorOf(QStringLiteral("lambda")), RequestDoor::None);
    QCOMPARE(workload.traffic.avgResponseKb, 0.0);
    QCOMPARE(workload.purchase.ec2.kind, PurchaseKind::OnDemand);
    QCOMPARE(workload.eksSupport, EksSupport::Standard);
    for (const WorkloadField* field : workloadFields()) {
        if (field->sinceVersion() == 2)
            QVERIFY2(field->equal(workload, defaults), qPrintable(field->key()));
    }
    // Saved, it is a version-2 file.
    QCOMPARE(workload.toJson().value(QStringLiteral("version")).toInt(), 2);
}

void TestWorkload::versionOneFilesMayNotHaveVersionTwoFields()
{
    QJsonObject json = everyKeyChanged();
    json.insert(QStringLiteral("version"), 1);
    try {
        Workload::fromJson(json, QStringLiteral("w.json"));
        QFAIL("a version-1 file with version-2 fields was accepted");
    } catch (const DataError& error) {
        QCOMPARE(error.toString(), QStringLiteral("w.json: requestPath: only version 2 files have "
                                                  "it; this file is version 1"));
    }
}

void TestWorkload::anOptionWithoutADoorTakesTheDefault()
{
    QJsonObject json = header();
    test::setJsonAt(json, QStringLiteral("requestPath.default"), QStringLiteral("alb"));
    test::setJsonAt(json, QStringLiteral("requestPath.lambda"), QStringLiteral("api-gateway-http"));
    test::setJsonAt(json, QStringLiteral("requestPath.ec2"), QJsonValue::Null);
    const Workload workload = Workload::fromJson(json, QStringLiteral("w.json"));
    QCOMPARE(workload.requestPath.doorOf(QStringLiteral("lambda")), RequestDoor::ApiGatewayHttp);
    QCOMPARE(workload.requestPath.doorOf(QStringLiteral("ec2")), RequestDoor::Alb);
    QCOMPARE(workload.requestPath.doorOf(QStringLiteral("ecs-fargate")), RequestDoor::Alb);
    // An option of another catalog takes the default too.
    QCOMPARE(workload.requestPath.doorOf(QStringLiteral("my-option")), RequestDoor::Alb);
    // Written back, an option without its own door is null.
    QCOMPARE(workload.toJson()
                 .value(QStringLiteral("requestPath"))
                 .toObject()
                 .value(QStringLiteral("ec2")),
             QJsonValue(QJsonValue::Null));
    // API Gateway for everyone is fine once every container option has a door of its own.
    QJsonObject apiForLambda = header();
    test::setJsonAt(apiForLambda, QStringLiteral("requestPath.default"),
                    QStringLiteral("api-gateway-rest"));
    for (const RequestPathOption& option : requestPathOptions()) {
        if (!option.lambda) {
            test::setJsonAt(apiForLambda,
                            QStringLiteral("requestPath.") + option.optionId.toString(),
                            QStringLiteral("alb"));
        }
    }
    QCOMPARE(Workload::fromJson(apiForLambda, QStringLiteral("w.json"))
                 .requestPath.doorOf(QStringLiteral("lambda")),
             RequestDoor::ApiGatewayRest);
}

void TestWorkload::discountsUpToWhatTheirKindGives_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("most");
    // AWS's published maxima (rates-and-audit-2026-11.md §2c).
    QTest::newRow("EC2 Savings Plan") << "ec2"
                                      << "savings-plan" << 72.0;
    QTest::newRow("EC2 Reserved") << "ec2"
                                  << "reserved" << 72.0;
    QTest::newRow("EC2 Spot") << "ec2"
                              << "spot" << 90.0;
    QTest::newRow("Fargate Savings Plan") << "fargate"
                                          << "savings-plan" << 50.0;
    QTest::newRow("Fargate Spot") << "fargate"
                                  << "spot" << 70.0;
    QTest::newRow("Lambda Savings Plan") << "lambda"
                                         << "savings-plan" << 17.0;
}

void TestWorkload::discountsUpToWhatTheirKindGives()
{
    QFETCH(QString, family);
    QFETCH(QString, kind);
    QFETCH(double, most);
    const QString group = QStringLiteral("purchase.") + family;
    const QString discountKey = group + QStringLiteral(".discountPercent");
    QJsonObject json = header();
    test::setJsonAt(json, group + QStringLiteral(".kind"), kind);
    test::setJsonAt(json, discountKey, most);
    const QJsonObject read = Workload::fromJson(json, QStringLiteral("w.json")).toJson();
    QCOMPARE(read.value(QStringLiteral("purchase"))
                 .toObject()
                 .value(family)
                 .toObject()
                 .value(QStringLiteral("discountPercent"))
                 .toDouble(),
             most);
    // Above it, refused, naming the field and the maximum.
    test::setJsonAt(json, discountKey, most + 0.5);
    try {
        Workload::fromJson(json, QStringLiteral("w.json"));
        QFAIL("a discount above its kind's maximum was accepted");
    } catch (const DataError& error) {
        const QString message = error.toString();
        QVERIFY2(message.startsWith(QStringLiteral("w.json: ") + discountKey), qPrintable(message));
        QVERIFY2(message.contains(QString::number(most)), qPrintable(message));
    }
}

QTEST_GUILESS_MAIN(TestWorkload)
#include "tst_workload.moc"
