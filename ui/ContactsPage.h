#pragma once
// The "Contacts" tab: the account's contacts, its groups with member counts,
// and the members of the selected group under the names staff know them by
// (room alias, then remark, then nickname).

#include "model/Types.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QLabel;
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
    void selectGroup(const QString &roomId);

    // room alias, then the contact's remark, then the member's nickname, then
    // the contact's name, then the id
    static QString memberDisplayName(const RoomMember &member, const Contact *contact);

private:
    void reload();
    void loadMembers(const QString &roomId);
    void onGroupSelected();

    Store *m_store;
    QString m_accountId;
    QString m_openGroup;
    quint64 m_generation = 0;
    QHash<QString, Contact> m_contactById;
    QStandardItemModel *m_contacts;
    QStandardItemModel *m_groups;
    QStandardItemModel *m_members;
    QTreeView *m_contactsView;
    QTreeView *m_groupsView;
    QTreeView *m_membersView;
    QLabel *m_membersCaption;
    QTimer m_reloadTimer;
};

} // namespace gd
