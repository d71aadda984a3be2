#include "push/PushWindow.h"

#include "push/BroadcastPage.h"
#include "push/CatalogPage.h"
#include "push/PushRulesPage.h"
#include "push/PushSchedulePage.h"
#include "push/PushService.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace gd {

PushWindow::PushWindow(PushService *service, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_tabs(new QTabWidget(this))
    , m_schedule(new PushSchedulePage(service, this))
    , m_rules(new PushRulesPage(service, this))
    , m_catalog(new CatalogPage(service, this))
    , m_broadcast(new BroadcastPage(service, this))
{
    setWindowTitle(tr("Product pushes and broadcasts"));
    m_tabs->addTab(m_schedule, tr("Push schedules"));
    m_tabs->addTab(m_rules, tr("Push rules"));
    m_tabs->addTab(m_catalog, tr("Product catalog"));
    m_tabs->addTab(m_broadcast, tr("Broadcast"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    connect(m_catalog, &CatalogPage::catalogChanged, m_schedule, &PushSchedulePage::reload);
    connect(m_rules, &PushRulesPage::rulesChanged, m_schedule, &PushSchedulePage::reload);
    connect(service, &PushService::ticked, m_schedule, &PushSchedulePage::reload);
    resize(1180, 760);
}

} // namespace gd
