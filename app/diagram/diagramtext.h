#pragma once

#include <QFont>
#include <QRectF>
#include <QStringList>

class QPainter;

namespace ace::diagram {

// The diagram's type scale. Sizes are in pixels, not points, so the scene's geometry is the
// same on every screen and in every export; hinting is off so text scales linearly with the
// view's zoom and never outgrows the space measured for it.
struct DiagramFonts
{
    QFont header;  // option names above the columns
    QFont block;   // service names in the blocks
    QFont detail;  // secondary lines: a block's category, "runs directly on …"
    QFont layer;   // layer names left of the responsibility bands
    QFont cell;    // AWS / You / Shared / n/a
    QFont caption; // section captions and the legend

    static DiagramFonts standard();

    // The pixel size of the smallest of the fonts, at 100 %.
    int smallestPixelSize() const;
};

// A label broken at spaces into at most a few lines, measured with QFontMetricsF, so items
// can be sized from their text and the text can be checked never to overlap or be cut.
class TextBlock
{
public:
    TextBlock() = default;
    // Breaks `text` to fit `width`: on one line if it fits, otherwise into the fewest lines
    // that fit (at most `maxLines`), with the lines as even as possible.
    TextBlock(const QString& text, const QFont& font, qreal width, int maxLines = 2);

    static TextBlock singleLine(const QString& text, const QFont& font);

    // The narrowest width in which `text` fits in `maxLines` lines.
    static qreal narrowestWidth(const QString& text, const QFont& font, int maxLines = 2);
    // The height of `lines` lines of `font`.
    static qreal heightOf(int lines, const QFont& font);

    const QStringList& lines() const { return m_lines; }
    QString text() const { return m_lines.join(u' '); }
    QSizeF size() const { return m_size; }

    // Where paint() puts the text inside `rect`.
    QRectF placedIn(const QRectF& rect, Qt::Alignment alignment) const;
    void paint(QPainter* painter, const QRectF& rect, Qt::Alignment alignment) const;

private:
    QFont m_font;
    QStringList m_lines;
    QSizeF m_size;
};

} // namespace ace::diagram
