#include "ui/priceimportdialog.h"

#include "json/dataerror.h"
#include "pricing/pricebooks.h"
#include "state/explorerstate.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <atomic>

namespace ace::ui {

namespace {

// The progress bar's steps: bytes do not fit an int.
constexpr int progressSteps = 1000;

bool isRegionName(const QString& text)
{
    // "eu-west-1", "us-gov-west-1", "cn-northwest-1".
    static const QRegularExpression region(QStringLiteral("^[a-z]{2}(-[a-z]+)+-[0-9]+$"));
    return region.match(text).hasMatch();
}

} // namespace

// What the import thread and the dialog share. The thread writes the outcome before it
// finishes; the dialog reads it after QThread::finished.
struct PriceImportDialog::Job
{
    std::atomic<bool> cancelled{false};
    QString path;
    QString error;
    pricelist::ImportResult result;
    bool written = false;
};

PriceImportDialog::PriceImportDialog(const QStringList& files, const ExplorerState& state,
                                     QWidget* parent, Importer importer)
    : PriceImportDialog(files, std::nullopt, state, parent, std::move(importer))
{}

PriceImportDialog::PriceImportDialog(const net::PriceListDownloadRequest& download,
                                     const ExplorerState& state, QWidget* parent, Importer importer)
    : PriceImportDialog({}, download, state, parent, std::move(importer))
{}

PriceImportDialog::PriceImportDialog(const QStringList& files,
                                     std::optional<net::PriceListDownloadRequest> download,
                                     const ExplorerState& state, QWidget* parent, Importer importer)
    : QDialog(parent)
    , m_files(files)
    , m_downloadRequest(std::move(download))
    , m_importer(std::move(importer))
    , m_region(new QLineEdit(state.workload().region))
    , m_regionProblem(new QLabel)
    , m_status(new QLabel)
    , m_progress(new QProgressBar)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel))
    , m_importButton(m_buttons->addButton(m_downloadRequest ? tr("&Download") : tr("&Import"),
                                          QDialogButtonBox::AcceptRole))
{
    setWindowTitle(m_downloadRequest ? tr("Download Prices for a Region")
                                     : tr("Import Price List Files"));
    setObjectName(QStringLiteral("priceImportDialog"));

    QStringList names;
    for (const QString& file : files)
        names.append(QFileInfo(file).fileName().toHtmlEscaped());
    auto* fileList =
        new QLabel(m_downloadRequest
                       ? tr("The region's current Price List files (%1), from %2, kept in %3 and "
                            "downloaded again only when AWS publishes a new version")
                             .arg(m_downloadRequest->offers.join(QStringLiteral(", ")),
                                  m_downloadRequest->endpoint.toDisplayString(),
                                  QDir::toNativeSeparators(m_downloadRequest->cacheFolder))
                             .toHtmlEscaped()
                       : names.join(QStringLiteral("<br>")));
    fileList->setTextFormat(Qt::RichText);
    fileList->setWordWrap(true);
    fileList->setToolTip(files.join(u'\n'));

    m_region->setToolTip(tr("The AWS region the files' prices are for, e.g. eu-west-1"));
    m_regionProblem->setWordWrap(true);
    QPalette problemPalette = m_regionProblem->palette();
    problemPalette.setColor(QPalette::WindowText, state.theme().error());
    m_regionProblem->setPalette(problemPalette);
    m_regionProblem->hide();
    m_status->setWordWrap(true);
    m_status->setText(
        tr("Writes the price book for the region into %1, where the Prices menu finds it.")
            .arg(QDir::toNativeSeparators(importedPriceBookFolder())));
    m_progress->setRange(0, progressSteps);
    m_progress->setValue(0);
    m_progress->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("Files:"), fileList);
    form->addRow(tr("&Region:"), m_region);
    form->addRow(m_regionProblem);

    connect(m_importButton, &QPushButton::clicked, this, &PriceImportDialog::startImport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PriceImportDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addStretch();
    layout->addWidget(m_buttons);
    resize(sizeHint().expandedTo(QSize(480, 0)));
    // Enter imports: the focus starts in the region field, and Import is the default button
    // (which a button becomes only once it is inside the dialog).
    m_region->setFocus();
    m_importButton->setDefault(true);
}

PriceImportDialog::~PriceImportDialog()
{
    if (m_download)
        m_download->disconnect(this);
    if (m_thread) {
        m_job->cancelled = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool PriceImportDialog::startImport()
{
    const QString region = m_region->text().trimmed();
    if (!isRegionName(region)) {
        m_regionProblem->setText(
            tr("Region: \"%1\" is not a region name such as eu-west-1 or ap-southeast-2")
                .arg(region));
        m_regionProblem->show();
        m_region->setFocus();
        return false;
    }
    m_regionProblem->hide();
    m_region->setEnabled(false);
    importButton()->setEnabled(false);
    m_progress->setValue(0);
    m_progress->show();
    if (!m_downloadRequest) {
        startReading(region, m_files);
        return true;
    }
    net::PriceListDownloadRequest request = *m_downloadRequest;
    request.region = region;
    m_status->setText(
        tr("Asking %1 for the files of %2…").arg(request.endpoint.toDisplayString(), region));
    m_download = new net::PriceListDownload(request, this);
    connect(m_download, &net::PriceListDownload::progress, this,
            &PriceImportDialog::showDownloadProgress);
    connect(m_download, &net::PriceListDownload::finished, this,
            &PriceImportDialog::finishDownload);
    m_download->start();
    return true;
}

void PriceImportDialog::showDownloadProgress(const net::DownloadProgress& progress)
{
    // Each file its share of the bar, filled as its bytes arrive (when the server says how
    // many there are).
    const double ofFile = progress.complete || progress.fromCache ? 1.0
                          : progress.bytesTotal > 0
                              ? double(progress.bytesReceived) / double(progress.bytesTotal)
                              : 0.0;
    m_progress->setValue(
        int((progress.fileNumber - 1 + ofFile) / std::max(progress.fileCount, 1) * progressSteps));
    const QString file =
        tr("%1 (%2 of %3)").arg(progress.offer).arg(progress.fileNumber).arg(progress.fileCount);
    m_status->setText(progress.fromCache
                          ? tr("%1: unchanged, reused from the cache").arg(file)
                          : tr("Downloading %1: %2")
                                .arg(file, QLocale().formattedDataSize(progress.bytesReceived, 1,
                                                                       QLocale::DataSizeSIFormat)));
}

void PriceImportDialog::finishDownload()
{
    // Deleted later: this runs in its finished() signal.
    net::PriceListDownload* download = std::exchange(m_download, nullptr);
    download->deleteLater();
    switch (download->failure()) {
    case net::DownloadFailure::None:
        m_progress->setValue(0);
        startReading(m_region->text().trimmed(), download->filePaths());
        return;
    case net::DownloadFailure::Cancelled:
        QDialog::reject();
        return;
    case net::DownloadFailure::Failed:
    case net::DownloadFailure::NotInPriceList:
        break;
    }
    showError(download->errorString());
}

void PriceImportDialog::startReading(const QString& region, const QStringList& files)
{
    m_status->setText(tr("Reading…"));
    m_job = std::make_shared<Job>();
    m_job->path = importedPriceBookPath(region);
    const std::shared_ptr<Job> job = m_job;
    m_thread = QThread::create([this, job, files, importer = m_importer, region] {
        try {
            job->result =
                importer(files, region, [this, job](const pricelist::ImportProgress& progress) {
                    QMetaObject::invokeMethod(
                        this,
                        [this, progress] {
                            showProgress(progress.bytesRead, progress.bytesTotal, progress.file);
                        },
                        Qt::QueuedConnection);
                    return !job->cancelled;
                });
            // A cancel that came as the last file ended still writes nothing.
            if (job->cancelled)
                return;
            if (const std::optional<QString> error =
                    pricelist::writePriceBook(job->result.priceBook, job->path))
                job->error = *error;
            else
                job->written = true;
        } catch (const pricelist::ImportCancelled&) {
        } catch (const DataError& error) {
            job->error = error.toString();
        }
    });
    connect(m_thread, &QThread::finished, this, &PriceImportDialog::finishImport);
    m_thread->start();
}

void PriceImportDialog::showProgress(qint64 bytesRead, qint64 bytesTotal, const QString& file)
{
    if (bytesTotal > 0)
        m_progress->setValue(int(bytesRead * progressSteps / bytesTotal));
    if (m_job && !m_job->cancelled)
        m_status->setText(tr("Reading %1…").arg(QFileInfo(file).fileName()));
    emit progressed(bytesRead, bytesTotal);
}

void PriceImportDialog::reject()
{
    if (!isImporting()) {
        QDialog::reject();
        return;
    }
    m_status->setText(tr("Cancelling…"));
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false);
    // The download ends at once, the thread at its next progress call; finishDownload() or
    // finishImport() closes the dialog.
    if (m_download)
        m_download->cancel();
    else
        m_job->cancelled = true;
}

void PriceImportDialog::finishImport()
{
    m_thread->deleteLater();
    m_thread = nullptr;
    const std::shared_ptr<Job> job = std::exchange(m_job, nullptr);
    if (job->written) {
        m_progress->setValue(progressSteps);
        emit imported(m_region->text().trimmed(), job->path, job->result.missing);
        accept();
        return;
    }
    if (job->cancelled) {
        QDialog::reject();
        return;
    }
    showError(job->error);
}

void PriceImportDialog::showError(const QString& error)
{
    // Back to the form, to try again with another region or other files.
    m_region->setEnabled(true);
    importButton()->setEnabled(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(true);
    m_progress->hide();
    m_status->setText(tr("Nothing was written."));
    m_region->setFocus();
    QMessageBox::critical(this,
                          m_downloadRequest ? tr("Cannot download the prices")
                                            : tr("Cannot import the Price List files"),
                          error);
}

} // namespace ace::ui
