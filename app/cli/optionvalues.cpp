#include "cli/optionvalues.h"

#include <QRegularExpression>

namespace ace::cli {

namespace {
// Beyond this, images and windows exhaust memory before they are useful.
constexpr int maximumSide = 16384;
} // namespace

std::optional<QSize> parseSize(const QString& text, int minimumSide)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})x(\\d{1,5})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
    const auto inRange = [minimumSide](int side) {
        return side >= minimumSide && side <= maximumSide;
    };
    if (!inRange(size.width()) || !inRange(size.height()))
        return std::nullopt;
    return size;
}

std::optional<ui::Theme::Kind> parseThemeKind(const QString& text)
{
    if (text == QLatin1String("light"))
        return ui::Theme::Kind::Light;
    if (text == QLatin1String("dark"))
        return ui::Theme::Kind::Dark;
    return std::nullopt;
}

} // namespace ace::cli
