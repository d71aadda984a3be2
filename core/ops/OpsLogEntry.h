#pragma once
// One line of the group-operations log: a welcome sent, an auto-reply sent
// or held back (and why), a group left or not. Codes and data only: the UI
// words them. Plain value.

#include <QString>

namespace gd {

struct OpsLogEntry
{
    enum class Kind : int { Welcome = 1, AutoReply = 2, LeftGroup = 3 };
    enum class Outcome : int { Done = 0, HeldBack = 1, Failed = 2 };

    qint64 id = 0;
    qint64 atMs = 0;
    Kind kind = Kind::AutoReply;
    QString accountId;
    QString roomId;
    QString contactId; // the customer answered or welcomed
    qint64 ruleId = 0;
    QString triggerId; // the message answered
    Outcome outcome = Outcome::Done;
    QString detail; // the text sent, or why not
};

} // namespace gd
