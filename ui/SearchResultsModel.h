#pragma once
// The hits of one archive search, newest first, for the search panel. Runs
// the query on the store's reader thread (never on the GUI thread); a new
// query makes every answer still on its way stale, and stale answers are
// dropped. More hits are fetched page by page from the last hit's row.

#include "util/LatestRequest.h"
#include "store/SearchTypes.h"

#include <QAbstractListModel>
#include <QHash>
#include <QVector>

namespace gd {

class Store;

class SearchResultsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        RoomNameRole = Qt::UserRole + 1,
        SenderRole,
        TimeTextRole,
        TextRole,
        RowIdRole,
        ConversationIdRole,
    };

    static constexpr int kPageSize = 50;

    explicit SearchResultsModel(Store *store, QObject *parent = nullptr);

    // Starts a new search (the query's limit and cursor are set here). An
    // empty text clears the results.
    void setQuery(const SearchQuery &query);
    SearchQuery query() const { return m_query; }
    // Names of conversations ("星河售后1群") by id, for the room column.
    void setConversationNames(const QHash<QString, QString> &names);
    // Names of contacts by id, for senders stored before their name was known.
    void setSenderNames(const QHash<QString, QString> &names);
    void clear();

    bool isSearching() const { return m_busy; }
    bool hasMore() const { return m_hasMore; }
    void loadMore();

    const SearchHit &hitAt(int row) const { return m_hits.at(row); }
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

signals:
    void searchStarted();
    void resultsChanged(); // a page arrived (or the results were cleared)

private:
    void fetch(bool append);

    Store *m_store;
    SearchQuery m_query;
    QVector<SearchHit> m_hits;
    QHash<QString, QString> m_names;
    QHash<QString, QString> m_senderNames;
    LatestRequest m_requests;
    bool m_busy = false;
    bool m_hasMore = false;
};

} // namespace gd
