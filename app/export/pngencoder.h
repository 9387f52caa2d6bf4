#pragma once

#include <QString>

class QImage;
class QIODevice;

namespace ace::ui {

// Encodes `image` as PNG into `device`, with its alpha channel if it has one and its
// resolution; returns an error message (the device's, when a write fails), or an empty string.
//
// libpng directly rather than QImageWriter, for speed: QImageWriter leaves libpng to try every
// row filter on every row, which was half of the start-up's work for a screenshot (issue 16).
// Without a filter and at zlib's fastest level, the flat colours and antialiased edges of the
// diagrams, charts and windows this program draws encode four to five times faster, into files
// no larger than QImageWriter's (tests/bench/bench_export measures both).
QString encodePng(const QImage& image, QIODevice& device);

} // namespace ace::ui
