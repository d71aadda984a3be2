#include "ops/QuickReplyLibrary.h"

#include "ops/ReplyTemplate.h"
#include "text/Pinyin.h"

#include <algorithm>

namespace gd {

QVector<QuickReply> QuickReplyLibrary::visibleTo(const QString &agent) const
{
    QVector<QuickReply> out;
    for (const QuickReply &r : m_replies) {
        if (r.isShared() || r.owner == agent)
            out.append(r);
    }
    std::stable_sort(out.begin(), out.end(), [](const QuickReply &a, const QuickReply &b) {
        const int f = QString::localeAwareCompare(a.folder, b.folder);
        return f != 0 ? f < 0 : QString::localeAwareCompare(a.title, b.title) < 0;
    });
    return out;
}

QStringList QuickReplyLibrary::folders(const QString &agent) const
{
    QStringList out;
    for (const QuickReply &r : visibleTo(agent)) {
        if (!r.folder.isEmpty() && !out.contains(r.folder))
            out.append(r.folder);
    }
    return out;
}

QVector<QuickReply> QuickReplyLibrary::complete(const QString &query, const QString &agent,
                                                int limit) const
{
    const QVector<QuickReply> visible = visibleTo(agent);
    struct Ranked
    {
        int index;
        int score;
    };
    QVector<Ranked> ranked;
    for (int i = 0; i < visible.size(); ++i) {
        const QuickReply &r = visible.at(i);
        if (query.isEmpty()) {
            ranked.append({i, 0});
            continue;
        }
        // The shortcut is what staff learn to type: an exact or prefix hit
        // there beats a match in the title, which beats the folder.
        int best = -1;
        if (!r.shortcut.isEmpty()) {
            if (r.shortcut.compare(query, Qt::CaseInsensitive) == 0)
                best = 1000000;
            else if (r.shortcut.startsWith(query, Qt::CaseInsensitive))
                best = 900000;
        }
        const PinyinMatch title = Pinyin::match(r.title, query);
        if (title.matched)
            best = qMax(best, 500000 + title.score);
        const PinyinMatch folder = Pinyin::match(r.folder, query);
        if (folder.matched)
            best = qMax(best, folder.score);
        if (best >= 0)
            ranked.append({i, best});
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Ranked &a, const Ranked &b) { return a.score > b.score; });
    QVector<QuickReply> out;
    for (const Ranked &r : std::as_const(ranked)) {
        if (out.size() >= limit)
            break;
        out.append(visible.at(r.index));
    }
    return out;
}

QString QuickReplyLibrary::problemOf(const QuickReply &reply)
{
    if (reply.title.trimmed().isEmpty())
        return tr("Give the reply a title.");
    if (reply.body.trimmed().isEmpty() && reply.imagePath.isEmpty())
        return tr("The reply has neither text nor a picture.");
    if (reply.body.size() > kMaxBodyLength)
        return tr("The text is %1 characters long; at most %2 are allowed.")
            .arg(reply.body.size())
            .arg(kMaxBodyLength);
    if (reply.shortcut.contains(QLatin1Char(' ')) || reply.shortcut.contains(QLatin1Char('/')))
        return tr("The shortcut cannot contain spaces or \"/\".");
    return ReplyTemplate::check(reply.body, ReplyTemplate::quickReplyVariables());
}

} // namespace gd
