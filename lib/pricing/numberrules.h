#pragma once

#include "json/jsonreader.h"

#include <limits>

namespace ace {

// The values a number in a data file may take. Price books and workloads share these rules so
// that every out-of-range value is reported the same way: "must be between 128 and 10240,
// found 64".
struct NumberRule
{
    double min = 0;
    bool minInclusive = true;
    double max = std::numeric_limits<double>::infinity();
    bool maxInclusive = true;
    bool wholeNumber = false;

    static NumberRule atLeast(double min) { return {min, true}; }
    static NumberRule greaterThan(double min) { return {min, false}; }
    static NumberRule between(double min, double max) { return {min, true, max, true}; }
    static NumberRule aboveAndAtMost(double min, double max) { return {min, false, max, true}; }
    NumberRule whole() const
    {
        NumberRule rule = *this;
        rule.wholeNumber = true;
        return rule;
    }

    bool admits(double value) const;
    // "between 128 and 10240", "greater than 0 and at most 1", "at least 1", ...
    QString describe() const;
};

// Formats a number for messages without exponent noise: 64, 0.5, 10000000000.
QString formatPlainNumber(double value);
// Formats a number for people, as AWS's pages do: 1,234,567.5 (at most `maxDecimals`
// decimals, trailing zeros dropped, thousands grouped).
QString formatGroupedNumber(double value, int maxDecimals = 3);

// Throws a DataError at `where` unless `rule` admits `value`.
void requireNumber(double value, const NumberRule& rule, const JsonLocation& where);

// A required number member that must obey `rule`.
double readNumber(JsonObjectReader& reader, const QString& key, const NumberRule& rule);
// An optional member with a default; the default is not checked (it is the program's own).
double readNumber(JsonObjectReader& reader, const QString& key, double fallback,
                  const NumberRule& rule);

} // namespace ace
