#pragma once
// The one kind of thread the store runs its SQL on: a thread, the queue of
// jobs handed to it, the lock over both and the wake-up. The writer
// (StoreWriter: batches, one transaction each) and the read thread behind
// Store::read (one job after the other) are both built on it; each owns its
// connection on the thread and writes its own loop with takeAll/waitForWork.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

namespace gd {

template<typename Item> class SqlWorker
{
public:
    using Lock = std::unique_lock<std::mutex>;

    SqlWorker() = default;
    SqlWorker(const SqlWorker &) = delete;
    SqlWorker &operator=(const SqlWorker &) = delete;
    ~SqlWorker() { stopAndJoin(); }

    // Runs `loop` on a new thread (it opens the connection there).
    void start(std::function<void()> loop)
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = false;
        }
        m_thread = std::thread(std::move(loop));
    }
    // Any thread. `bookkeeping(queue)` runs under the lock after the item is
    // queued, for counters the loop reads under the same lock.
    template<typename F> void post(Item item, F &&bookkeeping)
    {
        {
            std::lock_guard lock(m_mutex);
            m_queue.push_back(std::move(item));
            bookkeeping();
        }
        m_wake.notify_one();
    }
    void post(Item item)
    {
        post(std::move(item), [] {});
    }
    // Wakes the loop without a job (a setting changed).
    void wake() { m_wake.notify_one(); }
    // Asks the loop to finish what is queued and return, then waits for it.
    void stopAndJoin()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        if (m_thread.joinable())
            m_thread.join();
    }

    // --- on the worker's thread ---
    Lock lock() { return Lock(m_mutex); }
    // Waits (lock held) until a job is queued or a stop is asked; false when
    // stopping with nothing left to run.
    bool waitForWork(Lock &lock)
    {
        m_wake.wait(lock, [this] { return !m_queue.empty() || m_stopping; });
        return !m_queue.empty();
    }
    // Waits (lock held) until `deadline` or until `done()` holds; false on
    // the deadline.
    template<typename Clock, typename Duration, typename Pred>
    bool waitUntil(Lock &lock, std::chrono::time_point<Clock, Duration> deadline, Pred done)
    {
        return m_wake.wait_until(lock, deadline, done);
    }
    // Moves every queued job into `out` (lock held).
    void takeAll(Lock &, std::deque<Item> &out)
    {
        while (!m_queue.empty()) {
            out.push_back(std::move(m_queue.front()));
            m_queue.pop_front();
        }
    }
    // The next queued job (lock held; the queue is not empty).
    Item takeOne(Lock &)
    {
        Item item = std::move(m_queue.front());
        m_queue.pop_front();
        return item;
    }
    bool stopping(Lock &) const { return m_stopping; }
    bool isEmpty(Lock &) const { return m_queue.empty(); }

private:
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Item> m_queue;
    bool m_stopping = false;
};

} // namespace gd
