#include "diagram/diagramtext.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>

#include <algorithm>
#include <cmath>

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

QStringList wordsOf(const QString& text)
{
    return text.split(u' ', Qt::SkipEmptyParts);
}

// A text's words, each shaped once: the width of a run of words is the sum of theirs and the
// spaces between, so breaking and the search for the narrowest width shape no line again
// (shaping whole lines for every candidate width was most of the diagram's start-up). A
// font may kern a letter against a space, so the lines chosen are measured whole once more
// before they are trusted (see linesIn).
class MeasuredWords
{
    // Zooming re-measures nothing (the fonts are in pixels), so a handful of fonts is all
    // the diagram uses; the limit only bounds a caller that measures in many fonts.
    static constexpr qsizetype maxCachedFonts = 64;

public:
    MeasuredWords(const QString& text, const QFont& font)
        : m_metrics(font)
        , m_words(wordsOf(text))
    {
        // The diagram measures each label several times (for one line, for two, to break it),
        // and labels share words: each word, and the space, is shaped once per font. The
        // diagram is built on one thread at a time; a thread of its own gets its own widths.
        thread_local QHash<QString, QHash<QString, qreal>> widthsByFont;
        if (widthsByFont.size() > maxCachedFonts)
            widthsByFont.clear();
        QHash<QString, qreal>& widths = widthsByFont[font.key()];
        const auto widthOf = [&](const QString& word) {
            auto width = widths.constFind(word);
            if (width == widths.cend())
                width = widths.insert(word, m_metrics.horizontalAdvance(word));
            return *width;
        };
        m_space = widthOf(QStringLiteral(" "));
        m_widthBefore.reserve(m_words.size() + 1);
        m_widthBefore.append(0);
        for (const QString& word : std::as_const(m_words))
            m_widthBefore.append(m_widthBefore.constLast() + widthOf(word));
    }

    qsizetype count() const { return m_words.size(); }
    const QFontMetricsF& metrics() const { return m_metrics; }

    // The width of `count` words from `first`, on one line.
    qreal runWidth(qsizetype first, qsizetype count) const
    {
        return m_widthBefore[first + count] - m_widthBefore[first] + (count - 1) * m_space;
    }

    // Greedy breaking at spaces: each line takes as many words as fit in `width`. The first
    // word of each line, and the end.
    QList<qsizetype> lineStarts(qreal width) const
    {
        QList<qsizetype> starts;
        for (qsizetype word = 0; word < count(); ++word) {
            if (starts.isEmpty() ||
                runWidth(starts.constLast(), word - starts.constLast() + 1) > width)
                starts.append(word);
        }
        starts.append(count());
        return starts;
    }

    // The lines of greedy breaking in `width`, each measured whole: where kerning against a
    // space makes one wider than its words' sum says, broken again by measuring whole lines.
    QStringList linesIn(qreal width) const
    {
        const QList<qsizetype> starts = lineStarts(width);
        QStringList lines;
        for (qsizetype line = 0; line + 1 < starts.size(); ++line) {
            lines.append(m_words.mid(starts[line], starts[line + 1] - starts[line]).join(u' '));
            if (starts[line + 1] - starts[line] > 1 &&
                m_metrics.horizontalAdvance(lines.constLast()) > width)
                return linesMeasuredWholeIn(width);
        }
        return lines;
    }

private:
    QStringList linesMeasuredWholeIn(qreal width) const
    {
        QStringList lines;
        for (const QString& word : m_words) {
            if (!lines.isEmpty()) {
                const QString extended = lines.constLast() + u' ' + word;
                if (m_metrics.horizontalAdvance(extended) <= width) {
                    lines.last() = extended;
                    continue;
                }
            }
            lines.append(word);
        }
        return lines;
    }

    QFontMetricsF m_metrics;
    QStringList m_words;
    qreal m_space = 0;
    QList<qreal> m_widthBefore; // the sum of the widths of the words before each
};

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
    const MeasuredWords words(text, font);
    if (words.count() == 0)
        return 0;
    // The answer is the width of some run of consecutive words. Greedy breaking needs no more
    // lines in a wider space, so the narrowest run width that needs few enough lines is found
    // by bisection over the sorted run widths.
    QList<qreal> candidates;
    for (qsizetype first = 0; first < words.count(); ++first) {
        for (qsizetype count = 1; first + count <= words.count(); ++count)
            candidates.append(words.runWidth(first, count));
    }
    std::sort(candidates.begin(), candidates.end());
    const auto fits =
        std::partition_point(candidates.cbegin(), candidates.cend(), [&](qreal width) {
            return words.lineStarts(width).size() - 1 > maxLines;
        });
    if (fits == candidates.cend())
        return 0;
    // The lines measured whole, should kerning make one wider than its words' sum.
    qreal widest = *fits;
    for (const QString& line : words.linesIn(*fits))
        widest = std::max(widest, words.metrics().horizontalAdvance(line));
    return std::ceil(widest);
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
    const MeasuredWords words(text, font);
    const auto lineCount = std::min<qsizetype>(words.lineStarts(width).size() - 1, maxLines);
    // Re-breaking at the narrowest width that keeps the line count evens out the lines.
    // (When even `maxLines` lines do not fit, this is the narrowest they can be.)
    m_lines = words.linesIn(narrowestWidth(text, font, int(lineCount)));
    const QFontMetricsF& metrics = words.metrics();
    qreal widest = 0;
    for (const QString& line : std::as_const(m_lines))
        widest = std::max(widest, metrics.horizontalAdvance(line));
    m_size = {widest, heightOf(int(m_lines.size()), font)};
}

TextBlock TextBlock::singleLine(const QString& text, const QFont& font)
{
    // What the general constructor gives for one line, shaped once: labels such as the
    // headers' costs are made anew at every paint.
    TextBlock block;
    block.m_font = font;
    const QString line = wordsOf(text).join(u' ');
    if (!line.isEmpty())
        block.m_lines = {line};
    block.m_size = {QFontMetricsF(font).horizontalAdvance(line),
                    heightOf(int(block.m_lines.size()), font)};
    return block;
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
