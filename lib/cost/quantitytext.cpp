#include "cost/quantitytext.h"

#include <QLocale>

#include <cmath>

namespace ace {

namespace {

struct Magnitude
{
    char16_t suffix;
    double factor;
};

constexpr Magnitude magnitudes[] = {{u'B', 1e9}, {u'M', 1e6}, {u'k', 1e3}};

} // namespace

std::optional<double> parseQuantity(const QString& text)
{
    QString digits = text.trimmed();
    digits.remove(u',').remove(u'_').remove(u' ');
    double factor = 1;
    if (!digits.isEmpty()) {
        const QChar last = digits.back().toLower();
        for (const Magnitude& magnitude : magnitudes) {
            if (last == QChar(magnitude.suffix).toLower()) {
                factor = magnitude.factor;
                digits.chop(1);
                break;
            }
        }
    }
    bool ok = false;
    // The C locale: "3.5" means three and a half whatever the user's locale, as in files.
    const double value = QLocale::c().toDouble(digits, &ok);
    if (!ok || !std::isfinite(value * factor))
        return std::nullopt;
    return value * factor;
}

QString shortQuantity(double value)
{
    for (const Magnitude& magnitude : magnitudes) {
        if (std::abs(value) >= magnitude.factor) {
            return QLocale::c().toString(value / magnitude.factor, 'g', 3) +
                   QChar(magnitude.suffix);
        }
    }
    return QLocale::c().toString(value, 'g', 3);
}

QString groupedNumber(double value, int decimals)
{
    QLocale locale = QLocale::c();
    locale.setNumberOptions(QLocale::DefaultNumberOptions); // C locale omits group separators
    QString text = locale.toString(value, 'f', decimals);
    if (decimals > 0 && text.contains(u'.')) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    return text;
}

namespace {
// A discount is the one negative amount: its sign goes before the currency, "-$18.22".
QString withCurrency(QString number, const QString& currency)
{
    if (currency != QLatin1String("USD"))
        return number + u' ' + currency;
    const bool negative = number.startsWith(u'-');
    if (negative)
        number.remove(0, 1);
    return (negative ? QStringLiteral("-$") : QStringLiteral("$")) + number;
}
} // namespace

QString money(double amount, const QString& currency)
{
    QLocale locale = QLocale::c();
    locale.setNumberOptions(QLocale::DefaultNumberOptions);
    return withCurrency(locale.toString(amount, 'f', 2), currency);
}

QString moneyRate(double rate, const QString& currency)
{
    // Price list rates have up to ten decimals (e.g. $0.0000000309 per GB-s); whole cents at
    // least, as prices are written ($0.10, not $0.1).
    QString number = groupedNumber(rate, 10);
    const qsizetype point = number.indexOf(u'.');
    const qsizetype decimals = point < 0 ? 0 : number.size() - point - 1;
    if (point < 0)
        number += u'.';
    if (decimals < 2)
        number += QString(2 - decimals, u'0');
    return withCurrency(number, currency);
}

} // namespace ace
