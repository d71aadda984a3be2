#pragma once
// Spots a message that repeats one seen moments ago under a new id: the same
// text from the same talker in the same conversation within a short window
// (gateways and phones re-deliver after a hiccup, customers double-send).
// The repeat is still stored, marked with the first one's id, and kept out
// of feeds and unread counts. Pure logic on message timestamps (the
// gateway's clock, so a backlog fetched after a reconnect is judged by when
// the messages were written, not when they arrived); memory stays bounded.

#include "model/Types.h"

#include <QHash>
#include <QHashFunctions>

#include <deque>

namespace gd {

class DuplicateDetector
{
public:
    explicit DuplicateDetector(qint64 windowMs = 5000);

    void setWindowMs(qint64 windowMs) { m_windowMs = windowMs; }
    qint64 windowMs() const { return m_windowMs; }

    // Returns the id of the earlier message `message` repeats, or an empty
    // string if it is new (it is then remembered). Messages without text, the
    // bot's own and system lines are never duplicates. The same id seen
    // again is not a duplicate either (the store keeps one row per id).
    QString check(const Message &message);

    qint64 duplicatesFound() const { return m_found; }
    int remembered() const { return int(m_seen.size()); }

private:
    // What makes two messages the same, compared exactly. The strings share
    // the messages' data (no copy of the text is made). The hash of the
    // strings is taken once, when the key is made: a burst's keys are looked
    // up, inserted, moved at every growth of the table and looked up again to
    // be forgotten, and hashing their texts each time was a sixth of the
    // session thread's CPU.
    struct Key
    {
        Key(const QString &conversation, const QString &talker, const QString &body)
            : conversationId(conversation)
            , talkerId(talker)
            , text(body)
            , hash(qHashMulti(0, conversation, talker, body))
        {}
        QString conversationId;
        QString talkerId;
        QString text;
        size_t hash;
        bool operator==(const Key &other) const
        {
            return hash == other.hash && text == other.text && talkerId == other.talkerId
                && conversationId == other.conversationId;
        }
    };
    friend size_t qHash(const Key &key, size_t seed) noexcept { return qHash(key.hash, seed); }
    struct Seen
    {
        QString id;
        qint64 timestampMs = 0;
    };
    void forgetBefore(qint64 timestampMs);

    qint64 m_windowMs;
    qint64 m_found = 0;
    qint64 m_newestMs = 0;
    QHash<Key, Seen> m_seen;
    std::deque<std::pair<qint64, Key>> m_order; // (timestamp, key), oldest first
};

} // namespace gd
