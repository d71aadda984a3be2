#include "gateway/FileBox.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gd {

FileBox FileBox::fromJson(const QString &json)
{
    FileBox box;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    box.type = o.value(QStringLiteral("type")).toInt(Unknown);
    box.name = o.value(QStringLiteral("name")).toString();
    box.uuid = o.value(QStringLiteral("uuid")).toString();
    box.size = o.value(QStringLiteral("size")).toInteger(-1);
    if (box.type == Base64) {
        box.bytes = QByteArray::fromBase64(o.value(QStringLiteral("base64")).toString().toLatin1());
        box.size = box.bytes.size();
    }
    return box;
}

QString FileBox::inlineJson(const QByteArray &bytes, const QString &name)
{
    const QJsonObject o{{QStringLiteral("type"), int(Base64)},
                        {QStringLiteral("base64"), QString::fromLatin1(bytes.toBase64())},
                        {QStringLiteral("name"), name}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString FileBox::uuidJson(const QString &uuid, const QString &name, qint64 size)
{
    const QJsonObject o{{QStringLiteral("type"), int(Uuid)},
                        {QStringLiteral("uuid"), uuid},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("size"), size}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace gd
