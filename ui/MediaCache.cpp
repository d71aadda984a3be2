#include "MediaCache.h"

#include "util/Log.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QPointer>
#include <QSaveFile>
#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace gd {
namespace {

// Decodes at most what a thumbnail needs: QImageReader scales while reading
// where the format allows, so a 20 MB photo never becomes a 100 MB bitmap.
QImage decodeThumbnail(const QString &path, const QSize &box)
{
    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    if (full.isValid() && (full.width() > box.width() || full.height() > box.height()))
        reader.setScaledSize(full.scaled(box, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        return {};
    if (image.width() > box.width() || image.height() > box.height())
        image = image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

} // namespace

MediaCache::MediaCache(const QString &directory, qint64 capBytes, QObject *parent)
    : QObject(parent)
    , m_dir(directory)
    , m_capBytes(capBytes)
{
    m_pool.setMaxThreadCount(2);
    qRegisterMetaType<gd::MediaCache::State>();
    QDir().mkpath(m_dir);
    scanDirectory();
    evict();
}

MediaCache::~MediaCache()
{
    // Jobs reach back only through a QPointer; waiting keeps files whole.
    m_pool.waitForDone();
}

QString MediaCache::pathFor(const QString &key) const
{
    // Keys come from the gateway: hash them into safe file names.
    const QByteArray h = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex();
    return m_dir + QLatin1Char('/') + QString::fromLatin1(h);
}

void MediaCache::scanDirectory()
{
    QDir dir(m_dir);
    QFileInfoList files
        = dir.entryInfoList(QDir::Files, QDir::Time | QDir::Reversed); // oldest first
    for (const QFileInfo &fi : files) {
        if (fi.fileName().endsWith(QLatin1String(".tmp"))) {
            QFile::remove(fi.filePath()); // a write cut short by a crash
            continue;
        }
        m_index.insert(fi.fileName(), DiskEntry{fi.size(), ++m_clock});
        m_diskBytes += fi.size();
    }
}

void MediaCache::setCapBytes(qint64 capBytes)
{
    m_capBytes = capBytes;
    evict();
}

MediaCache::State MediaCache::state(const QString &key) const
{
    return m_items.value(key).state;
}

QImage MediaCache::thumbnail(const QString &key) const
{
    return m_items.value(key).thumbnail;
}

QString MediaCache::error(const QString &key) const
{
    return m_items.value(key).error;
}

QString MediaCache::filePath(const QString &key) const
{
    const QString path = pathFor(key);
    return m_index.contains(QFileInfo(path).fileName()) ? path : QString();
}

MediaCache::State MediaCache::request(const QString &key)
{
    Item &item = m_items[key];
    if (item.state != State::Missing)
        return item.state;
    item.state = State::Loading;
    if (m_index.contains(QFileInfo(pathFor(key)).fileName())) {
        touch(key);
        decodeFromDisk(key);
    } else if (m_fetcher) {
        QPointer<MediaCache> self(this);
        m_fetcher(key, [self, key](bool ok, const QByteArray &bytes, const QString &error) {
            if (!self)
                return;
            if (!ok) {
                qCInfo(lcUi) << "media fetch failed:" << key << error;
                self->setState(key, State::Failed, error);
                return;
            }
            self->storeAndDecode(key, bytes);
        });
    } else {
        setState(key, State::Failed, QStringLiteral("no way to fetch media"));
    }
    return m_items.value(key).state;
}

void MediaCache::retry(const QString &key)
{
    const State s = state(key);
    if (s == State::Loading || s == State::Ready)
        return;
    m_items.remove(key);
    request(key);
}

void MediaCache::decodeFromDisk(const QString &key)
{
    const QString path = pathFor(key);
    const QSize box = m_thumbSize;
    QPointer<MediaCache> self(this);
    ++m_jobs;
    m_pool.start([=] {
        const QImage thumb = decodeThumbnail(path, box);
        QMetaObject::invokeMethod(
            self,
            [=] {
                if (self)
                    self->finish(key, thumb, -1, false);
            },
            Qt::QueuedConnection);
    });
}

void MediaCache::storeAndDecode(const QString &key, const QByteArray &bytes)
{
    const QString path = pathFor(key);
    const QSize box = m_thumbSize;
    QPointer<MediaCache> self(this);
    ++m_jobs;
    m_pool.start([=] {
        qint64 written = -1;
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
            written = bytes.size();
        else
            qCWarning(lcUi) << "cannot write to the media cache:" << path << file.errorString();
        QImage thumb;
        if (written >= 0)
            thumb = decodeThumbnail(path, box);
        QMetaObject::invokeMethod(
            self,
            [=] {
                if (self)
                    self->finish(key, thumb, written, true);
            },
            Qt::QueuedConnection);
    });
}

void MediaCache::finish(const QString &key, const QImage &thumb, qint64 bytesOnDisk, bool wrote)
{
    --m_jobs;
    if (wrote) {
        if (bytesOnDisk < 0) {
            setState(key, State::Failed, QStringLiteral("cannot write the media cache"));
            return;
        }
        const QString name = QFileInfo(pathFor(key)).fileName();
        m_diskBytes -= m_index.value(name).size;
        m_index.insert(name, DiskEntry{bytesOnDisk, ++m_clock});
        m_diskBytes += bytesOnDisk;
        evict();
    }
    if (!m_items.contains(key))
        return; // forgotten meanwhile
    if (thumb.isNull()) {
        setState(key, State::Corrupt, QStringLiteral("the image does not decode"));
        return;
    }
    m_items[key].thumbnail = thumb;
    setState(key, State::Ready);
}

void MediaCache::setState(const QString &key, State state, const QString &error)
{
    Item &item = m_items[key];
    item.state = state;
    item.error = error;
    if (state != State::Ready)
        item.thumbnail = QImage();
    emit stateChanged(key, state);
}

void MediaCache::touch(const QString &key)
{
    auto it = m_index.find(QFileInfo(pathFor(key)).fileName());
    if (it != m_index.end())
        it->lastUsed = ++m_clock;
}

void MediaCache::evict()
{
    if (m_diskBytes <= m_capBytes)
        return;
    std::vector<std::pair<quint64, QString>> order;
    order.reserve(size_t(m_index.size()));
    for (auto it = m_index.cbegin(); it != m_index.cend(); ++it)
        order.emplace_back(it->lastUsed, it.key());
    std::sort(order.begin(), order.end());
    for (const auto &[used, name] : order) {
        if (m_diskBytes <= m_capBytes)
            break;
        QFile::remove(m_dir + QLatin1Char('/') + name);
        m_diskBytes -= m_index.take(name).size;
    }
}

} // namespace gd
