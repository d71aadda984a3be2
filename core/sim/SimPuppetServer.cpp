#include "sim/SimPuppetServer.h"

#include "sim/SimEventSink.h"
#include "sim/SimGateway.h"
#include "sim/SimServedLog.h"
#include "util/Log.h"

#include "wechaty/puppet.grpc.pb.h"

#include <absl/synchronization/mutex.h>
#include <grpcpp/grpcpp.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>

#include <deque>
#include <mutex>

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

QStringList mentionIdsOf(const wechaty::MessageSendTextRequest &request)
{
    QStringList ids;
    for (const std::string &id : request.mention_ids())
        ids.append(fromStd(id));
    return ids;
}

class EventStream;

constexpr int kFileChunk = 64 * 1024;
constexpr qint64 kMaxUpload = 200LL * 1024 * 1024;

// Upload: chunks in, a uuid out.
class UploadReader final : public grpc::ServerReadReactor<wechaty::UploadRequest>
{
public:
    UploadReader(SimGateway &gateway, wechaty::UploadResponse *response, const grpc::Status &auth)
        : m_gateway(gateway)
        , m_response(response)
    {
        if (!auth.ok()) {
            Finish(auth);
            return;
        }
        StartRead(&m_request);
    }

    void OnReadDone(bool ok) override
    {
        if (!ok) { // the client finished writing
            m_response->set_id(toStd(m_gateway.files().put(m_data)));
            Finish(grpc::Status::OK);
            return;
        }
        m_data.append(m_request.chunk().data(), qsizetype(m_request.chunk().size()));
        if (m_data.size() > kMaxUpload) {
            Finish(grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED, "file too large"));
            return;
        }
        StartRead(&m_request);
    }

    void OnDone() override { delete this; }

private:
    SimGateway &m_gateway;
    wechaty::UploadResponse *m_response;
    wechaty::UploadRequest m_request;
    QByteArray m_data;
};

// Download: a uuid in, chunks out.
class DownloadWriter final : public grpc::ServerWriteReactor<wechaty::DownloadResponse>
{
public:
    DownloadWriter(const grpc::Status &status, QByteArray data)
        : m_data(std::move(data))
    {
        if (!status.ok()) {
            Finish(status);
            return;
        }
        next();
    }

    void OnWriteDone(bool ok) override
    {
        if (!ok) {
            Finish(grpc::Status(grpc::StatusCode::CANCELLED, "write failed"));
            return;
        }
        next();
    }

    void OnDone() override { delete this; }

private:
    void next()
    {
        if (m_offset >= m_data.size()) {
            Finish(grpc::Status::OK);
            return;
        }
        const qsizetype n = std::min<qsizetype>(kFileChunk, m_data.size() - m_offset);
        m_response.set_chunk(m_data.constData() + m_offset, size_t(n));
        m_offset += n;
        StartWrite(&m_response);
    }

    QByteArray m_data;
    qsizetype m_offset = 0;
    wechaty::DownloadResponse m_response;
};

// The queue side of one Event stream, shared with the hub. One write in
// flight at a time; the reactor may only be touched while this object holds
// the right to write (m_writing) or before Finish, so it is never used after
// gRPC has deleted it.
class StreamQueue final : public SimEventSink
{
public:
    StreamQueue(SimGateway &gateway, EventStream *reactor)
        : m_gateway(gateway)
        , m_reactor(reactor)
    {}

    bool enqueue(SimEvent event) override
    {
        std::lock_guard lock(m_mutex);
        if (m_finishing || m_finished)
            return false;
        m_pending.push_back(std::move(event));
        return true;
    }

    void kick() override;
    void close(int code, const QString &message) override;

    void writeDone(bool ok);
    void reactorDone();

private:
    // Takes the next event into m_current; caller holds m_mutex.
    bool takeNextLocked();
    void finishNow(std::unique_lock<std::mutex> &lock);

    SimGateway &m_gateway;
    std::mutex m_mutex;
    EventStream *m_reactor;
    std::deque<SimEvent> m_pending;
    SimEvent m_current;
    wechaty::EventResponse m_currentResponse;
    bool m_writing = false;
    bool m_finishing = false;
    bool m_finished = false;
    grpc::Status m_status;
    int m_messagesWritten = 0;
};

class EventStream final : public grpc::ServerWriteReactor<wechaty::EventResponse>
{
public:
    explicit EventStream(SimGateway &gateway)
        : m_gateway(gateway)
        , m_queue(std::make_shared<StreamQueue>(gateway, this))
    {}

    std::shared_ptr<StreamQueue> queue() const { return m_queue; }

    void OnWriteDone(bool ok) override { m_queue->writeDone(ok); }
    void OnCancel() override
    {
        m_queue->close(int(grpc::StatusCode::CANCELLED), QStringLiteral("cancelled"));
    }
    void OnDone() override
    {
        m_gateway.unsubscribe(m_queue.get());
        m_queue->reactorDone();
        qCDebug(lcSim) << "event stream done";
        delete this;
    }

private:
    SimGateway &m_gateway;
    std::shared_ptr<StreamQueue> m_queue;
};

bool StreamQueue::takeNextLocked()
{
    if (m_pending.empty())
        return false;
    m_current = std::move(m_pending.front());
    m_pending.pop_front();
    m_currentResponse.set_type(static_cast<wechaty::EventType>(m_current.type));
    m_currentResponse.set_payload(m_current.payload.constData(), size_t(m_current.payload.size()));
    m_writing = true;
    return true;
}

void StreamQueue::kick()
{
    std::unique_lock lock(m_mutex);
    if (m_writing || m_finishing || m_finished || !m_reactor)
        return;
    if (!takeNextLocked())
        return;
    EventStream *reactor = m_reactor;
    lock.unlock();
    // No lock held: gRPC may run OnWriteDone inline.
    reactor->StartWrite(&m_currentResponse);
}

void StreamQueue::finishNow(std::unique_lock<std::mutex> &lock)
{
    // Caller holds the lock, no write is in flight, Finish not yet called.
    m_finished = true;
    std::deque<SimEvent> dropped;
    dropped.swap(m_pending);
    EventStream *reactor = m_reactor;
    const grpc::Status status = m_status;
    lock.unlock();
    if (reactor)
        reactor->Finish(status);
    for (SimEvent &e : dropped) {
        if (e.onWritten)
            e.onWritten(false);
    }
}

void StreamQueue::close(int code, const QString &message)
{
    std::unique_lock lock(m_mutex);
    if (m_finishing || m_finished)
        return;
    m_finishing = true;
    m_status = grpc::Status(static_cast<grpc::StatusCode>(code), toStd(message));
    if (!m_writing)
        finishNow(lock);
    // else: writeDone() finishes once the write in flight completes.
}

void StreamQueue::writeDone(bool ok)
{
    SimEvent done;
    {
        std::lock_guard lock(m_mutex);
        done = std::move(m_current);
        m_current = SimEvent();
    }
    m_gateway.eventWritten(done, ok);
    if (done.onWritten)
        done.onWritten(ok);

    bool dropNow = false;
    if (ok && done.type == EventMessage) {
        const int dropAfter = m_gateway.options().faultDropStreamAfter;
        dropNow = dropAfter > 0 && ++m_messagesWritten >= dropAfter;
    }

    std::unique_lock lock(m_mutex);
    m_writing = false;
    if (!ok && !m_finishing) {
        // The client is gone; nothing more can be written.
        m_finishing = true;
        m_status = grpc::Status(grpc::StatusCode::UNAVAILABLE, "write failed");
    }
    if (dropNow && !m_finishing) {
        m_finishing = true;
        m_status = grpc::Status(grpc::StatusCode::UNAVAILABLE, "stream dropped (fault)");
    }
    if (m_finishing) {
        if (!m_finished)
            finishNow(lock);
        return;
    }
    if (!takeNextLocked())
        return;
    EventStream *reactor = m_reactor;
    lock.unlock();
    reactor->StartWrite(&m_currentResponse);
}

void StreamQueue::reactorDone()
{
    std::deque<SimEvent> dropped;
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_reactor = nullptr;
        dropped.swap(m_pending);
    }
    for (SimEvent &e : dropped) {
        if (e.onWritten)
            e.onWritten(false);
    }
}

// ---- the service --------------------------------------------------------

class PuppetService final : public wechaty::Puppet::CallbackService
{
public:
    explicit PuppetService(SimGateway &gateway)
        : m_gateway(gateway)
    {
        m_served.open(gateway.options().servedLog);
    }

    // Checks `authorization: Wechaty <token>`; without it the :authority is
    // taken as the token, as the reference server does. presented gets the
    // token the caller used (one Event stream per token).
    grpc::Status authorize(grpc::CallbackServerContext *context, QString *presented = nullptr) const
    {
        QString token;
        const auto &metadata = context->client_metadata();
        const auto it = metadata.find("authorization");
        if (it != metadata.end()) {
            const QString value = QString::fromUtf8(it->second.data(), int(it->second.size()));
            const QString scheme = QStringLiteral("Wechaty ");
            token = value.startsWith(scheme, Qt::CaseInsensitive)
                ? value.mid(scheme.size()).trimmed()
                : value.trimmed();
        } else {
            const grpc::string_ref authority = context->ExperimentalGetAuthority();
            token = QString::fromUtf8(authority.data(), int(authority.size()));
        }
        if (presented)
            *presented = token;
        const QString &expected = m_gateway.options().token;
        if (!expected.isEmpty() && token != expected)
            return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "invalid token");
        return grpc::Status::OK;
    }

    // Fault "stop answering": the call hangs until shutdown.
    bool parkIfStalled(grpc::ServerUnaryReactor *reactor)
    {
        if (!m_gateway.isStalled())
            return false;
        m_gateway.park([reactor] {
            reactor->Finish(grpc::Status(grpc::StatusCode::UNAVAILABLE, "shutting down"));
        });
        return true;
    }

    template<typename Fn>
    grpc::ServerUnaryReactor *unary(grpc::CallbackServerContext *context, Fn &&fn)
    {
        grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
        if (parkIfStalled(reactor))
            return reactor;
        grpc::Status status = authorize(context);
        if (status.ok())
            status = fn();
        reactor->Finish(status);
        return reactor;
    }

    grpc::ServerUnaryReactor *Start(grpc::CallbackServerContext *context,
                                    const wechaty::StartRequest *,
                                    wechaty::StartResponse *) override
    {
        return unary(context, [&] {
            m_gateway.start();
            return grpc::Status::OK;
        });
    }

    grpc::ServerUnaryReactor *Stop(grpc::CallbackServerContext *context,
                                   const wechaty::StopRequest *, wechaty::StopResponse *) override
    {
        return unary(context, [&] {
            m_gateway.stop();
            return grpc::Status::OK;
        });
    }

    grpc::ServerUnaryReactor *Logout(grpc::CallbackServerContext *context,
                                     const wechaty::LogoutRequest *,
                                     wechaty::LogoutResponse *) override
    {
        return unary(context, [&] {
            m_gateway.logout(QStringLiteral("logout by client"));
            return grpc::Status::OK;
        });
    }

    grpc::ServerUnaryReactor *Ding(grpc::CallbackServerContext *context,
                                   const wechaty::DingRequest *request,
                                   wechaty::DingResponse *) override
    {
        return unary(context, [&] {
            m_gateway.ding(fromStd(request->data()));
            return grpc::Status::OK;
        });
    }

    grpc::ServerUnaryReactor *Version(grpc::CallbackServerContext *context,
                                      const wechaty::VersionRequest *,
                                      wechaty::VersionResponse *response) override
    {
        return unary(context, [&] {
            response->set_version("groupdesk-sim 0.1.0");
            return grpc::Status::OK;
        });
    }

    grpc::ServerUnaryReactor *DirtyPayload(grpc::CallbackServerContext *context,
                                           const wechaty::DirtyPayloadRequest *request,
                                           wechaty::DirtyPayloadResponse *) override
    {
        return unary(context, [&] {
            m_gateway.dirty(int(request->type()), fromStd(request->id()));
            return grpc::Status::OK;
        });
    }

    grpc::ServerWriteReactor<wechaty::EventResponse> *Event(grpc::CallbackServerContext *context,
                                                            const wechaty::EventRequest *) override
    {
        auto *stream = new EventStream(m_gateway);
        if (m_gateway.isStalled()) {
            // Open but silent, as a hung gateway would be.
            m_gateway.park([queue = stream->queue()] {
                queue->close(int(grpc::StatusCode::UNAVAILABLE), QStringLiteral("shutting down"));
            });
            return stream;
        }
        QString token;
        const grpc::Status status = authorize(context, &token);
        if (!status.ok()) {
            stream->queue()->close(int(status.error_code()), fromStd(status.error_message()));
        } else if (!m_gateway.subscribe(token, stream->queue())) {
            stream->queue()->close(
                int(grpc::StatusCode::ALREADY_EXISTS),
                QStringLiteral("an Event stream for this token is already open"));
        } else {
            qCInfo(lcSim) << "event stream opened by" << fromStd(context->peer());
        }
        return stream;
    }

    grpc::ServerUnaryReactor *ContactList(grpc::CallbackServerContext *context,
                                          const wechaty::ContactListRequest *,
                                          wechaty::ContactListResponse *response) override
    {
        return unary(context, [&] {
            const int limit = m_gateway.options().contactListLimit;
            // world() is a copy: keep it alive for the loop.
            const SimWorld world = m_gateway.world();
            for (const SimContact &c : world.contacts()) {
                if (limit > 0 && response->ids_size() >= limit)
                    break;
                response->add_ids(toStd(c.id));
            }
            return grpc::Status::OK;
        });
    }

    grpc::ServerUnaryReactor *ContactPayload(grpc::CallbackServerContext *context,
                                             const wechaty::ContactPayloadRequest *request,
                                             wechaty::ContactPayloadResponse *response) override
    {
        return unary(context, [&] {
            const auto c = m_gateway.contact(fromStd(request->id()));
            if (!c)
                return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such contact");
            response->set_id(toStd(c->id));
            response->set_name(toStd(c->name));
            response->set_alias(toStd(c->alias));
            response->set_gender(c->gender);
            response->set_type(1); // individual
            response->set_friend_(true);
            response->set_province(toStd(c->province));
            response->set_city(toStd(c->city));
            response->set_signature(toStd(c->signature));
            response->set_coworker(c->staff);
            return grpc::Status::OK;
        });
    }

    grpc::ServerUnaryReactor *RoomList(grpc::CallbackServerContext *context,
                                       const wechaty::RoomListRequest *,
                                       wechaty::RoomListResponse *response) override
    {
        return unary(context, [&] {
            const SimWorld world = m_gateway.world(); // a copy, alive for the loop
            for (const SimRoom &r : world.rooms())
                response->add_ids(toStd(r.id));
            return grpc::Status::OK;
        });
    }

    grpc::ServerUnaryReactor *RoomPayload(grpc::CallbackServerContext *context,
                                          const wechaty::RoomPayloadRequest *request,
                                          wechaty::RoomPayloadResponse *response) override
    {
        return unary(context, [&] {
            const auto r = m_gateway.room(fromStd(request->id()));
            if (!r)
                return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such room");
            response->set_id(toStd(r->id));
            response->set_topic(toStd(r->topic));
            response->set_owner_id(toStd(r->ownerId));
            for (const QString &a : r->adminIds)
                response->add_admin_ids(toStd(a));
            for (const SimRoomMember &m : r->members)
                response->add_member_ids(toStd(m.contactId));
            return grpc::Status::OK;
        });
    }

    grpc::ServerUnaryReactor *RoomMemberList(grpc::CallbackServerContext *context,
                                             const wechaty::RoomMemberListRequest *request,
                                             wechaty::RoomMemberListResponse *response) override
    {
        auto members = [&] {
            const auto r = m_gateway.room(fromStd(request->id()));
            if (!r)
                return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such room");
            for (const SimRoomMember &m : r->members)
                response->add_member_ids(toStd(m.contactId));
            return grpc::Status::OK;
        };
        const SimulatorOptions &o = m_gateway.options();
        if (o.faultDelayRoomMembersMs <= 0 || o.faultDelayRoomMembersOf.isEmpty()
            || fromStd(request->id()) != o.faultDelayRoomMembersOf)
            return unary(context, members);
        grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
        if (parkIfStalled(reactor))
            return reactor;
        grpc::Status status = authorize(context);
        if (status.ok())
            status = members();
        m_gateway.clock().post(o.faultDelayRoomMembersMs,
                               [reactor, status] { reactor->Finish(status); });
        return reactor;
    }

    grpc::ServerUnaryReactor *RoomQuit(grpc::CallbackServerContext *context,
                                       const wechaty::RoomQuitRequest *request,
                                       wechaty::RoomQuitResponse *) override
    {
        return unary(context, [&] {
            QString error;
            if (!m_gateway.quitRoom(fromStd(request->id()), &error))
                return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, toStd(error));
            return grpc::Status::OK;
        });
    }

    grpc::ServerUnaryReactor *
    RoomMemberPayload(grpc::CallbackServerContext *context,
                      const wechaty::RoomMemberPayloadRequest *request,
                      wechaty::RoomMemberPayloadResponse *response) override
    {
        return unary(context, [&] {
            const auto r = m_gateway.room(fromStd(request->id()));
            if (!r)
                return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such room");
            const QString memberId = fromStd(request->member_id());
            for (const SimRoomMember &m : r->members) {
                if (m.contactId != memberId)
                    continue;
                const auto c = m_gateway.contact(memberId);
                response->set_id(toStd(memberId));
                response->set_room_alias(toStd(m.roomAlias));
                response->set_inviter_id(toStd(m.inviterId));
                response->set_name(toStd(c ? c->name : QString()));
                return grpc::Status::OK;
            }
            return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such member in this room");
        });
    }

    grpc::ServerUnaryReactor *MessagePayload(grpc::CallbackServerContext *context,
                                             const wechaty::MessagePayloadRequest *request,
                                             wechaty::MessagePayloadResponse *response) override
    {
        grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
        if (parkIfStalled(reactor))
            return reactor;
        grpc::Status status = authorize(context);
        if (status.ok()) {
            if (const int fault = m_gateway.nextPayloadFault()) {
                status = grpc::Status(static_cast<grpc::StatusCode>(fault),
                                      "injected failure (fault)");
            } else if (const auto m = m_gateway.messages().find(fromStd(request->id()))) {
                response->set_id(toStd(m->id));
                response->set_text(toStd(m->text));
                response->set_type(m->type); // Wechaty numbering: 7 = text
                response->set_talker_id(toStd(m->talkerId));
                response->set_room_id(toStd(m->roomId));
                response->set_listener_id(toStd(m->listenerId));
                response->set_filename(toStd(m->filename));
                for (const QString &mentioned : m->mentionIds)
                    response->add_mention_ids(toStd(mentioned));
                response->set_timestamp_deprecated(quint64(m->timestampMs));
                response->mutable_receive_time()->set_seconds(m->timestampMs / 1000);
                response->mutable_receive_time()->set_nanos(int(m->timestampMs % 1000) * 1000000);
                m_served.record(m->id);
            } else {
                status = grpc::Status(grpc::StatusCode::NOT_FOUND, "no such message");
            }
        }
        const int delayMs = m_gateway.options().faultDelayPayloadMs;
        if (delayMs > 0) {
            m_gateway.clock().post(delayMs, [reactor, status] { reactor->Finish(status); });
            return reactor;
        }
        reactor->Finish(status);
        return reactor;
    }

    grpc::ServerUnaryReactor *MessageSendText(grpc::CallbackServerContext *context,
                                              const wechaty::MessageSendTextRequest *request,
                                              wechaty::MessageSendTextResponse *response) override
    {
        grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
        if (parkIfStalled(reactor))
            return reactor;
        const grpc::Status status = authorize(context);
        if (!status.ok()) {
            reactor->Finish(status);
            return reactor;
        }
        // The answer waits until the echo is written to the subscriber, so a
        // client always sees its own MESSAGE event before the send returns.
        const bool known
            = m_gateway.sendText(fromStd(request->conversation_id()), fromStd(request->text()),
                                 mentionIdsOf(*request), [reactor, response](const QString &id) {
                                     response->set_id(toStd(id));
                                     reactor->Finish(grpc::Status::OK);
                                 });
        if (!known)
            reactor->Finish(grpc::Status(grpc::StatusCode::NOT_FOUND, "no such conversation"));
        return reactor;
    }

    grpc::ServerUnaryReactor *MessageSendFile(grpc::CallbackServerContext *context,
                                              const wechaty::MessageSendFileRequest *request,
                                              wechaty::MessageSendFileResponse *response) override
    {
        grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
        if (parkIfStalled(reactor))
            return reactor;
        const grpc::Status status = authorize(context);
        if (!status.ok()) {
            reactor->Finish(status);
            return reactor;
        }
        const QJsonObject box
            = QJsonDocument::fromJson(QByteArray::fromStdString(request->file_box())).object();
        const int type = box.value(QStringLiteral("type")).toInt(-1);
        const QString name = box.value(QStringLiteral("name")).toString();
        QByteArray bytes;
        bool viaUpload = false;
        if (type == 1) {
            const auto decoded = QByteArray::fromBase64Encoding(
                box.value(QStringLiteral("base64")).toString().toLatin1());
            if (!decoded) {
                reactor->Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad base64"));
                return reactor;
            }
            bytes = *decoded;
        } else if (type == 7) {
            const auto stored = m_gateway.files().get(box.value(QStringLiteral("uuid")).toString());
            if (!stored) {
                reactor->Finish(grpc::Status(grpc::StatusCode::NOT_FOUND, "no such upload"));
                return reactor;
            }
            bytes = *stored;
            viaUpload = true;
        } else {
            reactor->Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                         "unsupported FileBox (use type 1 or 7)"));
            return reactor;
        }
        const bool known = m_gateway.sendFile(fromStd(request->conversation_id()),
                                              name.isEmpty() ? QStringLiteral("file") : name, bytes,
                                              viaUpload, [reactor, response](const QString &id) {
                                                  response->set_id(toStd(id));
                                                  reactor->Finish(grpc::Status::OK);
                                              });
        if (!known)
            reactor->Finish(grpc::Status(grpc::StatusCode::NOT_FOUND, "no such conversation"));
        return reactor;
    }

    // MessageImage / MessageFile: the message's file as a uuid FileBox that
    // the client fetches with Download.
    grpc::Status fileBoxOf(const QString &messageId, bool thumbnail, std::string *fileBox)
    {
        const auto m = m_gateway.messages().find(messageId);
        if (!m)
            return grpc::Status(grpc::StatusCode::NOT_FOUND, "no such message");
        const auto bytes = m_gateway.mediaOf(*m, thumbnail);
        if (!bytes)
            return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "the message has no file");
        const QString uuid = m_gateway.files().put(*bytes);
        const QJsonObject box{{QStringLiteral("type"), 7},
                              {QStringLiteral("uuid"), uuid},
                              {QStringLiteral("name"), m->filename},
                              {QStringLiteral("size"), qint64(bytes->size())}};
        *fileBox = QJsonDocument(box).toJson(QJsonDocument::Compact).toStdString();
        return grpc::Status::OK;
    }

    grpc::ServerUnaryReactor *MessageImage(grpc::CallbackServerContext *context,
                                           const wechaty::MessageImageRequest *request,
                                           wechaty::MessageImageResponse *response) override
    {
        return unary(context, [&] {
            return fileBoxOf(fromStd(request->id()),
                             request->type() == wechaty::IMAGE_TYPE_THUMBNAIL,
                             response->mutable_file_box());
        });
    }

    grpc::ServerUnaryReactor *MessageFile(grpc::CallbackServerContext *context,
                                          const wechaty::MessageFileRequest *request,
                                          wechaty::MessageFileResponse *response) override
    {
        return unary(context, [&] {
            return fileBoxOf(fromStd(request->id()), false, response->mutable_file_box());
        });
    }

    grpc::ServerReadReactor<wechaty::UploadRequest> *
    Upload(grpc::CallbackServerContext *context, wechaty::UploadResponse *response) override
    {
        return new UploadReader(m_gateway, response, authorize(context));
    }

    grpc::ServerWriteReactor<wechaty::DownloadResponse> *
    Download(grpc::CallbackServerContext *context, const wechaty::DownloadRequest *request) override
    {
        grpc::Status status = authorize(context);
        QByteArray data;
        if (status.ok()) {
            if (const auto stored = m_gateway.files().get(fromStd(request->id())))
                data = *stored;
            else
                status = grpc::Status(grpc::StatusCode::NOT_FOUND, "no such file");
        }
        return new DownloadWriter(status, std::move(data));
    }

private:
    SimGateway &m_gateway;
    SimServedLog m_served;
};

} // namespace

struct SimPuppetServer::Private
{
    explicit Private(SimGateway &g)
        : gateway(g)
        , service(g)
    {}
    SimGateway &gateway;
    PuppetService service;
    std::unique_ptr<grpc::Server> server;
    quint16 port = 0;
    std::mutex shutdownMutex;
};

SimPuppetServer::SimPuppetServer(SimGateway &gateway)
    : d(std::make_unique<Private>(gateway))
{}

SimPuppetServer::~SimPuppetServer()
{
    shutdown();
}

bool SimPuppetServer::start(const QString &host, quint16 port, QString *error)
{
    // As in the client (PuppetClient): the distribution's Abseil checks every
    // mutex gRPC takes for lock cycles, a debugging aid release builds leave off.
    absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
    grpc::ServerBuilder builder;
    int selectedPort = 0;
    const QString address = QStringLiteral("%1:%2").arg(host).arg(port);
    std::shared_ptr<grpc::ServerCredentials> credentials = grpc::InsecureServerCredentials();
    const SimulatorOptions &o = d->gateway.options();
    if (!o.tlsCert.isEmpty()) {
        QFile cert(o.tlsCert);
        QFile key(o.tlsKey);
        if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QCoreApplication::translate("Simulator",
                                                     "Cannot read the TLS certificate or key.");
            return false;
        }
        grpc::SslServerCredentialsOptions ssl;
        ssl.pem_key_cert_pairs.push_back(
            {key.readAll().toStdString(), cert.readAll().toStdString()});
        credentials = grpc::SslServerCredentials(ssl);
    }
    builder.AddListeningPort(toStd(address), credentials, &selectedPort);
    builder.RegisterService(&d->service);
    // gRPC's default 4 MiB, as real gateways have it: a large inline FileBox
    // fails with RESOURCE_EXHAUSTED here as it would there.
    builder.SetMaxReceiveMessageSize(4 * 1024 * 1024);
    d->server = builder.BuildAndStart();
    if (!d->server || selectedPort == 0) {
        d->server.reset();
        if (error) {
            *error = QCoreApplication::translate("Simulator", "Cannot listen on %1.").arg(address);
        }
        return false;
    }
    d->port = quint16(selectedPort);
    return true;
}

quint16 SimPuppetServer::port() const
{
    return d->port;
}

void SimPuppetServer::shutdown()
{
    std::lock_guard lock(d->shutdownMutex);
    if (!d->server)
        return;
    d->gateway.releaseParked();
    d->gateway.hub().closeAll(int(grpc::StatusCode::UNAVAILABLE),
                              QStringLiteral("the simulator is shutting down"));
    d->server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(3));
    d->server->Wait();
    d->server.reset();
}

} // namespace gd::sim
