#pragma once

#include <QString>
#include <QStringList>

namespace ace {
class Catalog;
class PriceBook;
struct DeploymentOption;
struct Estimate;
struct Workload;
} // namespace ace

namespace ace::ui {

class Theme;

// The rich text the detail pane and the comparison are written in (QTextDocument's HTML
// subset), so an estimate or a list of differences reads the same wherever it appears.
namespace html {

QString escaped(const QString& text);
QString section(const QString& title, const QString& body);
// A section's title alone (section() is this and its body).
QString sectionTitle(const QString& title);
// The heading level of a section's title (<h3>), to find sections in a laid-out document.
inline constexpr int sectionTitleLevel = 3;
QString bulletList(const QStringList& items);
QString paragraph(const QString& text);
// Page-wide styles (colours from the theme); put first in every document.
QString pageStyle(const Theme& theme);

// "Resize an image · 3,000,000 requests/month · 120 ms", muted.
QString workloadLine(const Workload& workload);
// The monthly total (or "Not feasible"), the line items as quantity × rate = amount, and every
// assumption applied.
QString estimate(const Estimate& estimate, const QString& currency);
// "Prices: us-east-1, USD, as of 2026-11-28.", muted.
QString pricesLine(const PriceBook& prices);
// The layers whose manager differs between the options, one per line: "Guest OS: You (EC2
// instances) vs AWS (Lambda functions)".
QString responsibilityDifferences(const Catalog& catalog, const DeploymentOption& first,
                                  const DeploymentOption& second);

} // namespace html
} // namespace ace::ui
