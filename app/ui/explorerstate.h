#pragma once

#include "catalog/catalogitem.h"
#include "ui/theme.h"

#include <QObject>

namespace ace {
class Catalog;
}

namespace ace::ui {

// The one state every view of the explorer shares: what is selected, which service the
// pointer is over, the theme, and whether responsibility bands show. Views change it and
// listen to it, and never talk to each other, so they cannot disagree.
class ExplorerState final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExplorerState)

public:
    explicit ExplorerState(const Catalog& catalog, QObject* parent = nullptr);

    const Catalog& catalog() const { return m_catalog; }

    CatalogItem current() const { return m_current; }
    // Selects `item` (a null item clears); false, and nothing changes, for an unknown id.
    bool setCurrent(const CatalogItem& item);

    QString hoveredService() const { return m_hoveredService; }
    void setHoveredService(const QString& serviceId);

    const Theme& theme() const { return m_theme; }
    void setTheme(const Theme& theme);

    bool showResponsibility() const { return m_showResponsibility; }
    void setShowResponsibility(bool show);

    // Whether the catalog has this item.
    bool contains(const CatalogItem& item) const;

signals:
    void currentChanged(const ace::CatalogItem& current);
    void hoveredServiceChanged(const QString& serviceId);
    void themeChanged();
    void showResponsibilityChanged(bool show);

private:
    const Catalog& m_catalog;
    CatalogItem m_current;
    QString m_hoveredService;
    Theme m_theme = Theme::light();
    bool m_showResponsibility = true;
};

} // namespace ace::ui
