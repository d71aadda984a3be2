#include "SearchPanel.h"

#include "SearchHitDelegate.h"
#include "SearchResultsModel.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace gd {
namespace {

enum DateRange { AnyTime, Today, Last7Days, Last30Days, LastYear };

struct FilterLists
{
    QVector<QPair<QString, QString>> conversations; // id, name
    QVector<QPair<QString, QString>> senders; // id, name
};

} // namespace

SearchPanel::SearchPanel(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new SearchResultsModel(store, this))
{
    setObjectName(QStringLiteral("searchPanel"));
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setPlaceholderText(tr("Search messages (e.g. 退款)"));
    m_query->setClearButtonEnabled(true);
    // A pasted novel must not stall the panel: the store caps what it indexes,
    // and this caps what is typed.
    m_query->setMaxLength(10000);

    m_room = new QComboBox(this);
    m_room->setObjectName(QStringLiteral("searchRoom"));
    m_room->addItem(tr("All groups and chats"), QString());
    m_sender = new QComboBox(this);
    m_sender->setObjectName(QStringLiteral("searchSender"));
    m_sender->addItem(tr("Anyone"), QString());
    m_date = new QComboBox(this);
    m_date->setObjectName(QStringLiteral("searchDate"));
    m_date->addItem(tr("Any time"), int(AnyTime));
    m_date->addItem(tr("Today"), int(Today));
    m_date->addItem(tr("Last 7 days"), int(Last7Days));
    m_date->addItem(tr("Last 30 days"), int(Last30Days));
    m_date->addItem(tr("Last 12 months"), int(LastYear));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("searchKind"));
    m_kind->addItem(tr("Any type"), -1);
    m_kind->addItem(tr("Text"), int(MessageKind::Text));
    m_kind->addItem(tr("Links"), int(MessageKind::Url));
    m_kind->addItem(tr("Files"), int(MessageKind::Attachment));
    m_kind->addItem(tr("Images"), int(MessageKind::Image));
    m_kind->addItem(tr("Group events"), int(MessageKind::System));
    // Long group and contact names must not make the panel (and with it the
    // window) wider: the lists are as wide as the panel allows.
    for (QComboBox *box : {m_room, m_sender, m_date, m_kind}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
    }

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("searchNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setTextFormat(Qt::PlainText);

    m_results = new QListView(this);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setModel(m_model);
    m_results->setItemDelegate(new SearchHitDelegate(m_results));
    m_results->setMouseTracking(true);
    m_results->setUniformItemSizes(true);
    m_results->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_more = new QPushButton(tr("Load more"), this);
    m_more->setObjectName(QStringLiteral("searchMore"));
    m_more->hide();
    m_export = new QPushButton(tr("Export results…"), this);
    m_export->setObjectName(QStringLiteral("searchExport"));
    m_export->setEnabled(false);

    auto *filters = new QHBoxLayout;
    filters->setSpacing(6);
    filters->addWidget(m_room, 2);
    filters->addWidget(m_sender, 2);
    auto *filters2 = new QHBoxLayout;
    filters2->setSpacing(6);
    filters2->addWidget(m_date, 1);
    filters2->addWidget(m_kind, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_more);
    bottom->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_query);
    layout->addLayout(filters);
    layout->addLayout(filters2);
    layout->addWidget(m_notice);
    layout->addWidget(m_results, 1);
    layout->addLayout(bottom);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchPanel::searchNow);
    connect(m_query, &QLineEdit::textChanged, this, &SearchPanel::scheduleSearch);
    connect(m_query, &QLineEdit::returnPressed, this, &SearchPanel::searchNow);
    for (QComboBox *box : {m_room, m_sender, m_date, m_kind})
        connect(box, &QComboBox::currentIndexChanged, this, &SearchPanel::searchNow);
    // A fresh session fills the directory after the panel exists: follow it.
    m_filterReload.setSingleShot(true);
    m_filterReload.setInterval(kFilterReloadMs);
    connect(&m_filterReload, &QTimer::timeout, this, &SearchPanel::reloadFilters);
    auto directoryChanged = [this](const QString &accountId) {
        if (accountId == m_accountId && !m_filterReload.isActive())
            m_filterReload.start();
    };
    connect(m_store, &Store::roomsChanged, this, directoryChanged);
    connect(m_store, &Store::contactsChanged, this, directoryChanged);
    connect(m_model, &SearchResultsModel::searchStarted, this, &SearchPanel::updateStatus);
    connect(m_model, &SearchResultsModel::resultsChanged, this, &SearchPanel::updateStatus);
    connect(m_more, &QPushButton::clicked, m_model, &SearchResultsModel::loadMore);
    connect(m_results, &QListView::activated, this, &SearchPanel::activate);
    connect(m_results, &QListView::clicked, this, &SearchPanel::activate);
    connect(m_export, &QPushButton::clicked, this,
            [this] { emit exportRequested(currentQuery()); });
    updateStatus();
}

void SearchPanel::setAccount(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    m_model->clear();
    reloadFilters();
    scheduleSearch();
}

void SearchPanel::setConversationScope(const QString &conversationId, const QString &name)
{
    int i = m_room->findData(conversationId);
    if (i < 0) {
        // Not listed yet: show it anyway, so the filter says what the results are.
        const QSignalBlocker blocker(m_room);
        m_room->addItem(name.isEmpty() ? conversationId : name, conversationId);
        i = m_room->count() - 1;
    }
    m_room->setCurrentIndex(i);
}

QString SearchPanel::conversationScope() const
{
    return m_room->currentData().toString();
}

void SearchPanel::setSender(const QString &talkerId, const QString &name)
{
    int i = m_sender->findData(talkerId);
    if (i < 0 && !talkerId.isEmpty()) {
        // Not in the loaded list yet: add it so the filter shows who it is.
        m_sender->addItem(name.isEmpty() ? talkerId : name, talkerId);
        i = m_sender->count() - 1;
    }
    m_sender->setCurrentIndex(qMax(0, i));
    searchNow();
}

void SearchPanel::focusQuery()
{
    m_query->setFocus();
    m_query->selectAll();
}

void SearchPanel::reloadFilters()
{
    m_filterReload.stop();
    const LatestRequest::Ticket ticket = m_requests.next();
    const QString accountId = m_accountId;
    m_store->read<FilterLists>(
        this,
        [accountId](StoreReader &reader) {
            FilterLists lists;
            for (const RoomSummary &s : reader.roomSummaries(accountId))
                lists.conversations.append({s.roomId, s.topic});
            for (const Contact &c : reader.contacts(accountId))
                lists.senders.append({c.id, c.displayName()});
            return lists;
        },
        [this, ticket](FilterLists lists) {
            if (!m_requests.isLatest(ticket))
                return;
            const QString scope = conversationScope();
            const QString scopeName = m_room->currentText();
            const QString sender = m_sender->currentData().toString();
            QHash<QString, QString> names;
            QHash<QString, QString> senderNames;
            {
                const QSignalBlocker b1(m_room);
                const QSignalBlocker b2(m_sender);
                while (m_room->count() > 1)
                    m_room->removeItem(1);
                while (m_sender->count() > 1)
                    m_sender->removeItem(1);
                for (const auto &[id, name] : std::as_const(lists.conversations)) {
                    // A group known only from its messages has no topic yet
                    // (the id stands in): keep the name the scope was given.
                    const bool nameless = name.isEmpty() || name == id;
                    const QString shown
                        = nameless && id == scope && scopeName != scope && !scopeName.isEmpty()
                        ? scopeName
                        : name;
                    m_room->addItem(shown, id);
                    names.insert(id, shown);
                }
                for (const auto &[id, name] : std::as_const(lists.senders)) {
                    m_sender->addItem(name, id);
                    senderNames.insert(id, name);
                }
                if (!scope.isEmpty() && m_room->findData(scope) < 0)
                    m_room->addItem(scopeName, scope); // not in the directory (yet)
                m_room->setCurrentIndex(qMax(0, m_room->findData(scope)));
                m_sender->setCurrentIndex(qMax(0, m_sender->findData(sender)));
            }
            m_model->setConversationNames(names);
            m_model->setSenderNames(senderNames);
            if (m_model->query().conversationId != conversationScope())
                searchNow();
        });
}

void SearchPanel::scheduleSearch()
{
    m_debounce.start();
}

bool SearchPanel::isShortQueryBounded() const
{
    return !m_query->text().trimmed().isEmpty() && !StoreReader::searchUsesIndex(m_query->text())
        && m_date->currentData().toInt() == AnyTime;
}

SearchQuery SearchPanel::currentQuery() const
{
    SearchQuery q;
    q.text = m_query->text();
    q.accountId = m_accountId;
    q.conversationId = conversationScope();
    q.talkerId = m_sender->currentData().toString();
    const int kind = m_kind->currentData().toInt();
    if (kind >= 0)
        q.kinds = {MessageKind(kind)};
    const QDateTime now = QDateTime::currentDateTime();
    switch (m_date->currentData().toInt()) {
    case Today:
        q.fromMs = QDateTime(now.date(), QTime(0, 0)).toMSecsSinceEpoch();
        break;
    case Last7Days:
        q.fromMs = now.addDays(-7).toMSecsSinceEpoch();
        break;
    case Last30Days:
        q.fromMs = now.addDays(-30).toMSecsSinceEpoch();
        break;
    case LastYear:
        q.fromMs = now.addYears(-1).toMSecsSinceEpoch();
        break;
    default:
        break;
    }
    if (isShortQueryBounded())
        q.fromMs = now.addDays(-kShortQueryDays).toMSecsSinceEpoch();
    return q;
}

void SearchPanel::searchNow()
{
    m_debounce.stop();
    if (m_accountId.isEmpty()) {
        m_model->clear();
        return;
    }
    m_model->setQuery(currentQuery());
}

void SearchPanel::updateStatus()
{
    const bool hasText = !m_query->text().trimmed().isEmpty()
        || !m_sender->currentData().toString().isEmpty(); // a sender alone lists their messages
    m_notice->setVisible(isShortQueryBounded());
    m_notice->setText(tr("Single characters are searched in the last %n day(s) only; pick a date "
                         "range to look further back.",
                         nullptr, kShortQueryDays));
    const int n = m_model->rowCount();
    if (!hasText)
        m_status->setText(tr("Type to search the archive."));
    else if (m_model->isSearching() && n == 0)
        m_status->setText(tr("Searching…"));
    else if (n == 0)
        m_status->setText(tr("No messages found."));
    else if (m_model->hasMore())
        m_status->setText(tr("%n message(s) shown, more available", nullptr, n));
    else
        m_status->setText(tr("%n message(s) found", nullptr, n));
    m_more->setVisible(m_model->hasMore());
    m_more->setEnabled(!m_model->isSearching());
    m_export->setEnabled(n > 0);
}

void SearchPanel::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const Message &m = m_model->hitAt(index.row()).message;
    emit hitActivated(m.accountId, m.conversationId(), m.rowId);
}

} // namespace gd
