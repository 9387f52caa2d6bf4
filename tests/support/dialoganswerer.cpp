#include "dialoganswerer.h"

#include <QApplication>
#include <QDialog>

namespace ace::test {

namespace {
constexpr int pollMilliseconds = 10;
// How many polls a dialog may stay open after its answer before it is answered again.
constexpr int pollsBeforeAnsweringAgain = 20;
} // namespace

DialogAnswerer::DialogAnswerer(Answer answer)
    : m_answer(std::move(answer))
{
    connect(&m_poll, &QTimer::timeout, this, &DialogAnswerer::poll);
    m_poll.start(pollMilliseconds);
}

void DialogAnswerer::poll()
{
    if (QWidget* popup = QApplication::activePopupWidget()) {
        popup->close();
        return;
    }
    auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
    if (!dialog || (dialog == m_lastAnswered && ++m_pollsSinceAnswer < pollsBeforeAnsweringAgain))
        return;
    const bool again = dialog == m_lastAnswered;
    m_lastAnswered = dialog;
    m_pollsSinceAnswer = 0;
    QTimer::singleShot(0, dialog, [this, dialog, again] { m_answer(dialog, again); });
}

} // namespace ace::test
