#pragma once
// Values of the archive search: what to look for, and what was found.

#include "model/Types.h"

#include <QPair>
#include <QVector>

namespace gd {

struct SearchQuery
{
    // Whitespace-separated terms; a hit contains every term
    // (case-insensitively). CJK terms match as substrings; other words match
    // from the start of a word.
    QString text;
    QString accountId; // empty: every account
    QString conversationId; // a room id or the other party's contact id; empty: all
    QString talkerId; // empty: any sender
    qint64 fromMs = 0; // 0: open
    qint64 toMs = 0; // inclusive; 0: open
    QVector<MessageKind> kinds; // empty: every kind
    int limit = 50;
    // Paging: only hits stored before this row (the last hit's rowId); 0: newest.
    qint64 beforeRowId = 0;
    // Queries the index cannot answer (single characters, punctuation only)
    // scan at most this many of the newest messages (of the conversation,
    // when one is given).
    int scanWindow = 200000;
    // A search scoped to one conversation of one account with at most this
    // many messages scans that conversation's rows (by its index) instead of
    // walking every index hit of the term: a common term in a small room
    // would otherwise visit hits from every other room first.
    int roomScanThreshold = 4000;
};

struct SearchHit
{
    Message message;
    // (start, length) in message.text, for highlighting; sorted.
    QVector<QPair<int, int>> matches;
};

} // namespace gd

Q_DECLARE_METATYPE(gd::SearchHit)
