#pragma once

#include <QString>
#include <QStringList>

namespace ace {

// One cell of a GitHub-flavoured Markdown table: "|" would end the cell and a line break the
// row, so both are escaped (line breaks as <br>); backslashes too, so a value's own "\|" cannot
// turn the escape of its "|" back into a cell break.
QString markdownCell(QString text);

// "| a | b |" and a line break; the cells must already be markdownCell()s.
QString markdownRow(const QStringList& cells);

} // namespace ace
