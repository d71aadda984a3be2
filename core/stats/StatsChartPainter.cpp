#include "stats/StatsChartPainter.h"

#include "stats/StatsCsv.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace gd {
namespace {

const QColor kCustomer(0x1f, 0x77, 0xb4);
const QColor kStaff(0xff, 0x7f, 0x0e);
const QColor kGrid(0xdd, 0xdd, 0xdd);
constexpr int kLeft = 48, kBottom = 40, kTop = 28, kRight = 12;

QByteArray toPng(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("StatsChartPainter", text);
}

// Axes, horizontal grid lines with their values, and a legend.
void frame(QPainter &p, const QRect &plot, qint64 peak, const QList<QPair<QString, QColor>> &legend)
{
    p.setPen(kGrid);
    for (int i = 0; i <= 4; ++i) {
        const int y = plot.bottom() - plot.height() * i / 4;
        p.drawLine(plot.left(), y, plot.right(), y);
        p.setPen(Qt::darkGray);
        p.drawText(QRect(0, y - 8, kLeft - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(peak * i / 4));
        p.setPen(kGrid);
    }
    int x = plot.left();
    for (const auto &[name, color] : legend) {
        p.fillRect(QRect(x, 8, 12, 12), color);
        p.setPen(Qt::black);
        const int w = p.fontMetrics().horizontalAdvance(name);
        p.drawText(QRect(x + 16, 4, w + 4, 20), Qt::AlignLeft | Qt::AlignVCenter, name);
        x += w + 36;
    }
}

} // namespace

bool StatsChartPainter::canPaint()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

QByteArray StatsChartPainter::volumePng(const StatsFigures &f, int width, int height)
{
    if (!canPaint())
        return {};
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QVector<VolumeBin> bins = binVolume(f.hourly, VolumeGranularity::Day);
    qint64 peak = 4;
    for (const VolumeBin &b : bins)
        peak = std::max({peak, b.customer, b.staff});
    peak = (peak + 3) / 4 * 4;
    const QRect plot(kLeft, kTop, width - kLeft - kRight, height - kTop - kBottom);
    frame(p, plot, peak, {{tr("Customers"), kCustomer}, {tr("Staff"), kStaff}});
    const int n = int(bins.size());
    auto xOf = [&](int i) { return plot.left() + (n <= 1 ? 0 : plot.width() * i / (n - 1)); };
    auto yOf = [&](qint64 v) {
        return plot.bottom() - int(double(plot.height()) * double(v) / double(peak));
    };
    for (const auto &[color, staff] : {std::pair{kCustomer, false}, std::pair{kStaff, true}}) {
        QPainterPath path;
        for (int i = 0; i < n; ++i) {
            const QPointF pt(xOf(i), yOf(staff ? bins[i].staff : bins[i].customer));
            i == 0 ? path.moveTo(pt) : path.lineTo(pt);
        }
        p.setPen(QPen(color, 2));
        p.drawPath(path);
    }
    p.setPen(Qt::darkGray);
    const int step = std::max(1, n / 7);
    for (int i = 0; i < n; i += step)
        p.drawText(
            QRect(xOf(i) - 30, plot.bottom() + 4, 60, 18), Qt::AlignCenter,
            QDateTime::fromMSecsSinceEpoch(bins[i].startMs).toString(QStringLiteral("MM-dd")));
    return toPng(image);
}

QByteArray StatsChartPainter::responsesPng(const StatsFigures &f, int width, int height)
{
    if (!canPaint())
        return {};
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    qint64 peak = 4;
    for (int b = 0; b < kResponseBuckets; ++b)
        peak = std::max({peak, f.current.responseBuckets[b], f.previous.responseBuckets[b]});
    peak = (peak + 3) / 4 * 4;
    const QRect plot(kLeft, kTop, width - kLeft - kRight, height - kTop - kBottom);
    frame(p, plot, peak,
          {{tr("This period"), kCustomer}, {tr("Previous period"), kGrid.darker(130)}});
    const double slot = double(plot.width()) / kResponseBuckets;
    for (int b = 0; b < kResponseBuckets; ++b) {
        const double x = plot.left() + slot * b;
        const qint64 values[2] = {f.current.responseBuckets[b], f.previous.responseBuckets[b]};
        for (int k = 0; k < 2; ++k) {
            const int h = int(double(plot.height()) * double(values[k]) / double(peak));
            p.fillRect(QRectF(x + slot * (0.15 + 0.35 * k), plot.bottom() - h, slot * 0.33, h),
                       k == 0 ? kCustomer : kGrid.darker(130));
        }
        p.setPen(Qt::darkGray);
        p.drawText(QRectF(x, plot.bottom() + 4, slot, 18), Qt::AlignCenter,
                   StatsCsv::bucketName(b));
    }
    return toPng(image);
}

} // namespace gd
