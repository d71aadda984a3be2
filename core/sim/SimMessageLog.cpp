#include "sim/SimMessageLog.h"

#include <QDateTime>

namespace gd::sim {

SimMessageLog::SimMessageLog(size_t capacity)
    : m_capacity(capacity)
    // Milliseconds since the epoch times 1000: a later run starts far above
    // the ids of an earlier one, so a client's archive never sees an id twice.
    , m_idBase(quint64(QDateTime::currentMSecsSinceEpoch()) * 1000u)
{}

SimMessage SimMessageLog::append(const QString &talkerId, const QString &roomId,
                                 const QString &listenerId, const QString &text, bool echo,
                                 int type, const QString &filename, const QString &mediaUuid,
                                 const QStringList &mentionIds)
{
    SimMessage m;
    m.mentionIds = mentionIds;
    m.type = type;
    m.filename = filename;
    m.mediaUuid = mediaUuid;
    m.talkerId = talkerId;
    m.roomId = roomId;
    m.listenerId = listenerId;
    m.text = text;
    m.echo = echo;
    m.timestampMs = QDateTime::currentMSecsSinceEpoch();
    std::lock_guard lock(m_mutex);
    m.seq = m_nextSeq++;
    m.id = QString::number(m_idBase + quint64(m.seq));
    m_messages.push_back(m);
    // Memory stays bounded on long benchmark runs; old ids become NOT_FOUND.
    while (m_messages.size() > m_capacity) {
        m_messages.pop_front();
        ++m_firstSeq;
    }
    return m;
}

std::optional<SimMessage> SimMessageLog::find(const QString &id) const
{
    bool ok = false;
    const quint64 value = id.toULongLong(&ok);
    if (!ok || value < m_idBase)
        return std::nullopt;
    const qint64 seq = qint64(value - m_idBase);
    std::lock_guard lock(m_mutex);
    if (seq < m_firstSeq || seq >= m_nextSeq)
        return std::nullopt;
    return m_messages[size_t(seq - m_firstSeq)];
}

bool SimMessageLog::markDelivered(qint64 seq)
{
    std::lock_guard lock(m_mutex);
    if (seq < m_firstSeq || seq >= m_nextSeq)
        return false; // evicted before its write completed: too old to matter
    SimMessage &m = m_messages[size_t(seq - m_firstSeq)];
    if (m.delivered)
        return false;
    m.delivered = true;
    if (m.echo) {
        ++m_echoesWritten;
        return false;
    }
    ++m_emitted;
    return true;
}

quint64 SimMessageLog::messagesEmitted() const
{
    std::lock_guard lock(m_mutex);
    return m_emitted;
}

quint64 SimMessageLog::messagesCreated() const
{
    std::lock_guard lock(m_mutex);
    return quint64(m_nextSeq);
}

quint64 SimMessageLog::echoesWritten() const
{
    std::lock_guard lock(m_mutex);
    return m_echoesWritten;
}

} // namespace gd::sim
