#include "model/Types.h"

namespace gd {

MessageKind messageKindFromWire(int wireType)
{
    switch (wireType) {
    case 1:
        return MessageKind::Attachment;
    case 2:
        return MessageKind::Audio;
    case 3:
        return MessageKind::Contact;
    case 4:
        return MessageKind::ChatHistory;
    case 5:
        return MessageKind::Emoticon;
    case 6:
        return MessageKind::Image;
    case 7:
        return MessageKind::Text;
    case 8:
        return MessageKind::Location;
    case 9:
        return MessageKind::MiniProgram;
    case 10:
        return MessageKind::GroupNote;
    case 11:
        return MessageKind::Transfer;
    case 12:
        return MessageKind::RedEnvelope;
    case 13:
        return MessageKind::Recalled;
    case 14:
        return MessageKind::Url;
    case 15:
        return MessageKind::Video;
    case 16:
        return MessageKind::Post;
    default:
        return MessageKind::Unknown;
    }
}

QString messageKindName(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Unknown:
        return QStringLiteral("unknown");
    case MessageKind::Attachment:
        return QStringLiteral("attachment");
    case MessageKind::Audio:
        return QStringLiteral("audio");
    case MessageKind::Contact:
        return QStringLiteral("contact");
    case MessageKind::ChatHistory:
        return QStringLiteral("chat_history");
    case MessageKind::Emoticon:
        return QStringLiteral("emoticon");
    case MessageKind::Image:
        return QStringLiteral("image");
    case MessageKind::Text:
        return QStringLiteral("text");
    case MessageKind::Location:
        return QStringLiteral("location");
    case MessageKind::MiniProgram:
        return QStringLiteral("mini_program");
    case MessageKind::GroupNote:
        return QStringLiteral("group_note");
    case MessageKind::Transfer:
        return QStringLiteral("transfer");
    case MessageKind::RedEnvelope:
        return QStringLiteral("red_envelope");
    case MessageKind::Recalled:
        return QStringLiteral("recalled");
    case MessageKind::Url:
        return QStringLiteral("url");
    case MessageKind::Video:
        return QStringLiteral("video");
    case MessageKind::Post:
        return QStringLiteral("post");
    case MessageKind::System:
        return QStringLiteral("system");
    }
    return QStringLiteral("unknown");
}

QString sessionStateName(SessionState state)
{
    switch (state) {
    case SessionState::Offline:
        return QStringLiteral("offline");
    case SessionState::Connecting:
        return QStringLiteral("connecting");
    case SessionState::WaitingForScan:
        return QStringLiteral("waiting_for_scan");
    case SessionState::Scanned:
        return QStringLiteral("scanned");
    case SessionState::LoggedIn:
        return QStringLiteral("logged_in");
    case SessionState::Ready:
        return QStringLiteral("ready");
    case SessionState::LoggedOut:
        return QStringLiteral("logged_out");
    case SessionState::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("offline");
}

QString outboxStateName(OutboxState state)
{
    switch (state) {
    case OutboxState::Queued:
        return QStringLiteral("queued");
    case OutboxState::Sending:
        return QStringLiteral("sending");
    case OutboxState::Sent:
        return QStringLiteral("sent");
    case OutboxState::Failed:
        return QStringLiteral("failed");
    case OutboxState::Unknown:
        return QStringLiteral("unknown");
    case OutboxState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("queued");
}

QString Contact::displayName() const
{
    if (!alias.isEmpty())
        return alias;
    if (!name.isEmpty())
        return name;
    return id;
}

QString Message::conversationId() const
{
    if (!roomId.isEmpty())
        return roomId;
    return fromSelf ? listenerId : talkerId;
}

} // namespace gd
