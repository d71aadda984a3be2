#pragma once
// Runs asynchronous jobs with at most `limit` of them in flight, in order.
// A job gets a `done` function to call when it has finished. clear() drops
// what is queued and forgets what is running (their `done` is then ignored),
// e.g. after the connection was reset. Single-threaded.

#include <QtGlobal>

#include <deque>
#include <functional>

namespace gd {

class CallWindow
{
public:
    using Done = std::function<void()>;
    using Job = std::function<void(Done done)>;

    explicit CallWindow(int limit);

    void setLimit(int limit);
    void push(Job job);
    void clear();
    int running() const { return m_running; }
    int queued() const { return int(m_queue.size()); }
    bool idle() const { return m_running == 0 && m_queue.empty(); }

private:
    void pump();

    std::deque<Job> m_queue;
    int m_limit;
    int m_running = 0;
    quint64 m_epoch = 0;
    bool m_pumping = false;
};

} // namespace gd
