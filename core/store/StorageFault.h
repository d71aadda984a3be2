#pragma once
// Why the archive cannot be read or written, from SQLite's result codes: the
// disk is full, the file or folder is read-only, the file is damaged, the disk
// reported an I/O error. Faults of this kind are about the storage, not about
// one statement: the writer keeps and retries the work instead of dropping it.

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

class QSqlError;

namespace gd {

enum class StorageFault {
    None,
    DiskFull,
    ReadOnly,
    Damaged,
    IoError,
    CannotOpen, // the file or its folder cannot be opened or created
    Busy, // another program holds the database locked
    // The database server cannot be reached (the connection dropped, the
    // server restarts): the writer reconnects with backoff and keeps the work.
    ServerUnreachable,
};

class StorageFaults
{
    Q_DECLARE_TR_FUNCTIONS(StorageFaults)
public:
    // The fault a failed statement points to; None for errors that belong to
    // the statement itself (a constraint, a syntax error).
    static StorageFault of(const QSqlError &error);
    // A clause for the user: "the disk is full", "the file is damaged", ...
    static QString cause(StorageFault fault);
    // "GroupDesk cannot use the archive <file>: <cause>." with the technical
    // detail appended for faults that have no clause of their own.
    static QString openFailure(const QString &path, StorageFault fault,
                               const QString &technical = {});
};

} // namespace gd
