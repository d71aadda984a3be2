#pragma once
// The product push and broadcast window: the schedules timeline with the
// push log, the rules with their preview, the catalog, and broadcasts, as
// tabs over one PushService. A page that changes data tells the others.

#include <QWidget>

class QTabWidget;

namespace gd {

class BroadcastPage;
class CatalogPage;
class PushRulesPage;
class PushSchedulePage;
class PushService;

class PushWindow : public QWidget
{
    Q_OBJECT
public:
    explicit PushWindow(PushService *service, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    PushSchedulePage *schedulePage() const { return m_schedule; }
    PushRulesPage *rulesPage() const { return m_rules; }
    CatalogPage *catalogPage() const { return m_catalog; }
    BroadcastPage *broadcastPage() const { return m_broadcast; }

private:
    QTabWidget *m_tabs;
    PushSchedulePage *m_schedule;
    PushRulesPage *m_rules;
    CatalogPage *m_catalog;
    BroadcastPage *m_broadcast;
};

} // namespace gd
