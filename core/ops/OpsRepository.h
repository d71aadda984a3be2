#pragma once
// The SQL of core/ops' tables (quick_replies, notes, ops_rules, ops_log,
// left_rooms) and of the activity counts group health is rated from, one row
// mapper each. Writes take the store writer's batch connection (OpsStore::
// write); reads any connection of the caller's thread. Stateless.

#include "ops/GroupHealth.h"
#include "ops/GroupNote.h"
#include "ops/OpsLogEntry.h"
#include "ops/QuickReply.h"

#include <QVector>

class QSqlDatabase;

namespace gd {

class OpsRepository
{
public:
    // --- quick replies ---
    static QVector<QuickReply> loadQuickReplies(QSqlDatabase &db);
    // Inserts (id 0: reply.id is set) or updates.
    static bool saveQuickReply(QSqlDatabase &db, QuickReply &reply, QString *error);
    static bool deleteQuickReply(QSqlDatabase &db, qint64 id, QString *error);

    // --- notes ---
    // The note on a group or customer; an empty body when there is none.
    static GroupNote note(QSqlDatabase &db, const QString &accountId, GroupNote::Target target,
                          const QString &targetId);
    // An empty body deletes the note.
    static bool saveNote(QSqlDatabase &db, const GroupNote &note, QString *error);
    // Notes of an account containing `text` (case-insensitive), newest first.
    static QVector<GroupNote> searchNotes(QSqlDatabase &db, const QString &accountId,
                                          const QString &text, int limit = 200);

    // --- group health ---
    // Activity of every group of an account in the 30 days up to nowMs:
    // customer messages, distinct customers, staff replies (the bot's own
    // messages and those of contacts tagged `staffTag`), for 7 and 30 days.
    // Group events and marked duplicates do not count.
    static QVector<GroupActivityCounts> groupActivity(QSqlDatabase &db, const QString &accountId,
                                                      qint64 nowMs, const QString &staffTag);

    // --- groups the bot left ---
    static bool markLeft(QSqlDatabase &db, const QString &accountId, const QString &roomId,
                         qint64 atMs, QString *error);
    static QStringList leftRooms(QSqlDatabase &db, const QString &accountId);

    // --- the log ---
    static bool appendLog(QSqlDatabase &db, const OpsLogEntry &entry, QString *error);
    // Newest first; kind 0: every kind.
    static QVector<OpsLogEntry> log(QSqlDatabase &db, const QString &accountId, int kind,
                                    int limit = 500);
};

} // namespace gd
