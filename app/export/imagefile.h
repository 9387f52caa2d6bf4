#pragma once

#include <QString>

#include <functional>

class QImage;
class QIODevice;

namespace ace::ui {

// Whether `path`'s suffix names a raster format this program can write (png, jpg, bmp, ...).
bool isWritableImagePath(const QString& path);

// Writes `path` atomically with `writeContent`, which writes the whole file to the device it is
// given and returns an error message, or an empty string on success: on any failure the file
// that was there before is left untouched and no partial file remains. Returns an error message
// naming the file, or an empty string on success.
QString writeFileAtomically(const QString& path,
                            const std::function<QString(QIODevice& device)>& writeContent);

// Writes `image` to `path` in the format its suffix names, atomically (as above).
QString writeImageAtomically(const QImage& image, const QString& path);

} // namespace ace::ui
