#include "AppSettings.h"

#include "engine/SessionTuning.h"

namespace gd {

namespace {
const QString kLanguage = QStringLiteral("ui/language");
const QString kTheme = QStringLiteral("ui/theme");
const QString kFontSize = QStringLiteral("ui/fontSize");
const QString kNotifyMentions = QStringLiteral("notifications/mentions");
const QString kNotifyWatched = QStringLiteral("notifications/watchedGroups");
const QString kWatched = QStringLiteral("notifications/watched");
const QString kCloseToTray = QStringLiteral("window/closeToTray");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kRate = QStringLiteral("pacer/messagesPerSecond");
const QString kBurst = QStringLiteral("pacer/burst");
const QString kJitter = QStringLiteral("pacer/jitterMs");
const QString kSharedArchive = QStringLiteral("team/database");

QString watchKey(const QString &accountId, const QString &roomId)
{
    return accountId + QLatin1Char('/') + roomId;
}
} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
{}

void AppSettings::set(const QString &key, const QVariant &value)
{
    if (m_settings.value(key) == value)
        return;
    m_settings.setValue(key, value);
    emit changed();
}

QString AppSettings::language() const
{
    return m_settings.value(kLanguage, QStringLiteral("system")).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    set(kLanguage, language);
}

Theme::Mode AppSettings::theme() const
{
    return Theme::modeFromName(m_settings.value(kTheme).toString());
}

void AppSettings::setTheme(Theme::Mode mode)
{
    set(kTheme, Theme::modeName(mode));
}

int AppSettings::fontSize() const
{
    const int points = m_settings.value(kFontSize, 0).toInt();
    return points == 0 ? 0 : qBound(kMinFontSize, points, kMaxFontSize);
}

void AppSettings::setFontSize(int points)
{
    set(kFontSize, points == 0 ? 0 : qBound(kMinFontSize, points, kMaxFontSize));
}

bool AppSettings::notifyMentions() const
{
    return m_settings.value(kNotifyMentions, true).toBool();
}

void AppSettings::setNotifyMentions(bool on)
{
    set(kNotifyMentions, on);
}

bool AppSettings::notifyWatchedGroups() const
{
    return m_settings.value(kNotifyWatched, true).toBool();
}

void AppSettings::setNotifyWatchedGroups(bool on)
{
    set(kNotifyWatched, on);
}

bool AppSettings::isWatched(const QString &accountId, const QString &roomId) const
{
    return m_settings.value(kWatched).toStringList().contains(watchKey(accountId, roomId));
}

void AppSettings::setWatched(const QString &accountId, const QString &roomId, bool watched)
{
    QStringList list = m_settings.value(kWatched).toStringList();
    const QString key = watchKey(accountId, roomId);
    list.removeAll(key);
    if (watched)
        list.append(key);
    set(kWatched, list);
}

bool AppSettings::closeToTray() const
{
    return m_settings.value(kCloseToTray, true).toBool();
}

void AppSettings::setCloseToTray(bool on)
{
    set(kCloseToTray, on);
}

double AppSettings::sendRatePerSecond() const
{
    return m_settings.value(kRate, SessionTuning().sendRatePerSecond).toDouble();
}

int AppSettings::sendBurst() const
{
    return m_settings.value(kBurst, SessionTuning().sendBurst).toInt();
}

int AppSettings::sendJitterMs() const
{
    return m_settings.value(kJitter, SessionTuning().sendJitterMs).toInt();
}

void AppSettings::setSendPacing(double perSecond, int burst, int jitterMs)
{
    m_settings.setValue(kRate, perSecond);
    m_settings.setValue(kBurst, burst);
    m_settings.setValue(kJitter, jitterMs);
    emit changed();
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(kGeometry).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(kState).toByteArray();
}

void AppSettings::saveWindow(const QByteArray &geometry, const QByteArray &state)
{
    // Not a preference change: nobody needs to re-apply anything.
    m_settings.setValue(kGeometry, geometry);
    m_settings.setValue(kState, state);
}

QString AppSettings::sharedArchive() const
{
    return m_settings.value(kSharedArchive).toString().trimmed();
}

void AppSettings::setSharedArchive(const QString &location)
{
    set(kSharedArchive, location.trimmed());
}

} // namespace gd
