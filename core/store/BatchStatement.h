#pragma once
// A statement a write job runs many times in one batch, whatever the
// archive: on SQLite straight on its handle (SqliteStatement, no Qt binding
// layer), on a server through Qt SQL. Its placeholders are named :p0, :p1,
// ... in the order they first appear (SQLite numbers them that way), and
// bound by that number.

#include "store/StoreWriter.h"

#include <QString>
#include <QVariant>

namespace gd {

class BatchStatement
{
public:
    BatchStatement(StoreWriter::Batch &batch, const QString &sql);

    // Text is bound without a copy on SQLite: keep it alive until exec().
    // A null QString binds as '' (text columns are NOT NULL).
    void bind(int index, const QString &text);
    void bind(int index, qint64 value);
    void bind(int index, const QVariant &value);
    // Runs it. A failure is reported through the batch (Batch::fail, with
    // `what`): false, and the job stops when the batch's storage failed.
    bool exec(const QString &what);
    // Rows the last exec() changed.
    qint64 changes() const;

private:
    StoreWriter::Batch &m_batch;
    SqliteStatement *m_native = nullptr;
    QSqlQuery *m_query = nullptr;
};

} // namespace gd
