#pragma once
// Writes part of the archive to a file staff can open elsewhere: a room, a
// date range of an account, or the hits of a search, as CSV (UTF-8, optional
// BOM so Excel shows Chinese, RFC 4180 quoting) or as a JSON array. Runs on
// its own thread with its own reader connection, streaming keyset pages, so a
// million-row export never sits in memory; reports progress and can be
// cancelled (the target file is then left as it was).

#include "store/SearchTypes.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>

class QThread;

namespace gd {

class Store;
class StoreReader;

struct ExportRequest
{
    enum class Source { Conversation, DateRange, Search };
    enum class Format { Csv, Json };

    Source source = Source::Conversation;
    Format format = Format::Csv;
    QString path;
    bool utf8Bom = false; // CSV only
    // Prefix cells starting with = + - @ with ' so a spreadsheet does not run
    // a customer's text as a formula (CSV only).
    bool neutralizeFormulas = true;
    QString accountId;
    QString conversationId; // Conversation
    qint64 fromMs = 0; // Conversation / DateRange; 0: open
    qint64 toMs = 0; // inclusive; 0: open
    SearchQuery search; // Search (limit is the page size; beforeRowId the start)
};

class Exporter : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 1000;

    explicit Exporter(Store *store, QObject *parent = nullptr);
    ~Exporter() override; // cancels and waits

    // Starts an export on a worker thread; false if one is already running.
    bool start(const ExportRequest &request);
    void cancel();
    bool isRunning() const;

    // The export itself, on the calling thread (the worker runs this).
    // `progress(done, total)`: total is -1 when unknown (search). Returns
    // false on error or cancel (*error says which; the file is not written).
    static bool run(StoreReader &reader, const ExportRequest &request,
                    const std::atomic_bool &cancelled,
                    const std::function<void(qint64, qint64)> &progress, qint64 *rows,
                    QString *error);

    // One CSV cell, quoted when it holds a comma, quote, CR or LF.
    static QString csvField(const QString &value, bool neutralizeFormulas = false);

signals:
    void progress(qint64 done, qint64 total);
    // ok false: failed or cancelled; error is readable (translated).
    void finished(bool ok, qint64 rows, const QString &error);

private:
    Store *m_store;
    QThread *m_thread = nullptr;
    std::atomic_bool m_cancelled{false};
};

} // namespace gd
