// Importing AWS Price List files from the window: on a thread of its own with progress and
// Cancel, the window usable meanwhile; written atomically, or not at all when cancelled or
// refused; then the offer to switch to the new prices.
#include "catalog/catalog.h"
#include "dialoganswerer.h"
#include "net/pricelistdownload.h"
#include "pricelistserver.h"
#include "pricing/pricebook.h"
#include "pricing/pricebooks.h"
#include "state/explorerstate.h"
#include "ui/mainwindow.h"
#include "ui/priceimportdialog.h"
#include "ui/pricesmenu.h"
#include "ui/workloadeditor.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace ace;
using ui::MainWindow;
using ui::PriceImportDialog;

namespace {

QString priceList(const char* name)
{
    return QStringLiteral(ACE_SOURCE_DIR "/tests/data/price-list/") + QString::fromLatin1(name);
}

// Every offer a price book needs, for us-east-1.
QStringList usEast1Files()
{
    return {priceList("lambda-us-east-1.constructed.csv"), priceList("ec2-us-east-1.sample.json"),
            priceList("ecs-us-east-1.sample.json"), priceList("eks-us-east-1.constructed.json")};
}

const QString usEast1 = QStringLiteral("us-east-1");
const QString euWest1 = QStringLiteral("eu-west-1");

// AWS's endpoint on 127.0.0.1, serving the excerpts: EC2, Lambda and ECS for eu-west-1 and
// us-east-1, EKS for us-east-1 only.
class LocalEndpoint
{
public:
    static constexpr const char* euWest1Ec2File =
        "/offers/v1.0/aws/AmazonEC2/20250912225308/eu-west-1/index.csv";

    net::PriceListDownloadRequest request(const QStringList& offers) const
    {
        net::PriceListDownloadRequest request;
        request.offers = offers;
        request.endpoint = server.endpoint();
        request.cacheFolder = cache.path();
        request.moduleFolders = {QStringLiteral(ACE_DOWNLOAD_MODULE_DIR)};
        return request;
    }

    test::PriceListServer server;
    QTemporaryDir cache;
};

const QStringList computeOffers = {QStringLiteral("AmazonEC2"), QStringLiteral("AWSLambda"),
                                   QStringLiteral("AmazonECS"), QStringLiteral("AmazonEKS")};

// Answers each message box with `button` and keeps its text.
class MessageAnswerer
{
public:
    explicit MessageAnswerer(QMessageBox::StandardButton button)
        : m_answerer([this, button](QDialog* dialog, bool again) {
            auto* box = qobject_cast<QMessageBox*>(dialog);
            if (!box || again)
                return;
            texts.append(box->text());
            box->button(box->button(button) ? button : QMessageBox::Ok)->click();
        })
    {}
    QStringList texts;

private:
    test::DialogAnswerer m_answerer;
};

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestPriceImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void importWritesThePriceBookAndOffersToSwitch();
    void cancelWritesNothing_data();
    void cancelWritesNothing();
    void aRefusedFileIsNamedWithItsLine();
    void theRegionIsChecked_data();
    void theRegionIsChecked();
    void aDownloadIsImported();
    void aDownloadIsImportedAndWhatIsMissingSaid();
    void cancellingADownloadWritesNothing();
    void aDownloadWithoutTheModuleSaysWhy();

private:
    const Catalog m_catalog = Catalog::loadBuiltIn();
    const PriceBook m_prices = PriceBook::loadBuiltIn();
};

void TestPriceImportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("aws-compute-explorer-tests"));
}

void TestPriceImportDialog::init()
{
    QSettings().clear();
    QDir(importedPriceBookFolder()).removeRecursively();
}

void TestPriceImportDialog::importWritesThePriceBookAndOffersToSwitch()
{
    MainWindow window(m_catalog, m_prices);
    window.show();
    PriceImportDialog* dialog = window.pricesMenu()->openImport(usEast1Files());
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->regionField()->text(), usEast1);
    QSignalSpy progressed(dialog, &PriceImportDialog::progressed);
    QSignalSpy imported(window.pricesMenu(), &ui::PricesMenu::imported);
    MessageAnswerer answerer(QMessageBox::Yes);
    QVERIFY(dialog->startImport());
    QVERIFY(dialog->isImporting());
    QVERIFY(dialog->progressBar()->isVisible());
    QVERIFY(!dialog->importButton()->isEnabled());

    QTRY_COMPARE(imported.count(), 1);
    const QString path = importedPriceBookPath(usEast1);
    QCOMPARE(imported.constFirst().constFirst().toString(), path);
    // Progress came through as the files were read, over all of them.
    QVERIFY(!progressed.isEmpty());
    qint64 total = 0;
    for (const QString& file : usEast1Files())
        total += QFileInfo(file).size();
    QCOMPARE(progressed.constLast().at(1).toLongLong(), total);

    // The offer to switch names what the files lacked; yes switches at once.
    QTRY_COMPARE(answerer.texts.size(), 1);
    QVERIFY2(answerer.texts.constFirst().contains(QStringLiteral("API Gateway HTTP API requests")),
             qPrintable(answerer.texts.constFirst()));
    const PriceBook written = PriceBook::load(path);
    QCOMPARE(window.state().prices().sourceName(), path);
    QCOMPARE(window.state().prices().asOf(), written.asOf());
    QCOMPARE(window.state().prices().ec2().instanceTypes.size(),
             written.ec2().instanceTypes.size());
}

void TestPriceImportDialog::cancelWritesNothing_data()
{
    QTest::addColumn<bool>("replacing");
    QTest::newRow("a new region") << false;
    QTest::newRow("a region imported before") << true;
}

void TestPriceImportDialog::cancelWritesNothing()
{
    QFETCH(bool, replacing);
    const QString path = importedPriceBookPath(usEast1);
    const QByteArray before = "{\"an earlier import\": true}";
    if (replacing) {
        QVERIFY(QDir().mkpath(importedPriceBookFolder()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(before);
    }

    // The import stops at its first progress call until the test has pressed Cancel.
    QSemaphore cancelPressed;
    std::atomic<int> calls{0};
    const auto importer =
        [&](const QStringList& files, const QString& region,
            const std::function<bool(const pricelist::ImportProgress&)>& progress) {
            return pricelist::importPriceList(files, region,
                                              [&](const pricelist::ImportProgress& read) {
                                                  if (++calls == 1) {
                                                      progress(read);
                                                      cancelPressed.acquire();
                                                  }
                                                  return progress(read);
                                              });
        };
    MainWindow window(m_catalog, m_prices);
    window.show();
    auto* dialog = new PriceImportDialog(usEast1Files(), window.state(), &window, importer);
    dialog->show();
    QSignalSpy progressed(dialog, &PriceImportDialog::progressed);
    QSignalSpy finished(dialog, &QDialog::finished);
    QVERIFY(dialog->startImport());
    QVERIFY(progressed.wait());

    // Meanwhile the window is not blocked: no modal dialog, and the workload can be edited.
    QVERIFY(!QApplication::activeModalWidget());
    QLineEdit* requests = window.workloadEditor()->requestsField();
    requests->setText(QStringLiteral("7M"));
    emit requests->editingFinished();
    QCOMPARE(window.state().workload().requestsPerMonth, 7e6);

    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel),
                      Qt::LeftButton);
    cancelPressed.release();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().constFirst().toInt(), int(QDialog::Rejected));
    QVERIFY(!dialog->isImporting());
    QCOMPARE(QFile::exists(path), replacing);
    if (replacing)
        QCOMPARE(contents(path), before);
    // Only the temporary file of an atomic write could have been left: there is none.
    QCOMPARE(QDir(importedPriceBookFolder()).entryList(QDir::Files).size(), replacing ? 1 : 0);
    delete dialog;
}

void TestPriceImportDialog::aRefusedFileIsNamedWithItsLine()
{
    // The Lambda file cut short in the middle of a row.
    QTemporaryDir dir;
    const QString cut = dir.filePath(QStringLiteral("lambda-cut.csv"));
    QByteArray whole = contents(priceList("lambda-us-east-1.constructed.csv"));
    QVERIFY(whole.size() > 1000);
    {
        QFile file(cut);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(whole.left(whole.size() - 60));
    }
    QStringList files = usEast1Files();
    files.replace(0, cut);

    MainWindow window(m_catalog, m_prices);
    window.show();
    PriceImportDialog* dialog = window.pricesMenu()->openImport(files);
    MessageAnswerer answerer(QMessageBox::Ok);
    QVERIFY(dialog->startImport());
    QTRY_COMPARE(answerer.texts.size(), 1);
    QVERIFY2(answerer.texts.constFirst().startsWith(cut + QStringLiteral(": line ")),
             qPrintable(answerer.texts.constFirst()));
    QVERIFY(!QFile::exists(importedPriceBookPath(usEast1)));
    // Back to the form, to try again.
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isImporting());
    QVERIFY(dialog->importButton()->isEnabled());
    QCOMPARE(window.state().prices().sourceName(), m_prices.sourceName());
}

void TestPriceImportDialog::theRegionIsChecked_data()
{
    QTest::addColumn<QString>("region");
    QTest::newRow("empty") << QString();
    QTest::newRow("a name") << QStringLiteral("Frankfurt");
    QTest::newRow("upper case") << QStringLiteral("EU-WEST-1");
    QTest::newRow("a path") << QStringLiteral("../eu-west-1");
}

void TestPriceImportDialog::theRegionIsChecked()
{
    QFETCH(QString, region);
    ui::ExplorerState state(m_catalog, m_prices);
    PriceImportDialog dialog(usEast1Files(), state);
    dialog.show();
    dialog.regionField()->setText(region);
    QVERIFY(!dialog.startImport());
    QVERIFY(!dialog.isImporting());
    QVERIFY(dialog.regionProblem()->isVisible());
    QCOMPARE(dialog.regionProblem()->text(),
             QStringLiteral("Region: \"%1\" is not a region name such as eu-west-1 or "
                            "ap-southeast-2")
                 .arg(region));
    // Corrected, Enter starts it.
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    dialog.regionField()->setText(usEast1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(dialog.isImporting());
    QVERIFY(dialog.regionProblem()->isHidden());
    QTRY_VERIFY(!dialog.isImporting());
}

void TestPriceImportDialog::aDownloadIsImportedAndWhatIsMissingSaid()
{
    LocalEndpoint endpoint;
    MainWindow window(m_catalog, m_prices);
    window.show();
    PriceImportDialog dialog(endpoint.request(computeOffers), window.state(), &window);
    dialog.show();
    dialog.regionField()->setText(euWest1);
    MessageAnswerer answerer(QMessageBox::Ok);
    QVERIFY(dialog.startImport());
    QVERIFY(dialog.isImporting());
    // Downloaded, then read: the files have no EKS prices for eu-west-1, which every price book
    // needs, and the import says so.
    QTRY_COMPARE(answerer.texts.size(), 1);
    QCOMPARE(endpoint.server.requestCount(QString::fromLatin1(LocalEndpoint::euWest1Ec2File)), 1);
    QVERIFY2(answerer.texts.constFirst().contains(QStringLiteral("EKS")),
             qPrintable(answerer.texts.constFirst()));
    QVERIFY(!dialog.isImporting());
    QVERIFY(dialog.isVisible());
    QVERIFY(!QFile::exists(importedPriceBookPath(euWest1)));
}

void TestPriceImportDialog::aDownloadIsImported()
{
    LocalEndpoint endpoint;
    MainWindow window(m_catalog, m_prices);
    window.show();
    PriceImportDialog dialog(endpoint.request(computeOffers), window.state(), &window);
    QSignalSpy imported(&dialog, &PriceImportDialog::imported);
    dialog.show();
    QCOMPARE(dialog.regionField()->text(), usEast1);
    QVERIFY(dialog.startImport());
    QTRY_COMPARE(imported.count(), 1);
    QCOMPARE(imported.constFirst().at(1).toString(), importedPriceBookPath(usEast1));
    const PriceBook written = PriceBook::load(importedPriceBookPath(usEast1));
    QCOMPARE(written.region(), usEast1);
    // Each offer was downloaded once, from the endpoint.
    QCOMPARE(endpoint.server.requestCount(
                 QStringLiteral("/offers/v1.0/aws/AmazonEKS/20261121000000/us-east-1/index.csv")),
             1);
}

void TestPriceImportDialog::cancellingADownloadWritesNothing()
{
    LocalEndpoint endpoint;
    endpoint.server.setFault(QString::fromLatin1(LocalEndpoint::euWest1Ec2File),
                             test::PriceListServer::Fault::Stall);
    MainWindow window(m_catalog, m_prices);
    window.show();
    auto* dialog = new PriceImportDialog(endpoint.request(computeOffers), window.state(), &window);
    dialog->show();
    dialog->regionField()->setText(euWest1);
    QSignalSpy finished(dialog, &QDialog::finished);
    QVERIFY(dialog->startImport());
    // Half the EC2 file has come, then nothing more; the window is not blocked meanwhile.
    QTRY_VERIFY(dialog->progressBar()->value() > 0);
    QVERIFY(!QApplication::activeModalWidget());
    dialog->reject();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().constFirst().toInt(), int(QDialog::Rejected));
    QVERIFY(!dialog->isImporting());
    QVERIFY(!QFile::exists(importedPriceBookPath(euWest1)));
    QVERIFY(QDir(endpoint.cache.path() + QStringLiteral("/AmazonEC2/eu-west-1"))
                .entryList(QDir::Files | QDir::Hidden)
                .isEmpty());
    delete dialog;
}

void TestPriceImportDialog::aDownloadWithoutTheModuleSaysWhy()
{
    LocalEndpoint endpoint;
    QTemporaryDir noModule;
    net::PriceListDownloadRequest request = endpoint.request(computeOffers);
    request.moduleFolders = {noModule.path()};
    MainWindow window(m_catalog, m_prices);
    window.show();
    PriceImportDialog dialog(request, window.state(), &window);
    dialog.show();
    MessageAnswerer answerer(QMessageBox::Ok);

    dialog.startImport();

    // Said at once, and back to the form to try again.
    QTRY_COMPARE(answerer.texts.size(), 1);
    QVERIFY2(answerer.texts.constFirst().startsWith(
                 QStringLiteral("the download module libace_download.so could not be loaded: "
                                "it is in none of %1")
                     .arg(noModule.path())),
             qPrintable(answerer.texts.constFirst()));
    QVERIFY(!dialog.isImporting());
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.regionField()->isEnabled());
    QCOMPARE(endpoint.server.requests(), QList<QString>());
}

QTEST_MAIN(TestPriceImportDialog)
#include "tst_priceimportdialog.moc"
