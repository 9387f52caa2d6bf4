// Streaming readers of AWS Price List offer files, CSV and JSON (see offerreader.h).
#include "pricelist/offerreader.h"

#include "json/dataerror.h"
#include "pricelist/csvreader.h"

#include <QFile>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
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

// Finds the bracket that closes an object or array, across chunks: quotes open and close
// strings (a backslash escapes the next character), brackets outside strings nest. 16 bytes
// at a time where SSE2 is there and the block holds no backslash: the quotes' prefix XOR
// marks what is inside strings, and the brackets outside are counted.
class BraceScan
{
public:
    // The closing bracket in [at, end), or `end` (the state carries over to the next chunk).
    const char* findClosing(const char* at, const char* end)
    {
        while (at < end) {
#ifdef __SSE2__
            if (end - at >= 16 && !m_escaped) {
                const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
                const auto bits = [&bytes](char c) {
                    return static_cast<unsigned>(
                        _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(c))));
                };
                if (!bits('\\')) {
                    unsigned inside = bits('"');
                    inside ^= inside << 1;
                    inside ^= inside << 2;
                    inside ^= inside << 4;
                    inside ^= inside << 8;
                    inside = (m_inString ? ~inside : inside) & 0xFFFFu;
                    const unsigned opens = (bits('{') | bits('[')) & ~inside;
                    const unsigned closes = (bits('}') | bits(']')) & ~inside;
                    m_inString = inside >> 15;
                    if (closes && popcount16(closes) >= m_depth) {
                        // It may close here: follow the brackets in order.
                        for (unsigned brackets = opens | closes; brackets;
                             brackets &= brackets - 1) {
                            const int bit = __builtin_ctz(brackets);
                            if (opens >> bit & 1u)
                                ++m_depth;
                            else if (--m_depth == 0)
                                return at + bit;
                        }
                    } else {
                        m_depth += popcount16(opens) - popcount16(closes);
                    }
                    at += 16;
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
            else if (c == '{' || c == '[')
                ++m_depth;
            else if ((c == '}' || c == ']') && --m_depth == 0)
                return at;
            ++at;
        }
        return end;
    }

private:
    static int popcount16(unsigned v)
    {
        v = v - ((v >> 1) & 0x5555u);
        v = (v & 0x3333u) + ((v >> 2) & 0x3333u);
        v = (v + (v >> 4)) & 0x0F0Fu;
        return static_cast<int>((v + (v >> 8)) & 0x1Fu);
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
        , m_buffer((1 << 20) + 1)
    {
        fill();
        if (m_valid >= 3 && std::memcmp(m_at, "\xEF\xBB\xBF", 3) == 0)
            m_at += 3; // a UTF-8 byte order mark, which RapidJSON would not take
    }

    Ch Peek() const { return *m_at; }
    Ch Take()
    {
        const Ch c = *m_at;
        if (++m_at == m_end)
            fill();
        return c;
    }
    size_t Tell() const
    {
        if (m_resumeAt)
            return m_resumeTell;
        return static_cast<size_t>(m_consumed + (m_at - m_buffer.data()));
    }

    // Called right after a key whose value is an object nothing reads (the Reserved terms,
    // most of an EC2 file): passes over the object with a scan that only matches braces and
    // quotes, and lets the parser read it as empty ("{}"), so it builds no events for it.
    // Throws DataError when the input ends inside it.
    void skipObjectValue(const QString& fileName, const QString& where)
    {
        const auto advance = [this] {
            if (++m_at == m_end)
                fill();
        };
        const auto skipSpace = [&] {
            while (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t')
                advance();
        };
        skipSpace();
        if (*m_at != ':')
            return; // not JSON the parser will take: let it say so
        advance();
        skipSpace();
        if (*m_at != '{')
            return serveFirst(":");
        advance();
        BraceScan scan;
        for (;;) {
            const char* closing = scan.findClosing(m_at, m_end);
            if (closing != m_end) {
                m_at = closing; // the parser reads this closing brace itself
                break;
            }
            m_at = m_end - 1; // the whole chunk passed over
            advance();
            if (m_valid == 0) {
                throw DataError(fileName, QStringLiteral("byte %1, in %2").arg(Tell()).arg(where),
                                QStringLiteral("the file ends in the middle of the JSON (is it "
                                               "cut short?)"));
            }
        }
        serveFirst(":{");
    }

    // Output functions RapidJSON requires to exist but never calls on an input stream.
    Ch* PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    size_t PutEnd(Ch*) { return 0; }

private:
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
        const qint64 read = m_file.read(m_buffer.data(), static_cast<qint64>(m_buffer.size() - 1));
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
        // Terms other than on-demand ones are passed over unread.
        if (state() == State::Terms && m_key != "OnDemand")
            m_stream.skipObjectValue(m_name, path() + u'.' + QString::fromStdString(m_key));
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
    static constexpr bool kNeedFree = true;
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
