#pragma once
// A text the bot sent through the simulator (MessageSendText), as it came
// over the wire: tests check what reached the gateway, mentions included.

#include <QString>
#include <QStringList>

namespace gd::sim {

struct SimReceivedText
{
    QString conversationId;
    QString text;
    QStringList mentionIds; // MessageSendText field 3
    qint64 receivedMs = 0; // wall clock when the call arrived (pacing checks)
};

} // namespace gd::sim
