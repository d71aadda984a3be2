#include "ContactsPage.h"

#include "PlainText.h"
#include "TimeText.h"
#include "TagEditorDialog.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "text/Pinyin.h"

#include <QCheckBox>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
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
    item->setToolTip(PlainText::toolTip(text)); // names and texts come from outside
    return item;
}
} // namespace

ContactsPage::ContactsPage(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_contacts(new QStandardItemModel(this))
    , m_groups(new QStandardItemModel(this))
    , m_members(new QStandardItemModel(this))
    , m_contactGroups(new QStandardItemModel(this))
    , m_contactMessages(new QStandardItemModel(this))
    , m_contactsView(makeView(this))
    , m_groupsView(makeView(this))
    , m_membersView(makeView(this))
    , m_contactGroupsView(makeView(this))
    , m_contactMessagesView(makeView(this))
    , m_membersCaption(nullptr)
    , m_contactCaption(nullptr)
    , m_showFormer(new QCheckBox(tr("Show former members"), this))
    , m_contactSearch(new QLineEdit(this))
{
    m_contacts->setHorizontalHeaderLabels({tr("Name"), tr("Remark"), tr("WeChat ID"), tr("Tags")});
    m_contactSearch->setObjectName(QStringLiteral("contactSearch"));
    m_contactSearch->setPlaceholderText(tr("Search contacts: name, remark, tag or pinyin"));
    m_contactSearch->setClearButtonEnabled(true);
    connect(m_contactSearch, &QLineEdit::textChanged, this, &ContactsPage::filterContacts);
    m_contactsView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_contactsView, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_contactsView->indexAt(pos);
        if (!index.isValid())
            return;
        const QString id = m_contacts->item(index.row(), 0)->data(kIdRole).toString();
        QMenu menu(this);
        menu.addAction(tr("Tags…"), this, [this, id] { editContactTags(id); });
        menu.exec(m_contactsView->viewport()->mapToGlobal(pos));
    });
    m_groups->setHorizontalHeaderLabels({tr("Group"), tr("Members")});
    m_members->setHorizontalHeaderLabels({tr("Name"), tr("WeChat ID"), tr("Joined / left")});
    m_contactGroups->setHorizontalHeaderLabels({tr("Group")});
    m_contactMessages->setHorizontalHeaderLabels({tr("Time"), tr("Group"), tr("Message")});
    m_contactsView->setModel(m_contacts);
    m_groupsView->setModel(m_groups);
    m_membersView->setModel(m_members);
    m_contactGroupsView->setModel(m_contactGroups);
    m_contactMessagesView->setModel(m_contactMessages);
    m_contactMessagesView->setSortingEnabled(false); // newest first, as loaded
    m_contactsView->setColumnWidth(0, 160);
    m_contactsView->setColumnWidth(1, 120);
    m_groupsView->setColumnWidth(0, 220);
    m_membersView->setColumnWidth(0, 180);
    m_membersView->setColumnWidth(1, 140);
    m_contactMessagesView->setColumnWidth(0, 120);
    m_contactMessagesView->setColumnWidth(1, 140);

    // The contact's detail sits under the contact list.
    auto *contactColumn = new QSplitter(Qt::Vertical, this);
    auto *contactList = new QWidget(contactColumn);
    auto *contactListLayout = new QVBoxLayout(contactList);
    contactListLayout->setContentsMargins(0, 0, 0, 0);
    contactListLayout->setSpacing(4);
    contactListLayout->addWidget(m_contactSearch);
    contactListLayout->addWidget(m_contactsView, 1);
    contactColumn->addWidget(captioned(tr("Contacts"), contactList, nullptr, contactColumn));
    auto *detail = new QWidget(contactColumn);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->setSpacing(0);
    detailLayout->addWidget(
        captioned(tr("Groups of the contact"), m_contactGroupsView, &m_contactCaption, detail), 1);
    detailLayout->addWidget(captioned(tr("Recent messages (double-click to open)"),
                                      m_contactMessagesView, nullptr, detail),
                            2);
    contactColumn->addWidget(detail);
    contactColumn->setChildrenCollapsible(false);
    m_contactCaption->setTextFormat(Qt::PlainText);

    auto *membersBox = new QWidget(this);
    auto *membersLayout = new QVBoxLayout(membersBox);
    membersLayout->setContentsMargins(0, 0, 0, 0);
    membersLayout->setSpacing(4);
    membersLayout->addWidget(m_membersView, 1);
    membersLayout->addWidget(m_showFormer);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(contactColumn);
    splitter->addWidget(captioned(tr("Groups"), m_groupsView, nullptr, splitter));
    splitter->addWidget(captioned(tr("Members"), membersBox, &m_membersCaption, splitter));
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_groupsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ContactsPage::onGroupSelected);
    connect(m_contactsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ContactsPage::onContactSelected);
    connect(m_contactMessagesView, &QTreeView::activated, this,
            &ContactsPage::activateContactMessage);
    connect(m_contactGroupsView, &QTreeView::activated, this, [this](const QModelIndex &index) {
        selectGroup(m_contactGroups->item(index.row(), 0)->data(kIdRole).toString());
    });
    connect(m_showFormer, &QCheckBox::toggled, this, [this] {
        if (!m_openGroup.isEmpty())
            loadMembers(m_openGroup);
    });

    // Sync sends many small changes; one reload after they settle is enough.
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(400);
    connect(&m_reloadTimer, &QTimer::timeout, this, &ContactsPage::reload);
    auto schedule = [this](const QString &accountId) {
        if (accountId == m_accountId)
            m_reloadTimer.start();
    };
    connect(m_store, &Store::contactsChanged, this, schedule);
    connect(m_store, &Store::tagsChanged, this, [this] { m_reloadTimer.start(); });
    connect(m_store, &Store::roomsChanged, this, schedule);
    connect(m_store, &Store::roomMembersChanged, this,
            [this](const QString &accountId, const QString &roomId) {
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

QString ContactsPage::memberNote(const RoomMember &member)
{
    const auto day = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd"));
    };
    if (member.leftMs > 0)
        return tr("left on %1").arg(day(member.leftMs));
    if (member.joinedMs > 0)
        return tr("joined %1").arg(day(member.joinedMs));
    return {};
}

void ContactsPage::setAccount(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    m_openGroup.clear();
    m_openContact.clear();
    m_contactGroups->removeRows(0, m_contactGroups->rowCount());
    m_contactMessages->removeRows(0, m_contactMessages->rowCount());
    reload();
}

void ContactsPage::reload()
{
    const LatestRequest::Ticket ticket = m_requests.next();
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
        QHash<QString, QStringList> tags; // contact id -> its tags
    };
    m_store->read<Snapshot>(
        this,
        [accountId = m_accountId](StoreReader &reader) {
            Snapshot s{reader.contacts(accountId), reader.rooms(accountId), {}};
            // One query per tag, not per contact: there are far fewer tags.
            for (const QString &tag : reader.allTags()) {
                for (const QString &id : reader.contactsWithTag(accountId, tag))
                    s.tags[id].append(tag);
            }
            return s;
        },
        [this, ticket](Snapshot snapshot) {
            if (!m_requests.isLatest(ticket))
                return;
            m_contactById.clear();
            m_contacts->removeRows(0, m_contacts->rowCount());
            for (const Contact &c : std::as_const(snapshot.contacts)) {
                m_contactById.insert(c.id, c);
                auto *name = textItem(c.name.isEmpty() ? c.id : c.name);
                name->setData(c.id, kIdRole);
                m_contacts->appendRow({name, textItem(c.alias), textItem(c.id),
                                       textItem(snapshot.tags.value(c.id).join(tr(", ")))});
            }
            filterContacts();
            const QString keepGroup = m_openGroup;
            const QString keepContact = m_openContact;
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
            if (!keepContact.isEmpty())
                selectContact(keepContact);
        });
}

void ContactsPage::filterContacts()
{
    const QString query = m_contactSearch->text().trimmed();
    for (int row = 0; row < m_contacts->rowCount(); ++row) {
        bool shown = query.isEmpty();
        for (int column = 0; column < m_contacts->columnCount() && !shown; ++column) {
            const QStandardItem *item = m_contacts->item(row, column);
            shown = item && Pinyin::match(item->text(), query).matched;
        }
        m_contactsView->setRowHidden(row, QModelIndex(), !shown);
    }
}

void ContactsPage::editContactTags(const QString &contactId)
{
    const auto it = m_contactById.constFind(contactId);
    const QString name = it == m_contactById.constEnd() ? contactId : it->displayName();
    TagEditorDialog dialog(m_store, TagTarget::Contact, m_accountId, contactId, name, this);
    dialog.exec();
}

void ContactsPage::selectContact(const QString &contactId)
{
    for (int row = 0; row < m_contacts->rowCount(); ++row) {
        if (m_contacts->item(row, 0)->data(kIdRole).toString() == contactId) {
            const QSignalBlocker blocker(m_contactsView->selectionModel());
            m_contactsView->setCurrentIndex(m_contacts->index(row, 0));
            loadContact(contactId);
            return;
        }
    }
}

void ContactsPage::onContactSelected()
{
    const QModelIndex current = m_contactsView->currentIndex();
    if (!current.isValid())
        return;
    const QString contactId = m_contacts->item(current.row(), 0)->data(kIdRole).toString();
    if (contactId != m_openContact)
        loadContact(contactId);
}

void ContactsPage::loadContact(const QString &contactId)
{
    m_openContact = contactId;
    const LatestRequest::Ticket ticket = m_requests.current();
    struct Detail
    {
        QVector<Room> rooms;
        QVector<TalkerMessage> messages;
    };
    m_store->read<Detail>(
        this,
        [accountId = m_accountId, contactId](StoreReader &reader) {
            return Detail{reader.roomsOfContact(accountId, contactId),
                          reader.recentMessagesOfTalker(accountId, contactId, 50)};
        },
        [this, ticket, contactId](Detail detail) {
            if (!m_requests.isLatest(ticket) || contactId != m_openContact)
                return;
            const auto it = m_contactById.constFind(contactId);
            const QString name = it != m_contactById.constEnd() ? it->displayName() : contactId;
            m_contactCaption->setText(
                tr("%1 is in %n group(s)", nullptr, int(detail.rooms.size())).arg(name));
            m_contactGroups->removeRows(0, m_contactGroups->rowCount());
            for (const Room &r : std::as_const(detail.rooms)) {
                auto *topic = textItem(r.topic.isEmpty() ? r.id : r.topic);
                topic->setData(r.id, kIdRole);
                m_contactGroups->appendRow(topic);
            }
            m_contactMessages->removeRows(0, m_contactMessages->rowCount());
            for (const TalkerMessage &t : std::as_const(detail.messages)) {
                const Message &m = t.message;
                auto *time = textItem(TimeText::dateTime(m.timestampMs));
                time->setData(m.rowId, kRowIdRole);
                time->setData(m.conversationId(), kConversationRole);
                const QString where = m.roomId.isEmpty() ? tr("Private chat")
                    : t.roomTopic.isEmpty()              ? m.roomId
                                                         : t.roomTopic;
                QString text = m.text;
                text.replace(QLatin1Char('\n'), QLatin1Char(' '));
                m_contactMessages->appendRow({time, textItem(where), textItem(text)});
            }
        });
}

void ContactsPage::activateContactMessage(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QStandardItem *item = m_contactMessages->item(index.row(), 0);
    emit messageActivated(m_accountId, item->data(kConversationRole).toString(),
                          item->data(kRowIdRole).toLongLong());
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
    const LatestRequest::Ticket ticket = m_requests.current();
    m_store->read<QVector<RoomMember>>(
        this,
        [accountId = m_accountId, roomId,
         showFormer = m_showFormer->isChecked()](StoreReader &reader) {
            return showFormer ? reader.memberHistory(accountId, roomId)
                              : reader.roomMembers(accountId, roomId);
        },
        [this, ticket, roomId](QVector<RoomMember> members) {
            if (!m_requests.isLatest(ticket) || roomId != m_openGroup)
                return;
            m_members->removeRows(0, m_members->rowCount());
            int current = 0;
            for (const RoomMember &m : std::as_const(members)) {
                const auto it = m_contactById.constFind(m.contactId);
                const Contact *contact = it != m_contactById.constEnd() ? &it.value() : nullptr;
                QList<QStandardItem *> row = {textItem(memberDisplayName(m, contact)),
                                              textItem(m.contactId), textItem(memberNote(m))};
                if (m.leftMs > 0) {
                    for (QStandardItem *item : row)
                        item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
                } else {
                    ++current;
                }
                m_members->appendRow(row);
            }
            const int former = int(members.size()) - current;
            m_membersCaption->setText(former > 0
                                          ? tr("Members (%1, %2 former)").arg(current).arg(former)
                                          : tr("Members (%1)").arg(current));
        });
}

} // namespace gd
