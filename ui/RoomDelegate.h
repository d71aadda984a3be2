#pragma once
// Paints one room in the room list: topic, time, "sender: text" preview and
// the unread badge.

#include <QStyledItemDelegate>

namespace gd {

class RoomDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace gd
