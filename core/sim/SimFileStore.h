#pragma once
// The simulator's file side: blobs stored by uuid (what Upload receives and
// Download serves) and a record of every file the bot sent, with its hash,
// so tests can check what arrived byte for byte. Thread-safe.

#include <QByteArray>
#include <QString>
#include <QVector>

#include <deque>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace gd::sim {

struct SimReceivedFile
{
    QString conversationId;
    QString name;
    QString messageId;
    qint64 size = 0;
    QByteArray sha256Hex;
    bool viaUpload = false; // a uuid FileBox (Upload first), not inline base64
    QByteArray bytes;
};

class SimFileStore
{
public:
    explicit SimFileStore(qint64 capBytes = 512LL * 1024 * 1024);

    // Stores bytes, returns a new uuid. The oldest blobs go beyond the cap.
    QString put(const QByteArray &bytes);
    std::optional<QByteArray> get(const QString &uuid) const;

    void recordReceived(SimReceivedFile file);
    QVector<SimReceivedFile> received() const;

private:
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, QByteArray> m_blobs;
    std::deque<std::string> m_order;
    qint64 m_total = 0;
    qint64 m_cap;
    QVector<SimReceivedFile> m_received;
};

} // namespace gd::sim
