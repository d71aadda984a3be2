#include "ops/OpsDesk.h"

#include "Composer.h"
#include "MainWindow.h"
#include "RoomListModel.h"
#include "ops/AutomationDialog.h"
#include "ops/GroupCleanup.h"
#include "ops/GroupCleanupDialog.h"
#include "ops/NotesPanel.h"
#include "ops/OpsRepository.h"
#include "ops/OpsStore.h"
#include "ops/QuickReplyCatalog.h"
#include "ops/QuickReplyDialog.h"
#include "ops/ScheduledSendsDialog.h"
#include "ops/SendLaterDialog.h"
#include "ComposerEdit.h"
#include "FeedView.h"
#include "engine/Engine.h"
#include "ops/OpsAutomation.h"
#include "outbox/OutboxRepository.h"
#include "outbox/SendRequest.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QDateTime>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>

namespace gd {

OpsDesk::OpsDesk(MainWindow *window, Store *store, OpsStore *opsStore, Engine *engine,
                 OpsAutomation *automation)
    : QObject(window)
    , m_window(window)
    , m_store(store)
    , m_engine(engine)
    , m_opsStore(opsStore)
    , m_quickReplies(new QuickReplyCatalog(m_opsStore, this))
    , m_menu(new QMenu(tr("&Groups"), window))
    , m_automation(automation)
    , m_notes(new NotesPanel(m_opsStore, agentName(), window))
    , m_notesDock(new QDockWidget(tr("Notes"), window))
    , m_cleanup(new GroupCleanup(
          [engine](const QString &accountId, const QString &roomId,
                   std::function<void(const GatewayStatus &)> done) {
              engine->quitRoom(accountId, roomId, std::move(done));
          },
          m_opsStore, this))
{
    m_menu->setObjectName(QStringLiteral("groupsMenu"));
    QAction *replies
        = m_menu->addAction(tr("&Quick Replies…"), this, [this] { showQuickReplies(); });
    replies->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_notesDock->setObjectName(QStringLiteral("notesDock"));
    m_notesDock->setWidget(m_notes);
    window->addDockWidget(Qt::RightDockWidgetArea, m_notesDock);
    m_notesDock->hide();
    QAction *notes = m_notesDock->toggleViewAction();
    notes->setText(tr("Group &Notes"));
    notes->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_menu->addAction(notes);
    m_menu->addAction(tr("&Scheduled Messages…"), this, [this] { showScheduled(); });
    connect(window->composer(), &Composer::sendLaterRequested, this,
            &OpsDesk::scheduleFromComposer);
    // What the bot sent by itself says so in the feed.
    window->feedView()->setSelfMessageBadge([self = QPointer<OpsDesk>(this)](const Message &m) {
        return self ? self->originBadge(m) : QString();
    });
    if (OutboxRepository *outbox = engine->outbox()) {
        connect(outbox, &OutboxRepository::entryChanged, this, [this](const OutboxEntry &entry) {
            if (entry.origin != QLatin1String("composer") && !entry.origin.isEmpty())
                m_origins.insert(entry.id, entry.origin);
        });
    }
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quiet Groups…"), this, [this] { showCleanup(true); });
    m_menu->addAction(tr("&Clean Up Groups…"), this, [this] { showCleanup(false); });
    if (m_automation) {
        m_menu->addSeparator();
        m_menu->addAction(tr("&Welcomes and Auto-replies…"), this, [this] {
            auto *dialog = new AutomationDialog(m_automation, m_opsStore,
                                                m_window->currentAccountId(), m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
        });
    }
    connect(m_notes, &NotesPanel::openGroupRequested, window,
            [window](const QString &accountId, const QString &roomId) {
                window->selectAccount(accountId);
                window->selectRoom(roomId);
            });

    // Group health: stars on the rows, the "Group health" sort.
    window->roomListModel()->setHealthRating(
        [this](const QString &accountId, const QString &roomId) {
            return starsOf(accountId, roomId);
        });
    m_healthTimer.setInterval(5 * 60 * 1000);
    connect(&m_healthTimer, &QTimer::timeout, this, [this] { refreshHealth(); });
    m_healthTimer.start();
    connect(window->roomListModel(), &RoomListModel::refreshed, this, [this] {
        if (!m_stars.contains(m_window->currentAccountId()))
            refreshHealth();
    });
    const QList<QAction *> menus = window->menuBar()->actions();
    window->menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), m_menu);

    window->composer()->setQuickReplies(m_quickReplies, agentName());
    m_quickReplies->load();

    connect(window, &MainWindow::roomOpened, this, &OpsDesk::onRoomOpened);
    // The customer being answered: whoever wrote last in the open group.
    connect(store, &Store::messagesStored, this, [this](const QVector<Message> &messages) {
        Composer *composer = m_window->composer();
        for (const Message &m : messages) {
            if (m.accountId == composer->accountId()
                && m.conversationId() == composer->conversationId() && !m.fromSelf
                && m.kind != MessageKind::System && !m.talkerName.isEmpty()) {
                composer->setCustomerName(m.talkerName);
                m_notes->setCustomer(m.talkerId, m.talkerName);
            }
        }
    });
}

OpsDesk::~OpsDesk() = default;

QString OpsDesk::agentName()
{
    // The same person the alert inbox records as the actor.
    QString set = QSettings().value(QStringLiteral("monitor/deskUser")).toString();
    if (!set.isEmpty())
        return set;
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? tr("this desk") : user;
}

QuickReplyDialog *OpsDesk::showQuickReplies()
{
    if (!m_quickReplyDialog) {
        m_quickReplyDialog = new QuickReplyDialog(m_quickReplies, agentName(), m_window);
        m_quickReplyDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_quickReplyDialog, &QObject::destroyed, this,
                [this] { m_quickReplyDialog = nullptr; });
    }
    m_quickReplyDialog->show();
    m_quickReplyDialog->raise();
    return m_quickReplyDialog;
}

void OpsDesk::onRoomOpened(const QString &accountId, const QString &roomId, const QString &title)
{
    m_notes->setGroup(accountId, roomId, title);
    m_roomTitle = title;
    if (roomId.isEmpty())
        return;
    // Origins of the group's sends, for the labels on the bot's messages.
    m_store->read<QVector<OutboxEntry>>(
        this,
        [accountId, roomId](StoreReader &reader) {
            return OutboxRepository::rowsForConversation(reader, accountId, roomId);
        },
        [this](const QVector<OutboxEntry> &rows) {
            for (const OutboxEntry &e : rows)
                if (e.origin != QLatin1String("composer") && !e.origin.isEmpty())
                    m_origins.insert(e.id, e.origin);
            m_window->feedView()->viewport()->update();
        });
    using Customer = QPair<QString, QString>; // id, name
    m_store->read<Customer>(
        this,
        [accountId, roomId](StoreReader &reader) {
            const QVector<Message> recent = reader.messagesBefore(accountId, roomId, {}, 50);
            for (auto it = recent.crbegin(); it != recent.crend(); ++it) {
                if (!it->fromSelf && it->kind != MessageKind::System && !it->talkerName.isEmpty())
                    return Customer{it->talkerId, it->talkerName};
            }
            return Customer{};
        },
        [this, accountId, roomId](const Customer &customer) {
            Composer *composer = m_window->composer();
            if (composer->accountId() == accountId && composer->conversationId() == roomId) {
                composer->setCustomerName(customer.second);
                m_notes->setCustomer(customer.first, customer.second);
            }
        });
}

QString OpsDesk::originBadge(const Message &message) const
{
    if (message.outboxId == 0)
        return {};
    const QString origin = m_origins.value(message.outboxId);
    if (origin == OpsAutomation::kAutoReplyOrigin)
        return tr("Auto-reply");
    if (origin == OpsAutomation::kWelcomeOrigin)
        return tr("Welcome");
    if (origin == ScheduledSendsDialog::kOrigin)
        return tr("Scheduled");
    return {};
}

void OpsDesk::scheduleFromComposer(const QString &accountId, const QString &conversationId,
                                   const QString &text)
{
    SendLaterDialog dialog(m_roomTitle.isEmpty() ? conversationId : m_roomTitle, m_window);
    dialog.setText(text);
    if (dialog.exec() != QDialog::Accepted)
        return;
    SendRequest request;
    request.accountId = accountId;
    request.conversationId = conversationId;
    request.text = dialog.text();
    // The @-mentions picked in the composer that the final text still holds.
    request.mentionIds = m_window->composer()->mentionIdsIn(request.text);
    request.filePath = dialog.picturePath();
    request.dueMs = dialog.due().toMSecsSinceEpoch();
    request.origin = ScheduledSendsDialog::kOrigin;
    QPointer<Composer> composer(m_window->composer());
    m_engine->submit(request).then(
        this, [this, composer, accountId, conversationId, text](const SubmitResult &result) {
            if (!result.ok()) {
                QMessageBox::warning(
                    m_window, tr("Send Later"),
                    tr("The message could not be scheduled: %1").arg(result.error));
                return;
            }
            // Queued: what was typed leaves the editor (unless it changed since).
            if (composer && composer->accountId() == accountId
                && composer->conversationId() == conversationId
                && composer->editor()->toPlainText().trimmed() == text)
                composer->editor()->clear();
        });
}

ScheduledSendsDialog *OpsDesk::showScheduled()
{
    const QString accountId = m_window->currentAccountId();
    if (accountId.isEmpty())
        return nullptr;
    if (m_scheduledDialog)
        m_scheduledDialog->close();
    QHash<QString, QString> names;
    RoomListModel *rooms = m_window->roomListModel();
    for (int row = 0; row < rooms->rowCount(); ++row) {
        const RoomSummary s = rooms->summaryAt(row);
        names.insert(s.roomId, s.topic);
    }
    m_scheduledDialog = new ScheduledSendsDialog(m_store, m_engine, accountId, names, m_window);
    m_scheduledDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_scheduledDialog->show();
    return m_scheduledDialog;
}

int OpsDesk::starsOf(const QString &accountId, const QString &roomId) const
{
    const auto account = m_stars.constFind(accountId);
    if (account == m_stars.constEnd())
        return -1;
    return account->value(roomId, -1);
}

void OpsDesk::refreshHealth(std::function<void()> done)
{
    const QString accountId = m_window->currentAccountId();
    if (accountId.isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_opsStore->read<QVector<GroupActivityCounts>>(
        this,
        [accountId, now](QSqlDatabase &db) {
            return OpsRepository::groupActivity(db, accountId, now, QStringLiteral("staff"));
        },
        [this, accountId, done](const QVector<GroupActivityCounts> &groups) {
            QHash<QString, int> stars;
            for (const GroupActivityCounts &a : groups)
                stars.insert(a.roomId, GroupHealth::stars(a));
            m_stars.insert(accountId, stars);
            m_window->roomListModel()->healthChanged();
            if (done)
                done();
        });
}

GroupCleanupDialog *OpsDesk::showCleanup(bool quietOnly)
{
    const QString accountId = m_window->currentAccountId();
    if (accountId.isEmpty())
        return nullptr;
    if (!m_cleanupDialog) {
        m_cleanupDialog = new GroupCleanupDialog(accountId, m_cleanup, m_window);
        m_cleanupDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_cleanupDialog, &QObject::destroyed, this, [this] { m_cleanupDialog = nullptr; });
    }
    m_cleanupDialog->setQuietOnly(quietOnly);
    m_cleanupDialog->show();
    m_cleanupDialog->raise();
    // Activity, left groups and tags, read together off the GUI thread.
    struct Data
    {
        QVector<GroupActivityCounts> groups;
        QStringList left;
    };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QPointer<GroupCleanupDialog> dialog = m_cleanupDialog;
    m_opsStore->read<Data>(
        this,
        [accountId, now](QSqlDatabase &db) {
            return Data{OpsRepository::groupActivity(db, accountId, now, QStringLiteral("staff")),
                        OpsRepository::leftRooms(db, accountId)};
        },
        [this, dialog, accountId, now](const Data &data) {
            m_store->read<QHash<QString, QStringList>>(
                this,
                [accountId](StoreReader &reader) {
                    QHash<QString, QStringList> tags;
                    for (const QString &tag : reader.allTags()) {
                        for (const QString &room : reader.roomsWithTag(accountId, tag))
                            tags[room].append(tag);
                    }
                    return tags;
                },
                [dialog, data, now](const QHash<QString, QStringList> &tags) {
                    if (dialog)
                        dialog->setGroups(data.groups, tags,
                                          QSet<QString>(data.left.cbegin(), data.left.cend()), now);
                });
        });
    return m_cleanupDialog;
}

} // namespace gd
