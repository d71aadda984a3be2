#include "sim/SimFileStore.h"

#include <QUuid>

namespace gd::sim {

namespace {
constexpr int kReceivedKept = 500; // a long demo must not grow without bound
}

SimFileStore::SimFileStore(qint64 capBytes)
    : m_cap(capBytes)
{}

QString SimFileStore::put(const QByteArray &bytes)
{
    QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const std::string key = uuid.toStdString();
    std::lock_guard lock(m_mutex);
    m_blobs[key] = bytes;
    m_order.push_back(key);
    m_total += bytes.size();
    while (m_total > m_cap && m_order.size() > 1) {
        auto it = m_blobs.find(m_order.front());
        if (it != m_blobs.end()) {
            m_total -= it->second.size();
            m_blobs.erase(it);
        }
        m_order.pop_front();
    }
    return uuid;
}

std::optional<QByteArray> SimFileStore::get(const QString &uuid) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_blobs.find(uuid.toStdString());
    if (it == m_blobs.end())
        return std::nullopt;
    return it->second;
}

void SimFileStore::recordReceived(SimReceivedFile file)
{
    std::lock_guard lock(m_mutex);
    m_received.append(std::move(file));
    if (m_received.size() > kReceivedKept)
        m_received.removeFirst();
}

QVector<SimReceivedFile> SimFileStore::received() const
{
    std::lock_guard lock(m_mutex);
    return m_received;
}

} // namespace gd::sim
