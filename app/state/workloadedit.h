#pragma once

#include "cost/workload.h"

#include <QUndoCommand>

namespace ace::ui {

class ExplorerState;

// One undoable change of the workload: the whole workload before and after, so undo can never
// leave a half-applied edit. Edits made during one drag of a slider merge into one step.
class WorkloadEdit final : public QUndoCommand
{
public:
    // `mergeKey` non-zero: consecutive edits with the same key become one undo step.
    WorkloadEdit(ExplorerState& state, Workload before, Workload after, const QString& text,
                 int mergeKey = 0);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    ExplorerState& m_state;
    Workload m_before;
    Workload m_after;
    int m_mergeKey;
};

} // namespace ace::ui
