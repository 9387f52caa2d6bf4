// Start-up to first frame (DESIGN.md §8, issue 16): `aws-compute-explorer --screenshot` against
// a minimal Qt Widgets + Charts program that shows one 1280x800 window with six 512-point line
// series and saves its grab. Both run as whole processes, alternately; the medians of the wall
// times are compared (budget 1.5x), and the peak resident sets (budget 1.5x).
// `bench_startup [runs]` (default 15), from a Release build, on a quiet machine.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cerrno>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <vector>

extern char** environ;

namespace {

constexpr double timeBudget = 1.5;
constexpr double memoryBudget = 1.5;

struct Run
{
    double milliseconds = -1; // -1: the program failed
    double peakMegabytes = 0;
};

// One whole run of `program`; wait4 gives the child's own peak resident set.
Run runOnce(const QString& program, const QStringList& arguments)
{
    std::vector<QByteArray> words{program.toLocal8Bit()};
    for (const QString& argument : arguments)
        words.push_back(argument.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);

    QElapsedTimer timer;
    timer.start();
    pid_t child = 0;
    if (posix_spawn(&child, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
        return {};
    int status = 0;
    rusage usage{};
    pid_t waited = 0;
    do {
        waited = wait4(child, &status, 0, &usage);
    } while (waited < 0 && errno == EINTR);
    Run run;
    if (waited == child && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        run.milliseconds = double(timer.nsecsElapsed()) / 1e6;
        run.peakMegabytes = double(usage.ru_maxrss) / 1024;
    }
    return run;
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

    std::vector<double> explorerMs, minimalMs, explorerMb, minimalMb;
    for (int run = 0; run < runs; ++run) {
        const Run explorer = runOnce(QStringLiteral(ACE_PROGRAM), appArguments);
        const Run minimal = runOnce(QStringLiteral(MINIMAL_PROGRAM), {shot});
        if (explorer.milliseconds < 0 || minimal.milliseconds < 0) {
            QTextStream(stderr) << "a program failed to run\n";
            return 1;
        }
        explorerMs.push_back(explorer.milliseconds);
        minimalMs.push_back(minimal.milliseconds);
        explorerMb.push_back(explorer.peakMegabytes);
        minimalMb.push_back(minimal.peakMegabytes);
    }
    const double timeRatio = median(explorerMs) / median(minimalMs);
    const double memoryRatio = median(explorerMb) / median(minimalMb);
    QTextStream(stdout) << "medians of " << runs << " alternated runs\n"
                        << "aws-compute-explorer --screenshot: " << median(explorerMs) << " ms, "
                        << median(explorerMb) << " MB peak\n"
                        << "minimal chart window:             " << median(minimalMs) << " ms, "
                        << median(minimalMb) << " MB peak\n"
                        << "time ratio: " << timeRatio << " (budget " << timeBudget << ")\n"
                        << "memory ratio: " << memoryRatio << " (budget " << memoryBudget << ")\n";
    return timeRatio <= timeBudget && memoryRatio <= memoryBudget ? 0 : 1;
}
