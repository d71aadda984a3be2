#pragma once
// Puts group operations into the main window: a Groups menu (quick
// replies, and as they come: notes, group health, cleanup, scheduled sends,
// welcomes and auto-replies), the "/" quick replies of the composer with the
// customer being answered. Kept apart from MainWindow so the window stays
// about chats; owns the ops objects the GUI uses.

#include "ops/GroupHealth.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QDockWidget;
class QMenu;

namespace gd {

class Engine;
class GroupCleanup;
class GroupCleanupDialog;
class MainWindow;
class NotesPanel;
class OpsAutomation;
class OpsStore;
class QuickReplyCatalog;
class QuickReplyDialog;
class ScheduledSendsDialog;
struct Message;
class Store;

class OpsDesk : public QObject
{
    Q_OBJECT
public:
    // opsStore: the runtime's (shared with the automation); must outlive this.
    OpsDesk(MainWindow *window, Store *store, OpsStore *opsStore, Engine *engine,
            OpsAutomation *automation = nullptr);
    ~OpsDesk() override;

    OpsStore *opsStore() const { return m_opsStore; }
    QuickReplyCatalog *quickReplies() const { return m_quickReplies; }
    QMenu *menu() const { return m_menu; }
    // The person at this desk: the agent of {agent} and of personal replies.
    static QString agentName();

    QuickReplyDialog *showQuickReplies(); // non-modal; one at a time
    // The cleanup of the current account's groups (quietOnly: the quiet
    // groups list). Non-modal; one at a time; filled when the ratings arrive.
    GroupCleanupDialog *showCleanup(bool quietOnly);
    NotesPanel *notesPanel() const { return m_notes; }
    QDockWidget *notesDock() const { return m_notesDock; }
    GroupCleanup *cleanup() const { return m_cleanup; }
    // Re-reads the ratings of the current account's groups (every few
    // minutes by itself); done runs when they are in.
    void refreshHealth(std::function<void()> done = {});
    int starsOf(const QString &accountId, const QString &roomId) const;
    // Send later: asks when, then queues the composer's text (or a picture).
    void scheduleFromComposer(const QString &accountId, const QString &conversationId,
                              const QString &text);
    ScheduledSendsDialog *showScheduled(); // what waits to go out later; one at a time
    // The label on a message the bot sent by itself ("Auto-reply",
    // "Welcome", "Scheduled"), from the origin of its outbox row.
    QString originBadge(const Message &message) const;

private:
    void onRoomOpened(const QString &accountId, const QString &roomId, const QString &title);

    MainWindow *m_window;
    Store *m_store;
    Engine *m_engine;
    OpsStore *m_opsStore;
    QuickReplyCatalog *m_quickReplies;
    QMenu *m_menu;
    QuickReplyDialog *m_quickReplyDialog = nullptr;
    OpsAutomation *m_automation;
    NotesPanel *m_notes;
    QDockWidget *m_notesDock;
    GroupCleanup *m_cleanup;
    GroupCleanupDialog *m_cleanupDialog = nullptr;
    QTimer m_healthTimer;
    QHash<QString, QHash<QString, int>> m_stars; // account -> room -> stars
    QHash<qint64, QString> m_origins; // outbox id -> origin (not the composer's)
    QString m_roomTitle; // of the open group
    QPointer<ScheduledSendsDialog> m_scheduledDialog;
};

} // namespace gd
