// Loading the catalog: the built-in one is complete and valid; every kind of broken file is
// refused with a message that names the file and the JSON path.
#include "catalog/catalog.h"
#include "json/dataerror.h"
#include "json/jsonreader.h"
#include "jsonfixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <sys/stat.h>

using namespace ace;

class TestCatalogLoader : public QObject
{
    Q_OBJECT

private slots:
    void builtInCatalogHasTheFiveServicesAndSixOptions();
    void builtInServicesAreFullyDescribed();
    void everyOptionHasOneResponsibilityPerLayer();
    void builtInOptionsStateEveryAttribute();
    void attributeValueAnswersByIds();
    void catalogWithOnlyOptionsKeepsTheRest();
    void loadsAUserCatalogThatAddsAService();
    void loadsAUserCatalogWithoutAttributes();
    void rejectsABrokenField_data();
    void rejectsABrokenField();
    void rejectsMalformedJsonWithLineAndColumn();
    void rejectsAMissingFile();
    void cycleCheckOnABranchingGraph();
    void cycleCheckOnADeepChain();
    void rejectsAFileTooLarge();
    void rejectsAFifo();
    void rejectsADuplicateKey_data();
    void rejectsADuplicateKey();
    void hintsAtTheEncoding_data();
    void hintsAtTheEncoding();

private:
    // The built-in catalog with `services` appended: copies of EC2's entry (every field valid,
    // kept short) named svc-0, svc-1, ..., svc-i running on `runsOn(i)`.
    QJsonObject withGeneratedServices(int services,
                                      const std::function<QJsonArray(int)>& runsOn) const;
    // The load error of a catalog file with these bytes.
    QString loadErrorOf(const QByteArray& bytes);

    // Writes the built-in catalog with one field replaced and returns the load error.
    QString loadErrorAfter(const QString& path, const QJsonValue& value);

    QTemporaryDir m_dir;
};

void TestCatalogLoader::builtInCatalogHasTheFiveServicesAndSixOptions()
{
    const Catalog catalog = Catalog::loadBuiltIn();
    QStringList services;
    for (const Service& service : catalog.services())
        services.append(service.id);
    QCOMPARE(services,
             (QStringList{QStringLiteral("ec2"), QStringLiteral("ecs"), QStringLiteral("eks"),
                          QStringLiteral("fargate"), QStringLiteral("lambda")}));
    QStringList options;
    for (const DeploymentOption& option : catalog.options())
        options.append(option.id);
    QCOMPARE(options, (QStringList{QStringLiteral("ec2"), QStringLiteral("ecs-ec2"),
                                   QStringLiteral("eks-ec2"), QStringLiteral("ecs-fargate"),
                                   QStringLiteral("eks-fargate"), QStringLiteral("lambda")}));
    QCOMPARE(catalog.layers().constFirst().id, QStringLiteral("hardware"));
    QCOMPARE(catalog.layers().size(), 10);
    QCOMPARE(catalog.sourceName(), QStringLiteral("built-in catalog.json"));
}

void TestCatalogLoader::builtInServicesAreFullyDescribed()
{
    const Catalog catalog = Catalog::loadBuiltIn();
    for (const Service& service : catalog.services()) {
        QVERIFY2(!service.summary.isEmpty() && service.description.size() > 100,
                 qPrintable(service.id));
        QVERIFY2(!service.youManage.isEmpty() && !service.awsManages.isEmpty(),
                 qPrintable(service.id));
        QVERIFY2(!service.billing.isEmpty() && !service.limits.isEmpty(), qPrintable(service.id));
        QVERIFY2(!service.typicalUses.isEmpty() && !service.notFor.isEmpty(),
                 qPrintable(service.id));
        QVERIFY2(!service.docs.isEmpty(), qPrintable(service.id));
        for (const DocLink& link : service.docs)
            QCOMPARE(link.url.scheme(), QStringLiteral("https"));
    }
    QVERIFY(catalog.service(QStringLiteral("fargate"))->isIn(QStringLiteral("serverless")));
    QVERIFY(catalog.service(QStringLiteral("fargate"))->isIn(QStringLiteral("containers")));
    QVERIFY(!catalog.service(QStringLiteral("ec2"))->isIn(QStringLiteral("serverless")));
}

void TestCatalogLoader::everyOptionHasOneResponsibilityPerLayer()
{
    const Catalog catalog = Catalog::loadBuiltIn();
    for (const DeploymentOption& option : catalog.options()) {
        QCOMPARE(option.responsibilities.size(), catalog.layers().size());
        for (qsizetype i = 0; i < catalog.layers().size(); ++i) {
            QCOMPARE(option.responsibilities.at(i).layer, catalog.layers().at(i).id);
            QVERIFY(!option.responsibilities.at(i).why.isEmpty());
        }
    }
}

void TestCatalogLoader::builtInOptionsStateEveryAttribute()
{
    const Catalog catalog = Catalog::loadBuiltIn();
    QStringList ids;
    QStringList names;
    for (const Attribute& attribute : catalog.attributes()) {
        ids.append(attribute.id);
        names.append(attribute.name);
        QVERIFY2(attribute.description.endsWith(u'.'), qPrintable(attribute.id));
    }
    QCOMPARE(ids,
             (QStringList{QStringLiteral("billing"), QStringLiteral("minimum-charge"),
                          QStringLiteral("scaling"), QStringLiteral("scale-to-zero"),
                          QStringLiteral("max-run-time"), QStringLiteral("largest-size"),
                          QStringLiteral("control-plane-fee"), QStringLiteral("operations-burden"),
                          QStringLiteral("typical-uses")}));
    QCOMPARE(names.constFirst(), QStringLiteral("Billing unit & granularity"));
    QCOMPARE(names.constLast(), QStringLiteral("Typical uses"));
    for (const DeploymentOption& option : catalog.options()) {
        QCOMPARE(option.attributeValues.size(), catalog.attributes().size());
        for (qsizetype i = 0; i < option.attributeValues.size(); ++i) {
            const QString& value = option.attributeValues.at(i);
            const QString where = option.id + u'.' + catalog.attributes().at(i).id;
            QVERIFY2(!value.trimmed().isEmpty(), qPrintable(where));
            // Shown in one table cell: one line, short.
            QVERIFY2(!value.contains(u'\n') && value.size() <= 90, qPrintable(where));
        }
    }
}

void TestCatalogLoader::attributeValueAnswersByIds()
{
    const Catalog catalog = Catalog::loadBuiltIn();
    const QString lambda = QStringLiteral("lambda");
    QCOMPARE(catalog.attributeValue(lambda, QStringLiteral("max-run-time")),
             QStringLiteral("15 minutes per invocation"));
    QCOMPARE(
        catalog.attributeValue(QStringLiteral("eks-fargate"), QStringLiteral("control-plane-fee")),
        QStringLiteral("$0.10 per cluster-hour ($73 a month); $0.60 ($438) in extended support"));
    QCOMPARE(
        catalog.attributeValue(QStringLiteral("ecs-fargate"), QStringLiteral("control-plane-fee")),
        QStringLiteral("None: ECS is free"));
    // The last attribute: values line up with the catalog's attribute order to the end.
    QCOMPARE(catalog.attributeValue(lambda, QStringLiteral("typical-uses")),
             catalog.option(lambda)->attributeValues.constLast());

    QVERIFY(catalog.attributeValue(lambda, QStringLiteral("colour")).isNull());
    QVERIFY(
        catalog.attributeValue(QStringLiteral("app-runner"), QStringLiteral("billing")).isNull());
    QVERIFY(catalog.attributeValue({}, {}).isNull());
}

void TestCatalogLoader::catalogWithOnlyOptionsKeepsTheRest()
{
    const Catalog catalog = Catalog::loadBuiltIn();
    const Catalog pair =
        catalog.withOnlyOptions({QStringLiteral("lambda"), QStringLiteral("app-runner"),
                                 QStringLiteral("ecs-ec2"), QStringLiteral("lambda")});
    QCOMPARE(pair.options().size(), 2);
    QCOMPARE(pair.options().at(0).id, QStringLiteral("lambda"));
    QCOMPARE(pair.options().at(1).id, QStringLiteral("ecs-ec2"));
    QCOMPARE(pair.options().at(1).stack, catalog.option(QStringLiteral("ecs-ec2"))->stack);
    QVERIFY(!pair.option(QStringLiteral("ec2")));
    QCOMPARE(pair.attributeValue(QStringLiteral("lambda"), QStringLiteral("billing")),
             catalog.attributeValue(QStringLiteral("lambda"), QStringLiteral("billing")));
    QVERIFY(pair.attributeValue(QStringLiteral("ec2"), QStringLiteral("billing")).isNull());

    // Everything but the options is the whole catalog's: services no kept option uses too.
    QCOMPARE(pair.sourceName(), catalog.sourceName());
    QCOMPARE(pair.categories().size(), catalog.categories().size());
    QCOMPARE(pair.layers().size(), catalog.layers().size());
    QCOMPARE(pair.attributes().size(), catalog.attributes().size());
    QCOMPARE(pair.services().size(), catalog.services().size());
    QVERIFY(pair.service(QStringLiteral("eks")));
    QCOMPARE(pair.substratesOf(QStringLiteral("ecs")), catalog.substratesOf(QStringLiteral("ecs")));

    QVERIFY(catalog.withOnlyOptions({}).options().isEmpty());
    QCOMPARE(catalog.options().size(), 6); // the original is unchanged
}

void TestCatalogLoader::loadsAUserCatalogThatAddsAService()
{
    // A user's catalog may add App Runner, which runs on Fargate-like AWS capacity of its own.
    QJsonObject json = test::resourceJson(QStringLiteral("catalog.json"));
    QJsonArray services = json.value(QStringLiteral("services")).toArray();
    QJsonObject appRunner = services.at(0).toObject(); // EC2's entry, renamed: all fields valid
    appRunner.insert(QStringLiteral("id"), QStringLiteral("app-runner"));
    appRunner.insert(QStringLiteral("name"), QStringLiteral("AWS App Runner"));
    appRunner.insert(QStringLiteral("category"), QStringLiteral("serverless"));
    services.append(appRunner);
    json.insert(QStringLiteral("services"), services);
    QJsonArray options = json.value(QStringLiteral("options")).toArray();
    QJsonObject option = options.last().toObject();
    option.insert(QStringLiteral("id"), QStringLiteral("app-runner"));
    option.insert(QStringLiteral("service"), QStringLiteral("app-runner"));
    options.append(option);
    json.insert(QStringLiteral("options"), options);

    const QString path =
        test::writeJsonFile(m_dir.filePath(QStringLiteral("with-app-runner.json")), json);
    const Catalog catalog = Catalog::load(path);
    QCOMPARE(catalog.services().size(), 6);
    QCOMPARE(catalog.option(QStringLiteral("app-runner"))->stack,
             QStringList{QStringLiteral("app-runner")});
    QCOMPARE(catalog.sourceName(), path);
}

void TestCatalogLoader::loadsAUserCatalogWithoutAttributes()
{
    // The section is required, but may be empty: then every option states nothing.
    QJsonObject json = test::resourceJson(QStringLiteral("catalog.json"));
    test::setJsonAt(json, QStringLiteral("attributes"), QJsonArray{});
    const qsizetype optionCount = json.value(QStringLiteral("options")).toArray().size();
    for (qsizetype i = 0; i < optionCount; ++i)
        test::setJsonAt(json, QStringLiteral("options[%1].attributes").arg(i), QJsonObject{});
    const QString path =
        test::writeJsonFile(m_dir.filePath(QStringLiteral("no-attributes.json")), json);
    const Catalog catalog = Catalog::load(path);
    QVERIFY(catalog.attributes().isEmpty());
    QCOMPARE(catalog.options().size(), 6);
    for (const DeploymentOption& option : catalog.options())
        QVERIFY(option.attributeValues.isEmpty());
    QVERIFY(catalog.attributeValue(QStringLiteral("lambda"), QStringLiteral("billing")).isNull());
}

QString TestCatalogLoader::loadErrorAfter(const QString& path, const QJsonValue& value)
{
    QJsonObject json = test::resourceJson(QStringLiteral("catalog.json"));
    test::setJsonAt(json, path, value);
    const QString file = test::writeJsonFile(m_dir.filePath(QStringLiteral("broken.json")), json);
    try {
        Catalog::load(file, QStringLiteral("broken.json"));
    } catch (const DataError& error) {
        return error.toString();
    }
    return QStringLiteral("(loaded without error)");
}

void TestCatalogLoader::rejectsABrokenField_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("error");

    const QJsonValue removed(QJsonValue::Undefined);
    QTest::newRow("wrong format") << "format" << QJsonValue(QStringLiteral("something-else"))
                                  << "broken.json: format: expected "
                                     "\"aws-compute-explorer/catalog\", found \"something-else\"";
    QTest::newRow("newer version")
        << "version" << QJsonValue(2)
        << "broken.json: version: version 2 was written by a newer program (this program reads "
           "version 1)";
    QTest::newRow("missing key") << "services[2].billing" << removed
                                 << "broken.json: services[2].billing: required but missing";
    QTest::newRow("unknown key") << "services[1].colour" << QJsonValue(QStringLiteral("blue"))
                                 << "broken.json: services[1].colour: unknown key";
    QTest::newRow("unknown top-level key")
        << "comment" << QJsonValue(QStringLiteral("x")) << "broken.json: comment: unknown key";
    QTest::newRow("wrong type") << "services[0].limits" << QJsonValue(QStringLiteral("none"))
                                << "broken.json: services[0].limits: expected an array, found "
                                   "a string";
    QTest::newRow("wrong element type")
        << "services[0].typicalUses[1]" << QJsonValue(3)
        << "broken.json: services[0].typicalUses[1]: expected a string, found a number";
    QTest::newRow("invalid id") << "services[0].id" << QJsonValue(QStringLiteral("EC 2"))
                                << "broken.json: services[0].id: \"EC 2\" is not a valid id "
                                   "(lower-case letters, digits and single hyphens)";
    QTest::newRow("duplicate id") << "options[1].id" << QJsonValue(QStringLiteral("ec2"))
                                  << "broken.json: options[1].id: duplicate option id \"ec2\"";
    QTest::newRow("unknown category")
        << "services[4].category" << QJsonValue(QStringLiteral("functions"))
        << "broken.json: services[4].category: unknown category \"functions\"";
    QTest::newRow("unknown service in runs-on edge")
        << "services[1].runsOn[1]" << QJsonValue(QStringLiteral("fargat"))
        << "broken.json: services[1].runsOn[1]: unknown service \"fargat\"";
    QTest::newRow("runs-on cycle")
        << "services[3].runsOn" << QJsonValue(QJsonArray{QStringLiteral("ecs")})
        << "broken.json: services[1].runsOn: \"runs on\" forms a cycle: ecs → fargate → ecs";
    QTest::newRow("service runs on itself")
        << "services[4].runsOn" << QJsonValue(QJsonArray{QStringLiteral("lambda")})
        << "broken.json: services[4].runsOn: \"runs on\" forms a cycle: lambda → lambda";
    QTest::newRow("unknown option service")
        << "options[3].service" << QJsonValue(QStringLiteral("fargat"))
        << "broken.json: options[3].service: unknown service \"fargat\"";
    QTest::newRow("option on a non-substrate")
        << "options[3].on" << QJsonValue(QStringLiteral("lambda"))
        << "broken.json: options[3].on: ecs does not run on \"lambda\"";
    QTest::newRow("ambiguous stack")
        << "options[3].on" << removed
        << "broken.json: options[3]: ecs runs on ec2 or fargate: say which with \"on\"";
    QTest::newRow("missing layer responsibility")
        << "options[2].responsibility.scaling" << removed
        << "broken.json: options[2].responsibility: no entry for layer \"scaling\"";
    QTest::newRow("unknown layer responsibility")
        << "options[2].responsibility.kernel" << QJsonValue(QJsonObject{})
        << "broken.json: options[2].responsibility.kernel: unknown layer \"kernel\"";
    QTest::newRow("invalid responsibility")
        << "options[5].responsibility.capacity.who" << QJsonValue(QStringLiteral("amazon"))
        << "broken.json: options[5].responsibility.capacity.who: \"amazon\" is not one of aws, "
           "customer, shared, none";
    QTest::newRow("responsibility without reason")
        << "options[5].responsibility.capacity.why" << removed
        << "broken.json: options[5].responsibility.capacity.why: required but missing";
    QTest::newRow("link that is not a web address")
        << "services[0].docs[0].url" << QJsonValue(QStringLiteral("file:///etc/passwd"))
        << "broken.json: services[0].docs[0].url: \"file:///etc/passwd\" is not an http(s) "
           "address";
    QTest::newRow("no layers") << "layers" << QJsonValue(QJsonArray{})
                               << "broken.json: layers: no layers";
    QTest::newRow("no attributes section")
        << "attributes" << removed << "broken.json: attributes: required but missing";
    QTest::newRow("duplicate attribute id")
        << "attributes[3].id" << QJsonValue(QStringLiteral("billing"))
        << "broken.json: attributes[3].id: duplicate attribute id \"billing\"";
    QTest::newRow("attribute without name")
        << "attributes[1].name" << removed
        << "broken.json: attributes[1].name: required but missing";
    QTest::newRow("option without attributes")
        << "options[1].attributes" << removed
        << "broken.json: options[1].attributes: required but missing";
    QTest::newRow("missing attribute value")
        << "options[2].attributes.billing" << removed
        << "broken.json: options[2].attributes.billing: required but missing";
    QTest::newRow("unknown attribute key")
        << "options[2].attributes.biling" << QJsonValue(QStringLiteral("per second"))
        << "broken.json: options[2].attributes.biling: unknown attribute \"biling\"";
    QTest::newRow("empty attribute value")
        << "options[5].attributes.scaling" << QJsonValue(QString())
        << "broken.json: options[5].attributes.scaling: empty value";
    QTest::newRow("blank attribute value")
        << "options[0].attributes.typical-uses" << QJsonValue(QStringLiteral("  "))
        << "broken.json: options[0].attributes.typical-uses: empty value";
    QTest::newRow("attribute value not a string")
        << "options[0].attributes.max-run-time" << QJsonValue(900)
        << "broken.json: options[0].attributes.max-run-time: expected a string, found a number";
}

void TestCatalogLoader::rejectsABrokenField()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);
    QCOMPARE(loadErrorAfter(path, value), error);
}

void TestCatalogLoader::rejectsMalformedJsonWithLineAndColumn()
{
    QFile file(m_dir.filePath(QStringLiteral("malformed.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"format\": \"aws-compute-explorer/catalog\",\n  \"version\" 1\n}\n");
    file.close();
    try {
        Catalog::load(file.fileName(), QStringLiteral("malformed.json"));
        QFAIL("a malformed file loaded");
    } catch (const DataError& error) {
        QCOMPARE(error.file(), QStringLiteral("malformed.json"));
        // Qt reports where it gave up, which is at or just after the missing colon.
        QVERIFY2(error.location().startsWith(QStringLiteral("line 3, column 1")),
                 qPrintable(error.location()));
        QVERIFY2(error.message().startsWith(QStringLiteral("malformed JSON: ")),
                 qPrintable(error.message()));
    }
}

void TestCatalogLoader::rejectsAMissingFile()
{
    const QString path = m_dir.filePath(QStringLiteral("nowhere.json"));
    try {
        Catalog::load(path);
        QFAIL("a missing file loaded");
    } catch (const DataError& error) {
        QCOMPARE(error.file(), path);
        QVERIFY2(error.message().startsWith(QStringLiteral("cannot read: ")),
                 qPrintable(error.message()));
    }
}

QJsonObject
TestCatalogLoader::withGeneratedServices(int services,
                                         const std::function<QJsonArray(int)>& runsOn) const
{
    QJsonObject json = test::resourceJson(QStringLiteral("catalog.json"));
    QJsonArray list = json.value(QStringLiteral("services")).toArray();
    QJsonObject entry = list.at(0).toObject();
    for (const QString& key :
         {QStringLiteral("youManage"), QStringLiteral("awsManages"), QStringLiteral("limits"),
          QStringLiteral("typicalUses"), QStringLiteral("notFor"), QStringLiteral("docs")})
        entry.insert(key, QJsonArray{});
    for (const QString& key :
         {QStringLiteral("summary"), QStringLiteral("description"), QStringLiteral("billing")})
        entry.insert(key, QStringLiteral("Generated."));
    for (int i = 0; i < services; ++i) {
        entry.insert(QStringLiteral("id"), QStringLiteral("svc-%1").arg(i));
        entry.insert(QStringLiteral("runsOn"), runsOn(i));
        list.append(entry);
    }
    json.insert(QStringLiteral("services"), list);
    return json;
}

QString TestCatalogLoader::loadErrorOf(const QByteArray& bytes)
{
    QFile file(m_dir.filePath(QStringLiteral("bytes.json")));
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("(cannot write the test file)");
    file.write(bytes);
    file.close();
    try {
        Catalog::load(file.fileName(), QStringLiteral("bytes.json"));
    } catch (const DataError& error) {
        return error.toString();
    }
    return QStringLiteral("(loaded without error)");
}

void TestCatalogLoader::cycleCheckOnABranchingGraph()
{
    // Issue 17: each service runs on the next two, so there are Fibonacci(200) paths down; the
    // old check walked every one (a 167 KB catalog took 128 s).
    constexpr int services = 200;
    const auto nextTwo = [](int i) {
        QJsonArray runsOn;
        for (int next = i + 1; next <= std::min(i + 2, services - 1); ++next)
            runsOn.append(QStringLiteral("svc-%1").arg(next));
        return runsOn;
    };
    const QString acyclic = test::writeJsonFile(m_dir.filePath(QStringLiteral("branching.json")),
                                                withGeneratedServices(services, nextTwo));
    QCOMPARE(Catalog::load(acyclic).services().size(), 5 + services);

    // The bottom runs on the middle again: the cycle is found and named.
    const auto backToTheMiddle = [&nextTwo](int i) {
        return i == services - 1 ? QJsonArray{QStringLiteral("svc-197")} : nextTwo(i);
    };
    const QString cyclic = test::writeJsonFile(m_dir.filePath(QStringLiteral("cyclic.json")),
                                               withGeneratedServices(services, backToTheMiddle));
    try {
        Catalog::load(cyclic, QStringLiteral("cyclic.json"));
        QFAIL("a catalog with a cycle loaded");
    } catch (const DataError& error) {
        QCOMPARE(error.toString(),
                 QStringLiteral("cyclic.json: services[202].runsOn: \"runs on\" forms a cycle: "
                                "svc-197 → svc-198 → svc-199 → svc-197"));
    }
}

void TestCatalogLoader::cycleCheckOnADeepChain()
{
    // Issue 17: a 12 MB chain overflowed the stack of the recursive check. The longest list a
    // catalog may have, as one chain.
    const int services = static_cast<int>(Catalog::mostItemsPerList) - 5;
    const auto next = [services](int i) {
        return i + 1 < services ? QJsonArray{QStringLiteral("svc-%1").arg(i + 1)} : QJsonArray{};
    };
    QJsonObject json = withGeneratedServices(services, next);
    const QString chain = test::writeJsonFile(m_dir.filePath(QStringLiteral("chain.json")), json);
    const Catalog catalog = Catalog::load(chain);
    QCOMPARE(catalog.services().size(), Catalog::mostItemsPerList);
    QCOMPARE(catalog.substratesOf(QStringLiteral("svc-0")).size(), services - 1);

    // An option deployed on top of it would have a stack deeper than any real one.
    test::setJsonAt(json, QStringLiteral("options[0].service"), QStringLiteral("svc-0"));
    const QString deep = test::writeJsonFile(m_dir.filePath(QStringLiteral("deep.json")), json);
    try {
        Catalog::load(deep, QStringLiteral("deep.json"));
        QFAIL("an option 9,995 services deep loaded");
    } catch (const DataError& error) {
        QCOMPARE(error.toString(),
                 QStringLiteral("deep.json: options[0]: the stack is deeper than 100 services "
                                "(from svc-0 down to svc-100)"));
    }

    // One more service is more than a catalog may list.
    const QString tooMany =
        test::writeJsonFile(m_dir.filePath(QStringLiteral("too-many.json")),
                            withGeneratedServices(services + 1, [](int) { return QJsonArray{}; }));
    try {
        Catalog::load(tooMany, QStringLiteral("too-many.json"));
        QFAIL("10,001 services loaded");
    } catch (const DataError& error) {
        QCOMPARE(error.toString(),
                 QStringLiteral("too-many.json: services[10000]: more than 10000 service entries "
                                "(the most a catalog may have)"));
    }
}

void TestCatalogLoader::rejectsAFileTooLarge()
{
    // Issue 17: no limit, so --catalog /dev/zero or a 200 MB file took the memory. White space
    // is valid JSON, so only the size can refuse this file.
    QByteArray bytes = QJsonDocument(test::resourceJson(QStringLiteral("catalog.json"))).toJson();
    bytes.append(QByteArray(largestJsonFileBytes - bytes.size(), ' '));
    QCOMPARE(loadErrorOf(bytes), QStringLiteral("(loaded without error)"));
    bytes.append(' ');
    QCOMPARE(loadErrorOf(bytes),
             QStringLiteral("bytes.json: larger than 16 MiB, the most this program reads of a "
                            "catalog, price book or workload"));
}

void TestCatalogLoader::rejectsAFifo()
{
    // Issue 17: opening a FIFO blocked forever, waiting for a writer.
    const QString fifo = m_dir.filePath(QStringLiteral("fifo.json"));
    QCOMPARE(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    try {
        Catalog::load(fifo, QStringLiteral("fifo.json"));
        QFAIL("a FIFO loaded");
    } catch (const DataError& error) {
        QCOMPARE(error.toString(),
                 QStringLiteral("fifo.json: not a regular file (a folder, device, FIFO or "
                                "socket)"));
    }
    try {
        Catalog::load(QStringLiteral("/dev/zero"));
        QFAIL("/dev/zero loaded");
    } catch (const DataError& error) {
        QCOMPARE(error.message(),
                 QStringLiteral("not a regular file (a folder, device, FIFO or socket)"));
    }
}

void TestCatalogLoader::rejectsADuplicateKey_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    QTest::newRow("top level") << QByteArray(R"({"format": "a", "version": 1, "format": "b"})")
                               << "bytes.json: format: duplicate key (a JSON object names each "
                                  "member once)";
    QTest::newRow("nested, in an array")
        << QByteArray(R"({"layers": [{"id": "x"}, {"id": "y", "name": "n", "id": "z"}]})")
        << "bytes.json: layers[1].id: duplicate key (a JSON object names each member once)";
    QTest::newRow("spelled with an escape")
        << QByteArray(R"({"a": {"b,\"": 1, "b,\u0022": 2}})")
        << "bytes.json: a.b,\": duplicate key (a JSON object names each member once)";
}

void TestCatalogLoader::rejectsADuplicateKey()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    QCOMPARE(loadErrorOf(bytes), error);
}

void TestCatalogLoader::hintsAtTheEncoding_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    const QString json = QStringLiteral("{\"format\": 1}");
    QByteArray utf16(reinterpret_cast<const char*>(json.utf16()), json.size() * 2);
    QTest::newRow("UTF-16 LE with a BOM") << QByteArray("\xFF\xFE") + utf16 << "UTF-16";
    QTest::newRow("UTF-16 LE without") << utf16 << "UTF-16 or UTF-32";
    const QString utf32 = QStringLiteral("\uFEFF") + json;
    QTest::newRow("UTF-32 BE with a BOM")
        << QByteArray(reinterpret_cast<const char*>(utf32.toUcs4().constData()), utf32.size() * 4)
        << "UTF-32";
}

void TestCatalogLoader::hintsAtTheEncoding()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    const QString error = loadErrorOf(bytes);
    QVERIFY2(error.contains(QStringLiteral("malformed JSON: ")), qPrintable(error));
    QVERIFY2(error.endsWith(
                 QStringLiteral(" (the file looks %1 encoded: save it as UTF-8)").arg(encoding)),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(TestCatalogLoader)
#include "tst_catalogloader.moc"
