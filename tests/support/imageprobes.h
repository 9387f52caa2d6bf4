#pragma once

#include <QColor>
#include <QImage>
#include <QRectF>

namespace ace::test {

// Pixel probes for rendered windows and figures: images are checked at known places, never
// against whole golden files.

// Whether each channel of `a` is within `tolerance` of `b`'s.
bool near(QColor a, QColor b, int tolerance);

// The fraction of the pixels in `area` (aligned outwards to whole pixels, clipped to the
// image) within `tolerance` of `color`; 0 for an area outside the image.
double shareOf(const QImage& image, const QRectF& area, const QColor& color, int tolerance = 6);

} // namespace ace::test
