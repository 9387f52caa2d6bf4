#pragma once

#include <QElapsedTimer>
#include <QString>

class QTextStream;

namespace ace::cli {

// A line of progress on stderr for slow commands (downloads, imports). On a terminal it is
// rewritten in place, a few times a second at most; elsewhere (logs, pipes) only the lines
// that finish a step are written, so a log holds outcomes, not a stream of percentages.
class ProgressLine
{
public:
    // `terminal`: whether `err` is a terminal (by default, whether stderr is).
    explicit ProgressLine(QTextStream& err);
    ProgressLine(QTextStream& err, bool terminal);

    // Shows how far a step is (terminal only; skipped when the last was shown under 200 ms ago).
    void update(const QString& text);
    // Writes a step's outcome as a line of its own, in place of the open line.
    void finish(const QString& text);
    // Removes the open line, for what is written next.
    void clear();
    // Ends the open line as it is, so that messages after it start on a line of their own.
    void close();

private:
    QTextStream& m_err;
    const bool m_terminal;
    bool m_lineOpen = false;
    QElapsedTimer m_sinceShown;
};

// "1.2 GB": a size in bytes as the progress lines write it (SI units).
QString dataSizeText(qint64 bytes);

} // namespace ace::cli
