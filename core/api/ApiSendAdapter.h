#pragma once
// The one place the API hands a send to the outbox, so the handlers do not
// care how the outbox takes it. Every send is persisted as an outbox row
// (paced like any other send); `done` runs in `context`'s thread with the
// outbox id, or 0 and why nothing was queued.

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace gd {
class Store;
}

namespace gd::api {

struct ApiSend
{
    QString appId;
    QString idempotencyKey; // may be empty
    QString accountId;
    QString conversationId;
    QString text; // a text send
    QStringList mentionIds;
    QString filePath; // a picture send: a spool file the outbox copies
    QString fileName;
};

class ApiSendAdapter
{
public:
    using Done = std::function<void(qint64 outboxId, const QString &error)>;

    explicit ApiSendAdapter(Store *store);

    void submit(const ApiSend &send, QObject *context, Done done);

private:
    Store *m_store;
};

} // namespace gd::api
