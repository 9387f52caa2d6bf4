#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>
#include <optional>
#include <sys/types.h>

class QIODevice;

namespace ace::files {

// A file written beside its target and renamed over it by commit(), so that a failed or
// abandoned write leaves whatever was there untouched and no partial file behind. Every file the
// program writes goes through it.
//
// open() refuses, before anything is written, a target that is not a regular file (a device
// such as /dev/full, a FIFO, a socket, a folder), a read-only file (for root too, whom
// permissions do not stop: a file nobody may write is not replaced), and a symbolic link that
// is unsafe to follow (see symlinkProblem()). A symbolic link that is followed keeps its place:
// the file it names is replaced. The replacement keeps the target's permissions (mode, and
// owner and group where the process may set them).
//
// Every error is "PATH: cannot write: REASON", PATH as the caller gave it and REASON what the
// system said ("No space left on device") or why the target was refused.
class AtomicFile
{
public:
    explicit AtomicFile(QString path);
    // Removes the temporary file unless commit() succeeded.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Checks the target and creates the temporary file; false with errorString() on failure.
    [[nodiscard]] bool open();
    // Writes all of `bytes` (a short write goes on with the rest until the system reports why
    // it cannot); false with errorString() on failure, after which commit() fails too.
    [[nodiscard]] bool write(QByteArrayView bytes);
    // Flushes the file to the disk, gives it the target's permissions and renames it over the
    // target; false with errorString() on any failure, the target then left as it was.
    [[nodiscard]] bool commit();

    const QString& path() const { return m_path; }
    const QString& errorString() const { return m_error; }

private:
    bool fail(const QString& reason);
    bool checkTarget();
    bool createTemporaryFile();
    bool targetIsUnchanged();
    void discard();

    QString m_path;
    QString m_error;
    // The file the path finally names, symbolic links followed, and what it was when checked.
    QByteArray m_target;
    bool m_targetExists = false;
    dev_t m_targetDevice = 0;
    ino_t m_targetInode = 0;
    mode_t m_targetMode = 0;
    uid_t m_targetOwner = 0;
    gid_t m_targetGroup = 0;
    QByteArray m_temporary;
    int m_descriptor = -1;
    bool m_committed = false;
};

// Writes `bytes` to `path` through an AtomicFile. Returns the error, or nothing on success.
[[nodiscard]] std::optional<QString> writeFileAtomically(const QString& path, QByteArrayView bytes);

// Checks the target, then lets `writeContent` write the whole file into memory (returning an
// error, or an empty string on success) and writes that through an AtomicFile. Writers that
// only say whether they succeeded (QImageWriter, QSvgGenerator, QPdfWriter) never see the
// disk, so none of its errors can be lost in them.
[[nodiscard]] std::optional<QString>
writeFileAtomically(const QString& path,
                    const std::function<QString(QIODevice& device)>& writeContent);

// What lstat() says of one symbolic link on the way to a target and of the folder it is in,
// and stat() of the file the chain of links finally names.
struct SymlinkFacts
{
    QString link;
    uid_t linkOwner = 0;
    uid_t folderOwner = 0;
    mode_t folderMode = 0;
    QString target;
    uid_t targetOwner = 0;
};

// Why a process running as `user` must not write through the link, or nothing:
// - the rule of Linux's fs.protected_symlinks, which a program that resolves the link itself
//   bypasses and which may be off: in a sticky folder anyone may write to (/tmp), a link is
//   followed only if it belongs to the user or to the folder's owner. Another user's link
//   there is a trap set for whoever writes to a predictable name;
// - a link is followed only if it belongs to the owner of the file it names: a link to a file
//   its owner may not write would otherwise let whoever made it have the file replaced by a
//   user who may (root).
std::optional<QString> symlinkProblem(const SymlinkFacts& facts, uid_t user);

} // namespace ace::files
