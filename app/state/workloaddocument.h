#pragma once

#include "cost/workload.h"

#include <QObject>
#include <QStringList>
#include <QUndoStack>

namespace ace::ui {

class ExplorerState;

// The workload as a document: the file it was opened from or saved to, its undo history and
// whether it has unsaved changes, and the recently used files. "Unsaved changes" means the
// workload differs from the one last opened, saved or started: a value changed and changed
// back is no change (the undo stack's clean state would say otherwise). Opening a bad file leaves
// the open workload untouched; saving is atomic.
class WorkloadDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkloadDocument)

public:
    explicit WorkloadDocument(ExplorerState& state, QObject* parent = nullptr);

    QUndoStack& undoStack() { return m_undoStack; }
    // Empty while the workload has never been saved.
    const QString& filePath() const { return m_filePath; }
    // The file name, or "Untitled", for titles.
    QString displayName() const;
    bool isModified() const;

    // A fresh default workload for the region of the prices in use, untitled and unmodified.
    void newWorkload();
    // Each returns an error message naming the file (and field), or an empty string.
    QString open(const QString& path);
    QString save();
    QString saveAs(const QString& path);

    // Most recent first; only files that still exist.
    QStringList recentFiles() const;
    static constexpr int maximumRecentFiles = 8;

signals:
    void filePathChanged(const QString& path);
    void modifiedChanged(bool modified);
    void recentFilesChanged();

private:
    void setFilePath(const QString& path);
    void remember(const QString& path);
    // The workload now in the state is the unmodified one.
    void markUnmodified();
    void announceModifiedChange();

    ExplorerState& m_state;
    QUndoStack m_undoStack;
    QString m_filePath;
    Workload m_unmodified;
    bool m_wasModified = false;
};

} // namespace ace::ui
