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
    QString toString() const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

} // namespace ace::cli
