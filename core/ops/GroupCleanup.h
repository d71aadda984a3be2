#pragma once
// Leaves the groups staff picked for cleanup, one at a time with a pause
// between them (a burst of quits looks like a bot to WeChat), and reports
// each group's outcome: left, or the reason the gateway refused (not a
// member, not logged in, network). A group left is recorded in left_rooms
// and the log; its archive (room row, members, messages) is never touched.
// Lives in the caller's thread; cancel() stops before the next group.

#include "gateway/GatewayEndpoint.h"

#include <QCoreApplication>
#include <QObject>
#include <QTimer>
#include <QVector>

#include <functional>

namespace gd {

class OpsStore;

struct CleanupTarget
{
    QString accountId;
    QString roomId;
    QString topic;
};

struct CleanupResult
{
    CleanupTarget target;
    bool ok = false;
    QString error; // why it failed, in words a user understands
    qint64 atMs = 0;
};

class GroupCleanup : public QObject
{
    Q_OBJECT
public:
    // The call that makes the bot leave (Engine::quitRoom in the app).
    using QuitFunction = std::function<void(const QString &accountId, const QString &roomId,
                                            std::function<void(const GatewayStatus &)> done)>;
    static constexpr int kDefaultPaceMs = 3000;

    // store may be null (no record kept: tests of the pacing alone).
    GroupCleanup(QuitFunction quit, OpsStore *store, QObject *parent = nullptr);

    void setPaceMs(int ms) { m_paceMs = ms; }
    int paceMs() const { return m_paceMs; }
    // Starts leaving `targets` in order; refused while a run is going.
    bool start(const QVector<CleanupTarget> &targets);
    void cancel(); // the group in flight finishes; no further one starts
    bool isRunning() const { return m_running; }
    QVector<CleanupResult> results() const { return m_results; }

    // The words for a refused RoomQuit.
    static QString reasonFor(const GatewayStatus &status);

signals:
    void groupFinished(const gd::CleanupResult &result, int done, int total);
    void finished(const QVector<gd::CleanupResult> &results, bool cancelled);

private:
    void next();

    QuitFunction m_quit;
    OpsStore *m_store;
    int m_paceMs = kDefaultPaceMs;
    QVector<CleanupTarget> m_targets;
    QVector<CleanupResult> m_results;
    int m_index = 0;
    bool m_running = false;
    bool m_cancelled = false;
    QTimer m_pace;
};

} // namespace gd

Q_DECLARE_METATYPE(gd::CleanupResult)
