#include "cli/texttable.h"

#include <algorithm>

namespace ace::cli {

namespace {
const QString indent = QStringLiteral("  ");
const QString columnGap = QStringLiteral("  ");
} // namespace

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers))
{}

void TextTable::addRow(QStringList cells)
{
    m_rows.append(std::move(cells));
}

QString TextTable::toString() const
{
    QList<qsizetype> widths(m_headers.size());
    auto widen = [&widths](const QStringList& cells) {
        for (qsizetype i = 0; i < cells.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], cells.at(i).size());
    };
    widen(m_headers);
    for (const QStringList& row : m_rows)
        widen(row);

    auto line = [&widths](const QStringList& cells) -> QString {
        QString text = indent;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const QString cell = cells.value(i);
            const bool last = i + 1 == widths.size();
            text += last ? cell : cell.leftJustified(widths.at(i)) + columnGap;
        }
        // An empty last cell would leave the padding of the one before it.
        while (text.endsWith(u' '))
            text.chop(1);
        return text + u'\n';
    };

    QStringList rules;
    for (qsizetype width : widths)
        rules.append(QString(width, u'-'));

    QString text = line(m_headers) + line(rules);
    for (const QStringList& row : m_rows)
        text += line(row);
    return text;
}

} // namespace ace::cli
