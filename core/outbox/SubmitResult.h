#pragma once
// The answer to a SendRequest: the outbox id the database gave it, or why
// nothing was queued.

#include <QString>
#include <QVector>

namespace gd {

struct SubmitResult
{
    qint64 id = 0; // the first row of the request; 0 when nothing was queued
    QVector<qint64> ids; // every row of the request (a file and a text: two)
    bool existing = false; // the idempotency key was known: nothing new was queued
    QString error; // readable, in the UI language, when id is 0

    bool ok() const { return id > 0; }
};

} // namespace gd
