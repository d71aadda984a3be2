#pragma once
// Segmenter: dictionary-based Chinese word segmentation. Loads jieba's
// word-frequency dictionary (python3-jieba's dict.txt, "word freq tag" lines)
// at run time, builds the DAG of dictionary words over each run of Han text and
// picks the maximum-probability path (sum of log frequencies) by dynamic
// programming. Runs of Latin letters and digits (order numbers, model names)
// stay one token; punctuation, spaces and symbols only separate.
// After loading, segment() is safe to call from many threads at once; user
// words (product names) may be added at any time under a write lock.

#include "stats/WordTable.h"

#include <QString>
#include <QStringList>

#include <deque>
#include <functional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>

namespace gd {

class Segmenter
{
public:
    Segmenter();

    // Debian's python3-jieba location; overridable by GD_JIEBA_DICT in the environment.
    static QString defaultDictionaryPath();

    // Replaces the dictionary with the file's words. False (and errorString()) on
    // a missing or empty file; the previous dictionary then stays.
    bool loadDictionary(const QString &path = defaultDictionaryPath());
    QString errorString() const;
    bool isLoaded() const;
    qsizetype wordCount() const;
    // Bytes held by the word table and the dictionary text (for reports).
    qint64 memoryBytes() const;

    // Adds a user word (product or brand name). A frequency of 0 picks one high
    // enough that the word wins over its parts. Returns false for an empty word.
    bool addUserWord(const QString &word, qint64 frequency = 0);
    // One word per line, optionally followed by a frequency; '#' starts a comment.
    int addUserWords(const QStringList &lines);

    // Adds the service and e-commerce words jieba's dictionary lacks (微信,
    // 到账, 顺丰, 包邮; :/stats/service_words_zh.txt). Returns how many.
    int addServiceWords();

    QStringList segment(QStringView text) const;
    // The same without allocating: sink gets each word as a view into text or,
    // for full-width input, into a temporary folded copy (copy it to keep it).
    // The sink runs under the read lock: it must not call back into this object.
    void segment(QStringView text, const std::function<void(QStringView)> &sink) const;

private:
    using View = std::u16string_view;
    void insertWord(View word, double frequency);
    // Best path over one run of Han/Latin text; appends its words to out (if
    // given) and returns the path's log probability. Caller holds the lock.
    double segmentRun(QStringView run, const std::function<void(QStringView)> *sink) const;
    double frequencyOf(View word) const;

    mutable std::shared_mutex m_lock;
    QString m_text; // the dictionary file as UTF-16; m_words' keys point into it
    // User words with their frequencies, kept across dictionary reloads; a deque
    // so the map's views into them stay valid as more are added.
    std::deque<std::pair<std::u16string, double>> m_userWords;
    // word -> frequency; prefixes of words are present with frequency 0 so the
    // DAG scan can stop as soon as a fragment is no prefix of any word.
    WordTable m_words;
    double m_total = 0;
    double m_logTotal = 0;
    QString m_error;
};

} // namespace gd
