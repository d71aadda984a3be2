#include "stats/WordFrequency.h"

#include <QHash>

#include <algorithm>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <thread>
#include <vector>

namespace gd {

namespace {

constexpr qsizetype kBlock = 256; // messages a worker takes at a time

// Per-thread counts keyed by views into `storage` (one copy per distinct
// word, so counting a token allocates nothing). -1 marks a stop word, so
// each distinct word is checked against the stop list once.
struct Counts
{
    std::unordered_map<std::u16string_view, qint64> counts;
    std::deque<std::u16string> storage;
    qint64 tokens = 0;

    void add(QStringView word, const StopWords &stopWords, bool dropSingle)
    {
        if (dropSingle && word.size() == 1)
            return;
        const std::u16string_view key(reinterpret_cast<const char16_t *>(word.utf16()),
                                      size_t(word.size()));
        auto it = counts.find(key);
        if (it == counts.end()) {
            storage.emplace_back(key);
            it = counts
                     .emplace(std::u16string_view(storage.back()),
                              stopWords.contains(word) ? -1 : 0)
                     .first;
        }
        if (it->second >= 0) {
            ++it->second;
            ++tokens;
        }
    }
};

} // namespace

WordFrequencyResult WordFrequency::count(const Segmenter &segmenter, const StopWords &stopWords,
                                         const QStringList &messages,
                                         const WordFrequencyOptions &options,
                                         const std::atomic_bool *cancel, const Progress &progress)
{
    const qsizetype total = messages.size();
    std::atomic<qsizetype> nextBlock{0};
    std::atomic<qsizetype> done{0};
    std::atomic_bool stopped{false};
    const int threads = std::max(1, options.threads);
    std::vector<Counts> counts(static_cast<size_t>(threads));

    // Each worker takes blocks of messages; the cancel flag is checked between
    // messages, so a cancel stops every worker within one message.
    auto work = [&](int index, bool reportProgress) {
        Counts &mine = counts[size_t(index)];
        qsizetype lastReport = 0;
        for (;;) {
            const qsizetype from = nextBlock.fetch_add(kBlock);
            if (from >= total)
                return;
            const qsizetype to = std::min(total, from + kBlock);
            for (qsizetype m = from; m < to; ++m) {
                if ((cancel && cancel->load(std::memory_order_relaxed)) || stopped.load()) {
                    stopped = true;
                    return;
                }
                segmenter.segment(messages.at(m), [&](QStringView word) {
                    mine.add(word, stopWords, options.dropSingleCharacters);
                });
            }
            const qsizetype now = done.fetch_add(to - from) + (to - from);
            if (reportProgress && progress && now - lastReport >= 4096) {
                lastReport = now;
                progress(now, total);
            }
        }
    };

    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t)
        workers.emplace_back(work, t, false);
    work(0, true); // the calling thread works too and reports progress
    for (std::thread &worker : workers)
        worker.join();

    WordFrequencyResult result;
    result.cancelled = stopped.load();
    result.messages = done.load();
    std::unordered_map<std::u16string_view, qint64> &merged = counts[0].counts;
    for (size_t t = 1; t < counts.size(); ++t)
        for (const auto &[word, n] : counts[t].counts)
            if (n > 0)
                merged[word] += n; // views into counts[t].storage, alive until return
    for (const Counts &c : counts)
        result.tokens += c.tokens;
    result.ranked.reserve(qsizetype(merged.size()));
    for (const auto &[word, n] : merged)
        if (n > 0)
            result.ranked.append({QString::fromUtf16(word.data(), qsizetype(word.size())), n});
    std::sort(result.ranked.begin(), result.ranked.end(),
              [](const WordCount &a, const WordCount &b) {
                  return a.count != b.count ? a.count > b.count : a.word < b.word;
              });
    if (options.topN > 0 && result.ranked.size() > options.topN)
        result.ranked.resize(options.topN);
    if (progress && !result.cancelled)
        progress(result.messages, total);
    return result;
}

} // namespace gd
