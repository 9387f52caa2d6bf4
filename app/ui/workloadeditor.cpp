#include "ui/workloadeditor.h"

#include "cost/breakeven.h"
#include "cost/quantitytext.h"
#include "cost/workloadfields.h"
#include "json/dataerror.h"
#include "pricing/pricebook.h"
#include "state/explorerstate.h"
#include "state/workloadedit.h"
#include "ui/instancetypefield.h"

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
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

namespace ace::ui {

namespace {

// A spin box repaints at every setValue, even of the value it shows (or a cleared one holds):
// a refresh sets only what changed.
void setValueIfNew(QDoubleSpinBox& field, double value)
{
    if (field.value() != value || field.cleanText().isEmpty())
        field.setValue(value);
}

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

    // A rule that follows another field (a discount's limit follows its kind of purchase).
    void setShownRule(const NumberRule& shown)
    {
        m_shown = shown;
        updateGeometry();
    }

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

QString doorName(RequestDoor door)
{
    switch (door) {
    case RequestDoor::None:
        return WorkloadEditor::tr("None");
    case RequestDoor::FunctionUrl:
        return WorkloadEditor::tr("Function URL");
    case RequestDoor::ApiGatewayHttp:
        return WorkloadEditor::tr("API Gateway HTTP API");
    case RequestDoor::ApiGatewayRest:
        return WorkloadEditor::tr("API Gateway REST API");
    case RequestDoor::Alb:
        break;
    }
    return WorkloadEditor::tr("Load balancer (ALB)");
}

QString doorToolTip(RequestDoor door)
{
    switch (door) {
    case RequestDoor::None:
        return WorkloadEditor::tr("Nothing in front: the requests come from a queue, a schedule "
                                  "or an event such as an upload, and no door is billed");
    case RequestDoor::FunctionUrl:
        return WorkloadEditor::tr("The function's own HTTPS endpoint, with no charge of its own");
    case RequestDoor::ApiGatewayHttp:
        return WorkloadEditor::tr("Billed per million requests, each metered in steps of 512 KB "
                                  "of its size; cheaper than a REST API");
    case RequestDoor::ApiGatewayRest:
        return WorkloadEditor::tr("More features than an HTTP API at a higher rate per million "
                                  "requests, lower in bands at high volumes");
    case RequestDoor::Alb:
        break;
    }
    return WorkloadEditor::tr("An Application Load Balancer: billed for each hour it runs, plus "
                              "capacity units for the largest of new connections, active "
                              "connections, data processed and rule evaluations");
}

// The id of a deployment option with a door of its own.
QString idOf(const RequestPathOption& option)
{
    return option.optionId.toString();
}

bool someOptionHasAnAlb(const Workload& workload)
{
    const std::vector<RequestPathOption>& options = requestPathOptions();
    return std::any_of(options.begin(), options.end(), [&workload](const auto& option) {
        return workload.requestPath.doorOf(idOf(option)) == RequestDoor::Alb;
    });
}

void selectValue(QComboBox* box, int value)
{
    box->setCurrentIndex(box->findData(value));
}

// The value the containers' door shows when their options have different doors.
constexpr int mixedDoors = -1;

QString purchaseKindName(PurchaseKind kind)
{
    switch (kind) {
    case PurchaseKind::OnDemand:
        return WorkloadEditor::tr("On demand");
    case PurchaseKind::SavingsPlan:
        return WorkloadEditor::tr("Savings Plans");
    case PurchaseKind::Spot:
        return WorkloadEditor::tr("Spot");
    case PurchaseKind::Reserved:
        break;
    }
    return WorkloadEditor::tr("Reserved");
}

QString purchaseKindToolTip(PurchaseKind kind)
{
    switch (kind) {
    case PurchaseKind::OnDemand:
        return WorkloadEditor::tr("The on-demand rate, without commitment");
    case PurchaseKind::SavingsPlan:
        return WorkloadEditor::tr("A commitment to spend an amount an hour for one or three "
                                  "years, for a lower rate");
    case PurchaseKind::Spot:
        return WorkloadEditor::tr("Spare capacity at a lower rate, which AWS can take back at "
                                  "two minutes' notice");
    case PurchaseKind::Reserved:
        break;
    }
    return WorkloadEditor::tr("Reserved Instances: an instance type reserved for one or three "
                              "years, for a lower rate");
}

// A capacity family whose purchase the editor sets, and its name in labels.
struct PurchaseFamily
{
    CapacityFamily family;
    Purchase PurchaseSettings::*member;
    QString name;      // "EC2 instances"
    QString shortName; // "EC2", in "EC2 discount"
    QString toolTip;   // what the purchase applies to
};

// Why a discount of `family` bought as `kind` is at most what it is.
QString discountLimitReason(const PurchaseFamily& family, PurchaseKind kind)
{
    if (kind == PurchaseKind::OnDemand)
        return WorkloadEditor::tr("on demand has no discount");
    //: e.g. "the most AWS gives for Savings Plans on EC2".
    return WorkloadEditor::tr("the most AWS gives for %1 on %2")
        .arg(purchaseKindName(kind), family.shortName);
}

} // namespace

// One number field and the workload value it edits.
struct WorkloadEditor::NumberBinding
{
    QDoubleSpinBox* field = nullptr;
    QString label;
    QString suffix;
    // The rule of the stored value, which may depend on other fields of the workload.
    std::function<NumberRule(const Workload&)> rule;
    // Why the rule is what it is, when it depends on other fields: added to a refusal.
    std::function<QString(const Workload&)> ruleReason;
    double scale = 1;
    std::function<double(const Workload&)> get;
    std::function<void(Workload&, double)> set;
    std::function<QString(double)> undoText;
    // While a refused entry is shown: the state's value it was refused against, and the rule
    // it broke (described). The entry stays, to be corrected, until the state's value changes
    // (undo, a preset) or the rule does (a discount's kind): then what was refused may be
    // allowed, and the state's value is shown again.
    std::optional<double> refusedOver;
    QString refusedRule;

    bool showsRefusedEntryFor(const Workload& workload) const
    {
        return refusedOver == get(workload) && refusedRule == rule(workload).describe();
    }
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
    layout->addWidget(createRequestsGroup());
    layout->addWidget(createPurchaseGroup());
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

void WorkloadEditor::applySliderPosition(int mergeKey)
{
    const double requests = requestsAtSliderPosition(m_requestsSlider->value());
    edit(
        tr("Set requests to %1").arg(shortQuantity(requests)),
        [requests](Workload& workload) { workload.requestsPerMonth = requests; }, mergeKey);
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

QComboBox* WorkloadEditor::choiceField(const QString& label) const
{
    for (auto* field : findChildren<QComboBox*>()) {
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
    if (auto* types = qobject_cast<InstanceTypeField*>(field))
        types->lineEdit()->installEventFilter(this);
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
    showBelow(field, problem, m_state.theme().error());
}

void WorkloadEditor::showNote(const QWidget* field, const QString& note)
{
    showBelow(field, note, m_state.theme().mutedText());
}

void WorkloadEditor::showBelow(const QWidget* field, const QString& text, const QColor& color)
{
    QLabel* label = problemOf(field);
    // Every refresh says each field's problem again, mostly none: showing a row again lays
    // the whole editor out and repaints it, at every edit.
    if (label->text() == text && (text.isEmpty() || label->palette().windowText().color() == color))
        return;
    for (QFormLayout* form : m_forms) {
        if (form->indexOf(label) < 0)
            continue;
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, color);
        label->setPalette(palette);
        label->setText(text);
        form->setRowVisible(label, !text.isEmpty());
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
    else if (auto* types = qobject_cast<InstanceTypeField*>(field))
        emit types->lineEdit()->editingFinished();
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
    // A drag moves the slider more often than an edit can be priced and painted: the moves of
    // one turn of the event loop become one edit, to the last position, so no frame queues
    // behind the pointer. Clicks and keys are edits at once.
    m_pendingSliderDrag = new QTimer(this);
    m_pendingSliderDrag->setSingleShot(true);
    m_pendingSliderDrag->setInterval(0);
    // One drag is one undo step; clicks and keys on the slider are steps of their own.
    const auto applyDragPosition = [this] { applySliderPosition(1000 + m_sliderDrag); };
    connect(m_pendingSliderDrag, &QTimer::timeout, this, applyDragPosition);
    connect(m_requestsSlider, &QSlider::valueChanged, this, [this] {
        if (m_refreshing)
            return;
        if (!m_requestsSlider->isSliderDown())
            applySliderPosition(0);
        else if (!m_pendingSliderDrag->isActive()) // it reads the position when it runs
            m_pendingSliderDrag->start();
    });
    // The drag's last position, now rather than a turn later.
    connect(m_requestsSlider, &QSlider::sliderReleased, this, [this, applyDragPosition] {
        if (m_pendingSliderDrag->isActive()) {
            m_pendingSliderDrag->stop();
            applyDragPosition();
        }
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

    QList<Choice> architectures;
    for (Architecture arch : {Architecture::X86_64, Architecture::Arm64})
        architectures.append({architectureId(arch), int(arch), {}});
    QComboBox* architecture =
        addChoice(form, tr("Architecture"), tr("x86_64 (Intel or AMD) or arm64 (AWS Graviton)"),
                  architectures, [this](int value) {
                      const auto arch = Architecture(value);
                      edit(tr("Set architecture to %1").arg(architectureId(arch)),
                           [arch](Workload& w) { w.architecture = arch; });
                  });
    m_refreshers.push_back(
        [this, architecture] { selectValue(architecture, int(m_state.workload().architecture)); });

    // The free tier covers Lambda and, with the whole bill, data transfer out.
    auto* freeTier = new QCheckBox(tr("Free tier"));
    freeTier->setToolTip(tr("Lambda's 1M requests and 400,000 GB-s a month, and 100 GB a month "
                            "of data transfer out to the internet; switch off when other "
                            "workloads of the account use it up"));
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
        .field->setSingleStep(0.25);
    addNumber(form, tr("Memory per task"), tr(" GB"),
              workloadField(&Workload::container, &ContainerSettings::memoryGb), 2)
        .field->setSingleStep(0.5);
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
    auto* type = m_instanceType = new InstanceTypeField;
    type->setPrices(m_state.prices());
    connect(type, &InstanceTypeField::typeChosen, this, [this](const QString& chosen) {
        edit(tr("Set instance type to %1").arg(chosen),
             [chosen](Workload& w) { w.instance.type = chosen; });
    });
    // What the estimates will say about the type, said at the field.
    const auto noteOnType = [this, type] {
        const Workload& workload = m_state.workload();
        const InstanceType* chosen = m_state.prices().ec2().instanceType(workload.instance.type);
        if (!chosen) {
            showProblem(type, tr("%1 is not in the %2 price book: choose another type")
                                  .arg(workload.instance.type, m_state.prices().region()));
        } else if (chosen->architecture != workload.architecture) {
            showNote(type, tr("%1 is an %2 type: the workload is %3")
                               .arg(chosen->type, architectureId(chosen->architecture),
                                    architectureId(workload.architecture)));
        } else {
            showNote(type, {});
        }
    };
    connect(type, &InstanceTypeField::typeRefused, this,
            [this, type, noteOnType](const QString& problem) {
                if (problem.isEmpty())
                    noteOnType();
                else
                    showProblem(type, problem);
            });
    m_refreshers.push_back([this, type, noteOnType] {
        type->setArchitecture(m_state.workload().architecture);
        type->setType(m_state.workload().instance.type);
        noteOnType();
    });
    // Another price book (another region) has other types at other prices.
    connect(&m_state, &ExplorerState::costResultsChanged, type,
            [this, type, noteOnType, pricedBy = m_state.prices().sourceName()]() mutable {
                if (m_state.prices().sourceName() == pricedBy)
                    return;
                pricedBy = m_state.prices().sourceName();
                type->setPrices(m_state.prices());
                noteOnType();
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

QWidget* WorkloadEditor::createRequestsGroup()
{
    auto* group = new QGroupBox(tr("Requests && data"));
    QFormLayout* form = createForm(group);

    QList<Choice> lambdaDoors;
    for (RequestDoor door :
         {RequestDoor::None, RequestDoor::FunctionUrl, RequestDoor::ApiGatewayHttp,
          RequestDoor::ApiGatewayRest, RequestDoor::Alb})
        lambdaDoors.append({doorName(door), int(door), doorToolTip(door)});
    QComboBox* lambdaDoor = addChoice(
        form, tr("In front of Lambda"), tr("What receives each request before the function"),
        lambdaDoors, [this](int value) {
            const auto door = RequestDoor(value);
            edit(tr("Set the door in front of Lambda to %1").arg(doorName(door)),
                 [door](Workload& w) {
                     for (const RequestPathOption& option : requestPathOptions()) {
                         if (option.lambda)
                             w.requestPath.*option.door = door;
                     }
                 });
        });
    m_refreshers.push_back([this, lambdaDoor] {
        const RequestPathSettings& path = m_state.workload().requestPath;
        for (const RequestPathOption& option : requestPathOptions()) {
            if (option.lambda)
                selectValue(lambdaDoor, int(path.doorOf(idOf(option))));
        }
    });

    QList<Choice> containerDoors;
    for (RequestDoor door : {RequestDoor::None, RequestDoor::Alb})
        containerDoors.append({doorName(door), int(door), doorToolTip(door)});
    QComboBox* containerDoor = addChoice(
        form, tr("In front of containers and VMs"),
        tr("What receives each request before EC2 instances and containers (ECS, EKS, Fargate). "
           "API Gateway is for Lambda: containers behind it need a VPC link and a load "
           "balancer, which the estimate leaves out"),
        containerDoors, [this](int value) {
            if (value == mixedDoors)
                return;
            const auto door = RequestDoor(value);
            edit(tr("Set the door in front of containers and VMs to %1").arg(doorName(door)),
                 [door](Workload& w) {
                     // The default is every option's door but Lambda's, which keeps its own.
                     const RequestDoor before = w.requestPath.defaultDoor;
                     w.requestPath.defaultDoor = door;
                     for (const RequestPathOption& option : requestPathOptions()) {
                         std::optional<RequestDoor>& own = w.requestPath.*option.door;
                         if (!option.lambda)
                             own.reset();
                         else if (!own)
                             own = before;
                     }
                 });
        });
    m_refreshers.push_back([this, containerDoor] {
        // A file may give the options different doors: say so rather than show one of them.
        const Workload& workload = m_state.workload();
        std::set<RequestDoor> doors;
        QStringList eachDoor;
        for (const RequestPathOption& option : requestPathOptions()) {
            if (option.lambda)
                continue;
            const RequestDoor door = workload.requestPath.doorOf(idOf(option));
            doors.insert(door);
            eachDoor.append(idOf(option) + u' ' + requestDoorId(door));
        }
        const int mixed = containerDoor->findData(mixedDoors);
        if (mixed >= 0)
            containerDoor->removeItem(mixed);
        if (doors.size() == 1) {
            selectValue(containerDoor, int(*doors.begin()));
            showNote(containerDoor, {});
            return;
        }
        containerDoor->addItem(tr("As in the file"), mixedDoors);
        selectValue(containerDoor, mixedDoors);
        //: e.g. "As in the file: ec2 none, ecs-ec2 none, …, ecs-fargate alb, eks-fargate none".
        showNote(containerDoor, tr("As in the file: %1").arg(eachDoor.join(QStringLiteral(", "))));
    });

    QDoubleSpinBox* rules =
        addNumber(form, tr("ALB rules per request"), QString(),
                  workloadField(&Workload::requestPath, &RequestPathSettings::albRulesPerRequest),
                  0)
            .field;
    rules->setToolTip(tr("Listener rules a load balancer evaluates for each request: the first 10 "
                         "are free, more add capacity units"));
    enableWhen(rules, someOptionHasAnAlb);

    addNumber(form, tr("Request size"), tr(" KB"),
              workloadField(&Workload::traffic, &TrafficSettings::avgRequestKb), 1)
        .field->setToolTip(tr("The average request in KB of 1,024 bytes: API Gateway HTTP APIs "
                              "meter requests in steps of 512 KB, and a load balancer bills "
                              "the data it processes"));
    addNumber(form, tr("Response size"), tr(" KB"),
              workloadField(&Workload::traffic, &TrafficSettings::avgResponseKb), 1)
        .field->setToolTip(tr("The average response sent out to the internet, in KB of 1,024 "
                              "bytes, billed as data transfer out (100 GB a month free with the "
                              "free tier); 0 when nothing goes back out"));
    QDoubleSpinBox* perConnection =
        addNumber(form, tr("Requests per connection"), QString(),
                  workloadField(&Workload::traffic, &TrafficSettings::requestsPerConnection), 1)
            .field;
    perConnection->setToolTip(tr("Requests each new connection to a load balancer carries "
                                 "(keep-alive): fewer new connections need fewer capacity units"));
    enableWhen(perConnection, someOptionHasAnAlb);
    return group;
}

QWidget* WorkloadEditor::createPurchaseGroup()
{
    auto* group = new QGroupBox(tr("Purchase"));
    QFormLayout* form = createForm(group);
    const PurchaseFamily families[] = {
        {CapacityFamily::Ec2, &PurchaseSettings::ec2, tr("EC2 instances"), tr("EC2"),
         tr("How the EC2 instances are bought, also those under ECS and EKS")},
        {CapacityFamily::Fargate, &PurchaseSettings::fargate, tr("Fargate"), tr("Fargate"),
         tr("How Fargate is bought, under ECS and EKS (Fargate Spot runs ECS tasks only)")},
        {CapacityFamily::Lambda, &PurchaseSettings::lambda, tr("Lambda"), tr("Lambda"),
         tr("How Lambda is bought: a discount is off duration only, requests are never "
            "discounted")},
    };
    for (const PurchaseFamily& family : families) {
        QList<Choice> kinds;
        for (PurchaseKind kind : {PurchaseKind::OnDemand, PurchaseKind::SavingsPlan,
                                  PurchaseKind::Spot, PurchaseKind::Reserved}) {
            // Only what AWS sells for the family.
            const std::optional<double> most = maxDiscountPercent(family.family, kind);
            if (!most)
                continue;
            const QString text =
                kind == PurchaseKind::OnDemand
                    ? purchaseKindName(kind)
                    : tr("%1 (up to %2 %)").arg(purchaseKindName(kind), groupedNumber(*most));
            kinds.append({text, int(kind), purchaseKindToolTip(kind)});
        }
        const QString discountLabel = tr("%1 discount").arg(family.shortName);
        QComboBox* kind = addChoice(
            form, family.name, family.toolTip, kinds, [this, family, discountLabel](int value) {
                const auto chosen = PurchaseKind(value);
                const double most = *maxDiscountPercent(family.family, chosen);
                const double before = m_state.workload().purchase.of(family.family).discountPercent;
                const QString problem =
                    edit(tr("Buy %1 as %2").arg(family.shortName, purchaseKindName(chosen)),
                         [&family, chosen, most](Workload& w) {
                             Purchase& purchase = w.purchase.*family.member;
                             purchase.kind = chosen;
                             // The same step keeps the discount within what the new kind gives.
                             purchase.discountPercent = std::min(purchase.discountPercent, most);
                         });
                if (problem.isEmpty() && before > most) {
                    showNote(numberField(discountLabel),
                             tr("Lowered from %1 % to %2 %: %3")
                                 .arg(groupedNumber(before, 1), groupedNumber(most, 1),
                                      discountLimitReason(family, chosen)));
                }
            });
        m_refreshers.push_back([this, kind, family] {
            selectValue(kind, int(m_state.workload().purchase.of(family.family).kind));
        });

        NumberBinding& discount = addNumber(
            form, discountLabel, tr(" %"),
            workloadField(&Workload::purchase, family.member, &Purchase::discountPercent), 1);
        // At most what the chosen kind gives, not what the family's most generous kind does.
        discount.rule = [family](const Workload& w) {
            return NumberRule::between(
                0, *maxDiscountPercent(family.family, w.purchase.of(family.family).kind));
        };
        // "Set Fargate discount": a product's name keeps its capital inside a sentence.
        discount.undoText = [discountLabel](double) { return tr("Set %1").arg(discountLabel); };
        discount.ruleReason = [family](const Workload& w) {
            return discountLimitReason(family, w.purchase.of(family.family).kind);
        };
        discount.field->setToolTip(
            tr("Your own rate off the on-demand rate (AWS publishes only the most each kind "
               "gives); the estimate shows it as a line of its own, as your assumption"));
        enableWhen(discount.field, [family](const Workload& w) {
            return w.purchase.of(family.family).kind != PurchaseKind::OnDemand;
        });
    }

    QList<Choice> supports;
    supports.append({tr("Standard"), int(EksSupport::Standard),
                     tr("The Kubernetes version is within its 14 months of standard support")});
    supports.append({tr("Extended"), int(EksSupport::Extended),
                     tr("The Kubernetes version is older than 14 months")});
    QComboBox* support = addChoice(
        form, tr("EKS support"),
        tr("Each Kubernetes version has 14 months of standard support ($0.10 a cluster-hour). "
           "A cluster still on it after that enters extended support, $0.60 a cluster-hour in "
           "all; extended support is on by default for clusters created through the API"),
        supports, [this](int value) {
            const auto chosen = EksSupport(value);
            edit(tr("Set EKS support to %1").arg(eksSupportId(chosen)),
                 [chosen](Workload& w) { w.eksSupport = chosen; });
        });
    m_refreshers.push_back(
        [this, support] { selectValue(support, int(m_state.workload().eksSupport)); });
    return group;
}

WorkloadEditor::NumberBinding& WorkloadEditor::addNumber(QFormLayout* form, const QString& label,
                                                         const QString& suffix,
                                                         const WorkloadNumberField& field,
                                                         int decimals, double scale)
{
    auto binding = std::make_shared<NumberBinding>();
    auto* numberField = new NumberField(scaled(field.rule(), scale), decimals, suffix);
    binding->field = numberField;
    binding->label = label;
    binding->suffix = suffix;
    binding->rule = [&field](const Workload&) { return field.rule(); };
    binding->scale = scale;
    binding->get = [&field](const Workload& w) { return *field.number(w); };
    binding->set = [&field](Workload& w, double value) { field.setNumber(w, value); };
    binding->undoText = [label](double) { return tr("Set %1").arg(inSentence(label)); };
    connect(binding->field, &QDoubleSpinBox::valueChanged, this, [this, binding](double shown) {
        if (!m_refreshing)
            commitNumber(*binding, shown);
    });
    m_refreshers.push_back([this, binding, numberField] {
        const Workload& workload = m_state.workload();
        numberField->setShownRule(scaled(binding->rule(workload), binding->scale));
        if (binding->showsRefusedEntryFor(workload))
            return;
        binding->refusedOver.reset();
        setValueIfNew(*binding->field, binding->get(workload) * binding->scale);
        showProblem(binding->field, {});
    });
    addRow(form, label, binding->field);
    return *binding;
}

QComboBox* WorkloadEditor::addChoice(QFormLayout* form, const QString& label,
                                     const QString& toolTip, const QList<Choice>& choices,
                                     const std::function<void(int)>& choose)
{
    auto* box = new WheelWhenFocused<QComboBox>;
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    box->setToolTip(toolTip);
    for (const Choice& choice : choices) {
        box->addItem(choice.text, choice.value);
        box->setItemData(box->count() - 1, choice.toolTip, Qt::ToolTipRole);
    }
    connect(box, &QComboBox::activated, this,
            [box, choose] { choose(box->currentData().toInt()); });
    addRow(form, label, box);
    return box;
}

void WorkloadEditor::enableWhen(QWidget* field, const std::function<bool(const Workload&)>& enabled)
{
    m_refreshers.push_back(
        [this, field, enabled] { field->setEnabled(enabled(m_state.workload())); });
}

void WorkloadEditor::commitNumber(NumberBinding& binding, double shown)
{
    const double value = shown / binding.scale;
    const Workload& workload = m_state.workload();
    const NumberRule rule = binding.rule(workload);
    QString problem;
    if (!rule.admits(value)) {
        //: e.g. "Memory must be a whole number between 128 and 10,240 MB".
        problem = tr("%1 must be %2%3")
                      .arg(binding.label, scaled(rule, binding.scale).describe(), binding.suffix);
        if (binding.ruleReason)
            problem += tr(": %1").arg(binding.ruleReason(workload));
    } else {
        problem = edit(binding.undoText(value),
                       [&binding, value](Workload& w) { binding.set(w, value); });
    }
    binding.refusedOver =
        problem.isEmpty() ? std::nullopt : std::optional<double>(binding.get(m_state.workload()));
    binding.refusedRule = rule.describe();
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
    binding->rule = [&field](const Workload&) { return field.rule(); };
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
        if (binding->showsRefusedEntryFor(m_state.workload()))
            return;
        binding->refusedOver.reset();
        if (value)
            setValueIfNew(*binding->field, *value);
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
