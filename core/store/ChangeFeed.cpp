#include "store/ChangeFeed.h"

#include "store/Store.h"

namespace gd {

ChangeFeed::ChangeFeed(Store *store, QObject *parent)
    : QObject(parent)
{
    static const int registered = qRegisterMetaType<gd::StoreChange>();
    Q_UNUSED(registered)
    // Queued even when the store emits on this thread: every change arrives
    // the same way, after the emitting code finished.
    const auto queued = Qt::QueuedConnection;
    connect(
        store, &Store::messagesStored, this,
        [this](const QVector<Message> &messages) { deliver(change::MessagesAdded{messages}); },
        queued);
    connect(
        store, &Store::outboxChanged, this,
        [this](const OutboxEntry &entry) { deliver(change::OutboxRowChanged{entry}); }, queued);
    connect(
        store, &Store::accountsChanged, this, [this] { deliver(change::AccountsChanged{}); },
        queued);
    connect(
        store, &Store::contactsChanged, this,
        [this](const QString &accountId) {
            deliver(
                change::DirectoryChanged{change::DirectoryChanged::What::Contacts, accountId, {}});
        },
        queued);
    connect(
        store, &Store::roomsChanged, this,
        [this](const QString &accountId) {
            deliver(change::DirectoryChanged{change::DirectoryChanged::What::Rooms, accountId, {}});
        },
        queued);
    connect(
        store, &Store::roomMembersChanged, this,
        [this](const QString &accountId, const QString &roomId) {
            deliver(change::DirectoryChanged{change::DirectoryChanged::What::RoomMembers, accountId,
                                             roomId});
        },
        queued);
    connect(
        store, &Store::tagsChanged, this, [this] { deliver(change::TagsChanged{}); }, queued);
    connect(
        store, &Store::conversationRead, this,
        [this](const QString &accountId, const QString &conversationId) {
            deliver(change::ConversationRead{accountId, conversationId});
        },
        queued);
}

void ChangeFeed::deliver(const StoreChange &change)
{
    emit changed(change);
}

} // namespace gd
