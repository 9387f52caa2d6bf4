#pragma once

#include "cost/workload.h"

#include <QWidget>

#include <functional>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSlider;
class QUndoStack;

namespace ace::ui {

class ExplorerState;

// The workload as a compact form: every field of the workload file. Each accepted change is
// one undoable step on the undo stack; a value the workload rules refuse is refused at its
// field with the reason, and never reaches the state.
class WorkloadEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkloadEditor)

public:
    WorkloadEditor(ExplorerState& state, QUndoStack& undoStack, QWidget* parent = nullptr);
    ~WorkloadEditor() override;

    QLineEdit* requestsField() const { return m_requests; }
    QSlider* requestsSlider() const { return m_requestsSlider; }
    // Why the last value typed into the requests field was refused (hidden when accepted).
    QLabel* requestsProblem() const { return m_requestsProblem; }
    QComboBox* presetChooser() const { return m_presets; }

    // The slider's log scale: position ↔ requests per month (1e3 to 1e10).
    static double requestsAtSliderPosition(int position);
    static int sliderPositionForRequests(double requests);

private:
    // Applies `change` to a copy of the workload; pushes it as an undo step when the workload
    // rules accept it, otherwise returns the reason.
    QString edit(const QString& description, const std::function<void(Workload&)>& change,
                 int mergeKey = 0);
    void refresh();
    void commitRequestsText();
    void loadPreset(int index);

    QWidget* createLoadGroup();
    QWidget* createFunctionGroup();
    QWidget* createContainerGroup();
    QWidget* createInstanceGroup();
    // A number field bound to one workload value; `scale` converts the stored value to the one
    // shown (100 for a fraction shown as a percentage).
    QDoubleSpinBox* addNumber(QFormLayout* form, const QString& label, const QString& suffix,
                              double minimum, double maximum, int decimals,
                              const std::function<double(const Workload&)>& get,
                              const std::function<void(Workload&, double)>& set, double scale = 1);
    // A count that is either fixed (checkbox on) or sized from the load (off).
    void addOptionalCount(QFormLayout* form, const QString& label,
                          const std::function<std::optional<int>(const Workload&)>& get,
                          const std::function<void(Workload&, std::optional<int>)>& set);

    ExplorerState& m_state;
    QUndoStack& m_undoStack;
    QLineEdit* m_name = nullptr;
    QComboBox* m_presets = nullptr;
    QLineEdit* m_requests = nullptr;
    QSlider* m_requestsSlider = nullptr;
    QLabel* m_requestsProblem = nullptr;
    // Each field's way of showing the state's value; run together by refresh().
    std::vector<std::function<void()>> m_refreshers;
    bool m_refreshing = false;
    // Slider drags are numbered so that each drag becomes one undo step.
    int m_sliderDrag = 0;
};

} // namespace ace::ui
