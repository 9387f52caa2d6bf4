#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ace::cli {

// A plain-text table for terminal output: columns padded to their widest cell, a header row
// and a rule under it. The last column is not padded, so lines carry no trailing spaces.
class TextTable
{
public:
    explicit TextTable(QStringList headers);

    void addRow(QStringList cells);
    // The table in lines of at most `lineWidth` characters: when the cells do not fit on one
    // line, the widest columns narrow and their cells wrap at spaces and after hyphens (a word
    // is cut only when it alone is wider than its column), and rows are set apart by blank
    // lines so wrapped cells read as one. Without a width, every row is one line.
    QString toString(int lineWidth = unlimitedWidth) const;

    static constexpr int unlimitedWidth = -1;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

// `text` as lines of at most `lineWidth` characters (or one line), wrapped like a table's
// cells, each line ending in a line break: the first after `firstIndent`, the others after
// `nextIndent` (a bullet "  * " and the "    " that aligns with it).
QString wrapText(const QString& text, int lineWidth, const QString& firstIndent = {},
                 const QString& nextIndent = {});

// `text` safe to print on a terminal: control characters (line breaks and escape sequences in a
// name from a file, C1 controls) and the bidirectional overrides that reorder what is shown are
// written as escapes ("\n", "\x1b", "\u202e"), so a file cannot move the cursor, recolour the
// terminal or break a table's lines. Tables and wrapped text apply it to every cell and line.
QString terminalText(const QString& text);

// The width to lay console output out for: COLUMNS when it holds a sensible width (as shells
// set it), else the width of the terminal standard output goes to, else 100 characters (a pipe
// or file: wide enough to read, narrow enough to print).
int terminalWidth();

} // namespace ace::cli
