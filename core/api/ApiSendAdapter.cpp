#include "api/ApiSendAdapter.h"

#include "outbox/OutboxRepository.h"
#include "store/Store.h"

#include <QMetaObject>
#include <QPointer>

namespace gd::api {

ApiSendAdapter::ApiSendAdapter(Store *store)
    : m_store(store)
{
    if (m_store)
        OutboxRepository::of(m_store); // made in the store's thread
}

void ApiSendAdapter::submit(const ApiSend &send, QObject *context, Done done)
{
    QPointer<QObject> guard(context);
    if (!m_store || !m_store->isOpen()) {
        QMetaObject::invokeMethod(
            context,
            [guard, done] {
                if (guard)
                    done(0, QStringLiteral("The archive is not open."));
            },
            Qt::QueuedConnection);
        return;
    }
    SendRequest request;
    request.accountId = send.accountId;
    request.conversationId = send.conversationId;
    if (send.filePath.isEmpty()) {
        request.text = send.text;
        request.mentionIds = send.mentionIds;
    } else {
        request.filePath = send.filePath;
        request.fileName = send.fileName;
    }
    request.origin = QStringLiteral("api");
    // Unique per app: the outbox queues a repeated request once.
    if (!send.idempotencyKey.isEmpty())
        request.idempotencyKey = send.appId + QLatin1Char('/') + send.idempotencyKey;
    OutboxRepository::of(m_store)->submit(request).then(
        context, [guard, done](const SubmitResult &r) {
            if (guard)
                done(r.id, r.ok() ? QString() : r.error);
        });
}

} // namespace gd::api
