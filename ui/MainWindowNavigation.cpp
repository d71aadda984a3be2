// MainWindow's keyboard navigation: the quick switcher (Ctrl+K), the next
// and previous group with unread messages (Alt+Down/Up), Esc for open panels
// and the shortcut overview (Ctrl+/). Kept apart from the window's layout.

#include "MainWindow.h"

#include "Composer.h"
#include "ComposerEdit.h"
#include "ContactsPage.h"
#include "QuickSwitcher.h"
#include "RoomListModel.h"
#include "ShortcutsDialog.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QDockWidget>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QTabWidget>

namespace gd {

namespace {
// Text fields claim some keys for editing (Ctrl+K deletes to the end of the
// line on X11), which would make the window's shortcut dead while the
// composer has the focus. For the keys listed here the window wins.
class WindowKeysFirst : public QObject
{
public:
    WindowKeysFirst(QWidget *window, QList<QKeySequence> keys)
        : QObject(window)
        , m_window(window)
        , m_keys(std::move(keys))
    {
        qApp->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::ShortcutOverride || !watched->isWidgetType())
            return false;
        if (static_cast<QWidget *>(watched)->window() != m_window)
            return false;
        const auto *key = static_cast<QKeyEvent *>(event);
        const QKeySequence pressed(key->keyCombination());
        if (!m_keys.contains(pressed))
            return false;
        event->ignore(); // not overridden: the shortcut runs
        return true;
    }

private:
    QWidget *m_window;
    QList<QKeySequence> m_keys;
};
} // namespace

void MainWindow::createNavigationActions()
{
    m_quickSwitcher = new QuickSwitcher(this);
    connect(m_quickSwitcher, &QuickSwitcher::groupChosen, this,
            [this](const QString &accountId, const QString &roomId) {
                activateWindow(); // the keyboard comes back from the switcher
                if (accountId != m_accountId)
                    selectAccount(accountId);
                m_tabs->setCurrentIndex(0);
                selectRoom(roomId);
                openRoom(roomId);
            });
    connect(m_quickSwitcher, &QuickSwitcher::contactChosen, this,
            [this](const QString &accountId, const QString &contactId) {
                activateWindow();
                if (accountId != m_accountId)
                    selectAccount(accountId);
                m_tabs->setCurrentWidget(m_contactsPage);
                m_contactsPage->selectContact(contactId);
            });

    m_switcherAction = new QAction(tr("Go to group or contact…"), this);
    m_switcherAction->setObjectName(QStringLiteral("quickSwitcherAction"));
    m_switcherAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_switcherAction, &QAction::triggered, this, &MainWindow::showQuickSwitcher);
    addAction(m_switcherAction);

    m_nextUnreadAction = new QAction(tr("Next group with unread messages"), this);
    m_nextUnreadAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    connect(m_nextUnreadAction, &QAction::triggered, this, [this] { goToUnreadRoom(+1); });
    addAction(m_nextUnreadAction);
    m_previousUnreadAction = new QAction(tr("Previous group with unread messages"), this);
    m_previousUnreadAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    connect(m_previousUnreadAction, &QAction::triggered, this, [this] { goToUnreadRoom(-1); });
    addAction(m_previousUnreadAction);

    m_closePanelAction = new QAction(tr("Close the open panel"), this);
    m_closePanelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_closePanelAction, &QAction::triggered, this, &MainWindow::closePanels);
    addAction(m_closePanelAction);

    m_shortcutsAction = new QAction(tr("Keyboard shortcuts"), this);
    m_shortcutsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(m_shortcutsAction, &QAction::triggered, this, [this] {
        ShortcutsDialog dialog(this, this);
        dialog.exec();
    });
    addAction(m_shortcutsAction);

    new WindowKeysFirst(this, {m_switcherAction->shortcut(), m_shortcutsAction->shortcut()});
}

void MainWindow::showQuickSwitcher()
{
    m_quickSwitcher->popup();
    // The candidates of every running account, read fresh each time: rooms
    // by recent activity, then contacts.
    const QStringList accountIds = m_engine->accountIds();
    QHash<QString, QString> accountNames;
    for (const QString &id : accountIds) {
        const AccountStatus s = m_engine->status(id);
        accountNames.insert(id, s.info.displayName.isEmpty() ? id : s.info.displayName);
    }
    const bool several = accountIds.size() > 1;
    using Entries = QVector<QuickSwitcherEntry>;
    m_store->read<Entries>(
        this,
        [accountIds, accountNames, several](StoreReader &reader) {
            Entries groups;
            Entries contacts;
            for (const QString &accountId : accountIds) {
                const QString account = several ? accountNames.value(accountId) : QString();
                for (const RoomSummary &room : reader.roomSummaries(accountId)) {
                    QuickSwitcherEntry e;
                    e.kind = QuickSwitcherEntry::Kind::Group;
                    e.accountId = accountId;
                    e.id = room.roomId;
                    e.name = room.topic.isEmpty() ? room.roomId : room.topic;
                    e.detail = account;
                    e.unread = room.unread;
                    groups.append(e);
                }
                for (const Contact &contact : reader.contacts(accountId)) {
                    QuickSwitcherEntry e;
                    e.kind = QuickSwitcherEntry::Kind::Contact;
                    e.accountId = accountId;
                    e.id = contact.id;
                    e.name = contact.displayName();
                    for (const QString &other : {contact.name, contact.alias, contact.weixin}) {
                        if (!other.isEmpty() && other != e.name)
                            e.otherNames.append(other);
                    }
                    e.detail = account;
                    contacts.append(e);
                }
            }
            return groups + contacts;
        },
        [this](Entries entries) {
            // The open room is read: no unread count for it whatever the store says.
            for (QuickSwitcherEntry &e : entries) {
                if (e.kind == QuickSwitcherEntry::Kind::Group && e.accountId == m_accountId
                    && e.id == m_roomId)
                    e.unread = 0;
            }
            m_quickSwitcher->setEntries(entries);
        });
}

void MainWindow::goToUnreadRoom(int direction)
{
    const int count = m_roomProxy->rowCount();
    if (count == 0)
        return;
    const int current = m_roomList->currentIndex().isValid() ? m_roomList->currentIndex().row()
                                                             : (direction > 0 ? -1 : count);
    // The nearest in that direction, wrapping around the list once.
    for (int step = 1; step <= count; ++step) {
        const int row = ((current + direction * step) % count + count) % count;
        const QModelIndex index = m_roomProxy->index(row, 0);
        if (index.data(RoomListModel::UnreadRole).toInt() > 0) {
            m_tabs->setCurrentIndex(0);
            m_roomList->setCurrentIndex(index);
            return;
        }
    }
}

void MainWindow::closePanels()
{
    if (m_searchDock->isVisible()) {
        m_searchDock->hide();
        if (!m_roomId.isEmpty())
            m_composer->editor()->setFocus();
    }
}

} // namespace gd
