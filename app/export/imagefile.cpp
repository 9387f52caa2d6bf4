#include "export/imagefile.h"

#include "export/pngencoder.h"

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

QString cannotWrite(const QString& path, const QString& reason)
{
    return path + QStringLiteral(": cannot write: ") + reason;
}
} // namespace

bool isWritableImagePath(const QString& path)
{
    const QByteArray format = formatOf(path);
    return !format.isEmpty() && QImageWriter::supportedImageFormats().contains(format);
}

QString writeFileAtomically(const QString& path,
                            const std::function<QString(QIODevice& device)>& writeContent)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(path, file.errorString());
    QString error = writeContent(file);
    // Writers that only say whether they succeeded (QPdfWriter, QSvgGenerator) leave a failed
    // write (a full disk) in the file's error state.
    if (error.isEmpty() && file.error() != QFileDevice::NoError)
        error = file.errorString();
    if (!error.isEmpty()) {
        file.cancelWriting();
        return cannotWrite(path, error);
    }
    if (!file.commit())
        return cannotWrite(path, file.errorString());
    return {};
}

QString writeImageAtomically(const QImage& image, const QString& path)
{
    return writeFileAtomically(path, [&](QIODevice& device) {
        if (formatOf(path) == "png")
            return encodePng(image, device);
        QImageWriter writer(&device, formatOf(path));
        return writer.write(image) ? QString() : writer.errorString();
    });
}

} // namespace ace::ui
