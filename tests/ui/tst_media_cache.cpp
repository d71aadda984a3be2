// MediaCache: thumbnails come back decoded off the GUI thread, the disk stays
// under its cap with least-recently-used eviction, a failed download shows
// Failed and loads on retry, and a corrupt image is Corrupt, not a crash.

#include "MediaCache.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gd;

namespace {

constexpr int kTimeout = 20000;

// A noisy PNG: does not compress, so its size is predictable (~w*h*3).
QByteArray noisyPng(int w, int h, quint32 seed)
{
    QImage image(w, h, QImage::Format_RGB32);
    QRandomGenerator rng(seed);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            image.setPixel(x, y, rng.generate() | 0xff000000u);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class MediaCacheTest : public QObject
{
    Q_OBJECT

private slots:
    void thumbnailIsScaledAndServedFromDiskNextTime()
    {
        QTemporaryDir dir;
        const QByteArray png = noisyPng(800, 600, 1);
        int fetches = 0;
        {
            MediaCache cache(dir.path());
            cache.setThumbnailSize(QSize(200, 200));
            cache.setFetcher([&](const QString &, MediaCache::FetchDone done) {
                ++fetches;
                done(true, png, {});
            });
            QCOMPARE(cache.request(QStringLiteral("a/1")), MediaCache::State::Loading);
            QTRY_COMPARE_WITH_TIMEOUT(cache.state(QStringLiteral("a/1")), MediaCache::State::Ready,
                                      kTimeout);
            const QImage thumb = cache.thumbnail(QStringLiteral("a/1"));
            QCOMPARE(thumb.size(), QSize(200, 150));
            QVERIFY(!cache.filePath(QStringLiteral("a/1")).isEmpty());
        }
        MediaCache again(dir.path());
        again.setFetcher([&](const QString &, MediaCache::FetchDone done) {
            ++fetches;
            done(false, {}, QStringLiteral("should not be asked"));
        });
        again.request(QStringLiteral("a/1"));
        QTRY_COMPARE_WITH_TIMEOUT(again.state(QStringLiteral("a/1")), MediaCache::State::Ready,
                                  kTimeout);
        QCOMPARE(fetches, 1);
    }

    void lruEvictionKeepsDiskUnderCap()
    {
        QTemporaryDir dir;
        const QByteArray one = noisyPng(100, 100, 2); // ~30 KB
        const qint64 cap = one.size() * 5 + one.size() / 2;
        MediaCache cache(dir.path(), cap);
        cache.setFetcher([&](const QString &key, MediaCache::FetchDone done) {
            done(true, noisyPng(100, 100, quint32(qHash(key))), {});
        });
        auto loadOne = [&](const QString &key) {
            cache.request(key);
            return QTest::qWaitFor([&] { return cache.state(key) == MediaCache::State::Ready; },
                                   kTimeout);
        };
        for (int i = 0; i < 5; ++i)
            QVERIFY(loadOne(QStringLiteral("k%1").arg(i)));
        QCOMPARE(cache.diskFiles(), 5);
        // Use k0 again (from disk): it becomes the most recent.
        cache.retry(QStringLiteral("k0")); // no-op: it is Ready
        QVERIFY(!cache.filePath(QStringLiteral("k0")).isEmpty());
        {
            MediaCache::State s = cache.state(QStringLiteral("k0"));
            QCOMPARE(s, MediaCache::State::Ready);
        }
        // Many more arrive: the disk never goes over the cap.
        for (int i = 5; i < 40; ++i) {
            QVERIFY(loadOne(QStringLiteral("k%1").arg(i)));
            QVERIFY2(cache.diskBytes() <= cap, qPrintable(QString::number(cache.diskBytes())));
        }
        qint64 onDisk = 0;
        for (const QFileInfo &fi : QDir(dir.path()).entryInfoList(QDir::Files))
            onDisk += fi.size();
        QVERIFY(onDisk <= cap);
        QCOMPARE(onDisk, cache.diskBytes());
        // The newest stay, the oldest went.
        QVERIFY(!cache.filePath(QStringLiteral("k39")).isEmpty());
        QVERIFY(cache.filePath(QStringLiteral("k1")).isEmpty());
    }

    void recentlyUsedEntrySurvivesEviction()
    {
        QTemporaryDir dir;
        const QByteArray one = noisyPng(100, 100, 3);
        const qint64 cap = one.size() * 3 + one.size() / 2;
        {
            MediaCache cache(dir.path(), 1LL << 30);
            cache.setFetcher([&](const QString &key, MediaCache::FetchDone done) {
                done(true, noisyPng(100, 100, quint32(qHash(key))), {});
            });
            for (const char *k : {"old", "b", "c"}) {
                cache.request(QString::fromLatin1(k));
                QTRY_COMPARE_WITH_TIMEOUT(cache.state(QString::fromLatin1(k)),
                                          MediaCache::State::Ready, kTimeout);
            }
        }
        MediaCache cache(dir.path(), cap);
        cache.setFetcher([&](const QString &key, MediaCache::FetchDone done) {
            done(true, noisyPng(100, 100, quint32(qHash(key))), {});
        });
        cache.request(QStringLiteral("old")); // read from disk: now the most recent
        QTRY_COMPARE_WITH_TIMEOUT(cache.state(QStringLiteral("old")), MediaCache::State::Ready,
                                  kTimeout);
        cache.request(QStringLiteral("d"));
        QTRY_COMPARE_WITH_TIMEOUT(cache.state(QStringLiteral("d")), MediaCache::State::Ready,
                                  kTimeout);
        QVERIFY(!cache.filePath(QStringLiteral("old")).isEmpty());
        QVERIFY(cache.diskBytes() <= cap);
    }

    void failedDownloadShowsFailedThenRetryLoads()
    {
        QTemporaryDir dir;
        MediaCache cache(dir.path());
        bool fail = true;
        cache.setFetcher([&](const QString &, MediaCache::FetchDone done) {
            if (fail)
                done(false, {}, QStringLiteral("UNAVAILABLE"));
            else
                done(true, noisyPng(50, 40, 9), {});
        });
        QSignalSpy spy(&cache, &MediaCache::stateChanged);
        cache.request(QStringLiteral("x"));
        QTRY_COMPARE_WITH_TIMEOUT(cache.state(QStringLiteral("x")), MediaCache::State::Failed,
                                  kTimeout);
        QVERIFY(cache.thumbnail(QStringLiteral("x")).isNull());
        // Asking again does not hammer the gateway; Retry does.
        QCOMPARE(cache.request(QStringLiteral("x")), MediaCache::State::Failed);
        fail = false;
        cache.retry(QStringLiteral("x"));
        QTRY_COMPARE_WITH_TIMEOUT(cache.state(QStringLiteral("x")), MediaCache::State::Ready,
                                  kTimeout);
        QVERIFY(spy.count() >= 2);
    }

    void corruptImageIsMarkedCorrupt()
    {
        QTemporaryDir dir;
        MediaCache cache(dir.path());
        const QByteArray good = noisyPng(120, 90, 4);
        cache.setFetcher([&](const QString &key, MediaCache::FetchDone done) {
            if (key == QLatin1String("cut"))
                done(true, good.left(good.size() / 3), {});
            else
                done(true, QByteArray("not an image at all"), {});
        });
        cache.request(QStringLiteral("cut"));
        cache.request(QStringLiteral("junk"));
        QTRY_COMPARE_WITH_TIMEOUT(cache.state(QStringLiteral("cut")), MediaCache::State::Corrupt,
                                  kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(cache.state(QStringLiteral("junk")), MediaCache::State::Corrupt,
                                  kTimeout);
        QVERIFY(cache.thumbnail(QStringLiteral("cut")).isNull());
    }
};

QTEST_GUILESS_MAIN(MediaCacheTest)
#include "tst_media_cache.moc"
