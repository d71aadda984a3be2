#include "store/TagRepository.h"

#include "store/SqlQueries.h"

#include <QSqlQuery>
#include <QVariant>

namespace gd {
namespace {

constexpr auto str = &SqlQueries::text;

} // namespace

bool TagRepository::add(StoreWriter::Batch &b, TagTarget target, const QString &accountId,
                        const QString &targetId, const QString &name)
{
    QSqlQuery &create = b.prepared(
        QStringLiteral("INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING"));
    create.bindValue(0, name);
    if (!create.exec()) {
        b.fail(QStringLiteral("create tag"), create);
        return false;
    }
    QSqlQuery &link = b.prepared(
        target == TagTarget::Room
            ? QStringLiteral("INSERT INTO room_tags (account_id, room_id, tag_id)"
                             " SELECT ?, ?, id FROM tags WHERE name = ? ON CONFLICT DO NOTHING")
            : QStringLiteral("INSERT INTO contact_tags (account_id, contact_id, tag_id)"
                             " SELECT ?, ?, id FROM tags WHERE name = ? ON CONFLICT DO NOTHING"));
    link.bindValue(0, str(accountId));
    link.bindValue(1, targetId);
    link.bindValue(2, name);
    if (!link.exec()) {
        b.fail(QStringLiteral("add tag"), link);
        return false;
    }
    return true;
}

bool TagRepository::remove(StoreWriter::Batch &b, TagTarget target, const QString &accountId,
                           const QString &targetId, const QString &name)
{
    QSqlQuery &q = b.prepared(
        target == TagTarget::Room
            ? QStringLiteral("DELETE FROM room_tags WHERE account_id = ? AND room_id = ?"
                             " AND tag_id = (SELECT id FROM tags WHERE name = ?)")
            : QStringLiteral("DELETE FROM contact_tags WHERE account_id = ? AND contact_id = ?"
                             " AND tag_id = (SELECT id FROM tags WHERE name = ?)"));
    q.bindValue(0, str(accountId));
    q.bindValue(1, str(targetId));
    q.bindValue(2, name);
    if (!q.exec()) {
        b.fail(QStringLiteral("remove tag"), q);
        return false;
    }
    return true;
}

bool TagRepository::erase(StoreWriter::Batch &b, const QString &name)
{
    for (const QString &sql :
         {QStringLiteral(
              "DELETE FROM room_tags WHERE tag_id = (SELECT id FROM tags WHERE name = ?)"),
          QStringLiteral(
              "DELETE FROM contact_tags WHERE tag_id = (SELECT id FROM tags WHERE name = ?)"),
          QStringLiteral("DELETE FROM tags WHERE name = ?")}) {
        QSqlQuery &q = b.prepared(sql);
        q.bindValue(0, name);
        if (!q.exec()) {
            b.fail(QStringLiteral("delete tag"), q);
            return false;
        }
    }
    return true;
}

QStringList TagRepository::all(const QSqlDatabase &db)
{
    return SqlQueries::strings(db, QStringLiteral("SELECT name FROM tags ORDER BY name"), {});
}

QStringList TagRepository::of(const QSqlDatabase &db, TagTarget target, const QString &accountId,
                              const QString &targetId)
{
    const QString sql = target == TagTarget::Room
        ? QStringLiteral("SELECT t.name FROM room_tags l JOIN tags t ON t.id = l.tag_id"
                         " WHERE l.account_id = ? AND l.room_id = ? ORDER BY t.name")
        : QStringLiteral("SELECT t.name FROM contact_tags l JOIN tags t ON t.id = l.tag_id"
                         " WHERE l.account_id = ? AND l.contact_id = ? ORDER BY t.name");
    return SqlQueries::strings(db, sql, {accountId, targetId});
}

QStringList TagRepository::carriers(const QSqlDatabase &db, TagTarget target,
                                    const QString &accountId, const QString &name)
{
    const QString sql = target == TagTarget::Room
        ? QStringLiteral("SELECT l.room_id FROM room_tags l JOIN tags t ON t.id = l.tag_id"
                         " WHERE t.name = ? AND l.account_id = ? ORDER BY l.room_id")
        : QStringLiteral("SELECT l.contact_id FROM contact_tags l JOIN tags t ON t.id = l.tag_id"
                         " WHERE t.name = ? AND l.account_id = ? ORDER BY l.contact_id");
    return SqlQueries::strings(db, sql, {name.trimmed(), accountId});
}

} // namespace gd
