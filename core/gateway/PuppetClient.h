#pragma once
// Asynchronous client of one wechaty.Puppet gateway. The object lives in the
// thread of its owner (an AccountSession); every callback and signal is
// delivered in that thread as a queued call, never on a gRPC thread.
// No gRPC type appears in this header: generated code stays behind it.

#include "gateway/GatewayEndpoint.h"
#include "model/Types.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace gd {

class PuppetClient : public QObject
{
    Q_OBJECT
public:
    template<typename T> using Callback = std::function<void(const GatewayStatus &, const T &)>;
    using StatusCallback = std::function<void(const GatewayStatus &)>;

    explicit PuppetClient(QObject *parent = nullptr);
    ~PuppetClient() override; // cancels everything in flight, waits for gRPC to let go

    // Creates the channel (no I/O yet). Replaces any previous one.
    void setEndpoint(const GatewayEndpoint &endpoint);
    // Cancels the event stream and every call in flight.
    void reset();

    // Opens the Event stream. Events arrive as eventReceived; the end of the
    // stream (error or cancel) as eventStreamClosed.
    void subscribeEvents();
    bool isSubscribed() const;

    void start(StatusCallback done);
    void stop(StatusCallback done);
    void logout(StatusCallback done);
    void ding(const QString &data, StatusCallback done);

    void contactList(Callback<QStringList> done);
    void contactPayload(const QString &contactId, Callback<Contact> done);
    void roomList(Callback<QStringList> done);
    void roomPayload(const QString &roomId, Callback<Room> done);
    void roomMemberList(const QString &roomId, Callback<QStringList> done);
    // The bot leaves the group (RoomQuit). A gateway refuses a group the bot
    // is not in (the simulator with FAILED_PRECONDITION).
    void roomQuit(const QString &roomId, StatusCallback done);
    void roomMemberPayload(const QString &roomId, const QString &memberId,
                           Callback<RoomMember> done);
    // The Message has id, roomId, talkerId, listenerId, kind (mapped from the
    // wire number), text, filename, timestampMs, mentionIds; nothing resolved.
    void messagePayload(const QString &messageId, Callback<Message> done);
    // Returns the new message id.
    void messageSendText(const QString &conversationId, const QString &text,
                         const QStringList &mentionIds, Callback<QString> done);

    // --- files (PROTOCOL.md "FileBox"): FileBox JSON passes through as is ---
    enum class ImageType : int { Thumbnail = 1, Hd = 2, Artwork = 3 }; // wire numbers
    using ProgressCallback = std::function<void(qint64 done, qint64 total)>;
    static constexpr int kChunkBytes = 64 * 1024;
    // Streams bytes with Upload in kChunkBytes chunks; done gets the uuid.
    // progress runs in the client's thread after each chunk is written.
    void upload(const QByteArray &bytes, ProgressCallback progress, Callback<QString> done);
    // Fetches a uuid's content with Download; more than maxBytes fails with
    // RESOURCE_EXHAUSTED (8) and keeps nothing.
    void download(const QString &uuid, qint64 maxBytes, Callback<QByteArray> done);
    // The FileBox JSON of an image / file message.
    void messageImage(const QString &messageId, ImageType type, Callback<QString> done);
    void messageFile(const QString &messageId, Callback<QString> done);
    // Sends a FileBox; returns the new message id (may be empty).
    void messageSendFile(const QString &conversationId, const QString &fileBoxJson,
                         Callback<QString> done);

    int callsInFlight() const;

signals:
    void eventReceived(int type, const QByteArray &payloadJson);
    void eventStreamClosed(const gd::GatewayStatus &status);

private:
    // Delivers a round of the event stream's items (see Private::streamItems).
    void drainStream();
    // Delivers the call results that came since the last round.
    void drainResults();

    struct Private;
    std::shared_ptr<Private> d;
};

} // namespace gd
