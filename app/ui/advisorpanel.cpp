#include "ui/advisorpanel.h"

#include "advisor/advice.h"
#include "advisor/advicerules.h"
#include "advisor/answers.h"
#include "catalog/catalog.h"
#include "cost/quantitytext.h"
#include "files/safefile.h"
#include "json/dataerror.h"
#include "state/answersedit.h"
#include "state/explorerstate.h"
#include "state/userfolders.h"

#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

namespace ace::ui {

namespace {

const QString linkScheme = QStringLiteral("ace-advice");
const QString lastFolderKey = QStringLiteral("advisor/lastFolder");

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

// The value a number field shows for "don't know": one step below the question's minimum.
double unknownNumber(const AdviceQuestion& question)
{
    return question.minimum - 1;
}

QString folderToOffer()
{
    return QSettings()
        .value(lastFolderKey, existingFolderOrHome(QStandardPaths::DocumentsLocation))
        .toString();
}

void rememberFolderOf(const QString& path)
{
    QSettings().setValue(lastFolderKey, QFileInfo(path).absolutePath());
}

// A button as compact as a tool bar's, so a row of them fits a narrow dock.
QToolButton* compactButton(const QString& text)
{
    auto* button = new QToolButton;
    button->setText(text);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    return button;
}

} // namespace

AdvisorPanel::AdvisorPanel(ExplorerState& state, QUndoStack& undoStack, QWidget* parent)
    : QWidget(parent)
    , m_state(state)
    , m_undoStack(undoStack)
{
    auto* intro = new QLabel(tr("Answer what you know and leave the rest at “Don't know”: the "
                                "options are ranked as you answer, each rank with its reasons "
                                "and your workload's monthly cost."));
    intro->setWordWrap(true);
    m_rulesError = new QLabel;
    m_rulesError->setWordWrap(true);
    m_rulesError->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QWidget;
    buildQuestions(form);
    auto* questions = new QScrollArea;
    questions->setWidget(form);
    questions->setWidgetResizable(true);
    questions->setFrameShape(QFrame::NoFrame);
    // Long choices shorten in a narrow dock rather than push the form sideways.
    questions->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* open = compactButton(tr("Open…"));
    open->setToolTip(tr("Read answers from an answers file"));
    connect(open, &QToolButton::clicked, this, &AdvisorPanel::openAnswers);
    auto* save = compactButton(tr("Save…"));
    save->setToolTip(tr("Write these answers to an answers file (for `advise --answers`)"));
    connect(save, &QToolButton::clicked, this, &AdvisorPanel::saveAnswers);
    auto* reset = compactButton(tr("Reset"));
    reset->setToolTip(tr("Set every answer back to “Don't know” (undoable)"));
    connect(reset, &QToolButton::clicked, this,
            [this] { changeAnswers(Answers(), tr("Reset Answers")); });
    m_reset = reset;
    auto* answerButtons = new QHBoxLayout;
    answerButtons->addWidget(open);
    answerButtons->addWidget(save);
    answerButtons->addStretch();
    answerButtons->addWidget(reset);

    auto* questionsPart = new QWidget;
    auto* questionsLayout = new QVBoxLayout(questionsPart);
    questionsLayout->setContentsMargins(0, 0, 0, 0);
    questionsLayout->addWidget(intro);
    questionsLayout->addWidget(m_rulesError);
    questionsLayout->addWidget(questions, 1);
    questionsLayout->addLayout(answerButtons);

    m_ranking = new QTextBrowser;
    m_ranking->setOpenLinks(false);
    connect(m_ranking, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == linkScheme && url.path().startsWith(QLatin1String("option/")))
            m_state.setCurrent(CatalogItem::option(url.path().section(u'/', 1)));
    });
    auto* compare = compactButton(tr("Compare the Top Two"));
    compare->setToolTip(tr("Open the side-by-side comparison of the two best-ranked options"));
    connect(compare, &QToolButton::clicked, this, &AdvisorPanel::compareTopTwo);
    m_compareTopTwo = compare;
    // One button for both Markdown actions keeps the row narrow enough for a narrow dock.
    auto* markdownButton = compactButton(tr("Markdown"));
    markdownButton->setToolTip(tr("Copy or save the recommendation as Markdown, for a design "
                                  "document"));
    markdownButton->setPopupMode(QToolButton::InstantPopup);
    auto* markdownMenu = new QMenu(markdownButton);
    markdownMenu->addAction(tr("Copy as Markdown"), this, &AdvisorPanel::copyMarkdown);
    markdownMenu->addAction(tr("Save as Markdown…"), this, &AdvisorPanel::saveMarkdown);
    markdownButton->setMenu(markdownMenu);
    auto* rankingButtons = new QHBoxLayout;
    rankingButtons->addWidget(compare);
    rankingButtons->addStretch();
    rankingButtons->addWidget(markdownButton);

    auto* rankingPart = new QWidget;
    auto* rankingLayout = new QVBoxLayout(rankingPart);
    rankingLayout->setContentsMargins(0, 0, 0, 0);
    rankingLayout->addWidget(m_ranking, 1);
    rankingLayout->addLayout(rankingButtons);

    auto* split = new QSplitter(Qt::Vertical);
    split->setChildrenCollapsible(false);
    split->addWidget(questionsPart);
    split->addWidget(rankingPart);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(split);

    connect(&m_state, &ExplorerState::answersChanged, this, &AdvisorPanel::showAnswers);
    connect(&m_state, &ExplorerState::adviceChanged, this, &AdvisorPanel::showRanking);
    connect(&m_state, &ExplorerState::themeChanged, this, &AdvisorPanel::showRanking);
    showAnswers();
    showRanking();
}

QString AdvisorPanel::optionLink(const QString& optionId)
{
    return linkScheme + QStringLiteral(":option/") + optionId;
}

void AdvisorPanel::buildQuestions(QWidget* form)
{
    auto* layout = new QFormLayout(form);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    const AdviceRules* rules = m_state.adviceRules();
    m_rulesError->setVisible(!rules);
    if (!rules) {
        m_rulesError->setText(
            tr("The advisor's rules could not be loaded: %1").arg(m_state.adviceRulesError()));
        return;
    }
    for (const AdviceQuestion& question : rules->questions()) {
        QWidget* field = nullptr;
        if (question.kind == AdviceQuestion::Kind::Number) {
            auto* number = new QDoubleSpinBox;
            number->setRange(unknownNumber(question), question.maximum);
            number->setDecimals(question.maximum >= 10'000 ? 0 : 1);
            number->setSpecialValueText(tr("Don't know"));
            number->setSuffix(u' ' + question.unit);
            // Typing "120" must not rank the options at "1" and "12" on the way.
            number->setKeyboardTracking(false);
            connect(number, &QDoubleSpinBox::valueChanged, this,
                    [this, id = question.id, unknown = unknownNumber(question)](double value) {
                        answer(id, value <= unknown ? QJsonValue() : QJsonValue(value));
                    });
            field = number;
        } else {
            auto* choices = new QComboBox;
            choices->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            choices->setMinimumContentsLength(14);
            choices->addItem(tr("Don't know / no preference"));
            if (question.kind == AdviceQuestion::Kind::YesNo) {
                choices->addItem(tr("Yes"), true);
                choices->addItem(tr("No"), false);
            }
            for (const AdviceQuestion::Choice& choice : question.choices)
                choices->addItem(choice.label, choice.id);
            connect(choices, &QComboBox::activated, this, [this, choices, id = question.id] {
                answer(id, QJsonValue::fromVariant(choices->currentData()));
            });
            field = choices;
        }
        field->setToolTip(question.explanation);
        field->setObjectName(question.id);
        m_fields.insert(question.id, field);
        auto* label = new QLabel(question.text);
        label->setBuddy(field);
        label->setWordWrap(true);
        layout->addRow(label, field);
        auto* explanation = new QLabel(question.explanation);
        explanation->setWordWrap(true);
        explanation->setForegroundRole(QPalette::PlaceholderText);
        QFont small = explanation->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        explanation->setFont(small);
        layout->addRow(explanation);
    }
}

void AdvisorPanel::showAnswers()
{
    const AdviceRules* rules = m_state.adviceRules();
    if (!rules)
        return;
    for (const AdviceQuestion& question : rules->questions()) {
        QWidget* field = m_fields.value(question.id);
        const QSignalBlocker quiet(field);
        const QJsonValue value = m_state.answers().value(question.id);
        if (auto* number = qobject_cast<QDoubleSpinBox*>(field)) {
            number->setValue(value.isUndefined() ? unknownNumber(question) : value.toDouble());
        } else if (auto* choices = qobject_cast<QComboBox*>(field)) {
            const int index = value.isUndefined() ? 0 : choices->findData(value.toVariant());
            choices->setCurrentIndex(std::max(index, 0));
        }
    }
}

void AdvisorPanel::answer(const QString& questionId, const QJsonValue& value)
{
    Answers answers = m_state.answers();
    answers.set(questionId, value);
    const AdviceQuestion* question = m_state.adviceRules()->question(questionId);
    changeAnswers(answers, tr("Answer “%1”").arg(question->text));
}

void AdvisorPanel::changeAnswers(const Answers& answers, const QString& undoText)
{
    if (answers == m_state.answers())
        return;
    m_undoStack.push(new AnswersEdit(m_state, m_state.answers(), answers, undoText));
}

void AdvisorPanel::showRanking()
{
    const Advice& advice = m_state.advice();
    const Theme& theme = m_state.theme();
    const QString muted = theme.mutedText().name();
    m_compareTopTwo->setEnabled(advice.leaders(2).size() == 2);
    if (!m_state.adviceRules()) {
        m_ranking->setHtml(QString());
        return;
    }
    QString html;
    if (m_state.answers().isEmpty()) {
        html += QStringLiteral("<p style='color:%1'>%2</p>")
                    .arg(muted, escaped(tr("Nothing answered yet: the options are in order of "
                                           "their monthly cost for the workload.")));
    }
    const auto pointsColor = [&theme](const AdviceReason& reason) {
        if (reason.excludes || reason.points < 0)
            return theme.error().name();
        return reason.points > 0 ? theme.recommended().name() : theme.mutedText().name();
    };
    for (qsizetype i = 0; i < advice.ranking.size(); ++i) {
        const OptionAdvice& option = advice.ranking.at(i);
        const QString cost =
            option.monthlyTotal ? tr("%1 a month").arg(money(*option.monthlyTotal, advice.currency))
                                : tr("cannot run this workload");
        const QString name = QStringLiteral("<a href='%1'>%2</a>")
                                 .arg(optionLink(option.optionId), escaped(option.optionName));
        if (option.excluded) {
            html += QStringLiteral("<p style='margin-top:10px; color:%1'><b>%2</b> %3 · %4</p>")
                        .arg(muted, tr("Excluded:"), name, escaped(cost));
        } else {
            // "Recommended" only once something is answered: before that the order is cost's.
            const bool top = i == 0 && m_state.isAdvising();
            html += QStringLiteral("<p style='margin-top:10px'><span style='font-size:large; "
                                   "%1'><b>%2. %3</b></span> %4 <span style='color:%5'>"
                                   "· %6</span></p>")
                        .arg(top ? QStringLiteral("color:%1").arg(theme.recommended().name())
                                 : QString())
                        .arg(i + 1)
                        .arg(name,
                             top ? QStringLiteral("<b>%1</b>").arg(escaped(tr("recommended")))
                                 : QString(),
                             muted, escaped(tr("score %1 · %2").arg(option.score).arg(cost)));
        }
        html += QStringLiteral("<table cellspacing='0' cellpadding='1' style='margin-left:8px'>");
        if (option.reasons.isEmpty()) {
            html += QStringLiteral("<tr><td style='color:%1'>%2</td></tr>")
                        .arg(muted, escaped(tr("No rule applies to the answers given.")));
        }
        for (const AdviceReason& reason : option.reasons) {
            html += QStringLiteral("<tr><td align='right' style='color:%1; padding-right:6px'>"
                                   "<b>%2</b></td><td>%3</td></tr>")
                        .arg(pointsColor(reason), escaped(reasonAmountText(reason)),
                             escaped(reason.text));
        }
        html += QStringLiteral("</table>");
    }
    m_ranking->setHtml(html);
}

QString AdvisorPanel::markdown() const
{
    const AdviceRules* rules = m_state.adviceRules();
    if (!rules)
        return {};
    return adviceToMarkdown(m_state.advice(), *rules, m_state.answers(),
                            adviceCostBasis(m_state.workload().name, m_state.prices()));
}

void AdvisorPanel::openAnswers()
{
    const AdviceRules* rules = m_state.adviceRules();
    if (!rules)
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Answers"), folderToOffer(),
                                                      tr("Answers (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    rememberFolderOf(path);
    try {
        // A bad file leaves the answers as they are.
        changeAnswers(Answers::load(path, *rules), tr("Open Answers"));
        emit message(tr("Answers read from %1").arg(QDir::toNativeSeparators(path)));
    } catch (const DataError& error) {
        QMessageBox::critical(this, tr("Cannot open the answers"), error.toString());
    }
}

void AdvisorPanel::saveAnswers()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Answers"),
                                                QDir(folderToOffer()).filePath(tr("answers.json")),
                                                tr("Answers (*.json)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    rememberFolderOf(path);
    if (const auto error = m_state.answers().save(path))
        QMessageBox::critical(this, tr("Cannot save the answers"), *error);
    else
        emit message(tr("Answers saved to %1").arg(QDir::toNativeSeparators(path)));
}

void AdvisorPanel::copyMarkdown()
{
    QGuiApplication::clipboard()->setText(markdown());
    emit message(tr("The recommendation is on the clipboard as Markdown"));
}

void AdvisorPanel::saveMarkdown()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Recommendation"), QDir(folderToOffer()).filePath(tr("recommendation.md")),
        tr("Markdown (*.md)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".md");
    rememberFolderOf(path);
    if (const auto error = files::writeFileAtomically(path, markdown().toUtf8()))
        QMessageBox::critical(this, tr("Cannot save the recommendation"), *error);
    else
        emit message(tr("Recommendation saved to %1").arg(QDir::toNativeSeparators(path)));
}

void AdvisorPanel::compareTopTwo()
{
    const QStringList leaders = m_state.advice().leaders(2);
    if (leaders.size() == 2)
        m_state.setComparison(leaders.at(0), leaders.at(1));
}

} // namespace ace::ui
