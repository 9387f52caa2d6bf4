#include "ui/application.h"

#include "advisor/answers.h"
#include "export/imagefile.h"
#include "state/explorerstate.h"
#include "state/workloaddocument.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QTextStream>
#include <QTimer>

namespace ace::ui {

int runGui(int& argc, char** argv, const Catalog& catalog, const PriceBook& prices,
           const GuiOptions& options, QTextStream& err)
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
        QTimer::singleShot(0, &window, [&window, &options, &err] {
            const QString error =
                writeImageAtomically(window.grab().toImage(), options.screenshotPath);
            if (!error.isEmpty())
                err << QCoreApplication::applicationName() << ": " << error << Qt::endl;
            QCoreApplication::exit(error.isEmpty() ? 0 : 1);
        });
    }
    return QApplication::exec();
}

} // namespace ace::ui
