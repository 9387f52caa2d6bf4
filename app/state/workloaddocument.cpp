#include "state/workloaddocument.h"

#include "cost/workload.h"
#include "json/dataerror.h"
#include "state/explorerstate.h"

#include <QFileInfo>
#include <QSettings>

namespace ace::ui {

namespace {
const QString recentFilesKey = QStringLiteral("scenario/recentFiles");
} // namespace

WorkloadDocument::WorkloadDocument(ExplorerState& state, QObject* parent)
    : QObject(parent)
    , m_state(state)
{
    m_unmodified = m_state.workload();
    connect(&m_state, &ExplorerState::workloadChanged, this,
            &WorkloadDocument::announceModifiedChange);
}

bool WorkloadDocument::isModified() const
{
    return m_state.workload() != m_unmodified;
}

void WorkloadDocument::markUnmodified()
{
    m_unmodified = m_state.workload();
    announceModifiedChange();
}

void WorkloadDocument::announceModifiedChange()
{
    const bool modified = isModified();
    if (modified == m_wasModified)
        return;
    m_wasModified = modified;
    emit modifiedChanged(modified);
}

QString WorkloadDocument::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

void WorkloadDocument::newWorkload()
{
    // A new workload is for the region of the prices in use, not always the default's.
    Workload workload;
    workload.region = m_state.prices().region();
    m_state.setWorkload(workload);
    m_undoStack.clear();
    markUnmodified();
    setFilePath({});
}

QString WorkloadDocument::open(const QString& path)
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

QString WorkloadDocument::save()
{
    return saveAs(m_filePath);
}

QString WorkloadDocument::saveAs(const QString& path)
{
    if (const std::optional<QString> error = m_state.workload().save(path))
        return *error;
    m_undoStack.setClean();
    markUnmodified();
    setFilePath(path);
    remember(path);
    return {};
}

QStringList WorkloadDocument::recentFiles() const
{
    QStringList existing;
    for (const QString& path : QSettings().value(recentFilesKey).toStringList()) {
        if (QFileInfo::exists(path))
            existing.append(path);
    }
    return existing;
}

void WorkloadDocument::setFilePath(const QString& path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

void WorkloadDocument::remember(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList recent = recentFiles();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    QSettings().setValue(recentFilesKey, recent.mid(0, maximumRecentFiles));
    emit recentFilesChanged();
}

} // namespace ace::ui
