#include "json/dataerror.h"

namespace ace {

DataError::DataError(QString file, QString location, QString message)
    : m_file(std::move(file))
    , m_location(std::move(location))
    , m_message(std::move(message))
    , m_what(toString().toUtf8())
{}

QString DataError::toString() const
{
    QString text = m_file;
    if (!m_location.isEmpty())
        text += QStringLiteral(": ") + m_location;
    return text + QStringLiteral(": ") + m_message;
}

const char* DataError::what() const noexcept
{
    return m_what.constData();
}

} // namespace ace
