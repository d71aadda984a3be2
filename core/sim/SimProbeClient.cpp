#include "sim/SimProbeClient.h"

#include "wechaty/puppet.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QJsonArray>
#include <QJsonDocument>

#include <mutex>
#include <thread>

namespace gd::sim {

namespace {

std::string toStd(const QString &s)
{
    return s.toStdString();
}

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

QJsonArray toArray(const google::protobuf::RepeatedPtrField<std::string> &ids)
{
    QJsonArray array;
    for (const std::string &id : ids)
        array.append(fromStd(id));
    return array;
}

} // namespace

struct SimProbeClient::Private
{
    QString token;
    int callTimeoutMs = 30000;
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<wechaty::Puppet::Stub> stub;

    mutable std::mutex mutex;
    QVector<Event> events;
    int streamStatus = -1;
    std::unique_ptr<grpc::ClientContext> streamContext;
    std::thread reader;

    void prepare(grpc::ClientContext &context) const
    {
        if (!token.isEmpty())
            context.AddMetadata("authorization", "Wechaty " + toStd(token));
        context.set_deadline(std::chrono::system_clock::now()
                             + std::chrono::milliseconds(callTimeoutMs));
    }
};

QJsonObject SimProbeClient::Event::json() const
{
    return QJsonDocument::fromJson(payload).object();
}

SimProbeClient::SimProbeClient(const QString &address, const QString &token)
    : d(std::make_unique<Private>())
{
    d->token = token;
    d->channel = grpc::CreateChannel(toStd(address), grpc::InsecureChannelCredentials());
    d->stub = wechaty::Puppet::NewStub(d->channel);
}

SimProbeClient::~SimProbeClient()
{
    unsubscribe();
}

void SimProbeClient::setCallTimeoutMs(int ms)
{
    d->callTimeoutMs = ms;
}

void SimProbeClient::subscribe()
{
    unsubscribe();
    {
        std::lock_guard lock(d->mutex);
        d->streamStatus = -1;
        d->streamContext = std::make_unique<grpc::ClientContext>();
        if (!d->token.isEmpty())
            d->streamContext->AddMetadata("authorization", "Wechaty " + toStd(d->token));
    }
    grpc::ClientContext *context = d->streamContext.get();
    // The stream is opened before subscribe() returns, so a call made right
    // after it reaches the server after the subscription.
    auto reader = std::shared_ptr<grpc::ClientReader<wechaty::EventResponse>>(
        d->stub->Event(context, wechaty::EventRequest()));
    reader->WaitForInitialMetadata();
    d->reader = std::thread([this, reader] {
        wechaty::EventResponse response;
        while (reader->Read(&response)) {
            std::lock_guard lock(d->mutex);
            d->events.append({int(response.type()), QByteArray::fromStdString(response.payload())});
        }
        const grpc::Status status = reader->Finish();
        std::lock_guard lock(d->mutex);
        d->streamStatus = int(status.error_code());
    });
}

void SimProbeClient::unsubscribe()
{
    {
        std::lock_guard lock(d->mutex);
        if (d->streamContext)
            d->streamContext->TryCancel();
    }
    if (d->reader.joinable())
        d->reader.join();
    std::lock_guard lock(d->mutex);
    d->streamContext.reset();
}

bool SimProbeClient::streamEnded() const
{
    std::lock_guard lock(d->mutex);
    return d->streamStatus >= 0;
}

int SimProbeClient::streamStatus() const
{
    std::lock_guard lock(d->mutex);
    return d->streamStatus;
}

QVector<SimProbeClient::Event> SimProbeClient::events() const
{
    std::lock_guard lock(d->mutex);
    return d->events;
}

QVector<SimProbeClient::Event> SimProbeClient::eventsOfType(int type) const
{
    QVector<Event> out;
    std::lock_guard lock(d->mutex);
    for (const Event &e : d->events) {
        if (e.type == type)
            out.append(e);
    }
    return out;
}

int SimProbeClient::eventCount(int type) const
{
    return int(eventsOfType(type).size());
}

void SimProbeClient::clearEvents()
{
    std::lock_guard lock(d->mutex);
    d->events.clear();
}

int SimProbeClient::start()
{
    grpc::ClientContext context;
    d->prepare(context);
    wechaty::StartResponse response;
    return int(d->stub->Start(&context, wechaty::StartRequest(), &response).error_code());
}

int SimProbeClient::stop()
{
    grpc::ClientContext context;
    d->prepare(context);
    wechaty::StopResponse response;
    return int(d->stub->Stop(&context, wechaty::StopRequest(), &response).error_code());
}

int SimProbeClient::logout()
{
    grpc::ClientContext context;
    d->prepare(context);
    wechaty::LogoutResponse response;
    return int(d->stub->Logout(&context, wechaty::LogoutRequest(), &response).error_code());
}

int SimProbeClient::ding(const QString &data)
{
    grpc::ClientContext context;
    d->prepare(context);
    wechaty::DingRequest request;
    request.set_data(toStd(data));
    wechaty::DingResponse response;
    return int(d->stub->Ding(&context, request, &response).error_code());
}

int SimProbeClient::version(QString *version)
{
    grpc::ClientContext context;
    d->prepare(context);
    wechaty::VersionResponse response;
    const grpc::Status status = d->stub->Version(&context, wechaty::VersionRequest(), &response);
    if (version)
        *version = fromStd(response.version());
    return int(status.error_code());
}

int SimProbeClient::dirtyPayload(int type, const QString &id)
{
    grpc::ClientContext context;
    d->prepare(context);
    wechaty::DirtyPayloadRequest request;
    request.set_type(static_cast<wechaty::PayloadType>(type));
    request.set_id(toStd(id));
    wechaty::DirtyPayloadResponse response;
    return int(d->stub->DirtyPayload(&context, request, &response).error_code());
}

int SimProbeClient::contactList(QStringList *ids)
{
    grpc::ClientContext context;
    d->prepare(context);
    wechaty::ContactListResponse response;
    const grpc::Status status
        = d->stub->ContactList(&context, wechaty::ContactListRequest(), &response);
    if (ids) {
        ids->clear();
        for (const std::string &id : response.ids())
            ids->append(fromStd(id));
    }
    return int(status.error_code());
}

int SimProbeClient::contactPayload(const QString &id, QJsonObject *payload)
{
    grpc::ClientContext context;
    d->prepare(context);
    wechaty::ContactPayloadRequest request;
    request.set_id(toStd(id));
    wechaty::ContactPayloadResponse r;
    const grpc::Status status = d->stub->ContactPayload(&context, request, &r);
    if (payload) {
        *payload = {{QStringLiteral("id"), fromStd(r.id())},
                    {QStringLiteral("name"), fromStd(r.name())},
                    {QStringLiteral("alias"), fromStd(r.alias())},
                    {QStringLiteral("gender"), r.gender()}};
    }
    return int(status.error_code());
}

int SimProbeClient::roomList(QStringList *ids)
{
    grpc::ClientContext context;
    d->prepare(context);
    wechaty::RoomListResponse response;
    const grpc::Status status = d->stub->RoomList(&context, wechaty::RoomListRequest(), &response);
    if (ids) {
        ids->clear();
        for (const std::string &id : response.ids())
            ids->append(fromStd(id));
    }
    return int(status.error_code());
}

int SimProbeClient::roomPayload(const QString &id, QJsonObject *payload)
{
    grpc::ClientContext context;
    d->prepare(context);
    wechaty::RoomPayloadRequest request;
    request.set_id(toStd(id));
    wechaty::RoomPayloadResponse r;
    const grpc::Status status = d->stub->RoomPayload(&context, request, &r);
    if (payload) {
        *payload = {{QStringLiteral("id"), fromStd(r.id())},
                    {QStringLiteral("topic"), fromStd(r.topic())},
                    {QStringLiteral("ownerId"), fromStd(r.owner_id())},
                    {QStringLiteral("adminIds"), toArray(r.admin_ids())},
                    {QStringLiteral("memberIds"), toArray(r.member_ids())}};
    }
    return int(status.error_code());
}

int SimProbeClient::roomMemberList(const QString &id, QStringList *memberIds)
{
    grpc::ClientContext context;
    d->prepare(context);
    wechaty::RoomMemberListRequest request;
    request.set_id(toStd(id));
    wechaty::RoomMemberListResponse response;
    const grpc::Status status = d->stub->RoomMemberList(&context, request, &response);
    if (memberIds) {
        memberIds->clear();
        for (const std::string &m : response.member_ids())
            memberIds->append(fromStd(m));
    }
    return int(status.error_code());
}

int SimProbeClient::roomMemberPayload(const QString &roomId, const QString &memberId,
                                      QJsonObject *payload)
{
    grpc::ClientContext context;
    d->prepare(context);
    wechaty::RoomMemberPayloadRequest request;
    request.set_id(toStd(roomId));
    request.set_member_id(toStd(memberId));
    wechaty::RoomMemberPayloadResponse r;
    const grpc::Status status = d->stub->RoomMemberPayload(&context, request, &r);
    if (payload) {
        *payload = {{QStringLiteral("id"), fromStd(r.id())},
                    {QStringLiteral("roomAlias"), fromStd(r.room_alias())},
                    {QStringLiteral("inviterId"), fromStd(r.inviter_id())},
                    {QStringLiteral("name"), fromStd(r.name())}};
    }
    return int(status.error_code());
}

int SimProbeClient::messagePayload(const QString &id, QJsonObject *payload)
{
    grpc::ClientContext context;
    d->prepare(context);
    wechaty::MessagePayloadRequest request;
    request.set_id(toStd(id));
    wechaty::MessagePayloadResponse r;
    const grpc::Status status = d->stub->MessagePayload(&context, request, &r);
    if (payload) {
        const qint64 receiveMs
            = r.receive_time().seconds() * 1000 + r.receive_time().nanos() / 1000000;
        *payload = {{QStringLiteral("id"), fromStd(r.id())},
                    {QStringLiteral("text"), fromStd(r.text())},
                    {QStringLiteral("type"), r.type()},
                    {QStringLiteral("talkerId"), fromStd(r.talker_id())},
                    {QStringLiteral("roomId"), fromStd(r.room_id())},
                    {QStringLiteral("listenerId"), fromStd(r.listener_id())},
                    {QStringLiteral("timestamp"), qint64(r.timestamp_deprecated())},
                    {QStringLiteral("receiveTimeMs"), receiveMs}};
    }
    return int(status.error_code());
}

int SimProbeClient::messageSendText(const QString &conversationId, const QString &text,
                                    QString *messageId)
{
    grpc::ClientContext context;
    d->prepare(context);
    wechaty::MessageSendTextRequest request;
    request.set_conversation_id(toStd(conversationId));
    request.set_text(toStd(text));
    wechaty::MessageSendTextResponse response;
    const grpc::Status status = d->stub->MessageSendText(&context, request, &response);
    if (messageId)
        *messageId = fromStd(response.id());
    return int(status.error_code());
}

int SimProbeClient::messageSendFile(const QString &conversationId, const QString &fileBoxJson)
{
    grpc::ClientContext context;
    d->prepare(context);
    wechaty::MessageSendFileRequest request;
    request.set_conversation_id(toStd(conversationId));
    request.set_file_box(toStd(fileBoxJson));
    wechaty::MessageSendFileResponse response;
    return int(d->stub->MessageSendFile(&context, request, &response).error_code());
}

} // namespace gd::sim
