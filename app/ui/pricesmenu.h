#pragma once

#include "pricing/pricebooks.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QLabel;
class QMenu;
class QSettings;
class QUndoStack;
class QWidget;

namespace ace::ui {

class ExplorerState;
class PriceImportDialog;

// The window's Prices menu: every price book the program can switch to (built in and
// imported, with region and date; damaged files listed with their error, never hidden), and
// the download and import of AWS Price List files. Switching re-prices everything at once and moves
// the workload to the book's region, as one undoable step. Also the status-bar warning shown while
// the workload's region is not the prices' region.
class PricesMenu final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PricesMenu)

public:
    PricesMenu(ExplorerState& state, QUndoStack& undoStack, QWidget* window);

    QMenu* menu() const { return m_menu; }
    QAction* importAction() const { return m_importAction; }
    QAction* downloadAction() const { return m_downloadAction; }
    // Shown in the status bar while the workload's region and the prices' region differ.
    QLabel* regionWarning() const { return m_regionWarning; }

    // Switches to `book`: its prices, and the workload's region with them, in one undo step
    // ("Switch prices to eu-west-1"; undo brings back both). Returns the error of a book that
    // does not load (naming the file), else an empty string.
    QString switchTo(const AvailablePriceBook& book);

    // Switches to the remembered price book, without an undo step (a start is no edit). A
    // remembered book that is gone or damaged leaves the built-in one, and the returned message
    // says so; empty when there is nothing to say. A window started with other prices than the
    // built-in ones (--prices, --region) keeps them.
    QString restore(const QSettings& settings);
    void save(QSettings& settings) const;

    // Opens the import of `files` (the import dialog, not modal), or raises the import already
    // open. After a successful import, offers to switch to the new prices.
    PriceImportDialog* openImport(const QStringList& files);
    // Opens the download of a region's current Price List files and their import, the same way.
    PriceImportDialog* openDownload();

signals:
    // A price book was imported into the user's data folder.
    void imported(const QString& path);

private:
    void fill();
    // Asks for the files, then opens their import.
    void importFiles();
    // Shows the import dialog `make` makes, unless one is open already (one import at a time).
    PriceImportDialog* showImportDialog(const std::function<PriceImportDialog*()>& make);
    void offerImported(const QString& region, const QString& path, const QStringList& missing);
    void updateRegionWarning();
    // The available book the state prices with, or nullptr (a file given on the command line).
    const AvailablePriceBook* current(const QList<AvailablePriceBook>& books) const;

    ExplorerState& m_state;
    QUndoStack& m_undoStack;
    QWidget* m_window;
    QMenu* m_menu;
    QAction* m_importAction;
    QAction* m_downloadAction;
    QLabel* m_regionWarning;
    QPointer<PriceImportDialog> m_importDialog;
    // The regions the warning was made for: the available books are read only when they change.
    QString m_warnedWorkloadRegion;
    QString m_warnedPricesRegion;
};

} // namespace ace::ui
