#include "programrun.h"

#include <QEventLoop>
#include <QProcess>
#include <QTimer>

namespace ace::test {

namespace {

constexpr int longestRunMs = 60000;

ProgramRun finishedRun(QProcess& process, bool finished)
{
    ProgramRun run;
    if (!finished || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

ProgramRun runProgram(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    return finishedRun(process, process.waitForFinished(longestRunMs));
}

ProgramRun runProgramServingEvents(const QString& program, const QStringList& arguments,
                                   const QProcessEnvironment& environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(longestRunMs, &loop, &QEventLoop::quit);
    process.start(program, arguments);
    loop.exec();
    const bool finished = process.state() == QProcess::NotRunning;
    if (!finished) {
        process.kill();
        process.waitForFinished();
    }
    return finishedRun(process, finished);
}

} // namespace ace::test
