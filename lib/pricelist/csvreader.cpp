// A streaming RFC 4180 CSV reader (see csvreader.h).
#include "pricelist/csvreader.h"

#include "json/dataerror.h"

#include <QIODevice>

#include <algorithm>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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
    if (unread > static_cast<size_t>(longestRecordBytes)) {
        fail(m_line, QStringLiteral("a record longer than %1 MiB (an unclosed quote, or not a "
                                    "CSV file?)")
                         .arg(longestRecordBytes / (1024 * 1024)));
    }
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

namespace {

// Whether `c` occurs an odd number of times in [begin, end), 16 bytes at a time where SSE2
// is there (the masks of matches are XORed: their parity is the answer).
bool oddCount(const char* begin, const char* end, char c)
{
    unsigned odd = 0;
#ifdef __SSE2__
    const __m128i needle = _mm_set1_epi8(c);
    for (; end - begin >= 16; begin += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(begin));
        odd ^= static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, needle)));
    }
    odd ^= odd >> 8;
    odd ^= odd >> 4;
    odd ^= odd >> 2;
    odd ^= odd >> 1;
#endif
    for (; begin < end; ++begin)
        odd ^= *begin == c ? 1u : 0u;
    return odd & 1u;
}

} // namespace

CsvReader::Parse CsvReader::skipRest(size_t& at, qint64& lines) const
{
    // Outside quotes, a line end ends the record; every quote (a doubled one twice) switches
    // between inside and outside.
    const char* const data = m_buffer.data();
    bool insideQuotes = false;
    for (;;) {
        const void* lineEnd = std::memchr(data + at, '\n', m_end - at);
        if (!lineEnd)
            return Parse::NeedMore;
        const size_t lineEndAt = static_cast<size_t>(static_cast<const char*>(lineEnd) - data);
        if (oddCount(data + at, data + lineEndAt, '"'))
            insideQuotes = !insideQuotes;
        at = lineEndAt + 1;
        ++lines;
        if (!insideQuotes)
            return Parse::Complete;
    }
}

CsvReader::Parse CsvReader::parseRecord(size_t fieldLimit)
{
    const char* const data = m_buffer.data();
    size_t at = m_begin;
    qint64 lines = 0;
    m_spans.clear();
    m_unescaped.clear();
    m_complete = true;
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
                // Line breaks inside quotes are rare: look with memchr (fast), count if any.
                if (std::memchr(data + at, '\n', quoteAt - at))
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
                    addSpan(escapedStart, m_unescaped.size() - escapedStart, true);
                } else {
                    addSpan(segment, quoteAt - segment, false);
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
            // A quote is no text of an unquoted field (RFC 4180): refused, so that the skip past
            // unwanted fields, which takes every quote for a field's, splits records the same way.
            const size_t start = at;
            while (at < m_end && data[at] != ',' && data[at] != '\n' && data[at] != '\r') {
                if (data[at] == '"') {
                    fail(m_line + lines,
                         QStringLiteral("a quote inside field %1, which is not quoted (a field "
                                        "with quotes is quoted whole, its quotes doubled)")
                             .arg(m_spans.size() + 1));
                }
                ++at;
            }
            if (at == m_end && !m_atEnd)
                return Parse::NeedMore;
            addSpan(start, at - start, false);
        }
        // After a field: a comma, a line end, or the end of the input.
        if (at == m_end) {
            recordEnded = true;
        } else if (data[at] == ',') {
            ++at;
            if (m_spans.size() == fieldLimit) {
                // The rest is not wanted now; a record cut by the end of the input is split
                // whole instead, so that a cut-short last row is still seen.
                if (skipRest(at, lines) == Parse::NeedMore)
                    return m_atEnd ? parseRecord(SIZE_MAX) : Parse::NeedMore;
                m_complete = false;
                recordEnded = true;
            }
        } else if (data[at] == '\n') {
            ++at;
            ++lines;
            recordEnded = true;
        } else { // '\r', before '\n' or at the very end
            if (at + 1 == m_end && !m_atEnd)
                return Parse::NeedMore;
            // The skip past unwanted fields ends records at '\n' only.
            if (at + 1 < m_end && data[at + 1] != '\n') {
                fail(m_line + lines, QStringLiteral("a carriage return without a line feed "
                                                    "after it (line ends are \\n or \\r\\n)"));
            }
            at += at + 1 < m_end ? 2 : 1;
            ++lines;
            recordEnded = true;
        }
    }
    m_recordLine = m_line;
    m_recordBegin = m_begin;
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

void CsvReader::readWhole()
{
    if (m_complete)
        return;
    // The record is still in the buffer: split it again, whole.
    const size_t end = m_begin;
    const qint64 nextLine = m_line;
    m_begin = m_recordBegin;
    m_line = m_recordLine;
    parseRecord(SIZE_MAX);
    if (m_begin != end || m_line != nextLine) {
        // Cannot happen for a record the whole split accepts (see parseRecord); never trusted.
        fail(m_recordLine, QStringLiteral("the record's fields could not be told apart"));
    }
}

bool CsvReader::next(size_t fieldLimit)
{
    for (;;) {
        if (m_begin == m_end && !m_atEnd) {
            refill();
            continue;
        }
        if (m_begin == m_end)
            return false;
        if (parseRecord(fieldLimit) == Parse::NeedMore) {
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
