#pragma once
// Live updates on a shared PostgreSQL archive (issue 18): what other programs
// (engines, other consoles) commit reaches this program within moments. The
// server's triggers (schema 18) notify channel gd_changes at commit with the
// kind of row and its highest change number; the listener, on its own
// connection and thread, answers each notification with a catch-up query
// per kind ("rows after the last number I saw") and hands the rows to the
// kind's ChangeSource, which emits the same signals as the local writes
// (Store::messagesStored, Store::outboxChanged, ...). Rows this program's
// own writer changed are left out (its store announced them already).
//
// Nothing is lost: numbers are taken when a row is written, not when it
// commits, so a row with a lower number can become visible after a higher
// one. Each catch-up reads in one snapshot and remembers which transactions
// were still running then; the "last number seen" moves past a row only
// once every such transaction has ended, and rows above it that were
// delivered already are not delivered again. A lost connection is opened
// again (growing pauses) and followed by a catch-up; a catch-up also runs
// every few seconds without a notification, as a safety net.

#include "store/ChangeSource.h"
#include "util/ExponentialBackoff.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QSqlDriver>
#include <QString>
#include <QStringList>
#include <QVector>

#include <deque>

class QSqlDatabase;
class QTimer;

namespace gd {

class ChangeListener : public QObject
{
    Q_OBJECT
public:
    static constexpr int kSafetyCatchUpMs = 3000;
    static constexpr int kRowsPerQuery = 500;
    // How far below the highest number the first rounds look for rows whose
    // transactions were still running when following started.
    static constexpr qint64 kStartLookBack = 5000;

    // `location`: the postgresql:// address. `ownOrigin`: the change origin
    // of this program's writer (DatabaseAddress::changeOrigin), whose rows
    // are left out. Lives in the thread it is moved to (an event loop).
    ChangeListener(const QString &location, const QString &ownOrigin);
    ~ChangeListener() override;

    // In the listener's thread (queue them with QMetaObject::invokeMethod).
    void start();
    // Follows `source` from its current newest row on.
    void addSource(const ChangeSource &source);
    // Closes the connection; nothing is delivered afterwards.
    void shutDown();

    // Statistics for tests and the log (listener's thread).
    int reconnects() const { return m_reconnects; }

signals:
    // The listening connection is up (again) or down; for a status line.
    void connectedChanged(bool connected);

private:
    struct Checkpoint
    {
        qint64 highest = 0; // the highest number seen in that snapshot
        QSet<quint64> running; // transactions in progress then
    };
    struct Followed
    {
        ChangeSource source;
        bool started = false; // cursor taken from the table
        qint64 cursor = 0; // every row up to it was seen
        qint64 highest = 0; // the highest number seen so far
        QSet<qint64> seenAbove; // rows above the cursor seen already
        std::deque<Checkpoint> checkpoints;
        bool dirty = true;
    };
    struct Snapshot
    {
        QSet<quint64> running;
        bool valid = false;
    };

    void connectToServer();
    void connectionLost(const QString &why);
    void onNotification(const QString &name, QSqlDriver::NotificationSource source,
                        const QVariant &payload);
    void scheduleCatchUp();
    void catchUp();
    QString catchUpRound(); // null, or why the connection failed
    bool startFollowing(QSqlDatabase &db, Followed &followed, const Snapshot &snapshot);
    bool catchUpOne(QSqlDatabase &db, Followed &followed, const Snapshot &snapshot);
    static Snapshot parseSnapshot(const QString &text);

    QString m_location;
    QString m_ownOrigin;
    QString m_connectionName;
    QVector<Followed> m_followed;
    QTimer *m_safetyTimer = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    ExponentialBackoff m_backoff{500, 5000};
    bool m_connected = false;
    bool m_catchUpQueued = false;
    bool m_stopped = false;
    int m_reconnects = 0;
};

} // namespace gd
