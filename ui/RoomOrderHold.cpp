#include "RoomOrderHold.h"

#include "RoomListModel.h"

#include <QAbstractItemView>
#include <QEvent>

namespace gd {

RoomOrderHold::RoomOrderHold(QAbstractItemView *view, RoomListModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    view->viewport()->installEventFilter(this);
}

bool RoomOrderHold::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Enter:
    case QEvent::MouseMove:
    case QEvent::HoverEnter:
    case QEvent::HoverMove:
        if (!m_model->isOrderHeld())
            m_model->setOrderHeld(true);
        break;
    case QEvent::Leave:
    case QEvent::HoverLeave:
    case QEvent::Hide:
        m_model->setOrderHeld(false);
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace gd
