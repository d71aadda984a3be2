#pragma once
// The simulator's record of what it really handed out: one line
// "<epoch ms> <message id>" per MessagePayload answered with a message.
// Each line goes to the file with one write() before the answer is sent, so
// the record survives a SIGKILL of the simulator (the kernel has it). Tests
// that kill the gateway compare it with what the client stored.
// Thread-safe (gRPC threads call record() concurrently).

#include <QString>

#include <mutex>

namespace gd::sim {

class SimServedLog
{
public:
    SimServedLog() = default;
    ~SimServedLog();
    SimServedLog(const SimServedLog &) = delete;
    SimServedLog &operator=(const SimServedLog &) = delete;

    // Appends to `path` (created if missing). Empty path = record nothing.
    bool open(const QString &path);
    bool isOpen() const { return m_fd >= 0; }
    void record(const QString &messageId);

private:
    std::mutex m_mutex;
    int m_fd = -1;
};

} // namespace gd::sim
