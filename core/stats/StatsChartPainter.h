#pragma once
// StatsChartPainter: the report e-mail's chart images, painted with QPainter
// on a QImage (no widgets, so it runs on a worker thread and without a
// window): messages per day as two lines, and first-response times as bars
// for this period and the one before. Text needs a QGuiApplication (fonts);
// without one (a console run) there are no images.

#include "stats/StatsFigures.h"

#include <QByteArray>

namespace gd {

class StatsChartPainter
{
public:
    static bool canPaint();
    static QByteArray volumePng(const StatsFigures &f, int width = 640, int height = 260);
    static QByteArray responsesPng(const StatsFigures &f, int width = 640, int height = 260);
};

} // namespace gd
