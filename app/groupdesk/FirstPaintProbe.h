#pragma once
// Start-up measurement hook (hidden --exit-after-first-paint): watches the
// room list and, once it has been painted with rooms in it, prints
// "first-paint-with-rooms <ms since process start>" on stdout and quits.

#include <QObject>

class QAbstractItemView;

namespace gd {

class FirstPaintProbe : public QObject
{
    Q_OBJECT
public:
    explicit FirstPaintProbe(QAbstractItemView *roomList, QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractItemView *m_roomList;
    bool m_done = false;
};

// Milliseconds since this process started (from /proc/self/stat on Linux).
double millisecondsSinceProcessStart();

} // namespace gd
