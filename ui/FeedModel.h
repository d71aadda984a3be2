#pragma once
// The messages of one conversation that the feed can show: a bounded window
// (oldest first) over the archive, plus the room's pending outbox entries.
// Live messages are appended at the newest end, older pages prepended when the
// user scrolls up; when the cap is hit the far end is dropped, so memory stays
// bounded however long a busy room stays open.

#include "model/Types.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QVector>

#include <deque>

namespace gd {

class FeedModel : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultCapacity = 2000;

    explicit FeedModel(int capacity = kDefaultCapacity, QObject *parent = nullptr);
    ~FeedModel() override;

    int capacity() const { return m_capacity; }
    int size() const { return int(m_messages.size()); }
    bool isEmpty() const { return m_messages.empty(); }
    const Message &at(int index) const { return m_messages.at(size_t(index)); }
    bool containsRowId(qint64 rowId) const { return m_rowIds.contains(rowId); }

    // Cursors for the store's keyset pagination.
    FeedCursor oldestCursor() const;
    FeedCursor newestCursor() const;

    // True once a page shorter than asked came back: nothing older exists.
    bool reachedStart() const { return m_reachedStart; }
    void setReachedStart(bool reached) { m_reachedStart = reached; }
    // True when newer messages were dropped to make room for older ones: live
    // messages are not appended then (they would leave a gap) until the newer
    // pages are loaded again.
    bool newerTruncated() const { return m_newerTruncated; }
    void setNewerTruncated(bool truncated) { m_newerTruncated = truncated; }

    void clear();

    // Adds messages newer than what is held (live traffic, or pages loaded
    // after newestCursor). Messages already held (same rowId, or same gateway
    // id) are skipped. Drops the oldest rows beyond the cap. Returns how many
    // were added.
    int appendNewer(const QVector<Message> &messages);
    // Adds an older page (oldest first). Drops the newest rows beyond the cap.
    int prependOlder(const QVector<Message> &messages);

    // --- pending sends of this conversation ---
    const QVector<OutboxEntry> &pending() const { return m_pending; }
    void setPending(const QVector<OutboxEntry> &entries);
    // Inserts or updates one entry; it leaves the pending list once its
    // message (the echo) is in the feed.
    void upsertPending(const OutboxEntry &entry);

signals:
    void rowsAppended(int count);
    void rowsPrepended(int count);
    void rowsDroppedFromFront(int count); // oldest rows left the window
    void rowsDroppedFromBack(int count); // newest rows left the window
    void pendingChanged();
    void cleared();

private:
    bool holds(const Message &message) const;
    void remember(const Message &message);
    void forget(const Message &message);
    bool isEchoed(const OutboxEntry &entry) const;
    bool prunePending();
    void reportCount(); // keeps ObjectCounters::FeedMessages in step with size()

    int m_capacity;
    std::deque<Message> m_messages; // oldest first
    QSet<qint64> m_rowIds;
    QSet<QString> m_messageIds;
    QSet<qint64> m_outboxIds; // outbox entries whose message is held
    QVector<OutboxEntry> m_pending;
    bool m_reachedStart = false;
    bool m_newerTruncated = false;
    qint64 m_countedMessages = 0;
};

} // namespace gd
