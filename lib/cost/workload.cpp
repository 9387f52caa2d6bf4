// Reading, validating and writing workload files (DESIGN.md §4).
#include "cost/workload.h"

#include "cost/workloadfields.h"
#include "json/jsonreader.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <vector>

namespace ace {

namespace {

const QString workloadFormat = QStringLiteral("aws-compute-explorer/workload");
constexpr int workloadVersion = 1;

} // namespace

bool operator==(const Workload& a, const Workload& b)
{
    const std::vector<const WorkloadField*>& fields = workloadFields();
    return std::all_of(fields.begin(), fields.end(),
                       [&a, &b](const WorkloadField* field) { return field->equal(a, b); });
}

Workload Workload::fromJson(const QJsonObject& json, const QString& fileName)
{
    JsonObjectReader file(json, JsonLocation(fileName));
    readFormatHeader(file, workloadFormat, workloadVersion);
    Workload workload; // the defaults, for what the file leaves out
    // The fields of an object are next to each other in the table: an object is checked for
    // unknown keys once its fields are read, so that errors come in the order of the file.
    QString group;
    std::optional<JsonObjectReader> groupObject; // nullopt when the file leaves it out
    for (const WorkloadField* field : workloadFields()) {
        if (field->group() != group) {
            if (groupObject)
                groupObject->finish();
            group = field->group();
            groupObject = group.isEmpty() ? std::nullopt : file.optionalObject(group);
        }
        if (group.isEmpty())
            field->read(file, workload);
        else if (groupObject)
            field->read(*groupObject, workload);
    }
    if (groupObject)
        groupObject->finish();
    file.finish();
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
        Member member{field->member(), field->toJson(workload), {}};
        if (field->group().isEmpty()) {
            members.push_back(std::move(member));
            continue;
        }
        if (members.back().key != field->group())
            members.push_back({field->group(), {}, {}});
        members.back().members.push_back(std::move(member));
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
    QSaveFile file(path);
    const auto failure = [&path, &file]() -> std::optional<QString> {
        return path + QStringLiteral(": cannot write: ") + file.errorString();
    };
    if (!file.open(QIODevice::WriteOnly))
        return failure();
    QByteArray data;
    writeObject(data, membersOf(*this), 0);
    data += '\n';
    if (file.write(data) != data.size())
        return failure();
    if (!file.commit())
        return failure();
    return std::nullopt;
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
