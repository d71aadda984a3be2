#include "store/StorageFault.h"

#include <QDir>
#include <QSqlError>

namespace gd {

StorageFault StorageFaults::of(const QSqlError &error)
{
    if (error.type() == QSqlError::NoError)
        return StorageFault::None;
    // PostgreSQL's SQLSTATE: five characters (SQLite's codes have at most four digits).
    if (const QString state = error.nativeErrorCode(); state.size() == 5) {
        if (state == QLatin1String("53100"))
            return StorageFault::DiskFull;
        if (state == QLatin1String("25006"))
            return StorageFault::ReadOnly;
        if (state.startsWith(QLatin1String("XX00")))
            return StorageFault::Damaged;
        if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")))
            return StorageFault::ServerUnreachable; // reconnected and retried
        if (state.startsWith(QLatin1String("53")) || state.startsWith(QLatin1String("58")))
            return StorageFault::IoError; // the connection or the server: retried
        if (state == QLatin1String("40001") || state == QLatin1String("40P01")
            || state == QLatin1String("55P03"))
            return StorageFault::Busy;
        return StorageFault::None;
    }
    // libpq's own errors (the connection broke) carry no SQLSTATE, only its
    // fixed words.
    if (error.nativeErrorCode().isEmpty()) {
        const QString text = error.databaseText() + QLatin1Char(' ') + error.driverText();
        for (const char *words :
             {"server closed the connection", "no connection to the server", "connection to server",
              "could not connect to server", "terminating connection",
              "could not send data to server", "could not receive data from server"}) {
            if (text.contains(QLatin1String(words)))
                return StorageFault::ServerUnreachable;
        }
    }
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    if (!ok) {
        // Some driver paths keep only SQLite's message: its fixed words then.
        const QString text = error.databaseText();
        if (text.contains(QLatin1String("disk is full")))
            return StorageFault::DiskFull;
        if (text.contains(QLatin1String("readonly")) || text.contains(QLatin1String("read-only")))
            return StorageFault::ReadOnly;
        if (text.contains(QLatin1String("malformed"))
            || text.contains(QLatin1String("not a database")))
            return StorageFault::Damaged;
        if (text.contains(QLatin1String("I/O error")))
            return StorageFault::IoError;
        return StorageFault::None;
    }
    // Qt reports SQLite's extended codes; the primary code is the low byte.
    switch (code & 0xff) {
    case 13: // SQLITE_FULL
        return StorageFault::DiskFull;
    case 3: // SQLITE_PERM
    case 8: // SQLITE_READONLY
        return StorageFault::ReadOnly;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return StorageFault::Damaged;
    case 10: // SQLITE_IOERR
    case 7: // SQLITE_NOMEM
        return StorageFault::IoError;
    case 14: // SQLITE_CANTOPEN
        return StorageFault::CannotOpen;
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
    case 15: // SQLITE_PROTOCOL
        return StorageFault::Busy;
    default:
        return StorageFault::None;
    }
}

QString StorageFaults::cause(StorageFault fault)
{
    switch (fault) {
    case StorageFault::DiskFull:
        return tr("the disk is full");
    case StorageFault::ReadOnly:
        return tr("the file or its folder is read-only");
    case StorageFault::Damaged:
        return tr("the file is damaged");
    case StorageFault::IoError:
        return tr("the disk reported a read or write error");
    case StorageFault::CannotOpen:
        return tr("the file or its folder cannot be opened or created");
    case StorageFault::Busy:
        return tr("another program keeps the file locked");
    case StorageFault::ServerUnreachable:
        return tr("the connection to the database server was lost");
    case StorageFault::None:
        break;
    }
    return tr("an unexpected database error occurred");
}

QString StorageFaults::openFailure(const QString &path, StorageFault fault,
                                   const QString &technical)
{
    const QString file = QDir::toNativeSeparators(path);
    if (fault == StorageFault::None && !technical.isEmpty())
        return tr("GroupDesk cannot use the archive %1: %2").arg(file, technical);
    return tr("GroupDesk cannot use the archive %1: %2.").arg(file, cause(fault));
}

} // namespace gd
