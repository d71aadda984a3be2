#include "ops/OpsAutomation.h"

#include "monitor/Clock.h"
#include "ops/OpsRepository.h"
#include "ops/OpsStore.h"
#include "store/SqlQueries.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "util/Log.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace gd {
namespace {
constexpr int kWelcomeKind = 1;
constexpr int kKeywordKind = 2;
constexpr int kBusyKind = 3;
// A member who joined longer ago than this when we learn of it (a sync
// after hours offline) is not welcomed any more.
constexpr qint64 kWelcomeMaxAgeMs = 10 * 60 * 1000;

struct RuleRow
{
    qint64 id;
    int kind;
    bool enabled;
    QJsonObject params;
};
} // namespace

OpsAutomation::OpsAutomation(Store *store, OpsStore *opsStore, const Clock *clock,
                             SendFunction send, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_ops(opsStore)
    , m_clock(clock)
    , m_send(std::move(send))
    , m_replier(clock)
    , m_welcomes(clock)
{
    m_ticker.setInterval(kTickMs);
    connect(&m_ticker, &QTimer::timeout, this, &OpsAutomation::tickNow);
}

void OpsAutomation::start()
{
    reloadRules();
    connect(m_store, &Store::messagesStoredHere, this, &OpsAutomation::onMessages);
    connect(m_store, &Store::roomMembersChanged, this, &OpsAutomation::onMembersChanged);
    connect(m_store, &Store::tagsChanged, this, [this] { m_directories.clear(); });
    connect(m_store, &Store::roomsChanged, this,
            [this](const QString &accountId) { m_directories[accountId].loaded = false; });
    m_ticker.start();
}

void OpsAutomation::reloadRules()
{
    m_ops->read<QVector<RuleRow>>(
        this,
        [](QSqlDatabase &db) {
            QVector<RuleRow> rows;
            QSqlQuery q(db);
            if (SqlQueries::run(
                    q,
                    QStringLiteral("SELECT id, kind, enabled, params FROM ops_rules ORDER BY id"),
                    {})) {
                while (q.next())
                    rows.append({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toBool(),
                                 QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object()});
            }
            return rows;
        },
        [this](const QVector<RuleRow> &rows) {
            m_autoRules.clear();
            m_welcomeRules.clear();
            for (const RuleRow &row : rows) {
                if (row.kind == kWelcomeKind) {
                    WelcomeRule r = WelcomeRule::fromJson(row.params);
                    r.id = row.id;
                    r.enabled = row.enabled;
                    m_welcomeRules.append(r);
                } else if (row.kind == kKeywordKind || row.kind == kBusyKind) {
                    AutoReplyRule r = AutoReplyRule::fromJson(row.params);
                    r.id = row.id;
                    r.kind = AutoReplyRule::Kind(row.kind);
                    r.enabled = row.enabled;
                    m_autoRules.append(r);
                }
            }
            m_replier.setRules(m_autoRules);
            m_welcomes.setRules(m_welcomeRules);
            emit rulesLoaded();
        });
}

void OpsAutomation::loadDirectory(const QString &accountId, std::function<void()> then)
{
    const QString staffTag = m_staffTag;
    m_store->read<Directory>(
        this,
        [accountId, staffTag](StoreReader &reader) {
            Directory d;
            const QStringList staff = reader.contactsWithTag(accountId, staffTag);
            d.staff = QSet<QString>(staff.cbegin(), staff.cend());
            for (const AccountInfo &a : reader.accounts())
                if (a.id == accountId)
                    d.selfId = a.selfContactId;
            for (const Room &r : reader.rooms(accountId)) {
                d.topics.insert(r.id, r.topic);
                for (const QString &m : r.memberIds)
                    d.seenMembers[r.id].insert(m);
            }
            for (const QString &tag : reader.allTags())
                for (const QString &room : reader.roomsWithTag(accountId, tag))
                    d.roomTags[room].append(tag);
            d.loaded = true;
            return d;
        },
        [this, accountId, then](const Directory &d) {
            Directory &current = m_directories[accountId];
            // Members seen since keep counting as seen (no second welcome).
            QHash<QString, QSet<QString>> seen = current.seenMembers;
            current = d;
            for (auto it = seen.cbegin(); it != seen.cend(); ++it)
                current.seenMembers[it.key()].unite(it.value());
            if (then)
                then();
        });
}

void OpsAutomation::onMessages(const QVector<Message> &messages)
{
    if (m_autoRules.isEmpty())
        return;
    QSet<QString> accounts;
    for (const Message &m : messages)
        accounts.insert(m.accountId);
    for (const QString &accountId : std::as_const(accounts)) {
        if (!m_directories.value(accountId).loaded) {
            // Staff and tags first: a staff message must never be answered.
            loadDirectory(accountId, [this, messages, accountId] {
                QVector<Message> mine;
                for (const Message &m : messages)
                    if (m.accountId == accountId)
                        mine.append(m);
                onMessages(mine);
            });
            return;
        }
    }
    for (const Message &m : messages) {
        const Directory &d = m_directories[m.accountId];
        AutoReplyContext context;
        context.topic = d.topics.value(m.roomId);
        context.roomTags = d.roomTags.value(m.roomId);
        context.fromStaff
            = d.staff.contains(m.talkerId) || (!d.selfId.isEmpty() && m.talkerId == d.selfId);
        // Backlog (a sync after downtime) is not answered: only fresh messages.
        if (m.timestampMs > 0 && m_clock->nowMs() - m.timestampMs > 10 * 60 * 1000
            && !context.fromStaff && !m.fromSelf)
            continue;
        for (const AutoReplyDecision &decision : m_replier.onMessage(m, context))
            handle(decision);
    }
}

void OpsAutomation::onMembersChanged(const QString &accountId, const QString &roomId)
{
    if (m_welcomeRules.isEmpty())
        return;
    if (!m_directories.value(accountId).loaded) {
        loadDirectory(accountId,
                      [this, accountId, roomId] { onMembersChanged(accountId, roomId); });
        return;
    }
    const qint64 since = m_clock->nowMs() - kWelcomeMaxAgeMs;
    m_store->read<QVector<RoomMember>>(
        this,
        [accountId, roomId](StoreReader &reader) { return reader.roomMembers(accountId, roomId); },
        [this, accountId, roomId, since](const QVector<RoomMember> &members) {
            Directory &d = m_directories[accountId];
            QSet<QString> &seen = d.seenMembers[roomId];
            QVector<WelcomeGatherer::Member> joined;
            QVector<WelcomeGatherer::Member> named;
            for (const RoomMember &m : members)
                named.append({m.contactId, m.roomAlias.isEmpty() ? m.name : m.roomAlias});
            m_welcomes.updateNames(accountId, roomId, named);
            for (const RoomMember &m : members) {
                if (seen.contains(m.contactId))
                    continue;
                seen.insert(m.contactId);
                if (m.joinedMs < since || m.contactId == d.selfId || d.staff.contains(m.contactId))
                    continue;
                joined.append({m.contactId, m.roomAlias.isEmpty() ? m.name : m.roomAlias});
            }
            m_welcomes.joined(accountId, roomId, d.topics.value(roomId), d.roomTags.value(roomId),
                              joined);
        });
}

void OpsAutomation::tickNow()
{
    for (const AutoReplyDecision &d : m_replier.tick())
        handle(d);
    for (const WelcomeDecision &d : m_welcomes.due())
        handle(d);
}

void OpsAutomation::handle(const AutoReplyDecision &d)
{
    if (!d.held && m_send)
        m_send(d.accountId, d.conversationId, d.text, kAutoReplyOrigin);
    qCInfo(lcEngine).noquote() << (d.held ? "auto-reply held back in" : "auto-reply sent in")
                               << d.conversationId << "rule" << d.ruleId << d.heldReason;
    OpsLogEntry e;
    e.atMs = m_clock->nowMs();
    e.kind = OpsLogEntry::Kind::AutoReply;
    e.accountId = d.accountId;
    e.roomId = d.conversationId;
    e.contactId = d.customerId;
    e.ruleId = d.ruleId;
    e.triggerId = d.triggerId;
    e.outcome = d.held ? OpsLogEntry::Outcome::HeldBack : OpsLogEntry::Outcome::Done;
    e.detail = d.held ? d.heldReason : d.text;
    m_ops->write(
        [e](QSqlDatabase &db, QString *error) { return OpsRepository::appendLog(db, e, error); },
        nullptr, {});
    emit autoReplied(d);
}

void OpsAutomation::handle(const WelcomeDecision &d)
{
    if (!d.held && m_send)
        m_send(d.accountId, d.roomId, d.text, kWelcomeOrigin);
    qCInfo(lcEngine).noquote() << (d.held ? "welcome held back in" : "welcome sent in") << d.roomId
                               << "for" << d.contactIds.size() << "member(s)" << d.heldReason;
    OpsLogEntry e;
    e.atMs = m_clock->nowMs();
    e.kind = OpsLogEntry::Kind::Welcome;
    e.accountId = d.accountId;
    e.roomId = d.roomId;
    e.contactId = d.contactIds.join(QLatin1Char(' '));
    e.ruleId = d.ruleId;
    e.outcome = d.held ? OpsLogEntry::Outcome::HeldBack : OpsLogEntry::Outcome::Done;
    e.detail = d.held ? d.heldReason : d.text;
    m_ops->write(
        [e](QSqlDatabase &db, QString *error) { return OpsRepository::appendLog(db, e, error); },
        nullptr, {});
    emit welcomed(d);
}

void OpsAutomation::setAutoReplyRules(const QVector<AutoReplyRule> &rules)
{
    QVector<QPair<bool, QJsonObject>> rows;
    for (const AutoReplyRule &r : rules) {
        if (const QString p = r.problem(); !p.isEmpty()) {
            emit rulesRefused(r.name.isEmpty() ? p : tr("%1: %2").arg(r.name, p));
            return;
        }
        QJsonObject o = r.toJson();
        o.insert(QStringLiteral("_kind"), int(r.kind));
        rows.append({r.enabled, o});
    }
    // Until the saved rows come back with their ids, new rules count their
    // cooldowns and caps under ids of their own.
    m_autoRules = rules;
    for (int i = 0; i < m_autoRules.size(); ++i)
        if (m_autoRules[i].id == 0)
            m_autoRules[i].id = -(i + 1);
    m_replier.setRules(m_autoRules);
    saveRules(kKeywordKind, rows);
}

void OpsAutomation::setWelcomeRules(const QVector<WelcomeRule> &rules)
{
    QVector<QPair<bool, QJsonObject>> rows;
    for (const WelcomeRule &r : rules) {
        if (const QString p = r.problem(); !p.isEmpty()) {
            emit rulesRefused(p);
            return;
        }
        rows.append({r.enabled, r.toJson()});
    }
    m_welcomeRules = rules;
    for (int i = 0; i < m_welcomeRules.size(); ++i)
        if (m_welcomeRules[i].id == 0)
            m_welcomeRules[i].id = -(i + 1);
    m_welcomes.setRules(m_welcomeRules);
    saveRules(kWelcomeKind, rows);
}

void OpsAutomation::saveRules(int kind, const QVector<QPair<bool, QJsonObject>> &rules)
{
    const qint64 now = m_clock->nowMs();
    m_ops->write(
        [kind, rules, now](QSqlDatabase &db, QString *error) {
            QSqlQuery q(db);
            // Keyword and busy rules are saved together.
            const QString del = kind == kWelcomeKind
                ? QStringLiteral("DELETE FROM ops_rules WHERE kind = 1")
                : QStringLiteral("DELETE FROM ops_rules WHERE kind IN (2, 3)");
            if (!SqlQueries::exec(q, del, {}, error))
                return false;
            for (const auto &[enabled, params] : rules) {
                QJsonObject p = params;
                const int rowKind
                    = kind == kWelcomeKind ? kWelcomeKind : p.take(QStringLiteral("_kind")).toInt();
                if (!SqlQueries::exec(
                        q,
                        QStringLiteral("INSERT INTO ops_rules (kind, enabled, params,"
                                       " updated_ms) VALUES (?, ?, ?, ?)"),
                        {rowKind, enabled ? 1 : 0,
                         QString::fromUtf8(QJsonDocument(p).toJson(QJsonDocument::Compact)), now},
                        error))
                    return false;
            }
            return true;
        },
        this,
        [this](bool ok, const QString &error) {
            if (ok)
                reloadRules();
            else
                emit rulesRefused(tr("The rules could not be saved: %1").arg(error));
        });
}

} // namespace gd
