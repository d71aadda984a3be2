#include "gateway/PuppetClient.h"

#include "gateway/GatewayToken.h"
#include "util/Log.h"

#include <QDateTime>
#include <QFile>
#include <QMetaObject>
#include <QPointer>

#include <absl/synchronization/mutex.h>
#include <grpcpp/grpcpp.h>

#include "wechaty/puppet.grpc.pb.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <vector>

namespace gd {
namespace {

// The async interface overloads every method (callback and reactor forms):
// name the callback form through a generic lambda.
#define GD_ASYNC(Method) \
    [](auto *asyncStub, auto *callContext, auto *request, auto *response, auto callback) { \
        asyncStub->Method(callContext, request, response, std::move(callback)); \
    }

constexpr int kUnaryDeadlineSec = 15;
constexpr int kStartDeadlineSec = 60; // a real puppet may take a while to start

GatewayStatus toStatus(const grpc::Status &s)
{
    GatewayStatus st;
    st.code = static_cast<int>(s.error_code());
    st.message = QString::fromStdString(s.error_message());
    if (!s.error_details().empty())
        st.message += QStringLiteral(" | ") + QString::fromStdString(s.error_details()).left(2000);
    return st;
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QStringList toList(const google::protobuf::RepeatedPtrField<std::string> &items)
{
    QStringList out;
    out.reserve(items.size());
    for (const std::string &s : items)
        out.append(qs(s));
    return out;
}

Contact toContact(const wechaty::ContactPayloadResponse &r)
{
    Contact c;
    c.id = qs(r.id());
    c.name = qs(r.name());
    c.alias = qs(r.alias());
    c.avatar = qs(r.avatar());
    c.gender = r.gender();
    c.type = r.type();
    c.isFriend = r.friend_();
    c.weixin = qs(r.weixin());
    return c;
}

Room toRoom(const wechaty::RoomPayloadResponse &r)
{
    Room room;
    room.id = qs(r.id());
    room.topic = qs(r.topic());
    room.avatar = qs(r.avatar());
    room.ownerId = qs(r.owner_id());
    room.adminIds = toList(r.admin_ids());
    room.memberIds = toList(r.member_ids());
    return room;
}

Message toMessage(const wechaty::MessagePayloadResponse &r)
{
    Message m;
    m.id = qs(r.id());
    m.filename = qs(r.filename());
    m.text = qs(r.text());
    m.kind = messageKindFromWire(r.type());
    m.talkerId = qs(r.talker_id());
    m.roomId = qs(r.room_id());
    m.listenerId = qs(r.listener_id());
    m.mentionIds = toList(r.mention_ids());
    if (r.has_receive_time() && (r.receive_time().seconds() > 0 || r.receive_time().nanos() > 0)) {
        m.timestampMs = r.receive_time().seconds() * 1000 + r.receive_time().nanos() / 1000000;
    } else if (r.timestamp_deprecated() > 0) {
        const quint64 t = r.timestamp_deprecated();
        // Documented as ms, but some gateways send seconds.
        m.timestampMs = t < 100000000000ULL ? qint64(t) * 1000 : qint64(t);
    } else {
        m.timestampMs = QDateTime::currentMSecsSinceEpoch();
    }
    return m;
}

} // namespace

// gRPC 1.51 runs callbacks on the threads of one completion queue that every
// channel of the process shares. When the process's last channel is destroyed,
// gRPC shuts that queue down and joins those threads; if that happens on one of
// them (the last reference dropped inside a callback), the thread joins itself
// and the queue is freed under it: the process aborts (seen as a crash after
// SIGTERM, 1 stop in 8). So a channel is never destroyed on a gRPC thread:
// calls hold it through a ChannelHold, which hands its reference here, and the
// client's own thread destroys the channels no call holds any more.
class ChannelGraveyard
{
public:
    static ChannelGraveyard &instance()
    {
        static ChannelGraveyard graveyard;
        return graveyard;
    }

    // Any thread.
    void bury(std::shared_ptr<grpc::Channel> channel)
    {
        if (!channel)
            return;
        std::lock_guard lock(m_mutex);
        for (const auto &held : m_channels) {
            if (held == channel)
                return; // already held here: dropping this copy destroys nothing
        }
        m_channels.push_back(std::move(channel));
    }

    // Never on a gRPC thread: destroys the channels only the graveyard holds.
    void sweep()
    {
        std::vector<std::shared_ptr<grpc::Channel>> dead;
        {
            std::lock_guard lock(m_mutex);
            const auto firstDead
                = std::partition(m_channels.begin(), m_channels.end(),
                                 [](const auto &channel) { return channel.use_count() > 1; });
            dead.assign(std::make_move_iterator(firstDead),
                        std::make_move_iterator(m_channels.end()));
            m_channels.erase(firstDead, m_channels.end());
        }
        // `dead` is destroyed here, on the caller's thread, outside the lock.
    }

private:
    std::mutex m_mutex;
    std::vector<std::shared_ptr<grpc::Channel>> m_channels;
};

// A call's reference to its channel (the channel must outlive the call);
// released into the graveyard, whichever thread the call ends on.
class ChannelHold
{
public:
    ChannelHold() = default;
    explicit ChannelHold(std::shared_ptr<grpc::Channel> channel)
        : m_channel(std::move(channel))
    {}
    ChannelHold(const ChannelHold &) = delete;
    ChannelHold &operator=(const ChannelHold &) = delete;
    ~ChannelHold() { ChannelGraveyard::instance().bury(std::move(m_channel)); }

private:
    std::shared_ptr<grpc::Channel> m_channel;
};

// Shared between the client object and every call in flight: a gRPC callback
// may outlive the PuppetClient, so it holds this, never the client itself.
struct PuppetClient::Private
{
    class EventReader;
    class Uploader;
    class Downloader;

    PuppetClient *q = nullptr;
    std::mutex mutex;
    std::condition_variable idle;
    bool alive = true; // false once the client is being destroyed
    quint64 generation = 0; // bumped by reset(): older results are dropped
    std::set<grpc::ClientContext *> active; // every call gRPC still holds
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<wechaty::Puppet::Stub> stub;
    std::string authorization;
    // Set when the endpoint's token cannot travel as metadata: gRPC would
    // abort the process on it, so no stub exists and every call fails.
    bool tokenUnusable = false;
    EventReader *reader = nullptr; // the current generation's stream, if open

    // The event stream's items (events, then its end), in order, waiting for
    // the client's thread. They are taken in small rounds (drainStream): a
    // burst of thousands of events must not sit in the thread's queue ahead
    // of every call result (the directory sync waited seconds behind them).
    struct StreamItem
    {
        quint64 gen = 0;
        int type = 0;
        QByteArray payload;
        bool closed = false;
        GatewayStatus status;
    };
    std::deque<StreamItem> streamItems;
    bool streamDrainPosted = false;

    // Caller holds `mutex`.
    void pushStreamLocked(StreamItem item)
    {
        if (!alive || !q)
            return;
        streamItems.push_back(std::move(item));
        if (streamDrainPosted)
            return;
        streamDrainPosted = true;
        PuppetClient *client = q;
        QMetaObject::invokeMethod(
            client, [client] { client->drainStream(); }, Qt::QueuedConnection);
    }

    // Call results waiting for the client's thread, in the order they came.
    // One queued event delivers all that came meanwhile (drainResults): a
    // posted event per result made the thread's queue the busiest part of a
    // backlog's thousands of MessagePayload answers a second.
    struct CallResult
    {
        quint64 gen = 0;
        std::function<void(PuppetClient *)> deliver;
    };
    std::deque<CallResult> results;
    bool resultsDrainPosted = false;

    // Runs `fn` in the client's thread, unless the client is gone or was reset
    // since `gen`. Caller holds `mutex`.
    void postLocked(quint64 gen, std::function<void(PuppetClient *)> fn)
    {
        if (!alive || !q)
            return;
        results.push_back({gen, std::move(fn)});
        if (resultsDrainPosted)
            return;
        resultsDrainPosted = true;
        PuppetClient *client = q;
        QMetaObject::invokeMethod(
            client, [client] { client->drainResults(); }, Qt::QueuedConnection);
    }

    // Why a call cannot be made (there is no stub).
    GatewayStatus noStubStatus() const
    {
        if (tokenUnusable)
            return GatewayStatus{16,
                                 QStringLiteral("the token holds characters that gRPC metadata "
                                                "cannot carry; it was not sent")};
        return GatewayStatus{14, QStringLiteral("no endpoint set")};
    }

    void prepare(grpc::ClientContext &ctx, int deadlineSec) const
    {
        ctx.AddMetadata("authorization", authorization);
        if (deadlineSec > 0)
            ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(deadlineSec));
    }

    // One unary call with the callback API. `convert` runs on the gRPC thread,
    // `done` in the client's thread.
    template<typename Req, typename Resp, typename T, typename Method, typename Convert>
    void unary(const std::shared_ptr<Private> &self, const char *name, Method method, Req req,
               int deadlineSec, Convert convert, Callback<T> done)
    {
        struct Call
        {
            grpc::ClientContext ctx;
            Req req;
            Resp resp;
            ChannelHold channel; // keeps the channel alive until done
        };

        if (!stub) {
            const GatewayStatus st = noStubStatus();
            std::lock_guard lock(mutex);
            postLocked(generation, [done, st](PuppetClient *) {
                if (done)
                    done(st, T{});
            });
            return;
        }

        auto *call = new Call{{}, std::move(req), {}, ChannelHold(channel)};
        prepare(call->ctx, deadlineSec);
        quint64 gen;
        {
            std::lock_guard lock(mutex);
            gen = generation;
            active.insert(&call->ctx);
        }
        method(stub->async(), &call->ctx, &call->req, &call->resp,
               [self, call, gen, name, convert, done](const grpc::Status &s) {
                   const GatewayStatus st = toStatus(s);
                   T value{};
                   if (s.ok())
                       value = convert(call->resp);
                   else if (!st.is(GatewayCode::Cancelled))
                       qCDebug(lcGateway) << name << "failed:" << st.code << st.message;
                   std::lock_guard lock(self->mutex);
                   self->active.erase(&call->ctx);
                   delete call;
                   self->postLocked(gen, [done, st, value = std::move(value)](PuppetClient *) {
                       if (done)
                           done(st, value);
                   });
                   self->idle.notify_all();
               });
    }
};

class PuppetClient::Private::EventReader : public grpc::ClientReadReactor<wechaty::EventResponse>
{
public:
    EventReader(std::shared_ptr<Private> d, quint64 gen)
        : m_d(std::move(d))
        , m_channel(m_d->channel)
        , m_gen(gen)
    {}

    void begin(wechaty::Puppet::Stub *service)
    {
        service->async()->Event(&m_ctx, &m_req, this);
        StartRead(&m_resp);
        StartCall();
    }

    grpc::ClientContext &context() { return m_ctx; }

    void OnReadDone(bool ok) override
    {
        if (!ok)
            return; // the stream ended: OnDone follows
        Private::StreamItem item;
        item.gen = m_gen;
        item.type = m_resp.type();
        item.payload = QByteArray::fromStdString(m_resp.payload());
        {
            std::lock_guard lock(m_d->mutex);
            m_d->pushStreamLocked(std::move(item));
        }
        // Read on at once: the server does not apply backpressure.
        StartRead(&m_resp);
    }

    void OnDone(const grpc::Status &s) override
    {
        const GatewayStatus st = toStatus(s);
        std::shared_ptr<Private> owner = m_d; // keeps Private alive past `delete this`
        std::lock_guard lock(owner->mutex);
        if (owner->reader == this)
            owner->reader = nullptr;
        owner->active.erase(&m_ctx);
        Private::StreamItem item; // after the events it delivered
        item.gen = m_gen;
        item.closed = true;
        item.status = st;
        owner->pushStreamLocked(std::move(item));
        delete this;
        owner->idle.notify_all();
    }

private:
    std::shared_ptr<Private> m_d;
    ChannelHold m_channel; // the channel outlives the call
    quint64 m_gen;
    grpc::ClientContext m_ctx;
    wechaty::EventRequest m_req;
    wechaty::EventResponse m_resp;
};

PuppetClient::PuppetClient(QObject *parent)
    : QObject(parent)
    , d(std::make_shared<Private>())
{
    qRegisterMetaType<gd::GatewayStatus>();
    // The distribution's Abseil is built without NDEBUG, so every mutex gRPC
    // takes (several per call) ran Abseil's deadlock detector: about a tenth
    // of the session thread's time in a backlog. It is a debugging aid;
    // release builds of Abseil leave it off.
    static std::once_flag releaseLocking;
    std::call_once(releaseLocking,
                   [] { absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore); });
    d->q = this;
}

PuppetClient::~PuppetClient()
{
    std::unique_lock lock(d->mutex);
    d->alive = false;
    for (grpc::ClientContext *ctx : d->active)
        ctx->TryCancel();
    // Cancelled calls complete quickly; the bound only guards against a stuck
    // library at exit (the shared Private keeps late callbacks safe anyway).
    if (!d->idle.wait_for(lock, std::chrono::seconds(10), [this] { return d->active.empty(); }))
        qCWarning(lcGateway) << d->active.size() << "gateway calls still held by gRPC at shutdown";
    d->q = nullptr;
    // Late callbacks may still hold `d`: the channel must not die with it on
    // a gRPC thread (see ChannelGraveyard).
    d->stub.reset();
    ChannelGraveyard::instance().bury(std::move(d->channel));
    // Results never delivered: their callbacks go with the client, here.
    const std::deque<Private::CallResult> undelivered = std::exchange(d->results, {});
    lock.unlock();
    ChannelGraveyard::instance().sweep();
}

void PuppetClient::setEndpoint(const GatewayEndpoint &endpoint)
{
    reset();
    d->stub.reset();
    ChannelGraveyard::instance().bury(std::move(d->channel));
    ChannelGraveyard::instance().sweep(); // the channels of calls that have ended
    d->authorization.clear();
    // The last guard: every place a token enters checks it, but gRPC aborts
    // the process (printing the value) on a bad one, so check it again here.
    // No token at all is sent as is (a gateway without a token accepts it).
    d->tokenUnusable = !endpoint.token.isEmpty() && !GatewayToken::isValid(endpoint.token);
    if (d->tokenUnusable) {
        qCWarning(lcGateway) << "endpoint" << endpoint.address
                             << "not used: its token cannot be sent as gRPC metadata";
        return;
    }

    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(64 * 1024 * 1024);
    // Our own reconnect logic decides when to retry; keep the channel's own
    // backoff short and private to this channel so a gateway that comes back
    // is reached at once.
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 500);
    args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 500);
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 5000);
    // No transparent retries inside gRPC: the session retries what failed
    // itself (MessageIngest, DirectorySync), and gRPC's retry layer copied
    // every call's metadata and messages in case it would retry.
    args.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);

    std::shared_ptr<grpc::ChannelCredentials> creds;
    if (endpoint.tls) {
        grpc::SslCredentialsOptions ssl;
        if (!endpoint.caFile.isEmpty()) {
            QFile f(endpoint.caFile);
            if (f.open(QIODevice::ReadOnly))
                ssl.pem_root_certs = f.readAll().toStdString();
            else
                qCWarning(lcGateway)
                    << "cannot read the CA file" << endpoint.caFile << f.errorString();
        }
        if (!endpoint.serverName.isEmpty())
            args.SetSslTargetNameOverride(endpoint.serverName.toStdString());
        creds = grpc::SslCredentials(ssl);
    } else {
        creds = grpc::InsecureChannelCredentials();
    }

    d->channel = grpc::CreateCustomChannel(endpoint.address.toStdString(), creds, args);
    d->stub = wechaty::Puppet::NewStub(d->channel);
    d->authorization = "Wechaty " + endpoint.token.toStdString();
    qCInfo(lcGateway) << "endpoint" << endpoint.address << (endpoint.tls ? "tls" : "plaintext");
}

void PuppetClient::drainStream()
{
    // A round, then the rest goes to the back of the thread's queue, behind
    // the call results that came meanwhile.
    constexpr int kRound = 64;
    const QPointer<PuppetClient> self(this);
    for (int i = 0; i < kRound; ++i) {
        Private::StreamItem item;
        {
            std::lock_guard lock(d->mutex);
            if (d->streamItems.empty()) {
                d->streamDrainPosted = false;
                return;
            }
            item = std::move(d->streamItems.front());
            d->streamItems.pop_front();
        }
        if (item.gen != d->generation)
            continue; // from a stream that was reset
        if (item.closed)
            emit eventStreamClosed(item.status);
        else
            emit eventReceived(item.type, item.payload);
        if (!self)
            return; // deleted by a receiver
    }
    QMetaObject::invokeMethod(
        this, [this] { drainStream(); }, Qt::QueuedConnection);
}

void PuppetClient::drainResults()
{
    // Everything that came so far; results that come while these run wait
    // for the next round, behind the events queued meanwhile.
    std::deque<Private::CallResult> round;
    {
        std::lock_guard lock(d->mutex);
        round.swap(d->results);
        d->resultsDrainPosted = false;
    }
    const QPointer<PuppetClient> self(this);
    for (Private::CallResult &result : round) {
        if (result.gen != d->generation)
            continue; // the client was reset since the call was made
        result.deliver(this);
        if (!self)
            return; // deleted by a receiver
    }
}

void PuppetClient::reset()
{
    std::lock_guard lock(d->mutex);
    ++d->generation;
    d->reader = nullptr;
    for (grpc::ClientContext *ctx : d->active)
        ctx->TryCancel();
}

void PuppetClient::subscribeEvents()
{
    if (!d->stub) {
        const GatewayStatus st = d->noStubStatus();
        std::lock_guard lock(d->mutex);
        d->postLocked(d->generation,
                      [st](PuppetClient *client) { emit client->eventStreamClosed(st); });
        return;
    }
    quint64 gen;
    Private::EventReader *reader;
    {
        std::lock_guard lock(d->mutex);
        if (d->reader) {
            d->reader->context().TryCancel(); // one stream per token: drop the old one
            d->reader = nullptr;
            ++d->generation;
        }
        gen = d->generation;
        reader = new Private::EventReader(d, gen);
        d->prepare(reader->context(), 0);
        d->active.insert(&reader->context());
        d->reader = reader;
    }
    reader->begin(d->stub.get());
}

bool PuppetClient::isSubscribed() const
{
    std::lock_guard lock(d->mutex);
    return d->reader != nullptr;
}

int PuppetClient::callsInFlight() const
{
    std::lock_guard lock(d->mutex);
    return int(d->active.size()) - (d->reader ? 1 : 0);
}

namespace {
struct Nothing
{};
constexpr auto ignoreResponse = [](const auto &) { return Nothing{}; };

PuppetClient::Callback<Nothing> statusOnly(PuppetClient::StatusCallback done)
{
    return [done](const GatewayStatus &st, const Nothing &) {
        if (done)
            done(st);
    };
}
} // namespace

void PuppetClient::start(StatusCallback done)
{
    d->unary<wechaty::StartRequest, wechaty::StartResponse, Nothing>(
        d, "Start", GD_ASYNC(Start), {}, kStartDeadlineSec, ignoreResponse,
        statusOnly(std::move(done)));
}

void PuppetClient::stop(StatusCallback done)
{
    d->unary<wechaty::StopRequest, wechaty::StopResponse, Nothing>(
        d, "Stop", GD_ASYNC(Stop), {}, kUnaryDeadlineSec, ignoreResponse,
        statusOnly(std::move(done)));
}

void PuppetClient::logout(StatusCallback done)
{
    d->unary<wechaty::LogoutRequest, wechaty::LogoutResponse, Nothing>(
        d, "Logout", GD_ASYNC(Logout), {}, kUnaryDeadlineSec, ignoreResponse,
        statusOnly(std::move(done)));
}

void PuppetClient::ding(const QString &data, StatusCallback done)
{
    wechaty::DingRequest req;
    req.set_data(data.toStdString());
    d->unary<wechaty::DingRequest, wechaty::DingResponse, Nothing>(
        d, "Ding", GD_ASYNC(Ding), std::move(req), kUnaryDeadlineSec, ignoreResponse,
        statusOnly(std::move(done)));
}

void PuppetClient::contactList(Callback<QStringList> done)
{
    d->unary<wechaty::ContactListRequest, wechaty::ContactListResponse, QStringList>(
        d, "ContactList", GD_ASYNC(ContactList), {}, kUnaryDeadlineSec,
        [](const wechaty::ContactListResponse &r) { return toList(r.ids()); }, std::move(done));
}

void PuppetClient::contactPayload(const QString &contactId, Callback<Contact> done)
{
    wechaty::ContactPayloadRequest req;
    req.set_id(contactId.toStdString());
    d->unary<wechaty::ContactPayloadRequest, wechaty::ContactPayloadResponse, Contact>(
        d, "ContactPayload", GD_ASYNC(ContactPayload), std::move(req), kUnaryDeadlineSec,
        [contactId](const wechaty::ContactPayloadResponse &r) {
            Contact c = toContact(r);
            if (c.id.isEmpty())
                c.id = contactId;
            return c;
        },
        std::move(done));
}

void PuppetClient::roomList(Callback<QStringList> done)
{
    d->unary<wechaty::RoomListRequest, wechaty::RoomListResponse, QStringList>(
        d, "RoomList", GD_ASYNC(RoomList), {}, kUnaryDeadlineSec,
        [](const wechaty::RoomListResponse &r) { return toList(r.ids()); }, std::move(done));
}

void PuppetClient::roomPayload(const QString &roomId, Callback<Room> done)
{
    wechaty::RoomPayloadRequest req;
    req.set_id(roomId.toStdString());
    d->unary<wechaty::RoomPayloadRequest, wechaty::RoomPayloadResponse, Room>(
        d, "RoomPayload", GD_ASYNC(RoomPayload), std::move(req), kUnaryDeadlineSec,
        [roomId](const wechaty::RoomPayloadResponse &r) {
            Room room = toRoom(r);
            if (room.id.isEmpty())
                room.id = roomId;
            return room;
        },
        std::move(done));
}

void PuppetClient::roomQuit(const QString &roomId, StatusCallback done)
{
    wechaty::RoomQuitRequest req;
    req.set_id(roomId.toStdString());
    d->unary<wechaty::RoomQuitRequest, wechaty::RoomQuitResponse, Nothing>(
        d, "RoomQuit", GD_ASYNC(RoomQuit), std::move(req), kUnaryDeadlineSec, ignoreResponse,
        statusOnly(std::move(done)));
}

void PuppetClient::roomMemberList(const QString &roomId, Callback<QStringList> done)
{
    wechaty::RoomMemberListRequest req;
    req.set_id(roomId.toStdString());
    d->unary<wechaty::RoomMemberListRequest, wechaty::RoomMemberListResponse, QStringList>(
        d, "RoomMemberList", GD_ASYNC(RoomMemberList), std::move(req), kUnaryDeadlineSec,
        [](const wechaty::RoomMemberListResponse &r) { return toList(r.member_ids()); },
        std::move(done));
}

void PuppetClient::roomMemberPayload(const QString &roomId, const QString &memberId,
                                     Callback<RoomMember> done)
{
    wechaty::RoomMemberPayloadRequest req;
    req.set_id(roomId.toStdString());
    req.set_member_id(memberId.toStdString());
    d->unary<wechaty::RoomMemberPayloadRequest, wechaty::RoomMemberPayloadResponse, RoomMember>(
        d, "RoomMemberPayload", GD_ASYNC(RoomMemberPayload), std::move(req), kUnaryDeadlineSec,
        [roomId, memberId](const wechaty::RoomMemberPayloadResponse &r) {
            RoomMember m;
            m.roomId = roomId;
            m.contactId = memberId; // the response id is the member's id too
            m.roomAlias = qs(r.room_alias());
            m.inviterId = qs(r.inviter_id());
            m.avatar = qs(r.avatar());
            m.name = qs(r.name());
            return m;
        },
        std::move(done));
}

void PuppetClient::messagePayload(const QString &messageId, Callback<Message> done)
{
    wechaty::MessagePayloadRequest req;
    req.set_id(messageId.toStdString());
    d->unary<wechaty::MessagePayloadRequest, wechaty::MessagePayloadResponse, Message>(
        d, "MessagePayload", GD_ASYNC(MessagePayload), std::move(req), kUnaryDeadlineSec,
        [messageId](const wechaty::MessagePayloadResponse &r) {
            Message m = toMessage(r);
            if (m.id.isEmpty())
                m.id = messageId;
            return m;
        },
        std::move(done));
}

void PuppetClient::messageSendText(const QString &conversationId, const QString &text,
                                   const QStringList &mentionIds, Callback<QString> done)
{
    wechaty::MessageSendTextRequest req;
    req.set_conversation_id(conversationId.toStdString());
    req.set_text(text.toStdString());
    for (const QString &id : mentionIds)
        req.add_mention_ids(id.toStdString());
    d->unary<wechaty::MessageSendTextRequest, wechaty::MessageSendTextResponse, QString>(
        d, "MessageSendText", GD_ASYNC(MessageSendText), std::move(req), kUnaryDeadlineSec,
        [](const wechaty::MessageSendTextResponse &r) { return qs(r.id()); }, std::move(done));
}

} // namespace gd

// ---- files ------------------------------------------------------------------

namespace gd {
namespace {
constexpr int kFileDeadlineSec = 600; // a large file on a slow link
}

class PuppetClient::Private::Uploader : public grpc::ClientWriteReactor<wechaty::UploadRequest>
{
public:
    Uploader(std::shared_ptr<Private> d, quint64 gen, QByteArray bytes, ProgressCallback progress,
             Callback<QString> done)
        : m_d(std::move(d))
        , m_channel(m_d->channel)
        , m_gen(gen)
        , m_bytes(std::move(bytes))
        , m_progress(std::move(progress))
        , m_done(std::move(done))
    {}

    grpc::ClientContext &context() { return m_ctx; }

    void begin(wechaty::Puppet::Stub *service)
    {
        service->async()->Upload(&m_ctx, &m_resp, this);
        AddHold(); // writes continue from OnWriteDone
        writeNext();
        StartCall();
    }

    void OnWriteDone(bool ok) override
    {
        if (!ok) {
            RemoveHold(); // the call failed: OnDone says why
            return;
        }
        if (m_progress) {
            const qint64 sent = m_offset;
            const qint64 total = m_bytes.size();
            std::lock_guard lock(m_d->mutex);
            m_d->postLocked(m_gen, [progress = m_progress, sent, total](PuppetClient *) {
                progress(sent, total);
            });
        }
        writeNext();
    }

    void OnDone(const grpc::Status &s) override
    {
        const GatewayStatus st = toStatus(s);
        if (!s.ok())
            qCDebug(lcGateway) << "Upload failed:" << st.code << st.message;
        const QString uuid = qs(m_resp.id());
        std::shared_ptr<Private> owner = m_d;
        std::lock_guard lock(owner->mutex);
        owner->active.erase(&m_ctx);
        owner->postLocked(m_gen, [done = m_done, st, uuid](PuppetClient *) {
            if (done)
                done(st, uuid);
        });
        delete this;
        owner->idle.notify_all();
    }

private:
    void writeNext()
    {
        if (m_offset >= m_bytes.size()) {
            StartWritesDone();
            RemoveHold();
            return;
        }
        const qsizetype n = std::min<qsizetype>(kChunkBytes, m_bytes.size() - m_offset);
        m_req.set_chunk(m_bytes.constData() + m_offset, size_t(n));
        m_offset += n;
        StartWrite(&m_req);
    }

    std::shared_ptr<Private> m_d;
    ChannelHold m_channel; // the channel outlives the call
    quint64 m_gen;
    QByteArray m_bytes;
    ProgressCallback m_progress;
    Callback<QString> m_done;
    qsizetype m_offset = 0;
    grpc::ClientContext m_ctx;
    wechaty::UploadRequest m_req;
    wechaty::UploadResponse m_resp;
};

class PuppetClient::Private::Downloader : public grpc::ClientReadReactor<wechaty::DownloadResponse>
{
public:
    Downloader(std::shared_ptr<Private> d, quint64 gen, qint64 maxBytes, Callback<QByteArray> done)
        : m_d(std::move(d))
        , m_channel(m_d->channel)
        , m_gen(gen)
        , m_maxBytes(maxBytes)
        , m_done(std::move(done))
    {}

    grpc::ClientContext &context() { return m_ctx; }

    void begin(wechaty::Puppet::Stub *service, const QString &uuid)
    {
        m_req.set_id(uuid.toStdString());
        service->async()->Download(&m_ctx, &m_req, this);
        StartRead(&m_resp);
        StartCall();
    }

    void OnReadDone(bool ok) override
    {
        if (!ok)
            return; // OnDone follows
        m_data.append(m_resp.chunk().data(), qsizetype(m_resp.chunk().size()));
        if (m_maxBytes > 0 && m_data.size() > m_maxBytes) {
            m_tooLarge = true;
            m_data.clear();
            m_ctx.TryCancel();
            return;
        }
        StartRead(&m_resp);
    }

    void OnDone(const grpc::Status &s) override
    {
        GatewayStatus st = toStatus(s);
        if (m_tooLarge)
            st = GatewayStatus{int(GatewayCode::ResourceExhausted),
                               QStringLiteral("the file is larger than %1 bytes").arg(m_maxBytes)};
        if (!st.ok())
            m_data.clear();
        std::shared_ptr<Private> owner = m_d;
        std::lock_guard lock(owner->mutex);
        owner->active.erase(&m_ctx);
        owner->postLocked(m_gen, [done = m_done, st, data = std::move(m_data)](PuppetClient *) {
            if (done)
                done(st, data);
        });
        delete this;
        owner->idle.notify_all();
    }

private:
    std::shared_ptr<Private> m_d;
    ChannelHold m_channel; // the channel outlives the call
    quint64 m_gen;
    qint64 m_maxBytes;
    Callback<QByteArray> m_done;
    bool m_tooLarge = false;
    QByteArray m_data;
    grpc::ClientContext m_ctx;
    wechaty::DownloadRequest m_req;
    wechaty::DownloadResponse m_resp;
};

void PuppetClient::upload(const QByteArray &bytes, ProgressCallback progress,
                          Callback<QString> done)
{
    if (!d->stub) {
        const GatewayStatus st = d->noStubStatus();
        std::lock_guard lock(d->mutex);
        d->postLocked(d->generation, [done, st](PuppetClient *) {
            if (done)
                done(st, QString());
        });
        return;
    }
    Private::Uploader *call;
    {
        std::lock_guard lock(d->mutex);
        call = new Private::Uploader(d, d->generation, bytes, std::move(progress), std::move(done));
        d->prepare(call->context(), kFileDeadlineSec);
        d->active.insert(&call->context());
    }
    call->begin(d->stub.get());
}

void PuppetClient::download(const QString &uuid, qint64 maxBytes, Callback<QByteArray> done)
{
    if (!d->stub) {
        const GatewayStatus st = d->noStubStatus();
        std::lock_guard lock(d->mutex);
        d->postLocked(d->generation, [done, st](PuppetClient *) {
            if (done)
                done(st, QByteArray());
        });
        return;
    }
    Private::Downloader *call;
    {
        std::lock_guard lock(d->mutex);
        call = new Private::Downloader(d, d->generation, maxBytes, std::move(done));
        d->prepare(call->context(), kFileDeadlineSec);
        d->active.insert(&call->context());
    }
    call->begin(d->stub.get(), uuid);
}

void PuppetClient::messageImage(const QString &messageId, ImageType type, Callback<QString> done)
{
    wechaty::MessageImageRequest req;
    req.set_id(messageId.toStdString());
    req.set_type(static_cast<wechaty::ImageType>(int(type)));
    d->unary<wechaty::MessageImageRequest, wechaty::MessageImageResponse, QString>(
        d, "MessageImage", GD_ASYNC(MessageImage), std::move(req), kUnaryDeadlineSec,
        [](const wechaty::MessageImageResponse &r) { return qs(r.file_box()); }, std::move(done));
}

void PuppetClient::messageFile(const QString &messageId, Callback<QString> done)
{
    wechaty::MessageFileRequest req;
    req.set_id(messageId.toStdString());
    d->unary<wechaty::MessageFileRequest, wechaty::MessageFileResponse, QString>(
        d, "MessageFile", GD_ASYNC(MessageFile), std::move(req), kUnaryDeadlineSec,
        [](const wechaty::MessageFileResponse &r) { return qs(r.file_box()); }, std::move(done));
}

void PuppetClient::messageSendFile(const QString &conversationId, const QString &fileBoxJson,
                                   Callback<QString> done)
{
    wechaty::MessageSendFileRequest req;
    req.set_conversation_id(conversationId.toStdString());
    req.set_file_box(fileBoxJson.toStdString());
    d->unary<wechaty::MessageSendFileRequest, wechaty::MessageSendFileResponse, QString>(
        d, "MessageSendFile", GD_ASYNC(MessageSendFile), std::move(req), kFileDeadlineSec,
        [](const wechaty::MessageSendFileResponse &r) { return qs(r.id()); }, std::move(done));
}

} // namespace gd
