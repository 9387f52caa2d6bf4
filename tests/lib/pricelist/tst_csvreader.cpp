// The streaming RFC 4180 reader: quoting, line ends, records cut by chunk boundaries, errors.
#include "json/dataerror.h"
#include "pricelist/csvreader.h"

#include <QBuffer>
#include <QTest>

using namespace ace;
using namespace ace::pricelist;

using Records = QList<QStringList>;

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void readsRecords_data();
    void readsRecords();
    void skipsTheRestOfRecords_data() { readsRecords_data(); }
    void skipsTheRestOfRecords();
    void countsLines();
    void aCutLastRowIsSplitWhole();
    void malformedInputNamesTheLine_data();
    void malformedInputNamesTheLine();
    void aRecordLongerThanTheLimitIsRefused();

private:
    // Every record; with `fieldLimit`, each is read that far, then whole (readWhole).
    static Records readAll(const QByteArray& input, qsizetype chunkSize,
                           QList<qint64>* lines = nullptr, size_t fieldLimit = SIZE_MAX,
                           QList<bool>* complete = nullptr)
    {
        QBuffer buffer;
        buffer.setData(input);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(buffer, QStringLiteral("test.csv"), chunkSize);
        Records records;
        while (reader.next(fieldLimit)) {
            if (complete)
                complete->append(reader.complete());
            reader.readWhole();
            QStringList fields;
            for (const std::string_view field : reader.fields())
                fields.append(
                    QString::fromUtf8(field.data(), static_cast<qsizetype>(field.size())));
            records.append(fields);
            if (lines)
                lines->append(reader.line());
        }
        return records;
    }
};

void TestCsvReader::readsRecords_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Records>("expected");
    const auto r = [](std::initializer_list<const char*> fields) {
        QStringList list;
        for (const char* field : fields)
            list.append(QString::fromUtf8(field));
        return list;
    };
    QTest::newRow("AWS quoting: bare empty fields")
        << QByteArray("\"USD\",,\"3yr\"\n") << Records{r({"USD", "", "3yr"})};
    QTest::newRow("comma inside quotes")
        << QByteArray("\"Windows with SQL Server Web (Amazon VPC), c6i.large\",\"x\"\n")
        << Records{r({"Windows with SQL Server Web (Amazon VPC), c6i.large", "x"})};
    QTest::newRow("doubled quotes")
        << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"\n") << Records{r({"say \"hi\"", "\""})};
    QTest::newRow("line break inside quotes")
        << QByteArray("\"a\nb\",c\n") << Records{r({"a\nb", "c"})};
    QTest::newRow("CRLF and unquoted (Savings Plans, ligoj)")
        << QByteArray("FormatVersion,v1.0\r\nSKU,Rate\r\nA,0.5\r\n")
        << Records{r({"FormatVersion", "v1.0"}), r({"SKU", "Rate"}), r({"A", "0.5"})};
    QTest::newRow("no line end at the end")
        << QByteArray("a,b\nc,d") << Records{r({"a", "b"}), r({"c", "d"})};
    QTest::newRow("empty last field") << QByteArray("a,\n") << Records{r({"a", ""})};
    QTest::newRow("blank lines are no records")
        << QByteArray("a\n\n\nb\n\n") << Records{r({"a"}), r({"b"})};
    QTest::newRow("byte order mark")
        << QByteArray("\xEF\xBB\xBF\"a\",b\n") << Records{r({"a", "b"})};
    QTest::newRow("empty input") << QByteArray() << Records{};
}

void TestCsvReader::readsRecords()
{
    QFETCH(QByteArray, input);
    QFETCH(Records, expected);
    // Every chunk size, so that each record is cut at every place once.
    for (const qsizetype chunkSize : {1, 2, 3, 5, 64, 1 << 20})
        QCOMPARE(readAll(input, chunkSize), expected);
}

void TestCsvReader::skipsTheRestOfRecords()
{
    QFETCH(QByteArray, input);
    QFETCH(Records, expected);
    QList<qint64> lines;
    readAll(input, 1 << 20, &lines);
    for (const qsizetype chunkSize : {1, 2, 3, 5, 64, 1 << 20}) {
        QList<qint64> skippedLines;
        QCOMPARE(readAll(input, chunkSize, &skippedLines, 1), expected);
        QCOMPARE(skippedLines, lines);
    }
}

void TestCsvReader::aCutLastRowIsSplitWhole()
{
    // A skipped row is not split, except the last one without a line end: a cut-short file
    // shows in its number of fields.
    QList<bool> complete;
    const Records records = readAll("a,b,c\nd,e,f\ng,h", 4, nullptr, 1, &complete);
    QCOMPARE(complete, (QList<bool>{false, false, true}));
    QCOMPARE(records.constLast(), (QStringList{QStringLiteral("g"), QStringLiteral("h")}));
    // Quotes, doubled quotes and line breaks inside quotes in the skipped part.
    QList<qint64> lines;
    QCOMPARE(readAll("a,\"x\ny\",\"\"\"\"\nb,c\n", 2, &lines, 1),
             (Records{{QStringLiteral("a"), QStringLiteral("x\ny"), QStringLiteral("\"")},
                      {QStringLiteral("b"), QStringLiteral("c")}}));
    QCOMPARE(lines, (QList<qint64>{1, 3}));
}

void TestCsvReader::countsLines()
{
    QList<qint64> lines;
    readAll("a\n\"b\nc\"\r\nd\n", 2, &lines);
    QCOMPARE(lines, (QList<qint64>{1, 2, 4}));
}

void TestCsvReader::malformedInputNamesTheLine_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("quote not closed (cut short)")
        << QByteArray("a,b\n\"c,d\n")
        << QStringLiteral(
               "test.csv: line 2: a quoted field is not closed (is the file cut short?)");
    QTest::newRow("text after a closing quote")
        << QByteArray("a\n\"b\"x,c\n")
        << QStringLiteral("test.csv: line 2: text after the closing quote of field 1");
    // Both once read the fast skip past unwanted fields and the whole split apart (fuzzing).
    QTest::newRow("quote in an unquoted field")
        << QByteArray("a\nb,c\"d\ne\n")
        << QStringLiteral("test.csv: line 2: a quote inside field 2, which is not quoted (a "
                          "field with quotes is quoted whole, its quotes doubled)");
    QTest::newRow("carriage return alone")
        << QByteArray("a\nb,c\rd,e\n")
        << QStringLiteral("test.csv: line 2: a carriage return without a line feed after it "
                          "(line ends are \\n or \\r\\n)");
}

void TestCsvReader::malformedInputNamesTheLine()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    // Split whole, and skipped past after the first field, then split whole.
    for (const size_t fieldLimit : {SIZE_MAX, size_t(1)}) {
        for (const qsizetype chunkSize : {1, 3, 1 << 20}) {
            try {
                readAll(input, chunkSize, nullptr, fieldLimit);
                QFAIL("no error");
            } catch (const DataError& error) {
                QCOMPARE(error.toString(), expected);
            }
        }
    }
}

void TestCsvReader::aRecordLongerThanTheLimitIsRefused()
{
    // Issue 17 (streaming stays bounded): an unclosed quote made the buffer grow with the file.
    QByteArray input = "a,b\n1,\"";
    input.append(QByteArray(CsvReader::longestRecordBytes + (1 << 20), 'x'));
    try {
        readAll(input, 1 << 20);
        QFAIL("no error");
    } catch (const DataError& error) {
        QCOMPARE(error.toString(), QStringLiteral("test.csv: line 2: a record longer than 64 MiB "
                                                  "(an unclosed quote, or not a CSV file?)"));
    }
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
