#pragma once
// Whether the archive is writing, and if not, why and how much waits: what the
// status bar, the storage banner and the notification show. Published by the
// store whenever it changes (Store::writeStateChanged).

#include "store/StorageFault.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace gd {

struct StoreWriteState
{
    Q_DECLARE_TR_FUNCTIONS(StoreWriteState)
public:
    StorageFault fault = StorageFault::None; // None: commits succeed
    qint64 waitingMessages = 0; // message rows kept in memory, not committed yet
    qint64 waitingRows = 0; // every kind of row kept in memory
    bool congested = false; // past the limit: sessions keep only message ids
    qint64 sinceMs = 0; // when the fault began
    QString detail; // SQLite's text, for the log

    bool writing() const { return fault == StorageFault::None; }
    // "The archive cannot write: the disk is full. 1,234 messages are waiting."
    // Empty while writing.
    QString userText() const;
};

} // namespace gd

Q_DECLARE_METATYPE(gd::StoreWriteState)
