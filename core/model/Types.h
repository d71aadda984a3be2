#pragma once
// Domain types shared by every layer: plain values, copied across threads.

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace gd {

// Message kinds, numbered exactly as Wechaty numbers them on the wire
// (MessagePayloadResponse.type). System is ours: joins, leaves, topic changes.
enum class MessageKind : int {
    Unknown = 0,
    Attachment = 1,
    Audio = 2,
    Contact = 3,
    ChatHistory = 4,
    Emoticon = 5,
    Image = 6,
    Text = 7,
    Location = 8,
    MiniProgram = 9,
    GroupNote = 10,
    Transfer = 11,
    RedEnvelope = 12,
    Recalled = 13,
    Url = 14,
    Video = 15,
    Post = 16,
    System = 100,
};

// Maps a wire number to a kind; numbers we do not know become Unknown.
MessageKind messageKindFromWire(int wireType);
// Stable English identifier ("text", "image", ...) for logs, exports, the API.
QString messageKindName(MessageKind kind);

enum class SessionState : int {
    Offline = 0,
    Connecting,
    WaitingForScan,
    Scanned,
    LoggedIn,
    Ready,
    LoggedOut,
    Error,
};
QString sessionStateName(SessionState state); // stable identifier for logs

// SCAN event statuses as the gateway sends them.
enum class ScanStatus : int {
    Unknown = 0,
    Cancel = 1,
    Waiting = 2,
    Scanned = 3,
    Confirmed = 4,
    Timeout = 5,
};

enum class OutboxState : int {
    Queued = 0, // persisted, waiting for the pacer / a connection
    Sending = 1, // handed to the gateway, no answer yet
    Sent = 2, // the gateway returned a message id
    Failed = 3, // the gateway refused; error holds the reason; user may retry
    Unknown = 4, // was Sending when the process died: never re-sent by itself
    Cancelled = 5, // withdrawn before it went out (by itself or with its campaign)
};
QString outboxStateName(OutboxState state);

// What an outbox entry sends: text, or a file (images are files the gateway
// shows inline).
enum class OutboxKind : int {
    Text = 0,
    Image = 1,
    File = 2,
};

struct AccountInfo
{
    QString id; // local id, e.g. "demo" or a uuid
    QString displayName; // what staff call this bot
    QString endpoint; // host:port of the gateway
    bool tls = false;
    QString serverName; // TLS server-name override (e.g. "insecure")
    QString caFile; // TLS CA file; empty = system roots
    bool demo = false;
    QString selfContactId; // learnt from LOGIN
    QString selfName;
};

struct Contact
{
    QString accountId;
    QString id;
    QString name; // nickname chosen by the contact
    QString alias; // remark the bot account set
    QString avatar;
    int gender = 0;
    int type = 0; // 1 personal, 2 official, 3 corporation
    bool isFriend = false;
    QString weixin;

    // alias (remark), then name, then id
    QString displayName() const;
};

struct Room
{
    QString accountId;
    QString id;
    QString topic;
    QString ownerId;
    QString avatar;
    QStringList adminIds;
    QStringList memberIds;
};

struct RoomMember
{
    QString accountId;
    QString roomId;
    QString contactId;
    QString roomAlias; // the member's name in this room
    QString name; // the member's nickname
    QString inviterId;
    QString avatar;
    // When the member joined (the ROOM_JOIN time, or when a sync first saw
    // them); 0: unknown, already a member when the room was first synced.
    qint64 joinedMs = 0;
    qint64 leftMs = 0; // when they left or were removed; 0: still a member
};

struct Message
{
    qint64 rowId = 0; // database row id, 0 until stored
    QString accountId;
    QString id; // gateway message id
    QString roomId; // empty for one-to-one chats
    QString talkerId;
    QString talkerName; // resolved when received (see NameResolver)
    QString listenerId;
    MessageKind kind = MessageKind::Unknown;
    QString text;
    QString filename;
    qint64 timestampMs = 0; // when the gateway received it (ms since epoch)
    bool fromSelf = false; // sent by the bot account itself
    QStringList mentionIds;
    qint64 outboxId = 0; // the outbox entry this message came from, if any
    // Set when the same text from the same talker in the same conversation came
    // again within seconds under a new id (DuplicateDetector): the id of the
    // first one. Such rows are stored but kept out of feeds, unread counts and
    // search.
    QString duplicateOf;
    // System messages since schema 10: what happened, as data (SystemEvent
    // JSON), rendered in the reader's language; text is the line as it was
    // first rendered (search, previews). Empty for older rows and other kinds.
    QString systemEvent;

    // The conversation this message belongs to: the room, or the other party.
    QString conversationId() const;
};

struct OutboxEntry
{
    qint64 id = 0;
    QString accountId;
    QString conversationId; // room id or contact id
    QString text;
    OutboxState state = OutboxState::Queued;
    QString error; // readable reason when Failed
    QString messageId; // gateway id once Sent
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    int attempts = 0;
    // File sends (kind Image / File): the outbox's own copy of the file,
    // the name to send, its size and the MIME type seen in its content.
    OutboxKind kind = OutboxKind::Text;
    QString filePath;
    QString fileName;
    qint64 fileSize = 0;
    QString mime;
    // Members @-mentioned in a text (MessageSendText field 3: contact ids).
    QStringList mentionIds;
    // Not sent before this time (ms since epoch); the creation time for
    // "now". Rows go out in (dueMs, id) order.
    qint64 dueMs = 0;
    qint64 campaignId = 0; // the broadcast it belongs to (0: none)
    QString origin; // who queued it: "composer", "api", "push", "auto-reply", ...
    QString idempotencyKey; // unique per origin when set
};

// One row of the room list.
struct RoomSummary
{
    QString accountId;
    QString roomId;
    QString topic;
    int memberCount = 0;
    QString lastSender;
    QString lastText;
    MessageKind lastKind = MessageKind::Unknown;
    qint64 lastMessageMs = 0;
    int unread = 0;
};

// Position of a message in a conversation, for keyset pagination.
struct FeedCursor
{
    qint64 timestampMs = 0;
    qint64 rowId = 0;
    bool isNull() const { return rowId == 0 && timestampMs == 0; }
};

} // namespace gd

Q_DECLARE_METATYPE(gd::AccountInfo)
Q_DECLARE_METATYPE(gd::Contact)
Q_DECLARE_METATYPE(gd::Room)
Q_DECLARE_METATYPE(gd::RoomMember)
Q_DECLARE_METATYPE(gd::Message)
Q_DECLARE_METATYPE(gd::OutboxEntry)
Q_DECLARE_METATYPE(gd::RoomSummary)
