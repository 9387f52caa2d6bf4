#pragma once

#include "net/pricelistdownload.h"
#include "pricelist/pricelistimport.h"

#include <QDialog>

#include <functional>
#include <memory>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QThread;

namespace ace::ui {

class ExplorerState;

// Imports AWS Price List files into a price book for one region: the files (given, or
// downloaded first from the Price List endpoint), the region (the workload's by default), then
// the download and the import in the background, with a progress bar and Cancel, while the
// window stays usable. The book is written atomically to the user's data
// folder (importedPriceBookPath), so a cancelled or failed import leaves what was there. A file
// the import refuses is named, with its line or JSON path, in one message box.
class PriceImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriceImportDialog)

public:
    // What reads the files (pricelist::importPriceList, or a test's wrapper of it). It runs on
    // the import's thread.
    using Importer = std::function<pricelist::ImportResult(
        const QStringList& files, const QString& region,
        const std::function<bool(const pricelist::ImportProgress&)>& progress)>;

    // Imports `files`. The region field starts with the workload's region.
    PriceImportDialog(const QStringList& files, const ExplorerState& state,
                      QWidget* parent = nullptr, Importer importer = pricelist::importPriceList);
    // Downloads the current files of the region typed, as `download` says otherwise (offers,
    // endpoint, cache), then imports them.
    PriceImportDialog(const net::PriceListDownloadRequest& download, const ExplorerState& state,
                      QWidget* parent = nullptr, Importer importer = pricelist::importPriceList);
    // Cancels a running import and waits for its thread.
    ~PriceImportDialog() override;

    QLineEdit* regionField() const { return m_region; }
    QPushButton* importButton() const { return m_importButton; }
    QProgressBar* progressBar() const { return m_progress; }
    // Why the region typed is refused (hidden while it is not).
    QLabel* regionProblem() const { return m_regionProblem; }
    // Downloading or importing.
    bool isImporting() const { return m_download || m_thread; }

    // Starts the download or the import (the Download or Import button); false, with the
    // reason at the region field, when the region is not one.
    bool startImport();
    // Cancel while downloading or importing: it stops, nothing is written, the dialog closes.
    void reject() override;

signals:
    // Each few MB read.
    void progressed(qint64 bytesRead, qint64 bytesTotal);
    // The price book for `region` was written to `path`; `missing` lists what the files did
    // not contain.
    void imported(const QString& region, const QString& path, const QStringList& missing);

private:
    struct Job;
    PriceImportDialog(const QStringList& files,
                      std::optional<net::PriceListDownloadRequest> download,
                      const ExplorerState& state, QWidget* parent, Importer importer);
    void startReading(const QString& region, const QStringList& files);
    void showProgress(qint64 bytesRead, qint64 bytesTotal, const QString& file);
    void showDownloadProgress(const net::DownloadProgress& progress);
    void finishDownload();
    void finishImport();
    // Back to the form after `error`, to try again.
    void showError(const QString& error);

    QStringList m_files;
    std::optional<net::PriceListDownloadRequest> m_downloadRequest;
    net::PriceListDownload* m_download = nullptr;
    Importer m_importer;
    QLineEdit* m_region;
    QLabel* m_regionProblem;
    QLabel* m_status;
    QProgressBar* m_progress;
    QDialogButtonBox* m_buttons;
    QPushButton* m_importButton;
    QThread* m_thread = nullptr;
    std::shared_ptr<Job> m_job;
};

} // namespace ace::ui
