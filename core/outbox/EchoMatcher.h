#pragma once
// Pairs the bot's own sends with their echoes when the gateway does not say
// which message a send created. Some gateways (the reference mock among them)
// answer MessageSendText without an id; the send then comes back only as a
// MESSAGE event under an id we have never seen. Matching by conversation and
// text, oldest first, within a time window keeps every send stored once and
// linked to its outbox entry, whichever of the answer and the echo comes first.

#include <QString>
#include <QVector>

namespace gd {

class EchoMatcher
{
public:
    explicit EchoMatcher(qint64 windowMs = 120000);

    // A send succeeded without a message id. Returns the id of an own message
    // already seen for it (the echo came first), or an empty string; in that
    // case the send waits for its echo.
    QString sendAnsweredWithoutId(qint64 outboxId, const QString &conversationId,
                                  const QString &text, qint64 nowMs);
    // An own message arrived whose id no send reported. Returns the outbox id
    // of the send it echoes, or 0; in that case it is remembered in case the
    // send's answer is still on its way.
    qint64 ownMessageArrived(const QString &messageId, const QString &conversationId,
                             const QString &text, qint64 nowMs);
    // A send answered with an id: its echo will carry that id, nothing to match.
    void forgetMessage(const QString &messageId);

    int pendingSends() const { return int(m_sends.size()); }
    int unclaimedEchoes() const { return int(m_echoes.size()); }

private:
    struct Item
    {
        qint64 outboxId = 0;
        QString messageId;
        QString conversationId;
        QString text;
        qint64 atMs = 0;
    };
    void prune(qint64 nowMs);

    qint64 m_windowMs;
    QVector<Item> m_sends; // answered without id, echo not seen yet
    QVector<Item> m_echoes; // own messages not matched to a send yet
};

} // namespace gd
