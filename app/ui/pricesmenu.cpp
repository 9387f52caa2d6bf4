#include "ui/pricesmenu.h"

#include "json/dataerror.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"
#include "ui/priceimportdialog.h"

#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>

namespace ace::ui {

namespace {

const QString priceBookKey = QStringLiteral("prices/book");
const QString importFolderKey = QStringLiteral("prices/importFolder");

// One undo step for a switch of price book: the prices and the workload's region together,
// so that undo can never leave a workload priced with another region's rates unasked.
class PriceBookSwitch final : public QUndoCommand
{
public:
    PriceBookSwitch(ExplorerState& state, PriceBook after, const QString& text)
        : QUndoCommand(text)
        , m_state(state)
        , m_beforePrices(state.prices())
        , m_afterPrices(std::move(after))
        , m_beforeWorkload(state.workload())
        , m_afterWorkload(state.workload())
    {
        m_afterWorkload.region = m_afterPrices.region();
    }

    void undo() override { apply(m_beforePrices, m_beforeWorkload); }
    void redo() override { apply(m_afterPrices, m_afterWorkload); }

private:
    void apply(const PriceBook& prices, const Workload& workload)
    {
        m_state.setPricesAndWorkload(prices, workload);
    }

    ExplorerState& m_state;
    PriceBook m_beforePrices;
    PriceBook m_afterPrices;
    Workload m_beforeWorkload;
    Workload m_afterWorkload;
};

PriceBook loadBook(const AvailablePriceBook& book)
{
    return book.builtIn ? PriceBook::loadBuiltIn() : PriceBook::load(book.path);
}

// "eu-west-1, as of 2026-11-28 (imported)", as the menu lists a book.
QString bookLabel(const AvailablePriceBook& book)
{
    return book.builtIn ? PricesMenu::tr("%1, as of %2 (built in)").arg(book.region, book.asOf)
                        : PricesMenu::tr("%1, as of %2 (imported)").arg(book.region, book.asOf);
}

} // namespace

PricesMenu::PricesMenu(ExplorerState& state, QUndoStack& undoStack, QWidget* window)
    : QObject(window)
    , m_state(state)
    , m_undoStack(undoStack)
    , m_window(window)
    , m_menu(new QMenu(tr("&Prices"), window))
    , m_importAction(new QAction(tr("&Import Price List Files…"), this))
    , m_downloadAction(new QAction(tr("&Download Prices for a Region…"), this))
    , m_regionWarning(new QLabel)
{
    m_menu->setObjectName(QStringLiteral("pricesMenu"));
    m_menu->setToolTipsVisible(true);
    m_importAction->setToolTip(
        tr("Make a price book for a region from AWS's Price List files (CSV or JSON)"));
    connect(m_importAction, &QAction::triggered, this, &PricesMenu::importFiles);
    m_downloadAction->setToolTip(
        tr("Download the current prices of a region from AWS's Price List, and import them"));
    connect(m_downloadAction, &QAction::triggered, this, &PricesMenu::openDownload);
    // Imported files come and go outside the program: the menu reads them when it opens.
    connect(m_menu, &QMenu::aboutToShow, this, &PricesMenu::fill);
    fill();

    m_regionWarning->setObjectName(QStringLiteral("regionWarning"));
    m_regionWarning->setWordWrap(false);
    m_regionWarning->hide();
    connect(&m_state, &ExplorerState::costResultsChanged, this, &PricesMenu::updateRegionWarning);
    connect(&m_state, &ExplorerState::themeChanged, this, [this] {
        m_warnedWorkloadRegion.clear();
        updateRegionWarning();
    });
    connect(this, &PricesMenu::imported, this, [this] {
        m_warnedWorkloadRegion.clear();
        updateRegionWarning();
    });
    updateRegionWarning();
}

const AvailablePriceBook* PricesMenu::current(const QList<AvailablePriceBook>& books) const
{
    for (const AvailablePriceBook& book : books) {
        if (book.sourceName == m_state.prices().sourceName())
            return &book;
    }
    return nullptr;
}

void PricesMenu::fill()
{
    m_menu->clear();
    QStringList problems;
    const QList<AvailablePriceBook> books = availablePriceBooks(&problems);
    const AvailablePriceBook* inUse = current(books);
    auto* group = new QActionGroup(m_menu);
    if (!inUse) {
        // Prices from a file named on the command line: shown, so the menu never hides them.
        QAction* own =
            m_menu->addAction(tr("%1, as of %2 (%3)")
                                  .arg(m_state.prices().region(), m_state.prices().asOf(),
                                       QFileInfo(m_state.prices().sourceName()).fileName()));
        own->setToolTip(m_state.prices().sourceName());
        own->setCheckable(true);
        own->setChecked(true);
        group->addAction(own);
    }
    for (const AvailablePriceBook& book : books) {
        QAction* action = m_menu->addAction(bookLabel(book));
        action->setToolTip(tr("%1: %2").arg(book.currency, book.sourceName));
        action->setCheckable(true);
        action->setChecked(&book == inUse);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, book] {
            const QString error = switchTo(book);
            if (!error.isEmpty())
                QMessageBox::critical(m_window, tr("Cannot switch prices"), error);
        });
    }
    // A damaged file is listed with its error, so that it is not a mystery why its region is
    // missing.
    for (const QString& problem : std::as_const(problems)) {
        QAction* damaged = m_menu->addAction(
            tr("Unreadable: %1")
                .arg(QFileInfo(problem.section(QStringLiteral(": "), 0, 0)).fileName()));
        damaged->setToolTip(problem);
        connect(damaged, &QAction::triggered, this, [this, problem] {
            QMessageBox::warning(m_window, tr("Unreadable price book"), problem);
        });
    }
    m_menu->addSeparator();
    m_menu->addAction(m_downloadAction);
    m_menu->addAction(m_importAction);
}

QString PricesMenu::switchTo(const AvailablePriceBook& book)
{
    if (book.sourceName == m_state.prices().sourceName() &&
        m_state.workload().region == book.region)
        return {};
    try {
        m_undoStack.push(new PriceBookSwitch(m_state, loadBook(book),
                                             tr("Switch prices to %1").arg(book.region)));
    } catch (const DataError& error) {
        return error.toString();
    }
    return {};
}

QString PricesMenu::restore(const QSettings& settings)
{
    // A value of another type (a damaged settings file) is ignored, as the window's others are.
    const QVariant remembered = settings.value(priceBookKey);
    if (remembered.userType() != QMetaType::QString || remembered.toString().isEmpty())
        return {};
    QStringList problems;
    const QList<AvailablePriceBook> books = availablePriceBooks(&problems);
    // books.first() is the built-in one: other prices were asked for on the command line.
    if (m_state.prices().sourceName() != books.constFirst().sourceName)
        return {};
    const QString path = remembered.toString();
    for (const AvailablePriceBook& book : books) {
        if (book.path != path || book.builtIn)
            continue;
        try {
            m_state.setPrices(PriceBook::load(book.path));
            return {};
        } catch (const DataError& error) {
            return tr("Built-in prices in use: %1").arg(error.toString());
        }
    }
    if (path == books.constFirst().path)
        return {};
    for (const QString& problem : std::as_const(problems)) {
        if (problem.startsWith(path + QStringLiteral(": ")))
            return tr("Built-in prices in use: %1").arg(problem);
    }
    return tr("Built-in prices in use: the price book %1 is gone").arg(path);
}

void PricesMenu::save(QSettings& settings) const
{
    const QString source = m_state.prices().sourceName();
    if (source == PriceBook::loadBuiltIn().sourceName())
        settings.setValue(priceBookKey, PriceBook::builtInPath());
    else if (QFileInfo(source).absolutePath() == importedPriceBookFolder())
        settings.setValue(priceBookKey, source);
    // Prices from a file named on the command line are not remembered.
}

void PricesMenu::updateRegionWarning()
{
    const QString workloadRegion = m_state.workload().region;
    const QString pricesRegion = m_state.prices().region();
    if (workloadRegion == m_warnedWorkloadRegion && pricesRegion == m_warnedPricesRegion)
        return;
    m_warnedWorkloadRegion = workloadRegion;
    m_warnedPricesRegion = pricesRegion;
    if (workloadRegion == pricesRegion) {
        m_regionWarning->hide();
        return;
    }
    const bool bookExists = priceBookForRegion(availablePriceBooks(), workloadRegion) != nullptr;
    m_regionWarning->setText(
        bookExists ? tr("The workload is for %1, the prices for %2: Prices → %1 switches")
                         .arg(workloadRegion, pricesRegion)
                   : tr("No prices for %1, the workload's region: the estimates use %2 rates "
                        "(Prices → Import Price List Files… adds them)")
                         .arg(workloadRegion, pricesRegion));
    QPalette palette = m_regionWarning->palette();
    palette.setColor(QPalette::WindowText, m_state.theme().error());
    m_regionWarning->setPalette(palette);
    m_regionWarning->show();
}

void PricesMenu::importFiles()
{
    QSettings settings;
    const QStringList files =
        QFileDialog::getOpenFileNames(m_window, tr("Import Price List Files"),
                                      settings.value(importFolderKey, QDir::homePath()).toString(),
                                      tr("AWS Price List files (*.csv *.json);;All files (*)"));
    if (files.isEmpty())
        return;
    settings.setValue(importFolderKey, QFileInfo(files.constFirst()).absolutePath());
    openImport(files);
}

PriceImportDialog* PricesMenu::openImport(const QStringList& files)
{
    return showImportDialog(
        [this, files] { return new PriceImportDialog(files, m_state, m_window); });
}

PriceImportDialog* PricesMenu::openDownload()
{
    return showImportDialog([this] {
        return new PriceImportDialog(net::PriceListDownloadRequest(), m_state, m_window);
    });
}

PriceImportDialog* PricesMenu::showImportDialog(const std::function<PriceImportDialog*()>& make)
{
    // One import at a time: its dialog is not modal, so that the window stays usable.
    if (m_importDialog) {
        m_importDialog->raise();
        m_importDialog->activateWindow();
        return m_importDialog;
    }
    m_importDialog = make();
    m_importDialog->setAttribute(Qt::WA_DeleteOnClose);
    // Queued: the import dialog closes before the question is asked.
    connect(m_importDialog, &PriceImportDialog::imported, this, &PricesMenu::offerImported,
            Qt::QueuedConnection);
    m_importDialog->show();
    return m_importDialog;
}

void PricesMenu::offerImported(const QString& region, const QString& path,
                               const QStringList& missing)
{
    emit imported(path);
    QList<AvailablePriceBook> books = availablePriceBooks();
    const auto book = std::find_if(books.cbegin(), books.cend(),
                                   [&path](const AvailablePriceBook& b) { return b.path == path; });
    if (book == books.cend())
        return;
    QString text = tr("The %1 prices, as of %2, are in %3.")
                       .arg(region, book->asOf, QDir::toNativeSeparators(path));
    if (!missing.isEmpty()) {
        text += u' ' + tr("The files did not contain: %1; the estimates that need them say so.")
                           .arg(missing.join(QStringLiteral("; ")));
    }
    const auto answer =
        QMessageBox::question(m_window, tr("Price List imported"),
                              text + u'\n' + u'\n' + tr("Switch to the %1 prices now?").arg(region),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes)
        return;
    if (const QString error = switchTo(*book); !error.isEmpty())
        QMessageBox::critical(m_window, tr("Cannot switch prices"), error);
}

} // namespace ace::ui
