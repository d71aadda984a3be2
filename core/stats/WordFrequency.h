#pragma once
// WordFrequency: segments customer messages, drops stop words and counts and
// ranks the rest. Meant to run off the GUI thread: it checks an atomic cancel
// flag between messages and reports progress through a callback.

#include "stats/Segmenter.h"
#include "stats/StopWords.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace gd {

struct WordCount
{
    QString word;
    qint64 count = 0;
};

struct WordFrequencyOptions
{
    bool dropSingleCharacters = true; // single Han characters are mostly noise
    int threads = 1; // worker threads sharing the segmenter
    int topN = 0; // 0: every word
};

struct WordFrequencyResult
{
    QList<WordCount> ranked; // most frequent first, ties by word
    qint64 messages = 0; // messages processed
    qint64 tokens = 0; // tokens counted (after stop words)
    bool cancelled = false;
};

class WordFrequency
{
public:
    // progress(done, total) is called from the calling thread every few
    // thousand messages and at the end.
    using Progress = std::function<void(qsizetype done, qsizetype total)>;

    static WordFrequencyResult count(const Segmenter &segmenter, const StopWords &stopWords,
                                     const QStringList &messages,
                                     const WordFrequencyOptions &options = {},
                                     const std::atomic_bool *cancel = nullptr,
                                     const Progress &progress = {});
};

} // namespace gd
