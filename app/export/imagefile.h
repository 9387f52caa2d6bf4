#pragma once

#include <QString>

class QImage;

namespace ace::ui {

// Whether `path`'s suffix names a raster format this program can write (png, jpg, bmp, ...).
bool isWritableImagePath(const QString& path);

// Writes `image` to `path` in the format its suffix names, through files::writeFileAtomically:
// on any failure the file that was there is left untouched. Returns an error message naming
// the file, or an empty string on success.
QString writeImageAtomically(const QImage& image, const QString& path);

} // namespace ace::ui
