#include "cli/texttable.h"

#include <QtGlobal>

#include <algorithm>
#include <numeric>

#ifdef Q_OS_UNIX
#include <sys/ioctl.h>
#include <unistd.h>
#endif

namespace ace::cli {

namespace {

// The space around columns: tables are indented under their heading, with two spaces between
// columns. In a narrow terminal the indent goes first, then one of the two spaces, before any
// word is cut.
struct Spacing
{
    QString indent;
    QString columnGap;
};
const Spacing spacings[] = {{QStringLiteral("  "), QStringLiteral("  ")},
                            {QString(), QStringLiteral("  ")},
                            {QString(), QStringLiteral(" ")}};

// Narrower than this, COLUMNS is more likely a mistake than a terminal.
constexpr int narrowestTerminal = 20;
constexpr int widthWithoutTerminal = 100;

// The pieces a cell may wrap between, each with the text that joins it to the piece before on
// one line: words join with a space, the parts of a hyphenated word ("ecs-" "fargate") with
// nothing.
struct Piece
{
    QString text;
    QString join;
};

QList<Piece> piecesOf(const QString& cell)
{
    QList<Piece> pieces;
    const QStringList words = cell.split(u' ', Qt::SkipEmptyParts);
    for (const QString& word : words) {
        QString join = QStringLiteral(" ");
        qsizetype start = 0;
        for (qsizetype hyphen = word.indexOf(u'-', 1); hyphen != -1 && hyphen + 1 < word.size();
             hyphen = word.indexOf(u'-', hyphen + 1)) {
            // Between letters only: "2026-11-28" and "us-east-1" stay whole.
            if (!word.at(hyphen - 1).isLetter() || !word.at(hyphen + 1).isLetter())
                continue;
            pieces.append({word.mid(start, hyphen + 1 - start), join});
            join.clear();
            start = hyphen + 1;
        }
        pieces.append({word.mid(start), join});
    }
    return pieces;
}

qsizetype widestPiece(const QString& cell)
{
    qsizetype widest = 0;
    for (const Piece& piece : piecesOf(cell))
        widest = std::max(widest, piece.text.size());
    return widest;
}

// `cell` in lines of at most `width` characters (at least one line, maybe empty).
QStringList wrapped(const QString& cell, qsizetype width)
{
    QStringList lines;
    QString line;
    for (const Piece& piece : piecesOf(cell)) {
        if (!line.isEmpty() && line.size() + piece.join.size() + piece.text.size() <= width) {
            line += piece.join + piece.text;
            continue;
        }
        if (!line.isEmpty())
            lines.append(line);
        QString rest = piece.text;
        for (; rest.size() > width; rest.remove(0, width))
            lines.append(rest.left(width));
        line = rest;
    }
    if (!line.isEmpty() || lines.isEmpty())
        lines.append(line);
    return lines;
}

// Shares `capacity` among `demands` so that no share exceeds its demand and the smallest
// shares are as large as they can be: small demands are met in full, the rest split what is
// left evenly.
QList<qsizetype> fairShares(const QList<qsizetype>& demands, qsizetype capacity)
{
    QList<qsizetype> order(demands.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&demands](qsizetype a, qsizetype b) { return demands[a] < demands[b]; });
    QList<qsizetype> shares(demands.size());
    qsizetype left = capacity;
    for (qsizetype served = 0; served < order.size(); ++served) {
        const qsizetype index = order.at(served);
        shares[index] = std::min(demands.at(index), left / (order.size() - served));
        left -= shares.at(index);
    }
    return shares;
}

} // namespace

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers))
{}

void TextTable::addRow(QStringList cells)
{
    for (QString& cell : cells)
        cell = terminalText(cell);
    m_rows.append(std::move(cells));
}

QString TextTable::toString(int lineWidth) const
{
    const qsizetype columns = m_headers.size();
    QList<qsizetype> natural(columns);   // the widest cell: no wrapping
    QList<qsizetype> narrowest(columns); // the widest word: wrapping without cutting words
    auto widen = [&](const QStringList& cells) {
        for (qsizetype i = 0; i < cells.size() && i < columns; ++i) {
            natural[i] = std::max(natural[i], cells.at(i).size());
            narrowest[i] = std::max(narrowest[i], widestPiece(cells.at(i)));
        }
    };
    widen(m_headers);
    for (const QStringList& row : m_rows)
        widen(row);

    const auto total = [](const QList<qsizetype>& list) {
        return std::accumulate(list.cbegin(), list.cend(), qsizetype(0));
    };
    const auto roomWith = [&](const Spacing& spacing) {
        return lineWidth - spacing.indent.size() - spacing.columnGap.size() * (columns - 1);
    };
    const Spacing* spacing = std::begin(spacings);
    while (lineWidth != unlimitedWidth && spacing + 1 != std::end(spacings) &&
           total(narrowest) > roomWith(*spacing)) {
        ++spacing;
    }
    const auto& [indent, columnGap] = *spacing;
    const qsizetype room = roomWith(*spacing);

    QList<qsizetype> widths = natural;
    if (lineWidth != unlimitedWidth && total(natural) > room) {
        if (total(narrowest) > room) {
            // Some words must be cut: those of the widest columns.
            widths = fairShares(narrowest, room);
        } else {
            QList<qsizetype> wanted(columns);
            for (qsizetype i = 0; i < columns; ++i)
                wanted[i] = natural.at(i) - narrowest.at(i);
            const QList<qsizetype> extra = fairShares(wanted, room - total(narrowest));
            for (qsizetype i = 0; i < columns; ++i)
                widths[i] = narrowest.at(i) + extra.at(i);
        }
        for (qsizetype& width : widths)
            width = std::max(width, qsizetype(1));
    }

    auto lines = [&](const QStringList& cells) -> QString {
        QList<QStringList> cellLines(columns);
        qsizetype height = 1;
        for (qsizetype i = 0; i < columns; ++i) {
            const QString cell = cells.value(i);
            cellLines[i] =
                cell.size() > widths.at(i) ? wrapped(cell, widths.at(i)) : QStringList{cell};
            height = std::max(height, cellLines.at(i).size());
        }
        QString text;
        for (qsizetype lineIndex = 0; lineIndex < height; ++lineIndex) {
            QString line = indent;
            for (qsizetype i = 0; i < columns; ++i) {
                const QString part = cellLines.at(i).value(lineIndex);
                line += i + 1 == columns ? part : part.leftJustified(widths.at(i)) + columnGap;
            }
            // An empty last cell would leave the padding of the one before it.
            while (line.endsWith(u' '))
                line.chop(1);
            text += line + u'\n';
        }
        return text;
    };

    QStringList rules;
    for (qsizetype width : widths)
        rules.append(QString(width, u'-'));

    const QString head = lines(m_headers) + lines(rules);
    QStringList body;
    bool wraps = false;
    for (const QStringList& row : m_rows) {
        body.append(lines(row));
        wraps = wraps || body.constLast().count(u'\n') > 1;
    }
    // Rows of several lines run together unless set apart.
    return head + body.join(wraps ? QStringLiteral("\n") : QString());
}

QString terminalText(const QString& text)
{
    const auto needsEscape = [](QChar c) {
        const char16_t code = c.unicode();
        return code < 0x20 || (code >= 0x7f && code <= 0x9f) ||
               (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
    };
    if (std::none_of(text.cbegin(), text.cend(), needsEscape))
        return text;
    QString safe;
    safe.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (!needsEscape(c))
            safe += c;
        else if (c == u'\n')
            safe += QStringLiteral("\\n");
        else if (c == u'\t')
            safe += QStringLiteral("\\t");
        else if (c == u'\r')
            safe += QStringLiteral("\\r");
        else if (c.unicode() < 0x80)
            safe += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            safe += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    return safe;
}

QString wrapText(const QString& unsafeText, int lineWidth, const QString& firstIndent,
                 const QString& nextIndent)
{
    const QString text = terminalText(unsafeText);
    if (lineWidth == TextTable::unlimitedWidth)
        return firstIndent + text + u'\n';
    const qsizetype indent = std::max(firstIndent.size(), nextIndent.size());
    const QStringList lines = wrapped(text, std::max(lineWidth - indent, qsizetype(1)));
    QString result;
    for (qsizetype i = 0; i < lines.size(); ++i)
        result += (i == 0 ? firstIndent : nextIndent) + lines.at(i) + u'\n';
    return result;
}

int terminalWidth()
{
    bool isNumber = false;
    const int columns = qEnvironmentVariableIntValue("COLUMNS", &isNumber);
    if (isNumber && columns >= narrowestTerminal)
        return columns;
#ifdef Q_OS_UNIX
    winsize size{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
        size.ws_col >= narrowestTerminal) {
        return size.ws_col;
    }
#endif
    return widthWithoutTerminal;
}

} // namespace ace::cli
