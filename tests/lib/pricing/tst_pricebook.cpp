// Loading the price book: the built-in one is complete, dated and sourced; every kind of broken
// file is refused with a message that names the file and the JSON path.
#include "json/dataerror.h"
#include "jsonfixtures.h"
#include "pricing/pricebook.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

Q_DECLARE_METATYPE(ace::FargateOrchestrator)

using namespace ace;

class TestPriceBook : public QObject
{
    Q_OBJECT

private slots:
    void builtInPriceBookIsDatedAndSourced();
    void builtInRatesAreTheFactSheetsRates();
    void builtInFargateSizesRoundUpLikeAws_data();
    void builtInFargateSizesRoundUpLikeAws();
    void builtInInstanceTypes();
    void builtInRequestPathAndDataTransferRates();
    void loadsAUserPriceBook();
    void loadsAPriceBookWithoutTheOptionalGroups();
    void rejectsABrokenField_data();
    void rejectsABrokenField();

private:
    QString loadErrorAfter(const QString& path, const QJsonValue& value);

    QTemporaryDir m_dir;
};

void TestPriceBook::builtInPriceBookIsDatedAndSourced()
{
    const PriceBook prices = PriceBook::loadBuiltIn();
    QCOMPARE(prices.sourceName(), QStringLiteral("built-in prices/us-east-1.json"));
    QCOMPARE(prices.region(), QStringLiteral("us-east-1"));
    QCOMPARE(prices.currency(), QStringLiteral("USD"));
    QCOMPARE(prices.asOf(), QStringLiteral("2026-11-28"));
    QStringList groups;
    for (const RateSource& source : prices.rateSources()) {
        groups.append(source.group);
        QVERIFY2(source.url.startsWith(QStringLiteral("https://aws.amazon.com/")),
                 qPrintable(source.url));
    }
    QCOMPARE(groups, (QStringList{QStringLiteral("lambda"), QStringLiteral("fargate"),
                                  QStringLiteral("ecs"), QStringLiteral("eks"),
                                  QStringLiteral("ec2"), QStringLiteral("api-gateway"),
                                  QStringLiteral("alb"), QStringLiteral("data-transfer")}));
}

void TestPriceBook::builtInRatesAreTheFactSheetsRates()
{
    // Every number below is copied from ../shared/reference/aws-compute-facts.md §1–§4.
    const PriceBook prices = PriceBook::loadBuiltIn();
    const LambdaRates& lambda = prices.lambda();
    QCOMPARE(lambda.perRequest, 0.20 / 1e6);
    QCOMPARE(lambda.tiers(Architecture::X86_64).size(), 3);
    QCOMPARE(lambda.tiers(Architecture::X86_64).at(0).upTo, 6e9);
    QCOMPARE(lambda.tiers(Architecture::X86_64).at(0).rate, 0.0000166667);
    QCOMPARE(lambda.tiers(Architecture::X86_64).at(1).upTo, 15e9);
    QCOMPARE(lambda.tiers(Architecture::X86_64).at(2).upTo, std::nullopt);
    QCOMPARE(lambda.tiers(Architecture::X86_64).at(2).rate, 0.0000133334);
    QCOMPARE(lambda.tiers(Architecture::Arm64).at(0).upTo, 7.5e9);
    QCOMPARE(lambda.tiers(Architecture::Arm64).at(0).rate, 0.0000133334);
    QCOMPARE(lambda.tiers(Architecture::Arm64).at(1).upTo, 18.75e9);
    QCOMPARE(lambda.tiers(Architecture::Arm64).at(2).rate, 0.0000106667);
    QCOMPARE(lambda.ephemeralStoragePerGbSecond, 0.0000000309);
    QCOMPARE(lambda.includedEphemeralStorageMb, 512.0);
    QCOMPARE(lambda.freeRequests, 1e6);
    QCOMPARE(lambda.freeGbSeconds, 400000.0);
    QCOMPARE(lambda.maxDurationSeconds, 900.0);
    QCOMPARE(lambda.maxMemoryMb, 10240.0);

    const FargateRates& fargate = prices.fargate();
    QCOMPARE(fargate.rates(Architecture::X86_64).perVcpuSecond, 0.000011244);
    QCOMPARE(fargate.rates(Architecture::X86_64).perGbSecond, 0.000001235);
    QCOMPARE(fargate.rates(Architecture::Arm64).perVcpuSecond, 0.0000089944);
    QCOMPARE(fargate.rates(Architecture::Arm64).perGbSecond, 0.0000009889);
    QCOMPARE(fargate.storagePerGbSecond, 0.0000000308);
    QCOMPARE(fargate.includedStorageGb, 20.0);
    QCOMPARE(fargate.eksPodOverheadMb, 256.0);
    QCOMPARE(fargate.eksArchitectures, QList<Architecture>{Architecture::X86_64});
    // 3 + 4 + 7 + 13 + 23 + 12 + 12 valid sizes (facts §2), and the three 32-vCPU sizes only
    // the pricing page lists (rates-and-audit §1a #12).
    QCOMPARE(fargate.taskSizes.size(), 77);
    QCOMPARE(std::count_if(fargate.taskSizes.cbegin(), fargate.taskSizes.cend(),
                           [](const FargateTaskSize& size) { return size.pricingPageOnly; }),
             3);

    QCOMPARE(prices.controlPlane(QStringLiteral("eks"))->perClusterHour, 0.10);
    // Extended support: $0.60 per cluster-hour in all (rates-and-audit §1e 3).
    QCOMPARE(prices.controlPlane(QStringLiteral("eks"))->extendedSupportPerClusterHour, 0.60);
    QCOMPARE(prices.controlPlane(QStringLiteral("ecs"))->perClusterHour, 0.0);
    QCOMPARE(prices.controlPlane(QStringLiteral("ecs"))->extendedSupportPerClusterHour,
             std::nullopt);
    QCOMPARE(prices.controlPlane(QStringLiteral("lambda")), nullptr);
}

void TestPriceBook::builtInFargateSizesRoundUpLikeAws_data()
{
    QTest::addColumn<FargateOrchestrator>("orchestrator");
    QTest::addColumn<double>("vcpu");
    QTest::addColumn<double>("memoryGb");
    QTest::addColumn<double>("billedVcpu"); // 0: no size fits
    QTest::addColumn<double>("billedMemoryGb");

    const FargateOrchestrator ecs = FargateOrchestrator::Ecs;
    const FargateOrchestrator eks = FargateOrchestrator::Eks;
    QTest::newRow("exact size") << ecs << 1.0 << 2.0 << 1.0 << 2.0;
    QTest::newRow("smallest") << ecs << 0.1 << 0.1 << 0.25 << 0.5;
    QTest::newRow("memory between sizes") << ecs << 0.25 << 1.5 << 0.25 << 2.0;
    QTest::newRow("memory beyond the vCPU's range") << ecs << 0.25 << 3.0 << 0.5 << 3.0;
    QTest::newRow("EKS pod 1 vCPU 2 GB + 256 MB") << eks << 1.0 << 2.25 << 1.0 << 3.0;
    QTest::newRow("8 vCPU sizes step by 4 GB") << ecs << 8.0 << 17.0 << 8.0 << 20.0;
    QTest::newRow("largest documented") << eks << 16.0 << 120.0 << 16.0 << 120.0;
    QTest::newRow("ECS: 32 vCPU from the pricing page") << ecs << 17.0 << 32.0 << 32.0 << 60.0;
    QTest::newRow("ECS: 16 vCPU, 121 GB") << ecs << 16.0 << 121.0 << 32.0 << 244.0;
    QTest::newRow("ECS: largest") << ecs << 32.0 << 244.0 << 32.0 << 244.0;
    QTest::newRow("ECS: beyond the largest") << ecs << 32.0 << 245.0 << 0.0 << 0.0;
    QTest::newRow("EKS: no 32 vCPU pods") << eks << 17.0 << 32.0 << 0.0 << 0.0;
    QTest::newRow("EKS: 16 vCPU, 121 GB") << eks << 16.0 << 121.0 << 0.0 << 0.0;
}

void TestPriceBook::builtInFargateSizesRoundUpLikeAws()
{
    QFETCH(FargateOrchestrator, orchestrator);
    QFETCH(double, vcpu);
    QFETCH(double, memoryGb);
    QFETCH(double, billedVcpu);
    QFETCH(double, billedMemoryGb);
    const PriceBook prices = PriceBook::loadBuiltIn();
    const FargateTaskSize* size =
        prices.fargate().smallestSizeFitting(orchestrator, vcpu, memoryGb);
    if (billedVcpu == 0) {
        QCOMPARE(size, nullptr);
        return;
    }
    QVERIFY(size);
    QCOMPARE(size->vcpu, billedVcpu);
    QCOMPARE(size->memoryGb, billedMemoryGb);
    QCOMPARE(size->pricingPageOnly, billedVcpu == 32);
}

void TestPriceBook::builtInInstanceTypes()
{
    const PriceBook prices = PriceBook::loadBuiltIn();
    QCOMPARE(prices.ec2().instanceTypes.size(), 14);
    const InstanceType* m5 = prices.ec2().instanceType(QStringLiteral("m5.large"));
    QVERIFY(m5);
    QCOMPARE(m5->vcpu, 2.0);
    QCOMPARE(m5->memoryGib, 8.0);
    QCOMPARE(m5->architecture, Architecture::X86_64);
    QCOMPARE(m5->perHour, 0.096);
    QCOMPARE(prices.ec2().instanceType(QStringLiteral("m7g.large"))->architecture,
             Architecture::Arm64);
    QCOMPARE(prices.ec2().instanceType(QStringLiteral("m7g.large"))->perHour, 0.0816);
    QCOMPARE(prices.ec2().instanceType(QStringLiteral("p5.48xlarge")), nullptr);
}

void TestPriceBook::builtInRequestPathAndDataTransferRates()
{
    // Every number below is copied from ../shared/reference/rates-and-audit-2026-11.md §2a–2b.
    const PriceBook prices = PriceBook::loadBuiltIn();
    QVERIFY(prices.requestPath());
    const ApiGatewayRates& apiGateway = prices.requestPath()->apiGateway;
    QCOMPARE(apiGateway.source, QStringLiteral("https://aws.amazon.com/api-gateway/pricing/"));
    QCOMPARE(apiGateway.httpMeteringStepKb, 512.0);
    QCOMPARE(apiGateway.httpTiers.size(), 2);
    QCOMPARE(apiGateway.httpTiers.at(0).upTo, 300e6);
    QCOMPARE(apiGateway.httpTiers.at(0).rate, 1.00 / 1e6);
    QCOMPARE(apiGateway.httpTiers.at(1).upTo, std::nullopt);
    QCOMPARE(apiGateway.httpTiers.at(1).rate, 0.90 / 1e6);
    QCOMPARE(apiGateway.restTiers.size(), 4);
    QCOMPARE(apiGateway.restTiers.at(0).upTo, 333e6);
    QCOMPARE(apiGateway.restTiers.at(0).rate, 3.50 / 1e6);
    QCOMPARE(apiGateway.restTiers.at(1).upTo, 1e9);
    QCOMPARE(apiGateway.restTiers.at(1).rate, 2.80 / 1e6);
    QCOMPARE(apiGateway.restTiers.at(2).upTo, 20e9);
    QCOMPARE(apiGateway.restTiers.at(2).rate, 2.38 / 1e6);
    QCOMPARE(apiGateway.restTiers.at(3).upTo, std::nullopt);
    QCOMPARE(apiGateway.restTiers.at(3).rate, 1.51 / 1e6);

    const AlbRates& alb = prices.requestPath()->alb;
    QCOMPARE(alb.source, QStringLiteral("https://aws.amazon.com/elasticloadbalancing/pricing/"));
    QCOMPARE(alb.perHour, 0.0225);
    QCOMPARE(alb.perLcuHour, 0.008);
    QCOMPARE(alb.newConnectionsPerSecondPerLcu, 25.0);
    QCOMPARE(alb.activeConnectionsPerLcu, 3000.0);
    QCOMPARE(alb.processedGbPerHourPerLcu, 1.0);
    QCOMPARE(alb.processedGbPerHourPerLcuForLambda, 0.4);
    QCOMPARE(alb.ruleEvaluationsPerSecondPerLcu, 1000.0);
    QCOMPARE(alb.freeRulesPerRequest, 10.0);

    QVERIFY(prices.dataTransfer());
    const DataTransferRates& transfer = *prices.dataTransfer();
    QCOMPARE(transfer.freeGbPerMonth, 100.0);
    // Bands at 10, 50 and 150 TB of 1,024 GB.
    QCOMPARE(transfer.outToInternetTiers.size(), 4);
    QCOMPARE(transfer.outToInternetTiers.at(0).upTo, 10 * 1024.0);
    QCOMPARE(transfer.outToInternetTiers.at(0).rate, 0.09);
    QCOMPARE(transfer.outToInternetTiers.at(1).upTo, 50 * 1024.0);
    QCOMPARE(transfer.outToInternetTiers.at(1).rate, 0.085);
    QCOMPARE(transfer.outToInternetTiers.at(2).upTo, 150 * 1024.0);
    QCOMPARE(transfer.outToInternetTiers.at(2).rate, 0.07);
    QCOMPARE(transfer.outToInternetTiers.at(3).upTo, std::nullopt);
    QCOMPARE(transfer.outToInternetTiers.at(3).rate, 0.05);
}

void TestPriceBook::loadsAUserPriceBook()
{
    QJsonObject json = test::resourceJson(QStringLiteral("prices/us-east-1.json"));
    test::setJsonAt(json, QStringLiteral("region"), QStringLiteral("eu-west-1"));
    test::setJsonAt(json, QStringLiteral("ec2.instanceTypes[0].perHour"), 0.0114);
    const QString path = test::writeJsonFile(m_dir.filePath(QStringLiteral("eu.json")), json);
    const PriceBook prices = PriceBook::load(path);
    QCOMPARE(prices.sourceName(), path);
    QCOMPARE(prices.region(), QStringLiteral("eu-west-1"));
    QCOMPARE(prices.ec2().instanceType(QStringLiteral("t3.micro"))->perHour, 0.0114);
}

void TestPriceBook::loadsAPriceBookWithoutTheOptionalGroups()
{
    QJsonObject json = test::resourceJson(QStringLiteral("prices/us-east-1.json"));
    json.remove(QStringLiteral("requestPath"));
    json.remove(QStringLiteral("dataTransfer"));
    test::setJsonAt(json, QStringLiteral("controlPlanes.eks.extendedSupportPerClusterHour"),
                    QJsonValue(QJsonValue::Undefined));
    test::setJsonAt(json, QStringLiteral("fargate.taskSizes[7].pricingPageOnly"),
                    QJsonValue(QJsonValue::Undefined));
    const QString path = test::writeJsonFile(m_dir.filePath(QStringLiteral("old.json")), json);
    const PriceBook prices = PriceBook::load(path);
    QCOMPARE(prices.requestPath(), nullptr);
    QCOMPARE(prices.dataTransfer(), nullptr);
    QCOMPARE(prices.controlPlane(QStringLiteral("eks"))->extendedSupportPerClusterHour,
             std::nullopt);
    // Without the flag, the 32-vCPU row is a size like any other, for EKS pods too.
    QCOMPARE(prices.fargate().largestSize(FargateOrchestrator::Eks).vcpu, 32.0);
    QCOMPARE(prices.rateSources().constLast().group, QStringLiteral("ec2"));
}

QString TestPriceBook::loadErrorAfter(const QString& path, const QJsonValue& value)
{
    QJsonObject json = test::resourceJson(QStringLiteral("prices/us-east-1.json"));
    test::setJsonAt(json, path, value);
    const QString file = test::writeJsonFile(m_dir.filePath(QStringLiteral("broken.json")), json);
    try {
        PriceBook::load(file, QStringLiteral("broken.json"));
    } catch (const DataError& error) {
        return error.toString();
    }
    return QStringLiteral("(loaded without error)");
}

void TestPriceBook::rejectsABrokenField_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("error");

    const QJsonValue removed(QJsonValue::Undefined);
    QTest::newRow("wrong format")
        << "format" << QJsonValue(QStringLiteral("aws-compute-explorer/catalog"))
        << "broken.json: format: expected \"aws-compute-explorer/prices\", found "
           "\"aws-compute-explorer/catalog\"";
    QTest::newRow("newer version")
        << "version" << QJsonValue(2)
        << "broken.json: version: version 2 was written by a newer program (this program reads "
           "version 1)";
    QTest::newRow("missing region")
        << "region" << removed << "broken.json: region: required but missing";
    QTest::newRow("bad currency") << "currency" << QJsonValue(QStringLiteral("dollars"))
                                  << "broken.json: currency: \"dollars\" is not a three-letter "
                                     "currency code";
    QTest::newRow("bad date") << "asOf" << QJsonValue(QStringLiteral("2026-13-01"))
                              << "broken.json: asOf: \"2026-13-01\" is not a date (YYYY-MM-DD)";
    QTest::newRow("unknown key") << "lambda.perRequests" << QJsonValue(0.1)
                                 << "broken.json: lambda.perRequests: unknown key";
    QTest::newRow("missing source")
        << "fargate.source" << removed << "broken.json: fargate.source: required but missing";
    QTest::newRow("source not a web address")
        << "ec2.source" << QJsonValue(QStringLiteral("my notes"))
        << "broken.json: ec2.source: \"my notes\" is not an http(s) address";
    QTest::newRow("wrong type") << "lambda.perRequest" << QJsonValue(QStringLiteral("0.2/1M"))
                                << "broken.json: lambda.perRequest: expected a number, found a "
                                   "string";
    QTest::newRow("negative rate") << "lambda.duration.arm64[1].perGbSecond" << QJsonValue(-1)
                                   << "broken.json: lambda.duration.arm64[1].perGbSecond: must be "
                                      "between 0 and 1,000,000, found -1";
    QTest::newRow("tiers out of order")
        << "lambda.duration.x86_64[1].upToGbSeconds" << QJsonValue(5e9)
        << "broken.json: lambda.duration.x86_64[1].upToGbSeconds: tiers must be in ascending "
           "order";
    QTest::newRow("open tier before the last")
        << "lambda.duration.x86_64[0].upToGbSeconds" << removed
        << "broken.json: lambda.duration.x86_64[1]: only the last tier may be open-ended";
    QTest::newRow("last tier bounded")
        << "lambda.duration.x86_64[2].upToGbSeconds" << QJsonValue(2e10)
        << "broken.json: lambda.duration.x86_64[2]: the last tier must be open-ended (no "
           "\"upToGbSeconds\")";
    QTest::newRow("no tiers") << "lambda.duration.arm64" << QJsonValue(QJsonArray{})
                              << "broken.json: lambda.duration.arm64: no tiers";
    QTest::newRow("unknown architecture")
        << "lambda.duration.riscv64" << QJsonValue(QJsonArray{})
        << "broken.json: lambda.duration.riscv64: unknown architecture \"riscv64\" (expected "
           "x86_64, arm64)";
    QTest::newRow("missing architecture")
        << "fargate.compute.arm64" << removed
        << "broken.json: fargate.compute: no entry for architecture \"arm64\"";
    QTest::newRow("zero maximum duration")
        << "lambda.maxDurationSeconds" << QJsonValue(0)
        << "broken.json: lambda.maxDurationSeconds: must be greater than 0 and at most "
           "1,000,000,000,000,000, found 0";
    QTest::newRow("free tier unknown key")
        << "lambda.freeTier.storageGbSeconds" << QJsonValue(1)
        << "broken.json: lambda.freeTier.storageGbSeconds: unknown key";
    QTest::newRow("task sizes out of order")
        << "fargate.taskSizes[2].vcpu" << QJsonValue(0.5)
        << "broken.json: fargate.taskSizes[2].vcpu: task sizes must be in ascending order of vCPU";
    QTest::newRow("task memory out of order")
        << "fargate.taskSizes[1].memoryGb[2]" << QJsonValue(1.5)
        << "broken.json: fargate.taskSizes[1].memoryGb[2]: memory sizes must be in ascending "
           "order";
    QTest::newRow("task memory not a number")
        << "fargate.taskSizes[0].memoryGb[0]" << QJsonValue(QStringLiteral("512 MB"))
        << "broken.json: fargate.taskSizes[0].memoryGb[0]: expected a number, found a string";
    QTest::newRow("unknown EKS architecture")
        << "fargate.eksArchitectures[0]" << QJsonValue(QStringLiteral("x86"))
        << "broken.json: fargate.eksArchitectures[0]: unknown architecture \"x86\" (expected "
           "x86_64, arm64)";
    QTest::newRow("negative cluster rate") << "controlPlanes.eks.perClusterHour" << QJsonValue(-0.1)
                                           << "broken.json: controlPlanes.eks.perClusterHour: must "
                                              "be between 0 and 1,000,000, found -0.1";
    QTest::newRow("duplicate instance type")
        << "ec2.instanceTypes[3].type" << QJsonValue(QStringLiteral("t3.micro"))
        << "broken.json: ec2.instanceTypes[3].type: duplicate instance type \"t3.micro\"";
    QTest::newRow("instance architecture")
        << "ec2.instanceTypes[4].architecture" << QJsonValue(QStringLiteral("aarch64"))
        << "broken.json: ec2.instanceTypes[4].architecture: unknown architecture \"aarch64\" "
           "(expected x86_64, arm64)";
    QTest::newRow("instance without vCPUs")
        << "ec2.instanceTypes[7].vcpu" << QJsonValue(0)
        << "broken.json: ec2.instanceTypes[7].vcpu: must be greater than 0 and at most "
           "1,000,000,000,000,000, found 0";
    QTest::newRow("32-vCPU flag not a boolean")
        << "fargate.taskSizes[7].pricingPageOnly" << QJsonValue(QStringLiteral("yes"))
        << "broken.json: fargate.taskSizes[7].pricingPageOnly: expected true or false, found a "
           "string";
    QTest::newRow("no sizes for EKS pods")
        << "fargate.taskSizes"
        << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("vcpu"), 32},
                                             {QStringLiteral("memoryGb"), QJsonArray{60}},
                                             {QStringLiteral("pricingPageOnly"), true}}})
        << "broken.json: fargate.taskSizes: every size is pricingPageOnly: EKS pods would have "
           "none";
    QTest::newRow("negative extended support")
        << "controlPlanes.eks.extendedSupportPerClusterHour" << QJsonValue(-0.6)
        << "broken.json: controlPlanes.eks.extendedSupportPerClusterHour: must be between 0 "
           "and 1,000,000, found -0.6";
    QTest::newRow("request path without API Gateway")
        << "requestPath.apiGateway" << removed
        << "broken.json: requestPath.apiGateway: required but missing";
    QTest::newRow("API Gateway source")
        << "requestPath.apiGateway.source" << QJsonValue(QStringLiteral("aws.amazon.com"))
        << "broken.json: requestPath.apiGateway.source: \"aws.amazon.com\" is not an http(s) "
           "address";
    QTest::newRow("zero metering step")
        << "requestPath.apiGateway.httpApi.meteringStepKb" << QJsonValue(0)
        << "broken.json: requestPath.apiGateway.httpApi.meteringStepKb: must be greater than 0 "
           "and at most 1,000,000,000,000,000, found 0";
    QTest::newRow("HTTP API tier bounded")
        << "requestPath.apiGateway.httpApi.tiers[1].upToRequests" << QJsonValue(1e9)
        << "broken.json: requestPath.apiGateway.httpApi.tiers[1]: the last tier must be "
           "open-ended (no \"upToRequests\")";
    QTest::newRow("REST API tiers out of order")
        << "requestPath.apiGateway.restApi.tiers[2].upToRequests" << QJsonValue(5e8)
        << "broken.json: requestPath.apiGateway.restApi.tiers[2].upToRequests: tiers must be in "
           "ascending order";
    QTest::newRow("REST API rate")
        << "requestPath.apiGateway.restApi.tiers[0].perRequest"
        << QJsonValue(QStringLiteral("$3.50"))
        << "broken.json: requestPath.apiGateway.restApi.tiers[0].perRequest: expected a number, "
           "found a string";
    QTest::newRow("ALB unknown key") << "requestPath.alb.perHours" << QJsonValue(0.0225)
                                     << "broken.json: requestPath.alb.perHours: unknown key";
    QTest::newRow("LCU of no connections")
        << "requestPath.alb.lcu.activeConnections" << QJsonValue(0)
        << "broken.json: requestPath.alb.lcu.activeConnections: must be greater than 0 and at most "
           "1,000,000,000,000,000, found 0";
    QTest::newRow("LCU without Lambda targets")
        << "requestPath.alb.lcu.processedGbPerHourForLambda" << removed
        << "broken.json: requestPath.alb.lcu.processedGbPerHourForLambda: required but missing";
    QTest::newRow("negative free data transfer")
        << "dataTransfer.freeGbPerMonth" << QJsonValue(-100)
        << "broken.json: dataTransfer.freeGbPerMonth: must be between 0 and 1,000,000,000,000,000, "
           "found -100";
    QTest::newRow("data transfer open tier first")
        << "dataTransfer.outToInternet[0].upToGb" << removed
        << "broken.json: dataTransfer.outToInternet[1]: only the last tier may be open-ended";
    QTest::newRow("data transfer without tiers")
        << "dataTransfer.outToInternet" << QJsonValue(QJsonArray{})
        << "broken.json: dataTransfer.outToInternet: no tiers";
    // Issue 17: a rate of 1.7e308 priced "$inf", feasible, without a total; the bounds keep
    // every rate × quantity finite, and the value found is written exactly, never as the
    // bound it breaks nor as 309 digits.
    QTest::newRow("huge instance rate")
        << "ec2.instanceTypes[0].perHour" << QJsonValue(1.7e308)
        << "broken.json: ec2.instanceTypes[0].perHour: must be between 0 and 1,000,000, found "
           "1.7e+308";
    QTest::newRow("rate a hair above the bound")
        << "lambda.perRequest" << QJsonValue(1000000.0000001)
        << "broken.json: lambda.perRequest: must be between 0 and 1,000,000, found "
           "1,000,000.0000001";
    QTest::newRow("rate a hair below zero")
        << "lambda.perRequest" << QJsonValue(-1e-12)
        << "broken.json: lambda.perRequest: must be between 0 and 1,000,000, found -1e-12";
    QTest::newRow("huge instance size")
        << "ec2.instanceTypes[0].memoryGib" << QJsonValue(1e300)
        << "broken.json: ec2.instanceTypes[0].memoryGib: must be greater than 0 and at most "
           "1,000,000,000,000,000, found 1e+300";
    QTest::newRow("no instance types") << "ec2.instanceTypes" << QJsonValue(QJsonArray{})
                                       << "broken.json: ec2.instanceTypes: no instance types";
}

void TestPriceBook::rejectsABrokenField()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);
    QCOMPARE(loadErrorAfter(path, value), error);
}

QTEST_GUILESS_MAIN(TestPriceBook)
#include "tst_pricebook.moc"
