#include "api/ApiSendAdapter.h"

#include "store/Store.h"

namespace gd::api {

ApiSendAdapter::ApiSendAdapter(Store *store)
    : m_store(store)
{}

qint64 ApiSendAdapter::sendText(const QString &appId, const QString &idempotencyKey,
                                const QString &accountId, const QString &conversationId,
                                const QString &text, const QStringList &mentionIds)
{
    Q_UNUSED(appId);
    Q_UNUSED(idempotencyKey);
    if (!m_store || !m_store->isOpen())
        return 0;
    return m_store->enqueueText(accountId, conversationId, text, mentionIds);
}

qint64 ApiSendAdapter::sendPicture(const QString &appId, const QString &idempotencyKey,
                                   const QString &accountId, const QString &conversationId,
                                   const QString &path, const QString &fileName)
{
    Q_UNUSED(appId);
    Q_UNUSED(idempotencyKey);
    if (!m_store || !m_store->isOpen())
        return 0;
    return m_store->enqueueFile(accountId, conversationId, path, fileName);
}

} // namespace gd::api
