#pragma once
// The one place the API hands a send to the outbox, so the API's handlers
// do not care how the outbox takes it. Every send is persisted as an outbox
// row (paced like any other send) and its id returned at once. Any thread.

#include <QString>
#include <QStringList>

namespace gd {
class Store;
}

namespace gd::api {

class ApiSendAdapter
{
public:
    explicit ApiSendAdapter(Store *store);

    // The outbox id, 0 when the store is closed.
    qint64 sendText(const QString &appId, const QString &idempotencyKey, const QString &accountId,
                    const QString &conversationId, const QString &text,
                    const QStringList &mentionIds);
    // `path` is a file the outbox copies before it is sent (the spool file
    // may go afterwards); fileName is the name the receiver sees.
    qint64 sendPicture(const QString &appId, const QString &idempotencyKey,
                       const QString &accountId, const QString &conversationId, const QString &path,
                       const QString &fileName);

private:
    Store *m_store;
};

} // namespace gd::api
