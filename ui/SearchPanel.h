#pragma once
// Archive search for staff: a query field (searched ~250 ms after typing
// stops), filters for group, sender, date range and message type, and the
// hits newest first with the matches highlighted. Scoped to one group for
// "search in this group". Activating a hit asks for the feed at that message.
// One-character queries cannot use the index: they are limited to the last
// 7 days unless a date range is chosen, and the panel says so. The group and
// sender lists (and the names on the hits) follow the directory as it syncs.

#include "util/LatestRequest.h"
#include "store/SearchTypes.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace gd {

class SearchResultsModel;
class Store;

class SearchPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 250;
    static constexpr int kShortQueryDays = 7;
    static constexpr int kFilterReloadMs = 400;

    explicit SearchPanel(Store *store, QWidget *parent = nullptr);

    void setAccount(const QString &accountId);
    QString accountId() const { return m_accountId; }
    // Limits the search to one conversation (empty: every group and chat).
    // `name` is shown in the group filter until the group list has it.
    void setConversationScope(const QString &conversationId, const QString &name = {});
    QString conversationScope() const;
    void focusQuery();
    // Limits the search to what one person wrote (empty: anyone).
    void setSender(const QString &talkerId, const QString &name);

    // The query the filters describe now (what a search would run).
    SearchQuery currentQuery() const;
    // Whether the current text is limited to the last days (see class comment).
    bool isShortQueryBounded() const;

    QLineEdit *queryEdit() const { return m_query; }
    QListView *resultsView() const { return m_results; }
    SearchResultsModel *resultsModel() const { return m_model; }
    QComboBox *roomFilter() const { return m_room; }
    QComboBox *senderFilter() const { return m_sender; }
    QComboBox *dateFilter() const { return m_date; }
    QComboBox *kindFilter() const { return m_kind; }

public slots:
    void searchNow();

signals:
    void hitActivated(const QString &accountId, const QString &conversationId, qint64 rowId);
    // The user wants the current results in a file.
    void exportRequested(const gd::SearchQuery &query);

private:
    void scheduleSearch();
    void reloadFilters();
    void updateStatus();
    void activate(const QModelIndex &index);

    Store *m_store;
    QString m_accountId;
    LatestRequest m_requests;
    QTimer m_debounce;
    QTimer m_filterReload; // groups and contacts changed: re-read the lists, not per batch
    SearchResultsModel *m_model;
    QLineEdit *m_query;
    QComboBox *m_room;
    QComboBox *m_sender;
    QComboBox *m_date;
    QComboBox *m_kind;
    QLabel *m_notice;
    QLabel *m_status;
    QListView *m_results;
    QPushButton *m_more;
    QPushButton *m_export;
};

} // namespace gd
