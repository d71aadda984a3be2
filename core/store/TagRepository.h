#pragma once
// The SQL of the tags aggregate: staff tags (tags) and what carries them
// (room_tags, contact_tags). Writes run in the writer's batch (Store submits
// them and emits tagsChanged); reads take any connection of the calling
// thread. Names arrive trimmed and non-empty. Stateless.

#include "store/StoreWriter.h"
#include "store/TagTarget.h"

#include <QStringList>

class QSqlDatabase;

namespace gd {

class TagRepository
{
public:
    // --- writes (false: failed, already reported through the batch) ---
    // Creates the tag on first use and attaches it (once).
    static bool add(StoreWriter::Batch &b, TagTarget target, const QString &accountId,
                    const QString &targetId, const QString &name);
    static bool remove(StoreWriter::Batch &b, TagTarget target, const QString &accountId,
                       const QString &targetId, const QString &name);
    // Detaches the tag from everything, then deletes it.
    static bool erase(StoreWriter::Batch &b, const QString &name);

    // --- reads (sorted by name / id) ---
    static QStringList all(const QSqlDatabase &db);
    static QStringList of(const QSqlDatabase &db, TagTarget target, const QString &accountId,
                          const QString &targetId);
    static QStringList carriers(const QSqlDatabase &db, TagTarget target, const QString &accountId,
                                const QString &name);
};

} // namespace gd
