#include "export/exportdialog.h"

#include "export/compareexportview.h"
#include "state/explorerstate.h"
#include "state/userfolders.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>

#include <algorithm>

namespace ace::exports {

namespace {

// Settings keys; values of the wrong type or out of range fall back to the defaults.
const QString folderKey = QStringLiteral("export/folder");
const QString viewKey = QStringLiteral("export/view");
const QString formatKey = QStringLiteral("export/format");
const QString exactSizeKey = QStringLiteral("export/exactSize");
const QString scaleKey = QStringLiteral("export/scale");
const QString widthKey = QStringLiteral("export/width");
const QString heightKey = QStringLiteral("export/height");
const QString transparentKey = QStringLiteral("export/transparent");
const QString themeKey = QStringLiteral("export/theme");

constexpr ExportFormat formats[] = {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf};

QString formatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Svg:
        return ExportDialog::tr("SVG (vector, for the web and editing)");
    case ExportFormat::Pdf:
        return ExportDialog::tr("PDF (vector, one page)");
    case ExportFormat::Png:
        break;
    }
    return ExportDialog::tr("PNG (image)");
}

// Selects the combo box entry whose data is `value`, if there is one.
void selectData(QComboBox* box, const QVariant& value)
{
    const int index = box->findData(value);
    if (index >= 0)
        box->setCurrentIndex(index);
}

// A remembered number, clamped to the field's range; `fallback` when the settings hold no
// number (a file edited by hand, or written by another version).
int rememberedInt(const QSettings& settings, const QString& key, int fallback, int minimum,
                  int maximum)
{
    bool isNumber = false;
    const int value = settings.value(key).toInt(&isNumber);
    return isNumber ? std::clamp(value, minimum, maximum) : fallback;
}

// A remembered switch; `fallback` unless the settings hold true or false (QVariant would read
// any other text as true).
bool rememberedBool(const QSettings& settings, const QString& key, bool fallback)
{
    const QString text = settings.value(key).toString();
    if (text == QLatin1String("true"))
        return true;
    if (text == QLatin1String("false"))
        return false;
    return fallback;
}

// The folder of the first export: Pictures where the desktop has one, else home.
QString defaultFolder()
{
    return ui::existingFolderOrHome(QStandardPaths::PicturesLocation);
}

// "Stack diagram" → "stack diagram", for a view's name inside a sentence.
QString inSentence(const QString& name)
{
    return name.isEmpty() ? name : name.front().toLower() + name.mid(1);
}

QSpinBox* spinBox(int minimum, int maximum, const QString& suffix)
{
    auto* box = new QSpinBox;
    box->setRange(minimum, maximum);
    box->setSuffix(suffix);
    return box;
}

} // namespace

ExportDialog::ExportDialog(const ui::ExplorerState& state, QWidget* parent)
    : QDialog(parent)
    , m_state(state)
{
    setWindowTitle(tr("Export Diagram"));
    buildForm();
    restoreSettings();
    connectFields();
    updateState();
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::buildForm()
{
    m_viewField = new QComboBox;
    // The comparison is offered while two options are compared, and then chosen first.
    for (const ExportViewInfo& view : exportViews()) {
        if (view.id != QStringView(CompareExportView::viewId))
            m_viewField->addItem(view.name, view.id);
        else if (m_state.isComparing())
            m_viewField->insertItem(0, view.name, view.id);
    }
    m_viewField->setCurrentIndex(0);
    // Every field's change needs the view (for the size note), so there is one from the start.
    m_view = createView();
    m_formatField = new QComboBox;
    for (const ExportFormat format : formats)
        m_formatField->addItem(formatName(format), suffixOf(format));

    m_scaleChoice = new QRadioButton(tr("&Scale"));
    m_scaleField = spinBox(1, maximumScale, tr("×"));
    m_scaleField->setToolTip(tr("2× has twice the pixels of 1× in each direction, for "
                                "high-resolution screens"));
    m_exactChoice = new QRadioButton(tr("E&xact size"));
    m_widthField = spinBox(1, maximumSide, tr(" px"));
    m_heightField = spinBox(1, maximumSide, tr(" px"));
    m_widthField->setValue(3840);
    m_heightField->setValue(2160);
    m_scaleChoice->setChecked(true);
    auto* scaleRow = new QHBoxLayout;
    scaleRow->addWidget(m_scaleChoice);
    scaleRow->addWidget(m_scaleField);
    scaleRow->addStretch();
    auto* exactRow = new QHBoxLayout;
    exactRow->addWidget(m_exactChoice);
    exactRow->addWidget(m_widthField);
    exactRow->addWidget(new QLabel(tr("×")));
    exactRow->addWidget(m_heightField);
    exactRow->addStretch();
    auto* sizeRows = new QVBoxLayout;
    sizeRows->addLayout(scaleRow);
    sizeRows->addLayout(exactRow);
    m_sizeNote = new QLabel;
    m_sizeNote->setObjectName(QStringLiteral("sizeNote"));
    sizeRows->addWidget(m_sizeNote);

    m_transparentField = new QCheckBox(tr("&Transparent background"));
    m_themeField = new QComboBox;
    m_themeField->addItem(tr("Light"), ui::Theme::light().name());
    m_themeField->addItem(tr("Dark"), ui::Theme::dark().name());
    selectData(m_themeField, m_state.theme().name());
    m_themeNote = new QLabel(tr("Light text on a transparent background: for dark slides"));
    m_themeNote->setObjectName(QStringLiteral("themeNote"));
    m_themeNote->setWordWrap(true);
    m_themeNote->hide();
    auto* themeRows = new QVBoxLayout;
    themeRows->addWidget(m_themeField);
    themeRows->addWidget(m_themeNote);

    m_pathField = new QLineEdit;
    m_pathField->setMinimumWidth(360); // room for a typical folder and file name
    m_browseButton = new QPushButton(tr("&Browse…"));
    // Enter in the file field exports; only a click or Alt+B browses.
    m_browseButton->setAutoDefault(false);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_pathField, 1);
    fileRow->addWidget(m_browseButton);
    // A label of a row that is a layout has no buddy unless given one; without it the
    // mnemonic shows as a literal "&".
    auto* fileLabel = new QLabel(tr("F&ile:"));
    fileLabel->setBuddy(m_pathField);

    auto* form = new QFormLayout;
    form->addRow(tr("&View:"), m_viewField);
    form->addRow(tr("&Format:"), m_formatField);
    form->addRow(tr("Size:"), sizeRows);
    form->addRow(QString(), m_transparentField);
    auto* themeLabel = new QLabel(tr("T&heme:"));
    themeLabel->setBuddy(m_themeField);
    form->addRow(themeLabel, themeRows);
    form->addRow(fileLabel, fileRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_exportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    // Only a button inside the dialog can be its default.
    m_exportButton->setDefault(true);

    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
}

// After the remembered values are in place, so restoring them triggers nothing.
void ExportDialog::connectFields()
{
    connect(m_browseButton, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(m_viewField, &QComboBox::currentIndexChanged, this, &ExportDialog::viewChanged);
    connect(m_formatField, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_pathField, &QLineEdit::textEdited, this, &ExportDialog::pathEdited);
    for (QSpinBox* box : {m_scaleField, m_widthField, m_heightField})
        connect(box, &QSpinBox::valueChanged, this, &ExportDialog::updateState);
    for (QRadioButton* choice : {m_scaleChoice, m_exactChoice})
        connect(choice, &QRadioButton::toggled, this, &ExportDialog::updateState);
    connect(m_transparentField, &QCheckBox::toggled, this, &ExportDialog::updateState);
    connect(m_themeField, &QComboBox::currentIndexChanged, this, &ExportDialog::updateState);
}

void ExportDialog::restoreSettings()
{
    // Unknown ids and values of the wrong type keep the defaults; numbers are clamped.
    const QSettings settings;
    if (!m_state.isComparing()) {
        selectData(m_viewField, settings.value(viewKey).toString());
        m_view = createView();
    }
    selectData(m_formatField, settings.value(formatKey).toString());
    m_exactChoice->setChecked(rememberedBool(settings, exactSizeKey, false));
    for (const auto& [field, key] :
         {std::pair{m_scaleField, scaleKey}, std::pair{m_widthField, widthKey},
          std::pair{m_heightField, heightKey}}) {
        field->setValue(
            rememberedInt(settings, key, field->value(), field->minimum(), field->maximum()));
    }
    m_transparentField->setChecked(rememberedBool(settings, transparentKey, false));
    selectData(m_themeField, settings.value(themeKey).toString());

    QString folder = settings.value(folderKey).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = defaultFolder();
    m_pathField->setText(
        QDir(folder).filePath(m_view->id() + u'.' + m_formatField->currentData().toString()));
}

void ExportDialog::saveSettings() const
{
    QSettings settings;
    settings.setValue(folderKey, QFileInfo(m_pathField->text()).absolutePath());
    settings.setValue(viewKey, m_viewField->currentData());
    settings.setValue(formatKey, m_formatField->currentData());
    settings.setValue(exactSizeKey, m_exactChoice->isChecked());
    settings.setValue(scaleKey, m_scaleField->value());
    settings.setValue(widthKey, m_widthField->value());
    settings.setValue(heightKey, m_heightField->value());
    settings.setValue(transparentKey, m_transparentField->isChecked());
    settings.setValue(themeKey, m_themeField->currentData());
}

void ExportDialog::chooseFile()
{
    const QString filters = tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)");
    QString selectedFilter = filters.split(QStringLiteral(";;")).at(m_formatField->currentIndex());
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Diagram"), m_pathField->text(), filters, &selectedFilter);
    if (path.isEmpty())
        return;
    m_pathField->setText(path);
    pathEdited();
}

std::unique_ptr<ExportView> ExportDialog::createView() const
{
    return createExportView(m_viewField->currentData().toString(), m_state.catalog(),
                            m_state.prices());
}

// The file name follows the view (stack.png, cost.png) until the user names the file.
void ExportDialog::viewChanged()
{
    const QString previousId = m_view->id();
    m_view = createView();
    const QFileInfo file(m_pathField->text());
    if (file.completeBaseName() == previousId)
        m_pathField->setText(file.dir().filePath(m_view->id() + u'.' + file.suffix()));
    updateState();
}

// The format follows the file name's suffix, and the suffix follows a chosen format.
void ExportDialog::formatChanged()
{
    const QFileInfo file(m_pathField->text());
    if (!m_pathField->text().isEmpty()) {
        m_pathField->setText(file.dir().filePath(file.completeBaseName() + u'.' +
                                                 m_formatField->currentData().toString()));
    }
    updateState();
}

void ExportDialog::pathEdited()
{
    if (const std::optional<ExportFormat> suffix = exportFormatOf(m_pathField->text()))
        selectData(m_formatField, suffixOf(*suffix));
    updateState();
}

ExportFormat ExportDialog::format() const
{
    return formats[std::max(0, m_formatField->currentIndex())];
}

bool ExportDialog::isTransparent() const
{
    return m_transparentField->isEnabled() && m_transparentField->isChecked();
}

Figure ExportDialog::figure() const
{
    ExportOptions options;
    options.workload = m_state.workload();
    options.theme = m_themeField->currentData() == ui::Theme::dark().name()
                        ? ui::Theme::Kind::Dark
                        : ui::Theme::Kind::Light;
    options.select = m_state.current();
    options.compared = m_state.comparison();
    options.transparent = isTransparent();
    return Figure(*m_view, m_state.catalog(), m_state.prices(), options);
}

QSize ExportDialog::pixelSize() const
{
    ExportSize size;
    size.scale = m_scaleField->value();
    if (m_exactChoice->isChecked())
        size.pixels = QSize(m_widthField->value(), m_heightField->value());
    return size.resolve(figure().naturalSize());
}

QString ExportDialog::sizeNote() const
{
    return m_sizeNote->text();
}

void ExportDialog::updateState()
{
    m_scaleField->setEnabled(m_scaleChoice->isChecked());
    m_widthField->setEnabled(m_exactChoice->isChecked());
    m_heightField->setEnabled(m_exactChoice->isChecked());
    // PDF pages always have a background.
    m_transparentField->setEnabled(format() != ExportFormat::Pdf);
    m_themeNote->setVisible(isTransparent() &&
                            m_themeField->currentData() == ui::Theme::dark().name());

    const QSize pixels = pixelSize();
    const bool tooLarge = pixels.width() > maximumSide || pixels.height() > maximumSide;
    if (tooLarge) {
        m_sizeNote->setText(tr("%1 × %2 pixels: too large, at most %3 a side")
                                .arg(pixels.width())
                                .arg(pixels.height())
                                .arg(maximumSide));
    } else if (format() == ExportFormat::Pdf) {
        //: A PDF page's size in pixels at 96 dpi and in centimetres.
        m_sizeNote->setText(tr("%1 × %2 pixels: a %3 × %4 cm vector page")
                                .arg(pixels.width())
                                .arg(pixels.height())
                                .arg(pixels.width() * 2.54 / 96, 0, 'f', 1)
                                .arg(pixels.height() * 2.54 / 96, 0, 'f', 1));
    } else {
        m_sizeNote->setText(tr("%1 × %2 pixels").arg(pixels.width()).arg(pixels.height()));
    }
    m_exportButton->setEnabled(!tooLarge);
}

QString ExportDialog::exportToFile()
{
    const QString path = m_pathField->text();
    const std::optional<ExportFormat> suffix = exportFormatOf(path);
    if (path.isEmpty() || !suffix)
        return tr("%1: the file name must end in .png, .svg or .pdf").arg(path);
    const QString error = figure().write(path, *suffix, pixelSize());
    if (error.isEmpty()) {
        saveSettings();
        emit exported(
            tr("Exported %1 to %2")
                .arg(inSentence(m_viewField->currentText()), QDir::toNativeSeparators(path)));
    }
    return error;
}

void ExportDialog::accept()
{
    const QString error = exportToFile();
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Export Failed"),
                             tr("The diagram was not exported.\n\n%1\n\nA file that was already "
                                "there is unchanged.")
                                 .arg(QDir::toNativeSeparators(error)));
        return;
    }
    QDialog::accept();
}

} // namespace ace::exports
