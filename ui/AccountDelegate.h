#pragma once
// Paints one account in the dark sidebar: a coloured state dot, the name and
// the state in words.

#include <QStyledItemDelegate>

namespace gd {

class AccountDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace gd
