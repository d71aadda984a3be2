#pragma once
// Puts monitoring into the main window: the alert inbox as a dock (with its
// open count in the title), an Alerts menu (inbox, rules, notification
// level), the open-alert badges on group rows, tray notifications, and
// "open the message" from an alert (feed at the message, composer focused).
// Kept apart from MainWindow so the window stays about chats.

#include "RuleEditorDialog.h"

#include <QObject>

class QDockWidget;

namespace gd {

class AlertInbox;
class AlertListModel;
class AlertMonitor;
class AlertMailer;
class AlertNotifier;
class MainWindow;
class SecretStore;

class AlertDesk : public QObject
{
    Q_OBJECT
public:
    // base: the database path and classifier for dry runs; accounts, groups
    // and tags are filled in from the window when the editor opens.
    AlertDesk(MainWindow *window, AlertMonitor *monitor, const RuleEditorContext &base);

    AlertInbox *inbox() const { return m_inbox; }
    AlertListModel *model() const { return m_model; }
    QDockWidget *dock() const { return m_dock; }
    AlertNotifier *notifier() const { return m_notifier; }
    // Opens the rule editor (non-modal; one at a time).
    RuleEditorDialog *showRuleEditor();
    void openAlert(const QString &accountId, const QString &conversationId, qint64 rowId,
                   bool focusComposer = true);
    // Where the settings dialog sends e-mail settings and the SMTP password.
    void setMail(AlertMailer *mailer, SecretStore *secrets);
    void showSettings();

private:
    void updateTitle();

    MainWindow *m_window;
    AlertMonitor *m_monitor;
    RuleEditorContext m_base;
    AlertListModel *m_model;
    AlertInbox *m_inbox;
    QDockWidget *m_dock;
    AlertNotifier *m_notifier;
    RuleEditorDialog *m_editor = nullptr;
    AlertMailer *m_mailer = nullptr;
    SecretStore *m_secrets = nullptr;
};

} // namespace gd
