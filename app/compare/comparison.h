#pragma once

#include "catalog/catalog.h"
#include "cost/costcomparison.h"
#include "models/comparisonmodel.h"
#include "state/explorerstate.h"

#include <QObject>

namespace ace::diagram {
class StackDiagramScene;
}

namespace ace::ui {

// Two deployment options side by side, built from the shared state for one pair: their stacks
// (the stack diagram of a catalog of just the two, with the layers whose manager differs
// highlighted), the attribute table, both estimates for the workload, how far apart they are,
// and where the cheaper of the two changes. The compare view shows these parts on screen and
// the `compare` export view paints them, so both always say the same.
//
// It follows the source state's cost results (their compared-pair part: it prices nothing) and
// theme; selecting in its diagram or chart selects in the source state.
class Comparison final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Comparison)

public:
    // Shows the pair the source state compares (it must compare one).
    explicit Comparison(ExplorerState& source, QObject* parent = nullptr);
    ~Comparison() override;

    const DeploymentOption& first() const { return *pairCatalog().option(m_model.first()); }
    const DeploymentOption& second() const { return *pairCatalog().option(m_model.second()); }

    // The state of the comparison's own views: a catalog of the two options, the source's
    // workload, results for the two, and theme.
    ExplorerState& pairState() { return m_pairState; }
    diagram::StackDiagramScene& scene() { return *m_scene; }
    const ComparisonModel& model() const { return m_model; }
    const ComparedPair& pair() const { return m_pair; }
    const CostComparison& costs() const { return *m_pairState.costResults().comparison; }

    // "Lambda functions vs ECS on Fargate"; for services "Amazon ECS (as ECS on Fargate) vs
    // Amazon EKS (as EKS on Fargate)"
    QString title() const;
    // Rich text (styles included) for the parts that are text: the layers managed differently,
    // the attribute table with differing rows highlighted, and the costs.
    QString differencesHtml() const;
    QString attributesHtml() const;
    QString costsHtml() const;

signals:
    // The workload or the theme changed: the rich text must be asked for again.
    void changed();

private:
    void followCostResults();
    const Catalog& pairCatalog() const { return m_pairState.catalog(); }
    void followSelection(const CatalogItem& item);
    // The option's name, or "neither" where a break-even has no feasible option on one side.
    QString optionName(const QString& optionId) const;

    ExplorerState& m_source;
    const ComparedPair m_pair;
    ExplorerState m_pairState;
    ComparisonModel m_model;
    diagram::StackDiagramScene* m_scene;
    bool m_followingSource = false;
};

} // namespace ace::ui
