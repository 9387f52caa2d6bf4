// The advisor's panel: answers through its fields (undoable), the ranking it shows, "Compare
// the top two", the Markdown it copies, and a rules file that cannot be used.
#include "advisor/advice.h"
#include "catalog/catalog.h"
#include "cost/workload.h"
#include "optionids.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"
#include "state/workloaddocument.h"
#include "ui/advisorpanel.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>
#include <QUndoStack>

using namespace ace;
using namespace ace::ui;
using namespace ace::test;

class TestAdvisorPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void aChoiceRanksTheOptionsAndUndoes();
    void aNumberFieldSaysDontKnowAtItsBottom();
    void compareTheTopTwoOpensTheirComparison();
    void copyPutsTheRecommendationOnTheClipboard();
    void rulesThatCannotBeUsedSayWhy();
    void theWindowShowsTheAdvisorOnItsShortcut();

private:
    static void choose(QWidget* field, const QString& choiceId)
    {
        auto* choices = qobject_cast<QComboBox*>(field);
        QVERIFY(choices);
        const int index = choices->findData(choiceId);
        QVERIFY(index > 0);
        choices->setCurrentIndex(index);
        emit choices->activated(index); // as a click on the entry does
    }

    const Catalog m_catalog = Catalog::loadBuiltIn();
    const PriceBook m_prices = PriceBook::loadBuiltIn();
};

void TestAdvisorPanel::aChoiceRanksTheOptionsAndUndoes()
{
    ExplorerState state(m_catalog, m_prices);
    state.setWorkload(Workload::load(QStringLiteral(":/data/presets/image-resize.json")));
    QUndoStack undo;
    AdvisorPanel panel(state, undo);
    QVERIFY(!state.isAdvising());
    // Narrow enough to share a 1024-pixel-wide window with the diagram.
    QVERIFY2(panel.minimumSizeHint().width() <= 260,
             qPrintable(QString::number(panel.minimumSizeHint().width())));
    QVERIFY(panel.ranking()->toPlainText().contains(QStringLiteral("Nothing answered yet")));
    QVERIFY(!panel.ranking()->toPlainText().contains(QStringLiteral("recommended")));

    auto* gpu = qobject_cast<QComboBox*>(panel.fieldFor(QStringLiteral("gpu")));
    gpu->setCurrentIndex(gpu->findText(QStringLiteral("Yes")));
    emit gpu->activated(gpu->currentIndex());
    QCOMPARE(state.answers().value(QStringLiteral("gpu")), QJsonValue(true));
    QVERIFY(state.isAdvising());
    QVERIFY(state.advice().adviceFor(optionids::lambda)->excluded);
    const QString shown = panel.ranking()->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("Excluded: Lambda functions")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("Lambda offers no GPUs")));
    QCOMPARE(undo.count(), 1);

    choose(panel.fieldFor(QStringLiteral("traffic")), QStringLiteral("steady"));
    QCOMPARE(state.answers().value(QStringLiteral("traffic")).toString(), QStringLiteral("steady"));
    QCOMPARE(undo.count(), 2);
    undo.undo();
    QVERIFY(!state.answers().isAnswered(QStringLiteral("traffic")));
    // The field follows the undo.
    QCOMPARE(qobject_cast<QComboBox*>(panel.fieldFor(QStringLiteral("traffic")))->currentIndex(),
             0);
    undo.undo();
    QVERIFY(state.answers().isEmpty());
    QVERIFY(!state.advice().adviceFor(optionids::lambda)->excluded);
    QCOMPARE(gpu->currentIndex(), 0);
    undo.redo();
    QCOMPARE(gpu->currentText(), QStringLiteral("Yes"));

    // Reset is one undoable step back to "don't know" everywhere.
    panel.resetButton()->click();
    QVERIFY(state.answers().isEmpty());
    undo.undo();
    QCOMPARE(state.answers().value(QStringLiteral("gpu")), QJsonValue(true));
}

void TestAdvisorPanel::aNumberFieldSaysDontKnowAtItsBottom()
{
    ExplorerState state(m_catalog, m_prices);
    QUndoStack undo;
    AdvisorPanel panel(state, undo);
    auto* minutes = qobject_cast<QDoubleSpinBox*>(panel.fieldFor(QStringLiteral("maxRunMinutes")));
    QVERIFY(minutes);
    QCOMPARE(minutes->text(), QStringLiteral("Don't know"));
    minutes->setValue(120);
    QCOMPARE(state.answers().value(QStringLiteral("maxRunMinutes")).toDouble(), 120.0);
    QVERIFY(state.advice().adviceFor(optionids::lambda)->excluded);
    minutes->setValue(minutes->minimum());
    QVERIFY(!state.answers().isAnswered(QStringLiteral("maxRunMinutes")));
    QCOMPARE(minutes->text(), QStringLiteral("Don't know"));
    QCOMPARE(undo.count(), 2);
}

void TestAdvisorPanel::compareTheTopTwoOpensTheirComparison()
{
    ExplorerState state(m_catalog, m_prices);
    QUndoStack undo;
    AdvisorPanel panel(state, undo);
    choose(panel.fieldFor(QStringLiteral("kubernetes")), QStringLiteral("required"));
    const QStringList leaders = state.advice().leaders(2);
    QCOMPARE(leaders.size(), 2);
    QVERIFY(panel.compareTopTwoButton()->isEnabled());
    panel.compareTopTwoButton()->click();
    QVERIFY(state.isComparing());
    QCOMPARE(QStringList({state.comparedFirst(), state.comparedSecond()}), leaders);
    QVERIFY(panel.ranking()->toPlainText().contains(QStringLiteral("recommended")));
    // With one option left, there is no pair to compare.
    choose(panel.fieldFor(QStringLiteral("architecture")), QStringLiteral("arm64"));
    QCOMPARE(state.advice().leaders(2), QStringList{optionids::eksEc2});
    QVERIFY(!panel.compareTopTwoButton()->isEnabled());
}

void TestAdvisorPanel::copyPutsTheRecommendationOnTheClipboard()
{
    ExplorerState state(m_catalog, m_prices);
    QUndoStack undo;
    AdvisorPanel panel(state, undo);
    choose(panel.fieldFor(QStringLiteral("packaging")), QStringLiteral("functions"));
    const QString expected =
        adviceToMarkdown(state.advice(), *state.adviceRules(), state.answers(),
                         adviceCostBasis(state.workload().name, state.prices()));
    QCOMPARE(panel.markdown(), expected);
    QVERIFY(expected.contains(QStringLiteral("**Recommended: Lambda functions**")));
    const auto actions = panel.findChildren<QAction*>();
    const auto copy = std::find_if(actions.cbegin(), actions.cend(), [](QAction* action) {
        return action->text() == QLatin1String("Copy as Markdown");
    });
    QVERIFY(copy != actions.cend());
    (*copy)->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
}

void TestAdvisorPanel::rulesThatCannotBeUsedSayWhy()
{
    ExplorerState state(m_catalog, m_prices);
    state.useAdviceRules(QStringLiteral("/nonexistent/advice.json"));
    QVERIFY(!state.adviceRules());
    QVERIFY(state.adviceRulesError().contains(QStringLiteral("/nonexistent/advice.json")));
    QUndoStack undo;
    AdvisorPanel panel(state, undo);
    const auto labels = panel.findChildren<QLabel*>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [&state](const QLabel* label) {
        return label->text().contains(state.adviceRulesError());
    }));
    QVERIFY(!panel.fieldFor(QStringLiteral("gpu")));
    QVERIFY(!state.isAdvising());
    QVERIFY(state.advice().ranking.isEmpty());
}

void TestAdvisorPanel::theWindowShowsTheAdvisorOnItsShortcut()
{
    MainWindow window(m_catalog, m_prices);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.advisorDock()->visibleRegion().isEmpty()); // behind the Details tab
    // The first frame does not need the panel: it is made when first shown.
    QVERIFY(!window.findChild<AdvisorPanel*>());
    QTest::keyClick(&window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(!window.advisorDock()->visibleRegion().isEmpty());
    QTRY_COMPARE(QApplication::focusWidget(),
                 window.advisorPanel()->fieldFor(QStringLiteral("maxRunMinutes")));
    // A number typed right away replaces "Don't know".
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("30"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(window.state().answers().value(QStringLiteral("maxRunMinutes")).toDouble(), 30.0);
    window.document().undoStack().undo();
    QVERIFY(window.state().answers().isEmpty());
    // An answer here is undone with the window's Ctrl+Z, like a workload edit.
    auto* gpu = qobject_cast<QComboBox*>(window.advisorPanel()->fieldFor(QStringLiteral("gpu")));
    gpu->setCurrentIndex(gpu->findText(QStringLiteral("No")));
    emit gpu->activated(gpu->currentIndex());
    QCOMPARE(window.state().answers().value(QStringLiteral("gpu")), QJsonValue(false));
    window.document().undoStack().undo();
    QVERIFY(window.state().answers().isEmpty());

    // Compare the Top Two takes the room of the side docks; closing the comparison brings the
    // advisor back in front, where the user left it.
    window.advisorPanel()->compareTopTwoButton()->click();
    QVERIFY(window.state().isComparing());
    QTRY_VERIFY(!window.advisorDock()->isVisible());
    window.state().clearComparison();
    QTRY_VERIFY(!window.advisorDock()->visibleRegion().isEmpty());
}

QTEST_MAIN(TestAdvisorPanel)
#include "tst_advisorpanel.moc"
