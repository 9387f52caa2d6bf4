#include "ui/workloadeditor.h"

#include "cost/breakeven.h"
#include "cost/quantitytext.h"
#include "cost/workloadfields.h"
#include "json/dataerror.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"
#include "state/workloadedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSlider>
#include <QStyleOptionComboBox>
#include <QStyleOptionSpinBox>
#include <QStylePainter>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>

namespace ace::ui {

namespace {

// The slider spans the charts' request range with 100 positions per decade.
constexpr int sliderPositionsPerDecade = 100;
const double sliderFirstDecade = std::log10(fewestRequestsPerMonth);
const double sliderLastDecade = std::log10(mostRequestsPerMonth);

// The values a slider drag lands on, per decade: round numbers a person would type, no more
// than 1.5 times apart, so that a 90-pixel slider over seven decades still reaches any order
// of magnitude without landing on 2,240 or 6,760,000,000.
constexpr std::array<double, 11> roundSteps = {1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9};

// The round value nearest to `value` on a log scale.
double nearestRoundValue(double value)
{
    const double decade = std::pow(10.0, std::floor(std::log10(value)));
    double nearest = decade;
    for (const double step : roundSteps) {
        for (const double candidate : {step * decade, step * decade * 10}) {
            if (std::abs(std::log(candidate / value)) < std::abs(std::log(nearest / value)))
                nearest = candidate;
        }
    }
    return nearest;
}

// A field label inside a sentence: "In flight per vCPU" → "in flight per vCPU", but "EKS
// clusters" stays as it is.
QString inSentence(const QString& label)
{
    if (label.size() > 1 && label.at(1).isLower())
        return label.front().toLower() + label.mid(1);
    return label;
}

bool isUndo(const QKeyEvent* key)
{
    return key->matches(QKeySequence::Undo);
}

bool isRedo(const QKeyEvent* key)
{
    // Ctrl+Shift+Z everywhere, whatever the platform's Redo is.
    return key->matches(QKeySequence::Redo) ||
           key->keyCombination() == QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_Z);
}

// Fields take the mouse wheel only while focused: otherwise the wheel goes on to the panel's
// scroll area, so that scrolling past a field never changes its value.
template <typename Field>
class WheelWhenFocused : public Field
{
public:
    WheelWhenFocused() { this->setFocusPolicy(Qt::StrongFocus); }

protected:
    void wheelEvent(QWheelEvent* event) override
    {
        if (this->hasFocus())
            Field::wheelEvent(event);
        else
            event->ignore();
    }
};

// A combo box that, closed, shows a short text for its item (the popup shows the full one),
// and is as wide as the widest short text: a narrow panel then shows it whole.
class CompactComboBox final : public WheelWhenFocused<QComboBox>
{
public:
    explicit CompactComboBox(std::function<QString(const QComboBox&, int)> closedText)
        : m_closedText(std::move(closedText))
    {}

    QSize sizeHint() const override { return sizeForClosedTexts(); }
    QSize minimumSizeHint() const override { return sizeForClosedTexts(); }
    QString shownText() const { return m_closedText(*this, currentIndex()); }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QStylePainter painter(this);
        QStyleOptionComboBox option;
        initStyleOption(&option);
        option.currentText = shownText();
        painter.drawComplexControl(QStyle::CC_ComboBox, option);
        painter.drawControl(QStyle::CE_ComboBoxLabel, option);
    }

private:
    QSize sizeForClosedTexts() const
    {
        ensurePolished();
        int width = 0;
        for (int index = 0; index < count(); ++index)
            width = std::max(width, fontMetrics().horizontalAdvance(m_closedText(*this, index)));
        QStyleOptionComboBox option;
        initStyleOption(&option);
        return style()->sizeFromContents(QStyle::CT_ComboBox, &option,
                                         QSize(width, fontMetrics().height()), this);
    }

    std::function<QString(const QComboBox&, int)> m_closedText;
};

// A number of the workload. It takes any number typed, because the workload rules, not the
// spin box, decide what is refused, and a refused entry must stay as typed (a spin box's own
// range would drop the fifth digit of "20000" and show 2,000). The arrows step within the
// rule, and the field is as wide as the widest value the rule allows, so "1,000,000.0 ms"
// shows whole.
class NumberField final : public WheelWhenFocused<QDoubleSpinBox>
{
public:
    // `shown`: the rule in the units shown (a percentage for a fraction).
    NumberField(const NumberRule& shown, int decimals, const QString& suffix)
        : m_shown(shown)
    {
        constexpr double typedLimit = 1e12;
        setDecimals(decimals);
        setSuffix(suffix);
        setRange(-typedLimit, typedLimit);
        setGroupSeparatorShown(true);
        setAccelerated(true);
        // Recompute once per committed value, not on every keystroke.
        setKeyboardTracking(false);
        setValue(lowest());
        connect(lineEdit(), &QLineEdit::textChanged, this, [this] { updateGeometry(); });
    }

    void stepBy(int steps) override
    {
        setValue(std::clamp(value() + steps * singleStep(), lowest(), highest()));
        selectAll();
    }

    QSize sizeHint() const override { return sizeForWidestText(); }
    QSize minimumSizeHint() const override { return sizeForWidestText(); }

protected:
    StepEnabled stepEnabled() const override
    {
        StepEnabled enabled = StepNone;
        if (value() < highest())
            enabled |= StepUpEnabled;
        if (value() > lowest())
            enabled |= StepDownEnabled;
        return enabled;
    }

private:
    double lowest() const
    {
        return m_shown.minInclusive ? m_shown.min : m_shown.min + std::pow(10.0, -decimals());
    }
    double highest() const { return m_shown.max; }

    QSize sizeForWidestText() const
    {
        ensurePolished();
        int width = 0;
        const QStringList texts{textFromValue(lowest()) + suffix(),
                                textFromValue(highest()) + suffix(), this->text()};
        for (const QString& text : texts)
            width = std::max(width, fontMetrics().horizontalAdvance(text));
        QStyleOptionSpinBox option;
        initStyleOption(&option);
        // Room for the cursor, as QAbstractSpinBox leaves.
        constexpr int cursorRoom = 2;
        return style()->sizeFromContents(QStyle::CT_SpinBox, &option,
                                         QSize(width + cursorRoom, lineEdit()->sizeHint().height()),
                                         this);
    }

    NumberRule m_shown;
};

const NumberRule& requestsRule()
{
    return workloadField(&Workload::requestsPerMonth).rule();
}

// A rule in the units a field shows.
NumberRule scaled(NumberRule rule, double scale)
{
    rule.min *= scale;
    rule.max *= scale;
    return rule;
}

} // namespace

// One number field and the workload value it edits.
struct WorkloadEditor::NumberBinding
{
    QDoubleSpinBox* field = nullptr;
    QString label;
    QString suffix;
    NumberRule rule; // of the stored value
    double scale = 1;
    std::function<double(const Workload&)> get;
    std::function<void(Workload&, double)> set;
    std::function<QString(double)> undoText;
    // While a refused entry is shown: the state's value it was refused against. The entry
    // stays until the state's value changes (undo, a preset), so it can be corrected.
    std::optional<double> refusedOver;
};

WorkloadEditor::WorkloadEditor(ExplorerState& state, QUndoStack& undoStack, QWidget* parent)
    : QWidget(parent)
    , m_state(state)
    , m_undoStack(undoStack)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    QFormLayout* top = createForm();
    m_name = new QLineEdit;
    m_name->setToolTip(tr("A name for this workload, shown in titles and exports"));
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        const QString name = m_name->text().trimmed();
        if (name.isEmpty() || name == m_state.workload().name)
            return;
        Workload renamed = m_state.workload();
        renamed.name = name;
        push(tr("Rename workload"), renamed);
    });
    m_refreshers.push_back([this] {
        m_name->setText(m_state.workload().name);
        // A long name shows its start, not its end.
        m_name->setCursorPosition(0);
    });
    addRow(top, tr("Name"), m_name);

    m_stockNames.append(Workload().name);
    m_presets = new CompactComboBox([](const QComboBox& box, int) { return box.itemText(0); });
    m_presets->addItem(tr("Load a preset…"));
    for (const WorkloadPreset& preset : builtInWorkloadPresets()) {
        m_presets->addItem(preset.name, preset.path);
        m_stockNames.append(preset.name);
    }
    connect(m_presets, &QComboBox::activated, this, &WorkloadEditor::loadPreset);
    addRow(top, tr("Presets"), m_presets);
    layout->addLayout(top);

    layout->addWidget(createLoadGroup());
    layout->addWidget(createFunctionGroup());
    layout->addWidget(createContainerGroup());
    layout->addWidget(createInstanceGroup());
    layout->addStretch();

    connect(&m_state, &ExplorerState::workloadChanged, this, &WorkloadEditor::refresh);
    refresh();
}

WorkloadEditor::~WorkloadEditor()
{
    // A field with typed, uncommitted text commits it when it loses focus, which it does as it
    // is destroyed: after this editor's members, and while the window's state may be gone.
    for (QWidget* field : findChildren<QWidget*>())
        field->blockSignals(true);
}

double WorkloadEditor::requestsAtSliderPosition(int position)
{
    const double exponent = sliderFirstDecade + double(position) / sliderPositionsPerDecade;
    return nearestRoundValue(std::pow(10.0, exponent));
}

int WorkloadEditor::sliderPositionForRequests(double requests)
{
    const double exponent = std::log10(std::max(requests, 1.0));
    const double clamped = std::clamp(exponent, sliderFirstDecade, sliderLastDecade);
    return int(std::lround((clamped - sliderFirstDecade) * sliderPositionsPerDecade));
}

QDoubleSpinBox* WorkloadEditor::numberField(const QString& label) const
{
    for (auto* field : findChildren<QDoubleSpinBox*>()) {
        if (field->accessibleName() == label)
            return field;
    }
    return nullptr;
}

QLabel* WorkloadEditor::requestsProblem() const
{
    return problemOf(m_requests);
}

QLabel* WorkloadEditor::problemOf(const QWidget* field) const
{
    return m_problems.value(field);
}

QString WorkloadEditor::edit(const QString& description,
                             const std::function<void(Workload&)>& change, int mergeKey)
{
    const Workload& current = m_state.workload();
    Workload next = current;
    change(next);
    if (next != current && next.name == current.name && m_stockNames.contains(current.name))
        next.name = tr("%1 (edited)").arg(current.name);
    return push(description, next, mergeKey);
}

QString WorkloadEditor::push(const QString& description, const Workload& next, int mergeKey)
{
    try {
        // The file rules are the workload rules: what could not be saved is not accepted.
        Workload::fromJson(next.toJson(), tr("workload"));
    } catch (const DataError& error) {
        return error.message();
    }
    if (next != m_state.workload())
        m_undoStack.push(
            new WorkloadEdit(m_state, m_state.workload(), next, description, mergeKey));
    return {};
}

void WorkloadEditor::refresh()
{
    m_refreshing = true;
    for (const auto& refresher : m_refreshers)
        refresher();
    m_refreshing = false;
}

QFormLayout* WorkloadEditor::createForm(QWidget* parent)
{
    auto* form = new QFormLayout(parent);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_forms.push_back(form);
    return form;
}

void WorkloadEditor::addRow(QFormLayout* form, const QString& label, QWidget* field, QLayout* row)
{
    field->setAccessibleName(label);
    field->installEventFilter(this);
    if (auto* spinBox = qobject_cast<QAbstractSpinBox*>(field))
        spinBox->findChild<QLineEdit*>()->installEventFilter(this);
    if (row)
        form->addRow(label, row);
    else
        form->addRow(label, field);
    QWidget* labelWidget = row ? form->labelForField(row) : form->labelForField(field);
    if (auto* labelText = qobject_cast<QLabel*>(labelWidget))
        labelText->setBuddy(field);

    // Below the field and across the form, so that the label never moves when it shows.
    auto* problem = new QLabel;
    problem->setWordWrap(true);
    problem->setTextFormat(Qt::PlainText);
    form->addRow(problem);
    form->setRowVisible(problem, false);
    m_problems.insert(field, problem);
}

void WorkloadEditor::showProblem(const QWidget* field, const QString& problem)
{
    QLabel* label = problemOf(field);
    for (QFormLayout* form : m_forms) {
        if (form->indexOf(label) < 0)
            continue;
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, m_state.theme().error());
        label->setPalette(palette);
        label->setText(problem);
        form->setRowVisible(label, !problem.isEmpty());
    }
}

bool WorkloadEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (!isUndo(key) && !isRedo(key))
        return QWidget::eventFilter(watched, event);
    // A text field would take Ctrl+Z for its own text; the workload's undo stack gets it,
    // as the Edit menu promises.
    if (event->type() == QEvent::ShortcutOverride) {
        event->accept();
        return true;
    }
    // A value typed but not yet committed is committed first: Undo then undoes it, and Redo
    // brings it back.
    QObject* field = qobject_cast<QLineEdit*>(watched) ? watched->parent() : watched;
    if (auto* spinBox = qobject_cast<QAbstractSpinBox*>(field))
        spinBox->interpretText();
    else if (watched == m_requests)
        commitRequestsText();
    else if (watched == m_name)
        emit m_name->editingFinished();
    if (isUndo(key))
        m_undoStack.undo();
    else
        m_undoStack.redo();
    return true;
}

QSize WorkloadEditor::minimumSizeHint() const
{
    // The narrowest the editor can be with every field whole: labels above fields.
    measureWidths();
    return {m_wrappedWidth, QWidget::minimumSizeHint().height()};
}

void WorkloadEditor::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    measureWidths();
    const bool wrap = width() < m_sideBySideWidth;
    for (QFormLayout* form : m_forms)
        form->setRowWrapPolicy(wrap ? QFormLayout::WrapAllRows : QFormLayout::DontWrapRows);
}

void WorkloadEditor::measureWidths() const
{
    if (m_sideBySideWidth > 0)
        return;
    ensurePolished();
    const auto widthWith = [this](QFormLayout::RowWrapPolicy policy) {
        for (QFormLayout* form : m_forms)
            form->setRowWrapPolicy(policy);
        int width = 0;
        for (QFormLayout* form : m_forms) {
            // A form in a group box needs the box's frame around it as well.
            const QWidget* owner = form->parentWidget();
            width = std::max(width, owner == this ? form->minimumSize().width()
                                                  : owner->minimumSizeHint().width());
        }
        const QMargins margins = layout()->contentsMargins();
        return width + margins.left() + margins.right();
    };
    const QFormLayout::RowWrapPolicy current = m_forms.front()->rowWrapPolicy();
    m_wrappedWidth = widthWith(QFormLayout::WrapAllRows);
    m_sideBySideWidth = widthWith(QFormLayout::DontWrapRows);
    for (QFormLayout* form : m_forms)
        form->setRowWrapPolicy(current);
}

QWidget* WorkloadEditor::createLoadGroup()
{
    auto* group = new QGroupBox(tr("Load"));
    QFormLayout* form = createForm(group);

    m_requests = new QLineEdit;
    m_requests->setToolTip(tr("Requests (or invocations) a month: 3000000, 3,000,000, 3e6 or 3M"));
    // QLineEdit's size hint has room for 17 "x"; this one, for the largest number allowed.
    const QFontMetrics metrics = m_requests->fontMetrics();
    m_requests->setMinimumWidth(m_requests->sizeHint().width() -
                                17 * metrics.horizontalAdvance(u'x') +
                                metrics.horizontalAdvance(groupedNumber(requestsRule().max)));
    m_requestsSlider = new QSlider(Qt::Horizontal);
    m_requestsSlider->setRange(
        0, int((sliderLastDecade - sliderFirstDecade) * sliderPositionsPerDecade));
    m_requestsSlider->setToolTip(tr("Requests a month, from a thousand to ten billion"));
    connect(m_requests, &QLineEdit::editingFinished, this, &WorkloadEditor::commitRequestsText);
    connect(m_requestsSlider, &QSlider::sliderPressed, this, [this] { ++m_sliderDrag; });
    connect(m_requestsSlider, &QSlider::valueChanged, this, [this](int position) {
        if (m_refreshing)
            return;
        const double requests = requestsAtSliderPosition(position);
        // One drag is one undo step; clicks and keys on the slider are steps of their own.
        const int mergeKey = m_requestsSlider->isSliderDown() ? 1000 + m_sliderDrag : 0;
        edit(
            tr("Set requests to %1").arg(shortQuantity(requests)),
            [requests](Workload& workload) { workload.requestsPerMonth = requests; }, mergeKey);
    });
    m_refreshers.push_back([this] {
        const double requests = m_state.workload().requestsPerMonth;
        m_requests->setText(groupedNumber(requests));
        m_requestsSlider->setValue(sliderPositionForRequests(requests));
        showProblem(m_requests, {});
    });
    auto* requestsRow = new QVBoxLayout;
    requestsRow->addWidget(m_requests);
    requestsRow->addWidget(m_requestsSlider);
    addRow(form, tr("Requests/month"), m_requests, requestsRow);

    addNumber(form, tr("Average duration"), tr(" ms"), workloadField(&Workload::avgDurationMs), 1);
    addNumber(form, tr("Peak ÷ average"), tr("×"), workloadField(&Workload::peakToAverage), 2);

    auto* architecture = new WheelWhenFocused<QComboBox>;
    architecture->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (Architecture arch : {Architecture::X86_64, Architecture::Arm64})
        architecture->addItem(architectureId(arch), int(arch));
    connect(architecture, &QComboBox::activated, this, [this, architecture] {
        const auto arch = Architecture(architecture->currentData().toInt());
        edit(tr("Set architecture to %1").arg(architectureId(arch)),
             [arch](Workload& w) { w.architecture = arch; });
    });
    m_refreshers.push_back([this, architecture] {
        architecture->setCurrentIndex(architecture->findData(int(m_state.workload().architecture)));
    });
    addRow(form, tr("Architecture"), architecture);

    auto* freeTier = new QCheckBox(tr("Lambda free tier"));
    freeTier->setToolTip(tr("1M requests and 400,000 GB-s a month; switch off when other "
                            "functions of the account use it up"));
    connect(freeTier, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_refreshing)
            edit(on ? tr("Include free tier") : tr("Exclude free tier"),
                 [on](Workload& w) { w.includeFreeTier = on; });
    });
    m_refreshers.push_back(
        [this, freeTier] { freeTier->setChecked(m_state.workload().includeFreeTier); });
    freeTier->installEventFilter(this);
    form->addRow(QString(), freeTier);
    return group;
}

QWidget* WorkloadEditor::createFunctionGroup()
{
    auto* group = new QGroupBox(tr("Function (Lambda)"));
    QFormLayout* form = createForm(group);
    addNumber(form, tr("Memory"), tr(" MB"),
              workloadField(&Workload::function, &FunctionSettings::memoryMb), 0);
    addNumber(form, tr("Ephemeral storage"), tr(" MB"),
              workloadField(&Workload::function, &FunctionSettings::ephemeralStorageMb), 0);
    return group;
}

QWidget* WorkloadEditor::createContainerGroup()
{
    auto* group = new QGroupBox(tr("Containers (ECS, EKS, Fargate)"));
    QFormLayout* form = createForm(group);
    addNumber(form, tr("vCPU per task"), QString(),
              workloadField(&Workload::container, &ContainerSettings::vcpu), 2)
        ->setSingleStep(0.25);
    addNumber(form, tr("Memory per task"), tr(" GB"),
              workloadField(&Workload::container, &ContainerSettings::memoryGb), 2)
        ->setSingleStep(0.5);
    addNumber(form, tr("Ephemeral storage"), tr(" GB"),
              workloadField(&Workload::container, &ContainerSettings::ephemeralStorageGb), 0);
    addOptionalCount(form, tr("Tasks"),
                     workloadField(&Workload::container, &ContainerSettings::tasks));
    addNumber(form, tr("Minimum tasks"), QString(),
              workloadField(&Workload::container, &ContainerSettings::minTasks), 0);
    addNumber(form, tr("In flight per vCPU"), QString(),
              workloadField(&Workload::container, &ContainerSettings::concurrencyPerVcpu), 2);
    addNumber(form, tr("Target utilization"), tr(" %"),
              workloadField(&Workload::container, &ContainerSettings::targetUtilization), 0, 100);
    addNumber(form, tr("Hours a month"), tr(" h"),
              workloadField(&Workload::container, &ContainerSettings::hoursPerMonth), 1);
    addNumber(form, tr("EKS clusters"), QString(), workloadField(&Workload::clusters), 0);
    return group;
}

QWidget* WorkloadEditor::createInstanceGroup()
{
    auto* group = new QGroupBox(tr("Instances (EC2, ECS/EKS on EC2)"));
    QFormLayout* form = createForm(group);
    // Closed, the box shows the type alone; the list shows each type's size.
    auto* type = new CompactComboBox(
        [](const QComboBox& box, int index) { return box.itemData(index).toString(); });
    for (const InstanceType& instance : m_state.prices().ec2().instanceTypes) {
        type->addItem(tr("%1 (%2 vCPU, %3 GiB, %4)")
                          .arg(instance.type, groupedNumber(instance.vcpu, 2),
                               groupedNumber(instance.memoryGib, 2),
                               architectureId(instance.architecture)),
                      instance.type);
    }
    connect(type, &QComboBox::activated, this, [this, type] {
        const QString chosen = type->currentData().toString();
        edit(tr("Set instance type to %1").arg(chosen),
             [chosen](Workload& w) { w.instance.type = chosen; });
    });
    m_refreshers.push_back([this, type] {
        type->setCurrentIndex(type->findData(m_state.workload().instance.type));
        type->setToolTip(type->currentText());
    });
    addRow(form, tr("Instance type"), type);
    addOptionalCount(form, tr("Instances"),
                     workloadField(&Workload::instance, &InstanceSettings::count));
    addNumber(form, tr("Minimum instances"), QString(),
              workloadField(&Workload::instance, &InstanceSettings::minCount), 0);
    addNumber(form, tr("Hours a month"), tr(" h"),
              workloadField(&Workload::instance, &InstanceSettings::hoursPerMonth), 1);
    return group;
}

QDoubleSpinBox* WorkloadEditor::addNumber(QFormLayout* form, const QString& label,
                                          const QString& suffix, const WorkloadNumberField& field,
                                          int decimals, double scale)
{
    auto binding = std::make_shared<NumberBinding>();
    binding->field = new NumberField(scaled(field.rule(), scale), decimals, suffix);
    binding->label = label;
    binding->suffix = suffix;
    binding->rule = field.rule();
    binding->scale = scale;
    binding->get = [&field](const Workload& w) { return *field.number(w); };
    binding->set = [&field](Workload& w, double value) { field.setNumber(w, value); };
    binding->undoText = [label](double) { return tr("Set %1").arg(inSentence(label)); };
    connect(binding->field, &QDoubleSpinBox::valueChanged, this, [this, binding](double shown) {
        if (!m_refreshing)
            commitNumber(*binding, shown);
    });
    m_refreshers.push_back([this, binding] {
        const double value = binding->get(m_state.workload());
        // A refused entry stays, to be corrected, until the value it was refused against
        // changes.
        if (binding->refusedOver == value)
            return;
        binding->refusedOver.reset();
        binding->field->setValue(value * binding->scale);
        showProblem(binding->field, {});
    });
    addRow(form, label, binding->field);
    return binding->field;
}

void WorkloadEditor::commitNumber(NumberBinding& binding, double shown)
{
    const double value = shown / binding.scale;
    QString problem;
    if (!binding.rule.admits(value)) {
        //: e.g. "Memory must be a whole number between 128 and 10,240 MB".
        problem =
            tr("%1 must be %2%3")
                .arg(binding.label, scaled(binding.rule, binding.scale).describe(), binding.suffix);
    } else {
        problem = edit(binding.undoText(value),
                       [&binding, value](Workload& w) { binding.set(w, value); });
    }
    binding.refusedOver =
        problem.isEmpty() ? std::nullopt : std::optional<double>(binding.get(m_state.workload()));
    showProblem(binding.field, problem);
}

void WorkloadEditor::addOptionalCount(QFormLayout* form, const QString& label,
                                      const WorkloadNumberField& field)
{
    auto* fixed = new QCheckBox(tr("Fixed"));
    fixed->setToolTip(tr("Off: sized from the load (Little's law); on: exactly this many"));
    fixed->installEventFilter(this);
    auto binding = std::make_shared<NumberBinding>();
    binding->field = new NumberField(field.rule(), 0, QString());
    binding->label = label;
    binding->rule = field.rule();
    // Sized from the load, the field keeps the last fixed count, ready to be switched on.
    binding->get = [&field, spinBox = binding->field](const Workload& w) {
        return field.number(w).value_or(spinBox->value());
    };
    binding->set = [&field](Workload& w, double value) { field.setNumber(w, value); };
    binding->undoText = [label](double value) {
        return tr("Fix %1 at %2").arg(inSentence(label), groupedNumber(value));
    };
    connect(fixed, &QCheckBox::toggled, this, [this, binding, label, &field](bool on) {
        if (m_refreshing)
            return;
        if (on)
            commitNumber(*binding, binding->field->value());
        else
            edit(tr("Size %1 from the load").arg(inSentence(label)),
                 [&field](Workload& w) { field.setNumber(w, std::nullopt); });
    });
    connect(binding->field, &QDoubleSpinBox::valueChanged, this, [this, binding](double shown) {
        if (!m_refreshing)
            commitNumber(*binding, shown);
    });
    m_refreshers.push_back([this, binding, fixed, &field] {
        const std::optional<double> value = field.number(m_state.workload());
        fixed->setChecked(value.has_value());
        binding->field->setEnabled(value.has_value());
        if (binding->refusedOver == binding->get(m_state.workload()))
            return;
        binding->refusedOver.reset();
        if (value)
            binding->field->setValue(*value);
        else
            binding->field->clear(); // sized from the load: no number to show
        showProblem(binding->field, {});
    });
    auto* row = new QHBoxLayout;
    row->addWidget(fixed);
    row->addWidget(binding->field, 1);
    addRow(form, label, binding->field, row);
}

void WorkloadEditor::commitRequestsText()
{
    const QString typed = m_requests->text();
    const std::optional<double> requests = parseQuantity(typed);
    QString problem;
    if (!requests) {
        problem = tr("\"%1\" is not a number: write e.g. 3000000, 3,000,000, 3e6 or 3M").arg(typed);
    } else if (!requestsRule().admits(*requests)) {
        problem = tr("Requests/month must be %1").arg(requestsRule().describe());
    } else if (*requests != m_state.workload().requestsPerMonth) {
        const double value = *requests;
        problem = edit(tr("Set requests to %1").arg(shortQuantity(value)),
                       [value](Workload& w) { w.requestsPerMonth = value; });
    }
    showProblem(m_requests, problem);
}

void WorkloadEditor::loadPreset(int index)
{
    if (index <= 0)
        return;
    const QString path = m_presets->itemData(index).toString();
    const QString name = m_presets->itemText(index);
    m_presets->setCurrentIndex(0);
    push(tr("Load preset \"%1\"").arg(name), Workload::load(path));
}

} // namespace ace::ui
