#include "ui/application.h"

#include "advisor/answers.h"
#include "export/imagefile.h"
#include "state/explorerstate.h"
#include "state/workloaddocument.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QTextStream>
#include <QTimer>

#include <future>

namespace ace::ui {

namespace {

// The application and its window, until the event loop ends. A screenshot is handed to
// `screenshotWritten`, which encodes and writes it on a thread of its own while the window
// and the application close (a few milliseconds of every --screenshot).
int runWindow(int& argc, char** argv, const Catalog& catalog, const PriceBook& prices,
              const GuiOptions& options, QTextStream& err, std::future<QString>& screenshotWritten)
{
    QApplication app(argc, argv);
    // Links the windows to the installed .desktop file and its icon (Wayland needs this).
    QGuiApplication::setDesktopFileName(
        QStringLiteral("io.github.aws_compute_explorer.aws_compute_explorer"));
    // Fusion draws every widget from the palette, so light and dark themes look the same on
    // every desktop.
    QApplication::setStyle(QStringLiteral("Fusion"));

    MainWindow window(catalog, prices, options.advicePath);
    const bool screenshot = !options.screenshotPath.isEmpty();
    // A screenshot shows the defaults plus what the command line asks, whatever the user's
    // remembered layout is, and leaves the remembered layout alone.
    if (!screenshot)
        window.restoreSettings();
    if (!options.workloadPath.isEmpty()) {
        const QString error = window.document().open(options.workloadPath);
        if (!error.isEmpty()) {
            err << QCoreApplication::applicationName() << ": " << error << Qt::endl;
            return 2;
        }
    }
    if (!options.answersPath.isEmpty()) {
        // Checked before the window was made (readGuiOptions), so it loads.
        window.state().setAnswers(
            Answers::load(options.answersPath, *window.state().adviceRules()));
        window.showAdvisor();
    }
    if (options.size.isValid())
        window.resize(options.size);
    if (options.theme) {
        window.setThemeChoice(*options.theme == Theme::Kind::Dark ? MainWindow::ThemeChoice::Dark
                                                                  : MainWindow::ThemeChoice::Light);
    }
    if (!options.select.isNull())
        window.state().setCurrent(options.select);
    if (!options.compareFirst.isEmpty())
        window.state().setComparison(options.compareFirst, options.compareSecond);
    window.show();

    if (screenshot) {
        // Queued, so the window has been laid out and painted once before it is grabbed.
        QTimer::singleShot(0, &window, [&window, &options, &screenshotWritten] {
            screenshotWritten = std::async(std::launch::async, [image = window.grab().toImage(),
                                                                path = options.screenshotPath] {
                return writeImageAtomically(image, path);
            });
            QCoreApplication::exit(0);
        });
    }
    return QApplication::exec();
}

} // namespace

int runGui(int& argc, char** argv, const Catalog& catalog, const PriceBook& prices,
           const GuiOptions& options, QTextStream& err)
{
    std::future<QString> screenshotWritten;
    const int status = runWindow(argc, argv, catalog, prices, options, err, screenshotWritten);
    if (!screenshotWritten.valid())
        return status;
    const QString error = screenshotWritten.get();
    if (!error.isEmpty())
        err << QCoreApplication::applicationName() << ": " << error << Qt::endl;
    return error.isEmpty() ? status : 1;
}

} // namespace ace::ui
