// The workload editor: every accepted edit reaches the shared state as one undo step, refused
// values never do, and the fields follow the state (undo, redo, presets).
#include "catalog/catalog.h"
#include "pricing/pricebook.h"
#include "ui/explorerstate.h"
#include "ui/workloadeditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QUndoStack>

using namespace ace;
using ui::WorkloadEditor;

class TestWorkloadEditor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void typedRequestsAcceptEveryNotation_data();
    void typedRequestsAcceptEveryNotation();
    void refusedRequestsStayOutOfTheState_data();
    void refusedRequestsStayOutOfTheState();
    void sliderIsLogarithmic();
    void oneSliderDragIsOneUndoStep();
    void undoAndRedoRestoreTheFields();
    void numberFieldsEditTheirValue();
    void presetsLoadAsOneUndoableStep();

private:
    QLineEdit* requestsField() const { return m_editor->requestsField(); }
    void type(QLineEdit* field, const QString& text);

    const Catalog m_catalog = Catalog::loadBuiltIn();
    const PriceBook m_prices = PriceBook::loadBuiltIn();
    std::unique_ptr<ui::ExplorerState> m_state;
    std::unique_ptr<QUndoStack> m_undo;
    std::unique_ptr<WorkloadEditor> m_editor;
};

void TestWorkloadEditor::init()
{
    m_state = std::make_unique<ui::ExplorerState>(m_catalog, m_prices);
    m_undo = std::make_unique<QUndoStack>();
    m_editor = std::make_unique<WorkloadEditor>(*m_state, *m_undo);
    m_editor->show();
}

void TestWorkloadEditor::cleanup()
{
    m_editor.reset();
    m_undo.reset();
    m_state.reset();
}

void TestWorkloadEditor::type(QLineEdit* field, const QString& text)
{
    field->setText(text);
    emit field->editingFinished();
}

void TestWorkloadEditor::typedRequestsAcceptEveryNotation_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<double>("requests");
    QTest::newRow("plain") << "4000000" << 4e6;
    QTest::newRow("grouped") << "4,000,000" << 4e6;
    QTest::newRow("scientific") << "4e6" << 4e6;
    QTest::newRow("suffix") << "4M" << 4e6;
    QTest::newRow("fraction with suffix") << "2.5k" << 2500.0;
}

void TestWorkloadEditor::typedRequestsAcceptEveryNotation()
{
    QFETCH(QString, typed);
    QFETCH(double, requests);
    QSignalSpy changed(m_state.get(), &ui::ExplorerState::workloadChanged);
    type(requestsField(), typed);
    QCOMPARE(m_state->workload().requestsPerMonth, requests);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_undo->count(), 1);
    QVERIFY(m_editor->requestsProblem()->isHidden());
    QCOMPARE(m_editor->requestsSlider()->value(),
             WorkloadEditor::sliderPositionForRequests(requests));
}

void TestWorkloadEditor::refusedRequestsStayOutOfTheState_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("reason");
    QTest::newRow("words") << "lots"
                           << "\"lots\" is not a number";
    QTest::newRow("negative") << "-5"
                              << "must be between 0 and";
    QTest::newRow("absurd") << "1e20"
                            << "must be between 0 and";
}

void TestWorkloadEditor::refusedRequestsStayOutOfTheState()
{
    QFETCH(QString, typed);
    QFETCH(QString, reason);
    const Workload before = m_state->workload();
    QSignalSpy changed(m_state.get(), &ui::ExplorerState::workloadChanged);
    type(requestsField(), typed);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_state->workload(), before);
    QCOMPARE(m_undo->count(), 0);
    QVERIFY(!m_editor->requestsProblem()->isHidden());
    QVERIFY2(m_editor->requestsProblem()->text().contains(reason),
             qPrintable(m_editor->requestsProblem()->text()));
    // What the user typed stays, to be corrected.
    QCOMPARE(requestsField()->text(), typed);

    type(requestsField(), QStringLiteral("5M"));
    QVERIFY(m_editor->requestsProblem()->isHidden());
    QCOMPARE(m_state->workload().requestsPerMonth, 5e6);
}

void TestWorkloadEditor::sliderIsLogarithmic()
{
    QCOMPARE(WorkloadEditor::requestsAtSliderPosition(0), 1e3);
    QCOMPARE(WorkloadEditor::requestsAtSliderPosition(300), 1e6);
    QCOMPARE(WorkloadEditor::requestsAtSliderPosition(700), 1e10);
    // Round numbers between decades: 10^6.5 = 3,162,277.66 → 3.16M.
    QCOMPARE(WorkloadEditor::requestsAtSliderPosition(350), 3.16e6);
    QCOMPARE(WorkloadEditor::sliderPositionForRequests(1e8), 500);
    QCOMPARE(WorkloadEditor::sliderPositionForRequests(1), 0);
    QCOMPARE(WorkloadEditor::sliderPositionForRequests(1e15), 700);
}

void TestWorkloadEditor::oneSliderDragIsOneUndoStep()
{
    QSlider* slider = m_editor->requestsSlider();
    const double before = m_state->workload().requestsPerMonth;
    for (int drag = 0; drag < 2; ++drag) {
        slider->setSliderDown(true);
        for (int position = 300; position <= 500; position += 50)
            slider->setValue(position + drag);
        slider->setSliderDown(false);
    }
    QCOMPARE(m_state->workload().requestsPerMonth, WorkloadEditor::requestsAtSliderPosition(501));
    QCOMPARE(m_undo->count(), 2);
    m_undo->undo();
    QCOMPARE(m_state->workload().requestsPerMonth, WorkloadEditor::requestsAtSliderPosition(500));
    m_undo->undo();
    QCOMPARE(m_state->workload().requestsPerMonth, before);
}

void TestWorkloadEditor::undoAndRedoRestoreTheFields()
{
    type(requestsField(), QStringLiteral("7M"));
    type(requestsField(), QStringLiteral("9M"));
    m_undo->undo();
    QCOMPARE(m_state->workload().requestsPerMonth, 7e6);
    QCOMPARE(requestsField()->text(), QStringLiteral("7,000,000"));
    m_undo->redo();
    QCOMPARE(requestsField()->text(), QStringLiteral("9,000,000"));
    QCOMPARE(m_undo->undoText(), QStringLiteral("Set requests to 9M"));
}

void TestWorkloadEditor::numberFieldsEditTheirValue()
{
    // Find the Lambda memory field by its current value's text and suffix.
    QDoubleSpinBox* memory = nullptr;
    for (QDoubleSpinBox* field : m_editor->findChildren<QDoubleSpinBox*>()) {
        if (field->suffix() == QStringLiteral(" MB") && field->value() == 1536)
            memory = field;
    }
    QVERIFY(memory);
    memory->setValue(2048);
    QCOMPARE(m_state->workload().function.memoryMb, 2048.0);
    QCOMPARE(m_undo->count(), 1);
    // Out of range values are clamped by the field; the state never sees them.
    memory->setValue(99999);
    QCOMPARE(m_state->workload().function.memoryMb, 10240.0);
    m_undo->undo();
    m_undo->undo();
    QCOMPARE(memory->value(), 1536.0);

    QDoubleSpinBox* utilization = nullptr;
    for (QDoubleSpinBox* field : m_editor->findChildren<QDoubleSpinBox*>()) {
        if (field->suffix() == QStringLiteral(" %"))
            utilization = field;
    }
    QVERIFY(utilization);
    QCOMPARE(utilization->value(), 70.0);
    utilization->setValue(50);
    QCOMPARE(m_state->workload().container.targetUtilization, 0.5);
}

void TestWorkloadEditor::presetsLoadAsOneUndoableStep()
{
    QComboBox* presets = m_editor->presetChooser();
    const int batch = presets->findText(QStringLiteral("Nightly batch job"));
    QVERIFY(batch > 0);
    presets->setCurrentIndex(batch);
    emit presets->activated(batch);
    QCOMPARE(m_state->workload().name, QStringLiteral("Nightly batch job"));
    QCOMPARE(m_state->workload().container.tasks, std::optional<int>(1));
    QCOMPARE(presets->currentIndex(), 0);
    QCOMPARE(m_undo->count(), 1);
    m_undo->undo();
    QCOMPARE(m_state->workload(), Workload());
}

QTEST_MAIN(TestWorkloadEditor)
#include "tst_workloadeditor.moc"
