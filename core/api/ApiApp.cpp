#include "api/ApiApp.h"

#include <QByteArray>
#include <QRandomGenerator>

namespace gd::api {

bool ApiApp::allowsAccount(const QString &accountId) const
{
    return !isRevoked() && (accountIds.isEmpty() || accountIds.contains(accountId));
}

bool ApiApp::allowsConversation(const QString &accountId, const QString &conversationId) const
{
    return allowsAccount(accountId) && (groupIds.isEmpty() || groupIds.contains(conversationId));
}

namespace {

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator *random = QRandomGenerator::system();
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(random->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

} // namespace

QString ApiApp::newId()
{
    return QStringLiteral("gdapp_") + randomHex(8);
}

QString ApiApp::newSecret()
{
    return randomHex(32);
}

QString ApiApp::secretKey(const QString &appId)
{
    return QStringLiteral("api-app-secret/") + appId;
}

} // namespace gd::api
