#include "ConsoleProbe.h"

#include <QProcess>

namespace gd::test {

ConsoleProbe::ConsoleProbe()
    : m_process(std::make_unique<QProcess>())
{}

ConsoleProbe::~ConsoleProbe()
{
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool ConsoleProbe::start(const QString &program, const QString &databaseUrl,
                         const QStringList &extraArguments, QString *error)
{
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, m_process.get(),
                     [this] { read(); });
    m_process->start(program,
                     QStringList{QStringLiteral("--database"), databaseUrl} + extraArguments);
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("%1: %2").arg(program, m_process->errorString());
        return false;
    }
    return true;
}

void ConsoleProbe::read()
{
    m_partial += m_process->readAllStandardOutput();
    const qsizetype end = m_partial.lastIndexOf('\n');
    if (end < 0)
        return;
    const QByteArray complete = m_partial.left(end);
    m_partial.remove(0, end + 1);
    for (const QByteArray &raw : complete.split('\n')) {
        if (raw.isEmpty())
            continue;
        const QStringList f = QString::fromUtf8(raw).split(QLatin1Char('\t'));
        // message <seen_ms> <row id> <account> <conversation> <message id> <message time>
        if (f.size() == 7 && f[0] == QLatin1String("message")) {
            m_messages.append({f[1].toLongLong(), f[2].toLongLong(), f[3], f[4], f[5]});
            continue;
        }
        m_otherLines.append(f);
    }
}

bool ConsoleProbe::has(const QString &kind)
{
    read();
    if (kind == QLatin1String("message"))
        return !m_messages.isEmpty();
    for (const QStringList &line : std::as_const(m_otherLines)) {
        if (line.first() == kind)
            return true;
    }
    return false;
}

QList<QStringList> ConsoleProbe::linesOf(const QString &kind)
{
    read();
    QList<QStringList> out;
    for (const QStringList &line : std::as_const(m_otherLines)) {
        if (line.first() == kind)
            out.append(line.mid(1));
    }
    return out;
}

const QVector<ConsoleProbe::SeenMessage> &ConsoleProbe::messages()
{
    read();
    return m_messages;
}

QHash<qint64, QList<qint64>> ConsoleProbe::seenByRow()
{
    QHash<qint64, QList<qint64>> seen;
    for (const SeenMessage &m : messages())
        seen[m.rowId].append(m.seenMs);
    return seen;
}

QHash<QString, QList<qint64>> ConsoleProbe::seenByMessageId()
{
    QHash<QString, QList<qint64>> seen;
    for (const SeenMessage &m : messages())
        seen[m.messageId].append(m.seenMs);
    return seen;
}

qint64 ConsoleProbe::processId() const
{
    return m_process->processId();
}

void ConsoleProbe::stop()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    read();
}

} // namespace gd::test
