#pragma once

#include "catalog/catalog.h"

#include <QCoreApplication>
#include <QList>
#include <QRectF>
#include <QString>

namespace ace::diagram {

struct DiagramFonts;

// Spacing of the diagram in scene units (pixels at 100 %), shared by the layout and the items.
namespace spacing {
constexpr qreal margin = 28;
constexpr qreal gutterGap = 20; // layer names to the first column
constexpr qreal columnGap = 16;
constexpr qreal minColumnWidth = 126;
constexpr qreal maxGutterLineWidth = 200; // longer layer names wrap
constexpr qreal blockGap = 6;             // a block to the one it rests on
constexpr qreal paddingX = 12;
constexpr qreal paddingY = 10;
constexpr qreal lineGap = 3; // a block's name to its detail line
constexpr qreal headerGap = 12;
constexpr qreal sectionGap = 36; // the stack to the responsibility section
constexpr qreal captionGap = 12;
constexpr qreal bandGap = 4;
constexpr qreal pillPaddingX = 7;
constexpr qreal pillPaddingY = 2;
constexpr qreal legendSwatchGap = 8;
constexpr qreal legendEntryGap = 22;
constexpr qreal minLevelHeight = 62;
constexpr qreal minBandHeight = 30;
} // namespace spacing

// The base block's detail (the layers AWS manages in every option) wraps to at most this many
// lines: under two columns it is long for one.
constexpr int baseDetailLines = 3;

// Where every part of the stack diagram goes, computed from the catalog and the fonts' metrics
// alone: the geometry does not depend on any view, and every box is sized from its text.
struct StackLayout
{
    struct Column
    {
        QString optionId;
        QRectF header;
        QRectF withoutBands; // header top to the bottom of the base
        QRectF withBands;    // header top to the bottom of the last band
    };
    // A service drawn once beneath every column whose stack, read bottom-up, starts the same.
    struct Block
    {
        QString serviceId;
        QString detail; // the category's name
        int firstColumn = 0;
        int lastColumn = 0;
        QRectF rect;
    };
    // The empty top of a column whose option runs directly on a service others build on.
    struct DirectSlot
    {
        QString optionId;
        QString serviceId;
        QRectF rect;
    };
    struct Band
    {
        QString layerId;
        QRectF label;
        QRectF strip;        // the whole row, behind the label and the cells
        QList<QRectF> cells; // one per column
    };
    struct LegendEntry
    {
        Responsibility who = Responsibility::None;
        QRectF swatch;
        QRectF text;
    };

    QList<Column> columns;
    QList<Block> blocks;
    QList<DirectSlot> directSlots;
    QRectF base;
    QString baseDetail;    // the layers AWS manages in every option
    QRectF optionsCaption; // gutter title level with the headers
    QRectF stackCaption;   // gutter explanation level with the stack
    QRectF bandsCaption;
    QList<Band> bands; // top of the stack first
    QList<LegendEntry> legend;
    QRectF sceneWithoutBands;
    QRectF sceneWithBands;

    static StackLayout compute(const Catalog& catalog, const DiagramFonts& fonts);

    int columnOf(const QString& optionId) const;
};

// The words the layout measures and the items draw.
class DiagramWords
{
    Q_DECLARE_TR_FUNCTIONS(ace::diagram::DiagramWords)

public:
    static QString baseBlock();
    static QString optionsCaption();
    static QString stackCaption();
    static QString bandsCaption();
    static QString directSlot(const QString& serviceName);
    static QString legendMeaning(Responsibility who);
    static QString monthlyCost(const QString& amount);
    static QString notFeasible();
};

} // namespace ace::diagram
