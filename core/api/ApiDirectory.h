#pragma once
// What the API's threads need from the rest of the program, kept current by
// ApiServer: the apps with their secrets (from the keychain) and the state
// of every account (from the engine, whose own status() is GUI-thread only).
// Thread-safe: written from the GUI thread, read by the API and webhook
// threads.

#include "api/ApiApp.h"
#include "engine/Engine.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QVector>

#include <optional>

namespace gd::api {

class ApiDirectory
{
public:
    struct Entry
    {
        ApiApp app;
        QByteArray secret; // empty until read from the keychain
    };

    void setApp(const ApiApp &app); // keeps a known secret
    void setSecret(const QString &appId, const QByteArray &secret);
    std::optional<Entry> app(const QString &appId) const;
    QVector<Entry> apps() const;

    void setAccount(const AccountStatus &status);
    void removeAccount(const QString &accountId);
    std::optional<AccountStatus> account(const QString &accountId) const;
    QVector<AccountStatus> accounts() const; // by id

private:
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_apps;
    QHash<QString, AccountStatus> m_accounts;
};

} // namespace gd::api
