// Reading, validating and writing workload files (DESIGN.md §4).
#include "cost/workload.h"

#include "cost/workloadfields.h"
#include "files/safefile.h"
#include "json/jsonreader.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <vector>

namespace ace {

namespace {

const QString workloadFormat = QStringLiteral("aws-compute-explorer/workload");
// Version 2 added the whole bill (requestPath, traffic, purchase, eksSupport); version 1 files
// read with those at their defaults.
constexpr int oldestWorkloadVersion = 1;
constexpr int workloadVersion = 2;

// The ids of an enumeration's values as the file writes them.
template <typename Enum, std::size_t Count>
using IdTable = std::pair<Enum, const char16_t*>[Count];

constexpr IdTable<RequestDoor, 5> requestDoorIds = {
    {RequestDoor::None, u"none"},
    {RequestDoor::FunctionUrl, u"function-url"},
    {RequestDoor::ApiGatewayHttp, u"api-gateway-http"},
    {RequestDoor::ApiGatewayRest, u"api-gateway-rest"},
    {RequestDoor::Alb, u"alb"},
};
constexpr IdTable<PurchaseKind, 4> purchaseKindIds = {
    {PurchaseKind::OnDemand, u"on-demand"},
    {PurchaseKind::SavingsPlan, u"savings-plan"},
    {PurchaseKind::Spot, u"spot"},
    {PurchaseKind::Reserved, u"reserved"},
};
constexpr IdTable<EksSupport, 2> eksSupportIds = {
    {EksSupport::Standard, u"standard"},
    {EksSupport::Extended, u"extended"},
};

template <typename Enum, std::size_t Count>
QString idOf(const IdTable<Enum, Count>& table, Enum value)
{
    for (const auto& [known, id] : table) {
        if (known == value)
            return QString::fromUtf16(id);
    }
    return {};
}

template <typename Enum, std::size_t Count>
std::optional<Enum> valueOf(const IdTable<Enum, Count>& table, const QString& id)
{
    for (const auto& [value, known] : table) {
        if (id == QString::fromUtf16(known))
            return value;
    }
    return std::nullopt;
}

template <typename Enum, std::size_t Count>
QString idsOf(const IdTable<Enum, Count>& table)
{
    QStringList ids;
    for (const auto& entry : table)
        ids.append(QString::fromUtf16(entry.second));
    return ids.join(QStringLiteral(", "));
}

} // namespace

QString requestDoorId(RequestDoor door)
{
    return idOf(requestDoorIds, door);
}

std::optional<RequestDoor> requestDoorFromId(const QString& id)
{
    return valueOf(requestDoorIds, id);
}

QString knownRequestDoorIds()
{
    return idsOf(requestDoorIds);
}

bool doorFits(RequestDoor door, bool lambdaOption)
{
    return lambdaOption || door == RequestDoor::None || door == RequestDoor::Alb;
}

const std::vector<RequestPathOption>& requestPathOptions()
{
    using Path = RequestPathSettings;
    static const std::vector<RequestPathOption> options = {
        {u"ec2", &Path::ec2, false},
        {u"ecs-ec2", &Path::ecsEc2, false},
        {u"eks-ec2", &Path::eksEc2, false},
        {u"ecs-fargate", &Path::ecsFargate, false},
        {u"eks-fargate", &Path::eksFargate, false},
        {u"lambda", &Path::lambda, true},
    };
    return options;
}

RequestDoor RequestPathSettings::doorOf(const QString& optionId) const
{
    for (const RequestPathOption& option : requestPathOptions()) {
        // A view, not a QString: sweeps ask this thousands of times per edit.
        if (optionId == option.optionId)
            return (this->*option.door).value_or(defaultDoor);
    }
    return defaultDoor;
}

QString purchaseKindId(PurchaseKind kind)
{
    return idOf(purchaseKindIds, kind);
}

std::optional<PurchaseKind> purchaseKindFromId(const QString& id)
{
    return valueOf(purchaseKindIds, id);
}

QString knownPurchaseKindIds()
{
    return idsOf(purchaseKindIds);
}

const Purchase& PurchaseSettings::of(CapacityFamily family) const
{
    switch (family) {
    case CapacityFamily::Ec2:
        return ec2;
    case CapacityFamily::Fargate:
        return fargate;
    case CapacityFamily::Lambda:
        break;
    }
    return lambda;
}

std::optional<double> maxDiscountPercent(CapacityFamily family, PurchaseKind kind)
{
    // AWS's "up to" figures (../shared/reference/rates-and-audit-2026-11.md §2c): the EC2
    // Savings Plans page, the Reserved Instances page, the Spot pricing page, the Fargate
    // pricing page and the Lambda pricing whitepaper.
    if (kind == PurchaseKind::OnDemand)
        return 0.0;
    switch (family) {
    case CapacityFamily::Ec2:
        return kind == PurchaseKind::Spot ? 90.0 : 72.0;
    case CapacityFamily::Fargate:
        if (kind == PurchaseKind::Reserved)
            return std::nullopt;
        return kind == PurchaseKind::Spot ? 70.0 : 50.0;
    case CapacityFamily::Lambda:
        if (kind != PurchaseKind::SavingsPlan)
            return std::nullopt;
        return 17.0;
    }
    return std::nullopt;
}

PurchaseKind mostDiscountedKind(CapacityFamily family)
{
    PurchaseKind most = PurchaseKind::OnDemand;
    for (const auto& entry : purchaseKindIds) {
        if (maxDiscountPercent(family, entry.first).value_or(0) > *maxDiscountPercent(family, most))
            most = entry.first;
    }
    return most;
}

QString eksSupportId(EksSupport support)
{
    return idOf(eksSupportIds, support);
}

std::optional<EksSupport> eksSupportFromId(const QString& id)
{
    return valueOf(eksSupportIds, id);
}

QString knownEksSupportIds()
{
    return idsOf(eksSupportIds);
}

bool operator==(const Workload& a, const Workload& b)
{
    const std::vector<const WorkloadField*>& fields = workloadFields();
    return std::all_of(fields.begin(), fields.end(),
                       [&a, &b](const WorkloadField* field) { return field->equal(a, b); });
}

namespace {

// Readers of the objects that hold the field being read, outermost first: a field of
// "purchase.ec2" is read in "purchase" → "ec2". The fields of an object are next to each
// other in the table, so an object is checked for unknown keys once its fields are read, and
// errors come in the order of the file.
class GroupReaders
{
public:
    explicit GroupReaders(JsonObjectReader& file)
        : m_file(file)
    {}

    // The reader of `group` ("" for the file itself); nullptr when the file leaves it out.
    JsonObjectReader* enter(const QString& group)
    {
        const QStringList path = group.isEmpty() ? QStringList() : group.split(u'.');
        // Leave the objects that are not on the way to `group`.
        while (!m_open.empty() && (qsizetype(m_open.size()) > path.size() ||
                                   m_open.back().name != path.at(qsizetype(m_open.size()) - 1))) {
            leaveInnermost();
        }
        while (qsizetype(m_open.size()) < path.size()) {
            JsonObjectReader* outer = innermost();
            const QString& name = path.at(qsizetype(m_open.size()));
            m_open.push_back({name, outer ? outer->optionalObject(name) : std::nullopt});
        }
        return innermost();
    }

    void finish()
    {
        while (!m_open.empty())
            leaveInnermost();
        m_file.finish();
    }

private:
    struct Open
    {
        QString name;
        std::optional<JsonObjectReader> reader; // nullopt when the file leaves it out
    };

    JsonObjectReader* innermost()
    {
        if (m_open.empty())
            return &m_file;
        return m_open.back().reader ? &*m_open.back().reader : nullptr;
    }

    void leaveInnermost()
    {
        if (m_open.back().reader)
            m_open.back().reader->finish();
        m_open.pop_back();
    }

    JsonObjectReader& m_file;
    std::vector<Open> m_open;
};

const QString requestPathKey = QStringLiteral("requestPath");

// A door that cannot stand in front of its option: refused here for the built-in options, so
// that a file never promises a bill the model cannot price.
void checkDoorsFit(const Workload& workload, const JsonLocation& file)
{
    const JsonLocation requestPath = file.child(requestPathKey);
    QStringList defaultMisfits;
    for (const RequestPathOption& option : requestPathOptions()) {
        const QString optionId = option.optionId.toString();
        const std::optional<RequestDoor>& own = workload.requestPath.*option.door;
        const RequestDoor door = own.value_or(workload.requestPath.defaultDoor);
        if (doorFits(door, option.lambda))
            continue;
        if (!own) {
            defaultMisfits.append(optionId);
            continue;
        }
        requestPath.child(optionId).fail(
            QStringLiteral("%1 cannot stand in front of %2: function URLs and API Gateway are "
                           "for Lambda (containers behind API Gateway need a VPC link and a load "
                           "balancer); use none or alb")
                .arg(requestDoorId(door), optionId));
    }
    if (!defaultMisfits.isEmpty()) {
        requestPath.child(QStringLiteral("default"))
            .fail(QStringLiteral("%1 cannot stand in front of %2 (function URLs and API Gateway "
                                 "are for Lambda): give those options a door of their own, none "
                                 "or alb")
                      .arg(requestDoorId(workload.requestPath.defaultDoor),
                           defaultMisfits.join(QStringLiteral(", "))));
    }
}

// A purchase AWS does not sell, or a discount above the most AWS publishes for its kind.
void checkPurchases(const Workload& workload, const JsonLocation& file)
{
    struct Family
    {
        CapacityFamily family;
        const char16_t* key;
        const char16_t* name;
    };
    static constexpr Family families[] = {{CapacityFamily::Ec2, u"ec2", u"EC2"},
                                          {CapacityFamily::Fargate, u"fargate", u"Fargate"},
                                          {CapacityFamily::Lambda, u"lambda", u"Lambda"}};
    for (const Family& family : families) {
        const Purchase& purchase = workload.purchase.of(family.family);
        const JsonLocation location =
            file.child(QStringLiteral("purchase")).child(QString::fromUtf16(family.key));
        const QString name = QString::fromUtf16(family.name);
        const std::optional<double> most = maxDiscountPercent(family.family, purchase.kind);
        if (!most) {
            QStringList sold;
            for (const auto& [kind, id] : purchaseKindIds) {
                if (maxDiscountPercent(family.family, kind))
                    sold.append(QString::fromUtf16(id));
            }
            location.child(QStringLiteral("kind"))
                .fail(
                    QStringLiteral("AWS does not sell %1 for %2 (it sells %3)")
                        .arg(purchaseKindId(purchase.kind), name, sold.join(QStringLiteral(", "))));
        }
        if (purchase.discountPercent > *most) {
            location.child(QStringLiteral("discountPercent"))
                .fail(QStringLiteral("at most %1 for %2 on %3 (the most AWS publishes), found %4")
                          .arg(*most)
                          .arg(purchaseKindId(purchase.kind), name)
                          .arg(purchase.discountPercent));
        }
    }
}

} // namespace

Workload Workload::fromJson(const QJsonObject& json, const QString& fileName)
{
    JsonObjectReader file(json, JsonLocation(fileName));
    const int version =
        readFormatHeader(file, workloadFormat, oldestWorkloadVersion, workloadVersion);
    Workload workload; // the defaults, for what the file leaves out
    GroupReaders groups(file);
    for (const WorkloadField* field : workloadFields()) {
        if (field->sinceVersion() > version) {
            // A newer field in an older file is a mistake, not a default.
            const QString outermost = field->key().section(u'.', 0, 0);
            if (file.has(outermost)) {
                file.locationOf(outermost).fail(
                    QStringLiteral("only version %1 files have it; this file is version %2")
                        .arg(field->sinceVersion())
                        .arg(version));
            }
            continue;
        }
        if (JsonObjectReader* object = groups.enter(field->group()))
            field->read(*object, workload);
    }
    groups.finish();
    checkDoorsFit(workload, file.location());
    checkPurchases(workload, file.location());
    return workload;
}

Workload Workload::load(const QString& path, const QString& displayName)
{
    const QString name = displayName.isEmpty() ? path : displayName;
    return fromJson(readJsonObjectFile(path, name), name);
}

namespace {

// A member of a workload file. QJsonObject sorts its keys; a saved file reads best in the
// documented order (DESIGN.md §4), format and version first, so the order is kept here.
struct Member
{
    QString key;
    QJsonValue value;            // a number, string, boolean or null
    std::vector<Member> members; // instead, a nested object
};

std::vector<Member> membersOf(const Workload& workload)
{
    std::vector<Member> members = {{QStringLiteral("format"), workloadFormat, {}},
                                   {QStringLiteral("version"), workloadVersion, {}}};
    for (const WorkloadField* field : workloadFields()) {
        // The object the field goes in, made when its first field comes.
        std::vector<Member>* object = &members;
        const QString group = field->group();
        for (const QString& name : group.isEmpty() ? QStringList() : group.split(u'.')) {
            if (object->empty() || object->back().key != name || object->back().members.empty())
                object->push_back({name, {}, {}});
            object = &object->back().members;
        }
        object->push_back({field->member(), field->toJson(workload), {}});
    }
    return members;
}

QJsonObject objectOf(const std::vector<Member>& members)
{
    QJsonObject object;
    for (const Member& member : members)
        object.insert(member.key, member.members.empty() ? member.value : objectOf(member.members));
    return object;
}

// Indented as QJsonDocument indents, with the members in their order.
void writeObject(QByteArray& text, const std::vector<Member>& members, int depth)
{
    const QByteArray indent((depth + 1) * 4, ' ');
    text += "{\n";
    for (std::size_t i = 0; i < members.size(); ++i) {
        const Member& member = members[i];
        // A one-element array formats the value as QJsonDocument does (escapes, numbers).
        const QByteArray key = QJsonDocument(QJsonArray{member.key}).toJson(QJsonDocument::Compact);
        text += indent + key.mid(1, key.size() - 2) + ": ";
        if (member.members.empty()) {
            const QByteArray value =
                QJsonDocument(QJsonArray{member.value}).toJson(QJsonDocument::Compact);
            text += value.mid(1, value.size() - 2);
        } else {
            writeObject(text, member.members, depth + 1);
        }
        text += i + 1 < members.size() ? ",\n" : "\n";
    }
    text += QByteArray(depth * 4, ' ') + '}';
}

} // namespace

QJsonObject Workload::toJson() const
{
    return objectOf(membersOf(*this));
}

std::optional<QString> Workload::save(const QString& path) const
{
    QByteArray data;
    writeObject(data, membersOf(*this), 0);
    data += '\n';
    return files::writeFileAtomically(path, data);
}

QList<WorkloadPreset> builtInWorkloadPresets()
{
    const QDir folder(QStringLiteral(":/data/presets"));
    QList<WorkloadPreset> presets;
    for (const QFileInfo& file :
         folder.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = file.filePath();
        presets.append(
            {file.completeBaseName(),
             Workload::load(path, QStringLiteral("built-in presets/") + file.fileName()).name,
             path});
    }
    return presets;
}

} // namespace ace
