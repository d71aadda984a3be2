#pragma once
// A group as pushes see it: one WeChat room, which may be joined by several
// of our bot accounts (any of them can send), its staff tags, and the
// operations switch that keeps pushes out of it (on unless turned off).

#include <QString>
#include <QStringList>

namespace gd {

struct PushGroup
{
    QString roomId;
    QString name;
    QStringList tags;
    QStringList accountIds; // the accounts that are in the group, sorted
    bool pushEnabled = true;
};

} // namespace gd
