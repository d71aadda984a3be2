#include "SearchHitDelegate.h"

#include "SearchResultsModel.h"
#include "Theme.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace gd {
namespace {

constexpr int kPadX = 12;
constexpr int kPadY = 8;
constexpr int kLead = 16; // characters of context kept before the first match

} // namespace

SearchHitDelegate::Excerpt SearchHitDelegate::excerpt(const SearchHit &hit, int maxChars)
{
    Excerpt e;
    const QString &text = hit.message.text;
    int start = 0;
    if (!hit.matches.isEmpty() && hit.matches.first().first > kLead)
        start = hit.matches.first().first - kLead;
    // Never split a surrogate pair.
    if (start > 0 && start < text.size() && text.at(start).isLowSurrogate())
        --start;
    e.cutAtStart = start > 0;
    e.text = text.mid(start, maxChars);
    for (QChar &c : e.text) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
    }
    for (const auto &[s, len] : hit.matches) {
        const int a = qMax(s - start, 0);
        const int b = qMin(s + len - start, int(e.text.size()));
        if (b > a)
            e.matches.append({a, b - a});
    }
    if (e.cutAtStart) {
        e.text.prepend(QChar(0x2026));
        for (auto &m : e.matches)
            ++m.first;
    }
    return e;
}

QSize SearchHitDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return {200, 2 * kPadY + 2 * fm.height() + 4};
}

void SearchHitDelegate::paint(QPainter *p, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    const auto *model = qobject_cast<const SearchResultsModel *>(index.model());
    if (!model)
        return QStyledItemDelegate::paint(p, option, index);
    p->save();
    const QRect r = option.rect;
    if (option.state & QStyle::State_Selected)
        p->fillRect(r, Theme::searchSelected());
    else if (option.state & QStyle::State_MouseOver)
        p->fillRect(r, Theme::searchHover());
    p->setPen(Theme::divider());
    p->drawLine(r.bottomLeft(), r.bottomRight());

    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics fm(option.font);
    const QRect content = r.adjusted(kPadX, kPadY, -kPadX, -kPadY);

    // Line 1: room · sender, time at the right.
    const QString time = index.data(SearchResultsModel::TimeTextRole).toString();
    const int timeW = fm.horizontalAdvance(time) + 8;
    p->setFont(option.font);
    p->setPen(Theme::textSecondary());
    p->drawText(QRect(content.right() - timeW, content.top(), timeW, fm.height()),
                Qt::AlignRight | Qt::AlignVCenter, time);
    const QString room = index.data(SearchResultsModel::RoomNameRole).toString();
    const QString sender = index.data(SearchResultsModel::SenderRole).toString();
    const QFontMetrics boldFm(bold);
    const int headW = content.width() - timeW;
    const QString roomText = boldFm.elidedText(room, Qt::ElideRight, headW * 3 / 5);
    p->setFont(bold);
    p->setPen(Theme::textPrimary());
    p->drawText(QPoint(content.left(), content.top() + boldFm.ascent()), roomText);
    const int senderX = content.left() + boldFm.horizontalAdvance(roomText) + 8;
    p->setFont(option.font);
    p->setPen(Theme::textSecondary());
    p->drawText(QPoint(senderX, content.top() + fm.ascent()),
                fm.elidedText(sender, Qt::ElideRight, qMax(0, content.left() + headW - senderX)));

    // Line 2: the excerpt, matches on a highlight.
    const Excerpt e = excerpt(model->hitAt(index.row()));
    QTextLayout layout(e.text, option.font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(textOption);
    QList<QTextLayout::FormatRange> formats;
    for (const auto &[start, len] : e.matches) {
        QTextLayout::FormatRange f;
        f.start = start;
        f.length = len;
        f.format.setBackground(Theme::matchBackground());
        f.format.setForeground(Theme::matchText());
        formats.append(f);
    }
    layout.setFormats(formats);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(content.width());
    layout.endLayout();
    p->setPen(Theme::textPrimary());
    const int textTop = content.top() + fm.height() + 4;
    p->setClipRect(QRect(content.left(), textTop, content.width(), fm.height() + 2));
    layout.draw(p, QPointF(content.left(), textTop));
    p->restore();
}

} // namespace gd
