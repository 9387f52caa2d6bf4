#include "state/answersedit.h"

#include "state/explorerstate.h"

namespace ace::ui {

AnswersEdit::AnswersEdit(ExplorerState& state, Answers before, Answers after, const QString& text)
    : QUndoCommand(text)
    , m_state(state)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

void AnswersEdit::undo()
{
    m_state.setAnswers(m_before);
}

void AnswersEdit::redo()
{
    m_state.setAnswers(m_after);
}

} // namespace ace::ui
