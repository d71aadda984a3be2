#include "AlertDesk.h"

#include "AlertInbox.h"
#include "AlertListModel.h"
#include "AlertNotifier.h"
#include "monitor/AlertText.h"
#include "AccountListModel.h"
#include "Composer.h"
#include "MainWindow.h"
#include "MonitorSettingsDialog.h"
#include "RoomListModel.h"
#include "TrayIcon.h"
#include "monitor/AlertMonitor.h"

#include <QAction>
#include <QApplication>
#include <QPointer>
#include <QComboBox>
#include <QActionGroup>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QTimer>

namespace gd {

AlertDesk::AlertDesk(MainWindow *window, AlertMonitor *monitor, const RuleEditorContext &base)
    : QObject(window)
    , m_window(window)
    , m_monitor(monitor)
    , m_base(base)
    , m_model(new AlertListModel(monitor, this))
{
    m_dock = new QDockWidget(window);
    m_dock->setObjectName(QStringLiteral("alertDock"));
    m_dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                        | QDockWidget::DockWidgetFloatable);
    m_inbox = new AlertInbox(monitor, m_model, m_dock);
    m_dock->setWidget(m_inbox);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    window->resizeDocks({m_dock}, {250}, Qt::Vertical); // the chats keep most of the height
    connect(m_inbox, &AlertInbox::openRequested, this, &AlertDesk::openAlert);
    connect(m_inbox, &AlertInbox::rulesRequested, this, [this] { showRuleEditor(); });

    // Between the window's menus and Help.
    auto *menu = new QMenu(tr("&Alerts"), window);
    const QList<QAction *> menus = window->menuBar()->actions();
    window->menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu);
    QAction *toggle = m_dock->toggleViewAction();
    toggle->setText(tr("Alert inbox"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    menu->addAction(toggle);
    menu->addAction(tr("Alert rules…"), this, [this] { showRuleEditor(); });
    menu->addAction(tr("Monitoring settings…"), this, &AlertDesk::showSettings);
    QMenu *level = menu->addMenu(tr("Notify from severity"));
    auto *group = new QActionGroup(level);
    for (AlertSeverity s : {AlertSeverity::Info, AlertSeverity::Warning, AlertSeverity::High,
                            AlertSeverity::Critical}) {
        QAction *a = level->addAction(AlertText::severityText(s));
        a->setCheckable(true);
        a->setChecked(s == AlertNotifier::threshold());
        group->addAction(a);
        connect(a, &QAction::triggered, this, [s] { AlertNotifier::setThreshold(s); });
    }

    m_notifier = new AlertNotifier(
        monitor, window->style()->standardIcon(QStyle::SP_MessageBoxWarning), this);
    if (window->trayIcon())
        m_notifier->setTray(window->trayIcon()->tray());
    connect(m_notifier, &AlertNotifier::clicked, this, [this](qint64 alertId) {
        m_dock->show();
        m_dock->raise();
        m_inbox->selectAlert(alertId);
    });

    // Group rows show their open alerts.
    RoomListModel *rooms = window->roomListModel();
    rooms->setAlertCounter([this](const QString &accountId, const QString &roomId) {
        return m_model->activeCount(accountId, roomId);
    });
    connect(m_model, &AlertListModel::countsChanged, rooms, &RoomListModel::alertCountsChanged);
    connect(m_model, &AlertListModel::countsChanged, this, &AlertDesk::updateTitle);
    updateTitle();
}

void AlertDesk::updateTitle()
{
    const int open = m_model->activeTotal();
    m_dock->setWindowTitle(open > 0 ? tr("Alerts (%1)").arg(open) : tr("Alerts"));
}

void AlertDesk::openAlert(const QString &accountId, const QString &conversationId, qint64 rowId,
                          bool focusComposer)
{
    QPointer<QWidget> hadFocus = QApplication::focusWidget();
    if (rowId > 0)
        m_window->jumpToMessage(accountId, conversationId, rowId);
    else
        m_window->selectRoom(conversationId);
    if (!focusComposer) {
        // Opening a group focuses its composer; staff browsing the inbox
        // keep the focus where they are.
        if (hadFocus)
            hadFocus->setFocus(Qt::OtherFocusReason);
        return;
    }
    // One keystroke from the answer: the composer has the focus.
    QTimer::singleShot(0, m_window, [w = m_window] {
        w->activateWindow();
        if (w->composer()->isEnabled())
            w->composer()->setFocus(Qt::OtherFocusReason);
    });
}

RuleEditorDialog *AlertDesk::showRuleEditor()
{
    if (m_editor) {
        m_editor->raise();
        m_editor->activateWindow();
        return m_editor;
    }
    RuleEditorContext context = m_base;
    AccountListModel *accounts = m_window->accountListModel();
    for (int i = 0; i < accounts->rowCount(); ++i) {
        const QModelIndex index = accounts->index(i);
        context.accounts.append({index.data(AccountListModel::AccountIdRole).toString(),
                                 index.data(Qt::DisplayRole).toString()});
    }
    RoomListModel *rooms = m_window->roomListModel();
    for (int i = 0; i < rooms->rowCount(); ++i) {
        const RoomSummary s = rooms->summaryAt(i);
        if (!s.roomId.isEmpty() && s.roomId.contains(QLatin1Char('@')))
            context.groups.append({s.roomId, s.topic.isEmpty() ? s.roomId : s.topic});
    }
    for (int i = 1; i < m_window->tagFilter()->count(); ++i)
        context.tags.append(m_window->tagFilter()->itemData(i).toString());
    m_editor = new RuleEditorDialog(m_monitor, context, m_window);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_editor, &QObject::destroyed, this, [this] { m_editor = nullptr; });
    m_editor->show();
    return m_editor;
}

void AlertDesk::setMail(AlertMailer *mailer, SecretStore *secrets)
{
    m_mailer = mailer;
    m_secrets = secrets;
}

void AlertDesk::showSettings()
{
    MonitorSettingsDialog dialog(m_mailer, m_secrets, m_window);
    dialog.exec();
}

} // namespace gd
