#pragma once
// The push feature's thread: owns a PushWorkspace there, runs the scheduler
// on a timer, and runs callers' jobs (the GUI's queries and edits) there,
// answering in the caller's thread. Nothing here blocks the caller except
// callAndWait (tests, command-line tools).

#include "push/PushWorkspace.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <future>
#include <memory>

class QThread;

namespace gd {

class PushService : public QObject
{
    Q_OBJECT
public:
    PushService(Store *store, const Clock *clock, std::shared_ptr<PushOutlet> outlet,
                PushOptions options = {}, QObject *parent = nullptr);
    ~PushService() override; // stops the thread

    // Starts the thread; the scheduler looks for due runs every tickMs
    // (0: only when tickNow() is called).
    void start(int tickMs = 15000);
    void stop();
    void tickNow();

    // Runs `job` on the push thread, then `done` in context's thread
    // (dropped when context is gone).
    template<typename R>
    void call(QObject *context, std::function<R(PushWorkspace &)> job, std::function<void(R)> done);
    // Runs `job` on the push thread and waits for its result.
    template<typename R> R callAndWait(std::function<R(PushWorkspace &)> job);

signals:
    // The scheduler handed sends to the outbox or skipped missed runs.
    void ticked(int runs, int skipped, int sends);

private:
    void post(std::function<void(PushWorkspace &)> job);
    void runTick();

    struct Private;
    std::unique_ptr<Private> d;
};

template<typename R>
void PushService::call(QObject *context, std::function<R(PushWorkspace &)> job,
                       std::function<void(R)> done)
{
    QPointer<QObject> guard(context);
    post([guard, job = std::move(job), done = std::move(done)](PushWorkspace &w) {
        R result = job(w);
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, done, result = std::move(result)]() {
                if (guard)
                    done(result);
            },
            Qt::QueuedConnection);
    });
}

template<typename R> R PushService::callAndWait(std::function<R(PushWorkspace &)> job)
{
    auto result = std::make_shared<R>();
    auto finished = std::make_shared<std::promise<void>>();
    auto future = finished->get_future();
    post([result, finished, job = std::move(job)](PushWorkspace &w) {
        *result = job(w);
        finished->set_value();
    });
    future.wait();
    return *result;
}

} // namespace gd
