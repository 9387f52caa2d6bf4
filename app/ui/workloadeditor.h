#pragma once

#include "cost/workload.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <vector>

class QColor;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSlider;
class QTimer;
class QUndoStack;

namespace ace {
class WorkloadNumberField;
} // namespace ace

namespace ace::ui {

class ExplorerState;
class InstanceTypeField;

// The workload as a compact form: every field of the workload file. Each accepted change is
// one undoable step on the undo stack; a value the workload rules refuse is refused at its
// field with the reason below it, stays as typed to be corrected, and never reaches the state.
// Fields take the mouse wheel only once focused, so that the wheel scrolls the panel, and
// Undo/Redo reach the undo stack from a focused field.
class WorkloadEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkloadEditor)

public:
    WorkloadEditor(ExplorerState& state, QUndoStack& undoStack, QWidget* parent = nullptr);
    ~WorkloadEditor() override;

    QLineEdit* nameField() const { return m_name; }
    QLineEdit* requestsField() const { return m_requests; }
    QSlider* requestsSlider() const { return m_requestsSlider; }
    // Why the last value typed into the requests field was refused (hidden when accepted).
    QLabel* requestsProblem() const;
    QComboBox* presetChooser() const { return m_presets; }
    InstanceTypeField* instanceTypeField() const { return m_instanceType; }
    // The number field labelled `label` (its accessible name), e.g. "Average duration".
    QDoubleSpinBox* numberField(const QString& label) const;
    // The choice labelled `label`, e.g. "In front of Lambda".
    QComboBox* choiceField(const QString& label) const;
    // The line below `field`: why the value typed into it was refused, or a note on what an
    // edit did to it or on what it shows; hidden while there is nothing to say.
    QLabel* problemOf(const QWidget* field) const;

    // The slider's log scale: position ↔ requests per month (1e3 to 1e10). Positions land on
    // round values (1, 1.5, 2, 2.5, 3, 4 … 9 × 10ⁿ), as a person would type them.
    static double requestsAtSliderPosition(int position);
    static int sliderPositionForRequests(double requests);

    QSize minimumSizeHint() const override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct NumberBinding;
    // One item of a choice: its text, the value it stands for, and what it means.
    struct Choice
    {
        QString text;
        int value;
        QString toolTip;
    };

    // Applies `change` to a copy of the workload and pushes it as an undo step when the
    // workload rules accept it, otherwise returns the reason. A value edit of a workload still
    // named after a preset renames it "… (edited)" in the same step, so that titles and
    // exports do not claim the preset.
    QString edit(const QString& description, const std::function<void(Workload&)>& change,
                 int mergeKey = 0);
    // Pushes `next` as it is (a rename, a preset).
    QString push(const QString& description, const Workload& next, int mergeKey = 0);
    void refresh();
    void commitRequestsText();
    // Sets the requests to the slider's position, as an undo step merging with others of
    // `mergeKey` (0: a step of its own).
    void applySliderPosition(int mergeKey);
    void commitNumber(NumberBinding& binding, double shown);
    void loadPreset(int index);
    void showProblem(const QWidget* field, const QString& problem);
    // A note below `field` that is not a problem: what an edit did to it, what it shows.
    void showNote(const QWidget* field, const QString& note);
    void showBelow(const QWidget* field, const QString& text, const QColor& color);
    // The editor's least width with labels above the fields, and with labels beside them
    // (below which resizeEvent() puts the labels above); measured once.
    void measureWidths() const;

    QWidget* createLoadGroup();
    QWidget* createFunctionGroup();
    QWidget* createContainerGroup();
    QWidget* createInstanceGroup();
    QWidget* createRequestsGroup();
    QWidget* createPurchaseGroup();
    QFormLayout* createForm(QWidget* parent = nullptr);
    // Adds `field` with its label, a hidden row for its problem below it, and the handling
    // of the wheel and of Undo/Redo.
    void addRow(QFormLayout* form, const QString& label, QWidget* field, QLayout* row = nullptr);
    // A number field bound to one workload value, within the field's rule; `scale` converts
    // the stored value to the one shown (100 for a fraction shown as a percentage).
    NumberBinding& addNumber(QFormLayout* form, const QString& label, const QString& suffix,
                             const WorkloadNumberField& field, int decimals, double scale = 1);
    // A choice among `choices`; `choose` makes the edit for the value chosen. The caller
    // shows the state's value (selectValue) in a refresher.
    QComboBox* addChoice(QFormLayout* form, const QString& label, const QString& toolTip,
                         const QList<Choice>& choices, const std::function<void(int)>& choose);
    // Enables `field` only while `enabled` holds for the state's workload.
    void enableWhen(QWidget* field, const std::function<bool(const Workload&)>& enabled);
    // A count that is either fixed (checkbox on) or sized from the load (off).
    void addOptionalCount(QFormLayout* form, const QString& label,
                          const WorkloadNumberField& field);

    ExplorerState& m_state;
    QUndoStack& m_undoStack;
    QLineEdit* m_name = nullptr;
    QComboBox* m_presets = nullptr;
    QLineEdit* m_requests = nullptr;
    QSlider* m_requestsSlider = nullptr;
    InstanceTypeField* m_instanceType = nullptr;
    std::vector<QFormLayout*> m_forms;
    mutable int m_wrappedWidth = 0;
    mutable int m_sideBySideWidth = 0;
    QHash<const QWidget*, QLabel*> m_problems;
    // The names of the presets and of the default workload, which an edit makes "… (edited)".
    QStringList m_stockNames;
    // Each field's way of showing the state's value; run together by refresh().
    std::vector<std::function<void()>> m_refreshers;
    bool m_refreshing = false;
    // Slider drags are numbered so that each drag becomes one undo step.
    int m_sliderDrag = 0;
    // Runs at the next turn of the event loop while the slider moves under a drag.
    QTimer* m_pendingSliderDrag = nullptr;
};

} // namespace ace::ui
