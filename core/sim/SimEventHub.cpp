#include "sim/SimEventHub.h"

#include <algorithm>

namespace gd::sim {

bool SimEventHub::attach(const QString &token, const std::shared_ptr<SimEventSink> &sink,
                         const QVector<SimEvent> &replay)
{
    std::lock_guard lock(m_mutex);
    if (m_sinks.contains(token))
        return false;
    for (const SimEvent &e : replay)
        sink->enqueue(e);
    m_sinks.insert(token, sink);
    m_toKick.push_back(sink);
    return true;
}

void SimEventHub::detach(const SimEventSink *sink)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_sinks.begin(); it != m_sinks.end(); ++it) {
        if (it.value().get() == sink) {
            m_sinks.erase(it);
            break;
        }
    }
}

int SimEventHub::broadcast(SimEvent event)
{
    std::lock_guard lock(m_mutex);
    int delivered = 0;
    auto onWritten = std::move(event.onWritten);
    event.onWritten = nullptr;
    for (const auto &sink : std::as_const(m_sinks)) {
        SimEvent copy = event;
        if (delivered == 0)
            copy.onWritten = onWritten;
        if (sink->enqueue(std::move(copy))) {
            ++delivered;
            if (std::find(m_toKick.begin(), m_toKick.end(), sink) == m_toKick.end())
                m_toKick.push_back(sink);
        }
    }
    if (delivered == 0 && onWritten)
        m_deferred.push_back([onWritten] { onWritten(false); });
    return delivered;
}

void SimEventHub::defer(std::function<void()> fn)
{
    std::lock_guard lock(m_mutex);
    m_deferred.push_back(std::move(fn));
}

void SimEventHub::flush()
{
    std::vector<std::shared_ptr<SimEventSink>> toKick;
    std::vector<std::function<void()>> deferred;
    {
        std::lock_guard lock(m_mutex);
        toKick.swap(m_toKick);
        deferred.swap(m_deferred);
    }
    for (const auto &sink : toKick)
        sink->kick();
    for (const auto &fn : deferred)
        fn();
}

int SimEventHub::subscriberCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_sinks.size());
}

void SimEventHub::closeAll(int code, const QString &message)
{
    std::vector<std::shared_ptr<SimEventSink>> sinks;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &sink : std::as_const(m_sinks))
            sinks.push_back(sink);
    }
    for (const auto &sink : sinks)
        sink->close(code, message);
}

} // namespace gd::sim
