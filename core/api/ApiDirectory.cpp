#include "api/ApiDirectory.h"

#include <QMutexLocker>

#include <algorithm>

namespace gd::api {

void ApiDirectory::setApp(const ApiApp &app)
{
    QMutexLocker lock(&m_mutex);
    m_apps[app.id].app = app;
}

void ApiDirectory::setSecret(const QString &appId, const QByteArray &secret)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_apps.find(appId);
    if (it != m_apps.end())
        it->secret = secret;
}

std::optional<ApiDirectory::Entry> ApiDirectory::app(const QString &appId) const
{
    QMutexLocker lock(&m_mutex);
    auto it = m_apps.constFind(appId);
    if (it == m_apps.constEnd())
        return std::nullopt;
    return *it;
}

QVector<ApiDirectory::Entry> ApiDirectory::apps() const
{
    QMutexLocker lock(&m_mutex);
    QVector<Entry> out(m_apps.cbegin(), m_apps.cend());
    std::sort(out.begin(), out.end(), [](const Entry &a, const Entry &b) {
        return a.app.createdMs != b.app.createdMs ? a.app.createdMs < b.app.createdMs
                                                  : a.app.id < b.app.id;
    });
    return out;
}

void ApiDirectory::setAccount(const AccountStatus &status)
{
    QMutexLocker lock(&m_mutex);
    m_accounts.insert(status.info.id, status);
}

void ApiDirectory::removeAccount(const QString &accountId)
{
    QMutexLocker lock(&m_mutex);
    m_accounts.remove(accountId);
}

std::optional<AccountStatus> ApiDirectory::account(const QString &accountId) const
{
    QMutexLocker lock(&m_mutex);
    auto it = m_accounts.constFind(accountId);
    if (it == m_accounts.constEnd())
        return std::nullopt;
    return *it;
}

QVector<AccountStatus> ApiDirectory::accounts() const
{
    QMutexLocker lock(&m_mutex);
    QVector<AccountStatus> out(m_accounts.cbegin(), m_accounts.cend());
    std::sort(out.begin(), out.end(),
              [](const AccountStatus &a, const AccountStatus &b) { return a.info.id < b.info.id; });
    return out;
}

} // namespace gd::api
