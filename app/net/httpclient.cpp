#include "net/httpclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>

namespace ace::net {

QString downloadModuleFileName()
{
    return QStringLiteral("libace_download.so");
}

QStringList downloadModuleFolders()
{
    const QString programFolder = QCoreApplication::applicationDirPath();
    return {programFolder,
            QDir::cleanPath(programFolder + QStringLiteral("/" ACE_DOWNLOAD_MODULE_DIR_FROM_BIN))};
}

std::variant<std::unique_ptr<HttpClient>, QString> loadHttpClient(const QStringList& folders)
{
    const auto failure = [](const QString& module, const QString& reason) {
        return QStringLiteral("the download module %1 could not be loaded: %2").arg(module, reason);
    };
    QString path;
    for (const QString& folder : folders) {
        const QString candidate = QDir(folder).filePath(downloadModuleFileName());
        if (QFileInfo::exists(candidate)) {
            path = candidate;
            break;
        }
    }
    if (path.isEmpty()) {
        return failure(downloadModuleFileName(),
                       QStringLiteral("it is in none of %1")
                           .arg(QDir::toNativeSeparators(folders.join(QStringLiteral(", ")))));
    }
    // Never unloaded: the GETs it makes may be deleted late, and a download is rare enough
    // that keeping the module mapped costs nothing worth saving.
    QLibrary module(path);
    if (!module.load())
        return failure(path, module.errorString());
    using Factory = HttpClient* (*)();
    const auto create =
        reinterpret_cast<Factory>(module.resolve(QT_STRINGIFY(ACE_DOWNLOAD_MODULE_FACTORY)));
    if (!create) {
        return failure(path, QStringLiteral("it has no %1; it is from another version of the "
                                            "program")
                                 .arg(QLatin1String(QT_STRINGIFY(ACE_DOWNLOAD_MODULE_FACTORY))));
    }
    return std::unique_ptr<HttpClient>(create());
}

} // namespace ace::net
