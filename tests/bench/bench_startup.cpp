// Start-up to first frame (DESIGN.md §8, issue 16): `aws-compute-explorer --screenshot` against
// a minimal Qt Widgets + Charts program that shows one 1280x800 window with six 512-point line
// series and saves its grab. Both run as whole processes, alternately; the medians of the wall
// times are compared (budget 1.5x), and the peak resident sets (budget 1.5x). The CPU times and
// context switches (the child's own, from wait4) are printed beside them: on a machine busy with
// other work they move less than the wall times, and they show what a change saved.
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
    double cpuMilliseconds = 0; // user and system time, every thread of the child's
    double contextSwitches = 0; // voluntary and involuntary
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
        const auto ms = [](const timeval& time) {
            return double(time.tv_sec) * 1e3 + double(time.tv_usec) / 1e3;
        };
        run.cpuMilliseconds = ms(usage.ru_utime) + ms(usage.ru_stime);
        run.contextSwitches = double(usage.ru_nvcsw + usage.ru_nivcsw);
    }
    return run;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// The median of each measure, each taken on its own.
Run medians(const std::vector<Run>& runs)
{
    const auto of = [&runs](double Run::*measure) {
        std::vector<double> values;
        for (const Run& run : runs)
            values.push_back(run.*measure);
        return median(values);
    };
    return {of(&Run::milliseconds), of(&Run::peakMegabytes), of(&Run::cpuMilliseconds),
            of(&Run::contextSwitches)};
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

    std::vector<Run> explorerRuns, minimalRuns;
    for (int run = 0; run < runs; ++run) {
        const Run explorer = runOnce(QStringLiteral(ACE_PROGRAM), appArguments);
        const Run minimal = runOnce(QStringLiteral(MINIMAL_PROGRAM), {shot});
        if (explorer.milliseconds < 0 || minimal.milliseconds < 0) {
            QTextStream(stderr) << "a program failed to run\n";
            return 1;
        }
        explorerRuns.push_back(explorer);
        minimalRuns.push_back(minimal);
    }
    const Run explorer = medians(explorerRuns);
    const Run minimal = medians(minimalRuns);
    const double timeRatio = explorer.milliseconds / minimal.milliseconds;
    const double memoryRatio = explorer.peakMegabytes / minimal.peakMegabytes;
    QTextStream out(stdout);
    out << "medians of " << runs << " alternated runs\n";
    const auto print = [&out](const char* name, const Run& run) {
        out << name << run.milliseconds << " ms, " << run.peakMegabytes << " MB peak ("
            << run.cpuMilliseconds << " ms CPU, " << run.contextSwitches << " context switches)\n";
    };
    print("aws-compute-explorer --screenshot: ", explorer);
    print("minimal chart window:             ", minimal);
    out << "time ratio: " << timeRatio << " (budget " << timeBudget << ")\n"
        << "CPU time ratio: " << explorer.cpuMilliseconds / minimal.cpuMilliseconds << "\n"
        << "memory ratio: " << memoryRatio << " (budget " << memoryBudget << ")\n";
    return timeRatio <= timeBudget && memoryRatio <= memoryBudget ? 0 : 1;
}
