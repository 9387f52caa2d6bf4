#pragma once

#include "advisor/answers.h"

#include <QUndoCommand>

namespace ace::ui {

class ExplorerState;

// One undoable change of the advisor's answers: all of them before and after, on the same undo
// stack as the workload's edits, so Ctrl+Z steps back through both in the order they were made.
class AnswersEdit final : public QUndoCommand
{
public:
    AnswersEdit(ExplorerState& state, Answers before, Answers after, const QString& text);

    void undo() override;
    void redo() override;

private:
    ExplorerState& m_state;
    Answers m_before;
    Answers m_after;
};

} // namespace ace::ui
