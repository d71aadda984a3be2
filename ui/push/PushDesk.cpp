#include "push/PushDesk.h"

#include "MainWindow.h"
#include "push/PushWindow.h"

#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>

namespace gd {

PushDesk::PushDesk(MainWindow *window, PushService *service)
    : QObject(window)
    , m_window(window)
    , m_service(service)
{
    auto *menu = new QMenu(tr("&Push"), window);
    const QList<QAction *> menus = window->menuBar()->actions();
    window->menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu);
    menu->addAction(tr("Push &schedules…"), this, [this] { show(0); });
    menu->addAction(tr("Push &rules…"), this, [this] { show(1); });
    menu->addAction(tr("Product &catalog…"), this, [this] { show(2); });
    menu->addAction(tr("&Broadcast…"), this, [this] { show(3); });
}

PushWindow *PushDesk::show(int tab)
{
    if (!m_pushWindow) {
        m_pushWindow = new PushWindow(m_service, m_window);
        m_pushWindow->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_pushWindow->tabs()->setCurrentIndex(tab);
    m_pushWindow->show();
    m_pushWindow->raise();
    m_pushWindow->activateWindow();
    return m_pushWindow;
}

} // namespace gd
