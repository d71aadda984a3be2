#include "stats/HeatmapWidget.h"

#include <QLocale>
#include <QPainter>

#include <algorithm>

namespace gd {

HeatmapWidget::HeatmapWidget(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(520, 220);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
}

void HeatmapWidget::setGrid(const Grid &grid)
{
    m_grid = grid;
    update();
}

QSize HeatmapWidget::sizeHint() const
{
    return {860, 300};
}

void HeatmapWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QFontMetrics fm = fontMetrics();
    int labelWidth = 0;
    for (int d = 1; d <= 7; ++d)
        labelWidth = std::max(labelWidth,
                              fm.horizontalAdvance(QLocale().dayName(d, QLocale::ShortFormat)));
    labelWidth += 10;
    const int top = fm.height() + 6;
    const double cellW = double(width() - labelWidth - 4) / 24.0;
    const double cellH = double(height() - top - 4) / 7.0;
    qint64 peak = 1;
    for (const auto &row : m_grid)
        peak = std::max(peak, *std::max_element(row.begin(), row.end()));
    const QColor hot = palette().color(QPalette::Highlight);
    const QColor base = palette().color(QPalette::Base);
    p.setPen(palette().color(QPalette::Text));
    for (int h = 0; h < 24; h += (cellW < fm.horizontalAdvance(QStringLiteral("00")) + 4 ? 3 : 1)) {
        const QRectF r(labelWidth + h * cellW, 0, cellW, top);
        p.drawText(r, Qt::AlignCenter, QString::number(h));
    }
    QFont small = font();
    small.setPointSizeF(std::max(6.0, font().pointSizeF() * 0.8));
    for (int d = 0; d < 7; ++d) {
        p.setFont(font());
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRectF(0, top + d * cellH, labelWidth - 6, cellH),
                   Qt::AlignRight | Qt::AlignVCenter,
                   QLocale().dayName(d + 1, QLocale::ShortFormat));
        p.setFont(small);
        for (int h = 0; h < 24; ++h) {
            const double t = double(m_grid[d][h]) / double(peak);
            QColor c;
            c.setRgbF(base.redF() + (hot.redF() - base.redF()) * t,
                      base.greenF() + (hot.greenF() - base.greenF()) * t,
                      base.blueF() + (hot.blueF() - base.blueF()) * t);
            const QRectF cell(labelWidth + h * cellW + 1, top + d * cellH + 1, cellW - 2,
                              cellH - 2);
            p.fillRect(cell, c);
            if (m_grid[d][h] > 0 && fm.horizontalAdvance(QString::number(m_grid[d][h])) < cellW) {
                p.setPen(t > 0.55 ? palette().color(QPalette::HighlightedText)
                                  : palette().color(QPalette::Text));
                p.drawText(cell, Qt::AlignCenter, QString::number(m_grid[d][h]));
            }
        }
    }
}

} // namespace gd
