#pragma once
// The alert inbox (a dock of the main window): the open alerts, live, with
// severity, why, group, customer, excerpt and age; acknowledge, assign to a
// person at this desk, snooze (it comes back), resolve, reopen. A search
// over all alerts, resolved ones included, with the selected alert's history.
// Activating an alert asks to open the feed at its message.

#include "util/LatestRequest.h"
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QToolButton;
class QTreeView;

namespace gd {

class AlertListModel;
class AlertMonitor;

class AlertInbox : public QWidget
{
    Q_OBJECT
public:
    AlertInbox(AlertMonitor *monitor, AlertListModel *model, QWidget *parent = nullptr);

    // The person at this desk, recorded in each alert's history.
    static QString deskUser();
    QTreeView *view() const { return m_view; }
    qint64 currentAlertId() const;
    void selectAlert(qint64 alertId);

    // Actions on the selected alert (buttons; tests call them directly).
    void acknowledgeCurrent();
    void assignCurrent(const QString &person);
    void snoozeCurrent(int minutes);
    void resolveCurrent();
    void reopenCurrent();
    void setSearchText(const QString &text, bool includeResolved);

signals:
    // Open the conversation at the alert's message: on selection, and with
    // the composer focused on activation (Enter, double-click).
    void openRequested(const QString &accountId, const QString &conversationId, qint64 rowId,
                       bool focusComposer);
    void rulesRequested();

private:
    void updateButtons();
    void showHistory();
    void runSearch();
    void askAssignee();

    AlertMonitor *m_monitor;
    AlertListModel *m_model;
    QComboBox *m_filter = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeView *m_view = nullptr;
    QPushButton *m_ack = nullptr;
    QPushButton *m_assign = nullptr;
    QPushButton *m_snooze = nullptr;
    QPushButton *m_resolve = nullptr;
    QPushButton *m_reopen = nullptr;
    QLabel *m_summary = nullptr;
    QListWidget *m_history = nullptr;
    LatestRequest m_searchRequests;
    LatestRequest m_historyRequests;
};

} // namespace gd
