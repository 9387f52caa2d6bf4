// Renders the application's SVG icon into the PNG sizes of the hicolor icon theme, at build
// time, so that only the drawing is checked in:
//   render-icon ICON.svg OUTDIR NAME SIZE...  writes OUTDIR/<SIZE>x<SIZE>/apps/NAME.png
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QTextStream err(stderr);
    if (argc < 5) {
        err << "usage: render-icon ICON.svg OUTDIR NAME SIZE..." << Qt::endl;
        return 2;
    }
    const QString svgFile = QString::fromLocal8Bit(argv[1]);
    const QString outDir = QString::fromLocal8Bit(argv[2]);
    const QString name = QString::fromLocal8Bit(argv[3]);

    QSvgRenderer renderer(svgFile);
    if (!renderer.isValid()) {
        err << "render-icon: " << svgFile << ": not a valid SVG file" << Qt::endl;
        return 2;
    }
    for (int i = 4; i < argc; ++i) {
        bool ok = false;
        const int size = QString::fromLocal8Bit(argv[i]).toInt(&ok);
        if (!ok || size <= 0) {
            err << "render-icon: bad size \"" << argv[i] << "\"" << Qt::endl;
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter, QRectF(0, 0, size, size));
        painter.end();

        const QString dir = outDir + QStringLiteral("/%1x%1/apps").arg(size);
        const QString file = dir + QLatin1Char('/') + name + QStringLiteral(".png");
        if (!QDir().mkpath(dir) || !image.save(file, "PNG")) {
            err << "render-icon: cannot write " << file << Qt::endl;
            return 1;
        }
    }
    return 0;
}
