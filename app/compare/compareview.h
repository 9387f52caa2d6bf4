#pragma once

#include "models/comparisonmodel.h"

#include <QWidget>

#include <memory>

class QAbstractButton;
class QComboBox;
class QLabel;
class QScrollArea;

namespace ace::charts {
class CostCurveChartView;
}

namespace ace::diagram {
class StackDiagramView;
}

namespace ace::ui {

class Comparison;
class ExplorerState;

// The comparison of two deployment options, in place of the stack diagram: a bar with the two
// pickers (options, or services compared through one of their options), the choice of what
// the two share where a pair of services can be compared several ways ("Both use: AWS
// Fargate" or "Amazon EC2" for ECS vs EKS), "Swap sides", "Copy as Markdown" and "Close",
// above the comparison itself:
// the two stacks with the layers managed differently highlighted and listed, the attribute
// table, and both estimates with their difference, break-evens and a chart of the two curves.
//
// It shows the state's compared pair; picking, swapping and closing change the state.
class CompareView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareView)

public:
    explicit CompareView(ExplorerState& state, QWidget* parent = nullptr);
    ~CompareView() override;

    // What is shown now; it and the views of its parts are null while the state compares
    // nothing.
    Comparison* comparison() const { return m_comparison.get(); }

    QComboBox* firstPicker() const { return m_firstPicker; }
    QComboBox* secondPicker() const { return m_secondPicker; }
    // The item data role of the pickers holding each entry's CatalogItem (Qt::UserRole holds
    // its id, options first, so findData(optionId) finds the option).
    static constexpr int pickerItemRole = Qt::UserRole + 1;
    // Chooses between the ways to compare the pair; hidden when there is only one.
    QComboBox* wayPicker() const { return m_wayPicker; }
    QAbstractButton* swapButton() const { return m_swapButton; }
    QAbstractButton* copyMarkdownButton() const { return m_copyButton; }
    QAbstractButton* closeButton() const { return m_closeButton; }
    diagram::StackDiagramView* diagramView() const { return m_diagramView; }
    charts::CostCurveChartView* costChart() const { return m_costChart; }
    QLabel* attributesText() const { return m_attributes; }
    QLabel* costsText() const { return m_costs; }

public slots:
    void swapSides();
    // Puts the attribute table on the clipboard as a Markdown table.
    void copyMarkdown();
    // Ends the comparison, which returns the window to the explorer.
    void closeComparison();

signals:
    // A short confirmation for the status bar.
    void message(const QString& text);

private:
    QWidget* createBar();
    void pick(bool firstSide, int index);
    void showPickedItems();
    void showPair();
    void refreshText();

    ExplorerState& m_state;
    std::unique_ptr<Comparison> m_comparison;
    QComboBox* m_firstPicker = nullptr;
    QComboBox* m_secondPicker = nullptr;
    QComboBox* m_wayPicker = nullptr;
    QLabel* m_wayLabel = nullptr;
    QList<ComparedPair> m_ways;
    QAbstractButton* m_swapButton = nullptr;
    QAbstractButton* m_copyButton = nullptr;
    QAbstractButton* m_closeButton = nullptr;
    QScrollArea* m_scroller = nullptr;
    // The parts of the comparison shown now; rebuilt for every pair.
    QLabel* m_title = nullptr;
    diagram::StackDiagramView* m_diagramView = nullptr;
    QLabel* m_differences = nullptr;
    QLabel* m_attributes = nullptr;
    QLabel* m_costs = nullptr;
    charts::CostCurveChartView* m_costChart = nullptr;
};

} // namespace ace::ui
