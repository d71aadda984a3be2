#include "ops/GroupCleanup.h"

#include "ops/OpsRepository.h"
#include "ops/OpsStore.h"
#include "util/Log.h"

#include <QDateTime>
#include <QPointer>
#include <QSqlQuery>
#include <QVariant>

namespace gd {

GroupCleanup::GroupCleanup(QuitFunction quit, OpsStore *store, QObject *parent)
    : QObject(parent)
    , m_quit(std::move(quit))
    , m_store(store)
{
    m_pace.setSingleShot(true);
    // The pause is a promise to the gateway (never faster than the pace); a
    // coarse timer may fire up to 5% early.
    m_pace.setTimerType(Qt::PreciseTimer);
    connect(&m_pace, &QTimer::timeout, this, &GroupCleanup::next);
}

bool GroupCleanup::start(const QVector<CleanupTarget> &targets)
{
    if (m_running)
        return false;
    m_targets = targets;
    m_results.clear();
    m_index = 0;
    m_cancelled = false;
    m_running = true;
    next();
    return true;
}

void GroupCleanup::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_pace.isActive()) {
        m_pace.stop();
        m_running = false;
        emit finished(m_results, true);
    }
}

QString GroupCleanup::reasonFor(const GatewayStatus &status)
{
    switch (GatewayCode(status.code)) {
    case GatewayCode::Ok:
        return {};
    case GatewayCode::NotFound:
    case GatewayCode::FailedPrecondition: // the simulator's "not a member"
        return tr("The gateway refused: the bot is not a member of this group (or is not "
                  "logged in).");
    default:
        return status.userMessage();
    }
}

void GroupCleanup::next()
{
    if (m_cancelled || m_index >= m_targets.size()) {
        m_running = false;
        emit finished(m_results, m_cancelled);
        return;
    }
    const CleanupTarget target = m_targets.at(m_index);
    QPointer<GroupCleanup> self(this);
    m_quit(target.accountId, target.roomId, [self, target](const GatewayStatus &status) {
        if (!self)
            return;
        CleanupResult result;
        result.target = target;
        result.ok = status.ok();
        result.error = reasonFor(status);
        result.atMs = QDateTime::currentMSecsSinceEpoch();
        if (!status.ok())
            qCWarning(lcEngine) << "leaving group" << target.roomId << "failed:" << status.code
                                << status.message;
        if (self->m_store) {
            // The log keeps every outcome; left_rooms only the groups left.
            self->m_store->write(
                [result](QSqlDatabase &db, QString *error) {
                    if (result.ok
                        && !OpsRepository::markLeft(db, result.target.accountId,
                                                    result.target.roomId, result.atMs, error))
                        return false;
                    OpsLogEntry entry;
                    entry.atMs = result.atMs;
                    entry.kind = OpsLogEntry::Kind::LeftGroup;
                    entry.accountId = result.target.accountId;
                    entry.roomId = result.target.roomId;
                    entry.outcome
                        = result.ok ? OpsLogEntry::Outcome::Done : OpsLogEntry::Outcome::Failed;
                    entry.detail = result.error;
                    return OpsRepository::appendLog(db, entry, error);
                },
                nullptr, {});
        }
        self->m_results.append(result);
        ++self->m_index;
        emit self->groupFinished(result, int(self->m_results.size()), int(self->m_targets.size()));
        if (self->m_index >= self->m_targets.size() || self->m_cancelled)
            self->next();
        else
            self->m_pace.start(self->m_paceMs);
    });
}

} // namespace gd
