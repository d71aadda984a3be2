#pragma once
// One committed change of the archive, as a typed value (see ChangeFeed):
// which kind, and the rows or keys it concerns.

#include "model/Types.h"

#include <QMetaType>
#include <QString>
#include <QVector>

#include <variant>

namespace gd {

namespace change {
struct MessagesAdded // new message rows (repeats are not in it)
{
    QVector<Message> messages;
};
struct OutboxRowChanged // a send was queued or changed state
{
    OutboxEntry entry;
};
struct AccountsChanged // an account was added, edited or removed
{};
struct DirectoryChanged // contacts, rooms or one room's members of an account
{
    enum class What { Contacts, Rooms, RoomMembers };
    What what = What::Rooms;
    QString accountId;
    QString roomId; // RoomMembers
};
struct TagsChanged // a tag was added, removed or deleted anywhere
{};
struct ConversationRead // unread count set to 0
{
    QString accountId;
    QString conversationId;
};
} // namespace change

using StoreChange
    = std::variant<change::MessagesAdded, change::OutboxRowChanged, change::AccountsChanged,
                   change::DirectoryChanged, change::TagsChanged, change::ConversationRead>;

} // namespace gd

Q_DECLARE_METATYPE(gd::StoreChange)
