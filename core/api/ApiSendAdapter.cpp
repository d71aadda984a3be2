#include "api/ApiSendAdapter.h"

#include "store/Store.h"

#include <QMetaObject>
#include <QPointer>

namespace gd::api {

ApiSendAdapter::ApiSendAdapter(Store *store)
    : m_store(store)
{}

void ApiSendAdapter::submit(const ApiSend &send, QObject *context, Done done)
{
    qint64 id = 0;
    if (m_store && m_store->isOpen()) {
        id = send.filePath.isEmpty()
            ? m_store->enqueueText(send.accountId, send.conversationId, send.text, send.mentionIds)
            : m_store->enqueueFile(send.accountId, send.conversationId, send.filePath,
                                   send.fileName);
    }
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        context,
        [guard, done, id] {
            if (guard)
                done(id, id > 0 ? QString() : QStringLiteral("The archive is not open."));
        },
        Qt::QueuedConnection);
}

} // namespace gd::api
