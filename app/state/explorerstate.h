#pragma once

#include "catalog/catalogitem.h"
#include "cost/workload.h"
#include "models/comparisonmodel.h"
#include "state/theme.h"

#include <QObject>

namespace ace {
class Catalog;
class PriceBook;
} // namespace ace

namespace ace::ui {

// The one state every view of the explorer shares: what is selected, which service the
// pointer is over, the theme, and whether responsibility bands show. Views change it and
// listen to it, and never talk to each other, so they cannot disagree.
class ExplorerState final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExplorerState)

public:
    ExplorerState(const Catalog& catalog, const PriceBook& prices, QObject* parent = nullptr);

    const Catalog& catalog() const { return m_catalog; }
    const PriceBook& prices() const { return m_prices; }

    // The workload every estimate is for.
    const Workload& workload() const { return m_workload; }
    void setWorkload(const Workload& workload);

    CatalogItem current() const { return m_current; }
    // Selects `item` (a null item clears); false, and nothing changes, for an unknown id.
    bool setCurrent(const CatalogItem& item);

    QString hoveredService() const { return m_hoveredService; }
    void setHoveredService(const QString& serviceId);

    const Theme& theme() const { return m_theme; }
    void setTheme(const Theme& theme);

    // What the user chose to compare (null when nothing), and the pair of options compared
    // (both empty when none).
    const ComparedPair& comparison() const { return m_compared; }
    QString comparedFirst() const { return m_compared.first; }
    QString comparedSecond() const { return m_compared.second; }
    // Compares two option or service ids (an id naming both means the option), the default
    // way (waysToCompare); false, and nothing changes, for unknown ids or a pair that has no
    // way to be compared.
    bool setComparison(const QString& firstId, const QString& secondId);
    // The same for catalog items.
    bool compare(const CatalogItem& first, const CatalogItem& second);
    // Sets the pair; false, and nothing changes, unless it is one of the ways to compare its
    // items (waysToCompare): unknown ids, an option with itself, a service with an option it
    // is not in.
    bool setComparison(const ComparedPair& pair);
    // Ends the comparison (both ids empty).
    void clearComparison();
    bool isComparing() const { return !m_compared.isNull(); }

    bool showResponsibility() const { return m_showResponsibility; }
    void setShowResponsibility(bool show);

    // Whether the catalog has this item.
    bool contains(const CatalogItem& item) const;

signals:
    void currentChanged(const ace::CatalogItem& current);
    void hoveredServiceChanged(const QString& serviceId);
    void comparisonChanged();
    void workloadChanged();
    void themeChanged();
    void showResponsibilityChanged(bool show);

private:
    const Catalog& m_catalog;
    const PriceBook& m_prices;
    Workload m_workload;
    CatalogItem m_current;
    QString m_hoveredService;
    ComparedPair m_compared;
    Theme m_theme = Theme::light();
    bool m_showResponsibility = true;
};

} // namespace ace::ui
