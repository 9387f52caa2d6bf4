#include "ui/mainwindow.h"

#include "catalog/catalog.h"

#include <QLabel>
#include <QStatusBar>

namespace ace::ui {

MainWindow::MainWindow(const Catalog& catalog, QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("AWS Compute Explorer"));
    QStringList names;
    for (const DeploymentOption& option : catalog.options())
        names.append(option.name);
    auto* summary = new QLabel(tr("<h2>AWS Compute Explorer</h2><p>%1 services, %2 deployment "
                                  "options:</p><p>%3</p>")
                                   .arg(catalog.services().size())
                                   .arg(catalog.options().size())
                                   .arg(names.join(QStringLiteral(" · "))),
                               this);
    summary->setAlignment(Qt::AlignCenter);
    summary->setWordWrap(true);
    setCentralWidget(summary);
    statusBar()->showMessage(tr("Catalog: %1").arg(catalog.sourceName()));
    resize(960, 640);
}

} // namespace ace::ui
