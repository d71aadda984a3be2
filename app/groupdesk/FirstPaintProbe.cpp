#include "FirstPaintProbe.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace gd {

FirstPaintProbe::FirstPaintProbe(QAbstractItemView *roomList, QObject *parent)
    : QObject(parent)
    , m_roomList(roomList)
{
    m_roomList->viewport()->installEventFilter(this);
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_done && event->type() == QEvent::Paint && m_roomList->model()
        && m_roomList->model()->rowCount() > 0) {
        m_done = true;
        // The paint runs right after this filter; report once it is done.
        QTimer::singleShot(0, this, [] {
            std::printf("first-paint-with-rooms %.1f\n", millisecondsSinceProcessStart());
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}

double millisecondsSinceProcessStart()
{
    // Field 22 of /proc/self/stat: start time in clock ticks since boot.
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startS = fields.at(19).toDouble() / double(sysconf(_SC_CLK_TCK));
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return (double(now.tv_sec) + now.tv_nsec / 1e9 - startS) * 1000.0;
}

} // namespace gd
