#include "export/exportactions.h"

#include "export/compareexportview.h"
#include "export/diagramexportviews.h"
#include "export/exportdialog.h"
#include "export/figure.h"
#include "state/explorerstate.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QImage>
#include <QWidget>

namespace ace::exports {

namespace {
// Crisp when pasted into documents and slides shown on high-resolution screens.
constexpr int clipboardScale = 2;
} // namespace

ExportActions::ExportActions(QWidget* window, const ui::ExplorerState& state)
    : QObject(window)
    , m_window(window)
    , m_state(state)
    , m_export(new QAction(tr("&Export…"), this))
    , m_copyDiagram(new QAction(tr("Copy &Diagram"), this))
{
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setStatusTip(tr("Save a diagram as PNG, SVG or PDF"));
    m_copyDiagram->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyDiagram->setStatusTip(tr("Copy the stack diagram, or the comparison, as an image"));
    connect(m_export, &QAction::triggered, this, &ExportActions::showExportDialog);
    connect(m_copyDiagram, &QAction::triggered, this, &ExportActions::copyDiagram);
}

QImage ExportActions::diagramImage() const
{
    // While two options are compared, the comparison is what the window shows.
    const std::unique_ptr<ExportView> view =
        createExportView(QString::fromUtf16(m_state.isComparing() ? CompareExportView::viewId
                                                                  : StackExportView::viewId),
                         m_state.catalog(), m_state.prices());
    ExportOptions options;
    options.workload = m_state.workload();
    options.theme = m_state.theme().kind();
    options.select = m_state.current();
    options.compared = m_state.comparison();
    Figure figure(*view, m_state.catalog(), m_state.prices(), options);
    return figure.toImage(figure.naturalSize() * clipboardScale);
}

void ExportActions::showExportDialog()
{
    m_dialog = new ExportDialog(m_state, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &ExportDialog::exported, this, &ExportActions::exported);
    m_dialog->open();
}

void ExportActions::copyDiagram()
{
    QGuiApplication::clipboard()->setImage(diagramImage());
}

} // namespace ace::exports
