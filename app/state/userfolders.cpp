#include "state/userfolders.h"

#include <QDir>
#include <QFileInfo>

namespace ace::ui {

QString existingFolderOrHome(QStandardPaths::StandardLocation location)
{
    const QString folder = QStandardPaths::writableLocation(location);
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

} // namespace ace::ui
