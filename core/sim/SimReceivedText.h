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
};

} // namespace gd::sim
