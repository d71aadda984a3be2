#include "UserActivityWatcher.h"

#include <QEvent>
#include <QWidget>

namespace gd {

UserActivityWatcher::UserActivityWatcher(QObject *parent)
    : QObject(parent)
{}

void UserActivityWatcher::watch(QWidget *widget)
{
    widget->installEventFilter(this);
}

bool UserActivityWatcher::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
        emit activity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace gd
