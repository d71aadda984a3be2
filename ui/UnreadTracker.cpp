#include "UnreadTracker.h"

#include "engine/Engine.h"
#include "store/Store.h"
#include "store/StoreReader.h"

namespace gd {

UnreadTracker::UnreadTracker(Store *store, Engine *engine, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kRefreshDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &UnreadTracker::refresh);
    connect(m_store, &Store::messagesStored, this, &UnreadTracker::onMessagesStored);
    connect(m_store, &Store::conversationRead, this,
            [this](const QString &accountId, const QString &conversationId) {
                if (m_mentions.remove(key(accountId, conversationId)) > 0)
                    emit changed();
                scheduleRefresh();
            });
    connect(m_store, &Store::roomsChanged, this, &UnreadTracker::scheduleRefresh);
    connect(m_engine, &Engine::accountRemoved, this, &UnreadTracker::scheduleRefresh);
    connect(m_engine, &Engine::accountStatusChanged, this, [this](const QString &accountId) {
        if (m_engine->status(accountId).state == SessionState::Ready)
            scheduleRefresh();
    });
    scheduleRefresh();
}

QString UnreadTracker::key(const QString &accountId, const QString &conversationId)
{
    return accountId + QLatin1Char('\n') + conversationId;
}

int UnreadTracker::totalMentions() const
{
    int sum = 0;
    for (int n : m_mentions)
        sum += n;
    return sum;
}

int UnreadTracker::mentions(const QString &accountId, const QString &conversationId) const
{
    return m_mentions.value(key(accountId, conversationId));
}

void UnreadTracker::setOpenConversation(const QString &accountId, const QString &conversationId)
{
    m_open = conversationId.isEmpty() ? QString() : key(accountId, conversationId);
    if (m_mentions.remove(m_open) > 0)
        emit changed();
    scheduleRefresh();
}

QString UnreadTracker::roomTopic(const QString &accountId, const QString &roomId) const
{
    return m_topics.value(key(accountId, roomId));
}

bool UnreadTracker::mentionsSelf(const Message &message, const QString &selfId,
                                 const QString &selfName)
{
    if (message.fromSelf)
        return false;
    if (!selfId.isEmpty() && message.mentionIds.contains(selfId))
        return true;
    if (selfName.isEmpty() || !message.mentionIds.isEmpty())
        return false; // the gateway said whom it mentions, and not us
    const QString at = QLatin1Char('@') + selfName;
    for (qsizetype i = message.text.indexOf(at); i >= 0; i = message.text.indexOf(at, i + 1)) {
        const qsizetype end = i + at.size();
        if (end == message.text.size() || message.text.at(end) == QChar(0x2005)
            || message.text.at(end).isSpace())
            return true;
    }
    return false;
}

void UnreadTracker::onMessagesStored(const QVector<Message> &messages)
{
    bool counted = false;
    for (const Message &m : messages) {
        if (m.fromSelf || !m.duplicateOf.isEmpty() || m.roomId.isEmpty())
            continue;
        const AccountInfo info = m_engine->status(m.accountId).info;
        if (!mentionsSelf(m, info.selfContactId, info.selfName))
            continue;
        const QString k = key(m.accountId, m.conversationId());
        if (k == m_open)
            continue;
        ++m_mentions[k];
        counted = true;
    }
    if (counted)
        emit changed();
    scheduleRefresh();
}

void UnreadTracker::scheduleRefresh()
{
    if (m_reading) {
        m_dirty = true;
        return;
    }
    if (!m_timer.isActive())
        m_timer.start();
}

void UnreadTracker::refresh()
{
    m_timer.stop();
    m_reading = true;
    m_dirty = false;
    const QStringList accountIds = m_engine->accountIds();
    using Rows = QVector<RoomSummary>;
    m_store->read<Rows>(
        this,
        [accountIds](StoreReader &reader) {
            Rows rows;
            for (const QString &id : accountIds)
                rows += reader.roomSummaries(id);
            return rows;
        },
        [this](Rows rows) {
            m_reading = false;
            int total = 0;
            m_topics.clear();
            for (const RoomSummary &s : std::as_const(rows)) {
                const QString k = key(s.accountId, s.roomId);
                m_topics.insert(k, s.topic);
                if (k != m_open)
                    total += s.unread;
            }
            if (total != m_total) {
                m_total = total;
                emit changed();
            }
            if (m_dirty)
                scheduleRefresh();
        });
}

} // namespace gd
