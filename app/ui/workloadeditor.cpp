#include "ui/workloadeditor.h"

#include "cost/quantitytext.h"
#include "json/dataerror.h"
#include "pricing/pricebook.h"
#include "ui/explorerstate.h"
#include "ui/workloadedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolTip>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace ace::ui {

namespace {

// The slider spans 1e3..1e10 requests a month with 100 positions per decade.
constexpr int sliderPositionsPerDecade = 100;
constexpr double sliderFirstDecade = 3;
constexpr double sliderLastDecade = 10;

constexpr int fieldMinimumWidth = 70;

// Slider positions give round numbers (three significant digits), as a person would type.
double roundToSignificantDigits(double value, int digits)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)) - digits + 1);
    return std::round(value / magnitude) * magnitude;
}

} // namespace

WorkloadEditor::WorkloadEditor(ExplorerState& state, QUndoStack& undoStack, QWidget* parent)
    : QWidget(parent)
    , m_state(state)
    , m_undoStack(undoStack)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto* top = new QFormLayout;
    top->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_name = new QLineEdit;
    m_name->setToolTip(tr("A name for this workload, shown in titles and exports"));
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        const QString name = m_name->text().trimmed();
        if (!name.isEmpty() && name != m_state.workload().name)
            edit(tr("Rename workload"), [name](Workload& workload) { workload.name = name; });
    });
    m_refreshers.push_back([this] { m_name->setText(m_state.workload().name); });
    top->addRow(tr("Name"), m_name);

    m_presets = new QComboBox;
    m_presets->setMinimumContentsLength(10);
    m_presets->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_presets->addItem(tr("Load a preset…"));
    for (const WorkloadPreset& preset : builtInWorkloadPresets())
        m_presets->addItem(preset.name, preset.path);
    connect(m_presets, &QComboBox::activated, this, &WorkloadEditor::loadPreset);
    top->addRow(tr("Presets"), m_presets);
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
    return roundToSignificantDigits(std::pow(10.0, exponent), 3);
}

int WorkloadEditor::sliderPositionForRequests(double requests)
{
    const double exponent = std::log10(std::max(requests, 1.0));
    const double clamped = std::clamp(exponent, sliderFirstDecade, sliderLastDecade);
    return int(std::lround((clamped - sliderFirstDecade) * sliderPositionsPerDecade));
}

QString WorkloadEditor::edit(const QString& description,
                             const std::function<void(Workload&)>& change, int mergeKey)
{
    Workload next = m_state.workload();
    change(next);
    try {
        // The file rules are the workload rules: what could not be saved is not accepted.
        Workload::fromJson(next.toJson(), tr("workload"));
    } catch (const DataError& error) {
        refresh();
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

QWidget* WorkloadEditor::createLoadGroup()
{
    auto* group = new QGroupBox(tr("Load"));
    auto* form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);

    m_requests = new QLineEdit;
    m_requests->setToolTip(tr("Requests (or invocations) a month: 3000000, 3,000,000, 3e6 or 3M"));
    m_requestsSlider = new QSlider(Qt::Horizontal);
    m_requestsSlider->setRange(
        0, int((sliderLastDecade - sliderFirstDecade) * sliderPositionsPerDecade));
    m_requestsSlider->setToolTip(tr("Requests a month, from a thousand to ten billion"));
    m_requestsProblem = new QLabel;
    m_requestsProblem->setWordWrap(true);
    m_requestsProblem->setTextFormat(Qt::PlainText);
    m_requestsProblem->hide();
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
    });
    auto* requestsRow = new QVBoxLayout;
    requestsRow->addWidget(m_requests);
    requestsRow->addWidget(m_requestsSlider);
    requestsRow->addWidget(m_requestsProblem);
    form->addRow(tr("Requests/month"), requestsRow);

    addNumber(
        form, tr("Average duration"), tr(" ms"), 0.1, 86'400'000, 1,
        [](const Workload& w) { return w.avgDurationMs; },
        [](Workload& w, double value) { w.avgDurationMs = value; });
    addNumber(
        form, tr("Peak ÷ average"), tr("×"), 1, 1000, 2,
        [](const Workload& w) { return w.peakToAverage; },
        [](Workload& w, double value) { w.peakToAverage = value; });

    auto* architecture = new QComboBox;
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
    form->addRow(tr("Architecture"), architecture);

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
    form->addRow(QString(), freeTier);
    return group;
}

QWidget* WorkloadEditor::createFunctionGroup()
{
    auto* group = new QGroupBox(tr("Function (Lambda)"));
    auto* form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    addNumber(
        form, tr("Memory"), tr(" MB"), 128, 10240, 0,
        [](const Workload& w) { return w.function.memoryMb; },
        [](Workload& w, double value) { w.function.memoryMb = value; });
    addNumber(
        form, tr("Ephemeral storage"), tr(" MB"), 512, 10240, 0,
        [](const Workload& w) { return w.function.ephemeralStorageMb; },
        [](Workload& w, double value) { w.function.ephemeralStorageMb = value; });
    return group;
}

QWidget* WorkloadEditor::createContainerGroup()
{
    auto* group = new QGroupBox(tr("Containers (ECS, EKS, Fargate)"));
    auto* form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    addNumber(
        form, tr("vCPU per task"), QString(), 0.25, 192, 2,
        [](const Workload& w) { return w.container.vcpu; },
        [](Workload& w, double value) { w.container.vcpu = value; })
        ->setSingleStep(0.25);
    addNumber(
        form, tr("Memory per task"), tr(" GB"), 0.5, 1024, 2,
        [](const Workload& w) { return w.container.memoryGb; },
        [](Workload& w, double value) { w.container.memoryGb = value; })
        ->setSingleStep(0.5);
    addNumber(
        form, tr("Ephemeral storage"), tr(" GB"), 20, 200, 0,
        [](const Workload& w) { return w.container.ephemeralStorageGb; },
        [](Workload& w, double value) { w.container.ephemeralStorageGb = value; });
    addOptionalCount(
        form, tr("Tasks"), [](const Workload& w) { return w.container.tasks; },
        [](Workload& w, std::optional<int> value) { w.container.tasks = value; });
    addNumber(
        form, tr("Minimum tasks"), QString(), 0, 100'000, 0,
        [](const Workload& w) { return double(w.container.minTasks); },
        [](Workload& w, double value) { w.container.minTasks = int(value); });
    addNumber(
        form, tr("In flight per vCPU"), QString(), 0.01, 100'000, 2,
        [](const Workload& w) { return w.container.concurrencyPerVcpu; },
        [](Workload& w, double value) { w.container.concurrencyPerVcpu = value; });
    addNumber(
        form, tr("Target utilization"), tr(" %"), 1, 100, 0,
        [](const Workload& w) { return w.container.targetUtilization; },
        [](Workload& w, double value) { w.container.targetUtilization = value; }, 100);
    addNumber(
        form, tr("Hours a month"), tr(" h"), 0.1, 744, 1,
        [](const Workload& w) { return w.container.hoursPerMonth; },
        [](Workload& w, double value) { w.container.hoursPerMonth = value; });
    addNumber(
        form, tr("EKS clusters"), QString(), 1, 100, 0,
        [](const Workload& w) { return double(w.clusters); },
        [](Workload& w, double value) { w.clusters = int(value); });
    return group;
}

QWidget* WorkloadEditor::createInstanceGroup()
{
    auto* group = new QGroupBox(tr("Instances (EC2, ECS/EKS on EC2)"));
    auto* form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    auto* type = new QComboBox;
    type->setMinimumContentsLength(10);
    type->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
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
    m_refreshers.push_back(
        [this, type] { type->setCurrentIndex(type->findData(m_state.workload().instance.type)); });
    form->addRow(tr("Instance type"), type);
    addOptionalCount(
        form, tr("Instances"), [](const Workload& w) { return w.instance.count; },
        [](Workload& w, std::optional<int> value) { w.instance.count = value; });
    addNumber(
        form, tr("Minimum instances"), QString(), 0, 100'000, 0,
        [](const Workload& w) { return double(w.instance.minCount); },
        [](Workload& w, double value) { w.instance.minCount = int(value); });
    addNumber(
        form, tr("Hours a month"), tr(" h"), 0.1, 744, 1,
        [](const Workload& w) { return w.instance.hoursPerMonth; },
        [](Workload& w, double value) { w.instance.hoursPerMonth = value; });
    return group;
}

QDoubleSpinBox* WorkloadEditor::addNumber(QFormLayout* form, const QString& label,
                                          const QString& suffix, double minimum, double maximum,
                                          int decimals,
                                          const std::function<double(const Workload&)>& get,
                                          const std::function<void(Workload&, double)>& set,
                                          double scale)
{
    auto* field = new QDoubleSpinBox;
    // The range would make the box as wide as its largest value; the dock is narrow.
    field->setMinimumWidth(fieldMinimumWidth);
    field->setRange(minimum, maximum);
    field->setDecimals(decimals);
    field->setSuffix(suffix);
    field->setGroupSeparatorShown(true);
    field->setAccelerated(true);
    // Recompute once per committed value, not on every keystroke.
    field->setKeyboardTracking(false);
    connect(
        field, &QDoubleSpinBox::valueChanged, this, [this, field, label, set, scale](double shown) {
            if (m_refreshing)
                return;
            const double value = shown / scale;
            const QString problem = edit(tr("Set %1").arg(label.toLower()),
                                         [&set, value](Workload& w) { set(w, value); });
            if (!problem.isEmpty())
                QToolTip::showText(field->mapToGlobal(QPoint(0, field->height())), problem, field);
        });
    m_refreshers.push_back(
        [this, field, get, scale] { field->setValue(get(m_state.workload()) * scale); });
    form->addRow(label, field);
    return field;
}

void WorkloadEditor::addOptionalCount(QFormLayout* form, const QString& label,
                                      const std::function<std::optional<int>(const Workload&)>& get,
                                      const std::function<void(Workload&, std::optional<int>)>& set)
{
    auto* fixed = new QCheckBox(tr("Fixed"));
    fixed->setToolTip(tr("Off: sized from the load (Little's law); on: exactly this many"));
    auto* count = new QDoubleSpinBox;
    count->setMinimumWidth(fieldMinimumWidth);
    count->setRange(1, 100'000);
    count->setDecimals(0);
    count->setKeyboardTracking(false);
    count->setSpecialValueText(QString());
    const auto apply = [this, fixed, count, label, set] {
        if (m_refreshing)
            return;
        const std::optional<int> value =
            fixed->isChecked() ? std::optional<int>(int(count->value())) : std::nullopt;
        edit(value ? tr("Fix %1 at %2").arg(label.toLower()).arg(*value)
                   : tr("Size %1 from the load").arg(label.toLower()),
             [&set, value](Workload& w) { set(w, value); });
    };
    connect(fixed, &QCheckBox::toggled, this, apply);
    connect(count, &QDoubleSpinBox::valueChanged, this, apply);
    m_refreshers.push_back([this, fixed, count, get] {
        const std::optional<int> value = get(m_state.workload());
        fixed->setChecked(value.has_value());
        count->setEnabled(value.has_value());
        if (value)
            count->setValue(*value);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(fixed);
    row->addWidget(count, 1);
    form->addRow(label, row);
}

void WorkloadEditor::commitRequestsText()
{
    const QString typed = m_requests->text();
    const std::optional<double> requests = parseQuantity(typed);
    QString problem;
    if (!requests) {
        problem = tr("\"%1\" is not a number: write e.g. 3000000, 3,000,000, 3e6 or 3M").arg(typed);
    } else if (*requests != m_state.workload().requestsPerMonth) {
        const double value = *requests;
        problem = edit(tr("Set requests to %1").arg(shortQuantity(value)),
                       [value](Workload& w) { w.requestsPerMonth = value; });
    }
    if (problem.isEmpty()) {
        m_requestsProblem->hide();
        return;
    }
    // Keep what the user typed (a refused edit refreshed the field), so they can correct it.
    m_requests->setText(typed);
    QPalette palette = m_requestsProblem->palette();
    palette.setColor(QPalette::WindowText, m_state.theme().error());
    m_requestsProblem->setPalette(palette);
    m_requestsProblem->setText(problem);
    m_requestsProblem->show();
}

void WorkloadEditor::loadPreset(int index)
{
    if (index <= 0)
        return;
    const QString path = m_presets->itemData(index).toString();
    const QString name = m_presets->itemText(index);
    m_presets->setCurrentIndex(0);
    const Workload preset = Workload::load(path);
    edit(tr("Load preset \"%1\"").arg(name), [&preset](Workload& w) { w = preset; });
}

} // namespace ace::ui
