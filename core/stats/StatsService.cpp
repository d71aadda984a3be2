#include "stats/StatsService.h"

#include "stats/Segmenter.h"
#include "stats/StatsCounters.h"
#include "stats/StatsQuery.h"
#include "stats/StopWords.h"
#include "store/DatabaseAddress.h"
#include "store/SqlDialect.h"
#include "store/SqlQueries.h"
#include "model/Types.h"

#include <QDateTime>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QThreadPool>
#include <QVariant>

#include <algorithm>

namespace gd {
namespace {

std::atomic_int g_connectionCounter{0};

// A read-only connection of the calling thread, closed when it goes.
class ReadConnection
{
public:
    explicit ReadConnection(const QString &path)
        : m_name(QStringLiteral("gd-stats-%1").arg(++g_connectionCounter))
    {
        // The archive's file, or its server (a team).
        QSqlDatabase db = DatabaseAddress::addConnection(path, m_name);
        const bool file = db.driverName() == QLatin1String("QSQLITE");
        if (file)
            db.setConnectOptions(db.connectOptions() + QStringLiteral(";QSQLITE_OPEN_READONLY"));
        m_ok = db.open();
        if (!m_ok) {
            m_error = db.lastError().text();
            return;
        }
        QSqlQuery q(db);
        q.exec(SqlDialect::of(db).queryOnly());
        // Each computation opens a connection with an empty page cache; read
        // through the OS's cache instead of copying every page in again.
        if (file)
            q.exec(QStringLiteral("PRAGMA mmap_size=268435456"));
    }
    ~ReadConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }

private:
    QString m_name;
    bool m_ok = false;
    QString m_error;
};

template<typename Fn> void deliver(const QPointer<QObject> &guard, Fn fn)
{
    if (!guard)
        return;
    QMetaObject::invokeMethod(
        guard.data(),
        [guard, fn = std::move(fn)]() mutable {
            if (guard)
                fn();
        },
        Qt::QueuedConnection);
}

} // namespace

StatsService::StatsService(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
{}

StatsService::~StatsService()
{
    waitForIdle();
}

void StatsService::waitForIdle()
{
    while (m_running.load() > 0)
        QThread::msleep(5);
}

void StatsService::setUserWords(const QStringList &lines)
{
    std::lock_guard lock(m_segmenterMutex);
    if (lines == m_userWords)
        return;
    m_userWords = lines;
    // Words taken off the list must go too, and a count running now keeps
    // the segmenter it started with: the next count loads a new one.
    m_segmenter.reset();
}

QStringList StatsService::userWords() const
{
    std::lock_guard lock(m_segmenterMutex);
    return m_userWords;
}

std::shared_ptr<const Segmenter> StatsService::segmenter(QString *error)
{
    QStringList words;
    {
        std::lock_guard lock(m_segmenterMutex);
        if (m_segmenter)
            return m_segmenter;
        if (m_segmenterFailed) {
            *error = tr("The word dictionary could not be loaded.");
            return nullptr;
        }
        words = m_userWords;
    }
    // Loaded (about a second) without the lock, so setUserWords() from the
    // GUI thread never waits for it.
    auto s = std::make_shared<Segmenter>();
    if (!s->loadDictionary()) {
        std::lock_guard lock(m_segmenterMutex);
        m_segmenterFailed = true;
        *error = s->errorString();
        return nullptr;
    }
    s->addServiceWords();
    s->addUserWords(words);
    std::lock_guard lock(m_segmenterMutex);
    if (words == m_userWords) // not changed meanwhile
        m_segmenter = s;
    return s;
}

StatsFigures StatsService::figuresNow(const StatsRequest &request, QString *error,
                                      const std::atomic_bool *cancel)
{
    ReadConnection connection(m_path);
    if (!connection.ok()) {
        *error = connection.error();
        return {};
    }
    QSqlDatabase db = connection.db();
    return StatsQuery::compute(db, request, error, cancel);
}

QStringList StatsService::customerTexts(const StatsRequest &request, QString *error,
                                        const std::atomic_bool *cancel)
{
    ReadConnection connection(m_path);
    if (!connection.ok()) {
        *error = connection.error();
        return {};
    }
    QSqlDatabase db = connection.db();
    const qint64 fromMs = QDateTime(request.from, QTime(0, 0)).toMSecsSinceEpoch();
    const qint64 toMs = QDateTime(request.to.addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
    // Conversation by conversation, so each range read uses the
    // conversation index instead of scanning the whole archive.
    QVector<QPair<QString, QString>> conversations;
    QSqlQuery list(db);
    list.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT account_id, conversation_id FROM conversations x WHERE "
                                 "last_ms >= :f");
    QVariantMap binds{{QStringLiteral(":f"), fromMs}};
    const StatsScope &scope = request.scope;
    if (scope.kind == StatsScope::Kind::Account || scope.kind == StatsScope::Kind::Group) {
        sql += QStringLiteral(" AND account_id = :a");
        binds.insert(QStringLiteral(":a"), scope.accountId);
    }
    if (scope.kind == StatsScope::Kind::Group) {
        sql += QStringLiteral(" AND conversation_id = :r");
        binds.insert(QStringLiteral(":r"), scope.roomId);
    }
    if (scope.kind == StatsScope::Kind::Tag) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM room_tags rt JOIN tags t ON t.id = "
                              "rt.tag_id WHERE t.name = :t AND rt.account_id = x.account_id AND "
                              "rt.room_id = x.conversation_id)");
        binds.insert(QStringLiteral(":t"), scope.tag);
    }
    if (!SqlQueries::execNamed(list, sql, binds, error))
        return {};
    while (list.next())
        conversations.append({list.value(0).toString(), list.value(1).toString()});
    // Staff writing from their own WeChat (tagged staff, as the counters
    // have it) are not customers: their words stay out of the count.
    QSet<QString> staff; // account \x1f contact
    {
        QSqlQuery tagged(db);
        tagged.setForwardOnly(true);
        if (!SqlQueries::exec(
                tagged,
                QStringLiteral("SELECT ct.account_id, ct.contact_id FROM contact_tags"
                               " ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = ?"),
                {QString::fromLatin1(StatsCounters::kStaffTag)}, error))
            return {};
        while (tagged.next())
            staff.insert(tagged.value(0).toString() + QChar(0x1f) + tagged.value(1).toString());
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT text, talker_id FROM messages WHERE account_id = ? AND "
                             "conversation_id = ? AND ts_ms >= ?"
                             " AND ts_ms < ? AND from_self = 0 AND kind = %1 AND duplicate_of = ''")
                  .arg(int(MessageKind::Text)));
    QStringList texts;
    for (const auto &[account, conversation] : std::as_const(conversations)) {
        if (cancel && cancel->load())
            break;
        q.addBindValue(account);
        q.addBindValue(conversation);
        q.addBindValue(fromMs);
        q.addBindValue(toMs);
        if (!q.exec()) {
            *error = q.lastError().text();
            return {};
        }
        while (q.next()) {
            if (staff.isEmpty() || !staff.contains(account + QChar(0x1f) + q.value(1).toString()))
                texts.append(q.value(0).toString());
        }
    }
    return texts;
}

WordFrequencyResult StatsService::wordsNow(const StatsRequest &request, int topN, QString *error,
                                           const std::atomic_bool *cancel,
                                           const WordFrequency::Progress &progress)
{
    const std::shared_ptr<const Segmenter> s = segmenter(error);
    if (!s)
        return {};
    const QStringList texts = customerTexts(request, error, cancel);
    if (!error->isEmpty())
        return {};
    static const StopWords stopWords = StopWords::standard();
    WordFrequencyOptions options;
    options.topN = topN;
    options.threads = std::max(1, QThread::idealThreadCount());
    return WordFrequency::count(*s, stopWords, texts, options, cancel, progress);
}

StatsService::Cancel
StatsService::computeFigures(const StatsRequest &request, QObject *context,
                             std::function<void(StatsFigures, QString error)> done)
{
    auto cancel = std::make_shared<std::atomic_bool>(false);
    QPointer<QObject> guard(context);
    ++m_running;
    QThreadPool::globalInstance()->start([this, request, guard, done, cancel] {
        QString error;
        StatsFigures f = figuresNow(request, &error, cancel.get());
        if (!cancel->load())
            deliver(guard, [done, f, error] { done(f, error); });
        --m_running;
    });
    return cancel;
}

StatsService::Cancel
StatsService::countWords(const StatsRequest &request, int topN, QObject *context,
                         std::function<void(qint64 done, qint64 total)> progress,
                         std::function<void(WordFrequencyResult, QString error)> done)
{
    auto cancel = std::make_shared<std::atomic_bool>(false);
    QPointer<QObject> guard(context);
    ++m_running;
    QThreadPool::globalInstance()->start([this, request, topN, guard, progress, done, cancel] {
        QString error;
        WordFrequencyResult r = wordsNow(
            request, topN, &error, cancel.get(), [guard, progress](qsizetype n, qsizetype total) {
                deliver(guard, [progress, n, total] { progress(n, total); });
            });
        r.cancelled = r.cancelled || cancel->load();
        deliver(guard, [done, r, error] { done(r, error); });
        --m_running;
    });
    return cancel;
}

} // namespace gd
