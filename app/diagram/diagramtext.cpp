#include "diagram/diagramtext.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ace::diagram {

namespace {

QFont diagramFont(int pixelSize, QFont::Weight weight)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(pixelSize);
    font.setWeight(weight);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

// Greedy line breaking at spaces: each line takes as many words as fit in `width`.
QStringList brokenLines(const QStringList& words, const QFontMetricsF& metrics, qreal width)
{
    QStringList lines;
    for (const QString& word : words) {
        if (!lines.isEmpty()) {
            const QString extended = lines.constLast() + u' ' + word;
            if (metrics.horizontalAdvance(extended) <= width) {
                lines.last() = extended;
                continue;
            }
        }
        lines.append(word);
    }
    return lines;
}

QStringList wordsOf(const QString& text)
{
    return text.split(u' ', Qt::SkipEmptyParts);
}

} // namespace

DiagramFonts DiagramFonts::standard()
{
    return {diagramFont(14, QFont::Bold),     diagramFont(14, QFont::DemiBold),
            diagramFont(11, QFont::Normal),   diagramFont(13, QFont::Normal),
            diagramFont(12, QFont::DemiBold), diagramFont(12, QFont::Normal)};
}

int DiagramFonts::smallestPixelSize() const
{
    return std::min({header.pixelSize(), block.pixelSize(), detail.pixelSize(), layer.pixelSize(),
                     cell.pixelSize(), caption.pixelSize()});
}

qreal TextBlock::narrowestWidth(const QString& text, const QFont& font, int maxLines)
{
    // The answer is the width of some run of consecutive words, so try those, narrowest
    // first, and take the first in which greedy breaking needs few enough lines.
    const QFontMetricsF metrics(font);
    const QStringList words = wordsOf(text);
    QList<qreal> candidates;
    for (qsizetype first = 0; first < words.size(); ++first) {
        for (qsizetype count = 1; first + count <= words.size(); ++count)
            candidates.append(metrics.horizontalAdvance(words.mid(first, count).join(u' ')));
    }
    std::sort(candidates.begin(), candidates.end());
    for (const qreal width : std::as_const(candidates)) {
        if (brokenLines(words, metrics, width).size() <= maxLines)
            return std::ceil(width);
    }
    return 0;
}

qreal TextBlock::heightOf(int lines, const QFont& font)
{
    if (lines <= 0)
        return 0;
    const QFontMetricsF metrics(font);
    return lines * metrics.height() + (lines - 1) * metrics.leading();
}

TextBlock::TextBlock(const QString& text, const QFont& font, qreal width, int maxLines)
    : m_font(font)
{
    const QFontMetricsF metrics(font);
    const QStringList words = wordsOf(text);
    const auto lineCount = std::min<qsizetype>(brokenLines(words, metrics, width).size(), maxLines);
    // Re-breaking at the narrowest width that keeps the line count evens out the lines.
    // (When even `maxLines` lines do not fit, this is the narrowest they can be.)
    m_lines = brokenLines(words, metrics, narrowestWidth(text, font, int(lineCount)));
    qreal widest = 0;
    for (const QString& line : std::as_const(m_lines))
        widest = std::max(widest, metrics.horizontalAdvance(line));
    m_size = {widest, heightOf(int(m_lines.size()), font)};
}

TextBlock TextBlock::singleLine(const QString& text, const QFont& font)
{
    return TextBlock(text, font, std::numeric_limits<qreal>::max(), 1);
}

QRectF TextBlock::placedIn(const QRectF& rect, Qt::Alignment alignment) const
{
    QRectF placed({}, m_size);
    if (alignment & Qt::AlignLeft)
        placed.moveLeft(rect.left());
    else if (alignment & Qt::AlignRight)
        placed.moveRight(rect.right());
    else
        placed.moveLeft(rect.center().x() - m_size.width() / 2);
    if (alignment & Qt::AlignTop)
        placed.moveTop(rect.top());
    else if (alignment & Qt::AlignBottom)
        placed.moveBottom(rect.bottom());
    else
        placed.moveTop(rect.center().y() - m_size.height() / 2);
    return placed;
}

void TextBlock::paint(QPainter* painter, const QRectF& rect, Qt::Alignment alignment) const
{
    const QFontMetricsF metrics(m_font);
    const QRectF placed = placedIn(rect, alignment);
    painter->setFont(m_font);
    qreal baseline = placed.top() + metrics.ascent();
    for (const QString& line : m_lines) {
        const qreal advance = metrics.horizontalAdvance(line);
        qreal x = placed.left() + (placed.width() - advance) / 2;
        if (alignment & Qt::AlignLeft)
            x = placed.left();
        else if (alignment & Qt::AlignRight)
            x = placed.right() - advance;
        painter->drawText(QPointF(x, baseline), line);
        baseline += metrics.height() + metrics.leading();
    }
}

} // namespace ace::diagram
