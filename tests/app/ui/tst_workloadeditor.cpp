// The workload editor: every accepted edit reaches the shared state as one undo step, refused
// values never do, and the fields follow the state (undo, redo, presets).
#include "catalog/catalog.h"
#include "cost/workloadfields.h"
#include "jsonfixtures.h"
#include "paintcounter.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"
#include "ui/instancetypefield.h"
#include "ui/workloadeditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QStyleOptionComboBox>
#include <QStyleOptionFrame>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <cmath>

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
    void aDragEditsOncePerTurnToItsLastPosition();
    void undoAndRedoRestoreTheFields();
    void numberFieldsEditTheirValue();
    void presetsLoadAsOneUndoableStep();
    void refusedNumbersStayAsTypedWithTheReason_data();
    void refusedNumbersStayAsTypedWithTheReason();
    void problemsDoNotMoveTheLabels();
    void aNewVolumeRepaintsOnlyTheVolumesFields();
    void refusedEntryStaysUntilItsValueChanges();
    void rangeProblemsGroupThousands();
    void wheelScrollsPastUnfocusedFields();
    void undoKeysReachTheUndoStackFromAField();
    void fieldsShowTheirWholeText_data();
    void fieldsShowTheirWholeText();
    void editedPresetIsNoLongerNamedAfterIt();
    void typedNameIsKeptOnEdits();
    void longNameShowsItsStart();
    void undoTextsUseTheLabels();
    void sliderLandsOnRoundValues();
    void tabFollowsTheForm();
    void countsSwitchBetweenFixedAndSized();
    void billNumbersEditTheirFieldInOneStep_data();
    void billNumbersEditTheirFieldInOneStep();
    void billChoicesEditTheirFieldInOneStep_data();
    void billChoicesEditTheirFieldInOneStep();
    void kindsOfferedAreThoseAwsSells_data();
    void kindsOfferedAreThoseAwsSells();
    void discountLimitFollowsTheKind();
    void lowerKindClampsTheDiscountInTheSameStep();
    void containersDoorLeavesLambdasDoor();
    void loadBalancerFieldsNeedALoadBalancer();
    void mixedDoorsAreShownAsInTheFile();
    void presetsShowTheirBill();
    void instanceListFiltersByTextAndArchitecture_data();
    void instanceListFiltersByTextAndArchitecture();
    void instanceListShowsSizeAndPrice();
    void instanceListChoosesByKeyboardAndMouse();
    void instanceTypeTypedWholeIsChosenElseRefused();
    void instanceListFollowsThePriceBook();

private:
    QLineEdit* requestsField() const { return m_editor->requestsField(); }
    void type(QLineEdit* field, const QString& text);
    // Types `text` into a number field as a user does, then Enter.
    void typeNumber(QDoubleSpinBox* field, const QString& text);
    QDoubleSpinBox* field(const QString& label) const;
    QComboBox* choice(const QString& label) const;
    // Chooses the item `text` of `box` as a user does.
    void choose(QComboBox* box, const QString& text);
    // The workload field at `key` ("traffic.avgResponseKb").
    static const WorkloadField& fieldAt(const QString& key);
    // Sizes the dock so that the editor is `width` wide.
    void showAtWidth(int width);

    const Catalog m_catalog = Catalog::loadBuiltIn();
    const PriceBook m_prices = PriceBook::loadBuiltIn();
    std::unique_ptr<ui::ExplorerState> m_state;
    std::unique_ptr<QUndoStack> m_undo;
    // As in the window's Workload dock: in a scroll area, which owns it.
    std::unique_ptr<QScrollArea> m_dock;
    WorkloadEditor* m_editor = nullptr;
};

void TestWorkloadEditor::init()
{
    m_state = std::make_unique<ui::ExplorerState>(m_catalog, m_prices);
    m_undo = std::make_unique<QUndoStack>();
    m_dock = std::make_unique<QScrollArea>();
    m_dock->setWidgetResizable(true);
    m_dock->setFrameShape(QFrame::NoFrame);
    m_dock->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_editor = new WorkloadEditor(*m_state, *m_undo);
    m_dock->setWidget(m_editor);
    m_dock->resize(300, 600);
    m_dock->show();
}

void TestWorkloadEditor::cleanup()
{
    m_dock.reset();
    m_undo.reset();
    m_state.reset();
}

void TestWorkloadEditor::type(QLineEdit* field, const QString& text)
{
    field->setText(text);
    emit field->editingFinished();
}

void TestWorkloadEditor::typeNumber(QDoubleSpinBox* field, const QString& text)
{
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

QDoubleSpinBox* TestWorkloadEditor::field(const QString& label) const
{
    QDoubleSpinBox* found = m_editor->numberField(label);
    if (!found)
        qWarning("no number field labelled %s", qPrintable(label));
    return found;
}

QComboBox* TestWorkloadEditor::choice(const QString& label) const
{
    QComboBox* found = m_editor->choiceField(label);
    if (!found)
        qWarning("no choice labelled %s", qPrintable(label));
    return found;
}

void TestWorkloadEditor::choose(QComboBox* box, const QString& text)
{
    const int index = box->findText(text);
    if (index < 0)
        qWarning("no item \"%s\" in %s", qPrintable(text), qPrintable(box->accessibleName()));
    box->setCurrentIndex(index);
    emit box->activated(index);
}

const WorkloadField& TestWorkloadEditor::fieldAt(const QString& key)
{
    for (const WorkloadField* field : workloadFields()) {
        if (field->key() == key)
            return *field;
    }
    throw std::logic_error("no such field");
}

void TestWorkloadEditor::showAtWidth(int width)
{
    m_dock->resize(width + m_dock->verticalScrollBar()->sizeHint().width(), 700);
    QApplication::processEvents();
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
    // Round numbers between decades: 10^6.5 = 3,162,277.66 → 3M; 10^6.2 = 1.58M → 1.5M.
    QCOMPARE(WorkloadEditor::requestsAtSliderPosition(350), 3e6);
    QCOMPARE(WorkloadEditor::requestsAtSliderPosition(320), 1.5e6);
    QCOMPARE(WorkloadEditor::requestsAtSliderPosition(398), 1e7);
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
        // Ends on another round value each time (position 501 is 100M again, as 500 is).
        for (int position = 300; position <= 500; position += 50)
            slider->setValue(position + 20 * drag);
        slider->setSliderDown(false);
    }
    QCOMPARE(m_state->workload().requestsPerMonth, WorkloadEditor::requestsAtSliderPosition(520));
    QCOMPARE(m_undo->count(), 2);
    m_undo->undo();
    QCOMPARE(m_state->workload().requestsPerMonth, WorkloadEditor::requestsAtSliderPosition(500));
    m_undo->undo();
    QCOMPARE(m_state->workload().requestsPerMonth, before);
}

void TestWorkloadEditor::aDragEditsOncePerTurnToItsLastPosition()
{
    QSlider* slider = m_editor->requestsSlider();
    QSignalSpy edits(m_state.get(), &ui::ExplorerState::workloadChanged);
    slider->setSliderDown(true);
    // Many moves within one turn of the event loop: nothing is priced yet...
    for (int position = 300; position <= 500; position += 10)
        slider->setValue(position);
    QCOMPARE(edits.count(), 0);
    // ...then once, at the last position.
    QTRY_COMPARE(edits.count(), 1);
    QCOMPARE(m_state->workload().requestsPerMonth, WorkloadEditor::requestsAtSliderPosition(500));

    // Releasing the slider applies its last position at once.
    slider->setValue(520);
    slider->setValue(560);
    slider->setSliderDown(false);
    QCOMPARE(edits.count(), 2);
    QCOMPARE(m_state->workload().requestsPerMonth, WorkloadEditor::requestsAtSliderPosition(560));
    QCOMPARE(m_undo->count(), 1);
    QCoreApplication::processEvents();
    QCOMPARE(edits.count(), 2);

    // A key or click on the slider is an edit of its own, at once.
    slider->setValue(600);
    QCOMPARE(edits.count(), 3);
    QCOMPARE(m_undo->count(), 2);
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
    // Out of range values are refused; the state never sees them.
    memory->setValue(99999);
    QCOMPARE(m_state->workload().function.memoryMb, 2048.0);
    QCOMPARE(m_undo->count(), 1);
    m_undo->undo();
    QCOMPARE(memory->value(), 1536.0);

    QDoubleSpinBox* utilization = field(QStringLiteral("Target utilization"));
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

void TestWorkloadEditor::refusedNumbersStayAsTypedWithTheReason_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<double>("shown");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("corrected");
    // A spin box's own range once dropped the fifth digit: 20000 became 2,000.
    QTest::newRow("memory too large")
        << "Memory"
        << "20000" << 20000.0 << "Memory must be a whole number between 128 and 10,240 MB"
        << "2048";
    QTest::newRow("duration zero") << "Average duration"
                                   << "0" << 0.0
                                   << "Average duration must be greater than 0 and at most "
                                      "86,400,000 ms"
                                   << "250";
    QTest::newRow("peak below average")
        << "Peak ÷ average"
        << "0.5" << 0.5 << "Peak ÷ average must be between 1 and 1,000×"
        << "2";
    QTest::newRow("negative hours")
        << "Hours a month"
        << "-5" << -5.0 << "Hours a month must be greater than 0 and at most 744 h"
        << "100";
    QTest::newRow("utilization over 100 %")
        << "Target utilization"
        << "150" << 150.0 << "Target utilization must be greater than 0 and at most 100 %"
        << "60";
}

void TestWorkloadEditor::refusedNumbersStayAsTypedWithTheReason()
{
    QFETCH(QString, label);
    QFETCH(QString, typed);
    QFETCH(double, shown);
    QFETCH(QString, reason);
    QFETCH(QString, corrected);
    QDoubleSpinBox* number = field(label);
    QVERIFY(number);
    const Workload before = m_state->workload();
    typeNumber(number, typed);
    QCOMPARE(m_state->workload(), before);
    QCOMPARE(m_undo->count(), 0);
    QCOMPARE(number->value(), shown);
    QLabel* problem = m_editor->problemOf(number);
    QVERIFY(problem);
    QVERIFY(!problem->isHidden());
    QCOMPARE(problem->text(), reason);

    typeNumber(number, corrected);
    QCOMPARE(m_undo->count(), 1);
    QVERIFY(problem->isHidden());
    QCOMPARE(number->value(), corrected.toDouble());
}

void TestWorkloadEditor::problemsDoNotMoveTheLabels()
{
    showAtWidth(240);
    QDoubleSpinBox* memory = field(QStringLiteral("Memory"));
    const auto* form = qobject_cast<QFormLayout*>(memory->parentWidget()->layout());
    QVERIFY(form);
    QWidget* label = form->labelForField(memory);
    QVERIFY(label);
    QApplication::processEvents();
    const QRect labelBefore = label->geometry();
    const QRect fieldBefore = memory->geometry();
    typeNumber(memory, QStringLiteral("20000"));
    QApplication::processEvents();
    QVERIFY(m_editor->problemOf(memory)->isVisible());
    QCOMPARE(label->geometry(), labelBefore);
    QCOMPARE(memory->geometry(), fieldBefore);
    // Below the field, not beside it.
    QVERIFY(m_editor->problemOf(memory)->geometry().top() >= memory->geometry().bottom());
}

void TestWorkloadEditor::aNewVolumeRepaintsOnlyTheVolumesFields()
{
    // Dragging the requests slider refreshes the whole editor at every move: fields that keep
    // their value, and problems that stay none, are not set again (each repainted, and a
    // problem row laid the editor out again).
    showAtWidth(300);
    QDoubleSpinBox* duration = field(QStringLiteral("Average duration"));
    ace::test::PaintCounter durationPaints(duration);
    ace::test::PaintCounter requestsPaints(requestsField());
    Workload busier = m_state->workload();
    busier.requestsPerMonth *= 3;
    m_state->setWorkload(busier);
    QApplication::processEvents();
    QVERIFY(requestsPaints.count > 0);
    QCOMPARE(durationPaints.count, 0);

    // A new duration is shown.
    Workload slower = busier;
    slower.avgDurationMs = 340;
    m_state->setWorkload(slower);
    QApplication::processEvents();
    QCOMPARE(duration->value(), 340.0);
    QVERIFY(durationPaints.count > 0);
}

void TestWorkloadEditor::refusedEntryStaysUntilItsValueChanges()
{
    QDoubleSpinBox* memory = field(QStringLiteral("Memory"));
    typeNumber(memory, QStringLiteral("20000"));
    // Another field's edit leaves the refused entry to be corrected.
    type(requestsField(), QStringLiteral("5M"));
    QCOMPARE(memory->value(), 20000.0);
    QVERIFY(!m_editor->problemOf(memory)->isHidden());
    // A new value for the field itself (here a preset's) replaces it.
    m_undo->undo();
    QCOMPARE(memory->value(), 20000.0);
    Workload other = m_state->workload();
    other.function.memoryMb = 512;
    m_state->setWorkload(other);
    QCOMPARE(memory->value(), 512.0);
    QVERIFY(m_editor->problemOf(memory)->isHidden());
}

void TestWorkloadEditor::rangeProblemsGroupThousands()
{
    type(requestsField(), QStringLiteral("1e20"));
    QCOMPARE(m_editor->requestsProblem()->text(),
             QStringLiteral("Requests/month must be between 0 and 10,000,000,000,000"));
}

void TestWorkloadEditor::wheelScrollsPastUnfocusedFields()
{
    QVERIFY(QTest::qWaitForWindowExposed(m_dock.get()));
    WorkloadEditor* editor = m_editor;
    QDoubleSpinBox* flight = editor->numberField(QStringLiteral("In flight per vCPU"));
    QVERIFY(flight);
    editor->requestsField()->setFocus();
    m_dock->verticalScrollBar()->setValue(0);
    const double before = flight->value();
    const int scrolled = m_dock->verticalScrollBar()->value();
    // One notch over `target`, passed up the parents while ignored, as Qt passes one from the
    // mouse (a synthesized wheel event is not passed on).
    const auto wheel = [](QWidget* target) {
        const QPoint spot = target->mapToGlobal(target->rect().center());
        for (QWidget* receiver = target; receiver; receiver = receiver->parentWidget()) {
            QWheelEvent event(receiver->mapFromGlobal(spot), spot, QPoint(), QPoint(0, -120),
                              Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(receiver, &event);
            if (event.isAccepted())
                return;
        }
    };
    wheel(flight);
    QCOMPARE(flight->value(), before);
    QCOMPARE(m_undo->count(), 0);
    QVERIFY(m_dock->verticalScrollBar()->value() > scrolled);
    // Combo boxes too.
    auto* architecture = editor->findChild<QComboBox*>();
    for (QComboBox* box : editor->findChildren<QComboBox*>()) {
        if (box->accessibleName() == QStringLiteral("Architecture"))
            architecture = box;
    }
    wheel(architecture);
    QCOMPARE(m_state->workload().architecture, Architecture::X86_64);
    QCOMPARE(m_undo->count(), 0);

    // Once focused, the field takes the wheel.
    flight->setFocus();
    wheel(flight);
    QVERIFY(flight->value() != before);
    QCOMPARE(m_undo->count(), 1);
}

void TestWorkloadEditor::undoKeysReachTheUndoStackFromAField()
{
    QVERIFY(QTest::qWaitForWindowActive(m_dock.get()));
    QDoubleSpinBox* duration = field(QStringLiteral("Average duration"));
    typeNumber(duration, QStringLiteral("200"));
    QCOMPARE(m_state->workload().avgDurationMs, 200.0);
    QVERIFY(duration->hasFocus());
    QTest::keyClick(duration, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_state->workload().avgDurationMs, 120.0);
    QCOMPARE(duration->value(), 120.0);
    QTest::keyClick(duration, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_state->workload().avgDurationMs, 200.0);

    // A value typed but not committed is committed first, then undone.
    duration->selectAll();
    QTest::keyClicks(duration, QStringLiteral("300"));
    QTest::keyClick(duration, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_state->workload().avgDurationMs, 200.0);
    QCOMPARE(m_undo->count(), 2);
    QTest::keyClick(duration, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_state->workload().avgDurationMs, 300.0);

    // The same from the requests field.
    requestsField()->setFocus();
    QTest::keyClick(requestsField(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_state->workload().avgDurationMs, 200.0);
}

void TestWorkloadEditor::fieldsShowTheirWholeText_data()
{
    QTest::addColumn<int>("width");
    // The Workload dock's width in a 1024×700 window, and a wide one.
    QTest::newRow("narrow") << 240;
    QTest::newRow("wide") << 420;
}

namespace {

// The width a line edit has for its text: its contents less QLineEdit's margin of 2 a side.
int textRoom(const QLineEdit* edit)
{
    QStyleOptionFrame option;
    option.initFrom(edit);
    option.lineWidth =
        edit->hasFrame() ? edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth) : 0;
    const QMargins margins = edit->textMargins();
    return edit->style()->subElementRect(QStyle::SE_LineEditContents, &option, edit).width() -
           margins.left() - margins.right() - 4;
}

} // namespace

void TestWorkloadEditor::fieldsShowTheirWholeText()
{
    QFETCH(int, width);
    // Large values, as wide as they get.
    Workload workload = m_state->workload();
    workload.requestsPerMonth = 3'000'000'000'000;
    workload.avgDurationMs = 1'000'000;
    workload.container.concurrencyPerVcpu = 99'999.99;
    workload.container.tasks = 100'000;
    m_state->setWorkload(workload);
    QVERIFY(m_editor->minimumSizeHint().width() <= 240);
    showAtWidth(width);
    QCOMPARE(m_editor->width(), width);
    const QFontMetrics metrics = m_editor->fontMetrics();
    for (const QLineEdit* edit : m_editor->findChildren<QLineEdit*>()) {
        if (edit == m_editor->nameField())
            continue; // free text, which shows its start
        QVERIFY2(textRoom(edit) >= metrics.horizontalAdvance(edit->text()),
                 qPrintable(QStringLiteral("%1: %2 for \"%3\"")
                                .arg(edit->parentWidget()->accessibleName())
                                .arg(textRoom(edit))
                                .arg(edit->text())));
        QVERIFY(edit->geometry().right() < edit->parentWidget()->width());
    }
    for (const QComboBox* box : m_editor->findChildren<QComboBox*>()) {
        QStyleOptionComboBox option;
        option.initFrom(box);
        const int room =
            box->style()
                ->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, box)
                .width();
        const QString shown = box->currentText();
        QVERIFY2(room >= metrics.horizontalAdvance(shown),
                 qPrintable(QStringLiteral("%1: %2 for \"%3\"")
                                .arg(box->accessibleName())
                                .arg(room)
                                .arg(shown)));
        QVERIFY(box->geometry().right() < box->parentWidget()->width());
    }
}

void TestWorkloadEditor::editedPresetIsNoLongerNamedAfterIt()
{
    QComboBox* presets = m_editor->presetChooser();
    const int kubernetes = presets->findText(QStringLiteral("Kubernetes microservices"));
    QVERIFY(kubernetes > 0);
    emit presets->activated(kubernetes);
    QCOMPARE(m_state->workload().name, QStringLiteral("Kubernetes microservices"));
    type(requestsField(), QStringLiteral("30M"));
    QCOMPARE(m_state->workload().name, QStringLiteral("Kubernetes microservices (edited)"));
    QCOMPARE(m_editor->nameField()->text(), QStringLiteral("Kubernetes microservices (edited)"));
    // Later edits keep the name.
    typeNumber(field(QStringLiteral("Memory")), QStringLiteral("2048"));
    QCOMPARE(m_state->workload().name, QStringLiteral("Kubernetes microservices (edited)"));
    // One step renamed and changed the value; undo restores both.
    m_undo->undo();
    m_undo->undo();
    QCOMPARE(m_state->workload().name, QStringLiteral("Kubernetes microservices"));
    QVERIFY(m_state->workload().requestsPerMonth != 30e6);

    // The built-in default is a preset's name too.
    m_undo->undo();
    QCOMPARE(m_state->workload(), Workload());
    typeNumber(field(QStringLiteral("Average duration")), QStringLiteral("250"));
    QCOMPARE(m_state->workload().name, Workload().name + QStringLiteral(" (edited)"));
}

void TestWorkloadEditor::typedNameIsKeptOnEdits()
{
    type(m_editor->nameField(), QStringLiteral("Thumbnails"));
    QCOMPARE(m_state->workload().name, QStringLiteral("Thumbnails"));
    type(requestsField(), QStringLiteral("30M"));
    QCOMPARE(m_state->workload().name, QStringLiteral("Thumbnails"));
    // Even a typed name that is a preset's.
    type(m_editor->nameField(), QStringLiteral("Nightly batch job"));
    type(requestsField(), QStringLiteral("40M"));
    QCOMPARE(m_state->workload().name, QStringLiteral("Nightly batch job (edited)"));
}

void TestWorkloadEditor::longNameShowsItsStart()
{
    showAtWidth(240);
    Workload workload = m_state->workload();
    workload.name = QStringLiteral("Resize every image and video thumbnail when it is uploaded");
    m_state->setWorkload(workload);
    QCOMPARE(m_editor->nameField()->cursorPosition(), 0);
}

void TestWorkloadEditor::undoTextsUseTheLabels()
{
    typeNumber(field(QStringLiteral("In flight per vCPU")), QStringLiteral("10"));
    QCOMPARE(m_undo->undoText(), QStringLiteral("Set in flight per vCPU"));
    typeNumber(field(QStringLiteral("EKS clusters")), QStringLiteral("3"));
    QCOMPARE(m_undo->undoText(), QStringLiteral("Set EKS clusters"));
    typeNumber(field(QStringLiteral("vCPU per task")), QStringLiteral("2"));
    QCOMPARE(m_undo->undoText(), QStringLiteral("Set vCPU per task"));
    typeNumber(field(QStringLiteral("Average duration")), QStringLiteral("300"));
    QCOMPARE(m_undo->undoText(), QStringLiteral("Set average duration"));
}

void TestWorkloadEditor::sliderLandsOnRoundValues()
{
    const QList<double> round = {1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9};
    QSlider* slider = m_editor->requestsSlider();
    double previous = 0;
    QSet<double> reached;
    for (int position = slider->minimum(); position <= slider->maximum(); ++position) {
        const double requests = WorkloadEditor::requestsAtSliderPosition(position);
        const double mantissa = requests / std::pow(10.0, std::floor(std::log10(requests)));
        QVERIFY2(std::any_of(round.begin(), round.end(),
                             [mantissa](double step) { return qFuzzyCompare(step, mantissa); }),
                 qPrintable(QString::number(requests)));
        QVERIFY(requests >= previous);
        previous = requests;
        reached.insert(requests);
    }
    // Every round value of every decade is reachable.
    QCOMPARE(reached.size(), 7 * int(round.size()) + 1);
}

void TestWorkloadEditor::tabFollowsTheForm()
{
    showAtWidth(420);
    QApplication::processEvents();
    QList<QWidget*> order;
    QWidget* current = m_editor->nameField();
    do {
        if (current->isVisibleTo(m_editor) && current->isEnabled() &&
            (current->focusPolicy() & Qt::TabFocus) && !current->focusProxy())
            order.append(current);
        current = current->nextInFocusChain();
    } while (current != m_editor->nameField() && m_editor->isAncestorOf(current));
    QVERIFY(order.size() > 15);
    for (qsizetype i = 1; i < order.size(); ++i) {
        const QPoint previous = order[i - 1]->mapTo(m_editor, QPoint());
        const QPoint next = order[i]->mapTo(m_editor, QPoint());
        // Down the form; within a row, left to right.
        QVERIFY2(next.y() > previous.y() || (next.y() == previous.y() && next.x() > previous.x()),
                 qPrintable(order[i]->accessibleName() + u' ' +
                            QLatin1String(order[i]->metaObject()->className())));
    }
}

void TestWorkloadEditor::countsSwitchBetweenFixedAndSized()
{
    QDoubleSpinBox* tasks = field(QStringLiteral("Tasks"));
    QVERIFY(tasks);
    QVERIFY(!tasks->isEnabled());
    QCOMPARE(tasks->text(), QString()); // sized from the load: no number
    // The first "Fixed" is the tasks' (the second, the instances').
    QCheckBox* fixed = nullptr;
    for (QCheckBox* box : m_editor->findChildren<QCheckBox*>()) {
        if (!fixed && box->text() == QStringLiteral("Fixed"))
            fixed = box;
    }
    QVERIFY(fixed);
    fixed->click();
    QCOMPARE(m_state->workload().container.tasks, std::optional<int>(1));
    QCOMPARE(m_undo->undoText(), QStringLiteral("Fix tasks at 1"));
    typeNumber(tasks, QStringLiteral("12"));
    QCOMPARE(m_state->workload().container.tasks, std::optional<int>(12));
    typeNumber(tasks, QStringLiteral("0"));
    QCOMPARE(m_state->workload().container.tasks, std::optional<int>(12));
    QCOMPARE(m_editor->problemOf(tasks)->text(),
             QStringLiteral("Tasks must be a whole number between 1 and 100,000"));
    fixed->click();
    QCOMPARE(m_state->workload().container.tasks, std::nullopt);
    QCOMPARE(m_undo->undoText(), QStringLiteral("Size tasks from the load"));
    QVERIFY(m_editor->problemOf(tasks)->isHidden());
}

namespace {

// A workload with a load balancer in front of every option and a discount on every family:
// every field of the bill enabled.
Workload everythingBilled()
{
    Workload workload;
    workload.requestPath.defaultDoor = RequestDoor::Alb;
    workload.purchase.ec2 = {PurchaseKind::Spot, 50};
    workload.purchase.fargate = {PurchaseKind::SavingsPlan, 20};
    workload.purchase.lambda = {PurchaseKind::SavingsPlan, 10};
    return workload;
}

} // namespace

void TestWorkloadEditor::billNumbersEditTheirFieldInOneStep_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<double>("stored");
    QTest::addColumn<QString>("undoText");
    QTest::newRow("rules") << "ALB rules per request"
                           << "requestPath.albRulesPerRequest"
                           << "25" << 25.0 << "Set ALB rules per request";
    QTest::newRow("request size") << "Request size"
                                  << "traffic.avgRequestKb"
                                  << "2.5" << 2.5 << "Set request size";
    QTest::newRow("response size") << "Response size"
                                   << "traffic.avgResponseKb"
                                   << "20" << 20.0 << "Set response size";
    QTest::newRow("keep-alive") << "Requests per connection"
                                << "traffic.requestsPerConnection"
                                << "8" << 8.0 << "Set requests per connection";
    QTest::newRow("EC2 discount") << "EC2 discount"
                                  << "purchase.ec2.discountPercent"
                                  << "65.5" << 65.5 << "Set EC2 discount";
    QTest::newRow("Fargate discount") << "Fargate discount"
                                      << "purchase.fargate.discountPercent"
                                      << "35" << 35.0 << "Set Fargate discount";
    QTest::newRow("Lambda discount") << "Lambda discount"
                                     << "purchase.lambda.discountPercent"
                                     << "17" << 17.0 << "Set Lambda discount";
}

void TestWorkloadEditor::billNumbersEditTheirFieldInOneStep()
{
    QFETCH(QString, label);
    QFETCH(QString, key);
    QFETCH(QString, typed);
    QFETCH(double, stored);
    QFETCH(QString, undoText);
    const Workload before = everythingBilled();
    m_state->setWorkload(before);
    const auto& number = dynamic_cast<const WorkloadNumberField&>(fieldAt(key));
    QDoubleSpinBox* box = field(label);
    QVERIFY(box);
    QVERIFY(box->isEnabled());
    QVERIFY(!box->toolTip().isEmpty());
    QCOMPARE(box->value(), *number.number(before));
    typeNumber(box, typed);
    QCOMPARE(number.number(m_state->workload()), std::optional<double>(stored));
    QCOMPARE(m_undo->count(), 1);
    QCOMPARE(m_undo->undoText(), undoText);
    QVERIFY(m_editor->problemOf(box)->isHidden());
    m_undo->undo();
    QCOMPARE(m_state->workload(), before);
    QCOMPARE(box->value(), *number.number(before));
}

void TestWorkloadEditor::billChoicesEditTheirFieldInOneStep_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("id");
    QTest::newRow("function URL") << "In front of Lambda"
                                  << "Function URL"
                                  << "requestPath.lambda"
                                  << "function-url";
    QTest::newRow("HTTP API") << "In front of Lambda"
                              << "API Gateway HTTP API"
                              << "requestPath.lambda"
                              << "api-gateway-http";
    QTest::newRow("REST API") << "In front of Lambda"
                              << "API Gateway REST API"
                              << "requestPath.lambda"
                              << "api-gateway-rest";
    QTest::newRow("ALB for Lambda") << "In front of Lambda"
                                    << "Load balancer (ALB)"
                                    << "requestPath.lambda"
                                    << "alb";
    QTest::newRow("ALB for the others") << "In front of containers and VMs"
                                        << "Load balancer (ALB)"
                                        << "requestPath.default"
                                        << "alb";
    QTest::newRow("EC2 Savings Plans") << "EC2 instances"
                                       << "Savings Plans (up to 72 %)"
                                       << "purchase.ec2.kind"
                                       << "savings-plan";
    QTest::newRow("EC2 Reserved") << "EC2 instances"
                                  << "Reserved (up to 72 %)"
                                  << "purchase.ec2.kind"
                                  << "reserved";
    QTest::newRow("Fargate Spot") << "Fargate"
                                  << "Spot (up to 70 %)"
                                  << "purchase.fargate.kind"
                                  << "spot";
    QTest::newRow("Lambda Savings Plans") << "Lambda"
                                          << "Savings Plans (up to 17 %)"
                                          << "purchase.lambda.kind"
                                          << "savings-plan";
    QTest::newRow("extended support") << "EKS support"
                                      << "Extended"
                                      << "eksSupport"
                                      << "extended";
}

void TestWorkloadEditor::billChoicesEditTheirFieldInOneStep()
{
    QFETCH(QString, label);
    QFETCH(QString, item);
    QFETCH(QString, key);
    QFETCH(QString, id);
    QComboBox* box = choice(label);
    QVERIFY(box);
    QVERIFY(!box->toolTip().isEmpty());
    // Each item says what it means.
    for (int index = 0; index < box->count(); ++index)
        QVERIFY(!box->itemData(index, Qt::ToolTipRole).toString().isEmpty());
    choose(box, item);
    QCOMPARE(fieldAt(key).toJson(m_state->workload()).toString(), id);
    QCOMPARE(box->currentText(), item);
    QCOMPARE(m_undo->count(), 1);
    m_undo->undo();
    QCOMPARE(m_state->workload(), Workload());
    QCOMPARE(box->currentIndex(), 0);
}

void TestWorkloadEditor::kindsOfferedAreThoseAwsSells_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QStringList>("kinds");
    // AWS's "up to" figures: no Reserved Fargate or Lambda, no Lambda Spot.
    QTest::newRow("EC2") << "EC2 instances"
                         << QStringList{QStringLiteral("On demand"),
                                        QStringLiteral("Savings Plans (up to 72 %)"),
                                        QStringLiteral("Spot (up to 90 %)"),
                                        QStringLiteral("Reserved (up to 72 %)")};
    QTest::newRow("Fargate") << "Fargate"
                             << QStringList{QStringLiteral("On demand"),
                                            QStringLiteral("Savings Plans (up to 50 %)"),
                                            QStringLiteral("Spot (up to 70 %)")};
    QTest::newRow("Lambda") << "Lambda"
                            << QStringList{QStringLiteral("On demand"),
                                           QStringLiteral("Savings Plans (up to 17 %)")};
}

void TestWorkloadEditor::kindsOfferedAreThoseAwsSells()
{
    QFETCH(QString, label);
    QFETCH(QStringList, kinds);
    QComboBox* box = choice(label);
    QVERIFY(box);
    QStringList offered;
    for (int index = 0; index < box->count(); ++index)
        offered.append(box->itemText(index));
    QCOMPARE(offered, kinds);
}

void TestWorkloadEditor::discountLimitFollowsTheKind()
{
    QDoubleSpinBox* discount = field(QStringLiteral("EC2 discount"));
    QComboBox* kind = choice(QStringLiteral("EC2 instances"));
    QVERIFY(discount && kind);
    // On demand has no discount to give.
    QVERIFY(!discount->isEnabled());
    choose(kind, QStringLiteral("Savings Plans (up to 72 %)"));
    QVERIFY(discount->isEnabled());
    typeNumber(discount, QStringLiteral("80"));
    QCOMPARE(m_state->workload().purchase.ec2.discountPercent, 0.0);
    QCOMPARE(m_undo->count(), 1);
    QCOMPARE(discount->value(), 80.0);
    QCOMPARE(m_editor->problemOf(discount)->text(),
             QStringLiteral("EC2 discount must be between 0 and 72 %: the most AWS gives for "
                            "Savings Plans on EC2"));
    // Spot gives more: the refusal no longer holds, and the field shows the state's value.
    choose(kind, QStringLiteral("Spot (up to 90 %)"));
    QCOMPARE(discount->value(), 0.0);
    QVERIFY(m_editor->problemOf(discount)->isHidden());
    typeNumber(discount, QStringLiteral("80"));
    QCOMPARE(m_state->workload().purchase.ec2.discountPercent, 80.0);
    QVERIFY(m_editor->problemOf(discount)->isHidden());
    typeNumber(discount, QStringLiteral("95"));
    QCOMPARE(m_editor->problemOf(discount)->text(),
             QStringLiteral("EC2 discount must be between 0 and 90 %: the most AWS gives for "
                            "Spot on EC2"));
    QCOMPARE(m_state->workload().purchase.ec2.discountPercent, 80.0);
}

void TestWorkloadEditor::lowerKindClampsTheDiscountInTheSameStep()
{
    Workload spot;
    spot.purchase.ec2 = {PurchaseKind::Spot, 85};
    m_state->setWorkload(spot);
    QDoubleSpinBox* discount = field(QStringLiteral("EC2 discount"));
    QComboBox* kind = choice(QStringLiteral("EC2 instances"));
    QVERIFY(discount && kind);
    QCOMPARE(discount->value(), 85.0);

    choose(kind, QStringLiteral("Savings Plans (up to 72 %)"));
    QCOMPARE(m_state->workload().purchase.ec2.kind, PurchaseKind::SavingsPlan);
    QCOMPARE(m_state->workload().purchase.ec2.discountPercent, 72.0);
    QCOMPARE(discount->value(), 72.0);
    QCOMPARE(m_editor->problemOf(discount)->text(),
             QStringLiteral("Lowered from 85 % to 72 %: the most AWS gives for Savings Plans on "
                            "EC2"));
    QVERIFY(!m_editor->problemOf(discount)->isHidden());
    QCOMPARE(m_undo->count(), 1);
    m_undo->undo();
    QCOMPARE(m_state->workload(), spot);
    QCOMPARE(discount->value(), 85.0);
    QVERIFY(m_editor->problemOf(discount)->isHidden());

    // A kind that gives more leaves the discount as it is.
    m_undo->redo();
    choose(kind, QStringLiteral("Spot (up to 90 %)"));
    QCOMPARE(m_state->workload().purchase.ec2.discountPercent, 72.0);
    QVERIFY(m_editor->problemOf(discount)->isHidden());

    choose(kind, QStringLiteral("On demand"));
    QCOMPARE(m_state->workload().purchase.ec2.discountPercent, 0.0);
    QVERIFY(!discount->isEnabled());
    QCOMPARE(m_editor->problemOf(discount)->text(),
             QStringLiteral("Lowered from 72 % to 0 %: on demand has no discount"));
}

void TestWorkloadEditor::containersDoorLeavesLambdasDoor()
{
    QComboBox* lambdaDoor = choice(QStringLiteral("In front of Lambda"));
    QComboBox* othersDoor = choice(QStringLiteral("In front of containers and VMs"));
    QVERIFY(lambdaDoor && othersDoor);
    // The containers' door is the default, which Lambda would take too: it keeps its own.
    choose(othersDoor, QStringLiteral("Load balancer (ALB)"));
    const RequestPathSettings& path = m_state->workload().requestPath;
    for (const QString& id :
         {QStringLiteral("ec2"), QStringLiteral("ecs-ec2"), QStringLiteral("eks-ec2"),
          QStringLiteral("ecs-fargate"), QStringLiteral("eks-fargate")})
        QCOMPARE(path.doorOf(id), RequestDoor::Alb);
    QCOMPARE(path.doorOf(QStringLiteral("lambda")), RequestDoor::None);
    QCOMPARE(lambdaDoor->currentText(), QStringLiteral("None"));
    QCOMPARE(m_undo->count(), 1);

    // And Lambda's door leaves the others'.
    choose(lambdaDoor, QStringLiteral("API Gateway HTTP API"));
    QCOMPARE(m_state->workload().requestPath.doorOf(QStringLiteral("ecs-fargate")),
             RequestDoor::Alb);
    QCOMPARE(othersDoor->currentText(), QStringLiteral("Load balancer (ALB)"));
    choose(othersDoor, QStringLiteral("None"));
    QCOMPARE(m_state->workload().requestPath.doorOf(QStringLiteral("ec2")), RequestDoor::None);
    QCOMPARE(m_state->workload().requestPath.doorOf(QStringLiteral("lambda")),
             RequestDoor::ApiGatewayHttp);
    // Only doors that can stand in front of containers are offered.
    QCOMPARE(othersDoor->count(), 2);
    QCOMPARE(lambdaDoor->count(), 5);
}

void TestWorkloadEditor::loadBalancerFieldsNeedALoadBalancer()
{
    QDoubleSpinBox* rules = field(QStringLiteral("ALB rules per request"));
    QDoubleSpinBox* perConnection = field(QStringLiteral("Requests per connection"));
    QVERIFY(rules && perConnection);
    QVERIFY(!rules->isEnabled());
    QVERIFY(!perConnection->isEnabled());
    // Any option behind a load balancer: here Lambda alone.
    choose(choice(QStringLiteral("In front of Lambda")), QStringLiteral("Load balancer (ALB)"));
    QVERIFY(rules->isEnabled());
    QVERIFY(perConnection->isEnabled());
    choose(choice(QStringLiteral("In front of Lambda")), QStringLiteral("API Gateway REST API"));
    QVERIFY(!rules->isEnabled());
    choose(choice(QStringLiteral("In front of containers and VMs")),
           QStringLiteral("Load balancer (ALB)"));
    QVERIFY(rules->isEnabled());
    QVERIFY(perConnection->isEnabled());
    // Sizes matter without one too (API Gateway, data transfer out).
    QVERIFY(field(QStringLiteral("Request size"))->isEnabled());
    QVERIFY(field(QStringLiteral("Response size"))->isEnabled());
}

void TestWorkloadEditor::mixedDoorsAreShownAsInTheFile()
{
    Workload mixed;
    mixed.requestPath.ecsFargate = RequestDoor::Alb;
    m_state->setWorkload(mixed);
    QComboBox* othersDoor = choice(QStringLiteral("In front of containers and VMs"));
    QVERIFY(othersDoor);
    QCOMPARE(othersDoor->currentText(), QStringLiteral("As in the file"));
    QCOMPARE(m_editor->problemOf(othersDoor)->text(),
             QStringLiteral("As in the file: ec2 none, ecs-ec2 none, eks-ec2 none, "
                            "ecs-fargate alb, eks-fargate none"));
    QVERIFY(!m_editor->problemOf(othersDoor)->isHidden());
    QVERIFY(field(QStringLiteral("ALB rules per request"))->isEnabled());

    // One door for all of them replaces their own, in one step.
    choose(othersDoor, QStringLiteral("None"));
    QCOMPARE(m_state->workload().requestPath.ecsFargate, std::nullopt);
    QCOMPARE(m_state->workload().requestPath.doorOf(QStringLiteral("ecs-fargate")),
             RequestDoor::None);
    QCOMPARE(othersDoor->findText(QStringLiteral("As in the file")), -1);
    QVERIFY(m_editor->problemOf(othersDoor)->isHidden());
    QCOMPARE(m_undo->count(), 1);
    m_undo->undo();
    QCOMPARE(m_state->workload(), mixed);
    QCOMPARE(othersDoor->currentText(), QStringLiteral("As in the file"));
    // The same doors set one by one are no mix.
    Workload allAlb;
    for (const RequestPathOption& option : requestPathOptions())
        allAlb.requestPath.*option.door = RequestDoor::Alb;
    m_state->setWorkload(allAlb);
    QCOMPARE(othersDoor->currentText(), QStringLiteral("Load balancer (ALB)"));
    QVERIFY(m_editor->problemOf(othersDoor)->isHidden());
}

void TestWorkloadEditor::presetsShowTheirBill()
{
    QComboBox* presets = m_editor->presetChooser();
    emit presets->activated(presets->findText(QStringLiteral("Always-on JSON API")));
    QCOMPARE(choice(QStringLiteral("In front of Lambda"))->currentText(),
             QStringLiteral("API Gateway HTTP API"));
    QCOMPARE(choice(QStringLiteral("In front of containers and VMs"))->currentText(),
             QStringLiteral("Load balancer (ALB)"));
    QCOMPARE(field(QStringLiteral("Response size"))->value(), 10.0);
    emit presets->activated(presets->findText(QStringLiteral("Kubernetes microservices")));
    QCOMPARE(choice(QStringLiteral("In front of Lambda"))->currentText(),
             QStringLiteral("Load balancer (ALB)"));
    QVERIFY(field(QStringLiteral("Requests per connection"))->value() > 1);
    emit presets->activated(presets->findText(QStringLiteral("Nightly batch job")));
    QCOMPARE(choice(QStringLiteral("In front of Lambda"))->currentText(), QStringLiteral("None"));
    QCOMPARE(choice(QStringLiteral("In front of containers and VMs"))->currentText(),
             QStringLiteral("None"));
    QCOMPARE(field(QStringLiteral("Response size"))->value(), 0.0);
}

namespace {

QStringList latin1List(std::initializer_list<const char*> texts)
{
    QStringList list;
    for (const char* text : texts)
        list.append(QString::fromLatin1(text));
    return list;
}

} // namespace

void TestWorkloadEditor::instanceListFiltersByTextAndArchitecture_data()
{
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("listed");
    QTest::newRow("x86_64, large")
        << "x86_64"
        << "large"
        << latin1List({"t3.large", "m5.large", "m5.xlarge", "m6i.large", "c6i.large", "r6i.large"});
    QTest::newRow("x86_64, any case") << "x86_64"
                                      << "M5" << latin1List({"m5.large", "m5.xlarge"});
    QTest::newRow("arm64, large") << "arm64"
                                  << "large" << latin1List({"m7g.large", "c7g.large"});
    QTest::newRow("arm64, an x86_64 family") << "arm64"
                                             << "m5" << QStringList();
    QTest::newRow("arm64, everything")
        << "arm64"
        << "" << latin1List({"t4g.micro", "t4g.small", "t4g.medium", "m7g.large", "c7g.large"});
}

void TestWorkloadEditor::instanceListFiltersByTextAndArchitecture()
{
    QFETCH(QString, architecture);
    QFETCH(QString, typed);
    QFETCH(QStringList, listed);
    choose(choice(QStringLiteral("Architecture")), architecture);
    ui::InstanceTypeField* types = m_editor->instanceTypeField();
    QLineEdit* text = types->lineEdit();
    text->setFocus();
    text->selectAll();
    QTest::keyClick(text, Qt::Key_Backspace);
    QTest::keyClicks(text, typed);
    if (typed.isEmpty())
        QTest::mouseClick(types->listButton(), Qt::LeftButton);
    QCOMPARE(types->listedTypes(), listed);
    QCOMPARE(types->list()->isVisible(), !listed.isEmpty());
    // Below the header, every row shows (there are fewer than a screenful).
    if (!listed.isEmpty()) {
        const QModelIndex last = types->list()->model()->index(int(listed.size()) - 1, 0);
        QVERIFY(types->list()->viewport()->rect().contains(types->list()->visualRect(last)));
    }
}

void TestWorkloadEditor::instanceListShowsSizeAndPrice()
{
    ui::InstanceTypeField* types = m_editor->instanceTypeField();
    types->showList(true);
    const QAbstractItemModel* list = types->list()->model();
    QCOMPARE(list->columnCount(), 5);
    const int r6i = int(types->listedTypes().indexOf(QStringLiteral("r6i.large")));
    QVERIFY(r6i >= 0);
    QStringList row;
    for (int column = 0; column < list->columnCount(); ++column)
        row.append(list->index(r6i, column).data().toString());
    QCOMPARE(row, latin1List({"r6i.large", "2", "16 GiB", "x86_64", "$0.126"}));
    // The list opens at the type chosen, and every column shows whole.
    QCOMPARE(types->list()->currentIndex().data().toString(), m_state->workload().instance.type);
    const QHeaderView* header = types->list()->header();
    for (int column = 0; column < list->columnCount(); ++column) {
        QVERIFY(header->sectionSize(column) >
                types->list()->fontMetrics().horizontalAdvance(row.at(column)));
    }
    QVERIFY(types->list()->width() >= header->length());
}

void TestWorkloadEditor::instanceListChoosesByKeyboardAndMouse()
{
    ui::InstanceTypeField* types = m_editor->instanceTypeField();
    QLineEdit* text = types->lineEdit();
    // Keyboard: type, go down into the list, Enter.
    text->setFocus();
    text->selectAll();
    QTest::keyClicks(text, QStringLiteral("c6"));
    QTRY_VERIFY(types->list()->isVisible());
    QTest::keyClick(types->list(), Qt::Key_Down);
    QTest::keyClick(types->list(), Qt::Key_Return);
    QCOMPARE(m_state->workload().instance.type, QStringLiteral("c6i.large"));
    QCOMPARE(text->text(), QStringLiteral("c6i.large"));
    QVERIFY(!types->list()->isVisible());
    QCOMPARE(m_undo->count(), 1);
    QCOMPARE(m_undo->undoText(), QStringLiteral("Set instance type to c6i.large"));

    // Mouse: the button lists every type; a click chooses one.
    QTest::mouseClick(types->listButton(), Qt::LeftButton);
    QTRY_VERIFY(types->list()->isVisible());
    const int r6i = int(types->listedTypes().indexOf(QStringLiteral("r6i.large")));
    const QModelIndex index = types->list()->model()->index(r6i, 0);
    types->list()->scrollTo(index);
    QTest::mouseClick(types->list()->viewport(), Qt::LeftButton, {},
                      types->list()->visualRect(index).center());
    QCOMPARE(m_state->workload().instance.type, QStringLiteral("r6i.large"));
    QCOMPARE(m_undo->count(), 2);
    // Undo comes back to the field.
    m_undo->undo();
    QCOMPARE(text->text(), QStringLiteral("c6i.large"));
}

void TestWorkloadEditor::instanceTypeTypedWholeIsChosenElseRefused()
{
    ui::InstanceTypeField* types = m_editor->instanceTypeField();
    type(types->lineEdit(), QStringLiteral("M6I.large"));
    QCOMPARE(m_state->workload().instance.type, QStringLiteral("m6i.large"));
    QCOMPARE(types->lineEdit()->text(), QStringLiteral("m6i.large"));
    QVERIFY(m_editor->problemOf(types)->isHidden());

    type(types->lineEdit(), QStringLiteral("m6i.larg"));
    QCOMPARE(m_state->workload().instance.type, QStringLiteral("m6i.large"));
    QCOMPARE(types->lineEdit()->text(), QStringLiteral("m6i.larg"));
    QVERIFY(m_editor->problemOf(types)->isVisibleTo(m_editor));
    QCOMPARE(m_editor->problemOf(types)->text(),
             QStringLiteral("\"m6i.larg\" is no instance type in the us-east-1 price book: "
                            "choose one from the list (↓)"));
    // Another edit leaves the refused entry as typed.
    typeNumber(field(QStringLiteral("Memory")), QStringLiteral("2048"));
    QCOMPARE(types->lineEdit()->text(), QStringLiteral("m6i.larg"));

    type(types->lineEdit(), QStringLiteral("m7g.large"));
    QCOMPARE(m_state->workload().instance.type, QStringLiteral("m6i.large"));
    QCOMPARE(m_editor->problemOf(types)->text(),
             QStringLiteral("m7g.large is an arm64 type: the workload is x86_64 "
                            "(Architecture, above)"));
}

void TestWorkloadEditor::instanceListFollowsThePriceBook()
{
    // Another region's book: one more type, another price, and m5.large missing.
    QJsonObject book = test::resourceJson(QStringLiteral("prices/us-east-1.json"));
    test::setJsonAt(book, QStringLiteral("region"), QStringLiteral("eu-west-1"));
    QJsonArray instances = book.value(QStringLiteral("ec2"))
                               .toObject()
                               .value(QStringLiteral("instanceTypes"))
                               .toArray();
    instances.removeAt(7); // m5.large
    instances.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("m7i.large")},
                                 {QStringLiteral("vcpu"), 2},
                                 {QStringLiteral("memoryGib"), 8},
                                 {QStringLiteral("architecture"), QStringLiteral("x86_64")},
                                 {QStringLiteral("perHour"), 0.1118}});
    test::setJsonAt(book, QStringLiteral("ec2.instanceTypes"), instances);
    QTemporaryDir dir;
    m_state->setPrices(
        PriceBook::load(test::writeJsonFile(dir.filePath(QStringLiteral("eu-west-1.json")), book)));

    ui::InstanceTypeField* types = m_editor->instanceTypeField();
    types->showList(true);
    QVERIFY(types->listedTypes().contains(QStringLiteral("m7i.large")));
    QVERIFY(!types->listedTypes().contains(QStringLiteral("m5.large")));
    const int m7i = int(types->listedTypes().indexOf(QStringLiteral("m7i.large")));
    QCOMPARE(types->list()->model()->index(m7i, 4).data().toString(), QStringLiteral("$0.1118"));
    // The workload's m5.large is not in it: the field says so.
    QCOMPARE(m_state->workload().instance.type, QStringLiteral("m5.large"));
    QCOMPARE(m_editor->problemOf(types)->text(),
             QStringLiteral("m5.large is not in the eu-west-1 price book: choose another type"));
}

QTEST_MAIN(TestWorkloadEditor)
#include "tst_workloadeditor.moc"
