// The progress line of slow commands: rewritten in place on a terminal, outcomes only elsewhere.
#include "cli/progressline.h"

#include <QTest>
#include <QTextStream>

using ace::cli::ProgressLine;

class TestProgressLine : public QObject
{
    Q_OBJECT

private slots:
    void onATerminalTheLineIsRewrittenAndErased();
    void elsewhereOnlyOutcomesAreWritten();
    void aLineWiderThanTheTerminalIsCut();
    void closeKeepsTheLastProgress();
    void sizesAreInSiUnits();
};

void TestProgressLine::onATerminalTheLineIsRewrittenAndErased()
{
    QString written;
    QTextStream err(&written);
    ProgressLine line(err, true);
    line.update(QStringLiteral("reading 1 MB"));
    QCOMPARE(written, QStringLiteral("\r\x1b[Kreading 1 MB"));
    line.finish(QStringLiteral("done"));
    QCOMPARE(written, QStringLiteral("\r\x1b[Kreading 1 MB\r\x1b[Kdone\n"));
    written.clear();
    line.clear(); // nothing open: nothing to erase
    QCOMPARE(written, QString());
}

void TestProgressLine::elsewhereOnlyOutcomesAreWritten()
{
    QString written;
    QTextStream err(&written);
    ProgressLine line(err, false);
    line.update(QStringLiteral("reading 1 MB"));
    line.clear();
    line.close();
    QCOMPARE(written, QString());
    line.finish(QStringLiteral("done"));
    QCOMPARE(written, QStringLiteral("done\n"));
}

void TestProgressLine::aLineWiderThanTheTerminalIsCut()
{
    qputenv("COLUMNS", "40");
    QString written;
    QTextStream err(&written);
    ProgressLine line(err, true);
    line.update(QString(60, u'x'));
    qunsetenv("COLUMNS");
    QCOMPARE(written, QStringLiteral("\r\x1b[K") + QString(38, u'x') + u'…');
}

void TestProgressLine::closeKeepsTheLastProgress()
{
    QString written;
    QTextStream err(&written);
    ProgressLine line(err, true);
    line.update(QStringLiteral("50%"));
    line.close();
    QCOMPARE(written, QStringLiteral("\r\x1b[K50%\n"));
    line.close();
    QCOMPARE(written, QStringLiteral("\r\x1b[K50%\n"));
}

void TestProgressLine::sizesAreInSiUnits()
{
    QCOMPARE(ace::cli::dataSizeText(999), QStringLiteral("999 bytes"));
    QCOMPARE(ace::cli::dataSizeText(1'800), QStringLiteral("1.8 kB"));
    QCOMPARE(ace::cli::dataSizeText(1'091'468'961), QStringLiteral("1.1 GB"));
}

QTEST_GUILESS_MAIN(TestProgressLine)
#include "tst_progressline.moc"
