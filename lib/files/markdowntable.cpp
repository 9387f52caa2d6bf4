#include "files/markdowntable.h"

namespace ace {

QString markdownCell(QString text)
{
    text.replace(u'\\', QStringLiteral("\\\\"));
    text.replace(u'|', QStringLiteral("\\|"));
    text.replace(QStringLiteral("\r\n"), QStringLiteral("<br>"));
    text.replace(u'\n', QStringLiteral("<br>"));
    text.replace(u'\r', QStringLiteral("<br>"));
    return text;
}

QString markdownRow(const QStringList& cells)
{
    return QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

} // namespace ace
