#pragma once
// The archive's changes as one typed feed, delivered on one thread: the
// thread this object lives in (the GUI thread for the app's feed). Store
// emits its signals on the writer thread right after each commit; the feed
// turns each into a StoreChange and re-emits it here, in commit order, so a
// receiver never needs to know about the writer thread and may read the
// change at once (it is committed).

#include "store/StoreChange.h"

#include <QObject>

namespace gd {

class Store;

class ChangeFeed : public QObject
{
    Q_OBJECT
public:
    // Lives in the calling thread (it must run an event loop).
    explicit ChangeFeed(Store *store, QObject *parent = nullptr);

signals:
    void changed(const gd::StoreChange &change);

private:
    void deliver(const StoreChange &change);
};

} // namespace gd
