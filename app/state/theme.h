#pragma once

#include "catalog/catalog.h"

#include <QColor>
#include <QPalette>
#include <QString>

namespace ace::ui {

// How one responsibility is drawn. Fill colours differ in hue and lightness, and each also has
// its own pattern and a text label, so cells read the same to colour-blind users and in print.
struct ResponsibilityStyle
{
    QColor fill;
    QColor edge;
    QColor text;
    Qt::BrushStyle pattern = Qt::NoBrush; // drawn in `edge` over `fill`
    QString label;
};

// Every colour the UI and the exports use, for a light or a dark appearance. Views never pick
// colours themselves: they ask the theme, so a theme switch restyles everything.
class Theme
{
public:
    enum class Kind { Light, Dark };

    static Theme light();
    static Theme dark();
    static Theme ofKind(Kind kind);

    Kind kind() const { return m_kind; }
    QString name() const; // "light" or "dark", as on the command line

    QColor background() const { return m_background; }
    QColor surface() const { return m_surface; }
    QColor text() const { return m_text; }
    QColor mutedText() const { return m_mutedText; }
    QColor border() const { return m_border; }
    QColor selection() const { return m_selection; }
    QColor hover() const { return m_hover; }
    // Text that says why an input was refused.
    QColor error() const { return m_error; }
    // Behind what differs between two compared options (a highlighter tint, distinct from the
    // responsibility fills), and the stronger mark at its edge.
    QColor difference() const { return m_difference; }
    QColor differenceMark() const { return m_differenceMark; }
    // The advisor's top option, and the points that raise an option (error() marks those that
    // lower it).
    QColor recommended() const { return m_recommended; }

    ResponsibilityStyle responsibility(Responsibility who) const;
    // The accent colour of a category's services (unknown categories get a neutral one).
    QColor categoryColor(const QString& categoryId) const;
    // The colour of a chart's `index`-th series (deployment options in catalog order): the
    // Okabe-Ito set, which stays apart under the common colour-vision deficiencies, in shades
    // that read on this theme's background. Repeats after seriesColorCount.
    QColor seriesColor(int index) const;
    static constexpr int seriesColorCount = 6;

    // A widget palette matching the theme, for QApplication::setPalette.
    QPalette palette() const;
    // The palette of input fields and check boxes (QApplication::setPalette with their class
    // names): Qt's Fusion style draws their frames a shade darker than the Window colour, which
    // on a dark surface is the fields' own colour, so the dark theme gives them a lighter one.
    QPalette inputPalette() const;

private:
    explicit Theme(Kind kind);

    Kind m_kind;
    QColor m_background;
    QColor m_surface;
    QColor m_text;
    QColor m_mutedText;
    QColor m_border;
    QColor m_selection;
    QColor m_hover;
    QColor m_error;
    QColor m_difference;
    QColor m_differenceMark;
    QColor m_recommended;
};

} // namespace ace::ui
