#pragma once
// The quick-reply library as the GUI uses it: loaded from the database once,
// kept in memory for the "/" completion, saved and deleted through the
// store's writer. Lives in the GUI thread; signals say when it changed or a
// save was refused (with the reason, in words the agent understands).

#include "ops/QuickReplyLibrary.h"

#include <QObject>

namespace gd {

class OpsStore;

class QuickReplyCatalog : public QObject
{
    Q_OBJECT
public:
    explicit QuickReplyCatalog(OpsStore *store, QObject *parent = nullptr);

    void load(); // asynchronous: loaded() when done
    bool isLoaded() const { return m_loaded; }
    const QuickReplyLibrary &library() const { return m_library; }

    // Checks (QuickReplyLibrary::problemOf), then saves: saved(reply) with
    // its id, or saveFailed(reason). Returns false when refused at once.
    bool save(QuickReply reply);
    void remove(qint64 id);

signals:
    void loaded();
    void changed(); // after a load, save or delete
    void saved(const gd::QuickReply &reply);
    void saveFailed(const QString &reason);

private:
    OpsStore *m_store;
    QuickReplyLibrary m_library;
    bool m_loaded = false;
};

} // namespace gd
