#include "ui/explorerstate.h"

#include "catalog/catalog.h"

namespace ace::ui {

ExplorerState::ExplorerState(const Catalog& catalog, const PriceBook& prices, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_prices(prices)
{}

void ExplorerState::setWorkload(const Workload& workload)
{
    if (workload == m_workload)
        return;
    m_workload = workload;
    emit workloadChanged();
}

bool ExplorerState::contains(const CatalogItem& item) const
{
    switch (item.kind) {
    case CatalogItem::Kind::None:
        return true;
    case CatalogItem::Kind::Category:
        return m_catalog.category(item.id) != nullptr;
    case CatalogItem::Kind::Service:
        return m_catalog.service(item.id) != nullptr;
    case CatalogItem::Kind::Option:
        return m_catalog.option(item.id) != nullptr;
    }
    return false;
}

bool ExplorerState::setCurrent(const CatalogItem& item)
{
    if (!contains(item))
        return false;
    if (item != m_current) {
        m_current = item;
        emit currentChanged(m_current);
    }
    return true;
}

void ExplorerState::setHoveredService(const QString& serviceId)
{
    if (serviceId == m_hoveredService)
        return;
    m_hoveredService = serviceId;
    emit hoveredServiceChanged(m_hoveredService);
}

bool ExplorerState::setComparison(const QString& firstOptionId, const QString& secondOptionId)
{
    if (firstOptionId == secondOptionId || !m_catalog.option(firstOptionId) ||
        !m_catalog.option(secondOptionId)) {
        return false;
    }
    if (firstOptionId != m_comparedFirst || secondOptionId != m_comparedSecond) {
        m_comparedFirst = firstOptionId;
        m_comparedSecond = secondOptionId;
        emit comparisonChanged();
    }
    return true;
}

void ExplorerState::clearComparison()
{
    if (!isComparing())
        return;
    m_comparedFirst.clear();
    m_comparedSecond.clear();
    emit comparisonChanged();
}

void ExplorerState::setTheme(const Theme& theme)
{
    if (theme.kind() == m_theme.kind())
        return;
    m_theme = theme;
    emit themeChanged();
}

void ExplorerState::setShowResponsibility(bool show)
{
    if (show == m_showResponsibility)
        return;
    m_showResponsibility = show;
    emit showResponsibilityChanged(show);
}

} // namespace ace::ui
