#include "pricing/numberrules.h"

#include <QLocale>

#include <cmath>

namespace ace {

namespace {

// Enough for any rate or bound without exponent noise.
constexpr int plainDecimals = 10;

// From here on fixed-point text is a wall of digits (1.7e308 has 309): such numbers are
// written in exponent form.
constexpr double largestFixed = 1e15;

QString shortestText(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// Fixed-point text with trailing zeros (and a trailing point) dropped. QLocale would group
// thousands too, but costs a microsecond a call, which dominated the time of an estimate.
QString trimmedFixed(double value, int decimals)
{
    if (!(std::abs(value) <= largestFixed))
        return shortestText(value);
    QString text = QString::number(value, 'f', decimals);
    if (text.contains(u'.')) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    return text == QLatin1String("-0") ? QStringLiteral("0") : text;
}

// A value found in a file, exactly: rounding it could print the very bound it breaks ("must be
// at most 1, found 1" for 1.00000000001).
QString exactNumberText(double value)
{
    const QString plain = trimmedFixed(value, plainDecimals);
    if (value == 0 || plain.toDouble() == value)
        return formatGroupedNumber(value, plainDecimals);
    return shortestText(value);
}

} // namespace

bool NumberRule::admits(double value) const
{
    const bool aboveMin = minInclusive ? value >= min : value > min;
    const bool belowMax = maxInclusive ? value <= max : value < max;
    return aboveMin && belowMax && (!wholeNumber || std::floor(value) == value);
}

QString NumberRule::describe() const
{
    const QString lower = formatGroupedNumber(min, plainDecimals);
    QString text;
    if (std::isinf(max))
        text =
            (minInclusive ? QStringLiteral("at least ") : QStringLiteral("greater than ")) + lower;
    else if (minInclusive && maxInclusive)
        text =
            QStringLiteral("between %1 and %2").arg(lower, formatGroupedNumber(max, plainDecimals));
    else
        text = QStringLiteral("greater than %1 and at most %2")
                   .arg(lower, formatGroupedNumber(max, plainDecimals));
    return wholeNumber ? QStringLiteral("a whole number ") + text : text;
}

QString formatPlainNumber(double value)
{
    return trimmedFixed(value, plainDecimals);
}

QString formatGroupedNumber(double value, int maxDecimals)
{
    QString text = trimmedFixed(value, maxDecimals);
    // A value too small for the decimals shown is not zero: "÷ 0 target utilization" would
    // hide the very number that explains an estimate.
    if (text == QLatin1String("0") && value != 0)
        return shortestText(value);
    if (text.contains(u'e'))
        return text;
    const qsizetype firstDigit = text.startsWith(u'-') ? 1 : 0;
    const qsizetype point = text.indexOf(u'.');
    for (qsizetype i = (point < 0 ? text.size() : point) - 3; i > firstDigit; i -= 3)
        text.insert(i, u',');
    return text;
}

void requireNumber(double value, const NumberRule& rule, const JsonLocation& where)
{
    if (!rule.admits(value)) {
        where.fail(
            QStringLiteral("must be %1, found %2").arg(rule.describe(), exactNumberText(value)));
    }
}

double readNumber(JsonObjectReader& reader, const QString& key, const NumberRule& rule)
{
    const double value = reader.number(key);
    requireNumber(value, rule, reader.locationOf(key));
    return value;
}

double readNumber(JsonObjectReader& reader, const QString& key, double fallback,
                  const NumberRule& rule)
{
    if (!reader.has(key))
        return reader.number(key, fallback);
    return readNumber(reader, key, rule);
}

} // namespace ace
