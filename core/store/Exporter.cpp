#include "store/Exporter.h"

#include "model/SystemEvent.h"
#include "store/Store.h"
#include "store/StoreReader.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QThread>

#include <limits>

namespace gd {
namespace {

QString isoTime(qint64 ms)
{
    QDateTime local = QDateTime::fromMSecsSinceEpoch(ms);
    // An explicit offset makes the time unambiguous wherever the file is read.
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

// Room topics and contact names of the accounts met so far, read once each.
class NameBook
{
public:
    explicit NameBook(StoreReader &reader)
        : m_reader(reader)
    {}

    QString conversationName(const Message &m)
    {
        load(m.accountId);
        QString id = m.conversationId(); // returned by move at the end
        const QString key = m.accountId + QLatin1Char('\n') + id;
        if (const auto it = m_rooms.constFind(key); it != m_rooms.constEnd() && !it->isEmpty())
            return *it;
        if (const auto it = m_contacts.constFind(key); it != m_contacts.constEnd())
            return *it;
        return id;
    }

    QString senderName(const Message &m)
    {
        if (!m.talkerName.isEmpty())
            return m.talkerName;
        load(m.accountId);
        return m_contacts.value(m.accountId + QLatin1Char('\n') + m.talkerId, m.talkerId);
    }

private:
    void load(const QString &accountId)
    {
        if (m_loaded.contains(accountId))
            return;
        m_loaded.insert(accountId, true);
        for (const Room &r : m_reader.rooms(accountId))
            m_rooms.insert(accountId + QLatin1Char('\n') + r.id, r.topic);
        for (const Contact &c : m_reader.contacts(accountId))
            m_contacts.insert(accountId + QLatin1Char('\n') + c.id, c.displayName());
    }

    StoreReader &m_reader;
    QHash<QString, bool> m_loaded;
    QHash<QString, QString> m_rooms;
    QHash<QString, QString> m_contacts;
};

// The text column: a message's own text, or for an image, a file and the
// like (which carry none) its kind and file name, so no row reads empty. A
// group event kept as data is written in the language installed now (as
// the feed shows it); older rows keep the line they were stored with.
QString exportText(const Message &m)
{
    if (m.kind == MessageKind::System) {
        QString line = SystemEvent::fromJson(m.systemEvent).describe();
        if (!line.isEmpty())
            return line;
    }
    if (!m.text.isEmpty())
        return m.text;
    const QString kind = QStringLiteral("[%1]").arg(messageKindName(m.kind));
    return m.filename.isEmpty() ? kind : kind + QLatin1Char(' ') + m.filename;
}

// Writes rows in the chosen format; the caller feeds pages.
class RowWriter
{
public:
    RowWriter(QSaveFile &file, const ExportRequest &request)
        : m_file(file)
        , m_request(request)
    {}

    bool begin()
    {
        if (m_request.format == ExportRequest::Format::Json)
            return put("[");
        QByteArray head;
        if (m_request.utf8Bom)
            head = "\xEF\xBB\xBF";
        head += "time,room,sender,sender_id,type,text\r\n";
        return put(head);
    }

    bool row(const Message &m, NameBook &names)
    {
        if (m_request.format == ExportRequest::Format::Json) {
            const QJsonObject o{
                {QStringLiteral("time"), isoTime(m.timestampMs)},
                {QStringLiteral("timestamp_ms"), double(m.timestampMs)},
                {QStringLiteral("room"), names.conversationName(m)},
                {QStringLiteral("room_id"), m.conversationId()},
                {QStringLiteral("sender"), names.senderName(m)},
                {QStringLiteral("sender_id"), m.talkerId},
                {QStringLiteral("type"), messageKindName(m.kind)},
                {QStringLiteral("text"), exportText(m)},
                {QStringLiteral("file_name"), m.filename},
                {QStringLiteral("message_id"), m.id},
            };
            QByteArray line = m_first ? "\n" : ",\n";
            line += QJsonDocument(o).toJson(QJsonDocument::Compact);
            m_first = false;
            return put(line);
        }
        const bool n = m_request.neutralizeFormulas;
        const QStringList cells = {
            Exporter::csvField(isoTime(m.timestampMs)),
            Exporter::csvField(names.conversationName(m), n),
            Exporter::csvField(names.senderName(m), n),
            Exporter::csvField(m.talkerId, n),
            Exporter::csvField(messageKindName(m.kind)),
            Exporter::csvField(exportText(m), n),
        };
        return put(cells.join(QLatin1Char(',')).toUtf8() + "\r\n");
    }

    bool end()
    {
        if (m_request.format == ExportRequest::Format::Json)
            return put(m_first ? "]\n" : "\n]\n");
        return true;
    }

private:
    bool put(const QByteArray &bytes) { return m_file.write(bytes) == bytes.size(); }

    QSaveFile &m_file;
    const ExportRequest &m_request;
    bool m_first = true;
};

} // namespace

Exporter::Exporter(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

Exporter::~Exporter()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool Exporter::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void Exporter::cancel()
{
    m_cancelled = true;
}

bool Exporter::start(const ExportRequest &request)
{
    if (isRunning())
        return false;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_cancelled = false;
    Store *store = m_store;
    m_thread = QThread::create([this, store, request] {
        qint64 rows = 0;
        QString error;
        bool ok = false;
        {
            // The reader's connection belongs to this thread.
            const std::unique_ptr<StoreReader> reader = store->createReader();
            if (!reader->isOpen()) {
                error = QCoreApplication::translate("Exporter", "The archive could not be read.");
            } else {
                ok = run(
                    *reader, request, m_cancelled,
                    [this](qint64 done, qint64 total) { emit progress(done, total); }, &rows,
                    &error);
            }
        }
        emit finished(ok, rows, error);
    });
    m_thread->start();
    return true;
}

QString Exporter::csvField(const QString &value, bool neutralizeFormulas)
{
    QString v = value;
    if (neutralizeFormulas && !v.isEmpty()) {
        const QChar c = v.front();
        if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-')
            || c == QLatin1Char('@') || c == QLatin1Char('\t') || c == QLatin1Char('\r'))
            v.prepend(QLatin1Char('\''));
    }
    const bool quote = v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"'))
        || v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r'));
    if (!quote)
        return v;
    v.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

bool Exporter::run(StoreReader &reader, const ExportRequest &request,
                   const std::atomic_bool &cancelled,
                   const std::function<void(qint64, qint64)> &progress, qint64 *rows,
                   QString *error)
{
    *rows = 0;
    QSaveFile file(request.path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("Exporter", "Cannot write %1: %2")
                     .arg(request.path, file.errorString());
        return false;
    }
    NameBook names(reader);
    RowWriter out(file, request);
    bool ok = out.begin();

    const qint64 to = request.toMs > 0 ? request.toMs : std::numeric_limits<qint64>::max();
    qint64 total = -1;
    if (request.source != ExportRequest::Source::Search) {
        total = reader.countInRange(request.accountId,
                                    request.source == ExportRequest::Source::Conversation
                                        ? request.conversationId
                                        : QString(),
                                    request.fromMs, request.toMs);
    }
    if (progress)
        progress(0, total);

    FeedCursor cursor{request.fromMs, 0};
    qint64 afterRow = 0;
    SearchQuery search = request.search;
    if (search.limit <= 0 || search.limit > kPageSize)
        search.limit = kPageSize;

    while (ok) {
        if (cancelled) {
            file.cancelWriting();
            *error = QCoreApplication::translate("Exporter", "The export was cancelled.");
            return false;
        }
        QVector<Message> page;
        bool last = false;
        switch (request.source) {
        case ExportRequest::Source::Conversation: {
            page = reader.messagesAfter(request.accountId, request.conversationId, cursor,
                                        kPageSize);
            last = page.size() < kPageSize;
            if (!page.isEmpty())
                cursor = {page.last().timestampMs, page.last().rowId};
            // Oldest first: everything past the end of the range is after it.
            while (!page.isEmpty() && page.last().timestampMs > to) {
                page.removeLast();
                last = true;
            }
            break;
        }
        case ExportRequest::Source::DateRange:
            page = reader.messagesAfterRow(request.accountId, afterRow, request.fromMs,
                                           request.toMs, kPageSize);
            last = page.size() < kPageSize;
            if (!page.isEmpty())
                afterRow = page.last().rowId;
            break;
        case ExportRequest::Source::Search: {
            const QVector<SearchHit> hits = reader.search(search);
            for (const SearchHit &h : hits)
                page.append(h.message);
            last = hits.size() < search.limit;
            if (!page.isEmpty())
                search.beforeRowId = page.last().rowId;
            break;
        }
        }
        for (const Message &m : std::as_const(page)) {
            if (!out.row(m, names)) {
                ok = false;
                break;
            }
        }
        *rows += page.size();
        if (progress)
            progress(*rows, total);
        if (last || page.isEmpty())
            break;
    }
    ok = ok && out.end();
    if (!ok || !file.commit()) {
        file.cancelWriting();
        *error = QCoreApplication::translate("Exporter", "Cannot write %1: %2")
                     .arg(request.path, file.errorString());
        qCWarning(lcStore) << "export failed:" << file.errorString();
        return false;
    }
    qCInfo(lcStore) << "exported" << *rows << "messages";
    return true;
}

} // namespace gd
