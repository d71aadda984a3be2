#include "AccountDelegate.h"

#include "AccountListModel.h"
#include "Theme.h"

#include <QPainter>

namespace gd {

void AccountDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect.adjusted(8, 3, -8, -3);
    if (option.state & QStyle::State_Selected) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::accountSelected());
        painter->drawRoundedRect(r, 8, 8);
    } else if (option.state & QStyle::State_MouseOver) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::accountHover());
        painter->drawRoundedRect(r, 8, 8);
    }

    // Avatar circle with the initial, the state dot on its corner.
    const QString name = index.data(Qt::DisplayRole).toString();
    const QRect avatar(r.left() + 10, r.center().y() - 17, 34, 34);
    painter->setPen(Qt::NoPen);
    painter->setBrush(Theme::senderColor(index.data(AccountListModel::AccountIdRole).toString()));
    painter->drawEllipse(avatar);
    QFont initialFont = option.font;
    initialFont.setWeight(QFont::DemiBold);
    initialFont.setPointSizeF(option.font.pointSizeF() * 1.1);
    painter->setFont(initialFont);
    painter->setPen(Theme::textOnAccent());
    painter->drawText(avatar, Qt::AlignCenter, name.trimmed().left(1).toUpper());
    const QRect dot(avatar.right() - 10, avatar.bottom() - 10, 12, 12);
    painter->setPen(QPen(Theme::sidebarBackground(), 2));
    painter->setBrush(index.data(AccountListModel::StateColorRole).value<QColor>());
    painter->drawEllipse(dot);

    const int textLeft = avatar.right() + 12;
    const int textWidth = r.right() - 8 - textLeft;
    QFont nameFont = option.font;
    nameFont.setWeight(QFont::DemiBold);
    const QFontMetrics nameFm(nameFont);
    QFont stateFont = option.font;
    stateFont.setPointSizeF(option.font.pointSizeF() * 0.88);
    const QFontMetrics stateFm(stateFont);
    const int top = r.center().y() - (nameFm.height() + stateFm.height() + 2) / 2;
    painter->setFont(nameFont);
    painter->setPen(Theme::textOnDark());
    painter->drawText(QRect(textLeft, top, textWidth, nameFm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      nameFm.elidedText(name, Qt::ElideRight, textWidth));
    painter->setFont(stateFont);
    painter->setPen(Theme::textOnDarkSecondary());
    const QString state = index.data(AccountListModel::StateTextRole).toString();
    painter->drawText(QRect(textLeft, top + nameFm.height() + 2, textWidth, stateFm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      stateFm.elidedText(state, Qt::ElideRight, textWidth));
    painter->restore();
}

QSize AccountDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(option.rect.width(), 56);
}

} // namespace gd
