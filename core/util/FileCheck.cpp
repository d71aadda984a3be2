#include "util/FileCheck.h"

#include "util/Log.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLocale>
#include <QStringDecoder>

namespace gd {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FileCheck", text);
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

bool nameClaimsImage(const QString &name)
{
    static const QStringList exts
        = {QStringLiteral("png"), QStringLiteral("jpg"),  QStringLiteral("jpeg"),
           QStringLiteral("gif"), QStringLiteral("webp"), QStringLiteral("bmp")};
    return exts.contains(QFileInfo(name).suffix().toLower());
}

// What an Office Open XML zip holds tells its kind; the central entries come
// early in files Office writes.
QString zipKind(const QByteArray &head)
{
    if (head.contains("word/"))
        return QStringLiteral(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    if (head.contains("xl/"))
        return QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    if (head.contains("ppt/"))
        return QStringLiteral(
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    return QStringLiteral("application/zip");
}

bool looksLikeText(const QByteArray &head)
{
    if (head.contains('\0'))
        return false;
    // Stateful: a multi-byte sequence cut at the end of the sample waits in
    // the decoder's state instead of counting as an error.
    QStringDecoder decoder(QStringDecoder::Utf8);
    (void)QString(decoder(head));
    return !decoder.hasError();
}

} // namespace

QString FileCheck::mimeFromContent(const QByteArray &b)
{
    if (b.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    if (b.startsWith("\xff\xd8\xff"))
        return QStringLiteral("image/jpeg");
    if (b.startsWith("GIF87a") || b.startsWith("GIF89a"))
        return QStringLiteral("image/gif");
    if (b.startsWith("RIFF") && b.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    if (b.startsWith("BM") && b.size() >= 26)
        return QStringLiteral("image/bmp");
    if (b.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    if (b.startsWith("PK\x03\x04"))
        return zipKind(b);
    if (b.startsWith("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
        return QStringLiteral("application/x-ole-storage"); // .doc, .xls, .ppt
    if (b.startsWith("Rar!\x1a\x07"))
        return QStringLiteral("application/vnd.rar");
    if (b.startsWith("7z\xbc\xaf\x27\x1c"))
        return QStringLiteral("application/x-7z-compressed");
    if (b.startsWith("\x1f\x8b"))
        return QStringLiteral("application/gzip");
    if (b.mid(4, 4) == "ftyp")
        return QStringLiteral("video/mp4");
    if (b.startsWith("ID3") || b.startsWith("\xff\xfb"))
        return QStringLiteral("audio/mpeg");
    if (!b.isEmpty() && looksLikeText(b))
        return QStringLiteral("text/plain");
    return QStringLiteral("application/octet-stream");
}

bool FileCheck::isImageMime(const QString &mime)
{
    return mime.startsWith(QLatin1String("image/"));
}

QString FileCheck::extensionFor(const QString &mime)
{
    if (mime == QLatin1String("image/jpeg"))
        return QStringLiteral("jpg");
    if (isImageMime(mime))
        return mime.mid(6);
    if (mime == QLatin1String("application/pdf"))
        return QStringLiteral("pdf");
    return QStringLiteral("bin");
}

FileCheckResult FileCheck::checkFile(const QString &path, const FileLimits &limits)
{
    FileCheckResult r;
    const QFileInfo info(path);
    r.name = info.fileName();
    if (!info.exists() || !info.isFile()) {
        r.error = tr("The file %1 does not exist.").arg(r.name);
        return r;
    }
    r.size = info.size();
    if (r.size == 0) {
        r.error = tr("The file %1 is empty.").arg(r.name);
        return r;
    }
    // The larger limit first, from the size alone: a 5 GB file is never read.
    if (r.size > std::max(limits.maxImageBytes, limits.maxFileBytes)) {
        r.error = tr("%1 is too large to send (%2; the limit is %3).")
                      .arg(r.name, sizeText(r.size), sizeText(limits.maxFileBytes));
        return r;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcEngine) << "cannot read" << path << file.errorString();
        r.error = tr("The file %1 cannot be read.").arg(r.name);
        return r;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.size() != r.size) {
        r.error = tr("The file %1 cannot be read.").arg(r.name);
        return r;
    }
    return checkBytes(bytes, r.name, limits);
}

FileCheckResult FileCheck::checkBytes(const QByteArray &bytes, const QString &name,
                                      const FileLimits &limits)
{
    FileCheckResult r;
    r.name = name;
    r.size = bytes.size();
    if (bytes.isEmpty()) {
        r.error = tr("The file %1 is empty.").arg(name);
        return r;
    }
    r.mime = mimeFromContent(bytes.left(4096));
    r.isImage = isImageMime(r.mime);
    const qint64 limit = r.isImage ? limits.maxImageBytes : limits.maxFileBytes;
    if (r.size > limit) {
        r.error = r.isImage ? tr("The image %1 is too large to send (%2; the limit is %3).")
                                  .arg(name, sizeText(r.size), sizeText(limit))
                            : tr("%1 is too large to send (%2; the limit is %3).")
                                  .arg(name, sizeText(r.size), sizeText(limit));
        return r;
    }
    if (r.isImage) {
        QByteArray copy = bytes;
        QBuffer buffer(&copy);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        reader.setDecideFormatFromContent(true);
        const QImage image = reader.read();
        // A format Qt cannot decode here (WebP without the plugin) is still
        // sent, as a file the other side may open; a broken one is not.
        const bool undecodable = reader.error() == QImageReader::UnsupportedFormatError;
        if (image.isNull() && !undecodable) {
            qCInfo(lcEngine) << "image does not decode:" << name << reader.errorString();
            r.error = tr("The image %1 is damaged and cannot be sent.").arg(name);
            return r;
        }
    } else if (nameClaimsImage(name)) {
        r.error = tr("%1 is not an image: its content is not in any image format.").arg(name);
        return r;
    }
    r.ok = true;
    r.bytes = bytes;
    return r;
}

} // namespace gd
