#pragma once
// An app allowed to use the HTTP API, as staff issued it in the UI: its id,
// what it may touch (accounts, groups; read, send, alerts), how fast, and
// where its webhook goes. The secret is not here: it lives in the keychain
// (ApiServer reads it at start) and in the API thread's memory only.

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace gd::api {

enum WebhookEvent : int {
    WebhookMessages = 1, // message.received
    WebhookAlerts = 2, // alert.raised, alert.changed
    WebhookSends = 4, // send.result
};

struct ApiApp
{
    QString id; // "gdapp_" + 16 hex digits; public
    QString name;
    QStringList accountIds; // empty: every account
    QStringList groupIds; // conversations (groups or contacts); empty: all of them
    bool canRead = true; // accounts, groups, contacts, messages, sends, alerts
    bool canSend = false; // text and pictures
    bool canAlerts = false; // acknowledge and resolve alerts
    int ratePerMinute = 120; // requests; a burst of a quarter of it is allowed
    QString webhookUrl; // empty: no webhook
    int webhookEvents = WebhookMessages | WebhookAlerts | WebhookSends;
    qint64 createdMs = 0;
    qint64 revokedMs = 0; // 0: active

    bool isRevoked() const { return revokedMs != 0; }
    bool allowsAccount(const QString &accountId) const;
    bool allowsConversation(const QString &accountId, const QString &conversationId) const;

    static QString newId();
    // 32 random bytes as 64 hex characters, from the system's secure source.
    static QString newSecret();
    // The keychain key of an app's secret.
    static QString secretKey(const QString &appId);
};

} // namespace gd::api

Q_DECLARE_METATYPE(gd::api::ApiApp)
