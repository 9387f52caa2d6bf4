#include "state/workloadedit.h"

#include "state/explorerstate.h"

namespace ace::ui {

namespace {
// QUndoStack merges only commands with the same id(); -1 means "never merge".
constexpr int workloadEditId = 0x574c; // "WL"
} // namespace

WorkloadEdit::WorkloadEdit(ExplorerState& state, Workload before, Workload after,
                           const QString& text, int mergeKey)
    : QUndoCommand(text)
    , m_state(state)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeKey(mergeKey)
{}

void WorkloadEdit::undo()
{
    m_state.setWorkload(m_before);
}

void WorkloadEdit::redo()
{
    m_state.setWorkload(m_after);
}

int WorkloadEdit::id() const
{
    return m_mergeKey == 0 ? -1 : workloadEditId;
}

bool WorkloadEdit::mergeWith(const QUndoCommand* other)
{
    const auto* edit = static_cast<const WorkloadEdit*>(other);
    if (edit->m_mergeKey != m_mergeKey)
        return false;
    m_after = edit->m_after;
    return true;
}

} // namespace ace::ui
