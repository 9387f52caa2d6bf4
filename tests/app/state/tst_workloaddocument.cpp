// Workload files as documents: open, save, save as, round trips, unsaved-change tracking,
// recent files, and every bad file leaving the open workload as it was.
#include "catalog/catalog.h"
#include "jsonfixtures.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"
#include "state/workloaddocument.h"
#include "state/workloadedit.h"
#include "ui/mainwindow.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ace;
using ui::WorkloadDocument;

class TestWorkloadDocument : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void startsUntitledAndUnmodified();
    void editsMarkTheDocumentModifiedUntilSaved();
    void aValueChangedBackIsNoChange();
    void saveAndOpenRoundTrip();
    void badFilesKeepTheOpenWorkload_data();
    void badFilesKeepTheOpenWorkload();
    void failedSaveKeepsTheOldFileAndTheModifiedMark();
    void recentFilesAreRememberedMostRecentFirst();
    void windowTitleShowsFileAndModifiedMark();
    void windowReopensTheLastWorkload();

private:
    QString write(const QString& name, const QByteArray& contents);
    void editRequests(double requests);

    const Catalog m_catalog = Catalog::loadBuiltIn();
    const PriceBook m_prices = PriceBook::loadBuiltIn();
    QTemporaryDir m_dir;
    std::unique_ptr<ui::ExplorerState> m_state;
    std::unique_ptr<WorkloadDocument> m_document;
};

void TestWorkloadDocument::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("aws-compute-explorer-tests"));
}

void TestWorkloadDocument::init()
{
    QSettings().clear();
    m_document.reset();
    m_state = std::make_unique<ui::ExplorerState>(m_catalog, m_prices);
    m_document = std::make_unique<WorkloadDocument>(*m_state);
}

QString TestWorkloadDocument::write(const QString& name, const QByteArray& contents)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(contents);
    return path;
}

void TestWorkloadDocument::editRequests(double requests)
{
    Workload next = m_state->workload();
    next.requestsPerMonth = requests;
    m_document->undoStack().push(
        new ui::WorkloadEdit(*m_state, m_state->workload(), next, QStringLiteral("edit")));
}

void TestWorkloadDocument::startsUntitledAndUnmodified()
{
    QVERIFY(m_document->filePath().isEmpty());
    QCOMPARE(m_document->displayName(), QStringLiteral("Untitled"));
    QVERIFY(!m_document->isModified());
    QCOMPARE(m_state->workload(), Workload());
}

void TestWorkloadDocument::editsMarkTheDocumentModifiedUntilSaved()
{
    QSignalSpy modified(m_document.get(), &WorkloadDocument::modifiedChanged);
    editRequests(5e6);
    QVERIFY(m_document->isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(m_document->saveAs(m_dir.filePath(QStringLiteral("a.json"))), QString());
    QVERIFY(!m_document->isModified());
    QCOMPARE(modified.count(), 2);
    // Undoing past the save point is a change again.
    m_document->undoStack().undo();
    QVERIFY(m_document->isModified());
}

void TestWorkloadDocument::aValueChangedBackIsNoChange()
{
    QSignalSpy modified(m_document.get(), &WorkloadDocument::modifiedChanged);
    const double saved = m_state->workload().requestsPerMonth;
    editRequests(7e6);
    QVERIFY(m_document->isModified());
    editRequests(saved);
    QVERIFY(!m_document->isModified());
    QCOMPARE(modified.count(), 2);
    QCOMPARE(modified.at(1).at(0).toBool(), false);
    // Undo and redo pass through the same states.
    m_document->undoStack().undo();
    QVERIFY(m_document->isModified());
    m_document->undoStack().undo();
    QVERIFY(!m_document->isModified());
}

void TestWorkloadDocument::saveAndOpenRoundTrip()
{
    editRequests(12345678);
    const QString path = m_dir.filePath(QStringLiteral("round-trip.json"));
    QCOMPARE(m_document->saveAs(path), QString());
    QCOMPARE(m_document->filePath(), path);
    const Workload saved = m_state->workload();

    m_document->newWorkload();
    QCOMPARE(m_state->workload(), Workload());
    QVERIFY(m_document->filePath().isEmpty());

    // With another region's prices in use, a new workload is for that region.
    PriceBook elsewhere = m_state->prices();
    QJsonObject book = test::resourceJson(QStringLiteral("prices/us-east-1.json"));
    test::setJsonAt(book, QStringLiteral("region"), QStringLiteral("eu-west-1"));
    m_state->setPrices(PriceBook::load(
        test::writeJsonFile(m_dir.filePath(QStringLiteral("eu-west-1.json")), book)));
    m_document->newWorkload();
    QCOMPARE(m_state->workload().region, QStringLiteral("eu-west-1"));
    m_state->setPrices(elsewhere);
    m_document->newWorkload();

    QCOMPARE(m_document->open(path), QString());
    QCOMPARE(m_state->workload(), saved);
    QCOMPARE(m_document->displayName(), QStringLiteral("round-trip.json"));
    QVERIFY(!m_document->isModified());
    QCOMPARE(m_document->undoStack().count(), 0);
}

void TestWorkloadDocument::badFilesKeepTheOpenWorkload_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("error");
    QTest::newRow("malformed") << QByteArray("{ \"format\": ") << "malformed JSON";
    QTest::newRow("newer version")
        << QByteArray("{\"format\": \"aws-compute-explorer/workload\", \"version\": 3}")
        << "bad.json: version: version 3 was written by a newer program";
    QTest::newRow("bad field") << QByteArray("{\"format\": \"aws-compute-explorer/workload\", "
                                             "\"version\": 1, \"function\": {\"memoryMb\": 5}}")
                               << "bad.json: function.memoryMb: ";
    QTest::newRow("typo") << QByteArray("{\"format\": \"aws-compute-explorer/workload\", "
                                        "\"version\": 1, \"requestPerMonth\": 5}")
                          << "bad.json: requestPerMonth: unknown key";
}

void TestWorkloadDocument::badFilesKeepTheOpenWorkload()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, error);
    editRequests(4242);
    const Workload before = m_state->workload();
    const QString path = write(QStringLiteral("bad.json"), contents);
    const QString message = m_document->open(path);
    QVERIFY2(message.contains(error), qPrintable(message));
    QCOMPARE(m_state->workload(), before);
    QVERIFY(m_document->filePath().isEmpty());
    QVERIFY(m_document->isModified());
    QCOMPARE(m_document->open(m_dir.filePath(QStringLiteral("missing.json")))
                 .contains(QStringLiteral("cannot read")),
             true);
    QCOMPARE(m_state->workload(), before);
}

void TestWorkloadDocument::failedSaveKeepsTheOldFileAndTheModifiedMark()
{
    // A path under a regular file cannot be created, even by root.
    const QString blocker = write(QStringLiteral("blocker"), "x");
    editRequests(99);
    const QString error = m_document->saveAs(blocker + QStringLiteral("/w.json"));
    QVERIFY2(error.contains(QStringLiteral("cannot write")), qPrintable(error));
    QVERIFY(m_document->isModified());
    QVERIFY(m_document->filePath().isEmpty());

    const QString existing = write(QStringLiteral("existing.json"), "original");
    // A folder of that name where the temporary file would go is not needed: saving over a
    // folder fails the same way and must leave the folder's neighbour untouched.
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder.json")));
    QVERIFY(!m_document->saveAs(m_dir.filePath(QStringLiteral("folder.json"))).isEmpty());
    QFile file(existing);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("original"));
}

void TestWorkloadDocument::recentFilesAreRememberedMostRecentFirst()
{
    QSignalSpy changed(m_document.get(), &WorkloadDocument::recentFilesChanged);
    const QString first = m_dir.filePath(QStringLiteral("first.json"));
    const QString second = m_dir.filePath(QStringLiteral("second.json"));
    QCOMPARE(m_document->saveAs(first), QString());
    QCOMPARE(m_document->saveAs(second), QString());
    QCOMPARE(m_document->open(first), QString());
    QCOMPARE(m_document->recentFiles(), (QStringList{first, second}));
    QCOMPARE(changed.count(), 3);
    QFile::remove(second);
    QCOMPARE(m_document->recentFiles(), QStringList{first});
}

void TestWorkloadDocument::windowTitleShowsFileAndModifiedMark()
{
    ui::MainWindow window(m_catalog, m_prices);
    QCOMPARE(window.windowTitle(),
             QStringLiteral("Untitled[*] — Resize an image when it is uploaded — AWS Compute "
                            "Explorer"));
    QVERIFY(!window.isWindowModified());
    window.document().undoStack().push(new ui::WorkloadEdit(
        window.state(), window.state().workload(), Workload{}, QStringLiteral("noop")));
    Workload renamed = window.state().workload();
    renamed.name = QStringLiteral("Thumbnails");
    window.document().undoStack().push(new ui::WorkloadEdit(
        window.state(), window.state().workload(), renamed, QStringLiteral("rename")));
    QVERIFY(window.isWindowModified());
    QVERIFY(window.windowTitle().contains(QStringLiteral("Thumbnails")));
    const QString path = m_dir.filePath(QStringLiteral("thumbs.json"));
    QCOMPARE(window.document().saveAs(path), QString());
    QVERIFY(!window.isWindowModified());
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("thumbs.json[*]")));
}

void TestWorkloadDocument::windowReopensTheLastWorkload()
{
    const QString path = m_dir.filePath(QStringLiteral("last.json"));
    {
        ui::MainWindow window(m_catalog, m_prices);
        window.restoreSettings();
        Workload edited = window.state().workload();
        edited.requestsPerMonth = 777;
        window.document().undoStack().push(new ui::WorkloadEdit(
            window.state(), window.state().workload(), edited, QStringLiteral("edit")));
        QCOMPARE(window.document().saveAs(path), QString());
        window.close();
    }
    {
        ui::MainWindow window(m_catalog, m_prices);
        window.restoreSettings();
        QCOMPARE(window.document().filePath(), path);
        QCOMPARE(window.state().workload().requestsPerMonth, 777.0);
        window.close();
    }
    // A last workload that vanished: defaults, no error.
    QFile::remove(path);
    ui::MainWindow window(m_catalog, m_prices);
    window.restoreSettings();
    QVERIFY(window.document().filePath().isEmpty());
    QCOMPARE(window.state().workload(), Workload());
}

QTEST_MAIN(TestWorkloadDocument)
#include "tst_workloaddocument.moc"
