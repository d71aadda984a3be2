#pragma once
// Decides whether a file may be sent, before anything goes to the gateway:
// the type comes from the content (magic bytes), never from the name; size
// limits are checked first (from the file's size, before reading it); empty,
// unreadable and corrupt files (an image that does not decode) are refused
// with a sentence the user understands.

#include <QByteArray>
#include <QString>

namespace gd {

struct FileLimits
{
    qint64 maxImageBytes = 20LL * 1024 * 1024;
    qint64 maxFileBytes = 100LL * 1024 * 1024;
};

struct FileCheckResult
{
    bool ok = false;
    QString error; // translated, when !ok
    QString mime; // from the content, e.g. "image/png", "application/pdf"
    bool isImage = false;
    qint64 size = 0;
    QString name; // the name to send (the file's own name)
    QByteArray bytes; // the content, when ok
};

class FileCheck
{
public:
    // The MIME type the first bytes show; application/octet-stream if unknown.
    static QString mimeFromContent(const QByteArray &head);
    static bool isImageMime(const QString &mime);
    // Extension for a MIME type ("png"), for pasted images without a name.
    static QString extensionFor(const QString &mime);

    static FileCheckResult checkFile(const QString &path, const FileLimits &limits = {});
    static FileCheckResult checkBytes(const QByteArray &bytes, const QString &name,
                                      const FileLimits &limits = {});
};

} // namespace gd
