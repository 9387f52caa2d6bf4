#pragma once

#include "export/exportdialog.h"

#include <QObject>
#include <QPointer>

class QAction;
class QImage;
class QWidget;

namespace ace::ui {
class ExplorerState;
}

namespace ace::exports {

// The window's export actions: File → Export… (Ctrl+E) opens the export dialog; Edit → Copy
// Diagram (Ctrl+Shift+C) puts the stack diagram, at scale 2 in the current theme with the
// current workload and selection, on the clipboard. The window adds the actions to its menus.
class ExportActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportActions)

public:
    // `window` parents the actions and the dialog.
    ExportActions(QWidget* window, const ui::ExplorerState& state);

    QAction* exportAction() const { return m_export; }
    QAction* copyDiagramAction() const { return m_copyDiagram; }

    // The image Copy Diagram puts on the clipboard.
    QImage diagramImage() const;

    // The export dialog this action opened, while it is open (for tests).
    ExportDialog* openDialog() const { return m_dialog; }

signals:
    // After a successful export, for the status bar: "Exported stack diagram to PATH".
    void exported(const QString& message);

private:
    void showExportDialog();
    void copyDiagram();

    QWidget* m_window;
    const ui::ExplorerState& m_state;
    QAction* m_export;
    QAction* m_copyDiagram;
    QPointer<ExportDialog> m_dialog;
};

} // namespace ace::exports
