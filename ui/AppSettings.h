#pragma once
// The user's preferences, in QSettings (the same store AppRuntime reads the
// send pacing from): language, theme, font size, notifications, close to
// tray, the shared archive's address, and the window's geometry. One object per window; changed()
// tells the window, the tray and the notifier to apply what changed.

#include "Theme.h"

#include <QObject>
#include <QSettings>

namespace gd {

class AppSettings : public QObject
{
    Q_OBJECT
public:
    // Font sizes offered, in points (0: the desktop's default).
    static constexpr int kMinFontSize = 8;
    static constexpr int kMaxFontSize = 20;

    explicit AppSettings(QObject *parent = nullptr);

    // "system", "en" or "zh_CN"; read by Translations at start.
    QString language() const;
    void setLanguage(const QString &language);
    Theme::Mode theme() const;
    void setTheme(Theme::Mode mode);
    int fontSize() const; // 0: the desktop's default
    void setFontSize(int points);

    bool notifyMentions() const; // a message that mentions the bot
    void setNotifyMentions(bool on);
    bool notifyWatchedGroups() const; // any customer message in a watched group
    void setNotifyWatchedGroups(bool on);
    bool isWatched(const QString &accountId, const QString &roomId) const;
    void setWatched(const QString &accountId, const QString &roomId, bool watched);

    // Closing the window hides it to the tray and keeps the accounts running.
    bool closeToTray() const;
    void setCloseToTray(bool on);

    // Send pacing (the keys applyPacerSettings reads).
    double sendRatePerSecond() const;
    int sendBurst() const;
    int sendJitterMs() const;
    void setSendPacing(double perSecond, int burst, int jitterMs);

    // Team mode (issue 18): the postgresql:// address of the archive the
    // team shares (no password: that is in the keychain, under
    // ServerArchive::passwordKey). When set, GroupDesk starts as a team
    // console on it; empty: the archive file on this computer.
    QString sharedArchive() const;
    void setSharedArchive(const QString &location);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void saveWindow(const QByteArray &geometry, const QByteArray &state);

    QSettings &settings() { return m_settings; }

signals:
    void changed();

private:
    void set(const QString &key, const QVariant &value);

    QSettings m_settings;
};

} // namespace gd
