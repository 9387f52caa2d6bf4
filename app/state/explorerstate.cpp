#include "state/explorerstate.h"

#include "json/dataerror.h"

namespace ace::ui {

ExplorerState::ExplorerState(Catalog catalog, PriceBook prices, QObject* parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
    , m_prices(std::move(prices))
{
    priceWorkload();
    connect(this, &ExplorerState::costResultsChanged, this, &ExplorerState::updateAdvice);
}

ExplorerState::ExplorerState(Catalog catalog, PriceBook prices,
                             std::shared_ptr<const CostResults> results, QObject* parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
    , m_prices(std::move(prices))
    , m_workload(results->workload)
    , m_results(std::move(results))
{
    connect(this, &ExplorerState::costResultsChanged, this, &ExplorerState::updateAdvice);
}

QStringList ExplorerState::comparedOptionIds() const
{
    return isComparing() ? QStringList{m_compared.first, m_compared.second} : QStringList();
}

void ExplorerState::priceWorkload()
{
    m_results = std::make_shared<const CostResults>(
        computeCostResults(m_catalog, m_workload, m_prices, comparedOptionIds()));
}

void ExplorerState::setPrices(const PriceBook& prices)
{
    setPricesAndWorkload(prices, m_workload);
}

void ExplorerState::setPricesAndWorkload(const PriceBook& prices, const Workload& workload)
{
    m_prices = prices;
    const bool newWorkload = workload != m_workload;
    m_workload = workload;
    priceWorkload();
    if (newWorkload)
        emit workloadChanged();
    emit costResultsChanged();
}

void ExplorerState::setWorkload(const Workload& workload)
{
    if (workload == m_workload)
        return;
    m_workload = workload;
    // A new volume alone (the requests slider, dragged) keeps the sweep and the break-evens.
    if (m_results && sameAtEveryVolume(m_results->workload, workload)) {
        m_results = std::make_shared<const CostResults>(
            repricedAtVolume(*m_results, m_catalog, workload, m_prices, comparedOptionIds()));
    } else {
        priceWorkload();
    }
    emit workloadChanged();
    emit costResultsChanged();
}

void ExplorerState::showCostResults(std::shared_ptr<const CostResults> results,
                                    const PriceBook& prices)
{
    Q_ASSERT(results);
    const bool newWorkload = results->workload != m_workload;
    m_prices = prices;
    m_results = std::move(results);
    m_workload = m_results->workload;
    if (newWorkload)
        emit workloadChanged();
    emit costResultsChanged();
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

bool ExplorerState::setComparison(const QString& firstId, const QString& secondId)
{
    return compare(comparableItem(m_catalog, firstId), comparableItem(m_catalog, secondId));
}

bool ExplorerState::compare(const CatalogItem& first, const CatalogItem& second)
{
    const ComparisonWays found = waysToCompare(m_catalog, first, second);
    return !found.ways.isEmpty() && setComparison(found.ways.constFirst());
}

bool ExplorerState::setComparison(const ComparedPair& pair)
{
    // Only a way its items can be compared: a service never stands for an option it is not in.
    if (!waysToCompare(m_catalog, pair.firstItem, pair.secondItem).ways.contains(pair))
        return false;
    if (pair != m_compared) {
        m_compared = pair;
        comparePricedOptions();
        emit comparisonChanged();
        emit costResultsChanged();
    }
    return true;
}

void ExplorerState::clearComparison()
{
    if (!isComparing())
        return;
    m_compared = {};
    comparePricedOptions();
    emit comparisonChanged();
    emit costResultsChanged();
}

void ExplorerState::comparePricedOptions()
{
    // Only the pair's part is new: the estimates and the sweep stay as they are.
    m_results = std::make_shared<const CostResults>(
        withComparison(*m_results, m_catalog, m_prices, comparedOptionIds()));
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

void ExplorerState::useAdviceRules(const QString& path)
{
    m_adviceRulesPath = path;
    m_adviceRulesLoaded = false;
    m_adviceRules.reset();
    m_adviceRulesError.clear();
    m_answers = Answers();
    emit answersChanged();
    updateAdvice();
}

const AdviceRules* ExplorerState::adviceRules() const
{
    if (!m_adviceRulesLoaded) {
        m_adviceRulesLoaded = true;
        try {
            m_adviceRules = m_adviceRulesPath.isEmpty()
                                ? AdviceRules::loadBuiltIn(m_catalog)
                                : AdviceRules::load(m_adviceRulesPath, m_catalog);
        } catch (const DataError& error) {
            m_adviceRulesError = error.toString();
        }
    }
    return m_adviceRules ? &*m_adviceRules : nullptr;
}

const QString& ExplorerState::adviceRulesError() const
{
    adviceRules();
    return m_adviceRulesError;
}

const Advice& ExplorerState::advice() const
{
    if (m_adviceStale) {
        const AdviceRules* rules = adviceRules();
        m_advice = rules ? advise(m_catalog, *rules, m_answers, m_results.get()) : Advice();
        m_adviceStale = false;
    }
    return m_advice;
}

void ExplorerState::setAnswers(const Answers& answers)
{
    if (answers == m_answers)
        return;
    m_answers = answers;
    emit answersChanged();
    updateAdvice();
}

void ExplorerState::updateAdvice()
{
    m_adviceStale = true;
    emit adviceChanged();
}

} // namespace ace::ui
