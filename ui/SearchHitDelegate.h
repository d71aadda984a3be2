#pragma once
// Paints one search hit: room and sender, the time, and a line of the
// message text around the first match with every match highlighted. The
// text is drawn as plain text through QTextLayout (never rich text), so what
// a customer typed is shown exactly as typed.

#include "store/SearchTypes.h"

#include <QStyledItemDelegate>

namespace gd {

class SearchHitDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The excerpt shown for a hit: up to `maxChars` characters starting a
    // little before the first match (line breaks as spaces), and the match
    // ranges moved into it. Same length units as QString.
    struct Excerpt
    {
        QString text;
        QVector<QPair<int, int>> matches;
        bool cutAtStart = false;
    };
    static Excerpt excerpt(const SearchHit &hit, int maxChars = 160);
};

} // namespace gd
