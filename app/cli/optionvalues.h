#pragma once

#include "state/theme.h"

#include <QSize>
#include <QString>

#include <optional>

namespace ace::cli {

// Values of command-line options shared by several commands. Each returns nullopt for text it does
// not accept; the caller reports the error with the option's name.

// "WxH", each side between `minimumSide` and 16384 pixels.
std::optional<QSize> parseSize(const QString& text, int minimumSide);
// "light" or "dark".
std::optional<ui::Theme::Kind> parseThemeKind(const QString& text);

} // namespace ace::cli
