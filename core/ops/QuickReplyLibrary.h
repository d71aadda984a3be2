#pragma once
// The quick replies an agent can use, and the "/" completion of the
// composer: a reply matches by its shortcut, title or folder, typed as
// characters or pinyin (initials work: "/tk" finds 退款说明). Shared replies
// and the agent's own are visible; other agents' own are not. Plain value:
// copy it where it is used.

#include "ops/QuickReply.h"

#include <QCoreApplication>
#include <QStringList>
#include <QVector>

namespace gd {

class QuickReplyLibrary
{
    Q_DECLARE_TR_FUNCTIONS(QuickReplyLibrary)

public:
    static constexpr int kMaxBodyLength = 5000;

    void setReplies(const QVector<QuickReply> &replies) { m_replies = replies; }
    const QVector<QuickReply> &replies() const { return m_replies; }

    // Shared and `agent`'s own replies, by folder then title.
    QVector<QuickReply> visibleTo(const QString &agent) const;
    QStringList folders(const QString &agent) const;
    // Replies visible to `agent` matching `query` (empty: all), best first.
    QVector<QuickReply> complete(const QString &query, const QString &agent, int limit = 8) const;

    // Why `reply` cannot be saved (no title, nothing to send, too long, an
    // unknown variable), or an empty string.
    static QString problemOf(const QuickReply &reply);

private:
    QVector<QuickReply> m_replies;
};

} // namespace gd
