#pragma once
// Gathers the members who join a group into one welcome: the first join
// starts the rule's delay, joins until then are added, and when it is over
// one message greets them all ({names}). A group gets at most the rule's
// number of welcomes per hour; one more is held back with the reason. The
// bot and staff joining are not welcomed (the caller leaves them out).
// Not thread-safe: used from one thread.

#include "ops/AutoReplyRule.h"

#include <QCoreApplication>
#include <QHash>
#include <QVector>

namespace gd {

class Clock;

struct WelcomeDecision
{
    qint64 ruleId = 0;
    QString accountId;
    QString roomId;
    QStringList contactIds; // who is welcomed
    QString text; // filled in
    bool held = false; // the cap stopped it: not sent
    QString heldReason;
};

class WelcomeGatherer
{
    Q_DECLARE_TR_FUNCTIONS(WelcomeGatherer)

public:
    explicit WelcomeGatherer(const Clock *clock);

    // Enabled rules without problems are used; a group takes the first
    // rule whose scope covers it.
    void setRules(const QVector<WelcomeRule> &rules);

    struct Member
    {
        QString id;
        QString name;
    };
    // Members joined a group now.
    void joined(const QString &accountId, const QString &roomId, const QString &topic,
                const QStringList &roomTags, const QVector<Member> &members);
    // Names learnt after the join (the room's sync follows it): pending
    // members without a name get theirs.
    void updateNames(const QString &accountId, const QString &roomId,
                     const QVector<Member> &members);
    // The welcomes whose gathering time is over (sent or held back).
    QVector<WelcomeDecision> due();
    // When the next gathering ends (ms since epoch); 0: none pending.
    qint64 nextDueMs() const;

private:
    struct Pending
    {
        WelcomeRule rule;
        QString accountId;
        QString roomId;
        QString topic;
        qint64 firstJoinMs = 0;
        QVector<Member> members;
    };

    const Clock *m_clock;
    QVector<WelcomeRule> m_rules;
    QHash<QString, Pending> m_pending; // account/room -> gathering
    QHash<QString, QVector<qint64>> m_sent; // account/room -> welcome times in the last hour
};

} // namespace gd

Q_DECLARE_METATYPE(gd::WelcomeDecision)
