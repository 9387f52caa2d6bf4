#pragma once

#include "catalog/catalogitem.h"

#include <QTextBrowser>

namespace ace::ui {

class ExplorerState;

// The right-hand pane: everything about the current service or option (what it is, who
// manages what, how it bills, limits, uses, documentation links). Links to other catalog
// items select them; web links open in the browser.
class DetailPane final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailPane)

public:
    explicit DetailPane(ExplorerState& state, QWidget* parent = nullptr);

    // The link that selects `item` inside the pane ("ace:option/ecs-fargate").
    static QUrl linkTo(const CatalogItem& item);

private:
    void refresh();
    // The option the user compares `optionId` with, if any.
    QString comparedWith(const QString& optionId) const;
    void followLink(const QUrl& url);

    ExplorerState& m_state;
};

} // namespace ace::ui
