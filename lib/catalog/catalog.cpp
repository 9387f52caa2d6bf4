#include "catalog/catalog.h"

#include <QSet>

#include <algorithm>

namespace ace {

namespace {

template <typename T>
const T* findById(const QList<T>& items, const QString& id)
{
    const auto it =
        std::find_if(items.cbegin(), items.cend(), [&id](const T& item) { return item.id == id; });
    return it == items.cend() ? nullptr : &*it;
}

struct ResponsibilityName
{
    Responsibility value;
    const char16_t* id;
    const char16_t* label;
};

constexpr ResponsibilityName responsibilityNames[] = {
    {Responsibility::Aws, u"aws", u"AWS"},
    {Responsibility::Customer, u"customer", u"You"},
    {Responsibility::Shared, u"shared", u"Shared"},
    {Responsibility::None, u"none", u"n/a"},
};

const ResponsibilityName& nameOf(Responsibility responsibility)
{
    return *std::find_if(
        std::cbegin(responsibilityNames), std::cend(responsibilityNames),
        [responsibility](const auto& name) { return name.value == responsibility; });
}

} // namespace

QString responsibilityId(Responsibility responsibility)
{
    return QString::fromUtf16(nameOf(responsibility).id);
}

QString responsibilityLabel(Responsibility responsibility)
{
    return QString::fromUtf16(nameOf(responsibility).label);
}

std::optional<Responsibility> responsibilityFromId(const QString& id)
{
    for (const auto& name : responsibilityNames) {
        if (id == QStringView(name.id))
            return name.value;
    }
    return std::nullopt;
}

const Category* Catalog::category(const QString& id) const
{
    return findById(m_categories, id);
}

const Layer* Catalog::layer(const QString& id) const
{
    return findById(m_layers, id);
}

const Service* Catalog::service(const QString& id) const
{
    return findById(m_services, id);
}

const DeploymentOption* Catalog::option(const QString& id) const
{
    return findById(m_options, id);
}

QString Catalog::attributeValue(const QString& optionId, const QString& attributeId) const
{
    const DeploymentOption* found = option(optionId);
    if (!found)
        return {};
    // Values follow the catalog's attribute order (the loader guarantees it).
    for (qsizetype i = 0; i < m_attributes.size(); ++i) {
        if (m_attributes.at(i).id == attributeId)
            return found->attributeValues.value(i);
    }
    return {};
}

Catalog Catalog::withOnlyOptions(const QStringList& optionIds) const
{
    Catalog subset = *this;
    subset.m_options.clear();
    for (const QString& id : optionIds) {
        // A repeated id is kept once: option ids stay unique, as in every loaded catalog.
        const DeploymentOption* kept = option(id);
        if (kept && !subset.option(id))
            subset.m_options.append(*kept);
    }
    return subset;
}

QList<const DeploymentOption*> Catalog::optionsUsing(const QString& serviceId) const
{
    QList<const DeploymentOption*> using_;
    for (const DeploymentOption& option : m_options) {
        if (option.uses(serviceId))
            using_.append(&option);
    }
    return using_;
}

QStringList Catalog::substratesOf(const QString& serviceId) const
{
    // Breadth-first, so nearer substrates come first; the loader has ruled out cycles.
    QStringList found;
    QSet<QString> seen; // found, for lookups in constant time on long chains
    QStringList frontier = {serviceId};
    while (!frontier.isEmpty()) {
        QStringList next;
        for (const QString& id : std::as_const(frontier)) {
            const Service* current = service(id);
            if (!current)
                continue;
            for (const QString& substrate : current->runsOn) {
                if (!seen.contains(substrate)) {
                    seen.insert(substrate);
                    found.append(substrate);
                    next.append(substrate);
                }
            }
        }
        frontier = next;
    }
    return found;
}

QStringList Catalog::servicesOn(const QString& serviceId) const
{
    QStringList above;
    for (const Service& candidate : m_services) {
        if (candidate.runsOn.contains(serviceId))
            above.append(candidate.id);
    }
    return above;
}

std::optional<LayerResponsibility> Catalog::responsibility(const QString& optionId,
                                                           const QString& layerId) const
{
    const DeploymentOption* found = option(optionId);
    if (!found)
        return std::nullopt;
    for (const LayerResponsibility& entry : found->responsibilities) {
        if (entry.layer == layerId)
            return entry;
    }
    return std::nullopt;
}

QList<ResponsibilityDifference>
Catalog::responsibilityDifferences(const QString& firstOptionId,
                                   const QString& secondOptionId) const
{
    const DeploymentOption* first = option(firstOptionId);
    const DeploymentOption* second = option(secondOptionId);
    QList<ResponsibilityDifference> differences;
    if (!first || !second)
        return differences;
    // Both columns follow the catalog's layer order (the loader guarantees it).
    for (qsizetype i = 0; i < first->responsibilities.size(); ++i) {
        const LayerResponsibility& a = first->responsibilities.at(i);
        const LayerResponsibility& b = second->responsibilities.at(i);
        if (a.who != b.who)
            differences.append({a.layer, a, b});
    }
    return differences;
}

} // namespace ace
