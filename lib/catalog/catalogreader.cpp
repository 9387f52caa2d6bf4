// Loading and validating catalog files (the format is described in DESIGN.md and README.md).
#include "catalog/catalog.h"
#include "json/jsonreader.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <vector>

namespace ace {

namespace {

const QString catalogFormat = QStringLiteral("aws-compute-explorer/catalog");
constexpr int catalogVersion = 1;

// Ids appear in file names, URLs of the command line and JSON keys: keep them plain.
QString readId(JsonObjectReader& reader)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    const QString id = reader.string(QStringLiteral("id"));
    if (!idPattern.match(id).hasMatch()) {
        reader.locationOf(QStringLiteral("id"))
            .fail(QStringLiteral("\"%1\" is not a valid id (lower-case letters, digits and "
                                 "single hyphens)")
                      .arg(id));
    }
    return id;
}

// Refuses the element after the most a list may hold: every list is walked for each option
// and each view, so a hostile file must not make them endless.
void requireRoomFor(qsizetype countSoFar, const JsonLocation& where, const QString& kind)
{
    if (countSoFar >= Catalog::mostItemsPerList) {
        where.fail(QStringLiteral("more than %1 %2 entries (the most a catalog may have)")
                       .arg(Catalog::mostItemsPerList)
                       .arg(kind));
    }
}

void requireUnique(QSet<QString>& seen, const QString& id, const JsonLocation& where,
                   const QString& kind)
{
    if (seen.contains(id))
        where.fail(QStringLiteral("duplicate %1 id \"%2\"").arg(kind, id));
    seen.insert(id);
}

} // namespace

// Builds a Catalog from a JSON object, section by section; each section may refer only to
// sections read before it, so references are checked as they are read.
class CatalogReader
{
public:
    explicit CatalogReader(JsonObjectReader root)
        : m_root(std::move(root))
    {}

    Catalog read(QString sourceName)
    {
        m_catalog.m_sourceName = std::move(sourceName);
        readFormatHeader(m_root, catalogFormat, catalogVersion);
        readCategories();
        readLayers();
        readAttributes();
        readServices();
        rejectRunsOnCycles();
        readOptions();
        m_root.finish();
        return std::move(m_catalog);
    }

private:
    // A list of items that are an id, a name and a description (categories, layers,
    // attributes), their ids unique among them.
    template <typename Item>
    QList<Item> readDescribedItems(const QString& key, const QString& kind)
    {
        QList<Item> items;
        QSet<QString> seen;
        m_root.forEachElement(key, [&](const QJsonValue& value, const JsonLocation& where) {
            requireRoomFor(items.size(), where, kind);
            JsonObjectReader reader(value, where);
            Item item;
            item.id = readId(reader);
            requireUnique(seen, item.id, reader.locationOf(QStringLiteral("id")), kind);
            item.name = reader.string(QStringLiteral("name"));
            item.description = reader.string(QStringLiteral("description"));
            reader.finish();
            items.append(item);
        });
        return items;
    }

    void readCategories()
    {
        m_catalog.m_categories =
            readDescribedItems<Category>(QStringLiteral("categories"), QStringLiteral("category"));
    }

    void readLayers()
    {
        m_catalog.m_layers =
            readDescribedItems<Layer>(QStringLiteral("layers"), QStringLiteral("layer"));
        if (m_catalog.m_layers.isEmpty())
            m_root.locationOf(QStringLiteral("layers")).fail(QStringLiteral("no layers"));
    }

    // Attributes may be none at all: a catalog need not compare its options.
    void readAttributes()
    {
        m_catalog.m_attributes = readDescribedItems<Attribute>(QStringLiteral("attributes"),
                                                               QStringLiteral("attribute"));
    }

    void requireCategory(const QString& id, const JsonLocation& where) const
    {
        if (!m_catalog.category(id))
            where.fail(QStringLiteral("unknown category \"%1\"").arg(id));
    }

    void readServices()
    {
        QSet<QString> seen;
        m_root.forEachElement(QStringLiteral("services"), [&](const QJsonValue& value,
                                                              const JsonLocation& where) {
            requireRoomFor(m_catalog.m_services.size(), where, QStringLiteral("service"));
            JsonObjectReader reader(value, where);
            Service service;
            service.id = readId(reader);
            requireUnique(seen, service.id, reader.locationOf(QStringLiteral("id")),
                          QStringLiteral("service"));
            service.name = reader.string(QStringLiteral("name"));
            service.category = reader.string(QStringLiteral("category"));
            requireCategory(service.category, reader.locationOf(QStringLiteral("category")));
            service.otherCategories = reader.stringList(QStringLiteral("otherCategories"), {});
            for (qsizetype i = 0; i < service.otherCategories.size(); ++i) {
                requireCategory(service.otherCategories.at(i),
                                reader.locationOf(QStringLiteral("otherCategories")).element(i));
            }
            service.summary = reader.string(QStringLiteral("summary"));
            service.description = reader.string(QStringLiteral("description"));
            service.youManage = reader.stringList(QStringLiteral("youManage"));
            service.awsManages = reader.stringList(QStringLiteral("awsManages"));
            service.billing = reader.string(QStringLiteral("billing"));
            service.limits = reader.stringList(QStringLiteral("limits"));
            service.typicalUses = reader.stringList(QStringLiteral("typicalUses"));
            service.notFor = reader.stringList(QStringLiteral("notFor"));
            reader.forEachElement(QStringLiteral("docs"),
                                  [&service](const QJsonValue& link, const JsonLocation& at) {
                                      service.docs.append(readDocLink(link, at));
                                  });
            service.runsOn = reader.stringList(QStringLiteral("runsOn"), {});
            reader.finish();
            m_catalog.m_services.append(service);
        });
        // "runs on" may point forward in the list, so check the edges once all are read.
        for (qsizetype i = 0; i < m_catalog.m_services.size(); ++i) {
            const QStringList& runsOn = m_catalog.m_services.at(i).runsOn;
            for (qsizetype j = 0; j < runsOn.size(); ++j) {
                if (!m_catalog.service(runsOn.at(j)))
                    runsOnLocation(i).element(j).fail(
                        QStringLiteral("unknown service \"%1\"").arg(runsOn.at(j)));
            }
        }
    }

    static DocLink readDocLink(const QJsonValue& value, const JsonLocation& where)
    {
        JsonObjectReader reader(value, where);
        DocLink link;
        link.title = reader.string(QStringLiteral("title"));
        const QString url = reader.string(QStringLiteral("url"));
        link.url = QUrl(url, QUrl::StrictMode);
        if (!link.url.isValid() || (link.url.scheme() != QLatin1String("https") &&
                                    link.url.scheme() != QLatin1String("http"))) {
            reader.locationOf(QStringLiteral("url"))
                .fail(QStringLiteral("\"%1\" is not an http(s) address").arg(url));
        }
        reader.finish();
        return link;
    }

    JsonLocation runsOnLocation(qsizetype serviceIndex) const
    {
        return m_root.locationOf(QStringLiteral("services"))
            .element(serviceIndex)
            .child(QStringLiteral("runsOn"));
    }

    // A service that (indirectly) runs on itself has no bottom: stacks could not be derived.
    // A depth-first search that colours each service once, so it takes time linear in the
    // edges however the graph branches, with its path on the heap, so a chain of any length
    // fits.
    void rejectRunsOnCycles() const
    {
        const auto& services = m_catalog.m_services;
        QHash<QString, qsizetype> indexOf;
        for (qsizetype i = 0; i < services.size(); ++i)
            indexOf.insert(services.at(i).id, i);
        enum class Mark { Unvisited, OnPath, Done };
        std::vector<Mark> marks(services.size(), Mark::Unvisited);
        struct Step
        {
            qsizetype service;
            qsizetype nextEdge;
        };
        std::vector<Step> path;
        for (qsizetype start = 0; start < services.size(); ++start) {
            if (marks[start] != Mark::Unvisited)
                continue;
            marks[start] = Mark::OnPath;
            path.push_back({start, 0});
            while (!path.empty()) {
                const qsizetype current = path.back().service;
                const QStringList& runsOn = services.at(current).runsOn;
                if (path.back().nextEdge == runsOn.size()) {
                    marks[current] = Mark::Done;
                    path.pop_back();
                    continue;
                }
                const qsizetype next = indexOf.value(runsOn.at(path.back().nextEdge++));
                if (marks[next] == Mark::OnPath)
                    failWithCycle(path, next);
                if (marks[next] == Mark::Unvisited) {
                    marks[next] = Mark::OnPath;
                    path.push_back({next, 0});
                }
            }
        }
    }

    // Reports the cycle closed by an edge back to `closing`, a service on `path`, at the
    // service where it starts and ends.
    template <typename Path>
    [[noreturn]] void failWithCycle(const Path& path, qsizetype closing) const
    {
        QStringList cycle;
        auto step = std::find_if(path.cbegin(), path.cend(), [closing](const auto& onPath) {
            return onPath.service == closing;
        });
        for (; step != path.cend(); ++step)
            cycle.append(m_catalog.m_services.at(step->service).id);
        cycle.append(m_catalog.m_services.at(closing).id);
        runsOnLocation(closing).fail(QStringLiteral("\"runs on\" forms a cycle: ") +
                                     cycle.join(QStringLiteral(" → ")));
    }

    void readOptions()
    {
        QSet<QString> seen;
        m_root.forEachElement(
            QStringLiteral("options"), [&](const QJsonValue& value, const JsonLocation& where) {
                requireRoomFor(m_catalog.m_options.size(), where, QStringLiteral("option"));
                JsonObjectReader reader(value, where);
                DeploymentOption option;
                option.id = readId(reader);
                requireUnique(seen, option.id, reader.locationOf(QStringLiteral("id")),
                              QStringLiteral("option"));
                option.name = reader.string(QStringLiteral("name"));
                option.summary = reader.string(QStringLiteral("summary"));
                option.stack = deriveStack(reader);
                option.responsibilities =
                    readResponsibilities(reader.object(QStringLiteral("responsibility")));
                option.attributeValues =
                    readAttributeValues(reader.object(QStringLiteral("attributes")));
                reader.finish();
                m_catalog.m_options.append(option);
            });
    }

    // The stack follows "runs on" down from the option's service; where a service runs on more
    // than one, the option's "on" picks the branch. So each edge is written once, on its service.
    QStringList deriveStack(JsonObjectReader& reader) const
    {
        const QString top = reader.string(QStringLiteral("service"));
        if (!m_catalog.service(top)) {
            reader.locationOf(QStringLiteral("service"))
                .fail(QStringLiteral("unknown service \"%1\"").arg(top));
        }
        const QString on = reader.string(QStringLiteral("on"), {});
        if (!on.isEmpty() && !m_catalog.substratesOf(top).contains(on)) {
            reader.locationOf(QStringLiteral("on"))
                .fail(QStringLiteral("%1 does not run on \"%2\"").arg(top, on));
        }
        QStringList stack = {top};
        for (const Service* current = m_catalog.service(top); !current->runsOn.isEmpty();) {
            QString next;
            if (current->runsOn.size() == 1)
                next = current->runsOn.constFirst();
            else if (current->runsOn.contains(on) && !stack.contains(on))
                next = on;
            else {
                reader.location().fail(
                    QStringLiteral("%1 runs on %2: say which with \"on\"")
                        .arg(current->id, current->runsOn.join(QStringLiteral(" or "))));
            }
            stack.append(next);
            if (stack.size() > Catalog::deepestStack) {
                reader.location().fail(
                    QStringLiteral("the stack is deeper than %1 services (from %2 down to %3)")
                        .arg(Catalog::deepestStack)
                        .arg(top, next));
            }
            current = m_catalog.service(next);
        }
        return stack;
    }

    QList<LayerResponsibility> readResponsibilities(JsonObjectReader reader) const
    {
        QList<LayerResponsibility> column;
        for (const Layer& layer : m_catalog.m_layers) {
            if (!reader.has(layer.id)) {
                reader.location().fail(QStringLiteral("no entry for layer \"%1\"").arg(layer.id));
            }
            JsonObjectReader entry = reader.object(layer.id);
            LayerResponsibility responsibility;
            responsibility.layer = layer.id;
            const QString who = entry.string(QStringLiteral("who"));
            const auto parsed = responsibilityFromId(who);
            if (!parsed) {
                entry.locationOf(QStringLiteral("who"))
                    .fail(QStringLiteral("\"%1\" is not one of aws, customer, shared, none")
                              .arg(who));
            }
            responsibility.who = *parsed;
            responsibility.why = entry.string(QStringLiteral("why"));
            entry.finish();
            column.append(responsibility);
        }
        // Anything left is not a layer of this catalog.
        for (const QString& key : reader.takeKeys()) {
            if (!m_catalog.layer(key))
                reader.locationOf(key).fail(QStringLiteral("unknown layer \"%1\"").arg(key));
        }
        return column;
    }

    // One value per catalog attribute, in the catalog's order: a comparison table has a cell
    // for every attribute of both options, so none may be missing or blank.
    QStringList readAttributeValues(JsonObjectReader reader) const
    {
        QStringList values;
        for (const Attribute& attribute : m_catalog.m_attributes) {
            const QString value = reader.string(attribute.id);
            if (value.trimmed().isEmpty())
                reader.locationOf(attribute.id).fail(QStringLiteral("empty value"));
            values.append(value);
        }
        // Anything left is not an attribute of this catalog (a typo, or one it does not have).
        const auto& attributes = m_catalog.m_attributes;
        for (const QString& key : reader.takeKeys()) {
            const bool known =
                std::any_of(attributes.cbegin(), attributes.cend(),
                            [&key](const Attribute& attribute) { return attribute.id == key; });
            if (!known)
                reader.locationOf(key).fail(QStringLiteral("unknown attribute \"%1\"").arg(key));
        }
        return values;
    }

    JsonObjectReader m_root;
    Catalog m_catalog;
};

QString Catalog::builtInPath()
{
    return QStringLiteral(":/data/catalog.json");
}

Catalog Catalog::load(const QString& path, const QString& displayName)
{
    const QString name = displayName.isEmpty() ? path : displayName;
    return CatalogReader(JsonObjectReader(readJsonObjectFile(path, name), JsonLocation(name)))
        .read(name);
}

Catalog Catalog::loadBuiltIn()
{
    return load(builtInPath(), QStringLiteral("built-in catalog.json"));
}

} // namespace ace
