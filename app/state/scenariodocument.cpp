#include "state/scenariodocument.h"

#include "cost/workload.h"
#include "json/dataerror.h"
#include "state/explorerstate.h"

#include <QFileInfo>
#include <QSettings>

namespace ace::ui {

namespace {
const QString recentFilesKey = QStringLiteral("scenario/recentFiles");
} // namespace

ScenarioDocument::ScenarioDocument(ExplorerState& state, QObject* parent)
    : QObject(parent)
    , m_state(state)
{
    m_unmodified = m_state.workload();
    connect(&m_state, &ExplorerState::workloadChanged, this,
            &ScenarioDocument::announceModifiedChange);
}

bool ScenarioDocument::isModified() const
{
    return m_state.workload() != m_unmodified;
}

void ScenarioDocument::markUnmodified()
{
    m_unmodified = m_state.workload();
    announceModifiedChange();
}

void ScenarioDocument::announceModifiedChange()
{
    const bool modified = isModified();
    if (modified == m_wasModified)
        return;
    m_wasModified = modified;
    emit modifiedChanged(modified);
}

QString ScenarioDocument::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

void ScenarioDocument::newScenario()
{
    m_state.setWorkload(Workload());
    m_undoStack.clear();
    markUnmodified();
    setFilePath({});
}

QString ScenarioDocument::open(const QString& path)
{
    Workload workload;
    try {
        workload = Workload::load(path);
    } catch (const DataError& error) {
        return error.toString();
    }
    m_state.setWorkload(workload);
    // Undo never reaches back into another file.
    m_undoStack.clear();
    markUnmodified();
    setFilePath(path);
    remember(path);
    return {};
}

QString ScenarioDocument::save()
{
    return saveAs(m_filePath);
}

QString ScenarioDocument::saveAs(const QString& path)
{
    if (const std::optional<QString> error = m_state.workload().save(path))
        return *error;
    m_undoStack.setClean();
    markUnmodified();
    setFilePath(path);
    remember(path);
    return {};
}

QStringList ScenarioDocument::recentFiles() const
{
    QStringList existing;
    for (const QString& path : QSettings().value(recentFilesKey).toStringList()) {
        if (QFileInfo::exists(path))
            existing.append(path);
    }
    return existing;
}

void ScenarioDocument::setFilePath(const QString& path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

void ScenarioDocument::remember(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = recentFiles();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    QSettings().setValue(recentFilesKey, recent.mid(0, maximumRecentFiles));
    emit recentFilesChanged();
}

} // namespace ace::ui
