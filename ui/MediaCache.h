#pragma once
// Thumbnails of received images, kept on disk (<data dir>/media) under a size
// cap with least-recently-used eviction, and in memory for painting. Lives in
// the GUI thread and never blocks it: bytes come from a fetcher (the gateway,
// asynchronously), writing, decoding and scaling run on the thread pool, and
// the finished QImage comes back as a queued signal.

#include <QHash>
#include <QImage>
#include <QObject>
#include <QSize>
#include <QThreadPool>

#include <functional>

namespace gd {

class MediaCache : public QObject
{
    Q_OBJECT
public:
    enum class State { Missing, Loading, Ready, Failed, Corrupt };
    Q_ENUM(State)

    // done(ok, bytes, error) may run later; it must run in this object's thread.
    using FetchDone = std::function<void(bool ok, const QByteArray &bytes, const QString &error)>;
    using Fetcher = std::function<void(const QString &key, FetchDone done)>;

    static constexpr qint64 kDefaultCapBytes = 200LL * 1024 * 1024;

    explicit MediaCache(const QString &directory, qint64 capBytes = kDefaultCapBytes,
                        QObject *parent = nullptr);
    ~MediaCache() override; // waits for its own jobs on the pool

    void setFetcher(Fetcher fetcher) { m_fetcher = std::move(fetcher); }
    void setCapBytes(qint64 capBytes);
    qint64 capBytes() const { return m_capBytes; }
    void setThumbnailSize(const QSize &size) { m_thumbSize = size; }

    // Starts loading (disk, else fetcher) unless loading or done; returns the state.
    State request(const QString &key);
    // Forgets a failure and loads again.
    void retry(const QString &key);
    State state(const QString &key) const;
    QImage thumbnail(const QString &key) const; // null unless Ready
    QString error(const QString &key) const;
    // The full file on disk, for the viewer and Save (empty if not cached).
    QString filePath(const QString &key) const;

    qint64 diskBytes() const { return m_diskBytes; }
    int diskFiles() const { return int(m_index.size()); }
    int jobsRunning() const { return m_jobs; }

signals:
    void stateChanged(const QString &key, gd::MediaCache::State state);

private:
    struct DiskEntry
    {
        qint64 size = 0;
        quint64 lastUsed = 0;
    };
    struct Item
    {
        State state = State::Missing;
        QImage thumbnail;
        QString error;
    };

    QString pathFor(const QString &key) const;
    void scanDirectory();
    void decodeFromDisk(const QString &key);
    void storeAndDecode(const QString &key, const QByteArray &bytes);
    void finish(const QString &key, const QImage &thumb, qint64 bytesOnDisk, bool wrote);
    void setState(const QString &key, State state, const QString &error = {});
    void touch(const QString &key);
    void evict();

    QString m_dir;
    qint64 m_capBytes;
    QSize m_thumbSize{240, 180};
    Fetcher m_fetcher;
    QHash<QString, Item> m_items;
    QHash<QString, DiskEntry> m_index; // file name -> entry
    qint64 m_diskBytes = 0;
    quint64 m_clock = 0;
    int m_jobs = 0;
    QThreadPool m_pool; // own pool: the destructor waits for its jobs only
};

} // namespace gd

Q_DECLARE_METATYPE(gd::MediaCache::State)
