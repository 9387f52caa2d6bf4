#include "state/theme.h"

#include <array>
#include <cstdlib>

namespace ace::ui {

// Responsibility colours come from the Okabe-Ito palette (blue for AWS, orange for you,
// reddish purple for shared), which stays distinct under the common colour-vision deficiencies.
Theme::Theme(Kind kind)
    : m_kind(kind)
{
    if (kind == Kind::Light) {
        m_background = QColor(0xff, 0xff, 0xff);
        m_surface = QColor(0xf4, 0xf6, 0xf8);
        m_text = QColor(0x16, 0x1b, 0x22);
        m_mutedText = QColor(0x57, 0x60, 0x6a);
        m_border = QColor(0xc4, 0xcb, 0xd3);
        m_selection = QColor(0x00, 0x5f, 0xcc);
        m_hover = QColor(0xff, 0xb0, 0x20);
        m_error = QColor(0xb3, 0x26, 0x1e);
        m_difference = QColor(0xff, 0xf4, 0xb8);
        m_differenceMark = QColor(0xc9, 0x9a, 0x00);
        m_recommended = QColor(0x1a, 0x7f, 0x37);
    } else {
        m_background = QColor(0x1b, 0x1f, 0x24);
        m_surface = QColor(0x26, 0x2b, 0x32);
        m_text = QColor(0xe8, 0xeb, 0xef);
        m_mutedText = QColor(0xa0, 0xa8, 0xb2);
        m_border = QColor(0x45, 0x4d, 0x57);
        m_selection = QColor(0x58, 0xa6, 0xff);
        m_hover = QColor(0xff, 0xc8, 0x57);
        m_error = QColor(0xf2, 0xb8, 0xb5);
        m_difference = QColor(0x42, 0x3a, 0x12);
        m_differenceMark = QColor(0xe8, 0xc5, 0x3a);
        m_recommended = QColor(0x56, 0xd3, 0x64);
    }
}

Theme Theme::light()
{
    return Theme(Kind::Light);
}

Theme Theme::dark()
{
    return Theme(Kind::Dark);
}

Theme Theme::ofKind(Kind kind)
{
    return Theme(kind);
}

QString Theme::name() const
{
    return m_kind == Kind::Light ? QStringLiteral("light") : QStringLiteral("dark");
}

ResponsibilityStyle Theme::responsibility(Responsibility who) const
{
    const bool light = m_kind == Kind::Light;
    switch (who) {
    case Responsibility::Aws:
        return {light ? QColor(0xd3, 0xe6, 0xf5) : QColor(0x17, 0x3a, 0x57),
                light ? QColor(0x00, 0x72, 0xb2) : QColor(0x56, 0xb4, 0xe9),
                light ? QColor(0x00, 0x3f, 0x66) : QColor(0xcd, 0xe8, 0xfa), Qt::NoBrush,
                responsibilityLabel(who)};
    case Responsibility::Customer:
        return {light ? QColor(0xfd, 0xe7, 0xc4) : QColor(0x4d, 0x33, 0x0c),
                light ? QColor(0xd5, 0x8a, 0x00) : QColor(0xe6, 0x9f, 0x00),
                light ? QColor(0x6b, 0x3d, 0x00) : QColor(0xfc, 0xe3, 0xb5), Qt::BDiagPattern,
                responsibilityLabel(who)};
    case Responsibility::Shared:
        return {light ? QColor(0xf3, 0xdd, 0xeb) : QColor(0x47, 0x27, 0x3d),
                light ? QColor(0xb3, 0x5c, 0x94) : QColor(0xcc, 0x79, 0xa7),
                light ? QColor(0x5e, 0x22, 0x4a) : QColor(0xf5, 0xd6, 0xea), Qt::Dense6Pattern,
                responsibilityLabel(who)};
    case Responsibility::None:
        break;
    }
    return {m_surface, m_border, m_mutedText, Qt::NoBrush, responsibilityLabel(who)};
}

QColor Theme::categoryColor(const QString& categoryId) const
{
    const bool light = m_kind == Kind::Light;
    if (categoryId == QLatin1String("virtual-machines"))
        return light ? QColor(0xc4, 0x5a, 0x00) : QColor(0xf5, 0x8f, 0x3b);
    if (categoryId == QLatin1String("containers"))
        return light ? QColor(0x1f, 0x6f, 0xc5) : QColor(0x5c, 0xa8, 0xf5);
    if (categoryId == QLatin1String("serverless"))
        return light ? QColor(0x7a, 0x3e, 0xc8) : QColor(0xb4, 0x8c, 0xf2);
    return m_mutedText;
}

QPalette Theme::inputPalette() const
{
    QPalette input = palette();
    if (m_kind == Kind::Dark) {
        // Fusion's frame colour is Window.darker(140): this makes it a visible light border.
        input.setColor(QPalette::Window, m_border.lighter(190));
    }
    return input;
}

QColor Theme::seriesColor(int index) const
{
    // Vermillion, blue, sky blue, bluish green, orange, reddish purple: one green only. On the
    // dark background blue is too dark and sky blue takes its place, yellow that of sky blue.
    static const std::array<QColor, seriesColorCount> onLight = {
        QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x72, 0xb2), QColor(0x56, 0xb4, 0xe9),
        QColor(0x00, 0x9e, 0x73), QColor(0xe6, 0x9f, 0x00), QColor(0xcc, 0x79, 0xa7)};
    static const std::array<QColor, seriesColorCount> onDark = {
        QColor(0xe8, 0x74, 0x2a), QColor(0x56, 0xb4, 0xe9), QColor(0xf0, 0xe4, 0x42),
        QColor(0x1d, 0xb9, 0x8c), QColor(0xe6, 0x9f, 0x00), QColor(0xcc, 0x79, 0xa7)};
    const auto slot = static_cast<size_t>(std::abs(index) % seriesColorCount);
    return m_kind == Kind::Light ? onLight.at(slot) : onDark.at(slot);
}

QPalette Theme::palette() const
{
    QPalette palette;
    palette.setColor(QPalette::Window, m_surface);
    palette.setColor(QPalette::WindowText, m_text);
    palette.setColor(QPalette::Base, m_background);
    palette.setColor(QPalette::AlternateBase, m_surface);
    palette.setColor(QPalette::Text, m_text);
    palette.setColor(QPalette::Button, m_surface);
    palette.setColor(QPalette::ButtonText, m_text);
    palette.setColor(QPalette::ToolTipBase, m_background);
    palette.setColor(QPalette::ToolTipText, m_text);
    palette.setColor(QPalette::PlaceholderText, m_mutedText);
    palette.setColor(QPalette::Highlight, m_selection);
    palette.setColor(QPalette::HighlightedText, m_kind == Kind::Light ? Qt::white : Qt::black);
    palette.setColor(QPalette::Link, m_selection);
    palette.setColor(QPalette::Mid, m_border);
    palette.setColor(QPalette::Dark, m_border.darker(130));
    palette.setColor(QPalette::Light, m_background);
    palette.setColor(QPalette::Disabled, QPalette::Text, m_mutedText);
    palette.setColor(QPalette::Disabled, QPalette::WindowText, m_mutedText);
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, m_mutedText);
    return palette;
}

} // namespace ace::ui
