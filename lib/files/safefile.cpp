#include "files/safefile.h"

#include <QBuffer>
#include <QFile>
#include <QRandomGenerator>

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

// The file a symbolic link at `link` names, relative links taken from the link's folder.
std::optional<QByteArray> readLink(const QByteArray& link)
{
    QByteArray destination(4096, '\0');
    const ssize_t length = readlink(link.constData(), destination.data(), destination.size());
    if (length == destination.size())
        errno = ENAMETOOLONG;
    if (length < 0 || length == destination.size())
        return std::nullopt;
    destination.truncate(length);
    if (destination.startsWith('/'))
        return destination;
    return folderOf(link) + '/' + destination;
}

} // namespace

std::optional<QString> symlinkProblem(const SymlinkFacts& facts, uid_t user)
{
    const bool sharedStickyFolder = (facts.folderMode & S_ISVTX) && (facts.folderMode & S_IWOTH);
    if (sharedStickyFolder && facts.linkOwner != user && facts.linkOwner != facts.folderOwner) {
        return QStringLiteral("%1 is a symbolic link that %2 put in a folder anyone may write to; "
                              "it is not followed")
            .arg(facts.link, userName(facts.linkOwner));
    }
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

// Follows the symbolic links of the path's last part one by one (reading them, as the kernel
// would follow them) so that each can be checked, then checks the file they lead to.
bool AtomicFile::checkTarget()
{
    QByteArray current = QFile::encodeName(m_path);
    QList<SymlinkFacts> links;
    struct stat status
    {
    };
    for (;;) {
        if (::lstat(current.constData(), &status) == 0) {
            if (!S_ISLNK(status.st_mode))
                break;
            if (links.size() == mostSymlinks)
                return fail(systemError(ELOOP));
            struct stat folder
            {
            };
            const std::optional<QByteArray> next = readLink(current);
            if (!next || ::stat(folderOf(current).constData(), &folder) != 0)
                return fail(systemError(errno));
            links.append({displayed(current), status.st_uid, folder.st_uid, folder.st_mode, {}, 0});
            current = *next;
            continue;
        }
        if (errno != ENOENT)
            return fail(systemError(errno));
        // A link to nothing would create a file wherever whoever made the link chose.
        if (!links.isEmpty()) {
            return fail(QStringLiteral("it is a symbolic link to %1, which does not exist")
                            .arg(displayed(current)));
        }
        m_target = current;
        m_targetExists = false;
        return true;
    }

    const QString subject =
        links.isEmpty()
            ? QStringLiteral("it")
            : QStringLiteral("it is a symbolic link to %1, which").arg(displayed(current));
    if (!S_ISREG(status.st_mode)) {
        return fail(
            QStringLiteral("%1 is %2, not a regular file").arg(subject, kindOf(status.st_mode)));
    }
    for (SymlinkFacts& link : links) {
        link.target = displayed(current);
        link.targetOwner = status.st_uid;
        if (const std::optional<QString> problem = symlinkProblem(link, geteuid()))
            return fail(*problem);
    }
    // Renaming over a file ignores its permissions, and root ignores them anyway: a file that
    // nobody may write is kept as its owner chose.
    if ((status.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
        return fail(QStringLiteral("%1 is read-only").arg(subject));
    if (::faccessat(AT_FDCWD, current.constData(), W_OK, AT_EACCESS) != 0)
        return fail(systemError(errno));
    m_target = current;
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
    struct stat status
    {
    };
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
        // Keeping the owner takes root, the group membership of it: the permissions that go
        // with an owner or group the file cannot keep are not given to another one.
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
