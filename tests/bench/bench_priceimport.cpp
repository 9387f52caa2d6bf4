// Price List import speed and memory (issue 15): `bench_priceimport [SIZE_MB...]` (default 100
// and 1000) generates an AmazonEC2 CSV and JSON file of each size with tools/make-price-list
// under /tmp/ace-bench-priceimport (kept for the next run), then per file times a whole
// `importPriceList` (the EC2 file and the small ECS, Lambda and EKS test files) against
// `wc -l` on the same file (medians of 7 alternated runs), and measures the peak resident set of a
// process that imports it. Budgets: at least 200 MB/s, within 5x of wc -l, and the same peak
// (within 20 MB) for every size. Run from a Release build.
#include "pricelist/pricelistimport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTextStream>

#include <algorithm>
#include <sys/resource.h>
#include <vector>

namespace {

const QString dataDir = QStringLiteral(ACE_SOURCE_DIR "/tests/data/price-list/");

QStringList importFiles(const QString& ec2File)
{
    return {ec2File, dataDir + QStringLiteral("ecs-us-east-1.sample.json"),
            dataDir + QStringLiteral("lambda-us-east-1.constructed.csv"),
            dataDir + QStringLiteral("eks-us-east-1.constructed.json")};
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024;
}

// In a child process: imports once and prints "SECONDS PEAK_RSS_MB INSTANCE_TYPES".
int runChild(const QString& file)
{
    QElapsedTimer timer;
    timer.start();
    const ace::pricelist::ImportResult result =
        ace::pricelist::importPriceList(importFiles(file), QStringLiteral("us-east-1"));
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    QTextStream(stdout)
        << seconds << ' ' << peakRssMb() << ' '
        << result.priceBook[QStringLiteral("ec2")][QStringLiteral("instanceTypes")].toArray().size()
        << Qt::endl;
    return 0;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

QString runProcess(const QString& program, const QStringList& arguments, double* seconds)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(-1) || process.exitCode() != 0) {
        QTextStream(stderr) << program << " failed: " << process.readAllStandardError();
        std::exit(1);
    }
    if (seconds)
        *seconds = double(timer.nsecsElapsed()) / 1e9;
    return QString::fromLocal8Bit(process.readAllStandardOutput());
}

// Timed runs of each program per file, alternated so that both see the same machine.
constexpr int timedRuns = 7;

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    if (arguments.value(0) == QLatin1String("--child"))
        return runChild(arguments.value(1));
    if (arguments.isEmpty())
        arguments = {QStringLiteral("100"), QStringLiteral("1000")};

    const QString folder = QDir::tempPath() + QStringLiteral("/ace-bench-priceimport");
    QDir().mkpath(folder);
    QTextStream out(stdout);
    out << "format  size MB  import s    MB/s  wc -l s  import/wc  peak RSS MB  types\n";
    for (const QString& format : {QStringLiteral("csv"), QStringLiteral("json")}) {
        for (const QString& size : arguments) {
            const QString file = folder + QStringLiteral("/ec2-%1.%2").arg(size, format);
            if (!QFileInfo::exists(file)) {
                runProcess(QStringLiteral(ACE_SOURCE_DIR "/tools/make-price-list"),
                           {format, size, file}, nullptr);
            }
            const double megabytes = double(QFileInfo(file).size()) / 1e6;
            // Each once to warm the page cache, then alternately, medians of the timed runs.
            runProcess(QStringLiteral("wc"), {QStringLiteral("-l"), file}, nullptr);
            runProcess(app.applicationFilePath(), {QStringLiteral("--child"), file}, nullptr);
            std::vector<double> wcRuns, importRuns;
            QStringList child;
            for (int run = 0; run < timedRuns; ++run) {
                double seconds = 0;
                runProcess(QStringLiteral("wc"), {QStringLiteral("-l"), file}, &seconds);
                wcRuns.push_back(seconds);
                child = runProcess(app.applicationFilePath(), {QStringLiteral("--child"), file},
                                   nullptr)
                            .split(u' ');
                importRuns.push_back(child.value(0).toDouble());
            }
            const double wcSeconds = median(wcRuns);
            const double importSeconds = median(importRuns);
            out << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8")
                       .arg(format, -6)
                       .arg(megabytes, 7, 'f', 0)
                       .arg(importSeconds, 8, 'f', 2)
                       .arg(megabytes / importSeconds, 6, 'f', 0)
                       .arg(wcSeconds, 7, 'f', 2)
                       .arg(importSeconds / wcSeconds, 9, 'f', 1)
                       .arg(child.value(1).toDouble(), 11, 'f', 1)
                       .arg(child.value(2).trimmed(), 5)
                << Qt::endl;
        }
    }
    return 0;
}
