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

    // The HTML of a page: an option's has its cost section (after the head, which ends with
    // the section's title) apart; other pages are a head alone.
    struct Page
    {
        QString head;
        QString cost;
        QString tail;
        bool operator==(const Page& other) const
        {
            return head == other.head && cost == other.cost && tail == other.tail;
        }
    };

private:
    void refresh();
    // Puts `costHtml` in place of the cost section shown; false if the page has none.
    bool replaceCostSection(const QString& costHtml);
    // The option the user compares `optionId` with, if any.
    QString comparedWith(const QString& optionId) const;
    void followLink(const QUrl& url);

    ExplorerState& m_state;
    Page m_shown;
};

} // namespace ace::ui
