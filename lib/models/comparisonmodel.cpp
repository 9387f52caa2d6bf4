#include "models/comparisonmodel.h"

#include "catalog/catalog.h"
#include "files/markdowntable.h"

#include <algorithm>

namespace ace {

namespace {

const QString nameSeparator = QStringLiteral(" · ");

// The names of the categories of every service in the option's stack, in the catalog's
// category order: ECS on Fargate is a container option and a serverless one.
QString categoryNames(const Catalog& catalog, const DeploymentOption& option)
{
    QStringList names;
    for (const Category& category : catalog.categories()) {
        for (const QString& serviceId : option.stack) {
            const Service* service = catalog.service(serviceId);
            if (service && service->isIn(category.id)) {
                names.append(category.name);
                break;
            }
        }
    }
    return names.join(nameSeparator);
}

// The layers the customer manages, top of the stack first (the application is what users
// think of first), then those shared with AWS.
QString customerLayers(const Catalog& catalog, const DeploymentOption& option)
{
    QStringList yours;
    QStringList shared;
    for (auto it = option.responsibilities.crbegin(); it != option.responsibilities.crend(); ++it) {
        const Layer* layer = catalog.layer(it->layer);
        const QString name = layer ? layer->name : it->layer;
        if (it->who == Responsibility::Customer)
            yours.append(name);
        else if (it->who == Responsibility::Shared)
            shared.append(name);
    }
    QString text = yours.join(nameSeparator);
    if (!shared.isEmpty()) {
        if (!text.isEmpty())
            text += QStringLiteral("; ");
        text += ComparisonModel::tr("shared with AWS: %1").arg(shared.join(nameSeparator));
    }
    return text;
}

int layersLeftToAws(const DeploymentOption& option)
{
    return static_cast<int>(std::count_if(
        option.responsibilities.cbegin(), option.responsibilities.cend(),
        [](const LayerResponsibility& entry) { return entry.who == Responsibility::Aws; }));
}

// The options that can stand for an item: the option itself, or those using the service in
// the order they are preferred: the service's own options (their stack starts with it) first,
// then those leaving the most layers to AWS, then catalog order.
QList<const DeploymentOption*> candidatesFor(const Catalog& catalog, const CatalogItem& item)
{
    if (item.kind == CatalogItem::Kind::Option)
        return {catalog.option(item.id)};
    QList<const DeploymentOption*> candidates = catalog.optionsUsing(item.id);
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&item](const DeploymentOption* a, const DeploymentOption* b) {
                         const bool aOwn = a->topService() == item.id;
                         const bool bOwn = b->topService() == item.id;
                         if (aOwn != bOwn)
                             return aOwn;
                         return layersLeftToAws(*a) > layersLeftToAws(*b);
                     });
    return candidates;
}

// Whether the two stacks are the same but for one service, which is the one asked for on
// each side that is a service.
bool differOnlyByTheServices(const DeploymentOption& a, const CatalogItem& aItem,
                             const DeploymentOption& b, const CatalogItem& bItem)
{
    if (a.stack.size() != b.stack.size())
        return false;
    qsizetype differing = -1;
    for (qsizetype i = 0; i < a.stack.size(); ++i) {
        if (a.stack.at(i) == b.stack.at(i))
            continue;
        if (differing >= 0)
            return false;
        differing = i;
    }
    const auto standsThere = [differing](const DeploymentOption& option, const CatalogItem& item) {
        return item.kind != CatalogItem::Kind::Service || option.stack.at(differing) == item.id;
    };
    return differing >= 0 && standsThere(a, aItem) && standsThere(b, bItem);
}

QString idList(const QStringList& ids)
{
    return ids.join(QStringLiteral(", "));
}

// "(options: ec2, ...; services: ecs, ...)" for messages about ids.
QString validIds(const Catalog& catalog)
{
    QStringList options;
    for (const DeploymentOption& option : catalog.options())
        options.append(option.id);
    QStringList services;
    for (const Service& service : catalog.services())
        services.append(service.id);
    return QStringLiteral(" (options: %1; services: %2)").arg(idList(options), idList(services));
}

// The service a side's facts come from: the service itself, or an option's top service.
const Service* serviceOf(const Catalog& catalog, const CatalogItem& item,
                         const DeploymentOption& option)
{
    return catalog.service(item.kind == CatalogItem::Kind::Service ? item.id : option.topService());
}

} // namespace

ComparisonWays waysToCompare(const Catalog& catalog, const CatalogItem& first,
                             const CatalogItem& second)
{
    for (const CatalogItem& item : {first, second}) {
        const bool known = (item.kind == CatalogItem::Kind::Option && catalog.option(item.id)) ||
                           (item.kind == CatalogItem::Kind::Service && catalog.service(item.id));
        if (!known) {
            return {{},
                    ComparisonModel::tr("names \"%1\", which is not an option or service id in "
                                        "%2")
                            .arg(item.id, catalog.sourceName()) +
                        validIds(catalog)};
        }
    }
    if (first == second) {
        return {{},
                first.kind == CatalogItem::Kind::Option
                    ? ComparisonModel::tr("compares an option with itself; name two different "
                                          "options")
                    : ComparisonModel::tr("compares %1 with itself; name two different services")
                          .arg(itemName(catalog, first))};
    }
    const QList<const DeploymentOption*> firstCandidates = candidatesFor(catalog, first);
    const QList<const DeploymentOption*> secondCandidates = candidatesFor(catalog, second);
    for (const auto& [item, candidates] :
         {std::pair(first, firstCandidates), std::pair(second, secondCandidates)}) {
        if (candidates.isEmpty()) {
            return {{},
                    ComparisonModel::tr("names %1, which no deployment option in %2 uses")
                        .arg(itemName(catalog, item), catalog.sourceName())};
        }
    }
    const auto pairOf = [&](const DeploymentOption* a, const DeploymentOption* b) {
        return ComparedPair{first, second, a->id, b->id};
    };

    // The same stacks but for the services asked for: every such pair is a way.
    QList<std::pair<int, ComparedPair>> exact;
    for (const DeploymentOption* a : firstCandidates) {
        for (const DeploymentOption* b : secondCandidates) {
            if (a != b && differOnlyByTheServices(*a, first, *b, second))
                exact.append({layersLeftToAws(*a) + layersLeftToAws(*b), pairOf(a, b)});
        }
    }
    if (!exact.isEmpty()) {
        std::stable_sort(exact.begin(), exact.end(),
                         [](const auto& x, const auto& y) { return x.first > y.first; });
        ComparisonWays found;
        for (const auto& way : std::as_const(exact))
            found.ways.append(way.second);
        return found;
    }

    // Otherwise each side's preferred option; on a clash the side the option is not named
    // after (or the second) takes its next choice.
    const DeploymentOption* a = firstCandidates.value(0);
    const DeploymentOption* b = secondCandidates.value(0);
    if (a == b) {
        const bool firstKeeps =
            first.kind == CatalogItem::Kind::Option ||
            (second.kind != CatalogItem::Kind::Option && a->topService() != second.id);
        if (firstKeeps)
            b = secondCandidates.value(1);
        else
            a = firstCandidates.value(1);
    }
    if (!a || !b) {
        return {{},
                ComparisonModel::tr("leaves no second option: %1 and %2 both stand for %3")
                    .arg(itemName(catalog, first), itemName(catalog, second),
                         firstCandidates.constFirst()->name)};
    }
    return {{pairOf(a, b)}, {}};
}

CatalogItem comparableItem(const Catalog& catalog, const QString& id)
{
    if (catalog.option(id))
        return CatalogItem::option(id);
    if (catalog.service(id))
        return CatalogItem::service(id);
    return {};
}

ComparisonWays parseComparison(const Catalog& catalog, const QString& text)
{
    const QStringList ids = text.split(u',');
    if (ids.size() != 2) {
        return {{}, ComparisonModel::tr("is not two ids separated by a comma") + validIds(catalog)};
    }
    CatalogItem items[2];
    for (int i = 0; i < 2; ++i) {
        items[i] = comparableItem(catalog, ids.at(i));
        // An unknown id gets waysToCompare's message, which lists the valid ids.
        if (items[i].isNull())
            items[i] = CatalogItem::service(ids.at(i));
    }
    return waysToCompare(catalog, items[0], items[1]);
}

QString itemName(const Catalog& catalog, const CatalogItem& item)
{
    if (const DeploymentOption* option =
            item.kind == CatalogItem::Kind::Option ? catalog.option(item.id) : nullptr)
        return option->name;
    if (const Service* service =
            item.kind == CatalogItem::Kind::Service ? catalog.service(item.id) : nullptr)
        return service->name;
    return item.id;
}

QString sharedServicesName(const Catalog& catalog, const ComparedPair& pair)
{
    const DeploymentOption* first = catalog.option(pair.first);
    const DeploymentOption* second = catalog.option(pair.second);
    QStringList names;
    if (first && second) {
        for (const QString& serviceId : first->stack) {
            if (second->uses(serviceId))
                names.append(itemName(catalog, CatalogItem::service(serviceId)));
        }
    }
    return names.join(nameSeparator);
}

ComparisonModel::ComparisonModel(const Catalog& catalog, QObject* parent)
    : QAbstractTableModel(parent)
    , m_catalog(catalog)
{}

bool ComparisonModel::setPair(const QString& firstOptionId, const QString& secondOptionId)
{
    return setPair(ComparedPair::ofOptions(firstOptionId, secondOptionId));
}

bool ComparisonModel::setPair(const ComparedPair& pair)
{
    const DeploymentOption* first = m_catalog.option(pair.first);
    const DeploymentOption* second = m_catalog.option(pair.second);
    if (!first || !second || pair.first == pair.second)
        return false;

    beginResetModel();
    m_first = pair.first;
    m_second = pair.second;
    m_rows.clear();
    const Service* firstService = serviceOf(m_catalog, pair.firstItem, *first);
    const Service* secondService = serviceOf(m_catalog, pair.secondItem, *second);
    const bool comparesAService = pair.firstItem.kind == CatalogItem::Kind::Service ||
                                  pair.secondItem.kind == CatalogItem::Kind::Service;
    if (comparesAService && firstService && secondService) {
        // The Details pane's facts of each service, so the table answers "which service?".
        const auto addServiceRow = [&](const char16_t* id, const QString& name,
                                       const QString& description, auto factOf) {
            m_rows.append({QString::fromUtf16(id), name, description, factOf(*firstService),
                           factOf(*secondService)});
        };
        addServiceRow(
            serviceRow, tr("Service"), tr("What the service is."),
            [](const Service& service) { return tr("%1: %2").arg(service.name, service.summary); });
        addServiceRow(serviceBillingRow, tr("How the service bills"),
                      tr("What AWS charges for the service."),
                      [](const Service& service) { return service.billing; });
        addServiceRow(
            serviceLimitsRow, tr("Service limits"), tr("The service's main limits."),
            [](const Service& service) { return service.limits.join(QStringLiteral("; ")); });
        addServiceRow(
            serviceUsesRow, tr("What the service is for"),
            tr("The workloads the service is typically used for."),
            [](const Service& service) { return service.typicalUses.join(QStringLiteral("; ")); });
    }
    m_rows.append({QString::fromUtf16(categoryRow), tr("Category"),
                   tr("How the services in the option's stack run code."),
                   categoryNames(m_catalog, *first), categoryNames(m_catalog, *second)});
    m_rows.append({QString::fromUtf16(youManageRow), tr("What you manage"),
                   tr("The layers of the stack you run yourself, top first, then those you "
                      "share with AWS."),
                   customerLayers(m_catalog, *first), customerLayers(m_catalog, *second)});
    const QList<Attribute>& attributes = m_catalog.attributes();
    for (qsizetype i = 0; i < attributes.size(); ++i) {
        const Attribute& attribute = attributes.at(i);
        m_rows.append({attribute.id, attribute.name, attribute.description,
                       first->attributeValues.value(i), second->attributeValues.value(i)});
    }
    endResetModel();
    return true;
}

int ComparisonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ComparisonModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : SecondColumn + 1;
}

bool ComparisonModel::rowDiffers(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const Row& entry = m_rows.at(row);
    return entry.firstValue != entry.secondValue;
}

QVariant ComparisonModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PropertyColumn:
            return row.name;
        case FirstColumn:
            return row.firstValue;
        case SecondColumn:
            return row.secondValue;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == PropertyColumn ? QVariant(row.description) : QVariant();
    case DiffersRole:
        return rowDiffers(index.row());
    case PropertyIdRole:
        return row.id;
    default:
        return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    const auto optionName = [this](const QString& id) {
        const DeploymentOption* option = m_catalog.option(id);
        return option ? QVariant(option->name) : QVariant();
    };
    switch (section) {
    case PropertyColumn:
        return tr("Property");
    case FirstColumn:
        return optionName(m_first);
    case SecondColumn:
        return optionName(m_second);
    default:
        return {};
    }
}

QString ComparisonModel::toMarkdown() const
{
    QStringList header;
    for (int column = PropertyColumn; column <= SecondColumn; ++column)
        header.append(markdownCell(headerData(column, Qt::Horizontal).toString()));
    QString markdown = markdownRow(header);
    markdown += markdownRow({QStringLiteral("---"), QStringLiteral("---"), QStringLiteral("---")});
    for (int i = 0; i < rowCount(); ++i) {
        const Row& row = m_rows.at(i);
        QString name = markdownCell(row.name);
        if (rowDiffers(i))
            name = QStringLiteral("**") + name + QStringLiteral("**");
        markdown +=
            markdownRow({name, markdownCell(row.firstValue), markdownCell(row.secondValue)});
    }
    return markdown;
}

} // namespace ace
