#include "ContactsPage.h"

#include "store/Store.h"
#include "store/StoreReader.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace gd {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;

QTreeView *makeView(QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSortingEnabled(true);
    view->header()->setStretchLastSection(true);
    return view;
}

QWidget *captioned(const QString &caption, QWidget *content, QLabel **labelOut, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(6);
    auto *label = new QLabel(caption, box);
    label->setObjectName(QStringLiteral("pageCaption"));
    layout->addWidget(label);
    layout->addWidget(content, 1);
    if (labelOut)
        *labelOut = label;
    return box;
}

QStandardItem *textItem(const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setToolTip(text);
    return item;
}
} // namespace

ContactsPage::ContactsPage(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_contacts(new QStandardItemModel(this))
    , m_groups(new QStandardItemModel(this))
    , m_members(new QStandardItemModel(this))
    , m_contactsView(makeView(this))
    , m_groupsView(makeView(this))
    , m_membersView(makeView(this))
    , m_membersCaption(nullptr)
{
    m_contacts->setHorizontalHeaderLabels({tr("Name"), tr("Remark"), tr("WeChat ID")});
    m_groups->setHorizontalHeaderLabels({tr("Group"), tr("Members")});
    m_members->setHorizontalHeaderLabels({tr("Name"), tr("WeChat ID")});
    m_contactsView->setModel(m_contacts);
    m_groupsView->setModel(m_groups);
    m_membersView->setModel(m_members);
    m_contactsView->setColumnWidth(0, 160);
    m_contactsView->setColumnWidth(1, 120);
    m_groupsView->setColumnWidth(0, 220);
    m_membersView->setColumnWidth(0, 180);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(captioned(tr("Contacts"), m_contactsView, nullptr, splitter));
    splitter->addWidget(captioned(tr("Groups"), m_groupsView, nullptr, splitter));
    splitter->addWidget(captioned(tr("Members"), m_membersView, &m_membersCaption, splitter));
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_groupsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ContactsPage::onGroupSelected);

    // Sync sends many small changes; one reload after they settle is enough.
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(400);
    connect(&m_reloadTimer, &QTimer::timeout, this, &ContactsPage::reload);
    auto schedule = [this](const QString &accountId) {
        if (accountId == m_accountId)
            m_reloadTimer.start();
    };
    connect(m_store, &Store::contactsChanged, this, schedule);
    connect(m_store, &Store::roomsChanged, this, schedule);
    connect(m_store, &Store::roomMembersChanged, this, [this](const QString &accountId, const QString &roomId) {
        if (accountId == m_accountId && roomId == m_openGroup)
            loadMembers(roomId);
    });
}

QString ContactsPage::memberDisplayName(const RoomMember &member, const Contact *contact)
{
    if (!member.roomAlias.isEmpty())
        return member.roomAlias;
    if (contact && !contact->alias.isEmpty())
        return contact->alias;
    if (!member.name.isEmpty())
        return member.name;
    if (contact && !contact->name.isEmpty())
        return contact->name;
    return member.contactId;
}

void ContactsPage::setAccount(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    m_openGroup.clear();
    reload();
}

void ContactsPage::reload()
{
    const quint64 generation = ++m_generation;
    if (m_accountId.isEmpty()) {
        m_contacts->removeRows(0, m_contacts->rowCount());
        m_groups->removeRows(0, m_groups->rowCount());
        m_members->removeRows(0, m_members->rowCount());
        return;
    }
    struct Snapshot
    {
        QVector<Contact> contacts;
        QVector<Room> rooms;
    };
    m_store->read<Snapshot>(
        this,
        [accountId = m_accountId](StoreReader &reader) {
            return Snapshot{reader.contacts(accountId), reader.rooms(accountId)};
        },
        [this, generation](Snapshot snapshot) {
            if (generation != m_generation)
                return;
            m_contactById.clear();
            m_contacts->removeRows(0, m_contacts->rowCount());
            for (const Contact &c : std::as_const(snapshot.contacts)) {
                m_contactById.insert(c.id, c);
                auto *name = textItem(c.name.isEmpty() ? c.id : c.name);
                name->setData(c.id, kIdRole);
                m_contacts->appendRow({name, textItem(c.alias), textItem(c.id)});
            }
            const QString keepGroup = m_openGroup;
            m_groups->removeRows(0, m_groups->rowCount());
            for (const Room &r : std::as_const(snapshot.rooms)) {
                auto *topic = textItem(r.topic.isEmpty() ? r.id : r.topic);
                topic->setData(r.id, kIdRole);
                auto *count = new QStandardItem;
                count->setData(int(r.memberIds.size()), Qt::DisplayRole);
                m_groups->appendRow({topic, count});
            }
            if (!keepGroup.isEmpty())
                selectGroup(keepGroup);
        });
}

void ContactsPage::selectGroup(const QString &roomId)
{
    for (int row = 0; row < m_groups->rowCount(); ++row) {
        if (m_groups->item(row, 0)->data(kIdRole).toString() == roomId) {
            m_groupsView->setCurrentIndex(m_groups->index(row, 0));
            loadMembers(roomId);
            return;
        }
    }
}

void ContactsPage::onGroupSelected()
{
    const QModelIndex current = m_groupsView->currentIndex();
    if (!current.isValid())
        return;
    const QString roomId = m_groups->item(current.row(), 0)->data(kIdRole).toString();
    if (roomId != m_openGroup)
        loadMembers(roomId);
}

void ContactsPage::loadMembers(const QString &roomId)
{
    m_openGroup = roomId;
    const quint64 generation = m_generation;
    m_store->read<QVector<RoomMember>>(
        this,
        [accountId = m_accountId, roomId](StoreReader &reader) {
            return reader.roomMembers(accountId, roomId);
        },
        [this, generation, roomId](QVector<RoomMember> members) {
            if (generation != m_generation || roomId != m_openGroup)
                return;
            m_members->removeRows(0, m_members->rowCount());
            for (const RoomMember &m : std::as_const(members)) {
                const auto it = m_contactById.constFind(m.contactId);
                const Contact *contact = it != m_contactById.constEnd() ? &it.value() : nullptr;
                m_members->appendRow({textItem(memberDisplayName(m, contact)), textItem(m.contactId)});
            }
            m_membersCaption->setText(tr("Members (%1)").arg(members.size()));
        });
}

} // namespace gd
