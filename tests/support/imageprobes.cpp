#include "imageprobes.h"

#include <cstdlib>

namespace ace::test {

bool near(QColor a, QColor b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

double shareOf(const QImage& image, const QRectF& area, const QColor& color, int tolerance)
{
    const QRect pixels = area.toAlignedRect().intersected(image.rect());
    int matching = 0;
    for (int y = pixels.top(); y <= pixels.bottom(); ++y) {
        for (int x = pixels.left(); x <= pixels.right(); ++x)
            matching += near(image.pixelColor(x, y), color, tolerance) ? 1 : 0;
    }
    return pixels.isEmpty() ? 0 : double(matching) / (pixels.width() * pixels.height());
}

} // namespace ace::test
