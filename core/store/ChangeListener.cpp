#include "store/ChangeListener.h"

#include "store/DatabaseAddress.h"
#include "util/Log.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QVariant>

#include <atomic>

namespace gd {
namespace {

std::atomic<int> g_listenerCounter{0};

const QString kChannel = QStringLiteral("gd_changes");

// More than this many checkpoints waiting (a writer that keeps a transaction
// open for long): the two oldest are merged, which only delays the cursor.
constexpr int kMaxCheckpoints = 64;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

ChangeListener::ChangeListener(const QString &location, const QString &ownOrigin)
    : m_location(location)
    , m_ownOrigin(ownOrigin)
{}

ChangeListener::~ChangeListener()
{
    shutDown();
}

void ChangeListener::start()
{
    m_safetyTimer = new QTimer(this);
    m_safetyTimer->setInterval(kSafetyCatchUpMs);
    connect(m_safetyTimer, &QTimer::timeout, this, [this] {
        for (Followed &f : m_followed)
            f.dirty = true;
        if (m_connected)
            catchUp();
    });
    m_safetyTimer->start();
    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &ChangeListener::connectToServer);
    connectToServer();
}

void ChangeListener::addSource(const ChangeSource &source)
{
    Followed followed;
    followed.source = source;
    m_followed.append(followed);
    if (!m_connected)
        return; // started when the connection is up
    bool started = false;
    {
        // In one snapshot, as in a catch-up round.
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        QSqlQuery q(db);
        Snapshot snapshot;
        if (q.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))
            && q.exec(QStringLiteral("SELECT pg_current_snapshot()::text")) && q.next()) {
            snapshot = parseSnapshot(q.value(0).toString());
        }
        q.finish();
        started = snapshot.valid && startFollowing(db, m_followed.last(), snapshot);
        q.exec(started ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
    }
    if (!started)
        connectionLost(QStringLiteral("cannot read where %1 stand").arg(source.kind));
}

namespace {
// Closes the listening connection, disconnects its driver from the receiver
// and forgets its name.
void dropConnection(QString &connectionName, QObject *receiver)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isValid() && db.driver())
            db.driver()->disconnect(receiver);
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    connectionName.clear();
}
} // namespace

void ChangeListener::shutDown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    if (m_safetyTimer)
        m_safetyTimer->stop();
    if (m_reconnectTimer)
        m_reconnectTimer->stop();
    if (!m_connectionName.isEmpty())
        dropConnection(m_connectionName, this);
    m_connected = false;
}

void ChangeListener::connectToServer()
{
    if (m_stopped || m_connected)
        return;
    m_connectionName = QStringLiteral("gd-listener-%1").arg(++g_listenerCounter);
    QString failure;
    {
        QSqlDatabase db = DatabaseAddress::addConnection(m_location, m_connectionName);
        if (!db.open()) {
            failure = db.lastError().text();
        } else {
            QSqlDriver *driver = db.driver();
            connect(driver, &QSqlDriver::notification, this, &ChangeListener::onNotification);
            // The driver's socket notifier lives in this thread: this
            // thread's event loop delivers the notifications.
            if (!driver->subscribeToNotification(kChannel))
                failure = driver->lastError().text();
        }
    }
    if (!failure.isEmpty()) {
        dropConnection(m_connectionName, this);
        const int delay = m_backoff.nextDelayMs(nowMs());
        qCWarning(lcStore).noquote() << "live updates: cannot listen (" << failure.trimmed()
                                     << "), trying again in" << delay << "ms";
        m_reconnectTimer->start(delay);
        return;
    }
    m_connected = true;
    m_backoff.connectionEstablished(nowMs());
    qCInfo(lcStore) << "live updates: listening for changes by other programs";
    emit connectedChanged(true);
    // Whatever was committed while nobody listened.
    for (Followed &f : m_followed)
        f.dirty = true;
    catchUp();
}

void ChangeListener::connectionLost(const QString &why)
{
    if (!m_connected)
        return;
    qCWarning(lcStore).noquote() << "live updates: the connection failed (" << why.trimmed()
                                 << "); connecting again";
    dropConnection(m_connectionName, this);
    m_connected = false;
    ++m_reconnects;
    emit connectedChanged(false);
    m_backoff.connectionWorked();
    m_reconnectTimer->start(m_backoff.nextDelayMs(nowMs()));
}

void ChangeListener::onNotification(const QString &name, QSqlDriver::NotificationSource,
                                    const QVariant &payload)
{
    if (name != kChannel)
        return;
    // "<kind>:<highest number>": only the kind is used, the catch-up finds
    // the rows (a number may arrive before a lower one commits).
    const QString kind = payload.toString().section(QLatin1Char(':'), 0, 0);
    bool known = false;
    for (Followed &f : m_followed) {
        if (f.source.kind == kind) {
            f.dirty = true;
            known = true;
        }
    }
    if (known)
        scheduleCatchUp();
}

void ChangeListener::scheduleCatchUp()
{
    // Notifications come in bursts (one per writing statement): the ones
    // already received are answered by one catch-up.
    if (m_catchUpQueued)
        return;
    m_catchUpQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_catchUpQueued = false;
        catchUp();
    });
}

ChangeListener::Snapshot ChangeListener::parseSnapshot(const QString &text)
{
    // pg_snapshot's text: "xmin:xmax:xip,xip,..." (running transactions).
    Snapshot snapshot;
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 3)
        return snapshot;
    for (const QString &xid : parts[2].split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const quint64 value = xid.toULongLong(&ok);
        if (!ok)
            return snapshot;
        snapshot.running.insert(value);
    }
    snapshot.valid = true;
    return snapshot;
}

void ChangeListener::catchUp()
{
    if (!m_connected || m_stopped)
        return;
    bool any = false;
    for (const Followed &f : std::as_const(m_followed))
        any = any || f.dirty || !f.started;
    if (!any)
        return;
    // Out of catchUpRound(): the connection is closed only when no query
    // uses it any more.
    const QString failure = catchUpRound();
    if (!failure.isNull())
        connectionLost(failure);
}

QString ChangeListener::catchUpRound()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const auto reason = [&db](const QSqlQuery &q) {
        QString text = q.lastError().text().trimmed();
        if (!text.isEmpty())
            return text;
        return db.isOpen() ? QStringLiteral("unknown error")
                           : QStringLiteral("the driver closed the connection");
    };
    QSqlQuery q(db);
    // One snapshot for the rows and the list of running transactions.
    if (!q.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")))
        return reason(q);
    Snapshot snapshot;
    if (q.exec(QStringLiteral("SELECT pg_current_snapshot()::text")) && q.next())
        snapshot = parseSnapshot(q.value(0).toString());
    if (!snapshot.valid) {
        const QString why = reason(q);
        q.exec(QStringLiteral("ROLLBACK"));
        return QStringLiteral("snapshot: ") + why;
    }
    q.finish();
    bool ok = true;
    for (Followed &f : m_followed) {
        if (!f.started)
            ok = startFollowing(db, f, snapshot);
        else if (f.dirty)
            ok = catchUpOne(db, f, snapshot);
        if (!ok)
            break;
    }
    if (!ok || !q.exec(QStringLiteral("COMMIT"))) {
        QString why = reason(q);
        q.exec(QStringLiteral("ROLLBACK"));
        return why;
    }
    return QString();
}

bool ChangeListener::startFollowing(QSqlDatabase &db, Followed &followed, const Snapshot &snapshot)
{
    // What is there now is not news. But a transaction running now may
    // hold a number below the highest one and commit later: the cursor
    // starts kStartLookBack below the highest, the rows visible now are
    // marked seen, and the checkpoint moves the cursor up once the
    // transactions running now have ended (catchUpOne).
    const auto failed = [&followed](const QSqlQuery &q) {
        qCWarning(lcStore).noquote() << "live updates: cannot start following"
                                     << followed.source.kind << q.lastError().text();
        return false;
    };
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT coalesce(max(%1), 0) FROM %2")
                    .arg(followed.source.number, followed.source.table))
        || !q.next()) {
        return failed(q);
    }
    const qint64 highest = q.value(0).toLongLong();
    q.finish();
    const qint64 from = std::max<qint64>(0, highest - kStartLookBack);
    if (!q.exec(QStringLiteral("SELECT %1 FROM %2 WHERE %1 > %3")
                    .arg(followed.source.number, followed.source.table)
                    .arg(from))) {
        return failed(q);
    }
    while (q.next())
        followed.seenAbove.insert(q.value(0).toLongLong());
    followed.cursor = from;
    followed.highest = highest;
    followed.checkpoints.push_back({highest, snapshot.running});
    followed.started = true;
    followed.dirty = false;
    return true;
}

bool ChangeListener::catchUpOne(QSqlDatabase &db, Followed &f, const Snapshot &snapshot)
{
    const ChangeSource &source = f.source;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const QString sql
        = QStringLiteral("SELECT %1, %2, %3 FROM %4 WHERE %2 > ?%5 ORDER BY %2 LIMIT %6")
              .arg(source.columns, source.number, source.origin, source.table,
                   source.filter.isEmpty() ? QString() : QStringLiteral(" AND ") + source.filter)
              .arg(kRowsPerQuery);
    if (!q.prepare(sql)) {
        qCWarning(lcStore).noquote() << "live updates:" << source.kind << q.lastError().text();
        return false;
    }
    qint64 after = f.cursor;
    int taken = 0;
    while (true) {
        q.bindValue(0, after);
        if (!q.exec()) {
            qCWarning(lcStore).noquote() << "live updates:" << source.kind << q.lastError().text();
            return false;
        }
        int rows = 0;
        while (q.next()) {
            ++rows;
            const qint64 number = q.value(source.columnCount).toLongLong();
            after = number;
            f.highest = std::max(f.highest, number);
            if (f.seenAbove.contains(number))
                continue;
            f.seenAbove.insert(number);
            if (q.value(source.columnCount + 1).toString() == m_ownOrigin)
                continue; // this program's store announced it
            source.take(q);
            ++taken;
        }
        if (rows < kRowsPerQuery)
            break;
    }
    f.dirty = false;

    // The cursor moves to the highest number of the newest snapshot whose
    // running transactions have all ended since: below it, every row is
    // visible now and was seen.
    f.checkpoints.push_back({f.highest, snapshot.running});
    for (int i = int(f.checkpoints.size()) - 1; i >= 0; --i) {
        const Checkpoint &checkpoint = f.checkpoints[size_t(i)];
        bool ended = true;
        for (const quint64 xid : checkpoint.running) {
            if (snapshot.running.contains(xid)) {
                ended = false;
                break;
            }
        }
        if (!ended)
            continue;
        f.cursor = std::max(f.cursor, checkpoint.highest);
        f.checkpoints.erase(f.checkpoints.begin(), f.checkpoints.begin() + i + 1);
        break;
    }
    while (f.checkpoints.size() > size_t(kMaxCheckpoints)) {
        Checkpoint merged = f.checkpoints[1];
        merged.running.unite(f.checkpoints[0].running);
        f.checkpoints.pop_front();
        f.checkpoints.front() = merged;
    }
    for (auto it = f.seenAbove.begin(); it != f.seenAbove.end();) {
        if (*it <= f.cursor)
            it = f.seenAbove.erase(it);
        else
            ++it;
    }
    if (taken > 0)
        source.deliver();
    return true;
}

} // namespace gd
