#include "ui/imagefile.h"

#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QSaveFile>

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
    return !format.isEmpty() && QImageWriter::supportedImageFormats().contains(format);
}

QString writeImageAtomically(const QImage& image, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return path + QStringLiteral(": cannot write: ") + file.errorString();
    QImageWriter writer(&file, formatOf(path));
    if (!writer.write(image)) {
        file.cancelWriting();
        return path + QStringLiteral(": cannot write: ") + writer.errorString();
    }
    if (!file.commit())
        return path + QStringLiteral(": cannot write: ") + file.errorString();
    return {};
}

} // namespace ace::ui
