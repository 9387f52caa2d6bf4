#include "files/safefile.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace ace::files {

namespace {

// Linux's own limit on the symbolic links followed in one path (MAXSYMLINKS).
constexpr int mostSymlinks = 40;
// What a temporary file's name adds to the target's: a leading and a separating dot and a
// random 32-bit number in base 36.
constexpr int longestMarks = 2 + 7;

QString cannotWrite(const QString& path, const QString& reason)
{
    return path + QStringLiteral(": cannot write: ") + reason;
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString displayed(const QByteArray& nativePath)
{
    return QFile::decodeName(nativePath);
}

QString userName(uid_t user)
{
    passwd entry{};
    passwd* found = nullptr;
    char buffer[1024];
    if (getpwuid_r(user, &entry, buffer, sizeof buffer, &found) == 0 && found)
        return QString::fromLocal8Bit(found->pw_name);
    return QStringLiteral("user %1").arg(user);
}

QByteArray folderOf(const QByteArray& path)
{
    const qsizetype slash = path.lastIndexOf('/');
    if (slash < 0)
        return QByteArrayLiteral(".");
    return slash == 0 ? QByteArrayLiteral("/") : path.left(slash);
}

QByteArray fileNameOf(const QByteArray& path)
{
    return path.mid(path.lastIndexOf('/') + 1);
}

// What a file that is not a regular one is, for the message that refuses it.
QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("a folder");
    if (S_ISCHR(mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(mode))
        return QStringLiteral("a block device");
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO (named pipe)");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("a special file");
}

// What the symbolic link at `link` says, as written in it.
std::optional<QByteArray> readLink(const QByteArray& link)
{
    QByteArray destination(PATH_MAX, '\0');
    const ssize_t length = readlink(link.constData(), destination.data(), destination.size());
    if (length == destination.size())
        errno = ENAMETOOLONG;
    if (length < 0 || length == destination.size())
        return std::nullopt;
    destination.truncate(length);
    return destination;
}

// The parts of a path, without the empty ones and ".".
QByteArrayList partsOf(const QByteArray& path)
{
    QByteArrayList parts = path.split('/');
    parts.removeIf([](const QByteArray& part) { return part.isEmpty() || part == "."; });
    return parts;
}

// The first of symlinkProblem()'s rules, which holds for every link on the way.
std::optional<QString> sharedFolderLinkProblem(const SymlinkFacts& facts, uid_t user)
{
    const bool sharedStickyFolder = (facts.folderMode & S_ISVTX) && (facts.folderMode & S_IWOTH);
    if (sharedStickyFolder && facts.linkOwner != user && facts.linkOwner != facts.folderOwner) {
        return QStringLiteral("%1 is a symbolic link that %2 put in a folder anyone may write to; "
                              "it is not followed")
            .arg(facts.link, userName(facts.linkOwner));
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> symlinkProblem(const SymlinkFacts& facts, uid_t user)
{
    if (std::optional<QString> trap = sharedFolderLinkProblem(facts, user))
        return trap;
    if (facts.linkOwner != facts.targetOwner) {
        return QStringLiteral("%1 is a symbolic link of %2 to %3, which belongs to %4; "
                              "it is not followed")
            .arg(facts.link, userName(facts.linkOwner), facts.target, userName(facts.targetOwner));
    }
    return std::nullopt;
}

AtomicFile::AtomicFile(QString path)
    : m_path(std::move(path))
{}

AtomicFile::~AtomicFile()
{
    if (!m_committed)
        discard();
}

bool AtomicFile::fail(const QString& reason)
{
    if (m_error.isEmpty())
        m_error = cannotWrite(m_path, reason);
    discard();
    return false;
}

void AtomicFile::discard()
{
    if (m_descriptor >= 0) {
        ::close(m_descriptor);
        m_descriptor = -1;
    }
    if (!m_temporary.isEmpty()) {
        ::unlink(m_temporary.constData());
        m_temporary.clear();
    }
}

bool AtomicFile::open()
{
    return checkTarget() && createTemporaryFile();
}

// Walks the path part by part as the kernel would, but reading each symbolic link instead of
// following it, so that each can be checked first: a link anywhere on the way must not be a
// trap in a shared folder, and the links the last part goes through must also belong to the
// owner of the file they lead to. Then checks that file.
bool AtomicFile::checkTarget()
{
    QByteArray given = QFile::encodeName(m_path);
    if (!given.startsWith('/'))
        given = QFile::encodeName(QDir::currentPath()) + '/' + given;
    QByteArrayList pending = partsOf(given);
    QByteArray resolved; // empty: the root folder
    QList<SymlinkFacts> targetLinks;
    int linksFollowed = 0;
    struct stat status = {};
    while (!pending.isEmpty()) {
        const QByteArray part = pending.takeFirst();
        if (part == "..") {
            resolved.truncate(std::max<qsizetype>(0, resolved.lastIndexOf('/')));
            continue;
        }
        const QByteArray candidate = resolved + '/' + part;
        if (::lstat(candidate.constData(), &status) != 0) {
            // A link to nothing would create a file wherever whoever made the link chose.
            if (errno == ENOENT && !targetLinks.isEmpty()) {
                pending.prepend(candidate);
                return fail(QStringLiteral("it is a symbolic link to %1, which does not exist")
                                .arg(displayed(pending.join('/'))));
            }
            if (errno == ENOENT && pending.isEmpty()) {
                resolved = candidate;
                break;
            }
            return fail(systemError(errno));
        }
        if (!S_ISLNK(status.st_mode)) {
            resolved = candidate;
            continue;
        }
        if (++linksFollowed > mostSymlinks)
            return fail(systemError(ELOOP));
        const QByteArray folderPath = resolved.isEmpty() ? QByteArrayLiteral("/") : resolved;
        struct stat folder = {};
        const std::optional<QByteArray> destination = readLink(candidate);
        if (!destination || ::stat(folderPath.constData(), &folder) != 0)
            return fail(systemError(errno));
        const SymlinkFacts link{
            displayed(candidate), status.st_uid, folder.st_uid, folder.st_mode, {}, 0};
        if (const std::optional<QString> problem = sharedFolderLinkProblem(link, geteuid()))
            return fail(*problem);
        if (pending.isEmpty())
            targetLinks.append(link);
        if (destination->startsWith('/'))
            resolved.clear();
        pending = partsOf(*destination) + pending;
    }
    if (resolved.isEmpty())
        resolved = QByteArrayLiteral("/");

    if (::lstat(resolved.constData(), &status) != 0) {
        if (errno != ENOENT)
            return fail(systemError(errno));
        m_target = resolved;
        m_targetExists = false;
        return true;
    }
    const QString subject =
        targetLinks.isEmpty()
            ? QStringLiteral("it")
            : QStringLiteral("it is a symbolic link to %1, which").arg(displayed(resolved));
    if (!S_ISREG(status.st_mode)) {
        return fail(
            QStringLiteral("%1 is %2, not a regular file").arg(subject, kindOf(status.st_mode)));
    }
    for (SymlinkFacts& link : targetLinks) {
        link.target = displayed(resolved);
        link.targetOwner = status.st_uid;
        if (const std::optional<QString> problem = symlinkProblem(link, geteuid()))
            return fail(*problem);
    }
    // Renaming over a file ignores its permissions, and root ignores them anyway: a file that
    // nobody may write is kept as its owner chose.
    if ((status.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
        return fail(QStringLiteral("%1 is read-only").arg(subject));
    if (::faccessat(AT_FDCWD, resolved.constData(), W_OK, AT_EACCESS) != 0)
        return fail(systemError(errno));
    m_target = resolved;
    m_targetExists = true;
    m_targetDevice = status.st_dev;
    m_targetInode = status.st_ino;
    m_targetMode = status.st_mode;
    m_targetOwner = status.st_uid;
    m_targetGroup = status.st_gid;
    return true;
}

bool AtomicFile::createTemporaryFile()
{
    // Beside the target, so that the rename stays on one file system; hidden, and private until
    // commit() gives it the target's permissions (a new file gets the umask's, as any other).
    // The target's name is shortened where the marks would make it longer than a name may be.
    const QByteArray folder = folderOf(m_target);
    const QByteArray prefix =
        folder + "/." + fileNameOf(m_target).left(NAME_MAX - longestMarks) + '.';
    const mode_t mode = m_targetExists ? S_IRUSR | S_IWUSR : 0666;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QByteArray name =
            prefix + QByteArray::number(QRandomGenerator::global()->generate(), 36);
        m_descriptor =
            ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
        if (m_descriptor >= 0) {
            m_temporary = name;
            return true;
        }
        if (errno != EEXIST)
            break;
    }
    return fail(QStringLiteral("cannot create a file in %1: %2")
                    .arg(displayed(folder), systemError(errno)));
}

bool AtomicFile::write(QByteArrayView bytes)
{
    if (m_descriptor < 0)
        return fail(QStringLiteral("the file is not open"));
    const char* next = bytes.data();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(m_descriptor, next, size_t(left));
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0)
            return fail(systemError(errno));
        if (written == 0) {
            return fail(QStringLiteral("wrote only %1 of %2 bytes")
                            .arg(bytes.size() - left)
                            .arg(bytes.size()));
        }
        next += written;
        left -= written;
    }
    return true;
}

bool AtomicFile::targetIsUnchanged()
{
    struct stat status = {};
    if (::lstat(m_target.constData(), &status) != 0)
        return errno == ENOENT && !m_targetExists;
    return m_targetExists && status.st_dev == m_targetDevice && status.st_ino == m_targetInode;
}

bool AtomicFile::commit()
{
    if (m_descriptor < 0)
        return fail(QStringLiteral("the file is not open"));
    if (::fsync(m_descriptor) != 0)
        return fail(systemError(errno));
    if (m_targetExists) {
        mode_t mode = m_targetMode & 07777;
        // Only root may keep another user as the owner, and only a member may keep the group:
        // what the mode grants an owner or group the file cannot keep (setuid, setgid, the
        // group's rights) is not granted to the one it gets instead.
        if (::fchown(m_descriptor, m_targetOwner, m_targetGroup) != 0) {
            mode &= ~mode_t(S_ISUID | S_ISGID);
            if (::fchown(m_descriptor, uid_t(-1), m_targetGroup) != 0)
                mode &= ~mode_t(S_IRWXG);
        }
        if (::fchmod(m_descriptor, mode) != 0)
            return fail(systemError(errno));
    }
    const int descriptor = std::exchange(m_descriptor, -1);
    // Network file systems report a failed write as late as this.
    if (::close(descriptor) != 0)
        return fail(systemError(errno));
    if (!targetIsUnchanged())
        return fail(QStringLiteral("it was changed by someone else while it was written"));
    if (::rename(m_temporary.constData(), m_target.constData()) != 0)
        return fail(systemError(errno));
    m_temporary.clear();
    m_committed = true;
    // The rename itself reaches the disk with the folder.
    const int folder = ::open(folderOf(m_target).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
    return true;
}

std::optional<QString> writeFileAtomically(const QString& path, QByteArrayView bytes)
{
    AtomicFile file(path);
    if (!file.open() || !file.write(bytes) || !file.commit())
        return file.errorString();
    return std::nullopt;
}

std::optional<QString>
writeFileAtomically(const QString& path,
                    const std::function<QString(QIODevice& device)>& writeContent)
{
    AtomicFile file(path);
    if (!file.open())
        return file.errorString();
    QByteArray content;
    QBuffer buffer(&content);
    buffer.open(QIODevice::WriteOnly);
    const QString error = writeContent(buffer);
    if (!error.isEmpty())
        return cannotWrite(path, error);
    if (!file.write(content) || !file.commit())
        return file.errorString();
    return std::nullopt;
}

} // namespace ace::files
