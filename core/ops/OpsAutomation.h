#pragma once
// Runs welcomes and auto-replies in the engine process (GUI or headless):
// watches stored messages (Store::messagesStored, after commit) and member
// joins (Store::roomMembersChanged), asks the AutoReplier and the
// WelcomeGatherer what to send, sends it through the outbox marked with its
// origin ("auto-reply", "welcome"), and logs every reply sent or held back in
// ops_log. Rules live in ops_rules. Lives in the thread that creates it.

#include "ops/AutoReplier.h"
#include "ops/WelcomeGatherer.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace gd {

class Clock;
class OpsStore;
class Store;

class OpsAutomation : public QObject
{
    Q_OBJECT
public:
    // Queues a text in the outbox with its origin ("auto-reply", "welcome").
    using SendFunction = std::function<void(const QString &accountId, const QString &conversationId,
                                            const QString &text, const QString &origin)>;
    static constexpr int kTickMs = 2000;
    static inline const QString kAutoReplyOrigin = QStringLiteral("auto-reply");
    static inline const QString kWelcomeOrigin = QStringLiteral("welcome");

    OpsAutomation(Store *store, OpsStore *opsStore, const Clock *clock, SendFunction send,
                  QObject *parent = nullptr);

    void start(); // loads rules, then watches
    void setStaffTag(const QString &tag) { m_staffTag = tag; }

    // Saves the rules (replacing the saved ones of that kind) and applies
    // them. A rule with a problem is refused: rulesRefused says why.
    void setAutoReplyRules(const QVector<AutoReplyRule> &rules);
    void setWelcomeRules(const QVector<WelcomeRule> &rules);
    QVector<AutoReplyRule> autoReplyRules() const { return m_autoRules; }
    QVector<WelcomeRule> welcomeRules() const { return m_welcomeRules; }

    void tickNow(); // timers now (tests move a ManualClock)

signals:
    void rulesLoaded();
    void rulesRefused(const QString &reason);
    void autoReplied(const gd::AutoReplyDecision &decision); // sent or held back
    void welcomed(const gd::WelcomeDecision &decision); // sent or held back

private:
    struct Directory // what the rules need to know about an account
    {
        QSet<QString> staff;
        QString selfId;
        QHash<QString, QStringList> roomTags;
        QHash<QString, QString> topics;
        QHash<QString, QSet<QString>> seenMembers; // room -> members seen joined or present
        bool loaded = false;
    };
    void reloadRules();
    void loadDirectory(const QString &accountId, std::function<void()> then = {});
    void onMessages(const QVector<Message> &messages);
    void onMembersChanged(const QString &accountId, const QString &roomId);
    void handle(const AutoReplyDecision &d);
    void handle(const WelcomeDecision &d);
    void saveRules(int kind, const QVector<QPair<bool, QJsonObject>> &rules);

    Store *m_store;
    OpsStore *m_ops;
    const Clock *m_clock;
    SendFunction m_send;
    QString m_staffTag = QStringLiteral("staff");
    AutoReplier m_replier;
    WelcomeGatherer m_welcomes;
    QVector<AutoReplyRule> m_autoRules;
    QVector<WelcomeRule> m_welcomeRules;
    QHash<QString, Directory> m_directories;
    QTimer m_ticker;
};

} // namespace gd
