#include "SearchResultsModel.h"
#include "TimeText.h"

#include "store/Store.h"
#include "store/StoreReader.h"

#include <QDateTime>
#include <QLocale>

namespace gd {

SearchResultsModel::SearchResultsModel(Store *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{}

void SearchResultsModel::setQuery(const SearchQuery &query)
{
    m_query = query;
    m_query.limit = kPageSize;
    m_query.beforeRowId = 0;
    clear();
    if (m_query.text.trimmed().isEmpty() && m_query.talkerId.isEmpty())
        return; // nothing asked (a sender alone lists what they wrote)
    fetch(false);
}

void SearchResultsModel::setConversationNames(const QHash<QString, QString> &names)
{
    m_names = names;
    if (!m_hits.isEmpty())
        emit dataChanged(index(0), index(int(m_hits.size()) - 1), {RoomNameRole});
}

void SearchResultsModel::setSenderNames(const QHash<QString, QString> &names)
{
    m_senderNames = names;
    if (!m_hits.isEmpty())
        emit dataChanged(index(0), index(int(m_hits.size()) - 1), {SenderRole});
}

void SearchResultsModel::clear()
{
    m_requests.supersede(); // answers still on their way are for another query
    m_busy = false;
    m_hasMore = false;
    if (!m_hits.isEmpty()) {
        beginResetModel();
        m_hits.clear();
        endResetModel();
    }
    emit resultsChanged();
}

void SearchResultsModel::loadMore()
{
    if (m_busy || !m_hasMore || m_hits.isEmpty())
        return;
    m_query.beforeRowId = m_hits.last().message.rowId;
    fetch(true);
}

void SearchResultsModel::fetch(bool append)
{
    Q_UNUSED(append);
    m_busy = true;
    const LatestRequest::Ticket ticket = m_requests.current();
    emit searchStarted();
    m_store->read<QVector<SearchHit>>(
        this, [q = m_query](StoreReader &reader) { return reader.search(q); },
        [this, ticket](const QVector<SearchHit> &hits) {
            if (!m_requests.isLatest(ticket))
                return; // the query changed meanwhile
            m_busy = false;
            m_hasMore = hits.size() >= m_query.limit;
            if (!hits.isEmpty()) {
                const int first = int(m_hits.size());
                beginInsertRows({}, first, first + int(hits.size()) - 1);
                m_hits += hits;
                endInsertRows();
            }
            emit resultsChanged();
        });
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_hits.size())
        return {};
    const Message &m = m_hits.at(index.row()).message;
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return m.text;
    case RoomNameRole:
        return m_names.value(m.conversationId(), m.conversationId());
    case SenderRole:
        return m.talkerName.isEmpty() ? m_senderNames.value(m.talkerId, m.talkerId) : m.talkerName;
    case TimeTextRole:
        return TimeText::dateTime(m.timestampMs);
    case RowIdRole:
        return m.rowId;
    case ConversationIdRole:
        return m.conversationId();
    default:
        return {};
    }
}

} // namespace gd
