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
// Without a filter and at zlib level 3 (the last of its fast levels: as fast as level 1 here,
// and 8% smaller), the flat colours and antialiased edges of the diagrams, charts and windows
// this program draws encode four times faster. A window screenshot comes out smaller than
// QImageWriter's; a 4K diagram export about 17% larger (tests/bench/bench_export).
QString encodePng(const QImage& image, QIODevice& device);

} // namespace ace::ui
