#pragma once

#include "catalog/catalogitem.h"
#include "state/theme.h"

#include <QSize>
#include <QString>

#include <optional>

class QTextStream;

namespace ace {
class Catalog;
class PriceBook;
} // namespace ace

namespace ace::ui {

// How the command line asks the GUI to start.
struct GuiOptions
{
    // When set: render the window to this file after its first frame and exit.
    QString screenshotPath;
    QSize size;         // invalid: the remembered or default size
    CatalogItem select; // null: the remembered selection
    std::optional<Theme::Kind> theme;
    QString workloadPath; // empty: the remembered or default workload
    QString advicePath;   // empty: the built-in advisor rules
    QString answersPath;  // when set: open these answers and show the advisor
    // When both are set: open the comparison of these two options.
    QString compareFirst;
    QString compareSecond;
};

// Creates the QApplication and the main window and runs the event loop; returns the exit code.
int runGui(int& argc, char** argv, const Catalog& catalog, const PriceBook& prices,
           const GuiOptions& options, QTextStream& err);

} // namespace ace::ui
