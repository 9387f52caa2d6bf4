#pragma once

#include <QMainWindow>

namespace ace {
class Catalog;
}

namespace ace::ui {

// The application's main window. For now it shows what was loaded; the explorer (tree,
// stack diagram, detail pane) takes its place in the next step.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const Catalog& catalog, QWidget* parent = nullptr);
};

} // namespace ace::ui
