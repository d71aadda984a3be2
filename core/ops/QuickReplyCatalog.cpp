#include "ops/QuickReplyCatalog.h"

#include "ops/OpsRepository.h"
#include "ops/OpsStore.h"

#include <QDateTime>

#include <memory>

namespace gd {

QuickReplyCatalog::QuickReplyCatalog(OpsStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

void QuickReplyCatalog::load()
{
    m_store->read<QVector<QuickReply>>(
        this, [](QSqlDatabase &db) { return OpsRepository::loadQuickReplies(db); },
        [this](const QVector<QuickReply> &replies) {
            m_library.setReplies(replies);
            m_loaded = true;
            emit loaded();
            emit changed();
        });
}

bool QuickReplyCatalog::save(QuickReply reply)
{
    const QString problem = QuickReplyLibrary::problemOf(reply);
    if (!problem.isEmpty()) {
        emit saveFailed(problem);
        return false;
    }
    reply.updatedMs = QDateTime::currentMSecsSinceEpoch();
    auto row = std::make_shared<QuickReply>(reply);
    m_store->write(
        [row](QSqlDatabase &db, QString *error) {
            QuickReply copy = *row; // a repeated run after a fault inserts once
            if (!OpsRepository::saveQuickReply(db, copy, error))
                return false;
            row->id = copy.id;
            return true;
        },
        this,
        [this, row](bool ok, const QString &error) {
            if (!ok) {
                emit saveFailed(tr("The reply could not be saved: %1").arg(error));
                return;
            }
            QVector<QuickReply> replies = m_library.replies();
            bool replaced = false;
            for (QuickReply &r : replies) {
                if (r.id == row->id) {
                    r = *row;
                    replaced = true;
                }
            }
            if (!replaced)
                replies.append(*row);
            m_library.setReplies(replies);
            emit saved(*row);
            emit changed();
        });
    return true;
}

void QuickReplyCatalog::remove(qint64 id)
{
    m_store->write([id](QSqlDatabase &db,
                        QString *error) { return OpsRepository::deleteQuickReply(db, id, error); },
                   this,
                   [this, id](bool ok, const QString &) {
                       if (!ok)
                           return;
                       QVector<QuickReply> replies = m_library.replies();
                       replies.removeIf([id](const QuickReply &r) { return r.id == id; });
                       m_library.setReplies(replies);
                       emit changed();
                   });
}

} // namespace gd
