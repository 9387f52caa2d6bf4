#pragma once

#include <QByteArray>
#include <QString>

#include <exception>

namespace ace {

// A problem with an input file, precise enough for a user to fix it: which file, where in it
// (a JSON path such as `options[3].stack[1]`, empty for the whole file) and what is wrong.
class DataError : public std::exception
{
public:
    DataError(QString file, QString location, QString message);

    const QString& file() const { return m_file; }
    const QString& location() const { return m_location; }
    const QString& message() const { return m_message; }

    // "file: location: message", the form every command-line error and dialog shows.
    QString toString() const;
    const char* what() const noexcept override;

private:
    QString m_file;
    QString m_location;
    QString m_message;
    QByteArray m_what;
};

} // namespace ace
