#pragma once

#include "pricing/pricebook.h"

#include <QWidget>

class QCompleter;
class QLineEdit;
class QSortFilterProxyModel;
class QToolButton;
class QTreeView;

namespace ace::ui {

class InstanceTypeModel;

// The instance type of a workload, chosen among hundreds: a text field that filters, as the
// user types, a list of the price book's types of one architecture with their vCPUs, memory,
// architecture and hourly price. Down (or the button beside the field) shows the whole list;
// Up, Down and Enter or a click choose. A type typed whole and confirmed with Enter is chosen
// too; what is not a type of the list stays as typed, and typeRefused() says why.
class InstanceTypeField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InstanceTypeField)

public:
    explicit InstanceTypeField(QWidget* parent = nullptr);
    ~InstanceTypeField() override;

    // The types the list offers: those of `prices` with `architecture`.
    void setPrices(const PriceBook& prices);
    void setArchitecture(Architecture architecture);
    // Shows `type` as the field's value (without announcing it).
    void setType(const QString& type);

    QLineEdit* lineEdit() const { return m_text; }
    QToolButton* listButton() const { return m_listButton; }
    QTreeView* list() const { return m_list; }
    // The list opened: every type offered, or those matching the text in the field.
    void showList(bool allTypes);
    // The types in the list as it is filtered now, in order.
    QStringList listedTypes() const;

    QSize sizeHint() const override;

signals:
    void typeChosen(const QString& type);
    // Typed text that is no type of the list, with the reason ("" once a type is chosen).
    void typeRefused(const QString& problem);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void commitTypedText();
    void choose(const QString& type);
    // Says why the text typed is refused ("" when nothing is), and keeps it until the
    // workload's type changes.
    void refuse(const QString& problem);

    InstanceTypeModel* m_model = nullptr;
    QSortFilterProxyModel* m_ofArchitecture = nullptr;
    QCompleter* m_completer = nullptr;
    QLineEdit* m_text = nullptr;
    QToolButton* m_listButton = nullptr;
    QTreeView* m_list = nullptr;
    QString m_region;
    Architecture m_architecture = Architecture::X86_64;
    QString m_type;
    QString m_refusedText;
};

} // namespace ace::ui
