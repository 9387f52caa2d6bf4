// Streaming readers of AWS Price List offer files, CSV and JSON (see offerreader.h).
#include "pricelist/offerreader.h"

#include "json/dataerror.h"
#include "pricelist/csvreader.h"

#include <QFile>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

// RapidJSON scans strings and white space 16 bytes at a time where it is told SSE2 is there.
#ifdef __SSE2__
#define RAPIDJSON_SSE2
#endif
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#include <string>
#include <unordered_map>
#include <vector>

namespace ace::pricelist {

namespace {

struct FieldName
{
    Field field;
    const char* csv;
    const char* json;
};

// The same attribute in both formats (the AWS guide's pairs; JSON names are the attribute
// keys, except the product's own sku and productFamily).
constexpr FieldName fieldNames[] = {
    {Field::Sku, "SKU", "sku"},
    {Field::ProductFamily, "Product Family", "productFamily"},
    {Field::Location, "Location", "location"},
    {Field::LocationType, "Location Type", "locationType"},
    {Field::RegionCode, "Region Code", "regionCode"},
    {Field::UsageType, "usageType", "usagetype"},
    {Field::Operation, "operation", "operation"},
    {Field::InstanceType, "Instance Type", "instanceType"},
    {Field::Vcpu, "vCPU", "vcpu"},
    {Field::Memory, "Memory", "memory"},
    {Field::PhysicalProcessor, "Physical Processor", "physicalProcessor"},
    {Field::Tenancy, "Tenancy", "tenancy"},
    {Field::OperatingSystem, "Operating System", "operatingSystem"},
    {Field::LicenseModel, "License Model", "licenseModel"},
    {Field::PreInstalledSw, "Pre Installed S/W", "preInstalledSw"},
    {Field::CapacityStatus, "CapacityStatus", "capacitystatus"},
    {Field::MarketOption, "MarketOption", "marketoption"},
    {Field::TransferType, "Transfer Type", "transferType"},
    {Field::FromLocation, "From Location", "fromLocation"},
    {Field::FromRegionCode, "From Region Code", "fromRegionCode"},
    {Field::ToLocation, "To Location", "toLocation"},
};

constexpr qint64 progressStep = 4 << 20;

// Calls `progress` whenever another few MB have been read.
class ProgressReporter
{
public:
    ProgressReporter(const std::function<bool(const ReadProgress&)>& progress, qint64 total)
        : m_progress(progress)
        , m_total(total)
    {}

    // False when the reading is to stop.
    bool update(qint64 bytesRead, bool force = false)
    {
        if (!m_progress || (!force && bytesRead < m_next))
            return true;
        m_next = bytesRead + progressStep;
        return m_progress({bytesRead, m_total});
    }

private:
    const std::function<bool(const ReadProgress&)>& m_progress;
    qint64 m_total;
    qint64 m_next = 0;
};

// ---------------------------------------------------------------------------------- CSV

class CsvOfferReader
{
public:
    CsvOfferReader(QFile& file, const QString& name, OfferSink& sink, ProgressReporter& progress)
        : m_csv(file, name)
        , m_name(name)
        , m_sink(sink)
        , m_progress(progress)
    {}

    bool read()
    {
        OfferHeader header = readPreamble();
        readColumns(header);
        // The offer first: a file of another kind (Savings Plans) is named as such, not by
        // the first column it lacks.
        m_sink.begin(header);
        requirePriceColumns();
        ProductView product;
        PriceView price;
        // Most rows are Reserved terms: only their fields up to TermType are split.
        const size_t termTypeFields = static_cast<size_t>(m_termType) + 1;
        while (m_csv.next(termTypeFields)) {
            if (!m_progress.update(m_csv.bytesRead()))
                return false;
            const auto& fields = m_csv.fields();
            if (fields.size() < termTypeFields || fields[m_termType] != "OnDemand") {
                checkFieldCount();
                continue;
            }
            m_csv.readWhole();
            checkFieldCount();
            for (size_t i = 0; i < fieldCount; ++i)
                product.values[i] =
                    m_fieldColumns[i] < 0 ? std::string_view() : fields[m_fieldColumns[i]];
            if (!m_sink.wantsProduct(product))
                continue;
            price.termType = fields[m_termType];
            price.unit = fields[m_unit];
            price.beginRange = m_startingRange < 0 ? std::string_view() : fields[m_startingRange];
            price.endRange = m_endingRange < 0 ? std::string_view() : fields[m_endingRange];
            price.price = fields[m_price];
            price.currency = fields[m_currency];
            m_sink.addPrice(product, price, QStringLiteral("line %1").arg(m_csv.line()));
        }
        return m_progress.update(m_csv.bytesRead(), true);
    }

private:
    [[noreturn]] void fail(const QString& reason) const
    {
        throw DataError(m_name, QStringLiteral("line %1").arg(m_csv.line()), reason);
    }

    // A row of another length than the header (a skipped row is not counted, unless it is the
    // last, where a cut-short file shows).
    void checkFieldCount() const
    {
        if (m_csv.complete() && m_csv.fields().size() != m_columnCount) {
            fail(QStringLiteral("%1 fields where the header has %2 (is the file cut short?)")
                     .arg(m_csv.fields().size())
                     .arg(m_columnCount));
        }
    }

    // "FormatVersion","v1.0" and the other two-field lines up to the column header.
    OfferHeader readPreamble()
    {
        OfferHeader header;
        header.file = m_name;
        header.format = QStringLiteral("CSV");
        if (!m_csv.next() || m_csv.fields().size() != 2 || m_csv.fields()[0] != "FormatVersion") {
            throw DataError(m_name, QStringLiteral("line 1"),
                            QStringLiteral("not an AWS Price List offer file (it does not begin "
                                           "with \"FormatVersion\")"));
        }
        for (;;) {
            if (!m_csv.next())
                fail(QStringLiteral("the file ends before its column header (is it cut short?)"));
            const auto& fields = m_csv.fields();
            if (fields[0] == "SKU")
                break;
            if (fields.size() != 2) {
                fail(QStringLiteral("expected a preamble line (\"Name\",\"value\") or the column "
                                    "header (\"SKU\",...)"));
            }
            const QString value = toQString(fields[1]);
            if (fields[0] == "OfferCode")
                header.offerCode = value;
            else if (fields[0] == "Version")
                header.version = value;
            else if (fields[0] == "Publication Date")
                header.publicationDate = value;
        }
        if (header.offerCode.isEmpty())
            fail(QStringLiteral("no \"OfferCode\" line before the column header"));
        return header;
    }

    void readColumns(OfferHeader& header)
    {
        const auto& fields = m_csv.fields();
        m_columnCount = fields.size();
        m_fieldColumns.fill(-1);
        const auto column = [&](std::string_view name) -> int {
            for (size_t i = 0; i < fields.size(); ++i) {
                if (fields[i] == name)
                    return static_cast<int>(i);
            }
            return -1;
        };
        m_termType = column("TermType");
        m_unit = column("Unit");
        m_price = column("PricePerUnit");
        m_currency = column("Currency");
        m_startingRange = column("StartingRange");
        m_endingRange = column("EndingRange");
        for (const FieldName& name : fieldNames)
            m_fieldColumns[static_cast<size_t>(name.field)] = column(name.csv);
        const auto columns = m_fieldColumns;
        header.hasField = [columns](Field field) {
            return columns[static_cast<size_t>(field)] >= 0;
        };
        header.headerLocation = m_headerLocation = QStringLiteral("line %1").arg(m_csv.line());
    }

    void requirePriceColumns() const
    {
        const std::pair<int, const char*> columns[] = {{m_termType, "TermType"},
                                                       {m_unit, "Unit"},
                                                       {m_price, "PricePerUnit"},
                                                       {m_currency, "Currency"}};
        for (const auto& [index, name] : columns) {
            if (index < 0) {
                throw DataError(m_name, m_headerLocation,
                                QStringLiteral("no column \"%1\" in the header")
                                    .arg(QString::fromLatin1(name)));
            }
        }
    }

    CsvReader m_csv;
    QString m_headerLocation;
    const QString& m_name;
    OfferSink& m_sink;
    ProgressReporter& m_progress;
    size_t m_columnCount = 0;
    int m_termType = -1;
    int m_unit = -1;
    int m_price = -1;
    int m_currency = -1;
    int m_startingRange = -1;
    int m_endingRange = -1;
    std::array<int, fieldCount> m_fieldColumns{};
};

// --------------------------------------------------------------------------------- JSON

// Finds the brace that closes an object, across chunks: quotes open and close strings (a
// backslash escapes the next character), braces outside strings nest (arrays need no count:
// in JSON their brackets pair up inside the object). 64 bytes at a time where SSE2 is there
// and the block holds no backslash: a bit per byte for quotes and braces, the quotes' prefix
// XOR marks what is inside strings, and the braces outside are counted.
class BraceScan
{
public:
    // The closing brace in [at, end), or `end` (the state carries over to the next chunk).
    const char* findClosing(const char* at, const char* end)
    {
        while (at < end) {
#ifdef __SSE2__
            if (end - at >= 64 && !m_escaped) {
                const Block block(at);
                if (!block.bits('\\')) {
                    std::uint64_t inside = block.bits('"');
                    for (int shift = 1; shift < 64; shift *= 2)
                        inside ^= inside << shift;
                    if (m_inString)
                        inside = ~inside;
                    const std::uint64_t opens = block.bits('{') & ~inside;
                    const std::uint64_t closes = block.bits('}') & ~inside;
                    m_inString = inside >> 63;
                    if (closes && popcount(closes) >= m_depth) {
                        // It may close here: follow the braces in order.
                        for (std::uint64_t braces = opens | closes; braces; braces &= braces - 1) {
                            const int bit = __builtin_ctzll(braces);
                            if (opens >> bit & 1u)
                                ++m_depth;
                            else if (--m_depth == 0)
                                return at + bit;
                        }
                    } else {
                        m_depth += popcount(opens) - popcount(closes);
                    }
                    at += 64;
                    continue;
                }
            }
#endif
            const char c = *at;
            if (m_escaped)
                m_escaped = false;
            else if (m_inString && c == '\\')
                m_escaped = true;
            else if (m_inString)
                m_inString = c != '"';
            else if (c == '"')
                m_inString = true;
            else if (c == '{')
                ++m_depth;
            else if (c == '}' && --m_depth == 0)
                return at;
            ++at;
        }
        return end;
    }

private:
#ifdef __SSE2__
    // 64 bytes in four SSE2 registers; bits(c) has bit i set where byte i is c.
    struct Block
    {
        explicit Block(const char* at)
        {
            for (int part = 0; part < 4; ++part)
                parts[part] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + 16 * part));
        }
        std::uint64_t bits(char c) const
        {
            const __m128i wanted = _mm_set1_epi8(c);
            std::uint64_t found = 0;
            for (int part = 0; part < 4; ++part) {
                const auto mask = static_cast<std::uint16_t>(
                    _mm_movemask_epi8(_mm_cmpeq_epi8(parts[part], wanted)));
                found |= std::uint64_t(mask) << (16 * part);
            }
            return found;
        }
        __m128i parts[4];
    };
#endif

    // Without -mpopcnt (not in the x86-64 baseline) GCC would call a library function.
    static int popcount(std::uint64_t v)
    {
        v = v - ((v >> 1) & 0x5555555555555555u);
        v = (v & 0x3333333333333333u) + ((v >> 2) & 0x3333333333333333u);
        v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
        return static_cast<int>((v * 0x0101010101010101u) >> 56);
    }

    int m_depth = 1; // inside the object's opening brace
    bool m_inString = false;
    bool m_escaped = false;
};

// A RapidJSON input stream over a QFile, read in chunks. RapidJSON reads character by
// character through Peek and Take, so they are kept to a pointer step; a NUL after the valid
// bytes ends the input as RapidJSON expects.
class ChunkedStream
{
public:
    using Ch = char;

    explicit ChunkedStream(QFile& file)
        : m_file(file)
        , m_buffer((1 << 20) + 1 + scanPadding)
    {
        fill();
        if (m_valid >= 3 && std::memcmp(m_at, "\xEF\xBB\xBF", 3) == 0)
            m_at += 3; // a UTF-8 byte order mark, which RapidJSON would not take
    }

    Ch Peek() const { return *m_at; }
    Ch Take()
    {
        const Ch c = *m_at;
        advance();
        return c;
    }
    size_t Tell() const
    {
        if (m_resumeAt)
            return m_resumeTell;
        return static_cast<size_t>(m_consumed + (m_at - m_buffer.data()));
    }

    // Called right after a key whose value is an object nothing reads (the Reserved terms,
    // most of an EC2 file, and the terms of products not kept): passes over the object with a
    // scan that only matches braces and quotes, and lets the parser read it as empty ("{}"),
    // so it builds no events for it. Throws DataError when the input ends inside it.
    void skipObjectValue(const QString& fileName, const QString& where)
    {
        if (seekObjectEnd(fileName, where, nullptr))
            serveFirst(":{"); // the parser reads the closing brace itself
    }

    // Called right after a key whose value is an object the handler reads whole (a product,
    // a product's terms): finds the object's end with the same scan, parses its bytes in place
    // with `handler` (RapidJSON's fast path: strings scanned 16 bytes at a time, never copied),
    // then lets the outer parser read the value as null, which the handler ignores. False when
    // the handler stopped the parse (cancelled). Throws DataError for JSON that is not valid.
    template <typename Handler>
    bool parseObjectValue(Handler& handler, const QString& fileName, const QString& where)
    {
        std::string_view object;
        if (!seekObjectEnd(fileName, where, &object))
            return true;
        const size_t objectTell = m_objectTell;
        // In place: the object is rewritten as its strings are decoded, and never read again.
        rapidjson::InsituStringStream text(const_cast<char*>(object.data()));
        rapidjson::Reader reader;
        const rapidjson::ParseResult result =
            reader.Parse<rapidjson::kParseInsituFlag | rapidjson::kParseNumbersAsStringsFlag |
                         rapidjson::kParseStopWhenDoneFlag>(text, handler);
        if (result.Code() == rapidjson::kParseErrorTermination)
            return false;
        if (result.IsError()) {
            throw DataError(
                fileName,
                QStringLiteral("byte %1, in %2")
                    .arg(objectTell + result.Offset())
                    .arg(handler.path()),
                QStringLiteral("not valid JSON: %1")
                    .arg(QString::fromUtf8(rapidjson::GetParseError_En(result.Code()))));
        }
        advance(); // past the closing brace
        serveFirst(":null");
        return true;
    }

    // Output functions RapidJSON requires to exist but never calls on an input stream.
    Ch* PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    size_t PutEnd(Ch*) { return 0; }

private:
    // Limits what one object read in place may hold: a product or a product's terms is a few
    // KB in AWS's files, so anything near this is no offer file, and memory stays bounded.
    static constexpr size_t largestObjectRead = 16 << 20;
    // RapidJSON's SSE2 string scan reads whole aligned 16-byte blocks, up to 15 bytes past a
    // string's closing quote: buffers that hold objects parsed in place end with this much
    // spare room.
    static constexpr size_t scanPadding = 16;

    // One character on, reading the next chunk at the end of this one.
    void advance()
    {
        if (++m_at == m_end)
            fill();
    }

    // Passes over `: {` and moves to the object's closing brace, across chunks. With `object`,
    // also gives the object's bytes, from its opening to its closing brace, in the chunk or,
    // when it spans chunks, in a buffer of its own. False, with the stream where the value
    // starts, when the value is no object (the parser will say what is wrong with it).
    bool seekObjectEnd(const QString& fileName, const QString& where, std::string_view* object)
    {
        const auto skipSpace = [this] {
            while (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t')
                advance();
        };
        skipSpace();
        if (*m_at != ':')
            return false; // not JSON the parser will take: let it say so
        advance();
        skipSpace();
        if (*m_at != '{') {
            serveFirst(":");
            return false;
        }
        m_objectTell = Tell();
        const char* objectStart = m_at;
        m_spill.clear();
        advance();
        BraceScan scan;
        for (;;) {
            const char* closing = scan.findClosing(m_at, m_end);
            if (closing != m_end) {
                m_at = closing;
                break;
            }
            if (object) {
                m_spill.insert(m_spill.end(), objectStart, m_end);
                if (m_spill.size() > largestObjectRead) {
                    throw DataError(
                        fileName, QStringLiteral("byte %1, in %2").arg(m_objectTell).arg(where),
                        QStringLiteral("an object of over %1 MB, where AWS's offer files "
                                       "have a few KB (is this an offer file?)")
                            .arg(largestObjectRead >> 20));
                }
            }
            m_at = m_end - 1; // the whole chunk passed over
            advance();
            objectStart = m_at;
            if (m_valid == 0) {
                throw DataError(fileName, QStringLiteral("byte %1, in %2").arg(Tell()).arg(where),
                                QStringLiteral("the file ends in the middle of the JSON (is it "
                                               "cut short?)"));
            }
        }
        if (object) {
            if (m_spill.empty()) {
                *object =
                    std::string_view(objectStart, static_cast<size_t>(m_at + 1 - objectStart));
            } else {
                m_spill.insert(m_spill.end(), objectStart, m_at + 1);
                const size_t size = m_spill.size();
                m_spill.resize(size + scanPadding, '\0');
                *object = std::string_view(m_spill.data(), size);
            }
        }
        return true;
    }

    // Has the parser read `text` (the ":{" passed over) before going on where the stream is.
    void serveFirst(const char* text)
    {
        m_resumeTell = Tell();
        m_resumeAt = m_at;
        m_resumeEnd = m_end;
        m_at = text;
        m_end = text + std::strlen(text);
    }

    Q_DECL_COLD_FUNCTION void fill()
    {
        if (m_resumeAt) {
            m_at = m_resumeAt;
            m_end = m_resumeEnd;
            m_resumeAt = nullptr;
            return;
        }
        m_consumed += m_valid;
        const qint64 read =
            m_file.read(m_buffer.data(), static_cast<qint64>(m_buffer.size() - 1 - scanPadding));
        m_valid = read > 0 ? read : 0;
        m_buffer[static_cast<size_t>(m_valid)] = '\0';
        m_at = m_buffer.data();
        // At the end of the input only the NUL is left to read.
        m_end = m_at + std::max<qint64>(m_valid, 1);
    }

    QFile& m_file;
    std::vector<char> m_buffer;
    const char* m_at = nullptr;
    const char* m_end = nullptr;
    qint64 m_valid = 0;
    qint64 m_consumed = 0;
    // While the parser reads the text of serveFirst: where to go on.
    const char* m_resumeAt = nullptr;
    const char* m_resumeEnd = nullptr;
    size_t m_resumeTell = 0;
    // The object seekObjectEnd found: where it starts, and its bytes when it spans chunks.
    size_t m_objectTell = 0;
    std::vector<char> m_spill;
};

// A product kept from the products section until its terms come.
struct StoredProduct
{
    std::array<std::string, fieldCount> values;

    ProductView view() const
    {
        ProductView product;
        for (size_t i = 0; i < fieldCount; ++i)
            product.values[i] = values[i];
        return product;
    }
};

struct StoredPrice
{
    std::string unit, beginRange, endRange, price, currency;

    void clear()
    {
        unit.clear();
        beginRange.clear();
        endRange.clear();
        price.clear();
        currency.clear();
    }
    PriceView view() const
    {
        return {std::string_view("OnDemand"), unit, beginRange, endRange, price, currency};
    }
};

// The SAX handler: follows where it is in the offer's layout, keeps wanted products, and
// passes on-demand price dimensions of kept products. Query API items (one product, terms
// keyed "SKU.term" without a SKU level, header after the terms) are collected and passed at
// the end.
class JsonOfferHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, JsonOfferHandler>
{
public:
    JsonOfferHandler(const QString& name, OfferSink& sink, ProgressReporter& progress,
                     ChunkedStream& stream)
        : m_name(name)
        , m_sink(sink)
        , m_progress(progress)
        , m_stream(stream)
    {
        for (const FieldName& fieldName : fieldNames)
            m_attributeFields.emplace(fieldName.json, fieldName.field);
    }

    bool cancelled() const { return m_cancelled; }

    // Where the reader is, as a JSON path, for messages.
    QString path() const
    {
        QString where;
        for (const Frame& frame : m_frames) {
            if (frame.key.empty())
                continue;
            if (!where.isEmpty())
                where += u'.';
            where += QString::fromStdString(frame.key);
        }
        return where;
    }

    // The path of the value of the key just read.
    QString keyPath() const { return path() + u'.' + QString::fromStdString(m_key); }

    void finish()
    {
        if (!m_begun && !m_queryApi)
            notOffer();
        if (m_queryApi)
            finishQueryApiItem();
    }

    // SAX events.
    bool StartObject() { return enter(true); }
    bool StartArray() { return enter(false); }
    bool EndObject(rapidjson::SizeType) { return leave(); }
    bool EndArray(rapidjson::SizeType) { return leave(); }
    bool Key(const char* text, rapidjson::SizeType length, bool)
    {
        m_key.assign(text, length);
        switch (state()) {
        case State::Terms:
            // Terms other than on-demand ones are passed over unread.
            if (m_key != "OnDemand")
                m_stream.skipObjectValue(m_name, keyPath());
            break;
        case State::Products:
            return m_stream.parseObjectValue(*this, m_name, keyPath());
        case State::TermType:
            // A product's terms, keyed by its SKU (Query API items key "SKU.term" here, read
            // as they come): read when the product was kept, passed over otherwise.
            if (m_key.find('.') == std::string::npos) {
                if (!findProduct(m_key)) {
                    m_stream.skipObjectValue(m_name, keyPath());
                    break;
                }
                return m_stream.parseObjectValue(*this, m_name, keyPath());
            }
            break;
        default:
            break;
        }
        return true;
    }
    bool String(const char* text, rapidjson::SizeType length, bool)
    {
        return value({text, length});
    }
    bool RawNumber(const char* text, rapidjson::SizeType length, bool)
    {
        return value({text, length});
    }
    bool Default() { return true; } // booleans and null: nothing the mapping reads

private:
    enum class State {
        Root,
        Products,
        Product,
        Attributes,
        Terms,
        TermType,
        SkuTerms,
        Term,
        Dimensions,
        Dimension,
        PricePerUnit,
        Skip
    };
    struct Frame
    {
        State state;
        std::string key; // the key this object is the value of
    };

    [[noreturn]] void notOffer() const
    {
        throw DataError(m_name, {},
                        QStringLiteral("not an AWS Price List offer file (no \"offerCode\" "
                                       "before \"products\")"));
    }

    State state() const { return m_frames.empty() ? State::Skip : m_frames.back().state; }

    State childState(bool isObject) const
    {
        if (m_frames.empty())
            return isObject ? State::Root : State::Skip;
        if (!isObject)
            return State::Skip;
        switch (state()) {
        case State::Root:
            if (m_key == "products")
                return State::Products;
            if (m_key == "product")
                return State::Product;
            if (m_key == "terms")
                return State::Terms;
            return State::Skip;
        case State::Products:
            return State::Product;
        case State::Product:
            return m_key == "attributes" ? State::Attributes : State::Skip;
        case State::Terms:
            return m_key == "OnDemand" ? State::TermType : State::Skip;
        case State::TermType:
            // Offer files key terms by SKU, then by "SKU.term"; Query API items skip the SKU.
            return m_key.find('.') == std::string::npos ? State::SkuTerms : State::Term;
        case State::SkuTerms:
            return State::Term;
        case State::Term:
            return m_key == "priceDimensions" ? State::Dimensions : State::Skip;
        case State::Dimensions:
            return State::Dimension;
        case State::Dimension:
            return m_key == "pricePerUnit" ? State::PricePerUnit : State::Skip;
        default:
            return State::Skip;
        }
    }

    bool enter(bool isObject)
    {
        if (m_frames.empty() && !isObject)
            notOffer();
        // RapidJSON parses nested values by recursion: a file of a million "[" would overflow
        // the stack. Offers nest about eight deep.
        if (m_frames.size() >= deepestOfferNesting) {
            throw DataError(m_name, {},
                            QStringLiteral("nested deeper than %1 levels: not an AWS Price List "
                                           "offer file")
                                .arg(deepestOfferNesting));
        }
        const State next = childState(isObject);
        m_frames.push_back({next, m_frames.empty() ? std::string() : m_key});
        switch (next) {
        case State::Products:
            if (m_offerCode.empty())
                notOffer();
            begin();
            break;
        case State::Product:
            if (m_frames.size() == 2)
                m_queryApi = true;
            for (std::string& text : m_product.values)
                text.clear();
            m_product.values[static_cast<size_t>(Field::Sku)] = m_frames.back().key;
            break;
        case State::Term:
            m_termSku = m_frames.back().key.substr(0, m_frames.back().key.find('.'));
            m_termProduct = findProduct(m_termSku);
            break;
        case State::Dimension:
            m_price.clear();
            break;
        default:
            break;
        }
        return true;
    }

    bool leave()
    {
        const State ended = state();
        // A dimension's path names it, so it is taken before leaving it.
        const QString where = ended == State::Dimension && m_termProduct ? path() : QString();
        m_frames.pop_back();
        if (ended == State::Product)
            return endProduct();
        if (ended == State::Dimension)
            return endDimension(where);
        return true;
    }

    bool value(std::string_view text)
    {
        switch (state()) {
        case State::Root:
            if (m_key == "offerCode" || (m_key == "serviceCode" && m_offerCode.empty()))
                m_offerCode = text;
            else if (m_key == "version")
                m_version = text;
            else if (m_key == "publicationDate")
                m_publicationDate = text;
            break;
        case State::Product:
            if (m_key == "sku")
                m_product.values[static_cast<size_t>(Field::Sku)] = text;
            else if (m_key == "productFamily")
                m_product.values[static_cast<size_t>(Field::ProductFamily)] = text;
            break;
        case State::Attributes: {
            const auto found = m_attributeFields.find(m_key);
            if (found != m_attributeFields.end())
                m_product.values[static_cast<size_t>(found->second)] = text;
            break;
        }
        case State::Dimension:
            if (m_key == "unit")
                m_price.unit = text;
            else if (m_key == "beginRange")
                m_price.beginRange = text;
            else if (m_key == "endRange")
                m_price.endRange = text;
            break;
        case State::PricePerUnit:
            if (m_price.currency.empty()) {
                m_price.currency = m_key;
                m_price.price = text;
            }
            break;
        default:
            break;
        }
        return true;
    }

    void begin()
    {
        if (m_begun)
            return;
        m_begun = true;
        OfferHeader header;
        header.file = m_name;
        header.format = QStringLiteral("JSON");
        header.offerCode = QString::fromStdString(m_offerCode);
        header.version = QString::fromStdString(m_version);
        header.publicationDate = QString::fromStdString(m_publicationDate);
        header.hasField = [](Field) { return true; };
        m_sink.begin(header);
    }

    const StoredProduct* findProduct(const std::string& sku) const
    {
        if (m_queryApi)
            return &m_product;
        const auto found = m_kept.find(sku);
        return found == m_kept.end() ? nullptr : &found->second;
    }

    bool endProduct()
    {
        if (m_queryApi)
            return true; // passed on at the end, with the header that follows the terms
        if (m_sink.wantsProduct(m_product.view())) {
            const std::string sku = m_product.values[static_cast<size_t>(Field::Sku)];
            m_kept.emplace(sku, m_product);
        }
        return keepGoing();
    }

    bool endDimension(const QString& where)
    {
        if (!m_termProduct)
            return keepGoing();
        if (m_queryApi) {
            m_queryApiPrices.emplace_back(m_price, where);
            return true;
        }
        m_sink.addPrice(m_termProduct->view(), m_price.view(), where);
        return keepGoing();
    }

    void finishQueryApiItem()
    {
        if (m_offerCode.empty())
            notOffer();
        begin();
        const ProductView product = m_product.view();
        if (!m_sink.wantsProduct(product))
            return;
        for (const auto& [price, where] : m_queryApiPrices)
            m_sink.addPrice(product, price.view(), where);
    }

    bool keepGoing()
    {
        if (!m_progress.update(static_cast<qint64>(m_stream.Tell())))
            m_cancelled = true;
        return !m_cancelled;
    }

    const QString& m_name;
    OfferSink& m_sink;
    ProgressReporter& m_progress;
    ChunkedStream& m_stream;
    std::unordered_map<std::string, Field> m_attributeFields;
    std::vector<Frame> m_frames;
    std::string m_key;
    std::string m_offerCode, m_version, m_publicationDate;
    bool m_begun = false;
    bool m_queryApi = false;
    bool m_cancelled = false;
    StoredProduct m_product;
    std::unordered_map<std::string, StoredProduct> m_kept;
    std::string m_termSku;
    const StoredProduct* m_termProduct = nullptr;
    StoredPrice m_price;
    std::vector<std::pair<StoredPrice, QString>> m_queryApiPrices;
};

// RapidJSON's working stack, which holds the string being read: refuses to grow past twice
// longestJsonToken (it grows by half its size, so every string up to longestJsonToken fits, and
// a refused one is longer), so one endless string cannot take the memory a streamed import
// never needs (AWS's strings are a few hundred bytes).
class BoundedStackAllocator
{
public:
    // Read by RapidJSON (its allocator concept), which clang cannot see.
    [[maybe_unused]] static constexpr bool kNeedFree = true;
    struct TooLong
    {
    };

    void* Malloc(size_t size)
    {
        requireBound(size);
        return size ? std::malloc(size) : nullptr;
    }
    void* Realloc(void* block, size_t, size_t newSize)
    {
        requireBound(newSize);
        if (newSize == 0) {
            std::free(block);
            return nullptr;
        }
        return std::realloc(block, newSize);
    }
    static void Free(void* block) { std::free(block); }

private:
    static void requireBound(size_t size)
    {
        if (size > 2 * longestJsonToken)
            throw TooLong();
    }
};

bool readJsonOffer(QFile& file, const QString& name, OfferSink& sink, ProgressReporter& progress)
{
    ChunkedStream stream(file);
    JsonOfferHandler handler(name, sink, progress, stream);
    rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, BoundedStackAllocator> reader;
    rapidjson::ParseResult result;
    try {
        result = reader.Parse<rapidjson::kParseNumbersAsStringsFlag>(stream, handler);
    } catch (const BoundedStackAllocator::TooLong&) {
        throw DataError(name, {},
                        QStringLiteral("a string longer than %1 MiB: not an AWS Price List offer "
                                       "file")
                            .arg(longestJsonToken / (1024 * 1024)));
    }
    if (handler.cancelled())
        return false;
    if (result.IsError()) {
        const bool cutShort = result.Offset() >= static_cast<size_t>(file.size());
        throw DataError(
            name,
            QStringLiteral("byte %1, in %2")
                .arg(result.Offset())
                .arg(handler.path().isEmpty() ? QStringLiteral("the top level") : handler.path()),
            cutShort ? QStringLiteral("the file ends in the middle of the JSON (is "
                                      "it cut short?)")
                     : QStringLiteral("not valid JSON: %1")
                           .arg(QString::fromUtf8(rapidjson::GetParseError_En(result.Code()))));
    }
    handler.finish();
    return progress.update(file.size(), true);
}

} // namespace

QString columnName(Field field)
{
    for (const FieldName& name : fieldNames) {
        if (name.field == field)
            return QString::fromLatin1(name.csv);
    }
    return {};
}

bool readOfferFile(const QString& path, const QString& displayName, OfferSink& sink,
                   const std::function<bool(const ReadProgress&)>& progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw DataError(displayName, {}, QStringLiteral("cannot open: ") + file.errorString());
    ProgressReporter reporter(progress, file.size());
    // Told apart by content: JSON starts with "{", CSV with the quoted or bare "FormatVersion".
    char first = '\0';
    QByteArray start = file.peek(64);
    if (start.startsWith("\xEF\xBB\xBF"))
        start.remove(0, 3);
    for (const char c : start) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            first = c;
            break;
        }
    }
    if (first == '{')
        return readJsonOffer(file, displayName, sink, reporter);
    if (first == '"' || first == 'F')
        return CsvOfferReader(file, displayName, sink, reporter).read();
    throw DataError(displayName, {},
                    start.isEmpty() ? QStringLiteral("the file is empty")
                                    : QStringLiteral("not an AWS Price List offer file (neither "
                                                     "CSV nor JSON)"));
}

} // namespace ace::pricelist
