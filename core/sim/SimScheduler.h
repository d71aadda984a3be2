#pragma once
// The simulator's clock: one thread of its own running delayed tasks in due
// order (QR flow steps, heartbeats, DONGs, traffic ticks). It needs no Qt
// event loop, so the simulator runs the same in a test, the GUI or a CLI.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace gd::sim {

class SimScheduler
{
public:
    SimScheduler() = default;
    ~SimScheduler();
    SimScheduler(const SimScheduler &) = delete;
    SimScheduler &operator=(const SimScheduler &) = delete;

    void start();
    // Stops the thread; tasks not yet run are dropped. Idempotent.
    void stop();
    // Runs task on the scheduler thread after delayMs (tasks run one at a time).
    void post(int delayMs, std::function<void()> task);

private:
    void run();

    using Clock = std::chrono::steady_clock;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::multimap<Clock::time_point, std::function<void()>> m_tasks;
    std::thread m_thread;
    bool m_stopping = false;
};

} // namespace gd::sim
