#pragma once
// The tray icon, present while GroupDesk runs: the app icon with the unread
// count on it, a tooltip saying how many messages wait, and a menu to show
// the window or quit. Desktop notifications go through it.

#include <QIcon>
#include <QObject>

class QMenu;
class QSystemTrayIcon;

namespace gd {

class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(const QIcon &base, QObject *parent = nullptr);
    ~TrayIcon() override;

    // Whether the desktop shows tray icons (closing to the tray needs one).
    static bool isAvailable();
    // The base icon with a red count ("99+" above 99); the base alone for 0.
    static QIcon badgedIcon(const QIcon &base, int count);

    void setCounts(int unread, int mentions);
    int unread() const { return m_unread; }
    QString toolTip() const;
    QSystemTrayIcon *tray() const { return m_tray; }
    // A short message from the icon (when the desktop shows them).
    void showHint(const QString &title, const QString &text);

signals:
    void showRequested();
    void quitRequested();

private:
    QIcon m_base;
    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    int m_unread = -1;
    int m_mentions = 0;
};

} // namespace gd
