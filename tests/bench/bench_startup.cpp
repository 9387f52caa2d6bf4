// Start-up to first frame (DESIGN.md §8): `aws-compute-explorer --screenshot` against a minimal
// Qt Widgets + Charts program that shows one chart window and saves its grab. Both run as
// whole processes, alternately, and the medians are compared: the budget is 2×.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

namespace {

// Wall time of one run in milliseconds; -1 when the program failed.
double timeRun(const QString& program, const QStringList& arguments)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return -1;
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir dir;
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    const QStringList appArguments = {QStringLiteral("--screenshot"), shot,
                                      QStringLiteral("--size"), QStringLiteral("1280x800")};
    const int runs = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 15;

    std::vector<double> explorer;
    std::vector<double> minimal;
    for (int run = 0; run < runs; ++run) {
        explorer.push_back(timeRun(QStringLiteral(ACE_PROGRAM), appArguments));
        minimal.push_back(timeRun(QStringLiteral(MINIMAL_PROGRAM), {shot}));
        if (explorer.back() < 0 || minimal.back() < 0) {
            QTextStream(stderr) << "a program failed to run\n";
            return 1;
        }
    }
    const double ratio = median(explorer) / median(minimal);
    QTextStream(stdout) << "aws-compute-explorer --screenshot: " << median(explorer)
                        << " ms (median of " << runs << ")\n"
                        << "minimal chart window:             " << median(minimal) << " ms\n"
                        << "ratio: " << ratio << " (budget: 2)\n";
    return ratio <= 2 ? 0 : 1;
}
