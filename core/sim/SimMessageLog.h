#pragma once
// Every message the simulator made, so MessagePayload can answer, and the
// one place that counts deliveries: a message counts at most once, when its
// MESSAGE event was first written to a subscriber. Thread-safe.
// Ids are numeric strings (like WeChat's) from a per-run base plus a
// sequence number, so lookup is an index and restarts do not reuse ids.

#include <QString>
#include <QStringList>

#include <deque>
#include <mutex>
#include <optional>

namespace gd::sim {

struct SimMessage
{
    qint64 seq = 0;
    QString id;
    QString text;
    QString talkerId;
    QString roomId;
    QString listenerId;
    qint64 timestampMs = 0;
    int type = 7; // Wechaty numbering: 7 = text, 6 = image, 1 = attachment
    QString filename; // images and attachments
    QString mediaUuid; // the file's blob in SimFileStore; empty = generated from seq
    QStringList mentionIds; // who a text @-mentions (the bot's sends record theirs)
    bool echo = false; // the bot's own send coming back
    bool delivered = false; // counted in messagesEmitted (or written, for echoes)
};

class SimMessageLog
{
public:
    explicit SimMessageLog(size_t capacity = 2'000'000);

    SimMessage append(const QString &talkerId, const QString &roomId, const QString &listenerId,
                      const QString &text, bool echo, int type = 7, const QString &filename = {},
                      const QString &mediaUuid = {}, const QStringList &mentionIds = {});
    std::optional<SimMessage> find(const QString &id) const;
    // Marks the message written; returns true if this write made it count.
    bool markDelivered(qint64 seq);

    quint64 messagesEmitted() const;
    quint64 messagesCreated() const;
    quint64 echoesWritten() const;

private:
    mutable std::mutex m_mutex;
    std::deque<SimMessage> m_messages; // m_messages[i].seq == m_firstSeq + i
    size_t m_capacity;
    quint64 m_idBase;
    qint64 m_firstSeq = 0;
    qint64 m_nextSeq = 0;
    quint64 m_emitted = 0;
    quint64 m_echoesWritten = 0;
};

} // namespace gd::sim
