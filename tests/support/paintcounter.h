#pragma once

#include <QEvent>
#include <QObject>
#include <QWidget>

namespace ace::test {

// Counts the paint events a widget gets: what an update made Qt repaint.
class PaintCounter final : public QObject
{
public:
    explicit PaintCounter(QWidget* widget) { widget->installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return false;
    }
};

} // namespace ace::test
