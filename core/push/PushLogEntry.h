#pragma once
// One push handed to the outbox (or one broadcast target): what went to
// which group through which account, for which scheduled run, and why that
// product was chosen (the choice as JSON, worded by the UI).

#include <QString>
#include <QtGlobal>

namespace gd {

struct PushLogEntry
{
    qint64 id = 0;
    qint64 ruleId = 0; // 0: a broadcast
    qint64 broadcastId = 0;
    QString roomId;
    QString roomName;
    QString accountId;
    QString accountName; // for display (PushWorkspace::log); not stored
    QString productId;
    QString productTitle;
    qint64 runMs = 0; // the scheduled time of the run
    qint64 dueMs = 0; // when the outbox was told to send it
    qint64 outboxId = 0;
    QString text;
    QString imagePath;
    QString choiceJson;
    qint64 createdMs = 0;
};

} // namespace gd
