#pragma once
// What waits for staff across every account: unread messages (for the tray
// and the window title), messages that mention the bot (highlighted and
// counted until their conversation is read), and the names of the rooms
// (for notifications). Unread counts are re-read from the store at most once
// a second; mentions are counted as messages are stored.

#include "model/Types.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace gd {

class Engine;
class Store;

class UnreadTracker : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRefreshDelayMs = 1000;

    UnreadTracker(Store *store, Engine *engine, QObject *parent = nullptr);

    int totalUnread() const { return m_total; }
    int totalMentions() const;
    int mentions(const QString &accountId, const QString &conversationId) const;
    // The conversation on screen: its messages are read as they come.
    void setOpenConversation(const QString &accountId, const QString &conversationId);
    // The room's topic as last read (empty if not known yet).
    QString roomTopic(const QString &accountId, const QString &roomId) const;
    void refresh(); // re-reads now

    // Whether a message addresses the bot: its mention ids hold the bot's
    // contact id, or (gateways that leave them empty) it contains "@name"
    // followed by a space, WeChat's U+2005 or the end.
    static bool mentionsSelf(const Message &message, const QString &selfId,
                             const QString &selfName);

signals:
    void changed(); // unread or mention counts

private:
    void onMessagesStored(const QVector<Message> &messages);
    void scheduleRefresh();
    static QString key(const QString &accountId, const QString &conversationId);

    Store *m_store;
    Engine *m_engine;
    QTimer m_timer;
    bool m_reading = false;
    bool m_dirty = false;
    int m_total = 0;
    QString m_open; // key of the open conversation
    QHash<QString, int> m_mentions; // key -> unread mentions
    QHash<QString, QString> m_topics; // key -> topic
};

} // namespace gd
