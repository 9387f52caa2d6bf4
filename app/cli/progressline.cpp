#include "cli/progressline.h"

#include "cli/texttable.h"

#include <QLocale>
#include <QTextStream>

#include <unistd.h>

namespace ace::cli {

namespace {

// Back to the start of the line and erase it (VT100, which every terminal emulator speaks).
constexpr char eraseLine[] = "\r\x1b[K";
constexpr qint64 shortestRewriteMs = 200;

} // namespace

ProgressLine::ProgressLine(QTextStream& err)
    : ProgressLine(err, isatty(STDERR_FILENO) == 1)
{}

ProgressLine::ProgressLine(QTextStream& err, bool terminal)
    : m_err(err)
    , m_terminal(terminal)
{}

void ProgressLine::update(const QString& text)
{
    if (!m_terminal || (m_sinceShown.isValid() && m_sinceShown.elapsed() < shortestRewriteMs))
        return;
    m_sinceShown.start();
    // A line longer than the terminal would wrap, and the next rewrite would erase only its
    // last part.
    const int width = terminalWidth() - 1;
    m_err << eraseLine << (text.size() > width ? text.left(width - 1) + u'…' : text) << Qt::flush;
    m_lineOpen = true;
}

void ProgressLine::finish(const QString& text)
{
    clear();
    m_err << text << Qt::endl;
}

void ProgressLine::clear()
{
    if (m_lineOpen)
        m_err << eraseLine << Qt::flush;
    m_lineOpen = false;
}

void ProgressLine::close()
{
    if (m_lineOpen)
        m_err << Qt::endl;
    m_lineOpen = false;
}

QString dataSizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace ace::cli
