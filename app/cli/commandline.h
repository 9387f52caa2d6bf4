#pragma once

#include <QStringList>

class QCommandLineParser;
class QTextStream;

namespace ace {
class Catalog;
class PriceBook;
} // namespace ace

namespace ace::cli {

// Exit statuses of the command-line contract (DESIGN.md §3).
enum ExitStatus : int {
    ExitSuccess = 0,
    ExitFailure = 1,  // could not do the work (e.g. cannot write the output)
    ExitBadInput = 2, // bad usage or bad input; the message names the file and field
};

// What every console command gets: the loaded data and where to write.
struct CommandContext
{
    const Catalog& catalog;
    const PriceBook& prices;
    // The advisor's rules file (--advice), empty for the built-in one; loaded by the commands
    // that advise, since a catalog of the user's may not have the options the built-in rules
    // name.
    const QString& advicePath;
    QTextStream& out;
    QTextStream& err;
};

// The whole program: parses the command line, then runs a console command or starts the GUI.
int main(int argc, char* argv[]);

// Parses a command's own arguments (`arguments[0]` is the command's name) with `parser`;
// on bad usage (unknown options, stray arguments unless `takesArguments`) prints why to `err`
// and returns false.
bool parseCommandArguments(QCommandLineParser& parser, const QStringList& arguments,
                           QTextStream& err, bool takesArguments = false);

} // namespace ace::cli
