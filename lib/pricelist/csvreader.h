#pragma once

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

class QIODevice;

namespace ace::pricelist {

// A streaming RFC 4180 reader: one record at a time from a device, in chunks, so a file of any
// size takes the same memory. Fields may be quoted (holding commas, line breaks and "" for a
// quote) or bare (empty fields are bare in AWS's files; Savings Plans files quote nothing);
// records end in LF or CRLF, the last one may lack it. A leading UTF-8 byte order mark is
// skipped. Malformed input throws DataError naming `fileName` and the line.
class CsvReader
{
public:
    CsvReader(QIODevice& device, QString fileName, qsizetype chunkSize = 1 << 20);

    // The longest record read (AWS's are a few KB): a longer one, such as an unclosed quote
    // or a file without line ends, is refused rather than held in memory whole.
    static constexpr qsizetype longestRecordBytes = 64 * 1024 * 1024;

    // Reads the next record into fields(); false at the end of the input. With `fieldLimit`,
    // only the first fields are split and the rest of the record is skipped by a fast scan
    // (most rows of an offer are decided by one early column); complete() tells whether
    // fields() holds the whole record, readWhole() splits the rest when it is wanted.
    bool next(size_t fieldLimit = SIZE_MAX);
    bool complete() const { return m_complete; }
    void readWhole();
    // The fields of the current record, valid until the next call of next().
    const std::vector<std::string_view>& fields() const { return m_fields; }
    // The line the current record starts on, from 1.
    qint64 line() const { return m_recordLine; }
    // Bytes consumed from the device so far.
    qint64 bytesRead() const { return m_bytesRead; }
    const QString& fileName() const { return m_fileName; }

private:
    enum class Parse { Complete, NeedMore };
    Parse parseRecord(size_t fieldLimit);
    // From `at` (outside quotes) to just past the record's line end; NeedMore when the input
    // ends first. Adds the line ends passed to `lines`.
    Parse skipRest(size_t& at, qint64& lines) const;
    bool refill();
    [[noreturn]] void fail(qint64 line, const QString& reason) const;
    void addSpan(size_t begin, size_t size, bool unescaped)
    {
        // Member by member: a braced temporary costs a store-forwarding stall per field.
        FieldSpan& span = m_spans.emplace_back();
        span.begin = begin;
        span.size = size;
        span.unescaped = unescaped;
    }

    // Where a field's text is: in the buffer, or (when it held "" escapes) in m_unescaped.
    struct FieldSpan
    {
        size_t begin;
        size_t size;
        bool unescaped;
    };

    QIODevice& m_device;
    QString m_fileName;
    qsizetype m_chunkSize;
    std::vector<char> m_buffer;
    size_t m_begin = 0; // start of the unread part of m_buffer
    size_t m_end = 0;   // end of the valid bytes of m_buffer
    bool m_atEnd = false;
    bool m_startChecked = false;
    qint64 m_bytesRead = 0;
    qint64 m_line = 1; // the line m_begin is on
    qint64 m_recordLine = 0;
    size_t m_recordBegin = 0;
    bool m_complete = true;
    std::vector<FieldSpan> m_spans;
    std::string m_unescaped;
    std::vector<std::string_view> m_fields;
};

} // namespace ace::pricelist
