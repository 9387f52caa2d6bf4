// AWS Price List offer files to a price book: each excerpt to the rates a hand check of its
// rows gives, every trap row skipped, the built-in us-east-1 rates reproduced, bad input named.
#include "json/dataerror.h"
#include "pricelist/offermapping.h"
#include "pricelist/offerreader.h"
#include "pricelist/pricelistimport.h"
#include "pricing/pricebook.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ace;
using namespace ace::pricelist;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(ACE_SOURCE_DIR "/tests/data/price-list/") + name;
}

QByteArray readFixture(const QString& name)
{
    QFile file(fixture(name));
    file.open(QIODevice::ReadOnly);
    return file.readAll();
}

// The files of a whole us-east-1 price book: the real EC2 and ECS excerpts, and the Lambda and
// EKS files constructed after the reference README (no raw ones were found).
QStringList usEast1Files()
{
    return {fixture(QStringLiteral("ec2-us-east-1.query-api-m5.large.json")),
            fixture(QStringLiteral("ec2-us-east-1.sample.json")),
            fixture(QStringLiteral("ecs-us-east-1.sample.json")),
            fixture(QStringLiteral("lambda-us-east-1.constructed.csv")),
            fixture(QStringLiteral("eks-us-east-1.constructed.json"))};
}

bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b));
}

} // namespace

class TestPriceListImport : public QObject
{
    Q_OBJECT

private slots:
    void queryApiM5LargeIsTheBuiltInRate();
    void capacityBlockTwinIsSkipped();
    void everyTrapRowOfTheAllRegionsSampleIsSkipped_data();
    void everyTrapRowOfTheAllRegionsSampleIsSkipped();
    void prefixedUsageTypeOutsideUsEast1();
    void fargateFromTheEcsFiles();
    void lambdaFreeTierRowsAreNoRates();
    void lambdaTiersPerArchitecture();
    void eksExtendedSupportIsAddedToTheClusterFee();
    void requestPathAndDataTransferTakeOnlyTheirRows();
    void reservedTermsArePassedOver();
    void objectsAcrossChunkBoundariesAreReadWhole_data();
    void objectsAcrossChunkBoundariesAreReadWhole();
    void escapedStringsInProductsAreDecoded();
    void invalidJsonInAProductIsNamed();
    void anObjectTooLargeForAnOfferIsRefused();
    void byteOrderMarksAreSkipped_data();
    void byteOrderMarksAreSkipped();
    void csvAndJsonOfOneOfferGiveTheSameRates();
    void wholeUsEast1BookEqualsTheBuiltInRates();
    void missingGroupsAreListedAndLeftOut();
    void missingComputeRatesWriteNothing();
    void chinaCarriesItsCurrencyAndMixingIsRefused();
    void badInputIsNamed_data();
    void badInputIsNamed();
    void progressAndCancel();
    void writesAtomically();

private:
    QTemporaryDir m_dir;

    // A copy of a fixture with `from` replaced by `to`, for the variants of real rows.
    QString variant(const QString& name, const QByteArray& from, const QByteArray& to,
                    const QString& as = {})
    {
        QByteArray data = readFixture(name);
        if (!from.isEmpty()) {
            Q_ASSERT(data.contains(from));
            data.replace(from, to);
        }
        const QString path = m_dir.filePath(as.isEmpty() ? name : as);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(data);
        return path;
    }
};

void TestPriceListImport::queryApiM5LargeIsTheBuiltInRate()
{
    const auto rates =
        collectRates({fixture(QStringLiteral("ec2-us-east-1.query-api-m5.large.json"))},
                     QStringLiteral("us-east-1"));
    QVERIFY(rates);
    QCOMPARE(rates->instanceTypes.size(), 1);
    const InstanceType imported = rates->instanceTypes.value(QStringLiteral("m5.large"));
    const PriceBook builtInBook = PriceBook::loadBuiltIn();
    const InstanceType* builtIn = builtInBook.ec2().instanceType(QStringLiteral("m5.large"));
    QVERIFY(builtIn);
    QCOMPARE(imported.perHour, builtIn->perHour);
    QCOMPARE(imported.vcpu, builtIn->vcpu);
    QCOMPARE(imported.memoryGib, builtIn->memoryGib);
    QCOMPARE(imported.architecture, builtIn->architecture);
    QCOMPARE(rates->currency, QStringLiteral("USD"));
    QCOMPARE(rates->sources.constFirst().offerCode, QStringLiteral("AmazonEC2"));
    QCOMPARE(rates->sources.constFirst().version, QStringLiteral("20210205204500"));
}

void TestPriceListImport::capacityBlockTwinIsSkipped()
{
    // The on-demand p4d.24xlarge at $32.7726 and its Capacity Block twin at $0.00.
    const auto rates = collectRates({fixture(QStringLiteral("ec2-us-east-1.sample.json"))},
                                    QStringLiteral("us-east-1"));
    QCOMPARE(rates->instanceTypes.keys(), QStringList{QStringLiteral("p4d.24xlarge")});
    const InstanceType p4d = rates->instanceTypes.value(QStringLiteral("p4d.24xlarge"));
    QCOMPARE(p4d.perHour, 32.7726);
    QCOMPARE(p4d.vcpu, 96.0);
    QCOMPARE(p4d.memoryGib, 1152.0);
    QCOMPARE(p4d.architecture, Architecture::X86_64);
}

void TestPriceListImport::everyTrapRowOfTheAllRegionsSampleIsSkipped_data()
{
    // Each region's on-demand rows in the sample are traps: RHEL with SQL, host tenancy at $0,
    // capacity reservations, Windows BYOL, a Local Zone.
    QTest::addColumn<QString>("region");
    for (const char* region : {"us-east-1", "us-west-2", "ap-southeast-3", "eu-west-1",
                               "ap-southeast-6", "us-gov-west-1"})
        QTest::newRow(region) << QString::fromLatin1(region);
}

void TestPriceListImport::everyTrapRowOfTheAllRegionsSampleIsSkipped()
{
    QFETCH(QString, region);
    const auto rates =
        collectRates({fixture(QStringLiteral("ec2-all-regions.sample.csv"))}, region);
    QVERIFY(rates);
    QVERIFY(rates->instanceTypes.isEmpty());
}

void TestPriceListImport::prefixedUsageTypeOutsideUsEast1()
{
    // The sample's host-tenancy trap row made a shared one: USW2-BoxUsage, a Graviton2 type.
    QByteArray row;
    for (const QByteArray& line :
         readFixture(QStringLiteral("ec2-all-regions.sample.csv")).split('\n')) {
        if (line.contains("USW2-HostBoxUsage:c6g.4xlarge"))
            row = line;
    }
    QVERIFY(!row.isEmpty());
    QByteArray shared = row;
    shared.replace("\"Host\"", "\"Shared\"")
        .replace("USW2-HostBoxUsage", "USW2-BoxUsage")
        .replace("\"0.0000000000\"", "\"0.5440000000\"");
    const QString path =
        variant(QStringLiteral("ec2-all-regions.sample.csv"), row, row + '\n' + shared);
    const auto rates = collectRates({path}, QStringLiteral("us-west-2"));
    QCOMPARE(rates->instanceTypes.keys(), QStringList{QStringLiteral("c6g.4xlarge")});
    const InstanceType c6g = rates->instanceTypes.value(QStringLiteral("c6g.4xlarge"));
    QCOMPARE(c6g.perHour, 0.544);
    QCOMPARE(c6g.vcpu, 16.0);
    QCOMPARE(c6g.memoryGib, 32.0);
    QCOMPARE(c6g.architecture, Architecture::Arm64);
}

void TestPriceListImport::fargateFromTheEcsFiles()
{
    const auto usEast1 = collectRates({fixture(QStringLiteral("ecs-us-east-1.sample.json"))},
                                      QStringLiteral("us-east-1"));
    QCOMPARE(usEast1->fargateVcpuHour[0].rate(), 0.04048);
    QCOMPARE(usEast1->fargateGbHour[0].rate(), 0.004445);
    QCOMPARE(usEast1->fargateVcpuHour[1].rate(), 0.03238);
    QCOMPARE(usEast1->fargateGbHour[1].rate(), 0.00356);
    QCOMPARE(usEast1->fargateStorageGbHour.rate(), 0.000111);
    // The ligoj CSV: unquoted, CRLF, prefix EU-, Windows rows and ECS Anywhere tiers skipped.
    const auto euWest1 = collectRates({fixture(QStringLiteral("ecs-eu-west-1.ligoj-fixture.csv"))},
                                      QStringLiteral("eu-west-1"));
    QCOMPARE(euWest1->fargateVcpuHour[0].rate(), 0.04048);
    QCOMPARE(euWest1->fargateVcpuHour[0].dimensions.size(), 1);
    QCOMPARE(euWest1->fargateGbHour[1].rate(), 0.00356);
    QCOMPARE(euWest1->fargateStorageGbHour.rate(), 0.000122);
}

void TestPriceListImport::lambdaFreeTierRowsAreNoRates()
{
    const auto rates = collectRates({fixture(QStringLiteral("lambda-eu-west-1.ligoj-fixture.csv"))},
                                    QStringLiteral("eu-west-1"));
    QCOMPARE(rates->lambdaRequests[0].dimensions.size(), 1);
    QCOMPARE(rates->lambdaRequests[0].rate(), 0.0000002);
    QCOMPARE(rates->lambdaFreeRequests, std::optional<double>(1000000));
    QCOMPARE(rates->lambdaFreeGbSeconds, std::optional<double>(400000));
    QCOMPARE(rates->lambdaDuration[0].dimensions.size(), 1); // not the provisioned one
    QVERIFY(rates->lambdaDuration[1].isEmpty());             // 2021 data: no Arm rows
}

void TestPriceListImport::lambdaTiersPerArchitecture()
{
    const auto rates = collectRates({fixture(QStringLiteral("lambda-us-east-1.constructed.csv"))},
                                    QStringLiteral("us-east-1"));
    const QList<RateTier> arm = rates->lambdaDuration[1].tiers(QStringLiteral("arm"));
    QCOMPARE(arm.size(), 3);
    QCOMPARE(arm[0].upTo, std::optional<double>(7.5e9));
    QCOMPARE(arm[0].rate, 0.0000133334);
    QCOMPARE(arm[1].upTo, std::optional<double>(18.75e9));
    QCOMPARE(arm[2].upTo, std::nullopt);
    QCOMPARE(arm[2].rate, 0.0000106667);
    QCOMPARE(rates->lambdaStorage[0].rate(), 0.0000000309);
}

void TestPriceListImport::eksExtendedSupportIsAddedToTheClusterFee()
{
    const ImportResult result = importPriceList(usEast1Files(), QStringLiteral("us-east-1"));
    const QJsonObject eks =
        result.priceBook[QStringLiteral("controlPlanes")][QStringLiteral("eks")].toObject();
    QCOMPARE(eks[QStringLiteral("perClusterHour")].toDouble(), 0.1); // not the Outposts row
    QCOMPARE(eks[QStringLiteral("extendedSupportPerClusterHour")].toDouble(), 0.6);
}

void TestPriceListImport::requestPathAndDataTransferTakeOnlyTheirRows()
{
    // Constructed rows with the usage types and families other public projects read from these
    // offers (unverified against a downloaded file): each offer also holds rows of the same
    // unit that are other products -- Classic and Network Load Balancers billed under the same
    // usage types, WebSocket messages, transfers in and between regions -- which must not
    // become the rates.
    struct Row
    {
        const char* family;
        const char* usageType;
        const char* unit;
        const char* price;
        const char* begin;
        const char* end;
        // Data transfer only: its direction.
        const char* transferType = "";
        const char* toLocation = "";
    };
    int sku = 0;
    const auto offer = [&](const char* code, std::initializer_list<Row> rows) {
        QByteArray csv =
            "\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"Constructed for the tests\"\n"
            "\"Publication Date\",\"2026-11-20T10:00:00Z\"\n"
            "\"Version\",\"20261120100000\"\n\"OfferCode\",\"";
        csv += code;
        csv += "\"\n\"SKU\",\"OfferTermCode\",\"RateCode\",\"TermType\",\"PriceDescription\","
               "\"EffectiveDate\",\"StartingRange\",\"EndingRange\",\"Unit\",\"PricePerUnit\","
               "\"Currency\",\"Product Family\",\"serviceCode\",\"Location\",\"Location Type\","
               "\"usageType\",\"operation\",\"Region Code\",\"Transfer Type\",\"From Location\","
               "\"To Location\",\"From Region Code\"\n";
        for (const Row& row : rows) {
            const QByteArray id = "SKU" + QByteArray::number(++sku);
            csv += "\"" + id + "\",\"JRTCKXETXF\",\"" + id + ".JRTCKXETXF." + row.begin +
                   "\",\"OnDemand\",\"a row\",\"2026-11-01\",\"" + row.begin + "\",\"" + row.end +
                   "\",\"" + row.unit + "\",\"" + row.price + "\",\"USD\",\"" + row.family +
                   "\",\"" + code + "\",\"US East (N. Virginia)\",\"AWS Region\",\"" +
                   row.usageType + "\",\"\",\"us-east-1\",\"" + row.transferType +
                   "\",\"US East (N. Virginia)\",\"" + row.toLocation + "\",\"us-east-1\"\n";
        }
        const QString path = m_dir.filePath(QLatin1String(code) + QStringLiteral(".csv"));
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(csv);
        return path;
    };
    const QStringList files = {
        offer(
            "AWSELB",
            {{"Load Balancer", "LoadBalancerUsage", "Hrs", "0.0250000000", "0", "Inf"},
             {"Load Balancer-Network", "LoadBalancerUsage", "Hrs", "0.0225000000", "0", "Inf"},
             {"Load Balancer-Network", "LCUUsage", "LCU-Hrs", "0.0060000000", "0", "Inf"},
             {"Load Balancer-Application", "LoadBalancerUsage", "Hrs", "0.0225000000", "0", "Inf"},
             {"Load Balancer-Application", "LCUUsage", "LCU-Hrs", "0.0080000000", "0", "Inf"},
             {"Load Balancer-Application", "Outposts-LCUUsage", "LCU-Hrs", "0.0000000000", "0",
              "Inf"}}),
        offer(
            "AmazonApiGateway",
            {{"API Calls", "USE1-ApiGatewayHttpRequest", "Requests", "0.0000010000", "0",
              "300000000"},
             {"API Calls", "USE1-ApiGatewayHttpRequest", "Requests", "0.0000009000", "300000000",
              "Inf"},
             {"API Calls", "USE1-ApiGatewayRequest", "Requests", "0.0000035000", "0", "333000000"},
             {"API Calls", "USE1-ApiGatewayRequest", "Requests", "0.0000028000", "333000000",
              "Inf"},
             {"WebSocket", "USE1-ApiGatewayMessage", "Requests", "0.0000010000", "0", "Inf"}}),
        offer("AWSDataTransfer", {{"Data Transfer", "USE1-DataTransfer-In-Bytes", "GB",
                                   "0.0000000000", "0", "Inf", "AWS Inbound", "External"},
                                  {"Data Transfer", "USE1-USE2-AWS-Out-Bytes", "GB", "0.0100000000",
                                   "0", "Inf", "InterRegion Outbound", "US East (Ohio)"},
                                  {"Data Transfer", "USE1-DataTransfer-Out-Bytes", "GB",
                                   "0.0900000000", "0", "10240", "AWS Outbound", "External"},
                                  {"Data Transfer", "USE1-DataTransfer-Out-Bytes", "GB",
                                   "0.0500000000", "10240", "Inf", "AWS Outbound", "External"}}),
    };
    const auto rates = collectRates(files, QStringLiteral("us-east-1"));
    QVERIFY(rates);
    QCOMPARE(rates->albHour.rate(), 0.0225);
    QCOMPARE(rates->albHour.dimensions.size(), 1);
    QCOMPARE(rates->albLcuHour.rate(), 0.008);
    QCOMPARE(rates->albLcuHour.dimensions.size(), 1);
    QCOMPARE(rates->apiGatewayHttpRequests.dimensions.size(), 2);
    QCOMPARE(rates->apiGatewayHttpRequests.rate(), 0.000001);
    QCOMPARE(rates->dataTransferOut.dimensions.size(), 2);
    QCOMPARE(rates->dataTransferOut.rate(), 0.09);
    QCOMPARE(rates->dataTransferOut.dimensions.at(1).rate, 0.05);
}

void TestPriceListImport::byteOrderMarksAreSkipped_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("JSON") << QStringLiteral("ecs-us-east-1.sample.json");
    QTest::newRow("CSV") << QStringLiteral("ecs-eu-west-1.ligoj-fixture.csv");
}

void TestPriceListImport::byteOrderMarksAreSkipped()
{
    QFETCH(QString, name);
    const QByteArray data = readFixture(name);
    const QString path = variant(name, data, "\xEF\xBB\xBF" + data, QStringLiteral("bom-") + name);
    const auto rates = collectRates({path}, name.contains(QLatin1String("eu-west-1"))
                                                ? QStringLiteral("eu-west-1")
                                                : QStringLiteral("us-east-1"));
    QCOMPARE(rates->fargateVcpuHour[0].rate(), 0.04048);
}

void TestPriceListImport::reservedTermsArePassedOver()
{
    // Reserved terms before the on-demand ones, with braces, brackets and escaped quotes in
    // strings: passed over by matching braces, the on-demand terms after them still read.
    const QByteArray reserved =
        "\"terms\" : {\n    \"Reserved\" : { \"8CESGAFWKAJ98PME\" : { \"d\" : \"a } \\\" { ] "
        "\\\\\", \"n\" : [ { }, \"}\", [ ] ] } },\n";
    const QString path = variant(QStringLiteral("ecs-us-east-1.sample.json"), "\"terms\" : {\n",
                                 reserved, QStringLiteral("reserved-first.json"));
    const auto rates = collectRates({path}, QStringLiteral("us-east-1"));
    QCOMPARE(rates->fargateVcpuHour[0].rate(), 0.04048);
    // Many terms, so that whole 16-byte blocks hold brackets inside and outside strings.
    QByteArray many = "\"terms\" : {\n    \"Reserved\" : {";
    for (int i = 0; i < 1000; ++i) {
        many += QStringLiteral(
                    "%1\"k%2\" : { \"d\" : \"} ] { [ }}\", \"n\" : [ {}, [ \"]\" ], {\"x\":[]} ] }")
                    .arg(i ? QStringLiteral(",") : QString())
                    .arg(i)
                    .toUtf8();
    }
    many += "},\n";
    const QString manyPath = variant(QStringLiteral("ecs-us-east-1.sample.json"), "\"terms\" : {\n",
                                     many, QStringLiteral("reserved-many.json"));
    QCOMPARE(collectRates({manyPath}, QStringLiteral("us-east-1"))->fargateGbHour[1].rate(),
             0.00356);
    // Cut inside the Reserved terms.
    QByteArray cut = readFixture(QStringLiteral("ecs-us-east-1.sample.json"));
    cut.replace("\"terms\" : {\n", reserved);
    cut.truncate(cut.indexOf("\"n\" : ["));
    const QString cutPath = m_dir.filePath(QStringLiteral("reserved-cut.json"));
    QFile file(cutPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(cut);
    file.close();
    try {
        collectRates({cutPath}, QStringLiteral("us-east-1"));
        QFAIL("no error");
    } catch (const DataError& error) {
        QCOMPARE(error.toString(),
                 cutPath + QStringLiteral(": byte %1, in terms.Reserved: the file ends in the "
                                          "middle of the JSON (is it cut short?)")
                               .arg(cut.size()));
    }
}

void TestPriceListImport::objectsAcrossChunkBoundariesAreReadWhole_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("EC2") << QStringLiteral("ec2-us-east-1.sample.json");
    QTest::newRow("ECS") << QStringLiteral("ecs-us-east-1.sample.json");
}

void TestPriceListImport::objectsAcrossChunkBoundariesAreReadWhole()
{
    // The reader takes the file a MiB at a time and parses each product, and each kept
    // product's terms, in place: white space after the opening brace moves the chunk boundary
    // through the products and terms, and at every position the price book is the unpadded
    // file's (the same file name, so even the provenance is equal).
    QFETCH(QString, name);
    const QByteArray data = readFixture(name);
    QStringList files = usEast1Files();
    const QJsonObject expected = importPriceList(files, QStringLiteral("us-east-1")).priceBook;
    QVERIFY(m_dir.path().size() > 0 && QDir(m_dir.path()).mkpath(QStringLiteral("padded")));
    const QString paddedPath = m_dir.filePath(QStringLiteral("padded/") + name);
    files.replace(files.indexOf(fixture(name)), paddedPath);
    constexpr int chunk = 1 << 20;
    int positions = 0;
    for (int boundary = int(data.indexOf("\"products\"")); boundary < data.size(); boundary += 97) {
        QByteArray padded = data;
        padded.insert(1, QByteArray(chunk - boundary, ' '));
        QFile file(paddedPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(padded);
        file.close();
        QCOMPARE(importPriceList(files, QStringLiteral("us-east-1")).priceBook, expected);
        ++positions;
    }
    QVERIFY(positions > 40);
}

void TestPriceListImport::escapedStringsInProductsAreDecoded()
{
    // Strings parsed in place are decoded in place: escapes in a product's attributes and in
    // its terms give the same rates as the plain text.
    const QString name = QStringLiteral("ecs-us-east-1.sample.json");
    QByteArray data = readFixture(name);
    data.replace("\"US East (N. Virginia)\"", "\"US East \\u0028N. Virginia\\u0029\"");
    data.replace("\"Fargate-vCPU-Hours:perCPU\"", "\"Fargate\\u002DvCPU-Hours:perCPU\"");
    data.replace("\"0.0404800000\"", "\"0.040480\\u0030000\"");
    QVERIFY(data.count("\\u00") >= 4);
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("escaped")));
    const QString path = m_dir.filePath(QStringLiteral("escaped/") + name);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
    file.close();
    const auto rates = collectRates({path}, QStringLiteral("us-east-1"));
    QCOMPARE(rates->fargateVcpuHour[0].rate(), 0.04048);
    QCOMPARE(rates->fargateGbHour[1].rate(), 0.00356);
}

void TestPriceListImport::invalidJsonInAProductIsNamed()
{
    // A product and a kept product's terms are parsed on their own: an error inside one still
    // gives the byte in the whole file and the path to the value.
    const QString name = QStringLiteral("ecs-us-east-1.sample.json");
    const QByteArray data = readFixture(name);
    const QByteArray product = "\"operatingSystem\" : \"Windows\"";
    const QString badProduct =
        variant(name, product, "\"operatingSystem\" : Windows", QStringLiteral("bad-product.json"));
    const int productError = int(data.indexOf(product)) + int(qstrlen("\"operatingSystem\" : "));
    const QByteArray term = "\"0.0404800000\"";
    const QString badTerm = variant(name, term, "0.04048,,", QStringLiteral("bad-term.json"));
    const int termError = int(data.indexOf(term)) + int(qstrlen("0.04048,"));
    const struct
    {
        QString path;
        int byte;
        QString where;
        QString reason;
    } cases[] = {
        {badProduct, productError, QStringLiteral("products.RF2BUTAD289DREDC.attributes"),
         QStringLiteral("Invalid value.")},
        {badTerm, termError,
         QStringLiteral("terms.OnDemand.8CESGAFWKAJ98PME.8CESGAFWKAJ98PME.JRTCKXETXF."
                        "priceDimensions.8CESGAFWKAJ98PME.JRTCKXETXF.6YS6EN2CT7.pricePerUnit"),
         QStringLiteral("Missing a name for object member.")},
    };
    for (const auto& bad : cases) {
        try {
            collectRates({bad.path}, QStringLiteral("us-east-1"));
            QFAIL("no error");
        } catch (const DataError& error) {
            QCOMPARE(error.toString(),
                     bad.path + QStringLiteral(": byte %1, in %2: not valid JSON: %3")
                                    .arg(bad.byte)
                                    .arg(bad.where, bad.reason));
        }
    }
}

void TestPriceListImport::anObjectTooLargeForAnOfferIsRefused()
{
    // A product AWS would publish is a few KB; one of 20 MB is read no further, so memory
    // stays bounded whatever the file holds.
    const QString name = QStringLiteral("ecs-us-east-1.sample.json");
    const QByteArray data = readFixture(name);
    const QByteArray attributes = "\"attributes\" : {";
    const int at = int(data.indexOf(attributes));
    QByteArray huge = data;
    huge.insert(at + attributes.size(), "\"x\" : \"" + QByteArray(20 << 20, 'x') + "\",");
    const QString path = m_dir.filePath(QStringLiteral("huge-product.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(huge);
    file.close();
    const int productStart = int(data.indexOf('{', data.indexOf("\"74HXSAMY4YHFPXQQ\" :")));
    QVERIFY(productStart < at);
    try {
        collectRates({path}, QStringLiteral("us-east-1"));
        QFAIL("no error");
    } catch (const DataError& error) {
        QCOMPARE(error.toString(),
                 path + QStringLiteral(": byte %1, in products.74HXSAMY4YHFPXQQ: an object of over "
                                       "16 MB, where AWS's offer files have a few KB (is this an "
                                       "offer file?)")
                            .arg(productStart));
    }
}

void TestPriceListImport::csvAndJsonOfOneOfferGiveTheSameRates()
{
    // The ECS JSON written as the CSV of the same offer (the layout of README §3).
    const QJsonObject offer =
        QJsonDocument::fromJson(readFixture(QStringLiteral("ecs-us-east-1.sample.json"))).object();
    QByteArray csv =
        "\"FormatVersion\",\"v1.0\"\n\"Publication Date\",\"" +
        offer[QStringLiteral("publicationDate")].toString().toUtf8() + "\"\n\"Version\",\"" +
        offer[QStringLiteral("version")].toString().toUtf8() +
        "\"\n\"OfferCode\",\"AmazonECS\"\n"
        "\"SKU\",\"TermType\",\"StartingRange\",\"EndingRange\",\"Unit\",\"PricePerUnit\","
        "\"Currency\",\"Product Family\",\"Location\",\"Location Type\",\"usageType\","
        "\"Region Code\"\n";
    const QJsonObject onDemand =
        offer[QStringLiteral("terms")][QStringLiteral("OnDemand")].toObject();
    for (const QString& sku : onDemand.keys()) {
        const QJsonObject product = offer[QStringLiteral("products")][sku].toObject();
        const QJsonObject attributes = product[QStringLiteral("attributes")].toObject();
        for (const QJsonValue term : onDemand[sku].toObject()) {
            for (const QJsonValue dimension : term[QStringLiteral("priceDimensions")].toObject()) {
                QStringList fields = {
                    sku,
                    QStringLiteral("OnDemand"),
                    dimension[QStringLiteral("beginRange")].toString(),
                    dimension[QStringLiteral("endRange")].toString(),
                    dimension[QStringLiteral("unit")].toString(),
                    dimension[QStringLiteral("pricePerUnit")][QStringLiteral("USD")].toString(),
                    QStringLiteral("USD"),
                    product[QStringLiteral("productFamily")].toString(),
                    attributes[QStringLiteral("location")].toString(),
                    attributes[QStringLiteral("locationType")].toString(),
                    attributes[QStringLiteral("usagetype")].toString(),
                    attributes[QStringLiteral("regionCode")].toString()};
                for (QString& field : fields)
                    field = field.isEmpty() ? QString() : u'"' + field + u'"';
                csv += fields.join(u',').toUtf8() + '\n';
            }
        }
    }
    const QString csvPath = m_dir.filePath(QStringLiteral("ecs.csv"));
    QFile file(csvPath);
    file.open(QIODevice::WriteOnly);
    file.write(csv);
    file.close();

    const QString json = fixture(QStringLiteral("ecs-us-east-1.sample.json"));
    QStringList viaCsv = usEast1Files();
    viaCsv.replace(viaCsv.indexOf(json), csvPath);
    QJsonObject fromJson = importPriceList(usEast1Files(), QStringLiteral("us-east-1")).priceBook;
    QJsonObject fromCsv = importPriceList(viaCsv, QStringLiteral("us-east-1")).priceBook;
    QVERIFY(
        fromCsv[QStringLiteral("fargate")].toObject()[QStringLiteral("source")].toString().contains(
            QLatin1String("index.csv")));
    // Equal but for the provenance of the Fargate and ECS rates.
    for (QJsonObject* book : {&fromJson, &fromCsv}) {
        QJsonObject fargate = (*book)[QStringLiteral("fargate")].toObject();
        fargate.remove(QStringLiteral("source"));
        book->insert(QStringLiteral("fargate"), fargate);
        book->remove(QStringLiteral("controlPlanes"));
    }
    QCOMPARE(fromCsv, fromJson);
}

void TestPriceListImport::wholeUsEast1BookEqualsTheBuiltInRates()
{
    const ImportResult result = importPriceList(usEast1Files(), QStringLiteral("us-east-1"));
    const QString path = m_dir.filePath(QStringLiteral("us-east-1.json"));
    QCOMPARE(writePriceBook(result.priceBook, path), std::nullopt);
    const PriceBook imported = PriceBook::load(path);
    const PriceBook builtIn = PriceBook::loadBuiltIn();
    QCOMPARE(imported.region(), QStringLiteral("us-east-1"));
    QCOMPARE(imported.currency(), QStringLiteral("USD"));
    QCOMPARE(imported.asOf(), QStringLiteral("2021-02-05")); // the oldest file's publication
    for (const InstanceType& instance : imported.ec2().instanceTypes) {
        if (const InstanceType* known = builtIn.ec2().instanceType(instance.type))
            QCOMPARE(instance.perHour, known->perHour);
    }
    QVERIFY(imported.ec2().instanceType(QStringLiteral("m5.large")));
    QCOMPARE(imported.lambda().perRequest, builtIn.lambda().perRequest);
    for (const Architecture architecture : {Architecture::X86_64, Architecture::Arm64}) {
        const QList<RateTier>& tiers = imported.lambda().tiers(architecture);
        const QList<RateTier>& expected = builtIn.lambda().tiers(architecture);
        QCOMPARE(tiers.size(), expected.size());
        for (qsizetype i = 0; i < tiers.size(); ++i) {
            QCOMPARE(tiers[i].upTo, expected[i].upTo);
            QVERIFY2(close(tiers[i].rate, expected[i].rate),
                     qPrintable(QString::number(tiers[i].rate)));
        }
        // The built-in per-second rates are the pricing page's, rounded to 4 or 5 digits.
        const FargateComputeRates& fargate = imported.fargate().rates(architecture);
        const FargateComputeRates& page = builtIn.fargate().rates(architecture);
        QVERIFY(std::abs(fargate.perVcpuSecond / page.perVcpuSecond - 1) < 5e-4);
        QVERIFY(std::abs(fargate.perGbSecond / page.perGbSecond - 1) < 5e-4);
    }
    QCOMPARE(imported.lambda().ephemeralStoragePerGbSecond,
             builtIn.lambda().ephemeralStoragePerGbSecond);
    QCOMPARE(imported.controlPlane(QStringLiteral("eks"))->perClusterHour, 0.1);
    // Provenance: offer, version, publication date and file in every source.
    const QString ec2Source = imported.ec2().source;
    QVERIFY2(ec2Source.startsWith(QLatin1String("https://pricing.us-east-1.amazonaws.com/offers/"
                                                "v1.0/aws/AmazonEC2/20210205204500/us-east-1/"
                                                "index.json#published=2021-02-05T20:45:00Z&file="
                                                "ec2-us-east-1.query-api-m5.large.json")),
             qPrintable(ec2Source));
    QVERIFY(imported.lambda().source.contains(QLatin1String("AWSLambda/20261120100000")));
    QVERIFY(imported.fargate().source.contains(QLatin1String("AmazonECS/20250828172723")));
    QVERIFY(
        imported.controlPlane(QStringLiteral("eks"))->source.contains(QLatin1String("AmazonEKS")));
    QCOMPARE(result.files.size(), 5);
    QVERIFY(result.files.constFirst().endsWith(QLatin1String("(AmazonEC2 20210205204500, JSON)")));
}

void TestPriceListImport::missingGroupsAreListedAndLeftOut()
{
    const ImportResult result = importPriceList(usEast1Files(), QStringLiteral("us-east-1"));
    QCOMPARE(result.missing,
             (QStringList{QStringLiteral("API Gateway HTTP API requests"),
                          QStringLiteral("API Gateway REST API requests"),
                          QStringLiteral("ALB hours"), QStringLiteral("ALB LCU-hours"),
                          QStringLiteral("data transfer out to the internet")}));
    QVERIFY(!result.priceBook.contains(QStringLiteral("requestPath")));
    QVERIFY(!result.priceBook.contains(QStringLiteral("dataTransfer")));
}

void TestPriceListImport::missingComputeRatesWriteNothing()
{
    QStringList files = usEast1Files();
    files.removeAt(3); // no Lambda
    try {
        importPriceList(files, QStringLiteral("us-east-1"));
        QFAIL("no error");
    } catch (const DataError& error) {
        QVERIFY2(error.message().contains(
                     QLatin1String("Lambda requests, Lambda duration tiers (x86_64), Lambda "
                                   "duration tiers (arm64), Lambda ephemeral storage")),
                 qPrintable(error.toString()));
    }
}

void TestPriceListImport::chinaCarriesItsCurrencyAndMixingIsRefused()
{
    const QString yuan = variant(QStringLiteral("ecs-us-east-1.sample.json"), "\"USD\"", "\"CNY\"",
                                 QStringLiteral("ecs-cny.json"));
    const auto rates = collectRates({yuan}, QStringLiteral("us-east-1"));
    QCOMPARE(rates->currency, QStringLiteral("CNY"));
    try {
        collectRates({fixture(QStringLiteral("ec2-us-east-1.sample.json")), yuan},
                     QStringLiteral("us-east-1"));
        QFAIL("no error");
    } catch (const DataError& error) {
        QVERIFY2(error.toString().startsWith(yuan + QStringLiteral(": terms.OnDemand.")),
                 qPrintable(error.toString()));
        QVERIFY(error.message().contains(
            QLatin1String("a price in CNY where the other files' prices are in USD")));
    }
    // The real China file: its one product is storage, so nothing to take, and no error.
    QVERIFY(collectRates({fixture(QStringLiteral("ec2-cn-northwest-1.sample.json"))},
                         QStringLiteral("cn-northwest-1")));
}

void TestPriceListImport::badInputIsNamed_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("expected");
    const QString csv = QStringLiteral("ecs-eu-west-1.ligoj-fixture.csv");
    const QString json = QStringLiteral("ecs-us-east-1.sample.json");
    const QByteArray csvData = readFixture(csv);
    const QByteArray jsonData = readFixture(json);

    // Issue 17: RapidJSON recursed once per level, and a million overflowed the stack.
    const QString deep = m_dir.filePath(QStringLiteral("deep.json"));
    QFile deepFile(deep);
    QVERIFY(deepFile.open(QIODevice::WriteOnly));
    deepFile.write(R"({"formatVersion": "v1.0", "offerCode": "AmazonECS", "deep": )");
    deepFile.write(QByteArray(1'000'000, '['));
    deepFile.write(QByteArray(1'000'000, ']'));
    deepFile.write("}");
    deepFile.close();
    QTest::newRow("nested a million deep")
        << deep << "us-east-1"
        << deep + QStringLiteral(": nested deeper than 64 levels: not an AWS Price List offer "
                                 "file");

    // The same for one endless string, which RapidJSON reads whole.
    const QString endless = m_dir.filePath(QStringLiteral("endless.json"));
    QFile endlessFile(endless);
    QVERIFY(endlessFile.open(QIODevice::WriteOnly));
    endlessFile.write(R"({"formatVersion": "v1.0", "offerCode": "AmazonECS", "x": ")");
    endlessFile.write(QByteArray(static_cast<qsizetype>(2 * pricelist::longestJsonToken), 'x'));
    endlessFile.close();
    QTest::newRow("an endless string")
        << endless << "us-east-1"
        << endless + QStringLiteral(": a string longer than 16 MiB: not an AWS Price List offer "
                                    "file");

    const QString cutCsv =
        variant(csv, csvData.mid(csvData.size() / 2), {}, QStringLiteral("cut.csv"));
    QTest::newRow("CSV cut short")
        << cutCsv << "eu-west-1"
        << cutCsv + QStringLiteral(
                        ": line 12: 5 fields where the header has 27 (is the file cut short?)");
    const QString cutJson =
        variant(json, jsonData.mid(jsonData.size() / 2), {}, QStringLiteral("cut.json"));
    QTest::newRow("JSON cut short")
        << cutJson << "us-east-1"
        << cutJson + QStringLiteral(": byte 8106, in terms.OnDemand.74HXSAMY4YHFPXQQ: "
                                    "the file ends in the middle of the JSON (is it cut short?)");
    const QString index = fixture(QStringLiteral("offer-index.sample.json"));
    QTest::newRow("not an offer (JSON)")
        << index << "us-east-1"
        << index + QStringLiteral(
                       ": not an AWS Price List offer file (no \"offerCode\" before \"products\")");
    const QString workload = QStringLiteral(ACE_SOURCE_DIR "/tests/data/price-list/README.md");
    QTest::newRow("not an offer (text)")
        << workload << "us-east-1"
        << workload + QStringLiteral(": not an AWS Price List offer file (neither CSV nor JSON)");
    const QString savingsPlan = fixture(QStringLiteral("savingsplan-compute-ap-east-2.sample.csv"));
    QTest::newRow("another kind of offer")
        << savingsPlan << "ap-east-2"
        << savingsPlan +
               QStringLiteral(": offer \"AmazonComputeSavingsPlan\" is not one this program "
                              "imports (it reads AmazonEC2, AWSLambda, AmazonECS, AmazonEKS, "
                              "AmazonApiGateway, AWSELB, AWSDataTransfer)");
    const QString noColumn = variant(csv, ",usageType,", ",usage,", QStringLiteral("nocolumn.csv"));
    QTest::newRow("missing column")
        << noColumn << "eu-west-1"
        << noColumn +
               QStringLiteral(
                   ": line 6: no column \"usageType\" in the header (an AmazonECS file has one)");
    const QString noPrice = variant(csv, "0.0404800000", "0.04O48", QStringLiteral("noprice.csv"));
    QTest::newRow("price not a number")
        << noPrice << "eu-west-1"
        << noPrice + QStringLiteral(": line 16: price \"0.04O48\" is not a number");
    // Issue 17: std::from_chars reads these as numbers.
    for (const char* notFinite : {"inf", "nan"}) {
        const QString file = variant(csv, "0.0404800000", notFinite,
                                     QStringLiteral("%1.csv").arg(QLatin1String(notFinite)));
        QTest::newRow(notFinite) << file << "eu-west-1"
                                 << file + QStringLiteral(": line 16: price \"%1\" is not a number")
                                               .arg(QLatin1String(notFinite));
    }
    const QString badJsonPrice =
        variant(json, "\"0.0404800000\"", "\"free\"", QStringLiteral("noprice.json"));
    QTest::newRow("JSON price not a number")
        << badJsonPrice << "us-east-1"
        << badJsonPrice +
               QStringLiteral(
                   ": "
                   "terms.OnDemand.8CESGAFWKAJ98PME.8CESGAFWKAJ98PME.JRTCKXETXF.priceDimensions."
                   "8CESGAFWKAJ98PME.JRTCKXETXF.6YS6EN2CT7: price \"free\" is not a number");
    QTest::newRow("another region")
        << fixture(json) << "eu-west-1"
        << fixture(json) +
               QStringLiteral(": an offer for us-east-1, not for eu-west-1 (the region asked for)");
    QTest::newRow("another region, by location (2021)")
        << fixture(QStringLiteral("lambda-eu-west-1.ligoj-fixture.csv")) << "us-east-1"
        << fixture(QStringLiteral("lambda-eu-west-1.ligoj-fixture.csv")) +
               QStringLiteral(": an offer for eu-west-1, not for us-east-1 (the region asked for)");
}

void TestPriceListImport::badInputIsNamed()
{
    QFETCH(QString, path);
    QFETCH(QString, region);
    QFETCH(QString, expected);
    try {
        collectRates({path}, region);
        QFAIL("no error");
    } catch (const DataError& error) {
        QCOMPARE(error.toString(), expected);
    }
}

void TestPriceListImport::progressAndCancel()
{
    QList<ImportProgress> seen;
    importPriceList(usEast1Files(), QStringLiteral("us-east-1"),
                    [&](const ImportProgress& progress) {
                        seen.append(progress);
                        return true;
                    });
    QVERIFY(!seen.isEmpty());
    QCOMPARE(seen.constLast().bytesRead, seen.constLast().bytesTotal);
    QCOMPARE(seen.constLast().file, usEast1Files().constLast());
    QVERIFY_THROWS_EXCEPTION(ImportCancelled,
                             importPriceList(usEast1Files(), QStringLiteral("us-east-1"),
                                             [](const ImportProgress&) { return false; }));
}

void TestPriceListImport::writesAtomically()
{
    const QString path = m_dir.filePath(QStringLiteral("deep/folder/book.json"));
    QCOMPARE(writePriceBook(QJsonObject{{QStringLiteral("a"), 1}}, path), std::nullopt);
    QVERIFY(QFile::exists(path));
    const QString blocked = m_dir.filePath(QStringLiteral("deep/folder/book.json/inside.json"));
    const auto error = writePriceBook(QJsonObject{}, blocked);
    QVERIFY(error);
    QVERIFY2(error->startsWith(blocked), qPrintable(*error));
    // What is not a regular file is refused before anything is written, for root too.
    const QString device = m_dir.filePath(QStringLiteral("deep/folder/null.json"));
    QVERIFY(QFile::link(QStringLiteral("/dev/null"), device));
    QCOMPARE(writePriceBook(QJsonObject{}, device),
             device + QStringLiteral(": cannot write: it is a symbolic link to /dev/null, which "
                                     "is a character device, not a regular file"));
    QVERIFY(QFileInfo(device).isSymLink());
}

QTEST_GUILESS_MAIN(TestPriceListImport)
#include "tst_pricelistimport.moc"
