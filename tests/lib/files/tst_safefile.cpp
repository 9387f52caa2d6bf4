// Files written beside their target and renamed over it: a failed write (a full disk, here a
// file size limit) leaves the target as it was and says why; targets that are not regular
// files, read-only files and unsafe symbolic links are refused before anything is written, for
// root too; the replacement keeps the target's permissions.
#include "files/safefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace ace;

namespace {

// An unprivileged user for files that must belong to someone else (root only).
constexpr uid_t nobody = 65534;

QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

mode_t modeOf(const QString& path)
{
    struct stat status
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &status) == 0 ? status.st_mode : 0;
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// The files in `folder`, hidden ones too: a failed write leaves no temporary file behind.
QStringList filesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

// Lowers the largest file this process may write, so that a write runs out of room part-way as
// on a full disk: the kernel then writes what fits and fails the rest with EFBIG (SIGXFSZ
// ignored, as it would otherwise end the process). Restored when it goes out of scope.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &m_previous);
        m_previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_previous;
        limit.rlim_cur = bytes;
        m_active = ::setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_previous);
        std::signal(SIGXFSZ, m_previousHandler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

    bool isActive() const { return m_active; }

private:
    rlimit m_previous{};
    void (*m_previousHandler)(int) = nullptr;
    bool m_active = false;
};

} // namespace

class TestSafeFile : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void writesANewFile();
    void longestNameIsReplacedToo();
    void replacesAFileKeepingItsMode_data();
    void replacesAFileKeepingItsMode();
    void keepsTheOwnerAndGroupWhereItMay();
    void shortWriteLeavesTheTargetAlone();
    void streamedWriteFailureLeavesTheTargetAlone();
    void specialFilesAreRefusedBeforeWriting_data();
    void specialFilesAreRefusedBeforeWriting();
    void readOnlyFileIsRefusedEvenForRoot();
    void ownSymlinkReplacesTheFileItNames();
    void symlinkToNothingIsRefused();
    void symlinkToAnotherOwnersFileIsRefused();
    void anotherUsersSymlinkInAStickyFolderIsRefused();
    void symlinkRules_data();
    void symlinkRules();
    void writerErrorLeavesTheTargetAlone();

private:
    QString path(const QString& name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSafeFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSafeFile::writesANewFile()
{
    const QString file = path(QStringLiteral("new.txt"));
    QCOMPARE(files::writeFileAtomically(file, QByteArray("contents")), std::nullopt);
    QCOMPARE(contentsOf(file), QByteArray("contents"));
    // A new file gets the permissions the umask gives any new file.
    const mode_t umaskNow = ::umask(0);
    ::umask(umaskNow);
    QCOMPARE(modeOf(file) & 07777, mode_t(0666 & ~umaskNow));
    QCOMPARE(filesIn(m_dir->path()), QStringList{QStringLiteral("new.txt")});
}

void TestSafeFile::longestNameIsReplacedToo()
{
    // The temporary file beside it cannot have a longer name than a name may be.
    const QString name = QString(NAME_MAX - 4, u'w') + QStringLiteral(".svg");
    const QString file = path(name);
    QCOMPARE(files::writeFileAtomically(file, QByteArray("first")), std::nullopt);
    QCOMPARE(files::writeFileAtomically(file, QByteArray("second")), std::nullopt);
    QCOMPARE(contentsOf(file), QByteArray("second"));
    QCOMPARE(filesIn(m_dir->path()), QStringList{name});
}

void TestSafeFile::replacesAFileKeepingItsMode_data()
{
    QTest::addColumn<uint>("mode");
    QTest::newRow("0640") << 0640u;
    QTest::newRow("0600") << 0600u;
    QTest::newRow("0664") << 0664u;
    QTest::newRow("0755") << 0755u;
    QTest::newRow("0200 (write only)") << 0200u;
}

void TestSafeFile::replacesAFileKeepingItsMode()
{
    QFETCH(uint, mode);
    const QString file = path(QStringLiteral("kept.txt"));
    QVERIFY(writeFile(file, "old"));
    QCOMPARE(::chmod(QFile::encodeName(file).constData(), mode), 0);
    QCOMPARE(files::writeFileAtomically(file, QByteArray("new")), std::nullopt);
    QCOMPARE(modeOf(file) & 07777, mode_t(mode));
    QVERIFY(S_ISREG(modeOf(file)));
    QCOMPARE(::chmod(QFile::encodeName(file).constData(), 0600), 0);
    QCOMPARE(contentsOf(file), QByteArray("new"));
}

void TestSafeFile::keepsTheOwnerAndGroupWhereItMay()
{
    if (::geteuid() != 0)
        QSKIP("giving a file to another user takes root");
    const QString file = path(QStringLiteral("theirs.txt"));
    QVERIFY(writeFile(file, "old"));
    const QByteArray native = QFile::encodeName(file);
    QCOMPARE(::chown(native.constData(), nobody, nobody), 0);
    QCOMPARE(::chmod(native.constData(), 0640), 0);
    QCOMPARE(files::writeFileAtomically(file, QByteArray("new")), std::nullopt);
    struct stat status
    {
    };
    QCOMPARE(::stat(native.constData(), &status), 0);
    QCOMPARE(status.st_uid, nobody);
    QCOMPARE(status.st_gid, gid_t(nobody));
    QCOMPARE(status.st_mode & 07777, mode_t(0640));
    QCOMPARE(contentsOf(file), QByteArray("new"));
}

void TestSafeFile::shortWriteLeavesTheTargetAlone()
{
    const QString file = path(QStringLiteral("figure.svg"));
    const QByteArray before("<svg>the user's earlier figure</svg>");
    QVERIFY(writeFile(file, before));
    std::optional<QString> error;
    {
        const FileSizeLimit limit(1000);
        QVERIFY(limit.isActive());
        error = files::writeFileAtomically(file, QByteArray(4096, 'x'));
    }
    QCOMPARE(error, file + QStringLiteral(": cannot write: ") + systemError(EFBIG));
    QCOMPARE(contentsOf(file), before);
    QCOMPARE(filesIn(m_dir->path()), QStringList{QStringLiteral("figure.svg")});
}

void TestSafeFile::streamedWriteFailureLeavesTheTargetAlone()
{
    const QString file = path(QStringLiteral("offer.csv"));
    QVERIFY(writeFile(file, "cached"));
    files::AtomicFile replacement(file);
    QVERIFY(replacement.open());
    QVERIFY(replacement.write(QByteArray(100, 'a')));
    {
        const FileSizeLimit limit(500);
        QVERIFY(limit.isActive());
        QVERIFY(!replacement.write(QByteArray(1000, 'b')));
    }
    // The failure sticks: nothing written later makes the file whole.
    QVERIFY(!replacement.write(QByteArray(10, 'c')));
    QVERIFY(!replacement.commit());
    QCOMPARE(replacement.errorString(),
             file + QStringLiteral(": cannot write: ") + systemError(EFBIG));
    QCOMPARE(contentsOf(file), QByteArray("cached"));
    QCOMPARE(filesIn(m_dir->path()), QStringList{QStringLiteral("offer.csv")});
}

void TestSafeFile::specialFilesAreRefusedBeforeWriting_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");
    QTest::newRow("character device") << QStringLiteral("/dev/full")
                                      << QStringLiteral("it is a character device, not a "
                                                        "regular file");
    QTest::newRow("FIFO") << QStringLiteral("pipe")
                          << QStringLiteral("it is a FIFO (named pipe), not a regular file");
    QTest::newRow("folder") << QStringLiteral("folder")
                            << QStringLiteral("it is a folder, not a regular file");
    QTest::newRow("link to a device")
        << QStringLiteral("link-to-null")
        << QStringLiteral("it is a symbolic link to /dev/null, which is a character device, not "
                          "a regular file");
}

void TestSafeFile::specialFilesAreRefusedBeforeWriting()
{
    QFETCH(QString, name);
    QFETCH(QString, reason);
    QCOMPARE(::mkfifo(QFile::encodeName(path(QStringLiteral("pipe"))).constData(), 0600), 0);
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("folder")));
    QVERIFY(QFile::link(QStringLiteral("/dev/null"), path(QStringLiteral("link-to-null"))));
    const QStringList before = filesIn(m_dir->path());
    const QString target = name.startsWith(u'/') ? name : path(name);
    const mode_t kind = modeOf(target) & S_IFMT;

    bool rendered = false;
    const std::optional<QString> error =
        files::writeFileAtomically(target, [&rendered](QIODevice& device) {
            rendered = true;
            device.write("anything");
            return QString();
        });
    QCOMPARE(error, target + QStringLiteral(": cannot write: ") + reason);
    QVERIFY(!rendered);
    QCOMPARE(modeOf(target) & S_IFMT, kind);
    QCOMPARE(filesIn(m_dir->path()), before);
}

void TestSafeFile::readOnlyFileIsRefusedEvenForRoot()
{
    const QString file = path(QStringLiteral("read-only.json"));
    QVERIFY(writeFile(file, "keep me"));
    const QByteArray native = QFile::encodeName(file);
    QCOMPARE(::chmod(native.constData(), 0444), 0);
    QCOMPARE(files::writeFileAtomically(file, QByteArray("replaced")),
             file + QStringLiteral(": cannot write: it is read-only"));
    QCOMPARE(modeOf(file) & 07777, mode_t(0444));
    QCOMPARE(contentsOf(file), QByteArray("keep me"));
    QCOMPARE(filesIn(m_dir->path()), QStringList{QStringLiteral("read-only.json")});
}

void TestSafeFile::ownSymlinkReplacesTheFileItNames()
{
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("elsewhere")));
    const QString real = path(QStringLiteral("elsewhere/real.txt"));
    QVERIFY(writeFile(real, "old"));
    QCOMPARE(::chmod(QFile::encodeName(real).constData(), 0640), 0);
    const QString link = path(QStringLiteral("link.txt"));
    QVERIFY(QFile::link(QStringLiteral("elsewhere/real.txt"), link));
    QCOMPARE(files::writeFileAtomically(link, QByteArray("new")), std::nullopt);
    QVERIFY(S_ISLNK(modeOf(link)));
    QCOMPARE(contentsOf(real), QByteArray("new"));
    QCOMPARE(modeOf(real) & 07777, mode_t(0640));
    QCOMPARE(filesIn(path(QStringLiteral("elsewhere"))), QStringList{QStringLiteral("real.txt")});
    // A link to a folder on the way, relative to the current folder, with "." and "..".
    QVERIFY(QFile::link(QStringLiteral("elsewhere"), path(QStringLiteral("there"))));
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_dir->path()));
    const std::optional<QString> error = files::writeFileAtomically(
        QStringLiteral("./there/../there/real.txt"), QByteArray("again"));
    QVERIFY(QDir::setCurrent(previous));
    QCOMPARE(error, std::nullopt);
    QCOMPARE(contentsOf(real), QByteArray("again"));
}

void TestSafeFile::symlinkToNothingIsRefused()
{
    const QString missing = path(QStringLiteral("missing.txt"));
    const QString link = path(QStringLiteral("dangling.txt"));
    QVERIFY(QFile::link(missing, link));
    QCOMPARE(files::writeFileAtomically(link, QByteArray("new")),
             link + QStringLiteral(": cannot write: it is a symbolic link to ") + missing +
                 QStringLiteral(", which does not exist"));
    QVERIFY(!QFileInfo::exists(missing));
}

void TestSafeFile::symlinkToAnotherOwnersFileIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("giving a file to another user takes root");
    // A user's file that root is tricked into replacing: the link is root's, the file nobody's.
    const QString real = path(QStringLiteral("theirs.txt"));
    QVERIFY(writeFile(real, "theirs"));
    QCOMPARE(::chown(QFile::encodeName(real).constData(), nobody, nobody), 0);
    const QString link = path(QStringLiteral("mine.txt"));
    QVERIFY(QFile::link(real, link));
    const std::optional<QString> error = files::writeFileAtomically(link, QByteArray("new"));
    QVERIFY(error);
    QVERIFY2(error->startsWith(link + QStringLiteral(": cannot write: ") + link +
                               QStringLiteral(" is a symbolic link of root to ") + real),
             qPrintable(*error));
    QCOMPARE(contentsOf(real), QByteArray("theirs"));
}

void TestSafeFile::anotherUsersSymlinkInAStickyFolderIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("planting another user's link takes root");
    // The attack fs.protected_symlinks stops: another user's link in a /tmp-like folder, named
    // as the file a root process is about to write (or as a folder on its way), leading to
    // root's files.
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("shared")));
    QCOMPARE(::chmod(QFile::encodeName(path(QStringLiteral("shared"))).constData(), 01777), 0);
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("root-only")));
    const QString secret = path(QStringLiteral("root-only/report.svg"));
    QVERIFY(writeFile(secret, "secret"));
    QCOMPARE(::chmod(QFile::encodeName(secret).constData(), 0600), 0);
    const QString plantedFile = path(QStringLiteral("shared/report.svg"));
    QVERIFY(QFile::link(secret, plantedFile));
    const QString plantedFolder = path(QStringLiteral("shared/reports"));
    QVERIFY(QFile::link(path(QStringLiteral("root-only")), plantedFolder));
    for (const QString& planted : {plantedFile, plantedFolder}) {
        QCOMPARE(::lchown(QFile::encodeName(planted).constData(), nobody, nobody), 0);
    }

    for (const QString& target :
         QStringList{plantedFile, plantedFolder + QStringLiteral("/report.svg")}) {
        const std::optional<QString> error = files::writeFileAtomically(target, QByteArray("new"));
        QVERIFY(error);
        QVERIFY2(error->contains(QStringLiteral("a folder anyone may write to")),
                 qPrintable(*error));
        QCOMPARE(contentsOf(secret), QByteArray("secret"));
        QCOMPARE(modeOf(secret) & 07777, mode_t(0600));
    }
    // Root's own link in the same folder is followed.
    const QString own = path(QStringLiteral("shared/own.svg"));
    QVERIFY(QFile::link(secret, own));
    QCOMPARE(files::writeFileAtomically(own, QByteArray("new")), std::nullopt);
    QCOMPARE(contentsOf(secret), QByteArray("new"));
}

void TestSafeFile::symlinkRules_data()
{
    QTest::addColumn<uint>("linkOwner");
    QTest::addColumn<uint>("folderOwner");
    QTest::addColumn<uint>("folderMode");
    QTest::addColumn<uint>("targetOwner");
    QTest::addColumn<QString>("problem");
    constexpr uint us = 1000;
    constexpr uint other = 1001;
    const QString trap = QStringLiteral("a folder anyone may write to");
    const QString owners = QStringLiteral("which belongs to");
    QTest::newRow("ours, to our file, in our folder") << us << us << 0755u << us << QString();
    QTest::newRow("ours, to our file, in /tmp") << us << 0u << 01777u << us << QString();
    QTest::newRow("another's, to their file, in /tmp") << other << 0u << 01777u << other << trap;
    QTest::newRow("the folder owner's, in a sticky shared folder")
        << other << other << 01777u << other << QString();
    QTest::newRow("another's, in a shared folder that is not sticky")
        << other << 0u << 0777u << other << QString();
    QTest::newRow("another's, in a sticky folder only its owner writes")
        << other << 0u << 01755u << other << QString();
    QTest::newRow("another's, to our file") << other << other << 0755u << us << owners;
    QTest::newRow("ours, to another's file") << us << us << 0755u << other << owners;
}

void TestSafeFile::symlinkRules()
{
    QFETCH(uint, linkOwner);
    QFETCH(uint, folderOwner);
    QFETCH(uint, folderMode);
    QFETCH(uint, targetOwner);
    QFETCH(QString, problem);
    const files::SymlinkFacts facts{
        QStringLiteral("/tmp/out.png"), linkOwner,  folderOwner, folderMode,
        QStringLiteral("/srv/out.png"), targetOwner};
    const std::optional<QString> found = files::symlinkProblem(facts, 1000);
    QCOMPARE(found.has_value(), !problem.isEmpty());
    if (found) {
        QVERIFY2(found->startsWith(QStringLiteral("/tmp/out.png is a symbolic link")),
                 qPrintable(*found));
        QVERIFY2(found->contains(problem), qPrintable(*found));
    }
}

void TestSafeFile::writerErrorLeavesTheTargetAlone()
{
    const QString file = path(QStringLiteral("figure.pdf"));
    QVERIFY(writeFile(file, "earlier"));
    const std::optional<QString> error = files::writeFileAtomically(file, [](QIODevice& device) {
        device.write(QByteArray(4096, 'x'));
        return QStringLiteral("cannot finish the PDF");
    });
    QCOMPARE(error, file + QStringLiteral(": cannot write: cannot finish the PDF"));
    QCOMPARE(contentsOf(file), QByteArray("earlier"));
    QCOMPARE(filesIn(m_dir->path()), QStringList{QStringLiteral("figure.pdf")});
}

QTEST_GUILESS_MAIN(TestSafeFile)
#include "tst_safefile.moc"
