#pragma once

#include "cost/workload.h"
#include "json/jsonreader.h"
#include "pricing/numberrules.h"

#include <QJsonValue>
#include <QString>

#include <optional>
#include <type_traits>
#include <vector>

namespace ace {

// One field of a workload, defined once, as a row of the table in workloadfields.cpp: its key
// in the file, its limits and the member of Workload it is (the member's initializer is its
// default). The file reader and writer, equality, the workload editor and the command line's
// quick settings all go through the table, so adding a field to Workload is adding its row.
class WorkloadField
{
public:
    virtual ~WorkloadField() = default;
    WorkloadField(const WorkloadField&) = delete;
    WorkloadField& operator=(const WorkloadField&) = delete;

    // Where the field is in a workload file, as messages name it: "requestsPerMonth", or
    // "container.vcpu" for the member "vcpu" of the object "container" ("purchase.ec2.kind"
    // for an object in an object).
    const QString& key() const { return m_key; }
    // The object the field is in ("container", "purchase.ec2"; empty at the top level of the
    // file).
    const QString& group() const { return m_group; }
    // The field's name in that object ("vcpu").
    const QString& member() const { return m_member; }
    // The version of the file format that added the field.
    int sinceVersion() const { return m_sinceVersion; }
    void setSinceVersion(int version) { m_sinceVersion = version; }

    // Reads the field from `object`, the reader of its group, into `workload`: strictly (a
    // wrong type or a value out of the field's limits throws a DataError naming the field),
    // and an absent member keeps the value `workload` has.
    virtual void read(JsonObjectReader& object, Workload& workload) const = 0;
    // The value as a file holds it.
    virtual QJsonValue toJson(const Workload& workload) const = 0;
    virtual bool equal(const Workload& a, const Workload& b) const = 0;
    // The member this field is, inside `workload`: how workloadField() finds a member's row.
    virtual const void* memberIn(const Workload& workload) const = 0;

protected:
    explicit WorkloadField(const QString& key);

private:
    QString m_key;
    QString m_group;
    QString m_member;
    int m_sinceVersion = 1;
};

// A field that holds a number: a double, a whole number, or a count that may be left to be
// sized from the load (a std::optional<int>, written as null).
class WorkloadNumberField : public WorkloadField
{
public:
    // The values the field may take; the reader refuses any other, naming the field.
    const NumberRule& rule() const { return m_rule; }
    // The value in `workload`; nullopt for a count that is sized from the load.
    virtual std::optional<double> number(const Workload& workload) const = 0;
    // Sets the value; `value` must be one rule() admits (nullopt only for a count that can be
    // sized from the load).
    virtual void setNumber(Workload& workload, std::optional<double> value) const = 0;

protected:
    WorkloadNumberField(const QString& key, const NumberRule& rule);

private:
    NumberRule m_rule;
};

// Every field of a workload, in the order a file lists them (DESIGN.md §4); the fields of one
// object are next to each other.
const std::vector<const WorkloadField*>& workloadFields();

// The row of the member at `member` inside `probe`; throws std::logic_error when the table has
// none (a member added to Workload without its row).
const WorkloadField& workloadFieldAt(const Workload& probe, const void* member);

// The member `path` leads to in `object`: memberAt(workload, &Workload::container,
// &ContainerSettings::vcpu) is workload.container.vcpu.
template <typename Object, typename... MemberPath>
auto& memberAt(Object& object, MemberPath... path)
{
    // clang-format off
    return (object .* ... .* path);
    // clang-format on
}

template <typename Value>
constexpr bool isOptionalEnum = false;
template <typename Enum>
constexpr bool isOptionalEnum<std::optional<Enum>> = std::is_enum_v<Enum>;

template <typename Value>
constexpr bool isWorkloadNumber = std::is_same_v<Value, double> || std::is_same_v<Value, int> ||
                                  std::is_same_v<Value, std::optional<int>>;

// The field of a member of Workload, named by its member pointers:
// workloadField(&Workload::requestsPerMonth), workloadField(&Workload::container,
// &ContainerSettings::vcpu). A number's field is a WorkloadNumberField.
template <typename... MemberPath>
const auto& workloadField(MemberPath... path)
{
    const Workload probe;
    const auto& member = memberAt(probe, path...);
    using Value = std::decay_t<decltype(member)>;
    static_assert(isWorkloadNumber<Value> || std::is_same_v<Value, QString> ||
                      std::is_same_v<Value, bool> || std::is_enum_v<Value> || isOptionalEnum<Value>,
                  "a field is a number, text, flag or choice, not a group of fields");
    const WorkloadField& field = workloadFieldAt(probe, &member);
    if constexpr (isWorkloadNumber<Value>)
        return dynamic_cast<const WorkloadNumberField&>(field);
    else
        return field;
}

} // namespace ace
