#pragma once
// Who is answering where (issue 18), so two agents do not answer the same
// customer: while an agent types an answer in a conversation, their console
// keeps a presence row (schema 18's presence table) alive with a heartbeat;
// every console asks who else is typing in the conversation it has open and
// hears when that changes (on a shared archive through the live updates).
// A row not renewed for kFreshMs (a console that crashed) no longer counts.
// Lives in the GUI thread; writes go through the store's writer.

#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

namespace gd {

class Store;

class PresenceBoard : public QObject
{
    Q_OBJECT
public:
    static constexpr int kHeartbeatMs = 5000; // the row is renewed this often while typing
    static constexpr int kIdleMs = 20000; // no keystroke for this long: not typing any more
    static constexpr qint64 kFreshMs = 15000; // older rows are ignored

    // `agent`: the name others see (agentFromSettings()).
    PresenceBoard(Store *store, const QString &agent, QObject *parent = nullptr);
    ~PresenceBoard() override; // says this agent stopped

    // The agent's name: the setting team/agentName, else monitor/deskUser,
    // else the operating system's user name.
    static QString agentFromSettings();
    QString agent() const { return m_agent; }

    // A keystroke in the composer of (account, conversation): the row is
    // written (at once when the conversation changed, else at most every
    // heartbeat) and kept alive until stopped() or kIdleMs without typing.
    void typing(const QString &accountId, const QString &conversationId);
    // Sent, cleared, or another conversation opened.
    void stopped();

    // The other agents typing in a conversation now, by name, answered in
    // `context`'s thread.
    void othersTyping(const QString &accountId, const QString &conversationId, QObject *context,
                      std::function<void(QStringList)> done) const;

signals:
    // Someone (this agent or another) started or stopped typing there.
    void changed(const QString &accountId, const QString &conversationId);

private:
    void write(int activity);

    struct Alive
    {
        QMutex mutex;
        PresenceBoard *board = nullptr;
    };

    Store *m_store;
    QString m_agent;
    QString m_accountId;
    QString m_conversationId;
    qint64 m_lastWriteMs = 0;
    QTimer m_heartbeat;
    QTimer m_idle;
    std::shared_ptr<Alive> m_alive; // cleared when this board goes
};

} // namespace gd
