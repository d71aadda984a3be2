#pragma once
// The FileBox JSON that file_box fields carry (PROTOCOL.md "FileBox"):
// type 1 inline base64, type 7 an uploaded uuid. Reads and writes the forms
// GroupDesk uses; other types are reported as they are.

#include <QByteArray>
#include <QString>

namespace gd {

struct FileBox
{
    enum Type { Unknown = 0, Base64 = 1, Url = 2, QrCode = 3, Uuid = 7 };
    int type = Unknown;
    QString name;
    QString uuid;
    QByteArray bytes; // decoded, for Base64
    qint64 size = -1;

    static FileBox fromJson(const QString &json);
    static QString inlineJson(const QByteArray &bytes, const QString &name);
    static QString uuidJson(const QString &uuid, const QString &name, qint64 size);
};

} // namespace gd
