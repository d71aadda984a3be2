#pragma once
// StatsService: runs statistics work off the GUI thread for the view and the
// reports: the figures of a scope and period (StatsQuery on a connection of
// its own), and word counts of customers' messages in that period (the
// archive's texts, segmented and counted with progress and cancel). Results
// come back as queued calls in the caller's context (dropped if it is gone).
// The segmenter (jieba's dictionary, about a second to load) is loaded once,
// by the first word count, and shared.

#include "stats/StatsFigures.h"
#include "stats/WordFrequency.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace gd {

class StatsService : public QObject
{
    Q_OBJECT
public:
    using Cancel = std::shared_ptr<std::atomic_bool>;

    explicit StatsService(const QString &databasePath, QObject *parent = nullptr);
    ~StatsService() override;

    // Product and brand names the segmenter keeps whole ("word" or "word
    // freq" per line, '#' comments): the user dictionary. Takes effect with
    // the next word count.
    void setUserWords(const QStringList &lines);
    // Where the application keeps the list (QSettings, a string list).
    static constexpr const char *kUserWordsSetting = "statistics/productNames";
    QStringList userWords() const;

    Cancel computeFigures(const StatsRequest &request, QObject *context,
                          std::function<void(StatsFigures, QString error)> done);
    // progress(done, total) arrives in context's thread now and then.
    Cancel countWords(const StatsRequest &request, int topN, QObject *context,
                      std::function<void(qint64 done, qint64 total)> progress,
                      std::function<void(WordFrequencyResult, QString error)> done);

    // Blocking versions for a worker thread (the report mailer, benchmarks).
    StatsFigures figuresNow(const StatsRequest &request, QString *error,
                            const std::atomic_bool *cancel = nullptr);
    WordFrequencyResult wordsNow(const StatsRequest &request, int topN, QString *error,
                                 const std::atomic_bool *cancel = nullptr,
                                 const WordFrequency::Progress &progress = {});
    // Customers' text messages of the period and scope (what countWords counts).
    QStringList customerTexts(const StatsRequest &request, QString *error,
                              const std::atomic_bool *cancel = nullptr);

    // Waits until running jobs are done (shutdown, tests).
    void waitForIdle();

private:
    std::shared_ptr<const Segmenter> segmenter(QString *error);

    QString m_path;
    mutable std::mutex m_segmenterMutex;
    std::shared_ptr<const Segmenter> m_segmenter;
    QStringList m_userWords;
    bool m_segmenterFailed = false;
    std::atomic_int m_running{0};
};

} // namespace gd
