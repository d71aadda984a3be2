#include "UserActivityWatcher.h"

#include <QEvent>
#include <QKeyEvent>
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
    case QEvent::KeyPress: {
        // A modifier on its own, or a shortcut (Ctrl+F opens search), is not
        // acting in the group; typing is.
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool modifierOnly = key->key() == Qt::Key_Control || key->key() == Qt::Key_Shift
            || key->key() == Qt::Key_Alt || key->key() == Qt::Key_Meta
            || key->key() == Qt::Key_AltGr || key->key() == Qt::Key_CapsLock;
        if (!modifierOnly
            && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)))
            emit activity();
        break;
    }
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
