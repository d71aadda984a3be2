#include "RoomDelegate.h"

#include "RoomListModel.h"
#include "Theme.h"

#include <QPainter>

namespace gd {

void RoomDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect.adjusted(6, 2, -6, -2);
    if (option.state & QStyle::State_Selected) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::selection());
        painter->drawRoundedRect(r, 8, 8);
    } else if (option.state & QStyle::State_MouseOver) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::hover());
        painter->drawRoundedRect(r, 8, 8);
    }

    const QString topic = index.data(RoomListModel::TopicRole).toString();
    const QString roomId = index.data(RoomListModel::RoomIdRole).toString();
    const QRect avatar(r.left() + 10, r.center().y() - 20, 40, 40);
    painter->setPen(Qt::NoPen);
    painter->setBrush(Theme::senderColor(roomId).lighter(115));
    painter->drawRoundedRect(avatar, 10, 10);
    QFont initialFont = option.font;
    initialFont.setWeight(QFont::DemiBold);
    initialFont.setPointSizeF(option.font.pointSizeF() * 1.2);
    painter->setFont(initialFont);
    painter->setPen(Theme::textOnAccent());
    painter->drawText(avatar, Qt::AlignCenter, topic.trimmed().left(1).toUpper());

    const int unread = index.data(RoomListModel::UnreadRole).toInt();
    const bool muted = index.data(RoomListModel::MutedRole).toBool();
    const bool pinned = index.data(RoomListModel::PinnedRole).toBool();
    if (unread > 0) {
        QFont badgeFont = option.font;
        badgeFont.setPointSizeF(option.font.pointSizeF() * 0.75);
        badgeFont.setWeight(QFont::DemiBold);
        const QFontMetrics bfm(badgeFont);
        const QString text = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        const int h = bfm.height() + 2;
        const int w = qMax(h, bfm.horizontalAdvance(text) + 10);
        const QRect badge(avatar.right() - w / 2, avatar.top() - 5, w, h);
        painter->setPen(QPen(Theme::roomListBackground(), 1.5));
        // A muted group's count is there when wanted, but does not call.
        painter->setBrush(muted ? Theme::textSecondary() : Theme::badge());
        painter->drawRoundedRect(badge, h / 2.0, h / 2.0);
        painter->setFont(badgeFont);
        painter->setPen(Theme::textOnAccent());
        painter->drawText(badge, Qt::AlignCenter, text);
    }

    const int left = avatar.right() + 12;
    const int right = r.right() - 10;
    QFont topicFont = option.font;
    topicFont.setWeight(QFont::DemiBold);
    const QFontMetrics tfm(topicFont);
    QFont smallFont = option.font;
    smallFont.setPointSizeF(option.font.pointSizeF() * 0.88);
    const QFontMetrics sfm(smallFont);

    const QString time = index.data(RoomListModel::TimeTextRole).toString();
    const int timeW = sfm.horizontalAdvance(time);
    const int top = r.center().y() - (tfm.height() + sfm.height() + 4) / 2;
    painter->setFont(smallFont);
    painter->setPen(Theme::textSecondary());
    painter->drawText(QRect(right - timeW, top, timeW + 1, tfm.height()),
                      Qt::AlignRight | Qt::AlignVCenter, time);

    // Staff tags as chips after the time, right to left; they take room
    // from the topic, but never more than half of it.
    int chipsLeft = right - timeW - 8;
    const QStringList tags = index.data(RoomListModel::TagsRole).toStringList();
    if (!tags.isEmpty()) {
        const int h = sfm.height() + 2;
        const int limit = left + (right - left) / 2;
        for (const QString &tag : tags) {
            const int w = sfm.horizontalAdvance(tag) + 10;
            if (chipsLeft - w - 4 < limit)
                break;
            const QRect chip(chipsLeft - w - 4, top + (tfm.height() - h) / 2, w, h);
            painter->setPen(Qt::NoPen);
            painter->setBrush(Theme::pill());
            painter->drawRoundedRect(chip, 4, 4);
            painter->setFont(smallFont);
            painter->setPen(Theme::textSecondary());
            painter->drawText(chip, Qt::AlignCenter, tag); // plain text: staff wrote it
            chipsLeft = chip.left();
        }
    }

    painter->setFont(topicFont);
    painter->setPen(Theme::textPrimary());
    const int topicW = chipsLeft - left - 4;
    painter->drawText(QRect(left, top, topicW, tfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      // Group names often differ only at the end ("…售后1群",
                      // "…售后2群"): cut in the middle so a narrow list tells them apart.
                      tfm.elidedText(topic, Qt::ElideMiddle, topicW));

    // Open alerts: a red pill at the end of the preview line.
    int previewW = right - left;
    const int alerts = index.data(RoomListModel::OpenAlertsRole).toInt();
    if (alerts > 0) {
        QFont pillFont = smallFont;
        pillFont.setWeight(QFont::DemiBold);
        const QFontMetrics pfm(pillFont);
        const QString text = QStringLiteral("\u26A0 %1").arg(alerts > 99 ? 99 : alerts);
        const int h = pfm.height() + 2;
        const int w = pfm.horizontalAdvance(text) + 12;
        const QRect pill(right - w, top + tfm.height() + 4 + (sfm.height() - h) / 2, w, h);
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::error());
        painter->drawRoundedRect(pill, h / 2.0, h / 2.0);
        painter->setFont(pillFont);
        painter->setPen(Theme::textOnAccent());
        painter->drawText(pill, Qt::AlignCenter, text);
        previewW -= w + 6;
    }
    painter->setFont(smallFont);
    painter->setPen(Theme::textSecondary());
    // Pinned and muted marks at the end of the preview line.
    QString marks;
    if (pinned)
        marks += QStringLiteral("📌");
    if (muted)
        marks += QStringLiteral("🔕");
    if (!marks.isEmpty()) {
        const int marksW = sfm.horizontalAdvance(marks) + 4;
        painter->drawText(QRect(right - marksW, top + tfm.height() + 4, marksW, sfm.height()),
                          Qt::AlignRight | Qt::AlignVCenter, marks);
        previewW -= marksW + 4;
    }
    // Group health as stars, in the accent colour (hidden until rated).
    const int stars = index.data(RoomListModel::HealthStarsRole).toInt();
    if (stars >= 0) {
        const QString text = QString(stars, QChar(0x2605)) + QString(5 - stars, QChar(0x2606));
        const int starsW = sfm.horizontalAdvance(text) + 4;
        painter->setPen(Theme::warning());
        painter->drawText(
            QRect(left + previewW - starsW, top + tfm.height() + 4, starsW, sfm.height()),
            Qt::AlignRight | Qt::AlignVCenter, text);
        painter->setPen(Theme::textSecondary());
        previewW -= starsW + 4;
    }
    const QString preview = index.data(RoomListModel::PreviewRole).toString();
    painter->drawText(QRect(left, top + tfm.height() + 4, previewW, sfm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      sfm.elidedText(preview, Qt::ElideRight, previewW));
    painter->restore();
}

QSize RoomDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(option.rect.width(), 64);
}

} // namespace gd
