#include "push/PushService.h"

#include <QThread>
#include <QTimer>

#include <future>

namespace gd {

struct PushService::Private
{
    Store *store;
    const Clock *clock;
    std::shared_ptr<PushOutlet> outlet;
    PushOptions options;
    QThread *thread = nullptr;
    QObject *worker = nullptr; // lives in thread
    std::unique_ptr<PushWorkspace> workspace; // made and used in thread
    QTimer *timer = nullptr; // in thread
};

PushService::PushService(Store *store, const Clock *clock, std::shared_ptr<PushOutlet> outlet,
                         PushOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->store = store;
    d->clock = clock;
    d->outlet = std::move(outlet);
    d->options = std::move(options);
}

PushService::~PushService()
{
    stop();
}

void PushService::start(int tickMs)
{
    if (d->thread)
        return;
    d->thread = new QThread;
    d->thread->setObjectName(QStringLiteral("push"));
    d->worker = new QObject;
    d->worker->moveToThread(d->thread);
    d->thread->start();
    Private *p = d.get();
    QMetaObject::invokeMethod(
        d->worker,
        [this, p, tickMs] {
            p->workspace
                = std::make_unique<PushWorkspace>(p->store, p->clock, p->outlet, p->options);
            if (tickMs > 0) {
                p->timer = new QTimer(p->worker);
                p->timer->setInterval(tickMs);
                QObject::connect(p->timer, &QTimer::timeout, p->worker, [this] { runTick(); });
                p->timer->start();
                runTick(); // a missed run is handled at start, not a tick later
            }
        },
        Qt::BlockingQueuedConnection);
}

void PushService::stop()
{
    if (!d->thread)
        return;
    Private *p = d.get();
    QMetaObject::invokeMethod(
        d->worker,
        [p] {
            delete p->timer;
            p->timer = nullptr;
            p->workspace.reset();
        },
        Qt::BlockingQueuedConnection);
    d->thread->quit();
    d->thread->wait();
    delete d->worker;
    d->worker = nullptr;
    delete d->thread;
    d->thread = nullptr;
}

void PushService::tickNow()
{
    callAndWait<bool>([this](PushWorkspace &) {
        runTick();
        return true;
    });
}

void PushService::runTick()
{
    if (!d->workspace)
        return;
    const PushTickResult r = d->workspace->tick();
    if (r.runs > 0 || r.skipped > 0)
        emit ticked(r.runs, r.skipped, r.sends);
}

void PushService::post(std::function<void(PushWorkspace &)> job)
{
    if (!d->worker)
        return;
    Private *p = d.get();
    QMetaObject::invokeMethod(
        d->worker,
        [p, job = std::move(job)] {
            if (p->workspace)
                job(*p->workspace);
        },
        Qt::QueuedConnection);
}

} // namespace gd
