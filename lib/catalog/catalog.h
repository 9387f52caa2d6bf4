#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace ace {

// Who manages a layer of the stack in a deployment option.
enum class Responsibility { Aws, Customer, Shared, None };

// The id used in files and on the command line: "aws", "customer", "shared", "none".
QString responsibilityId(Responsibility responsibility);
std::optional<Responsibility> responsibilityFromId(const QString& id);
// Short plain-text label for tables: "AWS", "You", "Shared", "n/a".
QString responsibilityLabel(Responsibility responsibility);

struct Category
{
    QString id;
    QString name;
    QString description;
};

// A level of the stack; the catalog lists layers from the bottom (hardware) to the top.
struct Layer
{
    QString id;
    QString name;
    QString description;
};

// A property every deployment option states, shown side by side when two are compared:
// "Billing unit & granularity", "Maximum run time", ... Options give one value for each.
struct Attribute
{
    QString id;
    QString name;
    QString description;
};

struct DocLink
{
    QString title;
    QUrl url;
};

// An AWS product (EC2, ECS, ...): what it is, who manages what, how it bills, and what it
// runs on. A service whose `runsOn` is empty runs directly on AWS's infrastructure.
struct Service
{
    QString id;
    QString name;
    QString category;
    QStringList otherCategories;
    QString summary;
    QString description;
    QStringList youManage;
    QStringList awsManages;
    QString billing;
    QStringList limits;
    QStringList typicalUses;
    QStringList notFor;
    QList<DocLink> docs;
    QStringList runsOn;

    bool isIn(const QString& categoryId) const
    {
        return category == categoryId || otherCategories.contains(categoryId);
    }
};

struct LayerResponsibility
{
    QString layer;
    Responsibility who = Responsibility::None;
    QString why;
};

// One concrete way to run code: a path through "runs on", from the service you deploy to
// (top) down to the one that runs on AWS's infrastructure (bottom).
struct DeploymentOption
{
    QString id;
    QString name;
    QString summary;
    QStringList stack;
    // One entry per catalog layer, in the catalog's layer order.
    QList<LayerResponsibility> responsibilities;
    // One value per catalog attribute, in the catalog's attribute order.
    QStringList attributeValues;

    const QString& topService() const { return stack.constFirst(); }
    bool uses(const QString& serviceId) const { return stack.contains(serviceId); }
};

// A layer whose manager differs between two options.
struct ResponsibilityDifference
{
    QString layer;
    LayerResponsibility first;
    LayerResponsibility second;
};

// The services, deployment options, layers and responsibilities the app explains. Loaded from
// JSON (the built-in resources/catalog.json or a user's file) and validated on loading, so the
// rest of the program can rely on every id it refers to existing.
class Catalog
{
public:
    // The loader's bounds: entries in each list (services, options, layers, ...) and services
    // in an option's stack.
    static constexpr qsizetype mostItemsPerList = 10'000;
    static constexpr qsizetype deepestStack = 100;

    // The Qt resource path of the built-in catalog.
    static QString builtInPath();
    // Loads and validates a catalog file; throws DataError naming the file and JSON path.
    // `displayName` is how messages name the file (defaults to `path`).
    static Catalog load(const QString& path, const QString& displayName = {});
    static Catalog loadBuiltIn();

    // How the catalog's file is named to users ("built-in catalog.json" or the given path).
    const QString& sourceName() const { return m_sourceName; }

    const QList<Category>& categories() const { return m_categories; }
    const QList<Layer>& layers() const { return m_layers; }
    const QList<Attribute>& attributes() const { return m_attributes; }
    const QList<Service>& services() const { return m_services; }
    const QList<DeploymentOption>& options() const { return m_options; }

    const Category* category(const QString& id) const;
    const Layer* layer(const QString& id) const;
    const Service* service(const QString& id) const;
    const DeploymentOption* option(const QString& id) const;
    // What `optionId` states for `attributeId`; a null string for unknown ids.
    QString attributeValue(const QString& optionId, const QString& attributeId) const;

    // The same catalog with only the listed options, in the listed order (unknown ids are
    // skipped): the views of a comparison show a catalog of the two options compared, so its
    // stacks, curves and break-evens are exactly those of the pair.
    Catalog withOnlyOptions(const QStringList& optionIds) const;

    // The options whose stack contains the service, in catalog order.
    QList<const DeploymentOption*> optionsUsing(const QString& serviceId) const;
    // Every service `serviceId` can run on, directly or through others, nearest first.
    QStringList substratesOf(const QString& serviceId) const;
    // The services that run directly on `serviceId`.
    QStringList servicesOn(const QString& serviceId) const;
    // Who manages `layerId` in `optionId`; nullopt for unknown ids.
    std::optional<LayerResponsibility> responsibility(const QString& optionId,
                                                      const QString& layerId) const;
    // The layers, bottom to top, where the two options' managers differ.
    QList<ResponsibilityDifference> responsibilityDifferences(const QString& firstOptionId,
                                                              const QString& secondOptionId) const;

private:
    friend class CatalogReader;

    QString m_sourceName;
    QList<Category> m_categories;
    QList<Layer> m_layers;
    QList<Attribute> m_attributes;
    QList<Service> m_services;
    QList<DeploymentOption> m_options;
};

} // namespace ace
