#pragma once
// StatisticsWindow: how the groups and the team are doing. A scope (all,
// one group, a tag, an account) and a period (compared with the one before)
// give the key figures and charts: message volume, a weekday x hour heatmap,
// first-response times, word frequency of customers' messages, the most
// active customers and the quietest groups. Each chart exports as PNG and
// its data as CSV. Figures and word counts are computed by StatsService off
// the GUI thread (word counts with progress and cancel); the latest request
// wins.

#include "stats/StatsFigures.h"
#include "stats/WordFrequency.h"
#include "util/LatestRequest.h"

#include <QDate>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableWidget;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace gd {

class HeatmapWidget;
class StatsService;
class Store;

class StatisticsWindow : public QWidget
{
    Q_OBJECT
public:
    StatisticsWindow(Store *store, StatsService *service, QWidget *parent = nullptr);
    ~StatisticsWindow() override;

    void setPeriod(QDate from, QDate to);
    void setScope(const StatsScope &scope);
    const StatsFigures &figures() const { return m_figures; }
    const WordFrequencyResult &words() const { return m_words; }
    bool isComputing() const { return m_computing; }
    bool isCountingWords() const { return m_wordCancel != nullptr; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *wordTable() const { return m_wordTable; }

public slots:
    void refresh();
    void countWords();
    void cancelWords();
    // The user dictionary: asks for the names, then setProductNames().
    void editProductNames();
    // Kept whole by the next word counts; saved in the settings.
    void setProductNames(const QStringList &names);

signals:
    void figuresShown();
    void wordsShown();
    // The user clicked a word: search the archive for it.
    void wordSearchRequested(const QString &word);

private:
    struct ScopeChoices;
    QWidget *buildSummary();
    QWidget *buildVolumeTab();
    QWidget *buildHeatmapTab();
    QWidget *buildResponseTab();
    QWidget *buildWordsTab();
    QWidget *buildPeopleTab();
    // PNG of `chart` and CSV from `csv`, as buttons under a tab's content.
    QWidget *exportRow(QWidget *chart, const std::function<QByteArray()> &csv,
                       const QString &baseName);
    void loadScopeChoices();
    void updateScopeValues();
    StatsRequest request() const;
    void showFigures();
    void showVolume();
    void showWords();
    void savePng(QWidget *chart, const QString &baseName);
    void saveCsv(const QByteArray &csv, const QString &baseName);

    Store *m_store;
    StatsService *m_service;
    StatsFigures m_figures;
    WordFrequencyResult m_words;
    bool m_computing = false;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_figureCancel;
    std::shared_ptr<std::atomic_bool> m_wordCancel;
    LatestRequest m_wordRequests; // a cancelled count's late answer is dropped
    std::unique_ptr<ScopeChoices> m_choices;

    QComboBox *m_scopeKind;
    QComboBox *m_scopeValue;
    QComboBox *m_preset;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_granularity;
    QPushButton *m_refresh;
    QLabel *m_status;
    QGridLayout *m_summaryGrid;
    QList<QLabel *> m_summaryValues;
    QTabWidget *m_tabs;
    QChartView *m_volumeChart;
    HeatmapWidget *m_heatmap;
    QChartView *m_responseChart;
    QLabel *m_responseText;
    QTableWidget *m_wordTable;
    QChartView *m_wordChart;
    QPushButton *m_countWords;
    QPushButton *m_cancelWords;
    QProgressBar *m_wordProgress;
    QLabel *m_wordStatus;
    QTableWidget *m_customers;
    QTableWidget *m_groups;
    QTableWidget *m_alerts;
};

} // namespace gd
