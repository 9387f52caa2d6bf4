#include "export/imagefile.h"

#include "export/pngencoder.h"
#include "files/safefile.h"

#include <QFileInfo>
#include <QImage>
#include <QImageWriter>

namespace ace::ui {

namespace {
QByteArray formatOf(const QString& path)
{
    return QFileInfo(path).suffix().toLower().toLatin1();
}
} // namespace

bool isWritableImagePath(const QString& path)
{
    const QByteArray format = formatOf(path);
    // PNG is written by encodePng; asking QImageWriter would load every image format plugin,
    // a few milliseconds of every --screenshot's start-up.
    return format == "png" ||
           (!format.isEmpty() && QImageWriter::supportedImageFormats().contains(format));
}

QString writeImageAtomically(const QImage& image, const QString& path)
{
    const auto encode = [&](QIODevice& device) {
        if (formatOf(path) == "png")
            return encodePng(image, device);
        QImageWriter writer(&device, formatOf(path));
        return writer.write(image) ? QString() : writer.errorString();
    };
    return files::writeFileAtomically(path, encode).value_or(QString());
}

} // namespace ace::ui
