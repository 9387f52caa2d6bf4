#pragma once

#include "export/figure.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace ace::ui {
class ExplorerState;
}

namespace ace::exports {

// File → Export…: which view, format (also chosen by the file name's suffix), size as a scale
// or exact pixels, transparency (PNG, SVG), theme, and the file; a note shows the resulting
// pixel size as the fields change. The fields and the folder are remembered between runs.
// The export shows the window's workload and highlights what is selected there.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    explicit ExportDialog(const ui::ExplorerState& state, QWidget* parent = nullptr);
    ~ExportDialog() override;

    QComboBox* viewField() const { return m_viewField; }
    QComboBox* formatField() const { return m_formatField; }
    QRadioButton* scaleChoice() const { return m_scaleChoice; }
    QRadioButton* exactChoice() const { return m_exactChoice; }
    QSpinBox* scaleField() const { return m_scaleField; }
    QSpinBox* widthField() const { return m_widthField; }
    QSpinBox* heightField() const { return m_heightField; }
    QCheckBox* transparentField() const { return m_transparentField; }
    QComboBox* themeField() const { return m_themeField; }
    QLineEdit* pathField() const { return m_pathField; }
    QPushButton* browseButton() const { return m_browseButton; }
    QPushButton* exportButton() const { return m_exportButton; }
    // Shown when light text is asked for on a transparent background.
    QLabel* themeNote() const { return m_themeNote; }
    // The live note of the resulting size, e.g. "2174 × 1540 pixels".
    QString sizeNote() const;

    // Writes the file as the fields say and remembers the fields; returns an error message
    // naming the file, or an empty string. accept() calls it and shows the error, if any.
    QString exportToFile();

public slots:
    void accept() override;

signals:
    // After a successful export, for the status bar: "Exported stack diagram to PATH".
    void exported(const QString& message);

private:
    void buildForm();
    void connectFields();
    void restoreSettings();
    std::unique_ptr<ExportView> createView() const;
    bool isTransparent() const;
    void saveSettings() const;
    void chooseFile();
    void viewChanged();
    void formatChanged();
    void pathEdited();
    void updateState();
    ExportFormat format() const;
    Figure figure() const;
    QSize pixelSize() const;

    const ui::ExplorerState& m_state;
    std::unique_ptr<ExportView> m_view;
    QComboBox* m_viewField = nullptr;
    QComboBox* m_formatField = nullptr;
    QRadioButton* m_scaleChoice = nullptr;
    QRadioButton* m_exactChoice = nullptr;
    QSpinBox* m_scaleField = nullptr;
    QSpinBox* m_widthField = nullptr;
    QSpinBox* m_heightField = nullptr;
    QCheckBox* m_transparentField = nullptr;
    QComboBox* m_themeField = nullptr;
    QLineEdit* m_pathField = nullptr;
    QLabel* m_themeNote = nullptr;
    QLabel* m_sizeNote = nullptr;
    QPushButton* m_browseButton = nullptr;
    QPushButton* m_exportButton = nullptr;
};

} // namespace ace::exports
