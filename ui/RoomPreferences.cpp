#include "RoomPreferences.h"

#include <QSettings>

namespace gd {
namespace {
QString key(const QString &accountId, const char *what)
{
    // Account ids hold ':' and '.', which QSettings keeps; '/' would nest.
    QString account = accountId;
    account.replace(QLatin1Char('/'), QLatin1Char('_'));
    return QStringLiteral("rooms/%1/%2").arg(account, QLatin1String(what));
}
} // namespace

RoomPreferences::RoomPreferences(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_settings(settingsFile.isEmpty()
                     ? std::make_unique<QSettings>()
                     : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{}

RoomPreferences::~RoomPreferences() = default;

QSet<QString> &RoomPreferences::set(const QString &k) const
{
    auto it = m_sets.find(k);
    if (it == m_sets.end()) {
        const QStringList ids = m_settings->value(k).toStringList();
        it = m_sets.insert(k, QSet<QString>(ids.begin(), ids.end()));
    }
    return it.value();
}

void RoomPreferences::save(const QString &k)
{
    const QSet<QString> &ids = set(k);
    QStringList list(ids.begin(), ids.end());
    list.sort();
    if (list.isEmpty())
        m_settings->remove(k);
    else
        m_settings->setValue(k, list);
    m_settings->sync();
}

bool RoomPreferences::isPinned(const QString &accountId, const QString &roomId) const
{
    return set(key(accountId, "pinned")).contains(roomId);
}

bool RoomPreferences::isMuted(const QString &accountId, const QString &roomId) const
{
    return set(key(accountId, "muted")).contains(roomId);
}

void RoomPreferences::setPinned(const QString &accountId, const QString &roomId, bool pinned)
{
    const QString k = key(accountId, "pinned");
    QSet<QString> &ids = set(k);
    if (ids.contains(roomId) == pinned)
        return;
    if (pinned)
        ids.insert(roomId);
    else
        ids.remove(roomId);
    save(k);
    emit changed(accountId);
}

void RoomPreferences::setMuted(const QString &accountId, const QString &roomId, bool muted)
{
    const QString k = key(accountId, "muted");
    QSet<QString> &ids = set(k);
    if (ids.contains(roomId) == muted)
        return;
    if (muted)
        ids.insert(roomId);
    else
        ids.remove(roomId);
    save(k);
    emit changed(accountId);
}

} // namespace gd
