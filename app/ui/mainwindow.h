#pragma once

#include "catalog/catalogitem.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QActionGroup;
class QDockWidget;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QLabel;
class QLineEdit;
class QTreeView;

namespace ace {
class Catalog;
class HierarchyFilterModel;
class HierarchyModel;
class PriceBook;
} // namespace ace

namespace ace::charts {
class CostBreakdownChartView;
class CostCurveChartView;
} // namespace ace::charts

namespace ace::diagram {
class StackDiagramView;
}

namespace ace::exports {
class ExportActions;
}

namespace ace::ui {

class AdvisorPanel;
class CompareView;
class DetailPane;
class ExplorerState;
class PricesMenu;
class WorkloadDocument;
class WorkloadEditor;

// The explorer: the option tree (left), the stack diagram (centre) and the detail pane
// (right), all driven by one ExplorerState.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class ThemeChoice { System, Light, Dark };

    // `advicePath`: the advisor's rules file (empty: the built-in one).
    MainWindow(const Catalog& catalog, const PriceBook& prices, const QString& advicePath = {},
               QWidget* parent = nullptr);
    ~MainWindow() override;

    ExplorerState& state() { return *m_state; }
    QTreeView* tree() const { return m_tree; }
    QLineEdit* searchField() const { return m_search; }
    diagram::StackDiagramView* diagramView() const { return m_diagramView; }
    // Made when first needed (a comparison, the Bill breakdown tab): the first frame shows
    // neither.
    CompareView* compareView();
    // The centre shows the comparison while the state compares two options, else the diagram.
    bool isShowingComparison() const;
    QAction* compareAction() const { return m_compareAction; }
    DetailPane* detailPane() const { return m_detailPane; }
    // The advisor's panel, made when first shown or asked for: the first frame does not need it.
    AdvisorPanel* advisorPanel();
    QDockWidget* advisorDock() const { return m_advisorDock; }
    // Shows the advisor's panel in front and puts the focus on its first question.
    void showAdvisor();
    WorkloadEditor* workloadEditor() const { return m_workloadEditor; }
    charts::CostCurveChartView* costCurves() const { return m_costCurves; }
    charts::CostBreakdownChartView* costBreakdown();
    WorkloadDocument& document() { return *m_document; }
    PricesMenu* pricesMenu() const { return m_pricesMenu; }

    // Restores window geometry, docks, theme and selection from the user's settings, and saves
    // them again on close. Without this call (e.g. for --screenshot) settings are untouched.
    void restoreSettings();

    ThemeChoice themeChoice() const { return m_themeChoice; }

    // Back to the first-run layout: every dock shown, in its place, at its default size.
    void resetLayout();

    // The context menu of an item of the tree or the diagram: "Compare With" (options) and
    // "Copy Name".
    void fillItemMenu(QMenu& menu, const CatalogItem& item);
    void setThemeChoice(ThemeChoice choice);

protected:
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createDocks();
    void createFileMenu();
    void createEditMenu();
    void updateTitle();
    // Asks to save unsaved changes; false when the user cancels.
    bool maybeSave();
    void newWorkload();
    void openWorkload();
    // Asks about unsaved changes first, unless the file is the one already open.
    void openWorkloadFile(const QString& path);
    void loadWorkloadFile(const QString& path);
    bool saveWorkload();
    bool saveWorkloadAs();
    void showFileError(const QString& title, const QString& error);
    // The side docks' widths and the Costs dock's height as shares of the window, applied on
    // every resize: QMainWindow gives all new room to the diagram, so a window shrunk and grown
    // again would otherwise keep narrow docks. Until the user drags a separator the shares are
    // the defaults (clamped to readable sizes); afterwards, the ones the user chose.
    void applyDockShares();
    void rememberDockShares();
    void updateSearchFeedback();
    void moveIntoSearchResults();
    void createMenus();
    void createStatusBar();
    void createToolBar();
    // Opens the comparison of the current option (or the first) with another, or closes it.
    void toggleComparison(bool compare);
    void showComparisonOrDiagram();
    // Two options selected in the tree (Ctrl+click) are compared.
    void compareTreeSelection();
    void showTreeContextMenu(const QPoint& position);
    void showDiagramContextMenu(const QPoint& position);
    void showItemMenu(const CatalogItem& item, const QPoint& globalPosition);
    void revealInTree();
    void showAbout();
    void showKeyboardShortcuts();
    void saveSettings() const;

    // Owns the catalog and the price book the window shows.
    ExplorerState* m_state = nullptr;
    HierarchyModel* m_hierarchy = nullptr;
    HierarchyFilterModel* m_filter = nullptr;
    QTreeView* m_tree = nullptr;
    // Whether the tree was last painted with the advisor's marks.
    bool m_treeShowsAdvice = false;
    QLineEdit* m_search = nullptr;
    diagram::StackDiagramView* m_diagramView = nullptr;
    CompareView* m_compareView = nullptr;
    QStackedWidget* m_centre = nullptr;
    QAction* m_compareAction = nullptr;
    DetailPane* m_detailPane = nullptr;
    WorkloadDocument* m_document = nullptr;
    WorkloadEditor* m_workloadEditor = nullptr;
    exports::ExportActions* m_exportActions = nullptr;
    PricesMenu* m_pricesMenu = nullptr;
    charts::CostCurveChartView* m_costCurves = nullptr;
    charts::CostBreakdownChartView* m_costBreakdown = nullptr;
    QTabWidget* m_costTabs = nullptr;
    QMenu* m_recentMenu = nullptr;
    QActionGroup* m_themeActions = nullptr;
    ThemeChoice m_themeChoice = ThemeChoice::System;
    bool m_persistSettings = false;
    bool m_layoutRestored = false;
    bool m_shownOnce = false;
    QList<QDockWidget*> m_docksHiddenForComparison;
    bool m_advisorInFrontBeforeComparison = false;
    QDockWidget* m_optionsDock = nullptr;
    QDockWidget* m_workloadDock = nullptr;
    QDockWidget* m_costsDock = nullptr;
    QDockWidget* m_detailsDock = nullptr;
    QDockWidget* m_advisorDock = nullptr;
    AdvisorPanel* m_advisorPanel = nullptr;
    QLabel* m_searchFeedback = nullptr;
    // saveState() of the window as first built, for View → Reset Layout.
    QByteArray m_defaultLayout;
    struct DockShares
    {
        double options = 0;
        double details = 0;
        double costs = 0;
    };
    std::optional<DockShares> m_userDockShares;
};

} // namespace ace::ui
