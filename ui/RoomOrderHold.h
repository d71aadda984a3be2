#pragma once
// Keeps the group list from reordering under the pointer: while the mouse is
// over the list, RoomListModel holds its order (rows update in place, new
// groups go to the end); when it leaves, the list sorts again. A click then
// always hits the row that was seen.

#include <QObject>

class QAbstractItemView;

namespace gd {

class RoomListModel;

class RoomOrderHold : public QObject
{
    Q_OBJECT
public:
    RoomOrderHold(QAbstractItemView *view, RoomListModel *model, QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    RoomListModel *m_model;
};

} // namespace gd
