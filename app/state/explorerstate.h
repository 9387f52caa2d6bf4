#pragma once

#include "advisor/advice.h"
#include "advisor/advicerules.h"
#include "advisor/answers.h"
#include "catalog/catalog.h"
#include "catalog/catalogitem.h"
#include "cost/costresults.h"
#include "cost/workload.h"
#include "models/comparisonmodel.h"
#include "pricing/pricebook.h"
#include "state/theme.h"

#include <QObject>

#include <memory>

namespace ace::ui {

// The one state every view of the explorer shares: the catalog, the price book, the workload
// and what it costs, what is selected, which service the pointer is over, the theme, and
// whether responsibility bands show. Views change it and listen to it, and never talk to each
// other, so they cannot disagree.
//
// The state prices the workload: one pass (computeCostResults) per change of the workload, the
// price book or the compared pair, announced by costResultsChanged(). Views show those results
// and never price anything themselves.
class ExplorerState final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExplorerState)

public:
    ExplorerState(Catalog catalog, PriceBook prices, QObject* parent = nullptr);
    // A state that shows `results` (made for these options, e.g. a comparison's pair) instead
    // of pricing its own default workload first.
    ExplorerState(Catalog catalog, PriceBook prices, std::shared_ptr<const CostResults> results,
                  QObject* parent = nullptr);

    // The catalog is the state's for its whole life (models and scenes keep references to it).
    const Catalog& catalog() const { return m_catalog; }
    // The price book can be replaced (another region): the reference stays valid and names the
    // new one.
    const PriceBook& prices() const { return m_prices; }
    // Prices the workload with `prices` from now on.
    void setPrices(const PriceBook& prices);
    // Both at once (a switch of region moves the workload with its prices): one pass.
    void setPricesAndWorkload(const PriceBook& prices, const Workload& workload);

    // The workload every estimate is for.
    const Workload& workload() const { return m_workload; }
    // Prices `workload` (unless it is the current one) and announces both.
    void setWorkload(const Workload& workload);

    // What the workload costs with the current price book, for every option.
    const CostResults& costResults() const { return *m_results; }
    std::shared_ptr<const CostResults> sharedCostResults() const { return m_results; }
    // Shows results priced elsewhere with `prices` (by the state this one follows) and their
    // workload, without pricing anything.
    void showCostResults(std::shared_ptr<const CostResults> results, const PriceBook& prices);

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

    // The advisor. Its rules come from `path` (empty: the built-in advice.json), checked against
    // the catalog when first needed (the first frame does not need them); a file that cannot
    // be used leaves the advisor without rules and says why in adviceRulesError() (the rest of
    // the explorer works on).
    void useAdviceRules(const QString& path);
    // nullptr when the file could not be used.
    const AdviceRules* adviceRules() const;
    const QString& adviceRulesError() const;
    const Answers& answers() const { return m_answers; }
    // Ranks the options for `answers` (unless they are the current ones) and announces both.
    void setAnswers(const Answers& answers);
    // The options ranked for the answers and the cost results: once per change of either, when
    // first asked for after it (empty without rules).
    const Advice& advice() const;
    // Whether the ranking should mark the diagram and tree: some question is answered.
    bool isAdvising() const { return !m_answers.isEmpty() && adviceRules(); }

signals:
    // New cost results: once after every change of the workload, the price book or the
    // compared pair (after workloadChanged or comparisonChanged). Whatever shows prices or
    // costs follows this one signal.
    void costResultsChanged();
    void currentChanged(const ace::CatalogItem& current);
    void hoveredServiceChanged(const QString& serviceId);
    void comparisonChanged();
    void workloadChanged();
    void themeChanged();
    void showResponsibilityChanged(bool show);
    void answersChanged();
    // A new ranking: after every change of the answers or the cost results.
    void adviceChanged();

private:
    // The one cost pass.
    void priceWorkload();
    // Compares the options of the compared pair in the current results.
    void comparePricedOptions();
    QStringList comparedOptionIds() const;
    void updateAdvice();

    const Catalog m_catalog;
    PriceBook m_prices;
    Workload m_workload;
    std::shared_ptr<const CostResults> m_results;
    CatalogItem m_current;
    QString m_hoveredService;
    ComparedPair m_compared;
    Theme m_theme = Theme::light();
    bool m_showResponsibility = true;
    // The advisor's rules and ranking are made on first use, from const accessors too: they are
    // caches of what the path, the answers and the cost results determine.
    QString m_adviceRulesPath;
    mutable bool m_adviceRulesLoaded = false;
    mutable std::optional<AdviceRules> m_adviceRules;
    mutable QString m_adviceRulesError;
    Answers m_answers;
    mutable bool m_adviceStale = true;
    mutable Advice m_advice;
};

} // namespace ace::ui
