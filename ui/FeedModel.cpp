#include "FeedModel.h"

#include "util/ObjectCounters.h"

#include <algorithm>

namespace gd {

namespace {
bool olderThan(const Message &a, const Message &b)
{
    if (a.timestampMs != b.timestampMs)
        return a.timestampMs < b.timestampMs;
    return a.rowId < b.rowId;
}
} // namespace

FeedModel::FeedModel(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(qMax(1, capacity))
{
    // Every change of size is announced by one of these signals.
    connect(this, &FeedModel::rowsAppended, this, &FeedModel::reportCount);
    connect(this, &FeedModel::rowsPrepended, this, &FeedModel::reportCount);
    connect(this, &FeedModel::rowsDroppedFromFront, this, &FeedModel::reportCount);
    connect(this, &FeedModel::rowsDroppedFromBack, this, &FeedModel::reportCount);
    connect(this, &FeedModel::cleared, this, &FeedModel::reportCount);
}

FeedModel::~FeedModel()
{
    ObjectCounters::add(ObjectCounters::FeedMessages, -m_countedMessages);
}

void FeedModel::reportCount()
{
    ObjectCounters::add(ObjectCounters::FeedMessages, size() - m_countedMessages);
    m_countedMessages = size();
}

FeedCursor FeedModel::oldestCursor() const
{
    if (m_messages.empty())
        return {};
    return {m_messages.front().timestampMs, m_messages.front().rowId};
}

FeedCursor FeedModel::newestCursor() const
{
    if (m_messages.empty())
        return {};
    return {m_messages.back().timestampMs, m_messages.back().rowId};
}

void FeedModel::clear()
{
    m_messages.clear();
    m_rowIds.clear();
    m_messageIds.clear();
    m_outboxIds.clear();
    m_pending.clear();
    m_reachedStart = false;
    m_newerTruncated = false;
    emit cleared();
}

bool FeedModel::holds(const Message &message) const
{
    if (message.rowId != 0 && m_rowIds.contains(message.rowId))
        return true;
    return !message.id.isEmpty() && m_messageIds.contains(message.id);
}

void FeedModel::remember(const Message &message)
{
    if (message.rowId != 0)
        m_rowIds.insert(message.rowId);
    if (!message.id.isEmpty())
        m_messageIds.insert(message.id);
    if (message.outboxId != 0)
        m_outboxIds.insert(message.outboxId);
}

void FeedModel::forget(const Message &message)
{
    m_rowIds.remove(message.rowId);
    m_messageIds.remove(message.id);
    m_outboxIds.remove(message.outboxId);
}

int FeedModel::appendNewer(const QVector<Message> &messages)
{
    QVector<Message> fresh;
    fresh.reserve(messages.size());
    QSet<qint64> batchRows;
    QSet<QString> batchIds;
    for (const Message &m : messages) {
        if (holds(m) || (m.rowId != 0 && batchRows.contains(m.rowId))
            || (!m.id.isEmpty() && batchIds.contains(m.id)))
            continue;
        batchRows.insert(m.rowId);
        batchIds.insert(m.id);
        fresh.append(m);
    }
    if (fresh.isEmpty())
        return 0;
    std::stable_sort(fresh.begin(), fresh.end(), olderThan);

    // Live batches are normally all newer than what we hold; a straggler that
    // is older (clock skew between gateways) is still placed in order, which
    // costs a sort but keeps the feed truthful.
    const bool inOrder = m_messages.empty() || !olderThan(fresh.front(), m_messages.back());
    for (const Message &m : fresh) {
        remember(m);
        m_messages.push_back(m);
    }
    if (!inOrder)
        std::stable_sort(m_messages.begin(), m_messages.end(), olderThan);

    int dropped = 0;
    while (int(m_messages.size()) > m_capacity) {
        forget(m_messages.front());
        m_messages.pop_front();
        ++dropped;
    }
    if (dropped > 0)
        m_reachedStart = false; // what we dropped can be loaded again
    const int added = int(fresh.size());
    if (dropped > 0)
        emit rowsDroppedFromFront(dropped);
    emit rowsAppended(added);
    if (prunePending())
        emit pendingChanged();
    return added;
}

int FeedModel::prependOlder(const QVector<Message> &messages)
{
    QVector<Message> fresh;
    fresh.reserve(messages.size());
    for (const Message &m : messages) {
        if (!holds(m))
            fresh.append(m);
    }
    if (fresh.isEmpty())
        return 0;
    std::stable_sort(fresh.begin(), fresh.end(), olderThan);
    for (auto it = fresh.crbegin(); it != fresh.crend(); ++it) {
        remember(*it);
        m_messages.push_front(*it);
    }
    int dropped = 0;
    while (int(m_messages.size()) > m_capacity) {
        forget(m_messages.back());
        m_messages.pop_back();
        ++dropped;
    }
    if (dropped > 0)
        m_newerTruncated = true;
    emit rowsPrepended(int(fresh.size()));
    if (dropped > 0)
        emit rowsDroppedFromBack(dropped);
    return int(fresh.size());
}

bool FeedModel::isEchoed(const OutboxEntry &entry) const
{
    if (m_outboxIds.contains(entry.id))
        return true;
    return !entry.messageId.isEmpty() && m_messageIds.contains(entry.messageId);
}

bool FeedModel::prunePending()
{
    const qsizetype before = m_pending.size();
    m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(),
                                   [this](const OutboxEntry &e) { return isEchoed(e); }),
                    m_pending.end());
    return m_pending.size() != before;
}

void FeedModel::setPending(const QVector<OutboxEntry> &entries)
{
    m_pending.clear();
    for (const OutboxEntry &e : entries) {
        if (isEchoed(e))
            continue;
        // A sent entry older than the loaded window has had its echo long ago
        // (or never will): it is history, not something pending.
        if (e.state == OutboxState::Sent && !m_messages.empty()
            && e.createdMs < m_messages.front().timestampMs)
            continue;
        m_pending.append(e);
    }
    std::sort(m_pending.begin(), m_pending.end(),
              [](const OutboxEntry &a, const OutboxEntry &b) { return a.id < b.id; });
    emit pendingChanged();
}

void FeedModel::upsertPending(const OutboxEntry &entry)
{
    auto it = std::find_if(m_pending.begin(), m_pending.end(),
                           [&entry](const OutboxEntry &e) { return e.id == entry.id; });
    if (isEchoed(entry)) {
        if (it != m_pending.end()) {
            m_pending.erase(it);
            emit pendingChanged();
        }
        return;
    }
    if (it != m_pending.end()) {
        *it = entry;
    } else {
        m_pending.append(entry);
        std::sort(m_pending.begin(), m_pending.end(),
                  [](const OutboxEntry &a, const OutboxEntry &b) { return a.id < b.id; });
    }
    emit pendingChanged();
}

} // namespace gd
