#pragma once

#include <QStandardPaths>
#include <QString>

namespace ace::ui {

// The desktop's folder of this kind (Documents, Pictures) where it exists, else home: a plain
// window manager creates no such folders, and creating one unasked would litter home. File
// dialogs start there until the user has chosen a folder of their own.
QString existingFolderOrHome(QStandardPaths::StandardLocation location);

} // namespace ace::ui
