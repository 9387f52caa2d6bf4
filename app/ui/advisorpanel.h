#pragma once

#include <QHash>
#include <QJsonValue>
#include <QWidget>

class QAbstractButton;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QTextBrowser;
class QUndoStack;

namespace ace {
class Answers;
} // namespace ace

namespace ace::ui {

class ExplorerState;

// "Which should I use?": the advisor's questions, each with its one-line explanation and
// "Don't know", and the options ranked for the answers and the workload's costs, every rank
// with its reasons. Answers go through the undo stack; "Compare the top two" opens the
// comparison; the recommendation copies or saves as Markdown. The questions come from the
// advisor's rules (data), so a rules file with other questions gets its own form.
class AdvisorPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdvisorPanel)

public:
    AdvisorPanel(ExplorerState& state, QUndoStack& undoStack, QWidget* parent = nullptr);

    // The field answering a question (a QComboBox or a QDoubleSpinBox), for tests.
    QWidget* fieldFor(const QString& questionId) const { return m_fields.value(questionId); }
    QTextBrowser* ranking() const { return m_ranking; }
    QAbstractButton* compareTopTwoButton() const { return m_compareTopTwo; }
    QAbstractButton* resetButton() const { return m_reset; }
    // The recommendation as the Markdown that Copy and Save write.
    QString markdown() const;

    // The link that selects an option from the ranking ("ace-advice:option/lambda").
    static QString optionLink(const QString& optionId);

signals:
    // A line for the status bar: what was copied or saved.
    void message(const QString& text);

private:
    void buildQuestions(QWidget* form);
    // Puts the state's answers into the fields (after an undo, an opened file).
    void showAnswers();
    void showRanking();
    // Records `value` (undefined: don't know) as the answer to `questionId`, undoably.
    void answer(const QString& questionId, const QJsonValue& value);
    void changeAnswers(const Answers& answers, const QString& undoText);
    void openAnswers();
    void saveAnswers();
    void copyMarkdown();
    void saveMarkdown();
    void compareTopTwo();

    ExplorerState& m_state;
    QUndoStack& m_undoStack;
    QHash<QString, QWidget*> m_fields;
    QLabel* m_rulesError = nullptr;
    QTextBrowser* m_ranking = nullptr;
    QAbstractButton* m_compareTopTwo = nullptr;
    QAbstractButton* m_reset = nullptr;
};

} // namespace ace::ui
