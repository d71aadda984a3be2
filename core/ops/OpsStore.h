#pragma once
// Where core/ops reads and writes its tables (OpsRepository): reads on a
// thread of its own with a read-only connection to the store's file, writes
// through the store's single writer (Store::submitWrite). Results come back
// in the caller's thread; nothing here blocks the GUI.

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>

#include <functional>
#include <memory>

namespace gd {

class Store;

class OpsStore : public QObject
{
    Q_OBJECT
public:
    explicit OpsStore(Store *store, QObject *parent = nullptr);
    ~OpsStore() override; // runs the queued reads, then stops the reader thread

    Store *store() const { return m_store; }

    // Runs `query` on the reader thread, then `done` in `context`'s thread
    // (dropped if context is gone).
    template<typename R>
    void read(QObject *context, std::function<R(QSqlDatabase &)> query,
              std::function<void(R)> done);

    using WriteWork = std::function<bool(QSqlDatabase &, QString *error)>;
    // Runs `work` on the store's writer inside its next transaction, then
    // `done(ok, error)` in `context`'s thread after the commit (or at once
    // when the work failed or the store is closed). Work may run again after
    // a storage fault: it must be safe to repeat.
    void write(WriteWork work, QObject *context, std::function<void(bool, QString)> done);

private:
    void postRead(std::function<void(QSqlDatabase &)> job);

    class Reader;
    Store *m_store;
    // Shared: the writer's "tables ready" call holds it weakly, as it may
    // come after this object is gone.
    std::shared_ptr<Reader> m_reader;
};

template<typename R>
void OpsStore::read(QObject *context, std::function<R(QSqlDatabase &)> query,
                    std::function<void(R)> done)
{
    QPointer<QObject> guard(context);
    postRead([guard, query = std::move(query), done = std::move(done)](QSqlDatabase &db) {
        R result = query(db);
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

} // namespace gd
