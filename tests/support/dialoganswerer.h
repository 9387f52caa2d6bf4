#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QDialog;

namespace ace::test {

// Answers the modal dialogs that the code under test opens, the way a user would, and closes
// its popup menus. Each dialog is answered from the event loop, never from the polling timer:
// an answer may open another modal dialog (Save → Save As, a file dialog's own warning), and
// the timer must be free to answer that one too, or the test hangs.
class DialogAnswerer final : public QObject
{
public:
    // Called once for each dialog, and again with `again` when the same dialog is still open
    // a while after its answer (its answer raised a warning, or it refused a file name).
    using Answer = std::function<void(QDialog* dialog, bool again)>;

    explicit DialogAnswerer(Answer answer);

private:
    void poll();

    Answer m_answer;
    QTimer m_poll;
    QPointer<QDialog> m_lastAnswered;
    int m_pollsSinceAnswer = 0;
};

} // namespace ace::test
