#include "store/StoreWriteState.h"

#include <climits>

namespace gd {

QString StoreWriteState::userText() const
{
    if (writing())
        return {};
    // One sentence per cause, so translators see each whole.
    const int n = int(qMin<qint64>(waitingMessages, INT_MAX));
    switch (fault) {
    case StorageFault::DiskFull:
        return tr("The archive cannot write: the disk is full. %Ln message(s) are waiting.", "", n);
    case StorageFault::ReadOnly:
        return tr("The archive cannot write: the file or its folder became read-only. "
                  "%Ln message(s) are waiting.",
                  "", n);
    case StorageFault::Damaged:
        return tr("The archive cannot write: the file is damaged. %Ln message(s) are waiting.", "",
                  n);
    case StorageFault::IoError:
        return tr("The archive cannot write: the disk reported an error. "
                  "%Ln message(s) are waiting.",
                  "", n);
    case StorageFault::Busy:
        return tr("The archive cannot write: another program keeps it locked. "
                  "%Ln message(s) are waiting.",
                  "", n);
    case StorageFault::ServerUnreachable:
        return tr("The archive cannot write: the connection to the database server was lost; "
                  "reconnecting. %Ln message(s) are waiting.",
                  "", n);
    case StorageFault::CannotOpen:
    case StorageFault::None:
        break;
    }
    return tr("The archive cannot write. %Ln message(s) are waiting.", "", n);
}

} // namespace gd
