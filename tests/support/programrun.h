#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ace::test {

// What a run of a program printed and how it ended (exitCode -1: it crashed or hung).
struct ProgramRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `program` with `arguments` to completion (at most a minute), as a user would.
ProgramRun runProgram(const QString& program, const QStringList& arguments);

// The same with `environment`, while the test's event loop keeps running, so that objects of
// the test the program talks to (a local HTTP server) can answer it.
ProgramRun runProgramServingEvents(const QString& program, const QStringList& arguments,
                                   const QProcessEnvironment& environment);

} // namespace ace::test
