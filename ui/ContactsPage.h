#pragma once
// The "Contacts" tab: the account's contacts, its groups with member counts,
// and the members of the selected group under the names staff know them by
// (room alias, then remark, then nickname), with when they joined or left
// (former members on request). Selecting a contact shows the groups it is in
// and what it wrote lately; activating one of those messages asks for the
// feed at it.

#include "util/LatestRequest.h"
#include "model/Types.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QStandardItemModel;
class QTreeView;

namespace gd {

class Store;

class ContactsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ContactsPage(Store *store, QWidget *parent = nullptr);

    void setAccount(const QString &accountId);
    QString accountId() const { return m_accountId; }

    QStandardItemModel *contactsModel() const { return m_contacts; }
    QStandardItemModel *groupsModel() const { return m_groups; }
    QStandardItemModel *membersModel() const { return m_members; }
    QStandardItemModel *contactGroupsModel() const { return m_contactGroups; }
    QStandardItemModel *contactMessagesModel() const { return m_contactMessages; }
    QTreeView *contactMessagesView() const { return m_contactMessagesView; }
    QCheckBox *formerMembersToggle() const { return m_showFormer; }
    // Filters the contacts by name, remark, WeChat ID or tag, in characters
    // or pinyin (shd, zhangsan).
    QLineEdit *contactSearch() const { return m_contactSearch; }
    QTreeView *contactsView() const { return m_contactsView; }
    // Staff tags of a contact, edited from its context menu.
    void editContactTags(const QString &contactId);
    QLabel *membersCaption() const { return m_membersCaption; }
    void selectGroup(const QString &roomId);
    void selectContact(const QString &contactId);
    QString openContact() const { return m_openContact; }
    // Rows of the contact detail, for tests: they hold the message's row id.
    static constexpr int kRowIdRole = Qt::UserRole + 2;
    static constexpr int kConversationRole = Qt::UserRole + 3;

    // room alias, then the contact's remark, then the member's nickname, then
    // the contact's name, then the id
    static QString memberDisplayName(const RoomMember &member, const Contact *contact);
    // "joined 2026-11-25", "left on 2026-11-25", or empty (joined before the
    // first sync, when is unknown).
    static QString memberNote(const RoomMember &member);

signals:
    // The user chose one of a contact's recent messages.
    void messageActivated(const QString &accountId, const QString &conversationId, qint64 rowId);

private:
    void reload();
    void loadMembers(const QString &roomId);
    void onGroupSelected();
    void onContactSelected();
    void loadContact(const QString &contactId);
    void activateContactMessage(const QModelIndex &index);
    void filterContacts();

    Store *m_store;
    QString m_accountId;
    QString m_openGroup;
    QString m_openContact;
    LatestRequest m_requests;
    QHash<QString, Contact> m_contactById;
    QStandardItemModel *m_contacts;
    QStandardItemModel *m_groups;
    QStandardItemModel *m_members;
    QStandardItemModel *m_contactGroups;
    QStandardItemModel *m_contactMessages;
    QTreeView *m_contactsView;
    QTreeView *m_groupsView;
    QTreeView *m_membersView;
    QTreeView *m_contactGroupsView;
    QTreeView *m_contactMessagesView;
    QLabel *m_membersCaption;
    QLabel *m_contactCaption;
    QCheckBox *m_showFormer;
    QLineEdit *m_contactSearch;
    QTimer m_reloadTimer;
};

} // namespace gd
