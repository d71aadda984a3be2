#pragma once
// One canned response staff keep in the quick-reply library: a text with
// {variables}, an optional picture sent after it, a folder, and whose it is
// (one agent's own, or shared by the desk). Plain value.

#include <QMetaType>
#include <QString>

namespace gd {

struct QuickReply
{
    qint64 id = 0; // 0 until saved
    QString owner; // the agent it belongs to; empty: shared
    QString folder; // empty: no folder
    QString title; // what the list shows
    QString shortcut; // what follows "/" in the composer (e.g. "tk" for 退款); may be empty
    QString body; // text with {customer}, {group}, {agent}, {date}
    QString imagePath; // a picture sent with it; empty: none
    qint64 updatedMs = 0;

    bool isShared() const { return owner.isEmpty(); }
    bool operator==(const QuickReply &other) const = default;
};

} // namespace gd

Q_DECLARE_METATYPE(gd::QuickReply)
