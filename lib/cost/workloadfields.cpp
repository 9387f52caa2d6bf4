// The fields of a workload file (DESIGN.md §4), one row each.
#include "cost/workloadfields.h"

#include <iterator>
#include <memory>
#include <stdexcept>
#include <tuple>

namespace ace {

WorkloadField::WorkloadField(const QString& key)
    : m_key(key)
    , m_group(key.section(u'.', 0, -2))
    , m_member(key.section(u'.', -1))
{}

WorkloadNumberField::WorkloadNumberField(const QString& key, const NumberRule& rule)
    : WorkloadField(key)
    , m_rule(rule)
{}

namespace {

// A field stored at `workload.*path...` (one member pointer, or a group's then the member's),
// of type Value, implementing Base's interface.
template <typename Base, typename Value, typename... MemberPath>
class MemberField : public Base
{
public:
    template <typename... BaseArguments>
    MemberField(std::tuple<MemberPath...> path, const BaseArguments&... arguments)
        : Base(arguments...)
        , m_path(path)
    {}

    bool equal(const Workload& a, const Workload& b) const final { return in(a) == in(b); }
    const void* memberIn(const Workload& workload) const final { return &in(workload); }

protected:
    const Value& in(const Workload& workload) const
    {
        return std::apply(
            [&workload](auto... path) -> const Value& { return memberAt(workload, path...); },
            m_path);
    }
    Value& in(Workload& workload) const
    {
        return std::apply(
            [&workload](auto... path) -> Value& { return memberAt(workload, path...); }, m_path);
    }

private:
    std::tuple<MemberPath...> m_path;
};

// The type of the member at the end of a member path.
template <typename... MemberPath>
using MemberType = std::remove_reference_t<decltype(memberAt(std::declval<Workload&>(),
                                                             std::declval<MemberPath>()...))>;

// A double, a whole number (int) or a count that may be sized from the load (written null).
template <typename Value, typename... MemberPath>
class NumberMember final : public MemberField<WorkloadNumberField, Value, MemberPath...>
{
    static constexpr bool nullable = std::is_same_v<Value, std::optional<int>>;

public:
    using MemberField<WorkloadNumberField, Value, MemberPath...>::MemberField;

    void read(JsonObjectReader& object, Workload& workload) const override
    {
        const QString& key = this->member();
        if constexpr (nullable) {
            const std::optional<double> value = object.nullableNumber(key, number(workload));
            if (value)
                requireNumber(*value, this->rule(), object.locationOf(key));
            setNumber(workload, value);
        } else {
            setNumber(workload, readNumber(object, key, *number(workload), this->rule()));
        }
    }

    QJsonValue toJson(const Workload& workload) const override
    {
        const Value& value = this->in(workload);
        if constexpr (nullable)
            return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
        else
            return value;
    }

    std::optional<double> number(const Workload& workload) const override
    {
        const Value& value = this->in(workload);
        if constexpr (nullable)
            return value ? std::optional<double>(*value) : std::nullopt;
        else
            return value;
    }

    void setNumber(Workload& workload, std::optional<double> value) const override
    {
        if constexpr (nullable) {
            this->in(workload) =
                value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
        } else {
            if (!value)
                throw std::logic_error(this->key().toStdString() + " is never sized from the load");
            // The rule of an int is a whole-number rule, so the conversion keeps the value.
            this->in(workload) = static_cast<Value>(*value);
        }
    }
};

template <typename... MemberPath>
std::unique_ptr<WorkloadField> number(const QString& key, const NumberRule& rule,
                                      MemberPath... path)
{
    using Value = MemberType<MemberPath...>;
    static_assert(isWorkloadNumber<Value>, "a number is a double, an int or a std::optional<int>");
    if (!std::is_same_v<Value, double> && !rule.wholeNumber)
        throw std::logic_error(key.toStdString() +
                               " is stored as a whole number: its rule must be");
    return std::make_unique<NumberMember<Value, MemberPath...>>(std::tuple(path...), key, rule);
}

enum class Emptiness { Allowed, Refused };

template <typename... MemberPath>
class TextMember final : public MemberField<WorkloadField, QString, MemberPath...>
{
public:
    TextMember(std::tuple<MemberPath...> path, const QString& key, Emptiness emptiness)
        : MemberField<WorkloadField, QString, MemberPath...>(path, key)
        , m_emptiness(emptiness)
    {}

    void read(JsonObjectReader& object, Workload& workload) const override
    {
        QString& value = this->in(workload);
        value = object.string(this->member(), value);
        if (value.isEmpty() && m_emptiness == Emptiness::Refused)
            object.locationOf(this->member()).fail(QStringLiteral("must not be empty"));
    }

    QJsonValue toJson(const Workload& workload) const override { return this->in(workload); }

private:
    Emptiness m_emptiness;
};

template <typename... MemberPath>
std::unique_ptr<WorkloadField> text(const QString& key, Emptiness emptiness, MemberPath... path)
{
    return std::make_unique<TextMember<MemberPath...>>(std::tuple(path...), key, emptiness);
}

template <typename... MemberPath>
class FlagMember final : public MemberField<WorkloadField, bool, MemberPath...>
{
public:
    using MemberField<WorkloadField, bool, MemberPath...>::MemberField;

    void read(JsonObjectReader& object, Workload& workload) const override
    {
        bool& value = this->in(workload);
        value = object.boolean(this->member(), value);
    }

    QJsonValue toJson(const Workload& workload) const override { return this->in(workload); }
};

template <typename... MemberPath>
std::unique_ptr<WorkloadField> flag(const QString& key, MemberPath... path)
{
    return std::make_unique<FlagMember<MemberPath...>>(std::tuple(path...), key);
}

// How the values of an enumeration are written: each value's id, the value of an id, and the
// list of ids for messages.
template <typename Enum>
struct ChoiceIds
{
    QString (*id)(Enum);
    std::optional<Enum> (*fromId)(const QString&);
    QString (*knownIds)();
};

// The value of the id at `key`; a DataError naming the field for an unknown id.
template <typename Enum>
Enum readChoice(JsonObjectReader& object, const QString& key, const ChoiceIds<Enum>& ids)
{
    const QString id = object.string(key);
    const std::optional<Enum> known = ids.fromId(id);
    if (!known) {
        object.locationOf(key).fail(
            QStringLiteral("\"%1\" is not one of %2").arg(id, ids.knownIds()));
    }
    return *known;
}

template <typename Enum, typename... MemberPath>
class ChoiceMember final : public MemberField<WorkloadField, Enum, MemberPath...>
{
public:
    ChoiceMember(std::tuple<MemberPath...> path, const QString& key, ChoiceIds<Enum> ids)
        : MemberField<WorkloadField, Enum, MemberPath...>(path, key)
        , m_ids(ids)
    {}

    void read(JsonObjectReader& object, Workload& workload) const override
    {
        Enum& value = this->in(workload);
        if (object.has(this->member()))
            value = readChoice(object, this->member(), m_ids);
    }

    QJsonValue toJson(const Workload& workload) const override
    {
        return m_ids.id(this->in(workload));
    }

private:
    ChoiceIds<Enum> m_ids;
};

template <typename Enum, typename... MemberPath>
std::unique_ptr<WorkloadField> choice(const QString& key, ChoiceIds<Enum> ids, MemberPath... path)
{
    return std::make_unique<ChoiceMember<Enum, MemberPath...>>(std::tuple(path...), key, ids);
}

// An enumeration that may be left unset (written null): a choice that otherwise takes another
// field's value, as an option's door takes the default door.
template <typename Enum, typename... MemberPath>
class OptionalChoiceMember final
    : public MemberField<WorkloadField, std::optional<Enum>, MemberPath...>
{
public:
    OptionalChoiceMember(std::tuple<MemberPath...> path, const QString& key, ChoiceIds<Enum> ids)
        : MemberField<WorkloadField, std::optional<Enum>, MemberPath...>(path, key)
        , m_ids(ids)
    {}

    void read(JsonObjectReader& object, Workload& workload) const override
    {
        std::optional<Enum>& value = this->in(workload);
        const QString& key = this->member();
        if (object.takeNull(key))
            value.reset();
        else if (object.has(key))
            value = readChoice(object, key, m_ids);
    }

    QJsonValue toJson(const Workload& workload) const override
    {
        const std::optional<Enum>& value = this->in(workload);
        return value ? QJsonValue(m_ids.id(*value)) : QJsonValue(QJsonValue::Null);
    }

private:
    ChoiceIds<Enum> m_ids;
};

template <typename Enum, typename... MemberPath>
std::unique_ptr<WorkloadField> optionalChoice(const QString& key, ChoiceIds<Enum> ids,
                                              MemberPath... path)
{
    return std::make_unique<OptionalChoiceMember<Enum, MemberPath...>>(std::tuple(path...), key,
                                                                       ids);
}

// A field that version `version` of the file format added.
std::unique_ptr<WorkloadField> since(int version, std::unique_ptr<WorkloadField> field)
{
    field->setSinceVersion(version);
    return field;
}

// The table. The limits are where a value becomes a typo rather than a workload: they keep
// absurd inputs (a 10-year "month", a million-vCPU task) from producing confident-looking
// estimates.
std::vector<std::unique_ptr<const WorkloadField>> createWorkloadFields()
{
    constexpr double maxCount = 100'000;
    // Tasks or instances, when not sized from the load.
    const NumberRule fixedCount = NumberRule::between(1, maxCount).whole();
    const NumberRule minimumCount = NumberRule::between(0, maxCount).whole();
    // At most 31 days.
    const NumberRule hoursPerMonth = NumberRule::aboveAndAtMost(0, 744);
    using Function = FunctionSettings;
    using Container = ContainerSettings;
    using Instance = InstanceSettings;

    // One row a field, in the order of a file.
    std::unique_ptr<const WorkloadField> rows[] = {
        text(QStringLiteral("name"), Emptiness::Allowed, &Workload::name),
        text(QStringLiteral("region"), Emptiness::Refused, &Workload::region),
        number(QStringLiteral("requestsPerMonth"), NumberRule::between(0, 1e13),
               &Workload::requestsPerMonth),
        number(QStringLiteral("avgDurationMs"), NumberRule::aboveAndAtMost(0, 24 * 3600 * 1000.0),
               &Workload::avgDurationMs),
        number(QStringLiteral("peakToAverage"), NumberRule::between(1, 1000),
               &Workload::peakToAverage),
        choice(QStringLiteral("architecture"),
               ChoiceIds<Architecture>{architectureId, architectureFromId, knownArchitectureIds},
               &Workload::architecture),
        flag(QStringLiteral("includeFreeTier"), &Workload::includeFreeTier),
        number(QStringLiteral("function.memoryMb"), NumberRule::between(128, 10240).whole(),
               &Workload::function, &Function::memoryMb),
        number(QStringLiteral("function.ephemeralStorageMb"),
               NumberRule::between(512, 10240).whole(), &Workload::function,
               &Function::ephemeralStorageMb),
        number(QStringLiteral("container.vcpu"), NumberRule::aboveAndAtMost(0, 192),
               &Workload::container, &Container::vcpu),
        number(QStringLiteral("container.memoryGb"), NumberRule::aboveAndAtMost(0, 1024),
               &Workload::container, &Container::memoryGb),
        number(QStringLiteral("container.ephemeralStorageGb"), NumberRule::between(20, 200),
               &Workload::container, &Container::ephemeralStorageGb),
        number(QStringLiteral("container.tasks"), fixedCount, &Workload::container,
               &Container::tasks),
        number(QStringLiteral("container.minTasks"), minimumCount, &Workload::container,
               &Container::minTasks),
        number(QStringLiteral("container.concurrencyPerVcpu"),
               NumberRule::aboveAndAtMost(0, maxCount), &Workload::container,
               &Container::concurrencyPerVcpu),
        // A fraction.
        number(QStringLiteral("container.targetUtilization"), NumberRule::aboveAndAtMost(0, 1),
               &Workload::container, &Container::targetUtilization),
        number(QStringLiteral("container.hoursPerMonth"), hoursPerMonth, &Workload::container,
               &Container::hoursPerMonth),
        // The cost model checks the type against its price book.
        text(QStringLiteral("instance.type"), Emptiness::Refused, &Workload::instance,
             &Instance::type),
        number(QStringLiteral("instance.count"), fixedCount, &Workload::instance, &Instance::count),
        number(QStringLiteral("instance.minCount"), minimumCount, &Workload::instance,
               &Instance::minCount),
        number(QStringLiteral("instance.hoursPerMonth"), hoursPerMonth, &Workload::instance,
               &Instance::hoursPerMonth),
        number(QStringLiteral("clusters"), NumberRule::between(1, 100).whole(),
               &Workload::clusters),
    };
    std::vector<std::unique_ptr<const WorkloadField>> fields{
        std::make_move_iterator(std::begin(rows)), std::make_move_iterator(std::end(rows))};

    // Version 2: the whole bill.
    const ChoiceIds<RequestDoor> doors{requestDoorId, requestDoorFromId, knownRequestDoorIds};
    const ChoiceIds<PurchaseKind> purchaseKinds{purchaseKindId, purchaseKindFromId,
                                                knownPurchaseKindIds};
    using Path = RequestPathSettings;
    fields.push_back(since(2, choice(QStringLiteral("requestPath.default"), doors,
                                     &Workload::requestPath, &Path::defaultDoor)));
    for (const RequestPathOption& option : requestPathOptions()) {
        fields.push_back(
            since(2, optionalChoice(QStringLiteral("requestPath.") + option.optionId.toString(),
                                    doors, &Workload::requestPath, option.door)));
    }
    // An ALB allows 100 rules per listener by default.
    fields.push_back(since(2, number(QStringLiteral("requestPath.albRulesPerRequest"),
                                     NumberRule::between(0, 100).whole(), &Workload::requestPath,
                                     &Path::albRulesPerRequest)));
    // API Gateway takes payloads up to 10 MB; a response of a GB is a download, not an API.
    fields.push_back(
        since(2, number(QStringLiteral("traffic.avgRequestKb"), NumberRule::between(0, 10 * 1024),
                        &Workload::traffic, &TrafficSettings::avgRequestKb)));
    fields.push_back(since(2, number(QStringLiteral("traffic.avgResponseKb"),
                                     NumberRule::between(0, 1024 * 1024), &Workload::traffic,
                                     &TrafficSettings::avgResponseKb)));
    fields.push_back(since(2, number(QStringLiteral("traffic.requestsPerConnection"),
                                     NumberRule::between(1, 1e6), &Workload::traffic,
                                     &TrafficSettings::requestsPerConnection)));
    // A discount is at most what the family's most generous kind gives; what the chosen kind
    // gives is checked with the kind (maxDiscountPercent).
    const auto purchase = [&](const char* familyKey, CapacityFamily family,
                              Purchase PurchaseSettings::*member) {
        const QString group = QStringLiteral("purchase.") + QLatin1String(familyKey);
        const double most = *maxDiscountPercent(family, mostDiscountedKind(family));
        fields.push_back(since(2, choice(group + QStringLiteral(".kind"), purchaseKinds,
                                         &Workload::purchase, member, &Purchase::kind)));
        fields.push_back(since(2, number(group + QStringLiteral(".discountPercent"),
                                         NumberRule::between(0, most), &Workload::purchase, member,
                                         &Purchase::discountPercent)));
    };
    purchase("ec2", CapacityFamily::Ec2, &PurchaseSettings::ec2);
    purchase("fargate", CapacityFamily::Fargate, &PurchaseSettings::fargate);
    purchase("lambda", CapacityFamily::Lambda, &PurchaseSettings::lambda);
    fields.push_back(
        since(2, choice(QStringLiteral("eksSupport"),
                        ChoiceIds<EksSupport>{eksSupportId, eksSupportFromId, knownEksSupportIds},
                        &Workload::eksSupport)));
    return fields;
}

} // namespace

const std::vector<const WorkloadField*>& workloadFields()
{
    static const std::vector<std::unique_ptr<const WorkloadField>> owned = createWorkloadFields();
    static const std::vector<const WorkloadField*> fields = [] {
        std::vector<const WorkloadField*> pointers;
        for (const auto& field : owned)
            pointers.push_back(field.get());
        return pointers;
    }();
    return fields;
}

const WorkloadField& workloadFieldAt(const Workload& probe, const void* member)
{
    for (const WorkloadField* field : workloadFields()) {
        if (field->memberIn(probe) == member)
            return *field;
    }
    throw std::logic_error("a member of Workload has no row in workloadFields()");
}

} // namespace ace
