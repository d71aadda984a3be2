#pragma once
// HeatmapWidget: messages by weekday (rows, Monday first) and hour of day
// (columns), painted as shaded cells with the count in each; the darkest
// cell is the busiest hour. Qt Charts has no heatmap, so it paints itself.

#include <QWidget>

#include <array>

namespace gd {

class HeatmapWidget : public QWidget
{
    Q_OBJECT
public:
    using Grid = std::array<std::array<qint64, 24>, 7>;
    explicit HeatmapWidget(QWidget *parent = nullptr);
    void setGrid(const Grid &grid);
    const Grid &grid() const { return m_grid; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Grid m_grid{};
};

} // namespace gd
