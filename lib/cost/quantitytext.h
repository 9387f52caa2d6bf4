#pragma once

#include <QString>

#include <optional>

namespace ace {

// Reads a count as people type it: "3000000", "3,000,000", "3 000 000", "3e6", "3M", "2.5k",
// "1.2B". Suffixes are k (thousand), M (million) and B (billion), in either case. Returns
// nullopt for anything else, including infinities and NaN.
std::optional<double> parseQuantity(const QString& text);

// A count written short for labels: 950, 12.5k, 41.2M, 3B (three significant digits at most).
QString shortQuantity(double value);

// A count with thousands separators: 3,000,000; fractions keep up to `decimals` digits.
QString groupedNumber(double value, int decimals = 0);

// An amount of money for display: "$1,234.57" in US dollars, "1,234.57 EUR" otherwise; a
// negative one (a discount) "-$18.22".
QString money(double amount, const QString& currency);

// A rate for display with all its significant digits: "$0.0000166667"; a discount's "-$0.30".
QString moneyRate(double rate, const QString& currency);

} // namespace ace
