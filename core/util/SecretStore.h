#pragma once
// Gateway tokens and other secrets (the SMTP password) in the OS keychain (QtKeychain), never in
// files or the log. Every operation is asynchronous; its callback runs in the thread of the
// SecretStore (which needs an event loop). The insecure plain-file fallback of
// QtKeychain is never enabled: without a keychain the operation fails.

#include <QObject>
#include <QString>

#include <functional>

namespace gd {

class SecretStore : public QObject
{
    Q_OBJECT
public:
    using DoneCallback = std::function<void(bool ok, const QString &error)>;
    using ReadCallback = std::function<void(bool ok, const QString &token, const QString &error)>;

    explicit SecretStore(QObject *parent = nullptr);

    static QString serviceName(); // "GroupDesk"
    static QString tokenKey(const QString &accountId); // "gateway-token/<accountId>"

    void writeToken(const QString &accountId, const QString &token, DoneCallback done);
    // ok is false with an error text when there is no token or no keychain.
    void readToken(const QString &accountId, ReadCallback done);
    // Deleting a token that does not exist counts as success.
    void deleteToken(const QString &accountId, DoneCallback done);

    // Any other secret under its own key (e.g. smtpPasswordKey()).
    static QString smtpPasswordKey(); // "smtp-password"
    void writeSecret(const QString &key, const QString &secret, DoneCallback done);
    void readSecret(const QString &key, ReadCallback done);
    // Deleting a secret that does not exist counts as success.
    void deleteSecret(const QString &key, DoneCallback done);
};

} // namespace gd
