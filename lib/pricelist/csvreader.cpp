// A streaming RFC 4180 CSV reader (see csvreader.h).
#include "pricelist/csvreader.h"

#include "json/dataerror.h"

#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace ace::pricelist {

CsvReader::CsvReader(QIODevice& device, QString fileName, qsizetype chunkSize)
    : m_device(device)
    , m_fileName(std::move(fileName))
    , m_chunkSize(chunkSize)
    , m_buffer(static_cast<size_t>(chunkSize))
{}

void CsvReader::fail(qint64 line, const QString& reason) const
{
    throw DataError(m_fileName, QStringLiteral("line %1").arg(line), reason);
}

bool CsvReader::refill()
{
    // Keep the unread part (a record cut by the end of the last chunk) at the front, and grow
    // the buffer only for a record longer than a whole chunk.
    const size_t unread = m_end - m_begin;
    std::memmove(m_buffer.data(), m_buffer.data() + m_begin, unread);
    m_begin = 0;
    m_end = unread;
    if (m_buffer.size() - m_end < static_cast<size_t>(m_chunkSize))
        m_buffer.resize(m_end + static_cast<size_t>(m_chunkSize));
    const qint64 read =
        m_device.read(m_buffer.data() + m_end, static_cast<qint64>(m_buffer.size() - m_end));
    if (read < 0)
        fail(m_line, QStringLiteral("cannot read: %1").arg(m_device.errorString()));
    if (read == 0) {
        m_atEnd = true;
        return false;
    }
    m_bytesRead += read;
    m_end += static_cast<size_t>(read);
    if (!m_startChecked && m_end >= 3) {
        m_startChecked = true;
        if (std::memcmp(m_buffer.data(), "\xEF\xBB\xBF", 3) == 0)
            m_begin = 3;
    }
    return true;
}

CsvReader::Parse CsvReader::parseRecord()
{
    const char* const data = m_buffer.data();
    size_t at = m_begin;
    qint64 lines = 0;
    m_spans.clear();
    m_unescaped.clear();
    bool recordEnded = false;
    while (!recordEnded) {
        if (at < m_end && data[at] == '"') {
            // A quoted field: up to the quote that is not doubled.
            size_t segment = ++at;
            const size_t escapedStart = m_unescaped.size();
            bool escaped = false;
            for (;;) {
                const void* quote = std::memchr(data + at, '"', m_end - at);
                if (!quote) {
                    if (m_atEnd) {
                        fail(m_line + lines, QStringLiteral("a quoted field is not closed (is "
                                                            "the file cut short?)"));
                    }
                    return Parse::NeedMore;
                }
                const size_t quoteAt = static_cast<size_t>(static_cast<const char*>(quote) - data);
                lines += std::count(data + at, data + quoteAt, '\n');
                if (quoteAt + 1 == m_end && !m_atEnd)
                    return Parse::NeedMore; // a closing quote, or the first of a doubled one?
                if (quoteAt + 1 < m_end && data[quoteAt + 1] == '"') {
                    m_unescaped.append(data + segment, quoteAt + 1 - segment);
                    escaped = true;
                    at = segment = quoteAt + 2;
                    continue;
                }
                if (escaped) {
                    m_unescaped.append(data + segment, quoteAt - segment);
                    m_spans.push_back({escapedStart, m_unescaped.size() - escapedStart, true});
                } else {
                    m_spans.push_back({segment, quoteAt - segment, false});
                }
                at = quoteAt + 1;
                break;
            }
            if (at < m_end && data[at] != ',' && data[at] != '\n' && data[at] != '\r') {
                fail(
                    m_line + lines,
                    QStringLiteral("text after the closing quote of field %1").arg(m_spans.size()));
            }
        } else {
            const size_t start = at;
            while (at < m_end && data[at] != ',' && data[at] != '\n' && data[at] != '\r')
                ++at;
            if (at == m_end && !m_atEnd)
                return Parse::NeedMore;
            m_spans.push_back({start, at - start, false});
        }
        // After a field: a comma, a line end, or the end of the input.
        if (at == m_end) {
            recordEnded = true;
        } else if (data[at] == ',') {
            ++at;
        } else if (data[at] == '\n') {
            ++at;
            ++lines;
            recordEnded = true;
        } else { // '\r', alone or before '\n'
            if (at + 1 == m_end && !m_atEnd)
                return Parse::NeedMore;
            at += (at + 1 < m_end && data[at + 1] == '\n') ? 2 : 1;
            ++lines;
            recordEnded = true;
        }
    }
    m_recordLine = m_line;
    m_line += lines;
    m_begin = at;
    m_fields.resize(m_spans.size());
    for (size_t i = 0; i < m_spans.size(); ++i) {
        const FieldSpan& span = m_spans[i];
        m_fields[i] =
            std::string_view((span.unescaped ? m_unescaped.data() : data) + span.begin, span.size);
    }
    return Parse::Complete;
}

bool CsvReader::next()
{
    for (;;) {
        if (m_begin == m_end && !m_atEnd) {
            refill();
            continue;
        }
        if (m_begin == m_end)
            return false;
        if (parseRecord() == Parse::NeedMore) {
            refill();
            continue;
        }
        // A blank line is no record (files may end in one).
        if (m_fields.size() == 1 && m_fields.front().empty())
            continue;
        return true;
    }
}

} // namespace ace::pricelist
