#pragma once
// Puts product pushes into the main window: a Push menu that opens the push
// window (schedules, rules, catalog, broadcasts). Kept apart from
// MainWindow so the window stays about chats.

#include <QObject>
#include <QPointer>

namespace gd {

class MainWindow;
class PushService;
class PushWindow;

class PushDesk : public QObject
{
    Q_OBJECT
public:
    PushDesk(MainWindow *window, PushService *service);
    // Opens (or raises) the push window on the given tab (0: schedules).
    PushWindow *show(int tab = 0);

private:
    MainWindow *m_window;
    PushService *m_service;
    QPointer<PushWindow> m_pushWindow;
};

} // namespace gd
